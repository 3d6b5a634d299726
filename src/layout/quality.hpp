// How good a layout is, in numbers (--quality-json): what tests assert and bench/ tracks.
#pragma once
#include <string>

#include "layout/layout.hpp"
#include "layout/theme.hpp"
#include "model/timeline.hpp"

namespace tarikh {

struct LayoutQuality {
    double label_overlap_area = 0;   // px² where labels cover each other: must be 0
    size_t events = 0, labelled = 0; // labelling rate = labelled / events: must be 1
    size_t rows_used = 0;            // label rows over all lanes
    size_t rows_lower_bound = 0;     // deepest overlap of labels at their anchors, over all lanes
    double leader_total = 0, leader_max = 0;  // px
    size_t leader_crossings = 0;
    double kendall_tau = 1;          // time order against label order, within lanes (1: kept)
    double min_contrast = 21;        // lowest WCAG ratio of any text against what is behind it: at least 4.5
    double min_text_px = 0;          // the smallest text drawn, at the output's size: at least kMinTextPx
    double layout_ms = 0;            // filled by whoever timed the layout
};

// Measured on the boxes and leaders of `layout`, which was laid out from `timeline` with
// `theme` (for the gap the chart kept between labels; the api lays out with the default); the
// contrast from the scene alone, over the theme's paper where nothing else is painted.
LayoutQuality measure_quality(const Timeline& timeline, const Layout& layout, const Theme& theme = Theme{});

// The smallest text size drawn in `scene`, in px at the output's size (a group's scale
// counts); 0 when it draws no text.
double min_text_px(const Scene& scene);
// The same of one page.
double min_text_px(const Page& page);

// As a JSON object, with the rates and ratios spelled out.
std::string quality_json(const LayoutQuality& quality);

}  // namespace tarikh
