#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <fstream>
#include <sstream>

#include "fake_shaper.hpp"
#include "scene_items.hpp"
#include "io/parse.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chart_print.hpp"
#include "layout/layout_json.hpp"
#include "layout/quality.hpp"
#include "layout/segments.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/radial_layout.hpp"
#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"
#include "time/calendar.hpp"
#include "layout_checks.hpp"
#include "scene/scene_dump.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;
namespace fs = std::filesystem;

namespace {

const LayoutBox& find_box(const Layout& layout, const std::string& kind, const std::string& event) {
    for (const auto& b : layout.boxes)
        if (box_kind_name(b.kind) == kind && b.event == event) return b;
    FAIL("no " << kind << " box for " << event);
    throw 0;
}

}  // namespace

TEST_CASE("golden scene dumps of the example, English and Arabic") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    check_golden("idlib-en.scene.txt", dump_scene(layout_chart(t, {"en"}, shaper).scene));
    check_golden("idlib-ar.scene.txt", dump_scene(layout_chart(t, {"ar"}, shaper).scene));
    check_golden("idlib-en.layout.json", layout_json(layout_chart(t, {"en"}, shaper)));
}

TEST_CASE("golden layout dumps of the example on each scale and layout") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (auto [name, scale] : {std::pair{"collapsed", ScaleKind::collapsed}, std::pair{"sequential", ScaleKind::sequential},
                               std::pair{"relative", ScaleKind::relative}, std::pair{"log", ScaleKind::log}}) {
        std::string scale_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(scale_name);
        Layout layout = layout_chart(t, {"en", "", scale}, shaper);
        check_promises(t, layout);
        check_golden(std::string("idlib-en-") + name + ".layout.json", layout_json(layout));
    }
    check_golden("idlib-ar-collapsed.scene.txt", dump_scene(layout_chart(t, {"ar", "", ScaleKind::collapsed}, shaper).scene));
    LayoutOptions unified;
    unified.unified = true;
    check_golden("idlib-en-unified.layout.json", layout_json(layout_chart(t, unified, shaper)));
    check_golden("idlib-en-segmented-month.layout.json", layout_json(layout_segmented(t, {"en"}, SegmentKind::month, shaper)));
    check_golden("idlib-en-calendar.layout.json", layout_json(layout_calendar(t, {"en"}, shaper)));
    check_golden("idlib-ar-calendar.scene.txt", dump_scene(layout_calendar(t, {"ar"}, shaper).scene));
    check_golden("idlib-en-radial.layout.json", layout_json(layout_radial(t, {"en"}, shaper)));
    check_golden("idlib-ar-radial.scene.txt", dump_scene(layout_radial(t, {"ar"}, shaper).scene));
}

TEST_CASE("the example's quiet six weeks are cut out of a collapsed axis, and labelled") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout layout = layout_chart(t, {"en", "", ScaleKind::collapsed}, shaper);
    auto cuts = boxes_of(layout, "cut");
    auto cut_labels = boxes_of(layout, "cut-label");
    REQUIRE(cuts.size() == 1);
    CHECK(cut_labels.size() == 1);
    for (const auto& marker : boxes_of(layout, "marker"))
        CHECK((marker.right() <= cuts[0].x || marker.x >= cuts[0].right()));
    // Its length, written where the axis breaks ("…6 weeks…" in the real fonts).
    CHECK(cut_labels[0].x < cuts[0].right());
    CHECK(cut_labels[0].right() > cuts[0].x);
    // auto chooses the same here: the gap is more than half the axis.
    CHECK(boxes_of(layout_chart(t, {"en", "", ScaleKind::automatic}, shaper), "cut").size() == 1);
}

