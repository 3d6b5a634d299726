#include "render/pdf/text_pieces.hpp"

#include <glib.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace tarikh::pdf {
namespace {

struct Piece {
    int bytes = 0;
    std::vector<PlacedGlyph> glyphs;
    TextPiece::Voice voice = TextPiece::Voice::plain;
};

// A glyph's ink, left and right, in px at the run's size.
struct Ink {
    hb_font_t* font;
    double scale;  // px per font unit
    bool of(const PlacedGlyph& g, double& left, double& right) const {
        hb_glyph_extents_t e{};
        if (!hb_font_get_glyph_extents(font, g.id, &e) || e.width == 0) return false;
        double a = g.x + e.x_bearing * scale, b = a + e.width * scale;
        left = std::min(left, std::min(a, b));
        right = std::max(right, std::max(a, b));
        return true;
    }
};

// Each character's own glyph (the font's cmap), or nothing when one has none.
std::vector<std::uint32_t> nominal_glyphs(hb_font_t* font, std::string_view text) {
    std::vector<std::uint32_t> out;
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
        hb_codepoint_t glyph = 0;
        if (!hb_font_get_nominal_glyph(font, g_utf8_get_char(p), &glyph)) return {};
        out.push_back(glyph);
    }
    return out;
}

bool joiners_only(std::string_view text) {
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) != 0x200C && g_utf8_get_char(p) != 0x200D) return false;
    return !text.empty();
}

// One cluster of a right-to-left run. A letter's marks are placed over it, right of its left
// edge, and pdftotext, which orders a line's letters by their left edges, read them before
// the letter ("آستانٔه" for "آستانهٔ", "عاجل ًا" for "عاجلًا"). So a mark is written by an
// invisible glyph of its own a hair left of the letter's left edge, after the letter in the
// content (mutool and pdfminer read in that order), and drawn as a glyph form, which no extractor reads.
// A font without the marks' own glyphs: inkless space glyphs write them through /ActualText.
void add_cluster(std::string_view text, std::vector<PlacedGlyph> glyphs, long space, hb_font_t* font, double scale,
                 std::vector<Piece>& out) {
    std::vector<int> bytes;  // of each character
    size_t marks = 0, joiners = 0;  // ZWNJ and ZWJ (Persian "می‌کند") have no glyph of their own
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_ismark(c)) ++marks;
        if (c == 0x200C || c == 0x200D) ++joiners;
        bytes.push_back(static_cast<int>(g_utf8_next_char(p) - p));
    }
    const size_t silent = marks + joiners;
    bool own_letter = bytes.size() > 1 && silent == bytes.size() - 1 && !g_unichar_ismark(g_utf8_get_char(text.data())) &&
                      g_utf8_get_char(text.data()) != 0x200C && g_utf8_get_char(text.data()) != 0x200D;
    bool marks_only = marks == bytes.size() && !out.empty() && !out.back().glyphs.empty();
    std::vector<std::uint32_t> own = (own_letter || marks_only)
        ? nominal_glyphs(font, text.substr(own_letter ? static_cast<size_t>(bytes[0]) : 0)) : std::vector<std::uint32_t>{};
    bool counted = bytes.size() == glyphs.size() || (!own.empty() && glyphs.size() == bytes.size() - joiners);
    if (own.empty() && joiners > 0) counted = false;  // a space cannot stand in for a joiner
    std::vector<std::uint32_t> nominal = bytes.size() == 1 && glyphs.size() > 1 ? nominal_glyphs(font, text) : std::vector<std::uint32_t>{};
    if (!nominal.empty() && silent == 0) {
        // One letter drawn by more glyphs (a lam after a kashida, Sorani "پێشێلکردنی"): mutool and
        // pdfminer, which read no /ActualText, gave U+FFFD for each. The glyphs are drawn saying
        // nothing and the letter is said by its own glyph, unseen, over their width.
        double left = 1e300, right = -1e300;
        for (const auto& g : glyphs) {
            left = std::min(left, g.x);
            right = std::max(right, g.x + hb_font_get_glyph_h_advance(font, g.id) * scale);
        }
        out.push_back({bytes[0], {{nominal[0], left, glyphs.front().y, right - left}}, TextPiece::Voice::invisible});
        out.push_back({0, std::move(glyphs), TextPiece::Voice::drawn});
        return;
    }
    if (space < 0 || !(own_letter || marks_only) || !counted) {
        out.push_back({static_cast<int>(text.size()), std::move(glyphs)});
        return;
    }
    size_t first_mark = 0;
    if (own_letter) {  // HarfBuzz reverses a right-to-left cluster: its letter comes last
        out.push_back({bytes[0], {glyphs.back()}});
        glyphs.pop_back();
        first_mark = 1;
    }
    const auto& before = out.back().glyphs;  // the letter, or the last mark's stand-in
    PlacedGlyph edge = *std::min_element(before.begin(), before.end(), [](const auto& a, const auto& b) { return a.x < b.x; });
    for (size_t i = first_mark; i < bytes.size(); ++i) {
        edge.x -= 0.05;
        if (own.empty()) out.push_back({bytes[i], {{static_cast<std::uint32_t>(space), edge.x, edge.y}}});
        else out.push_back({bytes[i], {{own[i - first_mark], edge.x, edge.y}}, TextPiece::Voice::invisible});
    }
    out.push_back({0, std::move(glyphs), TextPiece::Voice::drawn});
}

