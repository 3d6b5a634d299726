// Text shaping as layout sees it: an interface, so that layout tests can use a fixed-advance fake.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "scene/scene.hpp"

namespace tarikh {

struct TextStyle {
    double size = 12;       // px per em
    bool bold = false;
    double max_width = 0;   // wrap lines longer than this; 0: never wrap
    int max_lines = 0;      // with max_width: cut the text to this many lines, ending with "…"; 0: no limit
    bool rtl = false;       // the paragraph's side (right aligned when rtl) and, unless reads_rtl, its base direction
    std::string language;   // BCP 47, helps shaping ("ar", "en")
    bool justify = false;   // with max_width: stretch wrapped lines to the full width
    // Font families in fallback order, comma separated (the theme's); empty: kFontFamilies.
    std::string families{};
    // The base direction of a paragraph that reads otherwise than its side: an English note in
    // an Arabic edition is set left to right (its full stop at its end), on the right.
    std::optional<bool> reads_rtl{};

    bool operator==(const TextStyle&) const = default;
};

// One line of a shaped block: where it sits, and which runs draw it.
struct TextLine {
    double top = 0, height = 0;
    size_t first_run = 0;  // its runs are runs[first_run] up to the next line's first_run
};

// A shaped block of text, positioned relative to its top-left corner.
struct ShapedText {
    double width = 0, height = 0;
    double baseline = 0;                     // of the first line, from the top
    std::vector<GlyphRun> runs;              // glyph positions include each line's baseline
    std::vector<TextLine> lines;             // in order, top to bottom
    std::vector<std::string> missing_chars;  // characters no loaded font has (not drawn)
    std::string lang{};                      // the language it was shaped in (EditionContext::shape)
};

struct ShapeRequest {
    std::string text;
    TextStyle style;
};

class Shaper {
public:
    virtual ~Shaper() = default;
    virtual ShapedText shape(const std::string& text, const TextStyle& style) = 0;
    // A hint that these will be asked for soon: a shaper may shape them ahead, in parallel.
    virtual void prepare(const std::vector<ShapeRequest>& requests) { (void)requests; }
};

}  // namespace tarikh