TEST_CASE("a relative axis starts every lane together, and reads in elapsed time") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout layout = layout_chart(t, {"en", "", ScaleKind::relative}, shaper);
    check_promises(t, layout);
    // The first event of each lane: its marker's left edge (a bar's start, a point's centre - 5).
    std::map<std::string, double> first_x;
    std::map<std::string, std::string> first_event;
    Calendar calendar(t.timezone);
    auto times = resolve_event_times(t, calendar);
    std::map<std::string, Instant> first_time;
    for (size_t i = 0; i < t.events.size(); ++i) {
        auto [it, added] = first_time.try_emplace(t.events[i].lane, times[i].start);
        if (added || times[i].start < it->second) it->second = times[i].start, first_event[t.events[i].lane] = t.events[i].id;
    }
    std::set<long> starts;
    for (const auto& [lane, id] : first_event) {
        const LayoutBox& marker = find_box(layout, "marker", id);
        bool bar = marker.box.width > 10.5;
        starts.insert(std::lround(bar ? marker.box.x : marker.box.x + 5));
    }
    CHECK(starts.size() == 1);
    CHECK(boxes_of(layout, "era").empty());  // eras are dates; a relative axis has none
}

TEST_CASE("a relative axis over deep time stays a handful of ticks") {
    // 13.8 billion years in relative time once made 5,000 ticks, each formatted by ICU: a hang.
    Timeline t;
    t.languages = {"en"};
    for (std::int64_t year : {-13'800'000'000LL, -4'540'000'000LL, -66'000'000LL, 1969LL}) {
        Event e;
        e.id = "y" + std::to_string(year);
        e.when.date = CivilDate{year, 1, 1, 0, 0, 0, Precision::year, std::nullopt, false, false};
        e.title.values = {{"en", "year " + std::to_string(year)}};
        t.events.push_back(e);
    }
    FakeShaper shaper;
    Layout layout = layout_chart(t, {"en", "", ScaleKind::relative}, shaper);
    check_promises(t, layout);
    auto ticks = boxes_of(layout, "tick");
    CHECK(ticks.size() >= 2);
    CHECK(static_cast<double>(ticks.size()) <= layout.scene.pages[0].width / 24);
}

TEST_CASE("a log axis is labelled and keeps time order") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout layout = layout_chart(t, {"en", "", ScaleKind::log}, shaper);
    check_promises(t, layout);
    auto ticks = boxes_of(layout, "tick");
    CHECK(ticks.size() >= 3);
    for (size_t i = 1; i < ticks.size(); ++i) CHECK(ticks[i].x > ticks[i - 1].right());
    // Points sit mid-span, so "November" lands after "9 November": order mostly, not wholly, kept.
    CHECK(measure_quality(t, layout).kendall_tau > 0.75);
}

TEST_CASE("a chart segmented by month: one panel per month with events, every event once") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        Layout layout = layout_segmented(t, {lang}, SegmentKind::month, shaper);
        check_promises(t, layout);
        // The document's title, then a heading per panel: September and November 2018.
        CHECK(boxes_of(layout, "title").size() == 3);
        CHECK(boxes_of(layout, "subtitle").size() == 1);
        CHECK(layout.scene.pages.size() == 1);
        // Panels stack: every axis below the one before, each panel's lanes between them.
        auto axes = boxes_of(layout, "axis");
        REQUIRE(axes.size() == 2);
        CHECK(axes[1].y > axes[0].y);
        for (const auto& lane : boxes_of(layout, "lane"))
            CHECK((lane.bottom() <= axes[0].y || (lane.y >= axes[0].bottom() && lane.bottom() <= axes[1].y)));
    }
    // By era: the Sochi era holds every event; one moved out of it gets a panel of its own.
    Layout by_era = layout_segmented(t, {"en"}, SegmentKind::era, shaper);
    CHECK(boxes_of(by_era, "axis").size() == 1);
    check_promises(t, by_era);
    Timeline later = t;
    later.events.front().when.date = CivilDate{2019, 3, 1, 0, 0, 0, Precision::day, std::nullopt, false, false};
    later.events.front().when.end.reset();
    Layout with_loose = layout_segmented(later, {"en"}, SegmentKind::era, shaper);
    CHECK(boxes_of(with_loose, "axis").size() == 2);
    check_promises(later, with_loose);
}

TEST_CASE("a segmented chart warns of a glyph no font has in its title, once") {
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    auto warnings = [&](const Timeline& t) {
        int count = 0;
        for (const auto& d : layout_segmented(t, {"en"}, SegmentKind::month, shaper).diagnostics)
            count += d.message.find("U+1F525") != std::string::npos;
        return count;
    };
    Timeline t = example_timeline();
    t.title = LocalizedText{{{"en", "Idlib \U0001F525"}}};  // only the header shows it
    CHECK(warnings(t) == 1);
    t.events.front().title = t.title;  // a panel shows it too: still one warning
    CHECK(warnings(t) == 1);
}

