#include "layout/chart_layout.hpp"

#include "layout/chart_stages.hpp"

namespace tarikh {

Page chart_page(EditionContext& e, const LayoutOptions& options, const std::vector<Interval>& times, Layout& out) {
    ChartText text = measure_chart(e, options, times);
    ChartAxis axis = scale_chart(e, options, text);
    ChartPlacement placement = place_chart(e, options, axis, text);
    return draw_chart(e, text, axis, placement, out);
}

Layout layout_chart(const Timeline& timeline, const LayoutOptions& options, Shaper& shaper) {
    Layout out;
    EditionContext e(timeline, options.lang, options.calendar, shaper, out, options.theme);
    e.finish(chart_page(e, options, resolve_event_times(timeline, e.calendar), out));
    return out;
}

}  // namespace tarikh
