// The radial layout: markers on the ring, labels beside it in two columns, never overlapping.
#include <doctest/doctest.h>

#include <cmath>

#include "fake_shaper.hpp"
#include "layout/radial_layout.hpp"
#include "layout_checks.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

TEST_CASE("the example around a ring: markers on it, labels beside it, every event once") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (const char* lang : {"en", "ar"})
        for (ScaleKind scale : {ScaleKind::chronological, ScaleKind::sequential}) {
            CAPTURE(lang);
            CAPTURE(static_cast<int>(scale));
            Layout layout = layout_radial(t, {lang, "", scale}, shaper);
            check_promises(t, layout);
            auto ring = boxes_of(layout, "axis");
            REQUIRE(ring.size() == 1);
            double cx = ring[0].x + ring[0].width / 2, cy = ring[0].y + ring[0].height / 2, r = ring[0].width / 2;
            for (const auto& m : boxes_of(layout, "marker"))
                CHECK(std::hypot(m.x + m.width / 2 - cx, m.y + m.height / 2 - cy) == doctest::Approx(r).epsilon(0.001));
            for (const auto& label : boxes_of(layout, "label")) CHECK((label.right() < ring[0].x || label.x > ring[0].right()));
            CHECK(layout.lines.size() == t.events.size());
        }
}

TEST_CASE("a sequential ring spaces events evenly") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout layout = layout_radial(t, {"en", "", ScaleKind::sequential}, shaper);
    auto ring = boxes_of(layout, "axis").front();
    double cx = ring.x + ring.width / 2, cy = ring.y + ring.height / 2;
    std::vector<double> angles;
    for (const auto& m : boxes_of(layout, "marker")) angles.push_back(std::atan2(m.y + 5 - cy, m.x + 5 - cx));
    std::sort(angles.begin(), angles.end());
    angles.erase(std::unique(angles.begin(), angles.end(), [](double a, double b) { return std::abs(a - b) < 1e-6; }),
                 angles.end());
    REQUIRE(angles.size() >= 4);
    // Distinct starts get equal steps of the ring (events on one start share a point).
    double step = angles[1] - angles[0];
    for (size_t i = 2; i < angles.size(); ++i) CHECK(angles[i] - angles[i - 1] == doctest::Approx(step).epsilon(0.001));
    CHECK(step * static_cast<double>(angles.size()) == doctest::Approx(2 * 3.14159265358979).epsilon(0.001));
}
