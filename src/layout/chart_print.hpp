// Printing a chart: laid out for the page and cut between its lanes; a chart wider than the
// page cut into strips along the time axis and stacked to fill pages; or scaled to fit one page.
#pragma once
#include "layout/phrases.hpp"
#include "layout/chart_layout.hpp"
#include "layout/page_setup.hpp"

namespace tarikh {

struct ChartPrintOptions {
    PageSetup page;
    bool fit = false;        // one page, scaled down; otherwise on as many pages as it needs
    std::string locale;      // for the page numbers' digits
    std::string lang;        // for the words around them
    Theme theme{};  // colours, sizes and spacing: the default look unless given
    Wording wording{};  // the words' catalogue and digits
};

// The width to lay a chart out at to print it at its own size: the paper's between its
// margins, the chart's own margins falling on the paper's. Laid out so, a chart is cut only
// between its lanes (a lane taller than a page between its rows), each page with the time
// axis under its lanes and a continued lane's name again, and nothing is scaled.
double chart_print_width(const PageSetup& page, const Theme& theme);

// `chart` is a one-page chart layout. Laid out for the page, it is printed as said above;
// wider than the page, the result has the same items on printed pages of the
// paper's size: the title, subtitle and legend whole on the first, a running head (title, page
// k of n) on the others, and strips of the axis stacked to fill each page's height, each with
// the lanes' names in a column at its start edge. Neighbouring strips overlap by a marked
// stretch as wide as the widest label (up to a quarter strip) and are cut where they cut
// fewest labels, so every label is whole on some page. A chart that fits the page, or `fit`,
// gives one page.
Layout print_chart(Layout chart, const ChartPrintOptions& options, Shaper& shaper);

}  // namespace tarikh
