// Density bands (--aggregate): which events a chart counts in bars rather than drawing them one
// by one, the bars of each aggregated lane, and the bars as scene items.
#include <algorithm>
#include <cmath>

#include "layout/band_words.hpp"
#include "layout/chart_stages.hpp"
#include "layout/contrast.hpp"

namespace tarikh {
namespace {

// With --aggregate auto a lane is counted once it holds more events than fit as labelled
// markers: as many labels as the plot holds side by side, times the rows the chart stacks at
// a marker (12 in the default theme: 24 at 680 px). A chart without a width grows with its
// labels instead, so there only past a thousand.
size_t marker_capacity(const EditionContext& e, const LayoutOptions& options) {
    const ChartTheme& look = e.theme.chart;
    if (!options.width) return 1000;
    const double plot = *options.width - 2 * e.theme.margin;
    const double side_by_side = std::max(1.0, std::floor(plot / (look.label_max_width * e.scale + look.label_gap)));
    return static_cast<size_t>(side_by_side) * static_cast<size_t>(std::max(1, look.max_rows_at_markers));
}

// A lane's label in the edition's language; "" for the lane of events without one.
std::string lane_label(EditionContext& e, const std::string& id) {
    const Timeline& t = e.timeline;
    for (size_t i = 0; i < t.lanes.size(); ++i)
        if (t.lanes[i].id == id && !id.empty()) return e.pick(t.lanes[i].label, "/lanes/" + std::to_string(i) + "/label");
    return "";
}

// For a note in English (diagnostics are English): the lane by its label, else its id.
std::string lane_name(EditionContext& e, const std::string& key) {
    if (key.empty()) return "of events without a lane";
    std::string name = lane_label(e, key);
    return "\u201C" + (name.empty() ? key : name) + "\u201D";
}

}  // namespace

std::vector<bool> plan_bands(EditionContext& e, const LayoutOptions& options, const std::vector<size_t>& shown,
                             ChartText& text) {
    const Timeline& t = e.timeline;
    std::vector<bool> drawn(t.events.size(), true);
    if (options.aggregate.period == AggregatePeriod::none || shown.empty()) return drawn;
    const size_t capacity = marker_capacity(e, options);
    AggregatePlan plan = plan_aggregation(t, text.intervals, options.aggregate, capacity);
    if (!plan.any()) return drawn;
    Instant from = text.intervals[shown.front()].start, to = text.intervals[shown.front()].end;
    for (size_t i : shown) {
        from = std::min(from, text.intervals[i].start);
        to = std::max(to, text.intervals[i].end);
    }
    const char* unit = *plan.bin == Bin::week ? "weeks" : "months";
    if (periods_spanned(from, to, *plan.bin) > kMostPeriods) {
        e.warn("no density band: the events span more than " + std::to_string(static_cast<int>(kMostPeriods)) + " " + unit +
                   ", each bar would be thinner than a hair: every event is drawn",
               {*plan.bin == Bin::week ? "try --aggregate month" : "try --aggregate none"});
        return drawn;
    }
    text.bin = plan.bin;
    text.measure = plan.measure;
    for (size_t i : shown) {
        drawn[i] = plan.kept[i];
        if (plan.counted[i]) text.counted.push_back(i);
    }
    if (plan.automatic)
        for (const auto& key : plan.lanes) {
            size_t n = static_cast<size_t>(std::count(plan.keys.begin(), plan.keys.end(), key));
            e.warn("the lane " + lane_name(e, key) + " holds " + std::to_string(n) + " events, more than the " +
                       std::to_string(capacity) + " that fit as labelled markers" +
                       (options.width ? " at " + std::to_string(static_cast<int>(*options.width)) + " px" : "") +
                       ": drawn as a band of bars, one per " + (*plan.bin == Bin::week ? "week" : "month"),
                   {"--aggregate none draws every event; --label-top N or --label-where fatalities>=N labels some"});
        }
    return drawn;
}

void bin_bands(EditionContext& e, const std::vector<size_t>& counted_lanes, ChartText& text) {
    if (!text.bin || text.counted.empty()) return;
    Instant from = text.intervals[text.counted.front()].start, to = text.intervals[text.counted.front()].end;
    for (const auto& g : text.events) {
        from = std::min(from, text.intervals[g.event].start);
        to = std::max(to, text.intervals[g.event].end);
    }
    std::vector<std::vector<size_t>> per_lane(text.lanes.size());
    for (size_t k = 0; k < text.counted.size(); ++k) {
        const size_t i = text.counted[k];
        from = std::min(from, text.intervals[i].start);
        to = std::max(to, text.intervals[i].end);
        per_lane[counted_lanes[k]].push_back(i);
        if (text.measure == Measure::fatalities && !has_fatalities(e.timeline.events[i])) text.lacks_figures = true;
    }
    const Calendar periods = period_calendar(e);
    for (size_t li = 0; li < text.lanes.size(); ++li) {
        if (per_lane[li].empty()) continue;
        ChartLane& lane = text.lanes[li];
        lane.aggregated = true;
        lane.bars = bin_events(e.timeline, text.intervals, per_lane[li], *text.bin, text.measure, periods, from, to);
        for (const auto& bar : lane.bars) text.tallest = std::max(text.tallest, bar.value);
    }
}

BandItems draw_bands(EditionContext& e, const ChartText& text, const ChartAxis& axis,
                     const std::function<Box(const Box&)>& mirror, Layout& out) {
    BandItems drawn;
    if (!text.bin) return drawn;
    const double height = kBandHeight;
    const double tallest = std::max(text.tallest, 1e-9);
    bool with_fatalities = text.measure == Measure::fatalities;
    for (size_t i : text.counted) with_fatalities |= has_fatalities(e.timeline.events[i]);
    for (const auto& lane : text.lanes) {
        if (!lane.aggregated) continue;
        // Opaque, a step paler than the markers over them: it reads on screen and in print alike.
        const Color fill = mix(lane.color, e.theme.paper, 0.3);
        const double bottom = lane.band_top + height;
        for (size_t k = 0; k < lane.bars.size(); ++k) {
            const Bar& bar = lane.bars[k];
            double x0 = axis.x_of(bar.from), x1 = axis.x_of(bar.to);
            if (x1 - x0 > 3) {  // a hairline of paper between neighbours, where there is room for it
                x0 += 0.5;
                x1 -= 0.5;
            }
            const Box column{x0, lane.band_top, x1 - x0, height};
            const std::string name = period_name(e, *text.bin, bar.period);
            const std::string totals = period_totals(e, bar, with_fatalities);
            if (bar.value > 0) {  // an empty period stays empty: no bar, its column still there
                const double h = std::max(1.0, height * bar.value / tallest);
                Group group;
                group.alt = name + e.words.dash + totals;
                group.items.push_back(RectItem{mirror({x0, bottom - h, x1 - x0, h}), fill, std::nullopt, 0});
                drawn.items.push_back(std::move(group));
            }
            EventNote note;
            note.event_id = "bar-" + (lane.id.empty() ? std::string("none") : lane.id) + "-" + std::to_string(k + 1);
            note.hot = mirror(column);
            note.heading = name;
            if (std::string label = lane_label(e, lane.id); !label.empty()) note.heading += e.words.dash + label;
            note.lines.push_back(totals);
            if (std::string clipped = clipped_note(e, bar); !clipped.empty()) note.lines.push_back(clipped);
            out.scene.notes.push_back(std::move(note));
            out.bars.push_back({lane.id, name, bar.value, bar.events, bar.fatalities, 1, mirror(column)});
        }
        // The shared scale's top: every band's tallest bar reaches this line.
        Box top = mirror({axis.left, lane.band_top, axis.width, 0});
        drawn.items.push_back(
            LineItem{{{top.x, top.y}, {top.x + axis.width, top.y}}, {e.theme.muted, 0.75, {1.5, 2.5}}, false});
        drawn.layers.push_back({{axis.left, lane.band_top, axis.width, height}, fill});
    }
    return drawn;
}

}  // namespace tarikh
