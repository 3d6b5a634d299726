// The chart's third stage: top to bottom, the header, the legend, the era labels, each lane
// with its rows of labels above its time line, then the axis; the page holds them all.
#include <algorithm>
#include <cmath>

#include "layout/band_words.hpp"
#include "layout/chart_stages.hpp"

namespace tarikh {
namespace {

// A box's left edge: at `x`, or on a page of fixed width moved left as far as keeps it inside the plot.
double within_plot(const LayoutOptions& options, const ChartAxis& axis, double x, double width) {
    if (!options.width) return x;
    return std::max(axis.left, std::min(x, axis.left + axis.width - width));
}

// On a page of fixed width, labels near the plot's end are pulled back inside one by one, each as
// far as its width says: a wide label would start left of a narrower, later one, and the rows,
// filled in order of x, would stack them by width, not by time (in Arabic as in English). So
// each starts no further right than the label after it; labels left sharing an edge stack in
// the order given. `requests`: in the order of their preferred edges, which, when nothing was
// pulled, this leaves as they are.
void keep_in_order(std::vector<LabelRequest>& requests) {
    for (size_t k = requests.size(); k-- > 1;) requests[k - 1].x = std::min(requests[k - 1].x, requests[k].x);
}

double place_header(const Theme& theme, const ChartText& text, const ChartAxis& axis, ChartPlacement& out) {
    double y = theme.margin;
    out.title_box = {axis.left, y, text.title.width, text.title.height};
    y += text.title.height;
    if (!text.subtitle.runs.empty()) {
        out.subtitle_box = {axis.left, y + 2, text.subtitle.width, text.subtitle.height};
        y += text.subtitle.height + 2;
    }
    return y + 10;
}

// The lanes' names in their colours, then the markers' meanings, in lines as wide as the plot.
double place_legend(EditionContext& e, const ChartText& text, const ChartAxis& axis, double y, ChartPlacement& out) {
    const Timeline& t = e.timeline;
    const double size = e.theme.chart.legend_size;
    // An entry longer than the plot is wide wraps beside its swatch.
    const double text_width = std::max(1.0, axis.width - 18);
    auto add = [&](LegendEntry::Kind kind, Color color, const std::string& words) {
        out.legend.push_back({kind, color, e.shape(words, size, false, text_width), {}});
    };
    for (size_t i = 0; i < t.lanes.size(); ++i) {
        add(LegendEntry::lane, text.lane_colors[i], e.pick(t.lanes[i].label, "/lanes/" + std::to_string(i) + "/label"));
        out.legend.back().shape = e.lane_shape(t.lanes[i].id);
    }
    if (text.bin) {  // the bands' shared scale, and what a measure of fatalities makes of events without one
        std::string note = scale_note(e, *text.bin, text.measure, text.tallest);
        if (text.lacks_figures) note += e.words.list_separator + e.words.no_figure;
        add(LegendEntry::band, e.theme.ink, note);
    }
    // Only the marks the chart draws: a legend explains what is there.
    bool exact = false, approximate = false, period = false;
    for (const auto& g : text.events) {
        exact |= !g.bar && !g.approximate;
        approximate |= g.approximate;
        period |= g.bar;
    }
    if (exact) add(LegendEntry::exact, e.theme.ink, e.words.known_date);
    if (approximate) add(LegendEntry::approximate, e.theme.ink, e.words.approximate_date);
    if (period) add(LegendEntry::period, e.theme.ink, e.words.period);
    double x = axis.left, line_height = 0;
    for (auto& entry : out.legend) {
        double w = 18 + entry.text.width;
        if (x + w > axis.left + axis.width && x > axis.left) {
            x = axis.left;
            y += line_height + 4;
            line_height = 0;
        }
        entry.box = {x, y, w, std::max(entry.text.height, 12.0)};
        out.legend_right = std::max(out.legend_right, entry.box.right());
        line_height = std::max(line_height, entry.box.height);
        x += w + 16;
    }
    return y + line_height;
}

// The eras' names in rows above the lanes, each at its era's start (eras are dates: none on
// a relative axis).
double place_era_labels(EditionContext& e, const LayoutOptions& options, const ChartAxis& axis, double y,
                        ChartPlacement& out) {
    const Timeline& t = e.timeline;
    std::vector<LabelRequest> requests;
    for (size_t i = 0; i < t.eras.size() && options.scale != ScaleKind::relative; ++i) {
        const Era& era = t.eras[i];
        double x0 = std::max(axis.left, axis.x_of(e.calendar.start_of(era.start)));
        double x1 = std::min(axis.left + axis.width, axis.x_of(e.calendar.end_of(era.end)));
        if (x1 <= x0) continue;  // outside the events' span
        ShapedText label = e.shape(e.pick(era.label, "/eras/" + std::to_string(i) + "/label"), e.theme.chart.era_size, true,
                                   options.width ? axis.width - 8 : 0);
        requests.push_back({within_plot(options, axis, x0 + 4, label.width + 8), label.width + 8, label.height + 4});
        out.era_labels.push_back({i, x0, x1, std::move(label), {}});
    }
    if (out.era_labels.empty()) return y;
    RowPlacement rows = place_in_rows(requests, static_cast<int>(requests.size()), e.theme.chart.label_gap);
    std::vector<double> tops(rows.row_heights.size());
    for (size_t r = 0; r < tops.size(); ++r) {
        tops[r] = y;
        y += rows.row_heights[r] + 2;
    }
    for (size_t k = 0; k < out.era_labels.size(); ++k)
        out.era_labels[k].box = {rows.slots[k].x, tops[rows.slots[k].row], requests[k].width, requests[k].height};
    out.era_top = out.era_labels.front().box.y;
    for (const auto& era : out.era_labels) out.era_top = std::min(out.era_top, era.box.y);
    return y + 6;
}

// Bars of one lane that overlap in time go on separate tracks (first fit, in time order);
// points stay on the time line. Returns the lane's number of tracks.
int assign_tracks(const ChartTheme& look, size_t lane, ChartText& text) {
    std::vector<LabelRequest> bars;
    std::vector<ChartEvent*> owners;
    for (auto& g : text.events)
        if (g.lane == lane && g.bar) {
            bars.push_back({g.x0, std::max(g.x1 - g.x0, 2.0), look.bar_height});
            owners.push_back(&g);
        }
    RowPlacement tracks = place_in_rows(bars, static_cast<int>(bars.size()), 2);
    for (size_t k = 0; k < owners.size(); ++k) owners[k]->track = tracks.slots[k].row;
    return std::max<int>(1, static_cast<int>(tracks.row_heights.size()));
}

// The labels of one lane (its events' and its links') in rows stacking up from its time
// line, as many as keep each label at its marker, up to a cap; past it, labels move right
// (a crowded minute must not stack hundreds of rows). On a page of fixed width there is no
// room to the right: the rows stack as high as they must. Returns where the next lane starts.
double place_lane(const Theme& theme, const LayoutOptions& options, const ChartAxis& axis, size_t li, double y,
                  ChartText& text, int& most_rows) {
    const ChartTheme& look = theme.chart;
    ChartLane& lane = text.lanes[li];
    lane.top = y;
    lane.header_bottom = y + std::max(lane.title.height, 4.0) + 4;
    std::vector<LabelRequest> requests;
    std::vector<std::pair<bool, size_t>> owners;  // (is_link, index)
    double total = 0;
    std::vector<size_t> events;  // the lane's, in the order of their labels' preferred edges
    for (size_t i = 0; i < text.events.size(); ++i)
        if (text.events[i].lane == li) events.push_back(i);
    auto preferred = [&](size_t i) { return text.events[i].x0 - (text.events[i].bar ? 0 : theme.marker_radius); };
    std::stable_sort(events.begin(), events.end(), [&](size_t a, size_t b) { return preferred(a) < preferred(b); });
    for (size_t i : events) {
        const auto& g = text.events[i];
        requests.push_back({within_plot(options, axis, preferred(i), g.label.width), g.label.width, g.label.height});
        owners.emplace_back(false, i);
        total += g.label.width + look.label_gap;
    }
    keep_in_order(requests);
    for (size_t i = 0; i < text.links.size(); ++i) {
        const auto& g = text.links[i];
        if (g.lane != li || !g.has_label) continue;
        double mid = (text.events[g.from].x0 + text.events[g.to].x0) / 2;
        double width = g.text.width + 2 * theme.label_pad_x;
        requests.push_back({within_plot(options, axis, mid, width), width, g.text.height + 2 * theme.label_pad_y});
        owners.emplace_back(true, i);
        total += g.text.width + 2 * theme.label_pad_x + look.label_gap;
    }
    int needed = rows_needed(requests, look.label_gap);
    int budget = options.width ? needed : std::max(row_budget(total, axis.width), std::min(needed, look.max_rows_at_markers));
    RowPlacement rows = place_in_rows(requests, budget, look.label_gap);
    most_rows = std::max(most_rows, static_cast<int>(rows.row_heights.size()));
    // Rows stack upwards from the marker strip; row 0 sits just above it.
    double rows_height = 0;
    for (double h : rows.row_heights) rows_height += h + look.row_gap;
    // A density band rises from the time line, its labelled markers' rows above it.
    const double band_room = lane.aggregated ? kBandHeight - look.strip_height / 2 + 4 : 0;
    lane.strip_top = lane.header_bottom + 4 + rows_height + look.leader_room + band_room;
    lane.band_top = lane.strip_top + look.strip_height / 2 - kBandHeight;
    lane.row_tops.assign(rows.row_heights.size(), 0);
    double row_bottom = lane.strip_top - look.leader_room - band_room;
    for (size_t r = 0; r < rows.row_heights.size(); ++r) {
        lane.row_tops[r] = row_bottom - rows.row_heights[r];
        row_bottom = lane.row_tops[r] - look.row_gap;
    }
    for (size_t k = 0; k < owners.size(); ++k) {
        auto [is_link, index] = owners[k];
        const LabelSlot& slot = rows.slots[k];
        if (is_link) {
            text.links[index].slot = slot;
            text.links[index].label_y = lane.row_tops[slot.row];
        } else {
            ChartEvent& g = text.events[index];
            g.slot = slot;
            // Bottom-align with the row, so each leader ends where its row begins.
            g.label_y = lane.row_tops[slot.row] + rows.row_heights[slot.row] - g.label.height;
        }
    }
    lane.tracks = assign_tracks(look, li, text);
    lane.bottom = lane.strip_top + look.strip_height + (lane.tracks - 1) * (look.bar_height + look.track_gap);
    return lane.bottom + look.lane_gap;
}

// The top of a second calendar's tick labels: under the first row's, past its tick marks.
double second_row_top(const Theme& theme, const ChartAxis& axis, const ChartPlacement& out) {
    double first = 0;
    for (const auto& tick : axis.ticks) first = std::max(first, tick.text.height);
    for (const auto& name : axis.row_names) first = std::max(first, name.height);
    return out.axis_y + theme.chart.tick_length + 3 + first + theme.chart.tick_length;
}

// The bottom of the axis's tick labels.
double axis_bottom(const Theme& theme, const ChartAxis& axis, const ChartPlacement& out) {
    double tick_height = 0;
    for (const auto& tick : axis.ticks) tick_height = std::max(tick_height, tick.text.height);
    for (const auto& cut : axis.cut_labels) tick_height = std::max(tick_height, cut.text.height);
    for (const auto& name : axis.row_names) tick_height = std::max(tick_height, name.height);
    double bottom = out.axis_y + theme.chart.tick_length + 3 + tick_height;
    return axis.row_names.size() > 1 ? second_row_top(theme, axis, out) + tick_height : bottom;
}

// The page holds everything placed, plus margins.
void size_page(const Theme& theme, const LayoutOptions& options, const ChartText& text, const ChartAxis& axis,
               ChartPlacement& out) {
    double bottom = axis_bottom(theme, axis, out);
    for (const auto& entry : out.legend) bottom = std::max(bottom, entry.box.bottom());  // a legend below the axis
    bottom = std::max(bottom, out.unknown_box.bottom());

    double right = axis.left + axis.width;
    right = std::max(right, out.title_box.right());
    right = std::max(right, out.subtitle_box.right());
    right = std::max(right, out.legend_right);
    for (const auto& g : text.events) right = std::max(right, g.slot.x + g.label.width);
    for (const auto& g : text.links)
        if (g.has_label) right = std::max(right, g.slot.x + g.text.width + 2 * theme.label_pad_x);
    for (const auto& lane : text.lanes) right = std::max(right, axis.left + lane.title.width);
    for (const auto& tick : axis.ticks) right = std::max(right, tick.x + tick.text.width / 2);
    for (const auto& tick : axis.second_ticks) right = std::max(right, tick.x + tick.text.width / 2);
    for (const auto& era : out.era_labels) right = std::max(right, era.box.right());
    out.page_width = options.width ? *options.width : std::ceil(right + theme.margin);
    out.page_height = std::ceil(bottom + theme.margin);
}

}  // namespace

ChartPlacement place_chart(EditionContext& e, const LayoutOptions& options, const ChartAxis& axis, ChartText& text) {
    ChartPlacement out;
    double y = place_header(e.theme, text, axis, out);
    // A segmented chart's panels but one go without (the first, or the last for a legend below).
    const LegendPlace legend = options.legend ? e.theme.legend : LegendPlace::none;
    if (legend == LegendPlace::top) y = place_legend(e, text, axis, y, out) + 12;
    y = place_era_labels(e, options, axis, y, out);
    for (size_t li = 0; li < text.lanes.size(); ++li) y = place_lane(e.theme, options, axis, li, y, text, out.most_rows);
    out.axis_y = y;
    if (axis.row_names.size() > 1) out.second_row_y = second_row_top(e.theme, axis, out);
    if (legend == LegendPlace::bottom) place_legend(e, text, axis, axis_bottom(e.theme, axis, out) + 14, out);
    if (!text.unknown_dates.runs.empty()) {
        double below = axis_bottom(e.theme, axis, out);
        for (const auto& entry : out.legend) below = std::max(below, entry.box.bottom());
        out.unknown_box = {axis.left, below + 14, text.unknown_dates.width, text.unknown_dates.height};
        out.legend_right = std::max(out.legend_right, out.unknown_box.right());
    }
    size_page(e.theme, options, text, axis, out);
    return out;
}

}  // namespace tarikh
