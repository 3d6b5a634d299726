// Printing a chart: split across pages along the time axis, or scaled to fit one page.
#pragma once
#include "layout/chart_layout.hpp"
#include "layout/page_setup.hpp"

namespace tarikh {

struct ChartPrintOptions {
    PageSetup page;
    bool fit = false;        // one page, scaled down; otherwise slices along the time axis
    std::string locale;      // for the page numbers' digits
    std::string lang;        // for the words around them
    Theme theme{};  // colours, sizes and spacing: the default look unless given
};

// `chart` is a one-page chart layout; the result has the same items on printed pages, every
// slice showing its stretch of the axis, neighbouring slices overlapping by a marked strip.
Layout print_chart(Layout chart, const ChartPrintOptions& options, Shaper& shaper);

}  // namespace tarikh
