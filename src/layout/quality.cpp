#include "layout/quality.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "layout/label_placer.hpp"
#include "layout/scene_contrast.hpp"
#include "layout/theme.hpp"
#include "time/calendar.hpp"

namespace tarikh {
namespace {

struct Segment {
    Point a, b;
    double left() const { return std::min(a.x, b.x); }
    double right() const { return std::max(a.x, b.x); }
};

double overlap_area(std::vector<Box> boxes) {
    std::sort(boxes.begin(), boxes.end(), [](const Box& l, const Box& r) { return l.x < r.x; });
    double area = 0;
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size() && boxes[j].x < boxes[i].right(); ++j) {
            double w = std::min(boxes[i].right(), boxes[j].right()) - boxes[j].x;
            double h = std::min(boxes[i].bottom(), boxes[j].bottom()) - std::max(boxes[i].y, boxes[j].y);
            if (w > 0 && h > 0) area += w * h;
        }
    return area;
}

double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Proper crossings only: segments that merely touch (a shared end) do not cross.
bool crosses(const Segment& s, const Segment& t) {
    double d1 = cross(s.a, s.b, t.a), d2 = cross(s.a, s.b, t.b);
    double d3 = cross(t.a, t.b, s.a), d4 = cross(t.a, t.b, s.b);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

size_t count_crossings(std::vector<Segment> segments) {
    std::sort(segments.begin(), segments.end(), [](const Segment& l, const Segment& r) { return l.left() < r.left(); });
    size_t count = 0;
    for (size_t i = 0; i < segments.size(); ++i)
        for (size_t j = i + 1; j < segments.size() && segments[j].left() <= segments[i].right(); ++j)
            count += crosses(segments[i], segments[j]);
    return count;
}

// Inversions in `values` (pairs i < j with values[i] > values[j]), by merge sort: O(n log n).
std::uint64_t inversions(std::vector<double>& values, std::vector<double>& scratch, size_t from, size_t to) {
    if (to - from < 2) return 0;
    size_t mid = (from + to) / 2;
    std::uint64_t count = inversions(values, scratch, from, mid) + inversions(values, scratch, mid, to);
    size_t i = from, j = mid, k = from;
    while (i < mid || j < to) {
        if (j == to || (i < mid && values[i] <= values[j])) {
            scratch[k++] = values[i++];
        } else {
            count += mid - i;
            scratch[k++] = values[j++];
        }
    }
    std::copy(scratch.begin() + static_cast<std::ptrdiff_t>(from), scratch.begin() + static_cast<std::ptrdiff_t>(to),
              values.begin() + static_cast<std::ptrdiff_t>(from));
    return count;
}

struct PairCount {
    std::uint64_t discordant = 0, comparable = 0;
};

// For Kendall's tau: among labels of different times, the pairs whose labels run against
// time. `order`: (time, logical x) of each label.
PairCount order_pairs(std::vector<std::pair<long double, double>> order) {
    std::sort(order.begin(), order.end());
    std::vector<double> xs, scratch(order.size());
    for (const auto& [time, x] : order) xs.push_back(x);
    PairCount count;
    count.discordant = inversions(xs, scratch, 0, xs.size());
    std::uint64_t n = order.size(), tied = 0;
    for (size_t i = 0, j; i < order.size(); i = j) {
        for (j = i; j < order.size() && order[j].first == order[i].first;) ++j;
        tied += (j - i) * (j - i - 1) / 2;
    }
    count.comparable = n * (n - 1) / 2 - tied;
    return count;
}

void measure_leaders(const Layout& layout, LayoutQuality& q) {
    std::map<int, std::vector<Segment>> leaders_by_page;
    for (const auto& line : layout.lines) {
        if (line.kind != LineKind::leader) continue;
        double length = std::hypot(line.to.x - line.from.x, line.to.y - line.from.y);
        q.leader_total += length;
        q.leader_max = std::max(q.leader_max, length);
        leaders_by_page[line.page].push_back({line.from, line.to});
    }
    for (auto& [page, segments] : leaders_by_page) q.leader_crossings += count_crossings(std::move(segments));
}

// The smallest glyph run of `items` drawn at `scale`, or `smallest` if none is smaller.
double smallest_text(const std::vector<Item>& items, double scale, double smallest) {
    for (const auto& item : items) {
        if (const auto* text = std::get_if<TextItem>(&item))
            for (const auto& run : text->runs)
                if (!run.glyphs.empty()) smallest = std::min(smallest, run.size * scale);
        if (const auto* group = as_group(item)) smallest = smallest_text(group->items, scale * group->scale, smallest);
    }
    return smallest;
}

}  // namespace

double min_text_px(const Scene& scene) {
    constexpr double kNone = 1e300;
    double smallest = kNone;
    for (const auto& page : scene.pages) smallest = smallest_text(page.items, 1, smallest);
    return smallest == kNone ? 0 : smallest;
}

double min_text_px(const Page& page) {
    constexpr double kNone = 1e300;
    double smallest = smallest_text(page.items, 1, kNone);
    return smallest == kNone ? 0 : smallest;
}

LayoutQuality measure_quality(const Timeline& timeline, const Layout& layout, const Theme& theme) {
    LayoutQuality q;
    q.events = timeline.events.size();
    std::unordered_map<std::string, size_t> event_index;
    for (size_t i = 0; i < timeline.events.size(); ++i) event_index.emplace(timeline.events[i].id, i);
    std::vector<Interval> times = resolve_event_times(timeline, Calendar(timeline.timezone));
    // An event nobody dates is listed, never labelled at a marker: not one to count here.
    q.events -= static_cast<size_t>(std::count_if(times.begin(), times.end(), [](const Interval& iv) { return iv.unknown; }));
    bool rtl = layout.scene.rtl;  // the chart as drawn: mirrored for a right-to-left edition, whatever its texts are in
    const double label_gap = theme.chart.label_gap;  // as the chart placed its labels

    std::map<int, std::vector<Box>> labels_by_page;
    std::unordered_map<std::string, Box> marker_of;
    std::unordered_map<std::string, bool> labelled;
    struct Labelled { Box label; size_t event; int page; };
    std::vector<Labelled> event_labels;
    for (const auto& b : layout.boxes) {
        bool text = b.kind == BoxKind::label || b.kind == BoxKind::link || b.kind == BoxKind::entry;
        if (text) labels_by_page[b.page].push_back(b.box);
        if (b.kind == BoxKind::marker) marker_of.emplace(b.event, b.box);
        if ((b.kind == BoxKind::label || b.kind == BoxKind::entry) && event_index.count(b.event)) {
            labelled[b.event] = true;
            if (b.kind == BoxKind::label) event_labels.push_back({b.box, event_index.at(b.event), b.page});
        }
    }
    for (const auto& [page, boxes] : labels_by_page) q.label_overlap_area += overlap_area(boxes);
    q.labelled = labelled.size();

    // Per lane and page: rows as the distinct label bottoms (labels sit on their row's
    // bottom), the bound as the deepest overlap of labels placed right at their markers.
    std::map<std::pair<int, std::string>, std::vector<const Labelled*>> by_lane;
    for (const auto& l : event_labels) by_lane[{l.page, timeline.events[l.event].lane}].push_back(&l);
    std::uint64_t discordant = 0, comparable = 0;
    for (const auto& [key, labels] : by_lane) {
        std::vector<double> bottoms;
        std::vector<LabelRequest> anchored;
        std::vector<std::pair<long double, double>> order;  // (time, logical x)
        for (const Labelled* l : labels) {
            bottoms.push_back(std::round(l->label.bottom() * 100) / 100);
            auto marker = marker_of.find(timeline.events[l->event].id);
            if (marker != marker_of.end()) {
                const Box& m = marker->second;
                // As the placer saw it: logical x (mirrored back in Arabic) at the marker.
                double x = rtl ? -m.right() : m.x;
                anchored.push_back({x, l->label.width, l->label.height});
            }
            order.emplace_back(static_cast<long double>(times[l->event].start), rtl ? -l->label.right() : l->label.x);
        }
        std::sort(bottoms.begin(), bottoms.end());
        q.rows_used += static_cast<size_t>(std::unique(bottoms.begin(), bottoms.end()) - bottoms.begin());
        q.rows_lower_bound += static_cast<size_t>(rows_needed(anchored, label_gap));

        PairCount pairs = order_pairs(std::move(order));
        discordant += pairs.discordant;
        comparable += pairs.comparable;
    }
    if (comparable > 0) q.kendall_tau = 1.0 - 2.0 * static_cast<double>(discordant) / static_cast<double>(comparable);
    measure_leaders(layout, q);
    q.min_contrast = min_text_contrast(layout.scene, theme.paper);
    q.min_text_px = min_text_px(layout.scene);
    return q;
}

std::string quality_json(const LayoutQuality& q) {
    auto ratio = [](double a, double b) { return b > 0 ? std::round(a / b * 1000) / 1000 : 1.0; };
    auto round2 = [](double v) { return std::round(v * 100) / 100; };
    nlohmann::ordered_json out{
        {"label_overlap_area", round2(q.label_overlap_area)},
        {"events", q.events},
        {"labelled", q.labelled},
        {"labelling_rate", ratio(static_cast<double>(q.labelled), static_cast<double>(q.events))},
        {"rows_used", q.rows_used},
        {"rows_lower_bound", q.rows_lower_bound},
        {"rows_ratio", ratio(static_cast<double>(q.rows_used), static_cast<double>(q.rows_lower_bound))},
        {"leader_total", round2(q.leader_total)},
        {"leader_max", round2(q.leader_max)},
        {"leader_crossings", q.leader_crossings},
        {"kendall_tau", std::round(q.kendall_tau * 10000) / 10000},
        {"min_contrast", std::floor(q.min_contrast * 100) / 100},  // down: 4.50 shown is 4.5 reached
        {"min_text_px", round2(q.min_text_px)},
        {"layout_ms", round2(q.layout_ms)},
    };
    return out.dump(1, '\t') + "\n";
}

}  // namespace tarikh
