// A TrueType font with the outlines of some glyphs cut to their boxes: glyphs a PDF shows only
// unseen (text render mode 3: the letters that say a Nastaliq word, a mark's own glyph) are never
// drawn, and PDF/A-2 does not count text in that mode as rendering (ISO 19005-2, 6.2.11.4.1),
// so their outlines are bytes no reader draws (the Urdu chart's font: 5.8 of its 6.8 kB). What is
// left is a contour of two points from one corner of the glyph's box to the other, which fills
// nothing: MuPDF's text extraction reads a glyph without an outline as a space, and the words
// it is in in pieces. Ids, advances and every other table stay as they were.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

typedef struct hb_face_t hb_face_t;

namespace tarikh::pdf {

// The bytes of one table of `face` ("glyf", "CFF "), empty when it has none.
std::string font_table(hb_face_t* face, const char* tag);

// `font` (an sfnt with glyf and loca) with `glyphs` cut to their boxes; as it was without those tables.
std::string without_outlines(std::string_view font, const std::set<std::uint32_t>& glyphs);

}  // namespace tarikh::pdf