TEST_CASE("the panels of a segmented chart name every glyph no font has in one warning") {
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    Timeline t = example_timeline();
    t.events.front().title = LocalizedText{{{"en", "Idlib \U0001F525"}}};
    t.events.back().title = LocalizedText{{{"en", "Idlib \U0001F600"}}};  // in another month's panel
    std::vector<std::string> glyph_warnings;
    for (const auto& d : layout_segmented(t, {"en"}, SegmentKind::month, shaper).diagnostics)
        if (d.message.find("no font") != std::string::npos) glyph_warnings.push_back(d.message);
    REQUIRE(glyph_warnings.size() == 1);
    CHECK(glyph_warnings[0].find("U+1F525") != std::string::npos);
    CHECK(glyph_warnings[0].find("U+1F600") != std::string::npos);
}

TEST_CASE("missing translations are one warning an edition, across a segmented chart's panels") {
    Timeline t;
    t.languages = {"en", "ar"};
    for (int i = 0; i < 150; ++i) {
        Event e;
        e.id = "e" + std::to_string(i);
        e.when.date = CivilDate{2018, 10 + i % 2, 1 + i % 28, 0, 0, 0, Precision::day, std::nullopt, false, false};
        e.title.values = {{"en", "Only English"}};
        t.events.push_back(e);
    }
    FakeShaper shaper;
    for (SegmentKind kind : {SegmentKind::none, SegmentKind::month}) {
        CAPTURE(static_cast<int>(kind));
        Diagnostics d = layout_segmented(t, {"ar"}, kind, shaper).diagnostics;
        // One line for the edition, each field counted once though both panels pick the lanes' texts.
        REQUIRE(d.size() == 1);
        std::string line = format_diagnostic(d[0]);
        CHECK(line.starts_with("warning: no \"ar\" text for 150 fields, showing the \"en\" ones: /events/0/title, "));
        CHECK(line.ends_with("/title and 140 more"));
    }
}

TEST_CASE("one band for every lane (--facet none): lanes told apart by colour and the legend") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    LayoutOptions options;
    options.unified = true;
    Layout layout = layout_chart(t, options, shaper);
    check_promises(t, layout);
    CHECK(boxes_of(layout, "lane").size() == 1);
    CHECK(boxes_of(layout, "lane-label").empty());
    CHECK(boxes_of(layout, "legend").size() == t.lanes.size() + 3);  // lanes, then known, approximate, period
    // The markers share one time line.
    auto markers = boxes_of(layout, "marker");
    double y = markers.front().y + markers.front().height / 2;
    for (const auto& m : markers) CHECK(m.y <= y + 24);
}

TEST_CASE("the chart's legend explains only the marks it draws") {
    FakeShaper shaper;
    auto legend_size = [&](const std::string& events) {
        auto parsed = parse_timeline(R"({"format":"tarikh/1","events":[)" + events + "]}", "t");
        REQUIRE(parsed.timeline);
        return boxes_of(layout_chart(*parsed.timeline, {"en"}, shaper), "legend").size();
    };
    const std::string exact = R"({"id":"a","date":"2018-11-01"})";
    // Exact days alone: "known date", no "approximate date", no "period".
    CHECK(legend_size(exact + R"(,{"id":"b","date":"2018-11-20"})") == 1);
    CHECK(legend_size(exact + R"(,{"id":"b","date":"2018-11-20~"})") == 2);
    CHECK(legend_size(exact + R"(,{"id":"b","date":"2018-11-12/2018-11-15"})") == 2);
    CHECK(legend_size(R"({"id":"b","date":"2018-11-12/2018-11-15"},{"id":"c","date":"2018-11-20~"})") == 2);
}

