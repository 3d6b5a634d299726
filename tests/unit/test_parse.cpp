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

// The hand-made slips behind a syntax error, and no guess where the text shows none.
TEST_CASE("a JSON syntax error names the slip that likely caused it") {
    const char* const missing_comma = "hint: a comma may be missing after the previous value\n";
    const char* const trailing_comma = "hint: JSON allows no comma before ] or }\n";
    const char* const unescaped = "hint: a \" inside a string must be written \\\"\n";
    struct Case {
        const char* text;
        std::string expected;
    };
    const Case cases[] = {
        {"[1 2]", "t.json:1:4: error: invalid JSON: unexpected number literal; expected ']'\n" + std::string(missing_comma)},
        {"[{} {}]", "t.json:1:5: error: invalid JSON: unexpected '{'; expected ']'\n" + std::string(missing_comma)},
        {"[[] []]", "t.json:1:5: error: invalid JSON: unexpected '['; expected ']'\n" + std::string(missing_comma)},
        {"{\"a\": \"x\" true}", "t.json:1:14: error: invalid JSON: unexpected true literal; expected '}'\n" + std::string(missing_comma)},
        {"[1,2,\n]", "t.json:2:1: error: invalid JSON: unexpected ']'; expected '[', '{', or a literal\n" + std::string(trailing_comma)},
        {"{\"a\": 1,}", "t.json:1:9: error: invalid JSON: unexpected '}'; expected string literal\n" + std::string(trailing_comma)},
        {"{\"a\": \"x \"q\" y\"}", "t.json:1:11: error: invalid JSON: invalid literal\n" + std::string(unescaped)},
        {"{\"a\": \"x \"nuclear\" y\"}", "t.json:1:13: error: invalid JSON: invalid literal\n" + std::string(unescaped)},
        {"{\"a\": \"x \" so-called\"}", "t.json:1:12: error: invalid JSON: invalid literal\n" + std::string(unescaped)},
        {"{\"a\": \"the \"1962\" crisis\"}", "t.json:1:16: error: invalid JSON: unexpected number literal; expected '}'\n" + std::string(unescaped)},
        {"{\"a\": \"x \"true\" y\"}", "t.json:1:14: error: invalid JSON: unexpected true literal; expected '}'\n" + std::string(unescaped)},
        {"{\"a\": \"x \"\xc3\xa9t\xc3\xa9\" y\"}", "t.json:1:11: error: invalid JSON: invalid literal\n" + std::string(unescaped)},
        // A bracket that closes the wrong thing, a bare word, a value left out: no guess.
        {"[1}", "t.json:1:3: error: invalid JSON: unexpected '}'; expected ']'\n"},
        {"{\"a\": quarantine}", "t.json:1:7: error: invalid JSON: invalid literal\n"},
        {"{\"a\": }", "t.json:1:7: error: invalid JSON: unexpected '}'; expected '[', '{', or a literal\n"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(formatted(parse_timeline(c.text, "t.json").diagnostics) == c.expected);
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

TEST_CASE("language tags are BCP 47, wherever they are written") {
    for (const char* tag : {"en", "ar", "fa-IR", "zh-Hant-TW", "ckb", "ku-Latn", "EN-us", "sr-Latn-RS"}) {
        CAPTURE(std::string(tag));
        std::string json = std::string(R"({"format": "tarikh/1", "languages": [")") + tag + R"("], "locales": {")" + tag +
                           R"(": ")" + tag + R"("}, "events": [{"id": "a", "date": "2018", "title": {")" + tag + R"(": "x"}}]})";
        ParseResult result = parse_timeline(json, "t.json");
        CHECK(result.timeline);
        CHECK(result.diagnostics.empty());
    }
    for (const char* tag : {"/../../../../elsewhere/index", "en_US", "", "e", "en-", "en--US", "en US", "*", "ar\\u0000"}) {
        CAPTURE(std::string(tag));
        std::string json = std::string(R"({"format": "tarikh/1", "languages": [")") + tag +
                           R"("], "events": [{"id": "a", "date": "2018"}]})";
        ParseResult result = parse_timeline(json, "t.json");
        CHECK_FALSE(result.timeline);
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].pointer == "/languages/0");
        CHECK(result.diagnostics[0].line == 1);
    }
}

