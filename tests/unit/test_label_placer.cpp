#include <doctest/doctest.h>

#include <cstddef>

#include "core/geometry.hpp"
#include "layout/label_placer.hpp"

using namespace tarikh;

namespace {

bool any_overlap(const std::vector<LabelRequest>& requests, const RowPlacement& rows, double row_height) {
    for (size_t i = 0; i < requests.size(); ++i)
        for (size_t j = i + 1; j < requests.size(); ++j) {
            Box a{rows.slots[i].x, rows.slots[i].row * row_height, requests[i].width, requests[i].height};
            Box b{rows.slots[j].x, rows.slots[j].row * row_height, requests[j].width, requests[j].height};
            if (overlaps(a, b)) return true;
        }
    return false;
}

}  // namespace

TEST_CASE("labels that fit stay at their preferred place in the first row") {
    std::vector<LabelRequest> requests{{0, 50, 10}, {100, 50, 10}, {200, 50, 10}};
    RowPlacement rows = place_in_rows(requests, 3, 8);
    for (size_t i = 0; i < requests.size(); ++i) {
        CHECK(rows.slots[i].x == requests[i].x);
        CHECK(rows.slots[i].row == 0);
    }
    CHECK(rows.row_heights.size() == 1);
}

TEST_CASE("overlapping labels stack into rows, then move right once rows run out") {
    std::vector<LabelRequest> requests(5, LabelRequest{10, 100, 20});
    RowPlacement rows = place_in_rows(requests, 2, 8);
    CHECK(rows.row_heights.size() == 2);
    CHECK(rows.slots[0].row == 0);
    CHECK(rows.slots[1].row == 1);
    CHECK(rows.slots[2].x == doctest::Approx(118));
    CHECK_FALSE(any_overlap(requests, rows, 20));
    for (size_t i = 0; i < requests.size(); ++i) CHECK(rows.slots[i].x >= requests[i].x);
}

TEST_CASE("row heights follow the tallest label of each row") {
    std::vector<LabelRequest> requests{{0, 100, 20}, {0, 100, 35}, {150, 100, 12}};
    RowPlacement rows = place_in_rows(requests, 4, 8);
    REQUIRE(rows.row_heights.size() == 2);
    CHECK(rows.row_heights[0] == 20);
    CHECK(rows.row_heights[1] == 35);
}

TEST_CASE("the row budget grows with crowding but stays compact") {
    CHECK(row_budget(0, 1000) == 3);
    CHECK(row_budget(10000, 1000) == 16);
    CHECK(row_budget(100, 0) == 1);
}

TEST_CASE("rows needed is the deepest overlap, counting the gap after each label") {
    CHECK(rows_needed({}, 8) == 0);
    // [0, 58), [50, 108), [100, 158): each overlaps the next only, so two rows hold them.
    CHECK(rows_needed({{0, 50, 10}, {50, 50, 10}, {100, 50, 10}}, 8) == 2);
    // A label starting exactly where the previous one's gap ends shares its row.
    CHECK(rows_needed({{0, 50, 10}, {58, 50, 10}}, 8) == 1);
    // Three at one x, whatever their heights.
    CHECK(rows_needed({{5, 10, 10}, {5, 80, 40}, {5, 30, 20}}, 8) == 3);
    // And first-fit placement with enough rows uses exactly that many.
    std::vector<LabelRequest> crowd{{0, 60, 10}, {10, 60, 10}, {20, 60, 10}, {200, 60, 10}, {210, 60, 10}};
    CHECK(place_in_rows(crowd, rows_needed(crowd, 8), 8).row_heights.size() == 3);
}
