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

TEST_CASE("a line ends at LF, CRLF or a lone CR") {
    std::string_view text = "a\rb\r\nc\nd\r\re";
    CHECK(position_of(text, 2).line == 2);  // after "\r"
    CHECK(position_of(text, 2).column == 1);
    CHECK(position_of(text, 5).line == 3);  // after "\r\n": one break, not two
    CHECK(position_of(text, 7).line == 4);
    CHECK(position_of(text, 10).line == 6);
    JsonPositions positions("{\r\"a\":\r [1,\r  2]}");
    CHECK(positions.find("/a/1").line == 4);
    CHECK(positions.find("/a/1").column == 3);
}

TEST_CASE("hostile nesting is indexed down to a depth, never past the stack") {
    std::string deep = "{\"a\": " + std::string(100'000, '[') + std::string(100'000, ']') + ", \"b\": 1}";
    JsonPositions positions(deep);
    CHECK(positions.find("/b").column == 200'014);
    CHECK(positions.find("/a/0/0").column == 9);
}

TEST_CASE("repeated keys are found in document order, and the last one is indexed") {
    const char* text = R"({"a": [{"b": 1, "b": 2}], "a": 3})";
    JsonPositions positions(text);
    const auto& found = positions.duplicate_keys();
    REQUIRE(found.size() == 2);
    CHECK(found[0].pointer == "/a/0/b");
    CHECK(found[0].offset == 16);
    CHECK(found[1].pointer == "/a");
    CHECK(found[1].offset == 26);
    CHECK(positions.find("/a").column == 32);
    CHECK(positions.find_key("/a").column == 27);
    // Escapes are decoded: "\u0061" is "a"; equal keys in different objects are no duplicates.
    CHECK(JsonPositions(R"({"a": 1, "\u0061": 2})").duplicate_keys().size() == 1);
    CHECK(JsonPositions(R"([{"a": 1}, {"a": 2}, "a", "a"])").duplicate_keys().empty());
}