TEST_CASE("the example's layout: every event once, nothing overlapping") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        Layout layout = layout_chart(t, {lang}, shaper);
        CHECK(layout.diagnostics.empty());
        check_promises(t, layout);
        CHECK(boxes_of(layout, "lane-label").size() == t.lanes.size());
        CHECK(boxes_of(layout, "era").size() == 1);
        CHECK(boxes_of(layout, "link").size() == 2);
        CHECK(boxes_of(layout, "tick").size() >= 5);
        CHECK(count_overlaps(boxes_of(layout, "tick")) == 0);
        const Page& page = layout.scene.pages.at(0);
        for (const auto& b : layout.boxes) {
            CHECK(b.box.x >= 0);
            CHECK(b.box.y >= 0);
            CHECK(b.box.right() <= page.width);
            CHECK(b.box.bottom() <= page.height);
        }
    }
}

TEST_CASE("the Arabic edition runs right to left") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout en = layout_chart(t, {"en"}, shaper);
    Layout ar = layout_chart(t, {"ar"}, shaper);
    CHECK(ar.scene.rtl);
    CHECK_FALSE(en.scene.rtl);
    // The Sochi signing (September) comes before the Halfaya response (November).
    auto x_center = [](const LayoutBox& b) { return b.box.x + b.box.width / 2; };
    CHECK(x_center(find_box(en, "marker", "sochi-signed")) < x_center(find_box(en, "marker", "halfaya")));
    CHECK(x_center(find_box(ar, "marker", "sochi-signed")) > x_center(find_box(ar, "marker", "halfaya")));
    // Labels start at their marker and run with the text: rightwards in English, leftwards in Arabic.
    const auto& en_label = find_box(en, "label", "sochi-signed");
    const auto& ar_label = find_box(ar, "label", "sochi-signed");
    CHECK(en_label.box.x <= x_center(find_box(en, "marker", "sochi-signed")));
    CHECK(ar_label.box.right() >= x_center(find_box(ar, "marker", "sochi-signed")));
    CHECK(ar_label.box.x < x_center(find_box(ar, "marker", "sochi-signed")));
    // The title sits at the right in Arabic.
    const auto& title = find_box(ar, "title", "");
    CHECK(title.box.right() == doctest::Approx(ar.scene.pages[0].width - 32));
}

TEST_CASE("a missing translation falls back to the first language with a warning") {
    Timeline t;
    t.languages = {"en", "ar"};
    Event e;
    e.id = "only-en";
    e.when.date = CivilDate{2018, 11, 9, 0, 0, 0, Precision::day, std::nullopt, false, false};
    e.title.values = {{"en", "Only English"}};
    t.events.push_back(e);
    FakeShaper shaper;
    Layout layout = layout_chart(t, {"ar"}, shaper);
    REQUIRE(layout.diagnostics.size() == 1);
    CHECK(format_diagnostic(layout.diagnostics[0]) ==
          "warning: /events/0/title: no \"ar\" text, showing the \"en\" one");
    CHECK(dump_scene(layout.scene).find("Only English") != std::string::npos);
}

TEST_CASE("ticks use calendar units that fit the span") {
    FakeShaper shaper;
    auto tick_count = [&](const char* start, const char* end) {
        auto parsed = parse_timeline(std::string(R"({"format":"tarikh/1","events":[{"id":"a","date":")") + start +
                                         R"("},{"id":"b","date":")" + end + R"("}]})",
                                     "t");
        REQUIRE(parsed.timeline);
        const Timeline& t = *parsed.timeline;
        Layout layout = layout_chart(t, {"en"}, shaper);
        auto ticks = boxes_of(layout, "tick");
        CHECK(count_overlaps(ticks) == 0);
        return ticks.size();
    };
    for (auto [start, end] : std::vector<std::pair<const char*, const char*>>{
             {"2018-11-09T10:00", "2018-11-09T16:00"},
             {"2018-11-01", "2018-11-30"},
             {"2018-01", "2019-12"},
             {"1900", "2000"},
             {"-3000", "2000"}}) {
        std::string from = start;  // clang 14 cannot capture a structured binding
        CAPTURE(from);
        size_t n = tick_count(start, end);
        CHECK(n >= 3);
        CHECK(n <= 40);
    }
}

