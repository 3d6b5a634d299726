// The "calendar" layout (--layout calendar): a month grid for every month with dated events,
// each event written in its day, as printed daily chronologies do. Events known only to the
// month or year are listed above that month's grid, or that year's first.
#pragma once
#include "layout/phrases.hpp"
#include <optional>
#include <string>

#include "layout/layout.hpp"
#include "layout/theme.hpp"
#include "model/timeline.hpp"
#include "text/shaper.hpp"

namespace tarikh {

struct CalendarOptions {
    std::string lang{};      // the edition; empty: the document's first language
    std::string calendar{};  // dates written in (the grid itself is Gregorian)
    Theme theme{};  // colours, sizes and spacing: the default look unless given
    // The page's width in px (--width): seven days fill it. Absent: the theme's cell size.
    std::optional<double> width{};
    Wording wording{};  // the words' catalogue and digits
};

Layout layout_calendar(const Timeline& timeline, const CalendarOptions& options, Shaper& shaper);

}  // namespace tarikh