// The height most of a run's glyphs stand at.
double baseline_of(const GlyphRun& run) {
    std::map<long, int> heights;  // in hundredths of a px
    for (const auto& g : run.glyphs) ++heights[std::lround(g.y * 100)];
    auto most = std::max_element(heights.begin(), heights.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == heights.end() ? 0 : static_cast<double>(most->first) / 100;
}

// Whether a run is set in Nastaliq (Noto Nastaliq Urdu, tarikh's face for Urdu).
bool nastaliq(const FontRef& font) { return font.file().find("Nastaliq") != std::string::npos; }

// Nastaliq sets a word's letters in a cascade, each off the baseline and away from where its
// width puts it, and pdftotext, which reads a line's letters by their boxes (left edges and the
// widths the font gives them), broke most Urdu words apart ("اد ل ب"). In a Nastaliq run a
// word's glyphs are drawn as glyph forms, which say no text, and its letters are
// written in logical order by their own glyphs, unseen, in a row on the baseline from the word's right edge,
// one space's width apart at most, so that they read as one word and words keep their gaps; each
// glyph stretched or squeezed to that step (mutool and pdfminer read a glyph's text from the
// ToUnicode map, not /ActualText: one space glyph cannot say every letter, and a drawn glyph
// the map left out came out as U+FFFD or "(cid:972)").
std::vector<Piece> on_baseline(const GlyphRun& run, std::vector<Piece> pieces, const Ink& ink, long space,
                               double space_width, double baseline) {
    const double narrowest = 0.12 * run.size;
    auto in_word = [&](const Piece& p, size_t at) {
        return p.bytes > 0 && !g_unichar_isspace(g_utf8_get_char(run.text.data() + at));
    };
    std::vector<Piece> out;
    for (size_t i = 0, offset = 0; i < pieces.size();) {
        // A word: pieces[i, j), text[offset, end), its ink from left to right.
        size_t j = i, end = offset;
        double left = 1e300, right = -1e300;
        for (; j < pieces.size() && in_word(pieces[j], end); end += static_cast<size_t>(pieces[j++].bytes))
            for (const auto& g : pieces[j].glyphs) ink.of(g, left, right);
        if (left > right) {  // a space, or letters without ink: as they are
            j = std::max(j, i + 1);
            for (; i < j; ++i) {
                offset += static_cast<size_t>(pieces[i].bytes);
                out.push_back(std::move(pieces[i]));
            }
            continue;
        }
        std::vector<int> letters;  // bytes of each
        size_t marks = 0;
        for (const char* p = run.text.data() + offset; p < run.text.data() + end; p = g_utf8_next_char(p)) {
            letters.push_back(static_cast<int>(g_utf8_next_char(p) - p));
            if (g_unichar_ismark(g_utf8_get_char(p))) ++marks;
        }
        const double step = std::clamp((right - left) / static_cast<double>(std::max<size_t>(1, letters.size() - marks)),
                                       narrowest, space_width);
        const char* letter = run.text.data() + offset;
        for (int bytes : letters) {
            const std::string_view character(letter, static_cast<size_t>(bytes));
            letter += bytes;
            std::vector<std::uint32_t> own = nominal_glyphs(ink.font, character);
            if (own.empty()) {
                right -= step;
                out.push_back({bytes, {{static_cast<std::uint32_t>(space), right, baseline}}});
            } else if (g_unichar_ismark(g_utf8_get_char(character.data())) && !out.empty()) {
                // A mark takes no room: a hair left of its letter's left edge, where pdftotext,
                // which orders a line's letters by their left edges, reads it after the letter.
                out.push_back({bytes, {{own[0], right - 0.05, baseline, 0.001}}, TextPiece::Voice::invisible});
            } else {
                // Each a little wider than its step: no gap between two letters, as pdftotext sees
                // them, that it could take for a space.
                right -= step;
                out.push_back({bytes, {{own[0], right, baseline, step * 1.05}}, TextPiece::Voice::invisible});
            }
        }
        Piece drawn{0, {}, TextPiece::Voice::drawn};  // in the array's (visual) order, as they were drawn
        for (size_t k = j; k-- > i;) drawn.glyphs.insert(drawn.glyphs.end(), pieces[k].glyphs.begin(), pieces[k].glyphs.end());
        out.push_back(std::move(drawn));
        i = j;
        offset = end;
    }
    return out;
}

// The run's glyphs as one piece with no text of its own: when its clusters do not run in order.
std::vector<TextPiece> unmapped(const GlyphRun& run, Point origin) {
    TextPiece piece;
    for (const auto& g : run.glyphs) piece.glyphs.push_back({g.id, origin.x + g.x, origin.y + g.y});
    piece.text = run.text;
    return {std::move(piece)};
}

}  // namespace

