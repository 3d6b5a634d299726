// A glyph's outline as PDF path operators (m, l, c; to be filled, which closes each contour), in
// font units with y up: for glyphs a PDF draws as glyph forms rather than text (a letter's marks,
// whose text is written elsewhere).
#pragma once
#include <cstdint>
#include <string>

typedef struct hb_font_t hb_font_t;

namespace tarikh::pdf {

// Empty for a blank glyph. `font` at its own scale (units per em).
std::string glyph_path(hb_font_t* font, std::uint32_t glyph);

}  // namespace tarikh::pdf
