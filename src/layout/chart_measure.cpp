// The chart's first stage: its texts picked and shaped, events and links sorted into lanes.
#include <algorithm>
#include <unordered_map>

#include "layout/chart_stages.hpp"

namespace tarikh {
namespace {

using LaneIndex = std::unordered_map<std::string, size_t>;

// `width`: where the lines wrap; 0: never.
void measure_header(EditionContext& e, const LayoutOptions& options, double width, ChartText& out) {
    const Theme& theme = e.theme;
    if (options.heading) {
        out.title = e.shape(*options.heading, theme.chart.heading_size, true, width);
    } else {
        out.title = e.shape(e.pick(e.timeline.title, "/title"), theme.title_size, true, width);
        if (theme.subtitle) out.subtitle = e.shape(e.pick(e.timeline.subtitle, "/subtitle"), theme.subtitle_size, false, width);
    }
}

// One lane per lane of the timeline, and one more for events without a known lane. Returns
// where the events of each lane id go, and (through `unlaned`) where the others go.
LaneIndex measure_lanes(EditionContext& e, ChartText& out, size_t& unlaned) {
    const Timeline& t = e.timeline;
    LaneIndex index;
    for (size_t i = 0; i < t.lanes.size(); ++i) {
        ChartLane lane;
        lane.id = t.lanes[i].id;
        lane.color = e.lane_color(lane.id);
        lane.title = e.shape(e.pick(t.lanes[i].label, "/lanes/" + std::to_string(i) + "/label"), e.theme.chart.lane_size, true);
        index.emplace(lane.id, out.lanes.size());
        out.lanes.push_back(std::move(lane));
    }
    bool needs_default_lane =
        std::any_of(t.events.begin(), t.events.end(), [&](const Event& ev) { return !index.count(ev.lane); });
    unlaned = 0;
    if (needs_default_lane || out.lanes.empty()) {
        ChartLane lane;
        lane.color = e.theme.unlaned;
        unlaned = out.lanes.size();
        out.lanes.push_back(std::move(lane));
    }
    return index;
}

// The labels of the events this chart shows: all, or those starting in its window; but those
// counted in a density band, whose lanes go to `counted_lanes`.
void measure_events(EditionContext& e, const LayoutOptions& options, const LaneIndex& lanes, size_t unlaned,
                    ChartText& out, std::vector<size_t>& counted_lanes) {
    const Timeline& t = e.timeline;
    const ChartTheme& look = e.theme.chart;
    const double width = label_text_width(e, options), full = look.label_max_width * e.scale;
    const int title_lines = lines_for_width(look.title_lines, full, width);
    const int meta_lines = lines_for_width(look.meta_lines, full, width);
    std::vector<size_t> shown;
    for (size_t i = 0; i < t.events.size(); ++i)
        if (!out.intervals[i].unknown &&
            (!options.window || (out.intervals[i].start >= options.window->first && out.intervals[i].start < options.window->second)))
            shown.push_back(i);
    const std::vector<bool> drawn = plan_bands(e, options, shown, out);
    auto lane_of = [&](size_t i) {
        auto lane = lanes.find(t.events[i].lane);  // parse resolved every lane; a hand-made model may not
        return lane == lanes.end() ? unlaned : lane->second;
    };
    for (size_t i : out.counted) counted_lanes.push_back(lane_of(i));
    shown.erase(std::remove_if(shown.begin(), shown.end(), [&](size_t i) { return !drawn[i]; }), shown.end());
    // The labels' two lines, asked for together: most of a chart's shaping, done in parallel.
    std::vector<ShapeRequest> label_lines;
    for (size_t i : shown) {
        const Event& ev = t.events[i];
        std::string p = "/events/" + std::to_string(i);
        label_lines.push_back({e.pick(ev.title, p + "/title"), e.style(e.theme.label_size, true, width, title_lines)});
        std::string meta = e.dates.event_date(out.intervals[i]);
        std::string place = e.pick(ev.place, p + "/place");
        if (!place.empty()) meta += e.words.separator + place;
        label_lines.push_back({meta, e.style(e.theme.meta_size, false, width, meta_lines)});
    }
    e.prepare(label_lines);
    for (size_t k = 0; k < shown.size(); ++k) {
        size_t i = shown[k];
        ChartEvent g;
        g.event = i;
        g.lane = lane_of(i);
        g.color = out.lanes[g.lane].color;
        g.approximate = out.intervals[i].approximate || out.intervals[i].uncertain;
        g.label.title = e.shape(label_lines[2 * k].text, e.theme.label_size, true, width, title_lines);
        g.label.meta = e.shape(label_lines[2 * k + 1].text, e.theme.meta_size, false, width, meta_lines);
        g.label.width = std::max(g.label.title.width, g.label.meta.width) + 2 * e.theme.label_pad_x;
        g.label.height = g.label.title.height + g.label.meta.height + 2 * e.theme.label_pad_y;
        out.events.push_back(std::move(g));
    }
}

// Links between shown events, labelled in their target's lane.
void measure_links(EditionContext& e, const LayoutOptions& options, ChartText& out) {
    const Timeline& t = e.timeline;
    const ChartTheme& look = e.theme.chart;
    std::unordered_map<std::string, size_t> shown;  // event id → its place in out.events
    for (size_t k = 0; k < out.events.size(); ++k) shown.emplace(t.events[out.events[k].event].id, k);
    for (size_t i = 0; i < t.links.size(); ++i) {
        auto from = shown.find(t.links[i].from), to = shown.find(t.links[i].to);
        if (from == shown.end() || to == shown.end()) continue;
        ChartLink g;
        g.from = from->second;
        g.to = to->second;
        g.lane = out.events[g.to].lane;
        std::string text = e.pick(t.links[i].label, "/links/" + std::to_string(i) + "/label");
        g.has_label = !text.empty();
        if (g.has_label) g.text = e.shape(text, look.link_size, false, label_text_width(e, options), look.meta_lines);
        out.links.push_back(std::move(g));
    }
}

// The events nobody dates, by title, in one note: listed, never placed on the axis. A segmented
// chart's panels but the one with the legend leave it out, as they leave the legend.
void list_unknown_dates(EditionContext& e, const LayoutOptions& options, ChartText& out) {
    const Timeline& t = e.timeline;
    std::string titles;
    for (size_t i = 0; i < t.events.size() && options.legend; ++i)
        if (out.intervals[i].unknown) {
            std::string title = e.pick(t.events[i].title, "/events/" + std::to_string(i) + "/title");
            titles += (titles.empty() ? "" : e.words.list_separator) + (title.empty() ? t.events[i].id : title);
        }
    if (!titles.empty()) out.unknown_words = fill(e.words.date_unknown_list, "events", titles);
}

}  // namespace

ChartText measure_chart(EditionContext& e, const LayoutOptions& options, const std::vector<Interval>& times) {
    ChartText out;
    measure_header(e, options, 0, out);
    size_t unlaned = 0;
    LaneIndex lanes = measure_lanes(e, out, unlaned);
    out.intervals = times;
    std::vector<size_t> counted_lanes;
    measure_events(e, options, lanes, unlaned, out, counted_lanes);
    for (const auto& lane : out.lanes) out.lane_colors.push_back(lane.color);
    if (options.unified) {
        // One band for every lane: events keep their lane's colour, the legend names them.
        ChartLane band;
        band.color = e.theme.chart.axis;
        out.lanes.assign(1, std::move(band));
        for (auto& g : out.events) g.lane = 0;
        counted_lanes.assign(counted_lanes.size(), 0);
    }
    bin_bands(e, counted_lanes, out);
    measure_links(e, options, out);
    list_unknown_dates(e, options, out);
    return out;
}

double label_text_width(const EditionContext& e, const LayoutOptions& options) {
    double width = e.theme.chart.label_max_width * e.scale;
    if (!options.width) return width;
    double plot = *options.width - 2 * e.theme.margin;
    return std::max(1.0, std::min(width, plot - 2 * e.theme.label_pad_x));
}

void wrap_to_plot(EditionContext& e, const LayoutOptions& options, double width, ChartText& text) {
    if (text.title.width > width || text.subtitle.width > width) measure_header(e, options, width, text);
    if (!text.unknown_words.empty()) text.unknown_dates = e.shape(text.unknown_words, e.theme.chart.legend_size, false, width);
    const Timeline& t = e.timeline;
    for (size_t i = 0; i < text.lanes.size() && i < t.lanes.size() && !options.unified; ++i)
        if (text.lanes[i].title.width > width)
            text.lanes[i].title = e.shape(e.pick(t.lanes[i].label, "/lanes/" + std::to_string(i) + "/label"),
                                          e.theme.chart.lane_size, true, width);
}

}  // namespace tarikh
