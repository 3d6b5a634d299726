// A glyph's curves drawn with fewer cubics (src/render/pdf/merged_curves.hpp), on every glyph
// of Noto Nastaliq Urdu, whose shapes a PDF draws as paths.
#include <doctest/doctest.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "render/glyph_drawing.hpp"
#include "render/pdf/glyph_paths.hpp"
#include "render/pdf/merged_curves.hpp"
#include "test_font.hpp"

using namespace tarikh;

namespace {

// A glyph's runs of curves: what lies between its points, lines and closes.
class Runs final : public PathSink {
public:
    std::vector<std::vector<pdf::Cubic>> runs{{}};
    void move_to(float, float) override { runs.emplace_back(); }
    void line_to(float, float) override { runs.emplace_back(); }
    void quadratic_to(float x0, float y0, float cx, float cy, float x, float y) override {
        runs.back().push_back(pdf::cubic_of_quadratic({x0, y0}, {cx, cy}, {x, y}));
    }
    void cubic_to(float, float, float, float, float, float) override { FAIL("Noto Nastaliq is TrueType"); }
    void close_path() override { runs.emplace_back(); }
};

Point at(const pdf::Cubic& c, double t) {
    const double s = 1 - t, a = s * s * s, b = 3 * s * s * t, d = 3 * s * t * t, e = t * t * t;
    return {a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x, a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y};
}

// How far `p` is from the cubic, within a hundredth of a unit for a glyph's curves (a polyline
// of 512 chords).
double distance(Point p, const pdf::Cubic& c) {
    double best = 1e300;
    Point from = c[0];
    for (int i = 1; i <= 512; ++i) {
        const Point to = at(c, i / 512.0);
        const double dx = to.x - from.x, dy = to.y - from.y, chord = dx * dx + dy * dy;
        const double t = chord > 0 ? std::clamp(((p.x - from.x) * dx + (p.y - from.y) * dy) / chord, 0.0, 1.0) : 0;
        best = std::min(best, std::hypot(p.x - from.x - t * dx, p.y - from.y - t * dy));
        from = to;
    }
    return best;
}

}  // namespace

TEST_CASE("pdf glyph paths: a Nastaliq glyph's quadratics become half as many cubics, none off by more than the tolerance") {
    const FontRef nastaliq{TARIKH_SOURCE_DIR "/fonts/NotoNastaliqUrdu-Regular.ttf", 0};
    const testing::TestFont font(nastaliq);
    const unsigned glyphs = hb_face_get_glyph_count(hb_font_get_face(font.hb()));
    REQUIRE(hb_face_get_upem(hb_font_get_face(font.hb())) == 1000);  // the tolerance below, a unit
    std::size_t quadratics = 0, cubics = 0, written = 0;
    double worst = 0;
    for (unsigned glyph = 0; glyph < glyphs; glyph += 4) {  // a quarter of them: the test's time
        Runs runs;
        draw_glyph(font.hb(), glyph, runs);
        for (const auto& run : runs.runs) {
            const std::vector<pdf::Cubic> merged = pdf::merge_cubics(run, 1.0);
            quadratics += run.size();
            cubics += merged.size();
            // Each cubic replaces the pieces between its ends (kept as they were): every point
            // of those pieces lies within the tolerance of it.
            std::size_t piece = 0;
            for (const pdf::Cubic& cubic : merged) {
                REQUIRE(piece < run.size());
                CHECK(run[piece][0].x == cubic[0].x);
                CHECK(run[piece][0].y == cubic[0].y);
                for (; piece < run.size(); ++piece) {
                    for (int i = 0; i <= 16; ++i) worst = std::max(worst, distance(at(run[piece], i / 16.0), cubic));
                    if (run[piece][3].x == cubic[3].x && run[piece][3].y == cubic[3].y) break;
                }
                ++piece;
            }
            CHECK(piece == run.size());
        }
        const std::string path = pdf::glyph_path(font.hb(), glyph);
        for (std::size_t at = 0; (at = path.find(" c\n", at)) != std::string::npos; ++at) ++written;
    }
    CHECK(worst <= 1.0 + 0.01);
    MESSAGE(quadratics << " quadratics, " << cubics << " cubics, worst " << worst << " units");
    CHECK(cubics < quadratics * 6 / 10);
    CHECK(written == cubics);  // what the PDF writes
}

TEST_CASE("pdf glyph paths: a run no cubic follows comes back as it was") {
    // A zigzag: two quadratics that bend opposite ways meet at a corner.
    const std::vector<pdf::Cubic> run{pdf::cubic_of_quadratic({0, 0}, {50, 100}, {100, 0}),
                                      pdf::cubic_of_quadratic({100, 0}, {150, 100}, {200, 0})};
    const std::vector<pdf::Cubic> merged = pdf::merge_cubics(run, 1.0);
    REQUIRE(merged.size() == 2);
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t k = 0; k < 4; ++k) CHECK((merged[i][k].x == run[i][k].x && merged[i][k].y == run[i][k].y));
    CHECK(pdf::merge_cubics({}, 1.0).empty());
    // One cubic cut in two at a third: the halves join again, as they were.
    const pdf::Cubic whole{Point{0, 0}, Point{30, 90}, Point{120, 100}, Point{200, 0}};
    auto lerp = [](Point a, Point b, double t) { return Point{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; };
    const double t = 1.0 / 3;
    const Point a = lerp(whole[0], whole[1], t), b = lerp(whole[1], whole[2], t), c = lerp(whole[2], whole[3], t);
    const Point d = lerp(a, b, t), e = lerp(b, c, t), m = lerp(d, e, t);
    const std::vector<pdf::Cubic> back = pdf::merge_cubics({{whole[0], a, d, m}, {m, e, c, whole[3]}}, 0.001);
    REQUIRE(back.size() == 1);
    for (std::size_t k = 0; k < 4; ++k) CHECK(std::hypot(back[0][k].x - whole[k].x, back[0][k].y - whole[k].y) < 1e-9);
}
