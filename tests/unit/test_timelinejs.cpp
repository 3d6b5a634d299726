#include <doctest/doctest.h>

#include <filesystem>

#include "api/tarikh.hpp"
#include "fake_shaper.hpp"
#include "io/html_text.hpp"
#include "layout_checks.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;
namespace fs = std::filesystem;

namespace {

Timeline load(const char* name) {
    fs::path path = fs::path(TARIKH_TEST_DIR) / "timelinejs" / name;
    ParseResult result = load_file(path.string());
    for (const auto& d : result.diagnostics) MESSAGE(format_diagnostic(d));
    REQUIRE(result.timeline);
    return *result.timeline;
}

const Event& event(const Timeline& t, const std::string& id) {
    for (const auto& e : t.events)
        if (e.id == id) return e;
    FAIL("no event " << id);
    throw 0;
}

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
        CAPTURE(name);
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
    CHECK(*event(hostile, "e0").title.find("en") == "Click me");
    CHECK(event(hostile, "second").when.date->precision == Precision::minute);
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
        for (const auto& item : page.items)
            if (const auto* text = std::get_if<TextItem>(&item))
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