std::vector<TextPiece> text_pieces(const GlyphRun& run, Point origin, hb_font_t* font) {
    const auto& g = run.glyphs;
    long space = -1;
    hb_codepoint_t space_id = 0;
    if (run.rtl && hb_font_get_nominal_glyph(font, ' ', &space_id)) space = static_cast<long>(space_id);
    const double scale = run.size / std::max(1u, hb_face_get_upem(hb_font_get_face(font)));
    const bool cascade = run.rtl && space >= 0 && nastaliq(run.font);
    for (size_t i = 1; i < g.size(); ++i)
        if (run.rtl ? g[i].cluster > g[i - 1].cluster : g[i].cluster < g[i - 1].cluster) return unmapped(run, origin);
    // Walk glyphs in logical order: forwards for LTR, backwards for RTL.
    std::vector<std::uint32_t> starts;
    std::vector<int> counts;
    for (size_t k = 0; k < g.size(); ++k) {
        std::uint32_t c = g[run.rtl ? g.size() - 1 - k : k].cluster;
        if (c >= run.text.size()) return unmapped(run, origin);
        if (starts.empty() || starts.back() != c) {
            starts.push_back(c);
            counts.push_back(0);
        }
        ++counts.back();
    }
    std::vector<Piece> pieces;  // in the text's order
    if (!starts.empty() && starts.front() > 0) pieces.push_back({static_cast<int>(starts.front()), {}});
    // The space a line was broken at has no glyph: it ends the last cluster's text but is kept
    // out of it, else that glyph would stand for a letter and a space (an /ActualText span),
    // which pdftotext puts apart from the word ("ואחרי ם").
    auto text_end = static_cast<std::uint32_t>(run.text.size());
    std::uint32_t trailing = text_end;
    while (!starts.empty() && trailing > starts.back() + 1 && run.text[trailing - 1] == ' ') --trailing;
    size_t taken = 0;  // glyphs, in logical order
    for (size_t i = 0; i < starts.size(); ++i) {
        std::uint32_t end = i + 1 < starts.size() ? starts[i + 1] : trailing;
        std::vector<PlacedGlyph> own;
        for (int k = 0; k < counts[i]; ++k, ++taken) {
            const auto& glyph = g[run.rtl ? g.size() - 1 - taken : taken];
            own.push_back({glyph.id, origin.x + glyph.x, origin.y + glyph.y});
        }
        std::string_view text = std::string_view(run.text).substr(starts[i], end - starts[i]);
        if (run.rtl) std::reverse(own.begin(), own.end());  // back to the array's (visual) order
        if (run.rtl && !cascade && joiners_only(text) && own.size() == 1 && !nominal_glyphs(font, text).empty()) {
            // A ZWNJ or ZWJ, shaped as a blank space glyph, which mutool reads as a space: written
            // by its own invisible glyph, which says what it is.
            pieces.push_back({static_cast<int>(text.size()), {{nominal_glyphs(font, text).front(), own[0].x, own[0].y}},
                              TextPiece::Voice::invisible});
        } else if (run.rtl && !cascade) {
            add_cluster(text, std::move(own), space, font, scale, pieces);
        } else {
            pieces.push_back({static_cast<int>(text.size()), std::move(own)});
        }
    }
    // The space a line was broken at: an invisible space glyph past the line's logical end, so
    // that a structure tree's text (and a screen reader) keeps the words of two lines apart.
    hb_codepoint_t blank = 0;
    if (trailing < text_end && !g.empty() && hb_font_get_nominal_glyph(font, ' ', &blank)) {
        const double blank_width = hb_font_get_glyph_h_advance(font, blank) * scale;
        double x = run.rtl ? 1e300 : -1e300;
        for (const auto& glyph : g)
            x = run.rtl ? std::min(x, glyph.x - blank_width)
                        : std::max(x, glyph.x + hb_font_get_glyph_h_advance(font, glyph.id) * scale);
        pieces.push_back({static_cast<int>(text_end - trailing), {{blank, origin.x + x, origin.y + baseline_of(run)}},
                          TextPiece::Voice::invisible});
    } else if (trailing < text_end) {
        pieces.push_back({static_cast<int>(text_end - trailing), {}});
    }
    if (cascade)
        pieces = on_baseline(run, std::move(pieces), Ink{font, scale}, space,
                             hb_font_get_glyph_h_advance(font, static_cast<hb_codepoint_t>(space)) * scale,
                             origin.y + baseline_of(run));
    std::vector<TextPiece> out;
    size_t offset = 0;
    for (Piece& piece : pieces) {
        out.push_back({std::string_view(run.text).substr(offset, static_cast<size_t>(piece.bytes)), std::move(piece.glyphs),
                       piece.voice});
        offset += static_cast<size_t>(piece.bytes);
    }
    return out;
}

}  // namespace tarikh::pdf
