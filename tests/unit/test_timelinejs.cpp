#include <doctest/doctest.h>

#include <filesystem>

#include <tarikh/tarikh.hpp>

#include "fake_shaper.hpp"
#include "io/html_text.hpp"
#include "io/timelinejs.hpp"
#include "layout_checks.hpp"
#include "scene_items.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;
namespace fs = std::filesystem;

namespace {

Timeline load(const std::string& name) { return load_test_timeline("timelinejs/" + name); }

}  // namespace

TEST_CASE("HTML becomes plain text with paragraphs, links kept apart") {
    PlainText p = html_to_text("<p>Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada</a>:</p><p>a &amp; b&nbsp;&#x41;&#66;</p>");
    CHECK(p.text == "Take Ada:\n\na & b AB");
    CHECK(p.links == std::vector<std::string>{"https://en.wikipedia.org/wiki/Ada_Lovelace"});
    CHECK(html_to_text("<script>alert(1)</script>x<br/>y<style>p{}</style>").text == "x\ny");
    CHECK(html_to_text("<a onclick=\"steal()\" href='javascript:x'>Click</a> me").text == "Click me");
    CHECK(html_to_text("unclosed <b").text == "unclosed");
    CHECK(html_to_text("&bogus; &#xZZ; &").text == "&bogus; &#xZZ; &");
}

TEST_CASE("Knight Lab's example files render with every event") {
    FakeShaper shaper;
    for (auto [name, events] : std::vector<std::pair<const char*, size_t>>{
             {"eras.json", 20}, {"marktwain.json", 17}, {"women_in_computing.json", 10}}) {
        std::string file = name;  // clang 14 cannot capture a structured binding
        CAPTURE(file);
        Timeline t = load(name);
        CHECK(t.events.size() == events);
        Layout layout = layout_chart(t, {}, shaper);
        CHECK(per_event(layout, "label").size() == events);
        CHECK(count_overlaps(boxes_of(layout, "label")) == 0);
    }
    Timeline eras = load("eras.json");
    CHECK(eras.eras.size() == 3);
    Timeline women = load("women_in_computing.json");
    CHECK(*women.title.find("en") == "Women in Computing");
    CHECK_FALSE(women.sources.empty());  // links in the text became sources
    for (const auto& e : women.events) CHECK(e.title.find("en")->find('<') == std::string::npos);
}

TEST_CASE("TimelineJS v3: dates at their precision, numbers or strings, ids, places") {
    Timeline twain = load("marktwain.json");
    const Event& first = twain.events[0];
    CHECK(first.when.date->precision == Precision::day);
    CHECK(twain.events[1].when.date->precision == Precision::second);
    CHECK(twain.events[1].when.date->hour == 6);
    CHECK(*twain.events[1].place.find("en") == "Florida, Missouri");
    Timeline hostile = load("hostile-html.json");
    REQUIRE(hostile.events.size() == 2);  // the undated slide is left out, with a warning
    CHECK(*hostile.title.find("en") == "Hostile & broken");
    CHECK(*event_by_id(hostile, "e0").title.find("en") == "Click me");
    CHECK(event_by_id(hostile, "second").when.date->precision == Precision::minute);
    for (const auto& s : hostile.sources) CHECK(s.url.rfind("https://", 0) == 0);
}

TEST_CASE("the legacy v2 format: comma dates, tags as lanes, assets as sources, eras") {
    Timeline t = load("legacy-v2.json");
    REQUIRE(t.events.size() == 3);
    CHECK(t.events[1].when.date->precision == Precision::minute);
    CHECK(t.events[2].when.date->precision == Precision::month);
    REQUIRE(t.events[2].when.end);
    CHECK(t.lanes.size() == 2);
    CHECK(*t.lanes[0].label.find("en") == "Assad forces");
    REQUIRE(t.sources.size() == 1);
    CHECK(*t.sources[0].name.find("en") == "The front (Enab Baladi)");
    CHECK(t.eras.size() == 1);
}

