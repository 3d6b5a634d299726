// The chart's layout, stage by stage, and the plain data passed from one to the next:
// measure text (chart_measure) → scale and ticks (chart_axis) → rows and placement
// (chart_place) → scene items (chart_draw). Every stage works in logical, left-to-right
// coordinates; only the last mirrors a right-to-left edition.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layout/aggregate.hpp"
#include "layout/chart_layout.hpp"
#include "layout/edition.hpp"
#include "layout/label_placer.hpp"

namespace tarikh {

// An event's label: its title and its date line, padded.
struct ChartLabel {
    ShapedText title, meta;
    double width = 0, height = 0;
};

struct ChartEvent {
    size_t event = 0;  // in the timeline
    size_t lane = 0;   // in ChartText::lanes
    Color color;       // its lane's, also when lanes share one band (--facet none)
    bool approximate = false;
    ChartLabel label;
    // From the axis stage: logical x of start and end, and whether it is drawn as a bar.
    double x0 = 0, x1 = 0;
    bool bar = false;
    // From the placement stage: where its label went, and the track of its bar.
    LabelSlot slot;
    double label_y = 0;
    int track = 0;  // bars that overlap in time take tracks below the lane's time line
};

struct ChartLink {
    size_t from = 0, to = 0;  // in ChartText::events
    size_t lane = 0;          // where its label sits (the target's)
    ShapedText text;
    bool has_label = false;
    LabelSlot slot;           // from the placement stage
    double label_y = 0;
};

struct ChartLane {
    std::string id;
    ShapedText title;
    Color color;
    // From the placement stage.
    double top = 0, header_bottom = 0, strip_top = 0, bottom = 0;
    int tracks = 1;
    std::vector<double> row_tops;
    // A density band (--aggregate): its events counted in bars, from the measure stage; the
    // band's top from the placement stage (its bottom is the lane's time line).
    bool aggregated = false;
    std::vector<Bar> bars;
    double band_top = 0;
};

// The bars' height, px at the theme's size: tall enough to tell 1 from 2 at a 680 px column.
inline constexpr double kBandHeight = 44;

// Stage 1: every text the chart shows, shaped, and what belongs to which lane.
struct ChartText {
    ShapedText title, subtitle;
    std::vector<ChartLane> lanes;    // one band each; a single band with --facet none
    std::vector<Color> lane_colors;  // by the timeline's lanes, for the legend
    std::vector<ChartEvent> events;  // the events shown (all, or those in the window)
    std::vector<ChartLink> links;    // between shown events
    std::vector<Interval> intervals; // when each of the timeline's events happened
    // "date unknown: …": the events no axis can place (EDTF "XXXX"), listed under the chart;
    // shaped once the plot's width is known.
    std::string unknown_words;
    ShapedText unknown_dates;
    // Aggregation: the period and measure of the bands, the events counted in them (not drawn
    // one by one), the tallest bar of all lanes (the shared scale), and whether some counted
    // event has no fatalities figure (counted as 0, which the legend says).
    std::optional<Bin> bin;
    Measure measure = Measure::count;
    std::vector<size_t> counted;
    double tallest = 0;
    bool lacks_figures = false;
};
// `times`: when each of the timeline's events happened (resolve_event_times), resolved once
// for every panel of a segmented chart.
ChartText measure_chart(EditionContext& e, const LayoutOptions& options, const std::vector<Interval>& times);

// The widest a label's text may be: the theme's, or less on a narrow fixed-width page.
double label_text_width(const EditionContext& e, const LayoutOptions& options);

// Stage 1 again once the plot's width is known: the title and subtitle wrapped to it, and
// lane names wider than it wrapped too.
void wrap_to_plot(EditionContext& e, const LayoutOptions& options, double width, ChartText& text);

// Stage 1 for aggregated lanes (chart_band): which events are counted rather than drawn, by
// --aggregate and the chart's width (a note when chosen automatically); per event, whether it is drawn.
std::vector<bool> plan_bands(EditionContext& e, const LayoutOptions& options, const std::vector<size_t>& shown,
                             ChartText& text);
// Once the events are in lanes: each aggregated lane's bars over the events' span.
void bin_bands(EditionContext& e, const std::vector<size_t>& counted_lanes, ChartText& text);

struct Tick {
    double x = 0;
    ShapedText text;
};

// Stage 2: how time maps onto the plot, and the ticks that say so.
struct ChartAxis {
    TimeScale scale{ScaleKind::chronological, {}, 0, 1};
    Instant start = 0, end = 1;  // the padded domain
    bool deep = false;           // deep time: a log axis counts back from the present
    double left = 0, width = 0;  // the plot, in px
    double limit = 1e300;        // no tick label past this: the page's right edge, when its width is fixed
    std::vector<Tick> ticks;
    std::vector<Tick> cut_labels;  // one per cut of a collapsed axis, centred on it
    // Two calendars: the second's ticks, on a row below the first, at its own months or years.
    std::vector<Tick> second_ticks;
    // Each row's calendar, named at the row's start (empty: the Gregorian alone, unnamed).
    std::vector<ShapedText> row_names;

    double x_of(Instant t) const { return left + scale.fraction(t) * width; }
};
// Also gives each event of `text` its x and says whether it is a bar.
ChartAxis scale_chart(EditionContext& e, const LayoutOptions& options, ChartText& text);

struct LegendEntry {
    enum Kind { lane, exact, approximate, period, band } kind;
    Color color;
    ShapedText text;
    Box box;  // swatch and text together
    MarkerShape shape = MarkerShape::circle;  // a lane's, when the theme tells lanes apart by shape
};

struct EraLabel {
    size_t era;
    double x0, x1;
    ShapedText text;
    Box box;
};

// Stage 3: where the header, the legend, the eras, every label row and the axis go.
struct ChartPlacement {
    Box title_box, subtitle_box;
    std::vector<LegendEntry> legend;
    double legend_right = 0;
    std::vector<EraLabel> era_labels;
    double era_top = 0;
    double axis_y = 0;
    double second_row_y = 0;  // the top of a second calendar's tick labels, if any
    double page_width = 0, page_height = 0;
    int most_rows = 0;  // of label rows in one lane
    Box unknown_box;    // the list of events nobody dates, under the axis and the legend
};
// Also fills in the lanes' rows and the events' and links' slots in `text`.
ChartPlacement place_chart(EditionContext& e, const LayoutOptions& options, const ChartAxis& axis, ChartText& text);

// Stage 4: the page's items, and the boxes and leaders in `out`; the events' labels are moved
// into the items.
Page draw_chart(EditionContext& e, ChartText&& text, const ChartAxis& axis, const ChartPlacement& placement,
                Layout& out);

// Stage 4 for aggregated lanes (chart_band): the bars, the dotted line at the tallest, each bar's
// note (its period and totals, on hover in HTML) and its entry in `out.bars`. `mirror` maps a
// logical box to the page's.
struct BandItems {
    std::vector<Item> items;
    std::vector<std::pair<Box, Color>> layers;  // logical, for the contrast of text drawn over them
};
BandItems draw_bands(EditionContext& e, const ChartText& text, const ChartAxis& axis,
                     const std::function<Box(const Box&)>& mirror, Layout& out);

// The four stages over one edition: the chart's page, its boxes and leaders into `out`. A
// segmented chart draws each panel through the same edition, so that a warning comes once.
Page chart_page(EditionContext& e, const LayoutOptions& options, const std::vector<Interval>& times, Layout& out);

}  // namespace tarikh
