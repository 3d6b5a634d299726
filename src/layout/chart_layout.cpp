#include "layout/chart_layout.hpp"

#include "layout/chart_stages.hpp"

namespace tarikh {

Layout layout_chart(const Timeline& timeline, const LayoutOptions& options, Shaper& shaper) {
    Layout out;
    EditionContext e(timeline, options.lang, options.calendar, shaper, out, options.theme);
    ChartText text = measure_chart(e, options);
    ChartAxis axis = scale_chart(e, options, text);
    ChartPlacement placement = place_chart(e, options, axis, text);
    e.finish(draw_chart(e, text, axis, placement, out));
    return out;
}

}  // namespace tarikh
