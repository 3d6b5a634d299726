#include "layout/chart_layout.hpp"

#include "layout/chart_stages.hpp"

namespace tarikh {
namespace {

// Past this many rows in one lane a chart of fixed width is a wall of labels: it is drawn,
// taller, and said to be too crowded.
constexpr int kMostLegibleRows = 40;

void warn_if_crowded(EditionContext& e, const LayoutOptions& options, const ChartPlacement& placement) {
    if (!options.width || placement.most_rows <= kMostLegibleRows) return;
    e.warn("the chart is too crowded to read at " + std::to_string(static_cast<int>(*options.width)) +
               " px: a lane stacks " + std::to_string(placement.most_rows) + " rows of labels",
           {std::string(options.aggregate.period == AggregatePeriod::none
                            ? "draw the events as density bands with --aggregate week (docs/aggregate.md), "
                            : "label fewer events (--label-where, --label-top), ") +
            "give it a larger --width, try --scale sequential or --segment, or --layout chronicle"});
}

}  // namespace

Page chart_page(EditionContext& e, const LayoutOptions& options, const std::vector<Interval>& times, Layout& out) {
    ChartText text = measure_chart(e, options, times);
    ChartAxis axis = scale_chart(e, options, text);
    wrap_to_plot(e, options, axis.width, text);
    ChartPlacement placement = place_chart(e, options, axis, text);
    warn_if_crowded(e, options, placement);
    return draw_chart(e, std::move(text), axis, placement, out);
}

Layout layout_chart(const Timeline& timeline, const LayoutOptions& options, Shaper& shaper) {
    Layout out;
    EditionContext e(timeline, options.lang, options.calendar, shaper, out, options.theme, options.wording);
    e.finish(chart_page(e, options, resolve_event_times(timeline, e.calendar), out));
    return out;
}

}  // namespace tarikh
