#include "render/cairo_painter.hpp"

#include <cairo-ft.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace tarikh {
namespace {

void set_color(cairo_t* cr, const Color& c) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void apply_stroke(cairo_t* cr, const Stroke& s) {
    set_color(cr, s.color);
    cairo_set_line_width(cr, s.width);
    cairo_set_dash(cr, s.dash.empty() ? nullptr : s.dash.data(), static_cast<int>(s.dash.size()), 0);
}

void fill_and_stroke(cairo_t* cr, const std::optional<Color>& fill, const std::optional<Stroke>& stroke) {
    if (fill) {
        set_color(cr, *fill);
        stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
    }
    if (stroke) {
        apply_stroke(cr, *stroke);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

void rounded_rect(cairo_t* cr, const Box& b, double r) {
    r = std::min({r, b.width / 2, b.height / 2});
    if (r <= 0) {
        cairo_rectangle(cr, b.x, b.y, b.width, b.height);
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.right() - r, b.y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, b.right() - r, b.bottom() - r, r, 0, M_PI / 2);
    cairo_arc(cr, b.x + r, b.bottom() - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

// A stretch of a run's text and the glyphs that stand for it, in the glyph array's order.
struct Piece {
    int bytes = 0;
    std::vector<cairo_glyph_t> glyphs;
};

// One cluster of a right-to-left run. A letter's marks are placed over it, right of its left
// edge, and pdftotext, which orders a line's letters by their left edges, read them before
// the letter ("آستانٔه" for "آستانهٔ", "عاجل ًا" for "عاجلًا"). So a mark is written by an
// inkless space glyph a hair left of the letter's left edge, and its own glyph writes no text.
void add_cluster(std::string_view text, std::vector<cairo_glyph_t> glyphs, long space, std::vector<Piece>& out) {
    std::vector<int> bytes;  // of each character
    size_t marks = 0;        // after the first character
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
        if (g_unichar_ismark(g_utf8_get_char(p))) ++marks;
        bytes.push_back(static_cast<int>(g_utf8_next_char(p) - p));
    }
    bool own_letter = bytes.size() > 1 && !g_unichar_ismark(g_utf8_get_char(text.data())) && marks == bytes.size() - 1;
    bool marks_only = marks == bytes.size() && !out.empty() && !out.back().glyphs.empty();
    if (space < 0 || !(own_letter || marks_only) || bytes.size() != glyphs.size()) {
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
    cairo_glyph_t edge = *std::min_element(before.begin(), before.end(), [](const auto& a, const auto& b) { return a.x < b.x; });
    for (size_t i = first_mark; i < bytes.size(); ++i) {
        edge.x -= 0.05;
        out.push_back({bytes[i], {{static_cast<unsigned long>(space), edge.x, edge.y}}});
    }
    out.push_back({0, std::move(glyphs)});
}

// The height most of a run's glyphs stand at.
double baseline_of(const GlyphRun& run) {
    std::map<long, int> heights;  // in hundredths of a px
    for (const auto& g : run.glyphs) ++heights[std::lround(g.y * 100)];
    auto most = std::max_element(heights.begin(), heights.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == heights.end() ? 0 : static_cast<double>(most->first) / 100;
}

// Whether a run is set in Nastaliq (Noto Nastaliq Urdu, tarikh's face for Urdu).
bool nastaliq(const FontRef& font) { return font.file.find("Nastaliq") != std::string::npos; }

// Nastaliq sets a word's letters in a cascade, each off the baseline and away from where its
// width puts it, and pdftotext, which reads a line's letters by their boxes (left edges and the
// widths the font gives them), broke most Urdu words apart ("اد ل ب"). In a Nastaliq run a
// word's glyphs write no text: its letters are written by inkless space glyphs in a row on the
// baseline, from the word's right edge, one space's width apart at most, so that they read as
// one word and words keep their gaps. (Done for every right-to-left run, it makes every word
// whole for pdftotext but leaves mutool, which ignores /ActualText, nothing to read; Nastaliq
// gave it nothing readable before.)
std::vector<Piece> on_baseline(const GlyphRun& run, std::vector<Piece> pieces, cairo_scaled_font_t* font, long space,
                               double baseline) {
    cairo_glyph_t blank{static_cast<unsigned long>(space), 0, 0};
    cairo_text_extents_t extents;
    cairo_scaled_font_glyph_extents(font, &blank, 1, &extents);
    const double space_width = extents.x_advance, narrowest = 0.12 * run.size;
    auto in_word = [&](const Piece& p, size_t at) {
        return p.bytes > 0 && !g_unichar_isspace(g_utf8_get_char(run.text.data() + at));
    };
    std::vector<Piece> out;
    for (size_t i = 0, offset = 0; i < pieces.size();) {
        // A word: pieces[i, j), text[offset, end), its ink from left to right.
        size_t j = i, end = offset;
        double left = 1e300, right = -1e300;
        for (; j < pieces.size() && in_word(pieces[j], end); end += static_cast<size_t>(pieces[j++].bytes))
            for (const auto& g : pieces[j].glyphs) {
                cairo_scaled_font_glyph_extents(font, &g, 1, &extents);
                left = std::min(left, g.x + extents.x_bearing);
                right = std::max(right, g.x + extents.x_bearing + extents.width);
            }
        if (left > right) {  // a space, or letters without ink: as they are
            j = std::max(j, i + 1);
            for (; i < j; ++i) {
                offset += static_cast<size_t>(pieces[i].bytes);
                out.push_back(std::move(pieces[i]));
            }
            continue;
        }
        std::vector<int> letters;  // bytes of each
        for (const char* p = run.text.data() + offset; p < run.text.data() + end; p = g_utf8_next_char(p))
            letters.push_back(static_cast<int>(g_utf8_next_char(p) - p));
        double step = std::clamp((right - left) / static_cast<double>(letters.size()), narrowest, space_width);
        for (int bytes : letters) {
            right -= step;
            out.push_back({bytes, {{static_cast<unsigned long>(space), right, baseline}}});
        }
        Piece ink{0, {}};  // in the array's (visual) order, as they were drawn
        for (size_t k = j; k-- > i;) ink.glyphs.insert(ink.glyphs.end(), pieces[k].glyphs.begin(), pieces[k].glyphs.end());
        out.push_back(std::move(ink));
        i = j;
        offset = end;
    }
    return out;
}

// Glyphs and clusters for cairo_show_text_glyphs, so that PDF text extracts as the original
// characters. Returns false when the glyph order does not allow a cluster map (then glyphs
// alone are drawn). `space`: the font's space glyph, or -1.
bool build_clusters(const GlyphRun& run, Point origin, long space, cairo_scaled_font_t* font,
                    std::vector<cairo_glyph_t>& glyphs, std::vector<cairo_text_cluster_t>& clusters) {
    const auto& g = run.glyphs;
    const bool cascade = run.rtl && space >= 0 && nastaliq(run.font);
    for (size_t i = 1; i < g.size(); ++i)
        if (run.rtl ? g[i].cluster > g[i - 1].cluster : g[i].cluster < g[i - 1].cluster) return false;
    // Walk glyphs in logical order: forwards for LTR, backwards for RTL.
    std::vector<std::uint32_t> starts;
    std::vector<int> counts;
    for (size_t k = 0; k < g.size(); ++k) {
        std::uint32_t c = g[run.rtl ? g.size() - 1 - k : k].cluster;
        if (c >= run.text.size()) return false;
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
        std::vector<cairo_glyph_t> own;
        for (int k = 0; k < counts[i]; ++k, ++taken) {
            const auto& glyph = g[run.rtl ? g.size() - 1 - taken : taken];
            own.push_back({glyph.id, origin.x + glyph.x, origin.y + glyph.y});
        }
        std::string_view text = std::string_view(run.text).substr(starts[i], end - starts[i]);
        if (run.rtl) std::reverse(own.begin(), own.end());  // back to the array's (visual) order
        if (run.rtl && !cascade) add_cluster(text, std::move(own), space, pieces);
        else pieces.push_back({static_cast<int>(text.size()), std::move(own)});
    }
    if (trailing < text_end) pieces.push_back({static_cast<int>(text_end - trailing), {}});
    if (cascade) pieces = on_baseline(run, std::move(pieces), font, space, origin.y + baseline_of(run));
    // Backward clusters take their glyphs from the array's end.
    clusters.clear();
    glyphs.clear();
    for (const Piece& piece : pieces) clusters.push_back({piece.bytes, static_cast<int>(piece.glyphs.size())});
    if (run.rtl) std::reverse(pieces.begin(), pieces.end());
    for (const Piece& piece : pieces) glyphs.insert(glyphs.end(), piece.glyphs.begin(), piece.glyphs.end());
    return true;
}

// The glyph of a space in the current font, or -1.
long space_glyph(cairo_t* cr) {
    cairo_glyph_t* glyphs = nullptr;
    int count = 0;
    cairo_status_t status =
        cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), 0, 0, " ", 1, &glyphs, &count, nullptr, nullptr, nullptr);
    long out = status == CAIRO_STATUS_SUCCESS && count == 1 ? static_cast<long>(glyphs[0].index) : -1;
    cairo_glyph_free(glyphs);
    return out;
}

}  // namespace

CairoFonts::CairoFonts() = default;

CairoFonts::~CairoFonts() {
    for (auto& [key, face] : faces_) cairo_font_face_destroy(face);
}

cairo_font_face_t* CairoFonts::face(const FontRef& font) {
    auto key = std::make_pair(font.file, font.index);
    if (auto it = faces_.find(key); it != faces_.end()) return it->second;
    // A pattern naming the file: cairo loads and owns the FreeType face itself.
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(font.file.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, font.index);
    cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    faces_.emplace(key, face);
    return face;
}

namespace {

class Painter {
public:
    Painter(cairo_t* cr, CairoFonts& fonts, const PaintOptions& options) : cr_(cr), fonts_(fonts), options_(options) {
        font_options_ = cairo_font_options_create();
        cairo_font_options_set_hint_style(font_options_, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(font_options_, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_antialias(font_options_, CAIRO_ANTIALIAS_GRAY);
    }
    ~Painter() { cairo_font_options_destroy(font_options_); }

    void item(const Item& item) { std::visit([this](const auto& i) { draw(i); }, item); }

private:
    void draw(const RectItem& r) {
        rounded_rect(cr_, r.box, r.radius);
        fill_and_stroke(cr_, r.fill, r.stroke);
    }

    void draw(const CircleItem& c) {
        cairo_new_sub_path(cr_);
        if (c.shape == MarkerShape::circle) {
            cairo_arc(cr_, c.center.x, c.center.y, c.radius, 0, 2 * M_PI);
        } else {
            for (const Point& p : marker_corners(c)) cairo_line_to(cr_, p.x, p.y);
            cairo_close_path(cr_);
        }
        fill_and_stroke(cr_, c.fill, c.stroke);
    }

    void draw(const LineItem& l) {
        if (l.points.size() < 2) return;
        cairo_move_to(cr_, l.points[0].x, l.points[0].y);
        for (size_t i = 1; i < l.points.size(); ++i) cairo_line_to(cr_, l.points[i].x, l.points[i].y);
        apply_stroke(cr_, l.stroke);
        cairo_stroke(cr_);
        if (!l.arrow_end) return;
        const Point& tip = l.points.back();
        const Point& from = l.points[l.points.size() - 2];
        double angle = std::atan2(tip.y - from.y, tip.x - from.x);
        double size = 4 + 2 * l.stroke.width;
        cairo_move_to(cr_, tip.x, tip.y);
        cairo_line_to(cr_, tip.x - size * std::cos(angle + 0.45), tip.y - size * std::sin(angle + 0.45));
        cairo_line_to(cr_, tip.x - size * std::cos(angle - 0.45), tip.y - size * std::sin(angle - 0.45));
        cairo_close_path(cr_);
        set_color(cr_, l.stroke.color);
        cairo_fill(cr_);
    }

    void draw(const TextItem& t) {
        set_color(cr_, t.color);
        std::vector<cairo_glyph_t> glyphs;
        std::vector<cairo_text_cluster_t> clusters;
        for (const auto& run : t.runs) {
            cairo_set_font_face(cr_, fonts_.face(run.font));
            cairo_set_font_size(cr_, run.size);
            cairo_set_font_options(cr_, font_options_);
            if (build_clusters(run, t.origin, run.rtl ? space_glyph(cr_) : -1, cairo_get_scaled_font(cr_), glyphs, clusters)) {
                cairo_show_text_glyphs(cr_, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                                       static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                                       run.rtl ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0));
            } else {
                glyphs.clear();
                for (const auto& g : run.glyphs) glyphs.push_back({g.id, t.origin.x + g.x, t.origin.y + g.y});
                cairo_show_glyphs(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
            }
        }
    }

    void draw(const Group& g) {
        bool link = options_.tag_links && !g.url.empty();
        if (link) {
            std::string uri;
            for (char c : g.url) {
                if (c == '\'' || c == '\\') uri += '\\';
                uri += c;
            }
            cairo_tag_begin(cr_, CAIRO_TAG_LINK, ("uri='" + uri + "'").c_str());
        }
        bool transformed = g.clip || g.scale != 1 || g.offset.x != 0 || g.offset.y != 0;
        if (transformed) {
            cairo_save(cr_);
            if (g.clip) {
                cairo_rectangle(cr_, g.clip->x, g.clip->y, g.clip->width, g.clip->height);
                cairo_clip(cr_);
            }
            cairo_translate(cr_, g.offset.x, g.offset.y);
            cairo_scale(cr_, g.scale, g.scale);
        }
        for (const auto& child : g.items) item(child);
        if (transformed) cairo_restore(cr_);
        if (link) cairo_tag_end(cr_, CAIRO_TAG_LINK);
    }

    cairo_t* cr_;
    CairoFonts& fonts_;
    const PaintOptions& options_;
    cairo_font_options_t* font_options_;
};

}  // namespace

void paint_page(cairo_t* cr, const Page& page, CairoFonts& fonts, const PaintOptions& options) {
    Painter painter(cr, fonts, options);
    for (const auto& item : page.items) painter.item(item);
}

}  // namespace tarikh
