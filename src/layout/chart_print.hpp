// Printing a chart: cut into strips along the time axis and stacked to fill pages, or scaled
// to fit one page.
#pragma once
#include "layout/phrases.hpp"
#include "layout/chart_layout.hpp"
#include "layout/page_setup.hpp"

namespace tarikh {

struct ChartPrintOptions {
    PageSetup page;
    bool fit = false;        // one page, scaled down; otherwise strips along the time axis
    std::string locale;      // for the page numbers' digits
    std::string lang;        // for the words around them
    Theme theme{};  // colours, sizes and spacing: the default look unless given
    Wording wording{};  // the words' catalogue and digits
};

// `chart` is a one-page chart layout; the result has the same items on printed pages of the
// paper's size: the title, subtitle and legend whole on the first, a running head (title, page
// k of n) on the others, and strips of the axis stacked to fill each page's height, each with
// the lanes' names in a column at its start edge. Neighbouring strips overlap by a marked
// stretch as wide as the widest label (up to a quarter strip) and are cut where they cut
// fewest labels, so every label is whole on some page. A chart that fits the page, or `fit`,
// gives one page.
Layout print_chart(Layout chart, const ChartPrintOptions& options, Shaper& shaper);

}  // namespace tarikh