TEST_CASE("the Google Sheet CSV: title and era rows, quoted cells, times") {
    Timeline t = load("sheet.csv");
    CHECK(*t.title.find("en") == "Idlib in 2018");
    REQUIRE(t.events.size() == 3);
    CHECK(*t.events[0].text.find("en") == "A demilitarized area, \"for now\".");
    CHECK(*t.events[1].text.find("en") == "23 troops die.\n\nOthers are injured.");
    CHECK(t.events[1].when.date->hour == 22);
    CHECK(t.events[2].when.date->precision == Precision::month);
    CHECK(t.eras.size() == 1);
    CHECK(t.lanes.size() == 2);
}

TEST_CASE("a cosmological TimelineJS file: billions of years, labelled as years ago") {
    Timeline t = load("cosmological.json");
    REQUIRE(t.events.size() == 7);
    CHECK(t.events[0].when.date->year == -13800000000LL);
    FakeShaper shaper;
    Layout layout = layout_chart(t, {}, shaper);
    std::string dump;
    for (const auto& page : layout.scene.pages)
        for (const TextItem* text : text_items(page.items))
            for (const auto& run : text->runs) dump += run.text + "\n";
    CHECK(dump.find("billion years ago") != std::string::npos);  // the ticks
    CHECK(per_event(layout, "label").size() == 7);
    CHECK(count_overlaps(boxes_of(layout, "tick")) == 0);
}

TEST_CASE("shapes seen in real TimelineJS files") {
    Timeline t = load("real-world-shapes.json");
    REQUIRE(t.events.size() == 8);
    CHECK(t.events[0].when.date->precision == Precision::second);  // milliseconds: kept to the second
    CHECK(t.events[2].when.date->year == -500);                     // a year given as a number
    CHECK(t.events[3].sources.empty());                             // HTML "media" is not a link
    REQUIRE(t.events[4].when.end);
    CHECK(*t.sources[0].name.find("en") == "Voyager 1 (NASA)");
    CHECK(t.events[5].id == "web");
    CHECK(t.events[6].id == "e6");                                  // a repeated unique_id
    CHECK(t.events[5].when.date->precision == Precision::year);     // empty month and day
    CHECK(*t.events[5].text.find("en") == "one\ntwo");
    FakeShaper shaper;
    CHECK(per_event(layout_chart(t, {}, shaper), "label").size() == 8);
}

namespace {

std::string messages(const Result<Timeline>& result) {
    std::string out;
    for (const auto& d : result.diagnostics) out += format_diagnostic(d) + "\n";
    return out;
}

}  // namespace

TEST_CASE("v3 wrapped in {\"timeline\": …}, as the TimelineJS site publishes it, keeps every slide") {
    Timeline wrapped = load("wrapped-v3.json");
    CHECK(wrapped.events.size() == 17);
    CHECK(*wrapped.title.find("en") == *load("marktwain.json").title.find("en"));
}

TEST_CASE("a file is taken for TimelineJS by its dated slides or its wrapper, never when it says format") {
    CHECK(looks_like_timelinejs(R"({"events": [{"text": {}}, {"start_date": {"year": 2018}}]})"));
    CHECK(looks_like_timelinejs(R"({"title": {}, "timeline": {"events": []}})"));
    CHECK_FALSE(looks_like_timelinejs(R"({"format": "tarikh/1", "events": [{"start_date": {"year": 2018}}]})"));
    CHECK_FALSE(looks_like_timelinejs(R"({"events": [{"start_date": {"year": 2018}}], "format": "tarikh/1"})"));
    CHECK_FALSE(looks_like_timelinejs(R"({"format": "tarikh/1", "timeline": {}})"));  // "format" wins
    // Of a key given twice, the last value counts (as the parser keeps it).
    CHECK_FALSE(looks_like_timelinejs(R"({"timeline": {}, "timeline": 1})"));
    CHECK_FALSE(looks_like_timelinejs(R"({"events": [{"start_date": 1}], "events": []})"));
    CHECK(looks_like_timelinejs(R"({"events": [], "events": [{"start_date": 1}]})"));
    CHECK_FALSE(looks_like_timelinejs(R"({"events": [{"date": "2018"}]})"));
    CHECK_FALSE(looks_like_timelinejs(R"({"events": [{"media": {"start_date": 1}}]})"));   // a slide's own key only
    CHECK_FALSE(looks_like_timelinejs(R"({"about": {"events": [{"start_date": 1}]}})"));   // the top level's events only
    CHECK_FALSE(looks_like_timelinejs(R"({"timeline": "wrapped"})"));
    CHECK_FALSE(looks_like_timelinejs(R"([{"start_date": {"year": 2018}}])"));
    CHECK_FALSE(looks_like_timelinejs(R"({"events": [{"start_date": {"year": 2018}}]} trailing)"));
    CHECK_FALSE(looks_like_timelinejs(R"({"events": [{"start_date": {"year": 2018}})"));
}

