// A PDF's fonts: each font file the scene uses, subset by HarfBuzz with its glyph ids kept
// (the content streams name glyphs by their ids in the font) and embedded at the end as a
// Type 0 font, Identity-H: TrueType outlines as CIDFontType2, CFF as CIDFontType0 in an
// OpenType wrapper, or, CID-keyed with CIDs that are glyph ids (Noto CJK), as a bare CFF subset
// with its glyphs renumbered and their CIDs kept; widths and metrics from the font, a ToUnicode
// map from the text the runs say each glyph stands for.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "render/pdf/pdf_file.hpp"
#include "scene/scene.hpp"

typedef struct hb_font_t hb_font_t;

namespace tarikh::pdf {

class Fonts {
public:
    struct Face;

    // `every_glyph_mapped`: for PDF/A-2u, where every glyph written as text must say a character.
    explicit Fonts(File& file, bool every_glyph_mapped = false);
    bool every_glyph_mapped() const { return every_glyph_mapped_; }
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    // The font, loaded on first use; throws std::runtime_error when its file cannot be read.
    Face& face(const FontRef& font);
    // The same font as a font of its own whose ToUnicode map gives every glyph no text: for
    // glyphs drawn that say nothing (Nastaliq's, whose letters other glyphs say), which
    // extractors read as U+FFFD or "(cid:N)" when the map leaves them out.
    Face& silent(const Face& face);
    // Its resource name (/F0…) and the object number of its Type 0 font.
    static const std::string& name(const Face& face);
    static int object(const Face& face);
    static hb_font_t* hb(const Face& face);
    // A glyph's advance in thousandths of an em, as /W gives it; the glyph counts as used.
    double advance(Face& face, std::uint32_t glyph);
    // Records that `glyph` stands for `text` (empty: for no character) in the ToUnicode map;
    // false when the map already says otherwise (then the text needs an /ActualText).
    bool stands_for(Face& face, std::uint32_t glyph, std::string_view text);
    // Writes every font used: call once, after the last page. `every_glyph_mapped` (PDF/A-2u):
    // glyphs that stand for no character of their own (marks placed by another glyph's text, a
    // cluster's second glyph) map to U+2060, WORD JOINER, so that each glyph has a value: it is
    // unseen, and a word segmenter (UAX #29) reads through it, where a ZERO WIDTH SPACE split
    // "الخبز" in two.
    void write_all(bool every_glyph_mapped = false);

private:
    Face& face(const FontRef& font, bool silent);
    void write(Face& face, bool every_glyph_mapped);
    File& file_;
    bool every_glyph_mapped_;
    std::map<std::tuple<std::string, int, bool>, std::unique_ptr<Face>> faces_;  // file, index, silent
    std::vector<Face*> order_;  // by first use: /F0, /F1…
};

}  // namespace tarikh::pdf
