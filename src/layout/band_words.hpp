// The words of a density band and of the chronicle's paragraphs that stand for it: a period's
// name, its totals, the bars' scale note; in the edition's words, plurals and digits.
#pragma once
#include <string>

#include "layout/aggregate.hpp"
#include "layout/edition.hpp"

namespace tarikh {

// The calendar periods are binned in: the edition's first (a Persian edition's bars are
// Persian months; ISO weeks are the same in every calendar).
Calendar period_calendar(const EditionContext& e);
// "Week of 17 September 2018", "September 2018".
std::string period_name(const EditionContext& e, Bin bin, const Period& period);
// "143 events, 61 fatalities"; the fatalities only when `with_fatalities`.
std::string period_totals(const EditionContext& e, const Bar& bar, bool with_fatalities);
// "the data cover only 19–23 September 2018", for a bar clipped at the data's edge; else "".
std::string clipped_note(const EditionContext& e, const Bar& bar);
// "bar height: events per week, dotted line at 143".
std::string scale_note(const EditionContext& e, Bin bin, Measure measure, double tallest);

}  // namespace tarikh
