// Glyph outlines as SVG path data, read from the font files through HarfBuzz.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "scene/scene.hpp"

typedef struct hb_font_t hb_font_t;

namespace tarikh {

// Fonts opened once and paths read once: one for a Renderer draws every document of a batch
// without reading a glyph twice (opening a font and reading its outlines was a sixth of a
// 20-event SVG in a batch).
class GlyphOutlines {
public:
    GlyphOutlines() = default;
    ~GlyphOutlines();
    GlyphOutlines(const GlyphOutlines&) = delete;
    GlyphOutlines& operator=(const GlyphOutlines&) = delete;

    // Path data in font units, y up; empty for a blank glyph (a space). Valid until the next call.
    const std::string& path(const FontRef& font, std::uint32_t glyph);
    // Font units per em, to scale a path to a size in px.
    double units_per_em(const FontRef& font);

private:
    hb_font_t* font(const FontRef& ref);
    hb_font_t* remember(const std::pair<std::string, int>& key, hb_font_t* font);
    std::map<std::pair<std::string, int>, hb_font_t*> fonts_;
    std::string last_file_;  // the font asked for last
    int last_index_ = 0;
    hb_font_t* last_font_ = nullptr;
    std::map<std::pair<hb_font_t*, std::uint32_t>, std::string> paths_;
};

}  // namespace tarikh
