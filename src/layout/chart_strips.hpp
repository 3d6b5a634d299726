// How a chart is printed in strips: its header, body and lane names found from its boxes,
// and the scale and cuts along time that fill pages evenly without cutting labels.
#pragma once
#include <cmath>
#include <vector>

#include "layout/layout.hpp"

namespace tarikh {

// Printed strips are scaled between these (1: the chart's own size): enough to fill a page's
// height with whole strips, never so far that the labels stop being legible.
inline constexpr double kMinScale = 0.7, kMaxScale = 1.5;
inline constexpr double kStripGap = 14;   // page px between two strips on one page
inline constexpr double kHeaderGap = 12;  // page px under the header on the first page
inline constexpr double kColumnGap = 8;   // source px between the lane names and the plot

// Where the parts of the one-page chart lie, read from its boxes: the header (title,
// subtitle, legend) above the body (eras, lanes, axis), and the lanes' names.
struct ChartParts {
    Box header{}, body{};
    std::vector<size_t> header_boxes, body_boxes, lane_names;  // indices into the chart's boxes
    double names_width = 0, column = 0;  // the lane names' widest and their column's width, source px
};

// `widest_column`: source px the lane names' column may take at most; only the body's boxes
// whose top lies in [from, to) are taken (a band of a segmented chart's panels).
ChartParts find_parts(const Layout& chart, double widest_column, double from = -HUGE_VAL, double to = HUGE_VAL);

// Where a segmented chart's panels after the first begin (their headings' tops), source y.
std::vector<double> panel_tops(const Layout& chart, const ChartParts& whole);

// The labels along time (source px from the body's start edge), to count those a cut crosses.
struct LabelSpans {
    std::vector<double> starts, ends;  // each sorted
    double widest = 0;
    // How many labels the line at `u` cuts through.
    double crossed(double u) const;
};

// How the body is cut into strips along the time axis and laid onto pages.
struct StripPlan {
    double scale = 1;
    int count = 1;           // strips
    int first_page = 1;      // strips on the first page, under the header
    int per_page = 1;        // strips on every later page
    // Where each strip begins and ends, in source px along time from the body's start edge;
    // each begins `overlap` before the one before it ends.
    std::vector<double> starts, ends;
    double overlap = 0;
    int pages() const { return count <= first_page ? 1 : 1 + (count - first_page + per_page - 1) / per_page; }
};

// `first_area` and `later_area`: where strips go on the first page (the header above them,
// `header_height` source px) and on the later ones; neighbouring strips overlap by at least
// `least_overlap` source px.
StripPlan plan_strips(const ChartParts& parts, const LabelSpans& labels, double header_height, const Box& first_area,
                      const Box& later_area, double least_overlap);

// The scale at which strips `tallest` source px high best fill the first page (under the
// header of `whole`) and the later ones, as near 1 as can be: for bands of panels.
double band_scale(const ChartParts& whole, double tallest, const Box& first_area, const Box& later_area);

// A band cut into strips (`at_least` of them) at a given scale, each at most `width` page px
// with its names' column (first_page and per_page are left to the caller).
StripPlan plan_band(const ChartParts& parts, const LabelSpans& labels, double scale, double width, double least_overlap,
                    int at_least = 1);

}  // namespace tarikh
