#include "render/pdf/glyph_paths.hpp"

#include <cmath>
#include <initializer_list>

#include "render/glyph_drawing.hpp"
#include "render/pdf/pdf_file.hpp"

namespace tarikh::pdf {
namespace {

// PDF path operators: m, l, c, h. Whole font units: a unit is a thousandth or two of an em,
// finer than a pixel at any size text is drawn, and decimals made a glyph form's path a third longer.
class PdfPath final : public PathSink {
public:
    std::string ops;
    void move_to(float x, float y) override { add({x, y}, "m\n"); }
    void line_to(float x, float y) override { add({x, y}, "l\n"); }
    // PDF has cubic curves only: a quadratic's control point, two thirds of the way from each end.
    void quadratic_to(float x0, float y0, float cx, float cy, float x, float y) override {
        add({x0 + 2.f / 3 * (cx - x0), y0 + 2.f / 3 * (cy - y0), x + 2.f / 3 * (cx - x), y + 2.f / 3 * (cy - y), x, y}, "c\n");
    }
    void cubic_to(float c1x, float c1y, float c2x, float c2y, float x, float y) override {
        add({c1x, c1y, c2x, c2y, x, y}, "c\n");
    }
    void close_path() override { ops += "h\n"; }

private:
    void add(std::initializer_list<float> coords, const char* op) {
        for (float c : coords) {
            append_integer(ops, std::lround(c));
            ops += ' ';
        }
        ops += op;
    }
};

}  // namespace

std::string glyph_path(hb_font_t* font, std::uint32_t glyph) {
    PdfPath pdf;
    draw_glyph(font, glyph, pdf);
    return std::move(pdf.ops);
}

}  // namespace tarikh::pdf