TEST_CASE("a TimelineJS file without a slide is an error at the place slides belong") {
    Result<Timeline> wrapped = load_string(R"({"timeline": {"headline": "Nothing"}})", "empty.json");
    CHECK_FALSE(wrapped.value);
    const char* hint = "hint: TimelineJS keeps its slides in \"events\" (v3) or in \"timeline\": {\"date\": […]} (v2)\n";
    CHECK(messages(wrapped) ==
          std::string("empty.json:1:14: error: /timeline: expected at least one slide with a start date, found none\n") + hint);
    Result<Timeline> bare = load_string(R"({"events": []})", "none.json", {.from = InputFormat::timelinejs});
    CHECK(messages(bare) ==
          std::string("none.json:1:12: error: /events: expected at least one slide with a start date, found none\n") + hint);
}

TEST_CASE("an end date that cannot be read is left out with a warning, and strict makes it an error") {
    std::string v2 = R"({"timeline": {"date": [
 {"startDate": "1960,2,15", "headline": "a"},
 {"startDate": "1960,2,15", "endDate": "196002152034", "headline": "b"}]}})";
    Result<Timeline> kept = load_string(v2, "v2.json");
    REQUIRE(kept.value);
    CHECK(kept->events.size() == 2);
    CHECK_FALSE(kept->events[1].when.end);
    std::string problem = ": /timeline/date/1/endDate: expected a date, found \"196002152034\"\n"
                          "hint: expected a year between -100000000000 and +100000000000\n";
    CHECK(messages(kept) ==
          "v2.json:3:40: warning" + problem + "hint: the slide is kept without its end date\n");
    CHECK(kept.diagnostics.back().option == Option::strict);  // the front end says how to set it
    ReadOptions strict;
    strict.strict = true;
    Result<Timeline> refused = load_string(v2, "v2.json", strict);
    CHECK_FALSE(refused.value);
    CHECK(messages(refused) == "v2.json:3:40: error" + problem);
}

TEST_CASE("problems are named at their place in the original file, with its pointer") {
    std::string v3 = R"({"events": [
 {"start_date": {"year": 2018}, "text": {"headline": "one"}},
 {"start_date": {"year": 2018}, "text": {"headline": "two"}},
 {"start_date": {"year": 2018, "month": 13}, "text": {"headline": "three"}}]})";
    Result<Timeline> bad_date = load_string(v3, "v3.json");
    CHECK(messages(bad_date) == "v3.json:4:17: error: /events/2/start_date: expected a date, found {\"month\":13,\"year\":2018}\n"
                                "hint: month 13 is out of range\n");
    // A problem only the format v1 reader sees, in a text.
    ReadOptions short_texts;
    short_texts.max_text_length = 4;
    Result<Timeline> too_long = load_string(v3.replace(v3.find("13"), 2, "12"), "v3.json", short_texts);
    CHECK(messages(too_long) == "v3.json:4:67: error: /events/2/text/headline: expected a text of at most 4 characters, "
                                "found 5\n");
    CHECK(too_long.diagnostics.back().option == Option::max_text_length);  // the front end words the hint
}