namespace {

std::string with_unknown_keys(int n) {
    std::string json = R"({"format": "tarikh/1", "events": [{"id": "a", "date": "2018")";
    for (int i = 0; i < n; ++i) json += ", \"extra" + std::to_string(i) + "\": 1";
    return json + "}]}";
}

}  // namespace

TEST_CASE("warnings past the limit are counted, never fatal") {
    for (int n : {100, 101, 1000}) {
        CAPTURE(n);
        ParseResult result = parse_timeline(with_unknown_keys(n), "w.json");
        REQUIRE(result.timeline);
        REQUIRE(result.diagnostics.size() == (n > 100 ? 101u : 100u));
        CHECK(result.diagnostics[99].severity == Severity::warning);
        if (n > 100)
            CHECK(format_diagnostic(result.diagnostics.back()) ==
                  "w.json: warning: " + std::to_string(n - 100) + (n == 101 ? " more warning" : " more warnings") +
                      " not shown");
    }
    // 101 fields holding a bidi mark: a warning each, then the count.
    std::string json = R"({"format": "tarikh/1", "events": [)";
    for (int i = 0; i < 101; ++i)
        json += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) + R"(", "date": "2018", "title": "\u202ex"})";
    ParseResult bidi = parse_timeline(json + "]}", "b.json");
    REQUIRE(bidi.timeline);
    CHECK(format_diagnostic(bidi.diagnostics.back()) == "b.json: warning: 1 more warning not shown");
    // Errors still stop at the limit, and the warnings before them do not use it up.
    ParseLimits limits;
    limits.max_diagnostics = 2;
    ParseResult errors = parse_timeline(
        R"({"format": "tarikh/1", "x": 1, "y": 2, "z": 3, "events": [{"id": 1}, {"id": 2}, {"id": 3}]})", "e.json", limits);
    CHECK_FALSE(errors.timeline);
    CHECK(formatted(errors.diagnostics) ==
          "e.json:1:24: warning: /x: unknown key \"x\" is ignored\n"
          "e.json:1:32: warning: /y: unknown key \"y\" is ignored\n"
          "e.json:1:59: error: /events/0: expected a \"date\" or an \"after\", found neither\n"
          "e.json:1:66: error: /events/0/id: expected a string, found a number (1)\n"
          "e.json: error: too many problems; stopping after 2\n"
          "e.json: warning: 1 more warning not shown\n");
}

TEST_CASE("problems are reported in document order, and the cap keeps the first in the file") {
    // Keys written from "k149" down to "k000": nlohmann iterates them the other way round.
    std::string json = R"({"format": "tarikh/1", "events": [{"id": "a", "date": "2018")";
    for (int i = 149; i >= 0; --i) json += ", \"k" + std::string(i < 100 ? "0" : "") + (i < 10 ? "0" : "") + std::to_string(i) + "\": 1";
    ParseResult result = parse_timeline(json + "}]}", "o.json");
    REQUIRE(result.diagnostics.size() == 101);
    CHECK(result.diagnostics[0].pointer == "/events/0/k149");
    CHECK(result.diagnostics[99].pointer == "/events/0/k050");
    for (size_t i = 1; i < 100; ++i) CHECK(result.diagnostics[i - 1].column < result.diagnostics[i].column);
    CHECK(format_diagnostic(result.diagnostics[100]) == "o.json: warning: 50 more warnings not shown");
}

TEST_CASE("a quoted value cannot drive a terminal, reorder a line or run on") {
    CHECK(quote("\x1b]0;pwned\x07") == "\"\\u001b]0;pwned\\u0007\"");
    CHECK(quote("a\u202eb\u2066c\u200fd\xc2\x85" "e\x7f") == "\"a\\u202eb\\u2066c\\u200fd\\u0085e\\u007f\"");
    CHECK(quote("say \"hi\" \\ ok") == "\"say \\\"hi\\\" \\\\ ok\"");
    CHECK(quote("\xff\xfe") == "\"\\xff\\xfe\"");
    CHECK(quote(std::string(100, 'x')) == "\"" + std::string(40, 'x') + "…\"");
    CHECK(quote("هجوم على إدلب") == "\"هجوم على إدلب\"");
    Diagnostic d{Severity::warning, "f\x1b.json", 1, 2, "/\x1b[31m", "unknown key \x1b[31m", {"\xc2\x9b hint"}};
    CHECK(format_diagnostic(d) == "f\\u001b.json:1:2: warning: /\\u001b[31m: unknown key \\u001b[31m\nhint: \\u009b hint");
}

