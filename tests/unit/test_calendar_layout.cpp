// The calendar layout: month grids, each event once, in its day or its month's list.
#include <doctest/doctest.h>

#include "fake_shaper.hpp"
#include "io/parse.hpp"
#include "layout/calendar_layout.hpp"
#include "layout_checks.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

TEST_CASE("the example as month grids: September and November 2018, every event once") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        Layout layout = layout_calendar(t, {lang}, shaper);
        check_promises(t, layout);
        auto months = boxes_of(layout, "month");
        REQUIRE(months.size() == 2);
        CHECK(boxes_of(layout, "day").size() == 30 + 30);
        // Day events sit inside their month's grid; the two known only to November above it.
        size_t in_grid = 0;
        for (const auto& label : boxes_of(layout, "label"))
            for (const auto& m : months) in_grid += label.y >= m.y && label.bottom() <= m.bottom();
        CHECK(in_grid == t.events.size() - 2);
        // No two cells overlap; every cell is inside the page.
        auto days = boxes_of(layout, "day");
        CHECK(count_overlaps(days) == 0);
        for (const auto& d : days) CHECK((d.x >= 0 && d.right() <= layout.scene.pages[0].width + 0.01));
    }
}

TEST_CASE("the calendar puts the week's first day where the locale does") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    // 17 September 2018 was a Monday: the first column in en-GB, the third (from the right) in ar-SY.
    auto column_of = [&](const Layout& layout) {
        const auto days = boxes_of(layout, "day");
        for (const auto& b : layout.boxes)
            if (b.kind == BoxKind::label && b.event == t.events.front().id)
                for (const auto& d : days)
                    if (b.box.x >= d.x && b.box.right() <= d.right() + 0.01 && b.box.y >= d.y && b.box.bottom() <= d.bottom())
                        return d.x;
        return -1.0;
    };
    Layout en = layout_calendar(t, {"en"}, shaper), ar = layout_calendar(t, {"ar"}, shaper);
    REQUIRE(t.events.front().id == "sochi-signed");
    CHECK(column_of(en) == doctest::Approx(32));
    CHECK(column_of(ar) == doctest::Approx(ar.scene.pages[0].width - 32 - 3 * 150));
}
