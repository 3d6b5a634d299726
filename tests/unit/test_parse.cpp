#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/parse.hpp"
#include "test_files.hpp"

using namespace tarikh;
using tarikh::testing::read_file;
namespace fs = std::filesystem;

namespace {

std::string formatted(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += format_diagnostic(d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("every example timeline parses without errors or warnings") {
    size_t count = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(TARIKH_SOURCE_DIR) / "timelines")) {
        if (entry.path().extension() != ".json") continue;
        ++count;
        ParseResult result = parse_timeline(read_file(entry.path()), entry.path().filename().string());
        INFO(entry.path().string(), "\n", formatted(result.diagnostics));
        CHECK(result.timeline.has_value());
        CHECK(result.diagnostics.empty());
    }
    CHECK(count >= 1);
}

TEST_CASE("the Idlib example holds the article's story") {
    ParseResult result = parse_timeline(read_file(fs::path(TARIKH_SOURCE_DIR) / "timelines/idlib-sochi-2018.json"), "idlib");
    REQUIRE(result.timeline);
    const Timeline& t = *result.timeline;
    CHECK(t.events.size() >= 10);
    CHECK(t.languages == std::vector<std::string>{"en", "ar"});
    CHECK(t.locale_for("ar") == "ar-SY");
    auto halfaya = std::find_if(t.events.begin(), t.events.end(), [](const Event& e) { return e.id == "halfaya"; });
    REQUIRE(halfaya != t.events.end());
    REQUIRE(halfaya->when.after);
    CHECK(halfaya->when.after->event == "zalaqiat");
    CHECK(halfaya->when.after->offset.hours == 3);
    auto zalaqiat = std::find_if(t.events.begin(), t.events.end(), [](const Event& e) { return e.id == "zalaqiat"; });
    REQUIRE(zalaqiat != t.events.end());
    REQUIRE(zalaqiat->figures.size() == 2);
    CHECK(zalaqiat->figures[0].value == 23);
    CHECK(zalaqiat->figures[1].value == 19);
    CHECK(*zalaqiat->title.find("ar") == "هجوم على نقطة لجيش العزة في الزلاقيات");
    REQUIRE(t.eras.size() == 1);
    CHECK(t.eras[0].start.month == 9);
    CHECK(t.eras[0].start.day == 17);
}

// Each tests/invalid/NAME.json must produce exactly the diagnostics in NAME.expected.
// A change is written beside them as NAME.expected.actual; tests/bless copies it over after review.
TEST_CASE("invalid inputs give their exact messages") {
    fs::path folder = fs::path(TARIKH_TEST_DIR) / "invalid";
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".json") cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 15);
    for (const auto& path : cases) {
        ParseResult result = parse_timeline(read_file(path), path.filename().string());
        std::string actual = formatted(result.diagnostics);
        fs::path expected_path = fs::path(path).replace_extension(".expected");
        CAPTURE(path.filename().string());
        CHECK_FALSE(result.timeline.has_value());
        CHECK_MESSAGE(tarikh::testing::matches_golden(expected_path, actual), actual);
    }
}

TEST_CASE("unknown keys are warnings with the nearest known key as a hint") {
    ParseResult result = parse_timeline(R"({
  "format": "tarikh/1",
  "evnts": [],
  "events": [{"id": "a", "date": "2018", "titel": "x"}]
})", "typo.json");
    REQUIRE(result.timeline);
    CHECK(formatted(result.diagnostics) ==
          "typo.json:3:3: warning: /evnts: unknown key \"evnts\" is ignored\nhint: did you mean \"events\"?\n"
          "typo.json:4:42: warning: /events/0/titel: unknown key \"titel\" is ignored\nhint: did you mean \"title\"?\n");
}

TEST_CASE("text fields take a string or one string per language") {
    ParseResult result = parse_timeline(R"({
  "format": "tarikh/1", "languages": ["en", "ar"],
  "events": [{"id": "a", "date": "2018", "title": {"en": "Attack", "ar": "هجوم"}, "place": "Idlib"}]
})", "t.json");
    REQUIRE(result.timeline);
    const Event& e = result.timeline->events[0];
    CHECK(*e.title.find("ar") == "هجوم");
    CHECK(*e.title.find("en") == "Attack");
    CHECK(*e.place.find("ar") == "Idlib");
}

TEST_CASE("an EDTF approximate date marks the event approximate") {
    ParseResult result = parse_timeline(R"({"format": "tarikh/1", "events": [{"id": "a", "date": "2018-11-09~"}]})", "t");
    REQUIRE(result.timeline);
    CHECK(result.timeline->events[0].when.approximate);
}