TEST_CASE("a hand-made model with loose ends still lays out") {
    Timeline t;  // no languages, an unknown lane, a link to nowhere
    Event e;
    e.id = "a";
    e.lane = "nowhere";
    e.when.date = CivilDate{2018, 11, 9, 0, 0, 0, Precision::day, std::nullopt, false, false};
    t.events.push_back(e);
    t.links.push_back({"a", "missing", "response", {}});
    FakeShaper shaper;
    Layout layout = layout_chart(t, {}, shaper);
    CHECK(layout.scene.language == "en");
    CHECK(per_event(layout, "marker")["a"] == 1);
    CHECK(boxes_of(layout, "lane").size() == 1);
}

TEST_CASE("an empty timeline draws its frame and axis") {
    Timeline t;
    t.languages = {"en"};
    FakeShaper shaper;
    Layout layout = layout_chart(t, {"en"}, shaper);
    CHECK(boxes_of(layout, "axis").size() == 1);
    CHECK(boxes_of(layout, "tick").size() >= 3);
    CHECK(boxes_of(layout, "label").empty());
}

TEST_CASE("an event links to its first source with a URL, and its note cites every source it names") {
    Timeline t;
    t.languages = {"en"};
    t.sources = {{"nolink", {{{"en", "Wire"}}}, ""}, {"enab", {{{"en", "Enab Baladi"}}}, "https://enab.example/a"},
                 {"other", {{{"en", "Other"}}}, "https://other.example/b"}};
    Event e;
    e.id = "a";
    e.when.date = CivilDate{2018, 11, 9, 0, 0, 0, Precision::day, std::nullopt, false, false};
    e.sources = {"nolink", "unknown", "enab", "other"};
    Figure killed;
    killed.label = {{{"en", "killed"}}};
    killed.value = 23;
    killed.source = "other";
    e.figures.push_back(killed);
    t.events.push_back(e);
    FakeShaper shaper;
    Layout layout = layout_chart(t, {"en"}, shaper);
    std::vector<std::string> urls;
    each_item(layout.scene.pages.front().items, [&](const Item& item) {
        if (const auto* g = as_group(item); g && g->event_id == "a") urls.push_back(g->url);
    });
    CHECK(urls == std::vector<std::string>{"https://enab.example/a"});
    REQUIRE(layout.scene.notes.size() == 1);
    const EventNote& note = layout.scene.notes.front();
    CHECK(note.links == std::vector<std::pair<std::string, std::string>>{
                            {"Wire", ""}, {"Enab Baladi", "https://enab.example/a"}, {"Other", "https://other.example/b"}});
    CHECK(note.lines.back().find("Other") != std::string::npos);  // the figure's source
}

TEST_CASE("a printed chart sets its page numbers as its edition: right-to-left text larger, a missing glyph warned of") {
    Timeline t = example_timeline();
    FakeShaper fake;
    const PageSetup a4 = *page_setup("A4", false);
    Layout arabic = print_chart(layout_chart(t, {"ar"}, fake), {a4, false, "ar", "ar"}, fake);
    for (const auto& page : arabic.scene.pages) {
        const auto& footer = std::get<TextItem>(as_group(page.items.back())->items.back());  // an artifact
        REQUIRE(!footer.runs.empty());
        CHECK(footer.runs.front().size == doctest::Approx(Theme{}.page_text_size * Theme{}.arabic_scale));
    }
    // Burmese digits, which no font in fonts/ has.
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    Layout burmese = print_chart(layout_chart(t, {"en"}, shaper), {a4, false, "en-u-nu-mymr", "en"}, shaper);
    size_t warned = 0;
    for (const auto& d : burmese.diagnostics) warned += d.message.find("U+1041") != std::string::npos;
    CHECK(warned == 1);
}

