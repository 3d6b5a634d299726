#include <doctest/doctest.h>

#include "fake_shaper.hpp"
#include "layout/paginate.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

// A row of `lines` lines of 10 px (the fake shaper's 8 px font, 1.25 em a line).
FlowRow row(int lines, int entry, bool keep = false, double space = 0) {
    FakeShaper shaper;
    std::string text;
    for (int i = 0; i < lines; ++i) text.append(i ? " wordword" : "wordword");
    TextStyle style;
    style.size = 8;
    style.max_width = 40;
    FlowRow r;
    r.cells.push_back({shaper.shape(text, style), 0});
    r.entry = entry;
    r.keep_with_next = keep;
    r.space_before = space;
    return r;
}

}  // namespace

TEST_CASE("rows that fit stay whole, in order") {
    auto pages = paginate({row(2, 0), row(3, 0), row(1, 1)}, 0, 100, 10);
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].rows.size() == 3);
    CHECK(pages[0].rows[1].y == doctest::Approx(20));
    CHECK(pages[0].rows[2].y == doctest::Approx(50));
}

TEST_CASE("a row too long for the page is split between lines and continues") {
    auto pages = paginate({row(2, 0), row(12, 0)}, 0, 100, 10);
    REQUIRE(pages.size() == 2);
    const PlacedRow& first = pages[0].rows.back();
    CHECK(first.split);
    CHECK(first.row.cells[0].text.lines.size() == 8);  // 20 px used, 80 px left: 8 lines
    CHECK(pages[1].continued_entry == 0);
    const PlacedRow& rest = pages[1].rows.front();
    CHECK(rest.y == doctest::Approx(10));  // below the "(continued)" mark
    CHECK(rest.row.cells[0].text.lines.size() == 4);
    CHECK(rest.row.cells[0].text.lines.front().top == 0);
    size_t glyphs = 0;
    for (const auto& run : first.row.cells[0].text.runs) glyphs += run.glyphs.size();
    for (const auto& run : rest.row.cells[0].text.runs) glyphs += run.glyphs.size();
    CHECK(glyphs == 12 * 8);  // every glyph drawn once
}

TEST_CASE("a title is never left alone at the foot of a page") {
    // Date and title keep with the body; only the date and title would fit: all three move.
    auto pages = paginate({row(8, 0), row(1, 1, true), row(1, 1, true), row(3, 1)}, 0, 100, 10);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].rows.size() == 1);
    CHECK(pages[1].continued_entry == -1);  // entry 1 starts afresh
    CHECK(pages[1].rows.size() == 3);
}

TEST_CASE("entries of a date and a title alone do not chain into one taller than a page") {
    // Each entry's rows all keep with the next, the last one too (nothing follows it): the
    // entries still fill their pages, none left alone on one.
    std::vector<FlowRow> rows;
    for (int entry = 0; entry < 8; ++entry)
        for (int r = 0; r < 3; ++r) rows.push_back(row(1, entry, true, r == 0 ? 5 : 0));
    auto pages = paginate(std::move(rows), 0, 100, 10);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].rows.size() == 9);  // 30 + 35 + 35 px: three entries fill a page of 100
    CHECK(pages[1].rows.size() == 9);
    CHECK(pages[1].continued_entry == -1);  // no entry cut in two
    CHECK(pages[2].rows.size() == 6);
}

TEST_CASE("space before a row is dropped at the top of a page") {
    auto pages = paginate({row(9, 0), row(2, 1, false, 15)}, 0, 100, 10);
    REQUIRE(pages.size() == 2);
    CHECK(pages[1].rows.front().y == doctest::Approx(0));
}