TEST_CASE("a key given twice is a warning at the second, and the last value is used") {
    ParseResult result = parse_timeline(R"({"format": "tarikh/1",
  "events": [{"id": "a", "date": "2018", "title": "first", "title": "second", "place": {"en": "x", "\u0065n": "y"}}]})",
                                        "d.json");
    REQUIRE(result.timeline);
    CHECK(formatted(result.diagnostics) ==
          "d.json:2:60: warning: /events/0/title: key \"title\" is given twice; the last value is used\n"
          "d.json:2:100: warning: /events/0/place/en: key \"en\" is given twice; the last value is used\n");
    CHECK(*result.timeline->events[0].title.find("en") == "second");
    CHECK(*result.timeline->events[0].place.find("en") == "y");
    // Equal keys in different objects, or a key equal to a string value, are no duplicates.
    ParseResult fine = parse_timeline(
        R"({"format": "tarikh/1", "events": [{"id": "id", "date": "2018", "tags": ["id", "id"]}, {"id": "b", "date": "2018"}]})",
        "f.json");
    CHECK(fine.diagnostics.empty());
}

TEST_CASE("of a repeated key the last value is located, as nlohmann keeps it") {
    ParseResult result = parse_timeline(
        "{\"format\": \"tarikh/1\", \"events\": [{\"id\": \"a\", \"date\": \"2018-11-09\", \"date\": \"2018-13-01\"}]}",
        "last.json");
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(result.diagnostics[0].severity == Severity::warning);
    CHECK(result.diagnostics[1].pointer == "/events/0/date");
    CHECK(result.diagnostics[1].column == 77);  // the second "2018-…", not the first at 55
}

TEST_CASE("links are judged once: the scheme in lower case, and every writer draws them as given") {
    ParseResult result = parse_timeline(R"({"format": "tarikh/1",
      "sources": [{"id": "a", "url": "HTTPS://Example.org/Report"}, {"id": "b", "url": "Mailto:desk@example.org"},
                  {"id": "c", "url": "http:no-slashes.example.org"}],
      "events": [{"id": "e", "date": "2018", "title": "t", "sources": ["a", "b", "c"]}]})", "links.json");
    REQUIRE(result.timeline);
    CHECK(result.timeline->sources[0].url == "https://Example.org/Report");
    CHECK(result.timeline->sources[1].url == "mailto:desk@example.org");
    CHECK(result.timeline->sources[2].url.empty());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].pointer == "/sources/2/url");
}

TEST_CASE("each part of an event is read at its place") {
    ParseResult result = parse_timeline(R"({"format": "tarikh/1", "events": [{"id": "e", "date": "2018", "tags": "x",
      "sources": [1], "figures": [{"value": "3"}], "quotes": ["q"], "after": {"event": "e"}}]})", "parts.json");
    std::string all = formatted(result.diagnostics);
    CHECK(all.find("/events/0/tags: expected an array of strings, found \"x\"") != std::string::npos);
    CHECK(all.find("/events/0/sources/0: expected a source id, found a number (1)") != std::string::npos);
    CHECK(all.find("/events/0/figures/0/value: expected a number, found \"3\"") != std::string::npos);
    CHECK(all.find("/events/0/quotes/0: expected an object, found \"q\"") != std::string::npos);
    CHECK(all.find("/events/0: expected either \"date\" or \"after\", found both") != std::string::npos);
}

TEST_CASE("a NUL byte names UTF-16 or UTF-32 when the file looks like one without a byte order mark") {
    auto hints_of = [](std::string_view text) { return parse_timeline(text, "w.json").diagnostics.at(0).hints; };
    using namespace std::string_view_literals;
    std::string utf16le;
    for (char c : std::string(R"({"format": "tarikh/1"})")) utf16le += std::string{c, '\0'};
    CHECK(hints_of(utf16le) ==
          std::vector<std::string>{"the file looks like UTF-16 without a byte order mark; save it as UTF-8"});
    CHECK(hints_of("\0\0\0{\0\0\0 \0\0\0}"sv).at(0).find("UTF-32") != std::string::npos);
    // One stray NUL in UTF-8 text is only that.
    CHECK(hints_of("{\"format\": \"tarikh/1\", \"title\": \"a\0b\"}"sv).empty());
}
