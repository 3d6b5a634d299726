// A PDF's fonts: each font file the scene uses, subset by HarfBuzz with its glyph ids kept
// (the content streams name glyphs by their ids in the font) and embedded at the end as a
// Type 0 font, Identity-H: TrueType outlines as CIDFontType2, CFF as CIDFontType0 in an
// OpenType wrapper, or, CID-keyed with CIDs that are glyph ids (Noto CJK), as a bare CFF subset
// with its glyphs renumbered and their CIDs kept; widths and metrics from the font, a ToUnicode
// map from the text the runs say each glyph stands for. Glyphs that must say nothing are not
// shown as text but drawn: a form XObject each (a glyph form), written with the fonts.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/pdf/font_cache.hpp"
#include "render/pdf/pdf_file.hpp"
#include "scene/scene.hpp"

typedef struct hb_font_t hb_font_t;

namespace tarikh::pdf {

class Fonts {
public:
    struct Face;

    // `cache`: what earlier documents of the same renderer read and made of their fonts.
    Fonts(File& file, FontCache& cache);
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    // The font, loaded on first use; throws std::runtime_error when its file cannot be read.
    Face& face(const FontRef& font);
    // A glyph drawn as a shape, not shown as text, for a glyph that must say nothing (a mark or a
    // Nastaliq word whose letters other glyphs say): extractors read a glyph the ToUnicode map
    // leaves out, or maps to nothing, as U+FFFD or "(cid:N)", and PDF/A-2u wants every glyph
    // shown as text to say a character. Its outline in font units, y up: a form XObject,
    // reserved by form_object and written once with the fonts, or, for a shape a page draws once
    // while it is not a form yet, path operators where it is drawn (page_content.cpp).
    // nullptr for a blank glyph.
    struct GlyphForm {
        std::string name;  // its resource name: G0, G1…
        int object = 0;    // 0 until a page draws it as a form
        std::array<int, 4> box{};  // its ink, font units, y up: x0, y0, x1, y1 (read once)
        std::uint32_t glyph = 0;
    };
    GlyphForm* glyph_form(Face& face, std::uint32_t glyph);
    // The form's object number, reserved on first call.
    int form_object(GlyphForm& form);
    // Its outline as path operators (m, l, c), to be filled; empty for a glyph with none.
    static std::string outline(const Face& face, const GlyphForm& form);
    // Its resource name (/F0…) and the object number of its Type 0 font.
    static const std::string& name(const Face& face);
    static int object(const Face& face);
    static hb_font_t* hb(const Face& face);
    // A glyph's advance in thousandths of an em, as /W gives it; the glyph counts as used.
    double advance(Face& face, std::uint32_t glyph);
    // Records that `glyph` is shown as text that is seen (not in render mode 3): the outlines of
    // glyphs only shown unseen are left out of the font's subset (unseen_outlines.hpp).
    void seen(Face& face, std::uint32_t glyph);
    // Records that `glyph` stands for `text` in the ToUnicode map;
    // false when the map already says otherwise (then the text needs an /ActualText).
    bool stands_for(Face& face, std::uint32_t glyph, std::string_view text);
    // Writes every font used, and the glyph forms: call once, after the last page.
    // `every_glyph_mapped` (PDF/A-2u): a glyph shown as text that stands for no character of its
    // own maps to U+2060, WORD JOINER, so that each glyph has a value. Glyphs that say nothing are
    // glyph forms, so only a cluster's second glyph under an /ActualText comes here (none in the
    // examples: combining marks in left-to-right text, clusters HarfBuzz gave out of order); it is
    // unseen, and a word segmenter (UAX #29) reads through it, where a ZERO WIDTH SPACE split
    // "الخبز" in two.
    void write_all(bool every_glyph_mapped = false);

private:
    void write(Face& face, bool every_glyph_mapped);
    File& file_;
    FontCache& cache_;
    std::map<std::pair<std::string, int>, std::unique_ptr<Face>> faces_;  // file, index
    int forms_ = 0;  // glyph forms reserved so far
    std::vector<Face*> order_;  // by first use: /F0, /F1…
};

}  // namespace tarikh::pdf
