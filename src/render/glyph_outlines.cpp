#include "render/glyph_outlines.hpp"

#include <hb.h>

#include <charconv>
#include <cmath>

#include "render/glyph_drawing.hpp"

namespace tarikh {
namespace {

void append_number(std::string& out, float v) {
    char buf[32];
    // Outlines are drawn in font units, whole numbers nearly always: written as integers they
    // read the same as %.7g writes them (below 1e7, -0 aside) at a tenth of the cost (float
    // to_chars was 13 % of a 10-event SVG's instructions).
    if (std::abs(v) < 1e7f && v == static_cast<float>(static_cast<int>(v)) && !(v == 0 && std::signbit(v))) {
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<int>(v));
        out.append(buf, end);
        return;
    }
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 7);
    out.append(buf, end);
}

void append_point(std::string& out, char command, std::initializer_list<float> coords) {
    out += command;
    bool first = true;
    for (float c : coords) {
        if (!first) out += ' ';
        append_number(out, c);
        first = false;
    }
}

// SVG path data: M, L, Q, C, Z.
class SvgPath final : public PathSink {
public:
    std::string data;
    void move_to(float x, float y) override { append_point(data, 'M', {x, y}); }
    void line_to(float x, float y) override { append_point(data, 'L', {x, y}); }
    void quadratic_to(float, float, float cx, float cy, float x, float y) override {
        append_point(data, 'Q', {cx, cy, x, y});
    }
    void cubic_to(float c1x, float c1y, float c2x, float c2y, float x, float y) override {
        append_point(data, 'C', {c1x, c1y, c2x, c2y, x, y});
    }
    void close_path() override { data += 'Z'; }
};

}  // namespace

namespace {
constexpr size_t kMostPaths = 16384;
}  // namespace

GlyphOutlines::~GlyphOutlines() {
    for (auto& [key, font] : fonts_) hb_font_destroy(font);
}

hb_font_t* GlyphOutlines::font(const FontRef& ref) {
    // Glyphs come in runs of one font: the last one answers most calls without a key made.
    if (last_font_ && ref.index() == last_index_ && ref.file() == last_file_) return last_font_;
    auto key = std::make_pair(ref.file(), ref.index());
    auto it = fonts_.find(key);
    if (it != fonts_.end()) return remember(key, it->second);
    hb_blob_t* blob = hb_blob_create_from_file(ref.file().c_str());
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(ref.index()));
    hb_font_t* font = hb_font_create(face);  // scale defaults to units per em
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    fonts_.emplace(key, font);
    return remember(key, font);
}

hb_font_t* GlyphOutlines::remember(const std::pair<std::string, int>& key, hb_font_t* font) {
    last_file_ = key.first;
    last_index_ = key.second;
    return last_font_ = font;
}

const std::string& GlyphOutlines::path(const FontRef& ref, std::uint32_t glyph) {
    hb_font_t* f = font(ref);
    if (paths_.size() >= kMostPaths) paths_.clear();  // a long batch in a font of many glyphs (CJK) stays bounded
    auto [it, added] = paths_.try_emplace({f, glyph});
    if (added) {
        SvgPath svg;
        draw_glyph(f, glyph, svg);
        it->second = std::move(svg.data);
    }
    return it->second;
}

double GlyphOutlines::units_per_em(const FontRef& ref) {
    unsigned upem = hb_face_get_upem(hb_font_get_face(font(ref)));
    return upem ? upem : 1000;
}

}  // namespace tarikh