// A link's arc bows below the strips and so comes up to its target from below: it must end at
// the marker's bottom edge, else its arrowhead lies under the marker drawn over it. A target in
// a lower lane once ended at the marker's top edge, the arrowhead hidden.
TEST_CASE("a link's arrowhead ends outside its target's marker, on the side the arc arrives from") {
    auto parsed = parse_timeline(R"({"format":"tarikh/1",
      "lanes": [{"id": "up", "label": "Up"}, {"id": "down", "label": "Down"}],
      "events": [{"id": "a", "date": "2018-01-01", "title": "a", "lane": "up"},
                 {"id": "b", "date": "2018-06-01", "title": "b", "lane": "down"},
                 {"id": "c", "date": "2018-12-01", "title": "c", "lane": "up"}],
      "links": [{"from": "a", "to": "b", "kind": "response"}, {"from": "b", "to": "c", "kind": "response"}]})",
                                 "links.json");
    REQUIRE(parsed.timeline);
    FakeShaper shaper;
    Layout layout = layout_chart(*parsed.timeline, {"en"}, shaper);
    std::vector<const LineItem*> arcs;  // the open-end arrows are two points; an arc is many
    for (const auto& page : layout.scene.pages)
        each_item(page.items, [&](const Item& item) {
            if (const auto* line = std::get_if<LineItem>(&item); line && line->arrow_end && line->points.size() > 2)
                arcs.push_back(line);
        });
    REQUIRE(arcs.size() == 2);
    const Box& b = find_box(layout, "marker", "b").box;
    const Box& c = find_box(layout, "marker", "c").box;
    REQUIRE(b.y > c.y);  // b is drawn lower than a and c
    for (const auto& arrival : {std::pair{arcs[0], b}, std::pair{arcs[1], c}}) {
        const std::vector<Point>& points = arrival.first->points;
        const Box& target = arrival.second;
        const Point& end = points.back();
        const Point& before = points[points.size() - 2];
        CAPTURE(end.y);
        CAPTURE(target.y);
        CHECK(end.x == doctest::Approx(target.x + target.width / 2));
        CHECK(end.y > target.bottom());  // outside the marker, below it
        CHECK(before.y > end.y);         // arriving from below: the arrowhead points up at it
    }
}

// A long arc bowed a quarter of its length below its lane: through the next lane's name (drawn
// under it) in the Arabic trial chart, and in English alike. It must stay in the gap below its
// lane, and in the last lane above the axis.
TEST_CASE("a long link's arc stays out of the next lane's name and off the axis, in English and Arabic") {
    auto parsed = parse_timeline(R"({"format":"tarikh/1",
      "lanes": [{"id": "up", "label": "Protesters in the square"}, {"id": "down", "label": "Presidency and government"}],
      "events": [{"id": "a", "date": "2010-06-06", "title": "a", "lane": "up"},
                 {"id": "b", "date": "2011-01-25", "title": "b", "lane": "up"},
                 {"id": "c", "date": "2010-06-10", "title": "c", "lane": "down"},
                 {"id": "d", "date": "2011-02-11", "title": "d", "lane": "down"}],
      "links": [{"from": "a", "to": "b", "label": "spark"}, {"from": "c", "to": "d"}]})",
                                 "long-links.json");
    REQUIRE(parsed.timeline);
    FakeShaper shaper;
    for (std::string lang : {"en", "ar"}) {
        for (std::optional<double> width : {std::optional<double>{}, std::optional<double>{680.0}}) {
            CAPTURE(lang);
            CAPTURE(width.value_or(0));
            LayoutOptions options{lang};
            options.width = width;
            Layout layout = layout_chart(*parsed.timeline, options, shaper);
            std::vector<const LineItem*> arcs;
            for (const auto& page : layout.scene.pages)
                each_item(page.items, [&](const Item& item) {
                    if (const auto* line = std::get_if<LineItem>(&item); line && line->arrow_end && line->points.size() > 2)
                        arcs.push_back(line);
                });
            REQUIRE(arcs.size() == 2);
            std::vector<Box> names;
            for (const auto& b : layout.boxes)
                if (b.kind == BoxKind::lane_label) names.push_back(b.box);
            REQUIRE(names.size() == 2);
            const Box& axis = find_box(layout, "axis", "").box;
            const Box& down = names[1];
            bool over_the_name = false;  // the arc passes over the name's columns: the check below is not idle
            for (const Point& p : arcs[0]->points) {
                CHECK(p.y < down.y);
                over_the_name |= p.x > down.x && p.x < down.right();
            }
            CHECK(over_the_name);
            for (const Point& p : arcs[1]->points) CHECK(p.y < axis.y);
        }
    }
}
