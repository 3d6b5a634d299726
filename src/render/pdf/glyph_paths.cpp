#include "render/pdf/glyph_paths.hpp"

#include <hb.h>

#include <cmath>
#include <initializer_list>

#include "render/pdf/pdf_file.hpp"

namespace tarikh::pdf {
namespace {

// Whole font units: a unit is a thousandth or two of an em, finer than a pixel at any size text
// is drawn, and decimals made a shape's path a third longer.
void ops(void* data, std::initializer_list<float> coords, const char* op) {
    auto& out = *static_cast<std::string*>(data);
    for (float c : coords) {
        append_integer(out, std::lround(c));
        out += ' ';
    }
    out += op;
}

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) { ops(data, {x, y}, "m\n"); }
void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) { ops(data, {x, y}, "l\n"); }
// PDF has cubic curves only: a quadratic's control point, two thirds of the way from each end.
void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t* st, float cx, float cy, float x, float y, void*) {
    ops(data,
        {st->current_x + 2.f / 3 * (cx - st->current_x), st->current_y + 2.f / 3 * (cy - st->current_y),
         x + 2.f / 3 * (cx - x), y + 2.f / 3 * (cy - y), x, y},
        "c\n");
}
void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
    ops(data, {c1x, c1y, c2x, c2y, x, y}, "c\n");
}
void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) { *static_cast<std::string*>(data) += "h\n"; }

hb_draw_funcs_t* draw_funcs() {
    static hb_draw_funcs_t* funcs = [] {
        hb_draw_funcs_t* f = hb_draw_funcs_create();
        hb_draw_funcs_set_move_to_func(f, move_to, nullptr, nullptr);
        hb_draw_funcs_set_line_to_func(f, line_to, nullptr, nullptr);
        hb_draw_funcs_set_quadratic_to_func(f, quadratic_to, nullptr, nullptr);
        hb_draw_funcs_set_cubic_to_func(f, cubic_to, nullptr, nullptr);
        hb_draw_funcs_set_close_path_func(f, close_path, nullptr, nullptr);
        hb_draw_funcs_make_immutable(f);
        return f;
    }();
    return funcs;
}

}  // namespace

std::string glyph_path(hb_font_t* font, std::uint32_t glyph) {
    std::string out;
    hb_font_get_glyph_shape(font, glyph, draw_funcs(), &out);
    return out;
}

}  // namespace tarikh::pdf
