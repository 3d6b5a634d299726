#include "render/glyph_drawing.hpp"

#include <hb.h>

namespace tarikh {
namespace {

PathSink& sink(void* data) { return *static_cast<PathSink*>(data); }

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) { sink(data).move_to(x, y); }
void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) { sink(data).line_to(x, y); }
void quadratic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t* st, float cx, float cy, float x, float y, void*) {
    sink(data).quadratic_to(st->current_x, st->current_y, cx, cy, x, y);
}
void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
    sink(data).cubic_to(c1x, c1y, c2x, c2y, x, y);
}
void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) { sink(data).close_path(); }

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

void draw_glyph(hb_font_t* font, std::uint32_t glyph, PathSink& sink) {
    hb_font_get_glyph_shape(font, glyph, draw_funcs(), &sink);
}

}  // namespace tarikh
