#include "layout/chart_strips.hpp"

#include <algorithm>
#include <cmath>

namespace tarikh {
namespace {

bool is_header_kind(BoxKind kind) { return kind == BoxKind::title || kind == BoxKind::subtitle || kind == BoxKind::legend; }

Box unite(const Box& a, const Box& b) {
    if (a.width <= 0 && a.height <= 0) return b;
    double x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

// The scale at which whole strips best fill both the first page (under the header, whose
// room depends on the scale) and the later ones, as near the chart's own size as can be.
template <typename FirstRoom>
double filling_scale(double body, FirstRoom first_room, double first_height, double later_room) {
    auto strips_in = [&](double room, double s) {
        return std::max(0, static_cast<int>(std::floor((room + kStripGap) / (body * s + kStripGap))));
    };
    auto height_of = [&](int k, double s) { return k * body * s + (k - 1) * kStripGap; };
    std::vector<double> candidates{kMaxScale};
    for (int k = 1; k <= 20; ++k) {
        candidates.push_back((later_room - (k - 1) * kStripGap) / (k * body));
        double s = 1;
        for (int i = 0; i < 3; ++i) s = (first_room(s) - (k - 1) * kStripGap) / (k * body);
        candidates.push_back(s);
    }
    double best = 0, best_distance = HUGE_VAL;
    for (double s : candidates) {
        s = std::min(s, kMaxScale);
        int first = strips_in(first_room(s), s), later = strips_in(later_room, s);
        if (s < kMinScale || first < 1) continue;
        double first_used = 1 - (first_room(s) - height_of(first, s)) / first_height;
        double later_used = height_of(later, s) / later_room;
        // Pages used first, then the scale nearest the chart's own.
        double distance = (1 - std::min(first_used, later_used)) * 10 + std::abs(std::log(s));
        if (distance < best_distance) {
            best_distance = distance;
            best = s;
        }
    }
    if (best > 0) return best;
    // Even one strip at the smallest scale is taller than a page: one strip a page, shrunk.
    double s = later_room / body;
    for (int i = 0; i < 3; ++i) s = std::min(s, first_room(s) / body);
    return s;
}

// Evenly, each end moved (by at most a sixth of a strip, never past what a page holds, and
// leaving the rest room enough) to where the cut and the next strip's start cut fewest labels.
void cut_strips(StripPlan& plan, double total, double widest, double overlap, const LabelSpans& labels) {
    const int n = plan.count;
    const double even = n == 1 ? total : (total + (n - 1) * overlap) / n;
    double start = 0;
    for (int k = 0; k < n; ++k) {
        plan.starts.push_back(start);
        if (k == n - 1) {
            plan.ends.push_back(total);
            break;
        }
        double ideal = (k + 1) * (even - overlap) + overlap;
        double rest = (n - 1 - k) * widest - (n - 2 - k) * overlap;  // what the strips after hold
        double lo = std::max(ideal - even / 6, total + overlap - rest), hi = std::min(ideal + even / 6, start + widest);
        double best = std::clamp(ideal, lo, std::max(lo, hi));
        auto cost = [&](double u) { return 1000 * (labels.crossed(u) + labels.crossed(u - overlap)) + std::abs(u - ideal); };
        double best_cost = cost(best);
        for (const auto* edges : {&labels.starts, &labels.ends})
            for (auto it = std::lower_bound(edges->begin(), edges->end(), lo - overlap - 2);
                 it != edges->end() && *it <= hi + overlap + 2; ++it)
                for (double u : {*it - 2, *it + 2, *it + overlap - 2, *it + overlap + 2})
                    if (u >= lo && u <= hi && cost(u) < best_cost) {
                        best = u;
                        best_cost = cost(u);
                    }
        plan.ends.push_back(best);
        start = best - overlap;
    }
    // Should a strip come out wider than a page holds, even cuts it is.
    bool fits = true;
    for (int k = 0; k < n; ++k) fits &= plan.ends[k] - plan.starts[k] <= widest + 0.5;
    if (fits) return;
    for (int k = 0; k < n; ++k) {
        plan.starts[k] = k * (even - overlap);
        plan.ends[k] = k == n - 1 ? total : plan.starts[k] + even;
    }
}

}  // namespace

ChartParts find_parts(const Layout& chart, double widest_column, double from, double to) {
    ChartParts p;
    double body_top = chart.scene.pages.at(0).height;
    for (const auto& b : chart.boxes)
        if (!is_header_kind(b.kind)) body_top = std::min(body_top, b.box.y);
    // A segmented chart's panels have headings of their own: those are part of the body.
    for (size_t i = 0; i < chart.boxes.size(); ++i) {
        const LayoutBox& b = chart.boxes[i];
        if (is_header_kind(b.kind) && b.box.bottom() <= body_top + 0.5) {
            p.header = unite(p.header, b.box);
            p.header_boxes.push_back(i);
        } else if (b.box.y < from || b.box.y >= to) {
            continue;  // in another band
        } else if (b.kind == BoxKind::lane_label) {
            p.lane_names.push_back(i);
        } else {
            p.body = unite(p.body, b.box);
            p.body_boxes.push_back(i);
        }
    }
    for (size_t i : p.lane_names) p.names_width = std::max(p.names_width, chart.boxes[i].box.width);
    if (p.lane_names.empty()) return p;
    p.column = std::min(p.names_width + kColumnGap, widest_column);
    return p;
}

double LabelSpans::crossed(double u) const {
    auto before = std::lower_bound(starts.begin(), starts.end(), u) - starts.begin();
    auto ended = std::upper_bound(ends.begin(), ends.end(), u) - ends.begin();
    return static_cast<double>(before - ended);
}

double band_scale(const ChartParts& whole, double tallest, const Box& first_area, const Box& later_area) {
    auto first_room = [&](double s) {
        double header_scale = std::min(s, first_area.width / std::max(whole.header.width, 1.0));
        return first_area.height - (whole.header.height > 0 ? whole.header.height * header_scale + kHeaderGap : 0);
    };
    return filling_scale(std::max(tallest, 1.0), first_room, first_area.height, later_area.height);
}

std::vector<double> panel_tops(const Layout& chart, const ChartParts& whole) {
    std::vector<double> tops;
    for (size_t i : whole.body_boxes)
        if (is_header_kind(chart.boxes[i].kind) && chart.boxes[i].box.y > whole.body.y + 0.5)
            tops.push_back(chart.boxes[i].box.y);
    std::sort(tops.begin(), tops.end());
    tops.erase(std::unique(tops.begin(), tops.end()), tops.end());
    return tops;
}

StripPlan plan_band(const ChartParts& parts, const LabelSpans& labels, double scale, double width, double least_overlap,
                    int at_least) {
    StripPlan plan;
    plan.scale = scale;
    const double widest = std::max(width / scale - parts.column, 2 * least_overlap);
    plan.overlap = std::clamp(labels.widest, least_overlap, std::max(least_overlap, widest / 4));
    const double total = std::max(parts.body.width, 1.0);
    plan.count = total <= widest ? 1 : static_cast<int>(std::ceil((total - plan.overlap) / (widest - plan.overlap)));
    plan.count = std::max(plan.count, at_least);
    cut_strips(plan, total, widest, plan.overlap, labels);
    return plan;
}

StripPlan plan_strips(const ChartParts& parts, const LabelSpans& labels, double header_height, const Box& first_area,
                      const Box& later_area, double least_overlap) {
    StripPlan plan;
    const double body_height = std::max(parts.body.height, 1.0);
    auto first_room = [&](double s) {
        double header_scale = std::min(s, first_area.width / std::max(parts.header.width, 1.0));
        return first_area.height - (header_height > 0 ? header_height * header_scale + kHeaderGap : 0);
    };
    plan.scale = filling_scale(body_height, first_room, first_area.height, later_area.height);
    const double s = plan.scale;
    auto strips_in = [&](double room) {
        return std::max(1, static_cast<int>(std::floor((room + kStripGap) / (body_height * s + kStripGap))));
    };
    plan.first_page = strips_in(first_room(s));
    plan.per_page = strips_in(later_area.height);

    StripPlan cut = plan_band(parts, labels, s, later_area.width, least_overlap, 1);
    plan.count = cut.count;
    if (plan.pages() > 1) {
        // As many strips as keep the last page at least half used: pages even, strips a bit narrower.
        int before_last = plan.first_page + plan.per_page * (plan.pages() - 2);
        if (before_last + (plan.per_page + 1) / 2 > cut.count)
            cut = plan_band(parts, labels, s, later_area.width, least_overlap, before_last + (plan.per_page + 1) / 2);
    }
    plan.count = cut.count;
    plan.starts = std::move(cut.starts);
    plan.ends = std::move(cut.ends);
    plan.overlap = cut.overlap;
    return plan;
}

}  // namespace tarikh