TEST_CASE("a CSV saved by Excel: a byte order mark, lines ended by CR, cells located by line and column") {
    std::string sheet = read_file(fs::path(TARIKH_TEST_DIR) / "timelinejs" / "sheet.csv");
    Result<Timeline> with_bom = load_string("\xEF\xBB\xBF" + sheet, "SHEET.CSV");
    REQUIRE(with_bom.value);
    CHECK(with_bom->events.size() == 3);
    Result<Timeline> cr = load_string("\xEF\xBB\xBFYear,Month,Day,End Year,Headline\r2018,11,9,,One\r2018,11,10,1e99,Two\r",
                                 "excel.csv");
    REQUIRE(cr.value);
    CHECK(cr->events.size() == 2);
    CHECK(messages(cr) == "excel.csv:3:12: warning: End Year: expected a date, found \"1e99\"\n"
                          "hint: expected numbers for the year, month, day, hour, minute and second\n"
                          "hint: the slide is kept without its end date\n");
}

TEST_CASE("hostile nesting where a TimelineJS date belongs is an error, never a crash") {
    std::string deep = R"({"events": [{"start_date": )" + std::string(200'000, '[') + std::string(200'000, ']') + "}]}";
    Result<Timeline> result = load_string(deep, "deep.json", {.from = InputFormat::timelinejs});
    CHECK_FALSE(result.value);
    CHECK(messages(result) == "deep.json:1:28: error: /events/0/start_date: expected a date, found […]\n"
                              "hint: expected numbers for the year, month, day, hour, minute and second\n");
}

TEST_CASE("an end before its start is left out like an unreadable one, the era too") {
    std::string v3 = R"({"events": [
 {"start_date": {"year": 1960, "month": 2}, "end_date": {"year": 1959}, "text": {"headline": "a"}}],
 "eras": [{"start_date": {"year": 1960, "month": 3}, "end_date": {"year": 1960, "month": 1}}]})";
    Result<Timeline> kept = load_string(v3, "order.json");
    REQUIRE(kept.value);
    CHECK_FALSE(kept->events[0].when.end);
    CHECK(kept->eras.empty());
    CHECK(messages(kept) ==
          "order.json:2:57: warning: /events/0/end_date: expected an end on or after the start "
          "({\"month\":2,\"year\":1960}), found {\"year\":1959}\n"
          "hint: the slide is kept without its end date\n"
          "order.json:3:66: warning: /eras/0/end_date: expected an end on or after the start "
          "({\"month\":3,\"year\":1960}), found {\"month\":1,\"year\":1960}\n"
          "hint: the era is left out\n");
}

TEST_CASE("media that is not a link is left out with a warning, never silently") {
    Result<Timeline> result = load_string(R"({"events": [{"start_date": {"year": 1969},
 "media": {"url": "<blockquote>One small step</blockquote>"}}]})", "media.json");
    REQUIRE(result.value);
    CHECK(messages(result) == "media.json:2:19: warning: /events/0/media/url: only http, https and mailto links are "
                              "kept; \"<blockquote>One small step</blockquote>\" is dropped\n"
                              "hint: tarikh keeps media only as links; this one is left out\n");
}

TEST_CASE("the importer caps and sums up its warnings as the format v1 reader does") {
    std::string v3 = R"({"events": [)";
    for (int i = 0; i < 8; ++i)
        v3 += std::string(i ? "," : "") + R"({"start_date": {"year": 1969}, "media": {"url": "moon.jpg"}})";
    ReadOptions options;
    options.max_diagnostics = 3;
    Result<Timeline> result = load_string(v3 + "]}", "cap.json", options);
    REQUIRE(result.value);
    REQUIRE(result.diagnostics.size() == 4);
    CHECK(result.diagnostics[2].pointer == "/events/2/media/url");
    CHECK(format_diagnostic(result.diagnostics[3]) == "cap.json: warning: 5 more warnings not shown");
}

TEST_CASE("media links are judged by the one link rule: the scheme in any case") {
    Result<Timeline> result = load_string(R"({"events": [{"start_date": {"year": 1969},
 "media": {"url": "HTTPS://Example.org/Moon.jpg", "caption": "moon"}}]})", "media.json");
    REQUIRE(result.value);
    CHECK(messages(result).empty());
    REQUIRE(result->sources.size() == 1);
    CHECK(result->sources[0].url == "https://Example.org/Moon.jpg");
}
