// Printing a calendar: its months flowed down pages of one paper size, a month never cut
// unless it alone is taller than a page (then between its weeks).
#pragma once
#include "layout/phrases.hpp"
#include <string>

#include "layout/layout.hpp"
#include "layout/page_setup.hpp"
#include "layout/theme.hpp"
#include "text/shaper.hpp"

namespace tarikh {

struct CalendarPrintOptions {
    PageSetup page;
    std::string locale;  // for the page numbers' digits
    std::string lang;    // for the words around them
    Theme theme{};
    Wording wording{};  // the words' catalogue and digits
};

// The width to lay a calendar out at to print it at its own size: the paper's between its
// margins, the calendar's own margins falling on the paper's.
double calendar_print_width(const PageSetup& page, const Theme& theme);

// `calendar` is a one-page calendar layout (layout_calendar); the result shows the same items
// on pages, scaled down when the calendar is wider than the paper.
Layout print_calendar(Layout calendar, const CalendarPrintOptions& options, Shaper& shaper);

}  // namespace tarikh
