// Spaces that must not end a line: the one after an opening guillemet and the one before a
// closing guillemet, as French sets them off ("« bataille décisive »").
#pragma once
#include <string>

namespace tarikh {

// `text` with each such space (U+0020 between a guillemet and a word) made a no-break space
// (U+00A0), which the fonts of fonts/ draw as wide (Hebrew's 4 % narrower). A guillemet opens
// when what comes before it is the text's start, a space or an opening bracket, and closes when
// what follows is the end, a space or punctuation: German's »Faust« and a breadcrumb's
// "Home › Page" keep their breaks. These are UAX #14's rules LB15a and LB15b (Unicode 15.1, from
// proposal L2/23-063); Pango 1.50 breaks by the older rules, which allow a break after any
// space, so "« " could end a line and " »" start one. The space before "! ? : ;" needs nothing:
// every version keeps it with the mark.
std::string bind_spaces_to_guillemets(std::string text);

}  // namespace tarikh
