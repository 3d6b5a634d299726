#include "render/pdf/glyph_paths.hpp"

#include <hb.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <vector>

#include "render/glyph_drawing.hpp"
#include "render/pdf/merged_curves.hpp"
#include "render/pdf/pdf_file.hpp"

namespace tarikh::pdf {
namespace {

// PDF path operators: m, l, c. Whole font units: a unit is a thousandth or two of an em,
// finer than a pixel at any size text is drawn, and decimals made a glyph form's path a third longer.
// A run of curves is written with the fewest cubics that stay within `tolerance` of it
// (merged_curves.hpp): a TrueType glyph's quadratics, one cubic each, took twice the operators.
class PdfPath final : public PathSink {
public:
    explicit PdfPath(double tolerance) : tolerance_(tolerance) {}
    std::string ops;
    void move_to(float x, float y) override {
        flush();
        add({x, y}, "m\n");
    }
    void line_to(float x, float y) override {
        flush();
        add({x, y}, "l\n");
    }
    void quadratic_to(float x0, float y0, float cx, float cy, float x, float y) override {
        run_.push_back(cubic_of_quadratic({x0, y0}, {cx, cy}, {x, y}));
    }
    void cubic_to(float c1x, float c1y, float c2x, float c2y, float x, float y) override {
        const Point from = run_.empty() ? at_ : run_.back()[3];
        run_.push_back({from, Point{c1x, c1y}, Point{c2x, c2y}, Point{x, y}});
    }
    // No h: a fill closes every contour itself (and a glyph's outline is only ever filled).
    void close_path() override { flush(); }
    // Writes the curves not written yet.
    void flush() {
        for (const Cubic& c : merge_cubics(run_, tolerance_))
            add({c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y}, "c\n");
        if (!run_.empty()) at_ = run_.back()[3];
        run_.clear();
    }

private:
    void add(std::initializer_list<double> coords, const char* op) {
        for (double c : coords) {
            append_integer(ops, std::lround(c));
            ops += ' ';
        }
        ops += op;
        if (coords.size() == 2) at_ = {*coords.begin(), *(coords.begin() + 1)};
    }
    double tolerance_;
    std::vector<Cubic> run_;  // curves since the last point written
    Point at_;                // the last point written
};

}  // namespace

std::string glyph_path(hb_font_t* font, std::uint32_t glyph) {
    // A thousandth of an em: 0.02 px at the 22 px of the largest title a theme sets, a tenth of a
    // pixel at 100 px (rounding to whole units adds at most 0.7 unit more). Twice it saved a
    // twentieth more of the Urdu chart's shapes, half of it gave back a third of what it saved.
    const double tolerance = std::max(1u, hb_face_get_upem(hb_font_get_face(font))) / 1000.0;
    PdfPath pdf(tolerance);
    draw_glyph(font, glyph, pdf);
    pdf.flush();  // a contour left open
    return std::move(pdf.ops);
}

}  // namespace tarikh::pdf
