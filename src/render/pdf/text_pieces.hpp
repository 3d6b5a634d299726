// Which characters each of a run's glyphs writes in a PDF, so that text extractors, which read
// a line's letters by their boxes, give words back whole: a run cut into pieces, each a stretch
// of its text and the glyphs that stand for it (moved here from the cairo painter, whose
// cairo_show_text_glyphs clusters did this for cairo's PDF).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "scene/scene.hpp"

typedef struct hb_font_t hb_font_t;

namespace tarikh::pdf {

struct PlacedGlyph {
    std::uint32_t id = 0;
    double x = 0, y = 0;  // on the page, px
    double width = 0;  // px, the box extractors give it, its advance stretched or squeezed; 0: its advance
};

struct TextPiece {
    std::string_view text;  // may be empty: glyphs that write nothing (marks written before)
    std::vector<PlacedGlyph> glyphs;  // may be empty: text with no glyph of its own
    // How it is written. plain: glyphs that say `text` (the ToUnicode map, else /ActualText).
    // invisible: glyphs not drawn (text render mode 3) that say `text` where extractors read it
    // in order. drawn: glyphs drawn as forms (Fonts::glyph_form), not text, saying nothing (their
    // text is written by invisible glyphs: a letter's marks, a Nastaliq word's glyphs).
    enum class Voice { plain, invisible, drawn } voice = Voice::plain;
};

// The run's pieces in logical order (a right-to-left run's too: extractors that read the
// content in its order, and a structure tree's text, read it as written), each piece's glyphs
// in visual order, placed from `origin`; `font` at the font's own scale (units per em).
std::vector<TextPiece> text_pieces(const GlyphRun& run, Point origin, hb_font_t* font);

}  // namespace tarikh::pdf
