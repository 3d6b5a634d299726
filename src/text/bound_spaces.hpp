// Spaces that must not end a line: the one after an opening guillemet and the one before a
// closing guillemet, as French sets them off ("« bataille décisive »").
#pragma once
#include <string>

namespace tarikh {

// `text` with each such space (U+0020, between the guillemet and a word) made a no-break space
// (U+00A0): as wide, but no line breaks there. Unicode's line breaking keeps a space with the
// "! ? : ;" after it, but allows a break after any space next to a guillemet, so "« " could end
// a line and " »" start one.
std::string bind_spaces_to_guillemets(std::string text);

}  // namespace tarikh
