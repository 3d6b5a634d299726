#include <doctest/doctest.h>

#include "io/json_positions.hpp"

using namespace tarikh;

TEST_CASE("values and keys are found by JSON pointer") {
    const char* text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c/d\": true\n}";
    JsonPositions positions(text);
    CHECK(positions.find("").line == 1);
    CHECK(positions.find("/a").line == 2);
    CHECK(positions.find("/a").column == 8);
    CHECK(positions.find("/a/1/b").column == 18);
    CHECK(positions.find_key("/a/1/b").column == 13);
    CHECK(positions.find("/c~1d").line == 3);
    // An unknown pointer falls back to its nearest known ancestor.
    CHECK(positions.find("/a/1/zzz").column == 12);
}

TEST_CASE("columns count code points, not bytes") {
    const char* text = "{\"t\": \"تاريخ\", \"u\": 1}";
    JsonPositions positions(text);
    CHECK(positions.find("/u").column == 21);
}
