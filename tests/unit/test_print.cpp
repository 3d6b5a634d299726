// Printing on pages (issue 14): a chart split into strips, --fit, a calendar flowed over
// pages, and the chronicle's era bookmarks.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "fake_shaper.hpp"
#include "io/parse.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/calendar_print.hpp"
#include "layout/chart_print.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/quality.hpp"
#include "layout/segments.hpp"
#include "layout_checks.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

Timeline parsed(const std::string& json) {
    ParseResult result = parse_timeline(json, "test");
    REQUIRE(result.timeline);
    return *result.timeline;
}

// A timeline of `months` months from January 2018, a few events in each, on two lanes.
Timeline many_months(int months) {
    std::string events;
    for (int m = 0; m < months; ++m)
        for (int d = 1; d <= 28; d += 3) {
            std::string id = std::to_string(m) + "-" + std::to_string(d);
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2018 + m / 12, 1 + m % 12, d);
            events += std::string(events.empty() ? "" : ",") + R"({"id": "e)" + id + R"(", "date": ")" + date +
                      R"(", "lane": ")" + (d % 2 ? "north" : "south") + R"(", "title": "Event )" + id + R"("})";
        }
    return parsed(R"({"format": "tarikh/1", "title": "Many months", "languages": ["en"],
                      "lanes": [{"id": "north", "label": "North"}, {"id": "south", "label": "South"}],
                      "events": [)" + events + "]}");
}

std::vector<const LayoutBox*> on_page(const Layout& layout, int page, BoxKind kind) {
    std::vector<const LayoutBox*> out;
    for (const auto& b : layout.boxes)
        if (b.page == page && b.kind == kind) out.push_back(&b);
    return out;
}

// How much of the page's height between its margins the content uses.
double used(const Layout& layout, int page, const PageSetup& paper) {
    double bottom = paper.margin;
    for (const auto& b : layout.boxes)
        if (b.page == page && b.kind != BoxKind::footer && b.kind != BoxKind::header) bottom = std::max(bottom, b.box.bottom());
    return (bottom - paper.margin) / (paper.height - 2 * paper.margin);
}

Layout printed(const Timeline& t, const std::string& lang, const PageSetup& paper, bool fit = false) {
    FakeShaper shaper;
    return print_chart(layout_chart(t, {lang}, shaper), {paper, fit, lang, lang}, shaper);
}

// `lanes` lanes, each with `per_lane` events through 2018.
Timeline many_lanes(int lanes, int per_lane) {
    std::string lane_list, events;
    for (int l = 0; l < lanes; ++l) {
        lane_list += std::string(l ? "," : "") + R"({"id": "l)" + std::to_string(l) + R"(", "label": "Lane )" + std::to_string(l) + "\"}";
        for (int k = 0; k < per_lane; ++k) {
            char date[16];
            std::snprintf(date, sizeof date, "2018-%02d-%02d", 1 + (k * 5 + l) % 12, 1 + (k * 7 + l) % 28);
            std::string id = std::to_string(l) + "-" + std::to_string(k);
            events += std::string(events.empty() ? "" : ",") + R"({"id": "e)" + id + R"(", "date": ")" + date +
                      R"(", "lane": "l)" + std::to_string(l) + R"(", "title": "Event number )" + id + R"("})";
        }
    }
    return parsed(R"({"format": "tarikh/1", "title": "Many lanes", "languages": ["en"],
                      "lanes": [)" + lane_list + R"(], "events": [)" + events + "]}");
}

// As the renderer prints a chart: laid out for the paper first.
struct ForPage {
    Layout chart, printed;
};
ForPage printed_for_page(const Timeline& t, const std::string& lang, const PageSetup& paper) {
    FakeShaper shaper;
    LayoutOptions options{lang};
    options.width = chart_print_width(paper, Theme{});
    Layout chart = layout_chart(t, options, shaper);
    Layout layout = print_chart(chart, {paper, false, lang, lang}, shaper);
    return {std::move(chart), std::move(layout)};
}

}  // namespace

TEST_CASE("a chart laid out for the paper prints at its own size: no text under 9 px, labels whole, pages filled") {
    for (const char* name : {"A4", "Letter", "A3"})
        for (bool landscape : {false, true})
            for (const char* lang : {"en", "ar"})
                for (int months : {3, 14, 40}) {
                    CAPTURE(name);
                    CAPTURE(landscape);
                    CAPTURE(lang);
                    CAPTURE(months);
                    const PageSetup paper = *page_setup(name, landscape);
                    auto [chart, layout] = printed_for_page(many_months(months), lang, paper);
                    CHECK(min_text_px(layout.scene) >= kMinTextPx);
                    const int pages = static_cast<int>(layout.scene.pages.size());
                    for (const auto& page : layout.scene.pages) CHECK(page.height == doctest::Approx(paper.height));
                    for (const auto& b : layout.boxes) {
                        CHECK(b.box.bottom() <= paper.height - paper.margin + 0.01);
                        if (b.kind == BoxKind::title || b.kind == BoxKind::legend) CHECK(b.page == 1);
                    }
                    // Every label once, whole, as the chart laid it out.
                    size_t labels = 0;
                    std::map<std::string, Box> whole;
                    for (const auto& b : chart.boxes)
                        if (b.kind == BoxKind::label) whole[b.event] = b.box;
                    for (const auto& b : layout.boxes)
                        if (b.kind == BoxKind::label) {
                            ++labels;
                            CHECK(b.box.height == doctest::Approx(whole.at(b.event).height));
                        }
                    CHECK(labels == whole.size());
                    for (int n = 1; n <= pages; ++n) {
                        CAPTURE(n);
                        CHECK(!on_page(layout, n, BoxKind::lane_label).empty());
                        CHECK(on_page(layout, n, BoxKind::axis).size() == 1);  // the time axis under each page's lanes
                        if (n < pages) CHECK(used(layout, n, paper) > 0.67);
                    }
                }
}

TEST_CASE("a chart body taller than a page is cut between lanes, each lane whole, with its name and the axis") {
    const Timeline t = many_lanes(24, 6);
    for (const char* lang : {"en", "ar"})
        for (bool landscape : {false, true}) {
            CAPTURE(lang);
            CAPTURE(landscape);
            const PageSetup paper = *page_setup("A4", landscape);
            auto [chart, layout] = printed_for_page(t, lang, paper);
            const int pages = static_cast<int>(layout.scene.pages.size());
            REQUIRE(pages > 1);
            CHECK(min_text_px(layout.scene) >= kMinTextPx);
            // Each lane on one page, in one piece, its name with it.
            CHECK(boxes_of(layout, "lane").size() == boxes_of(chart, "lane").size());
            CHECK(boxes_of(layout, "lane-label").size() == 24);
            for (int n = 1; n <= pages; ++n) {
                CAPTURE(n);
                CHECK(on_page(layout, n, BoxKind::axis).size() == 1);
                CHECK(on_page(layout, n, BoxKind::lane).size() == on_page(layout, n, BoxKind::lane_label).size());
                if (n < pages) CHECK(used(layout, n, paper) > 0.67);
            }
        }
}

TEST_CASE("a lane taller than a page is cut between its rows, its name again on each page") {
    const Timeline t = many_lanes(1, 160);
    const PageSetup paper = *page_setup("A4", false);
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        auto [chart, layout] = printed_for_page(t, lang, paper);
        const int pages = static_cast<int>(layout.scene.pages.size());
        REQUIRE(pages > 1);
        CHECK(min_text_px(layout.scene) >= kMinTextPx);
        CHECK(boxes_of(layout, "label").size() == boxes_of(chart, "label").size());  // none cut in two
        for (int n = 1; n <= pages; ++n) {
            CAPTURE(n);
            CHECK(on_page(layout, n, BoxKind::lane_label).size() == 1);
            CHECK(on_page(layout, n, BoxKind::axis).size() == 1);
            if (n < pages) CHECK(used(layout, n, paper) > 0.67);
        }
    }
}

TEST_CASE("a segmented chart laid out for the paper: its panels cut between lanes, each page with an axis, none shrunk") {
    const Timeline t = many_months(14);
    for (const char* lang : {"en", "ar"})
        for (bool landscape : {false, true}) {
            CAPTURE(lang);
            CAPTURE(landscape);
            FakeShaper shaper;
            const PageSetup paper = *page_setup("A4", landscape);
            LayoutOptions options{lang};
            options.width = chart_print_width(paper, Theme{});
            Layout chart = layout_segmented(t, options, SegmentKind::month, shaper);
            Layout layout = print_chart(chart, {paper, false, lang, lang}, shaper);
            const int pages = static_cast<int>(layout.scene.pages.size());
            REQUIRE(pages > 3);
            CHECK(min_text_px(layout.scene) >= kMinTextPx);
            CHECK(boxes_of(layout, "label").size() == boxes_of(chart, "label").size());  // none cut in two
            CHECK(boxes_of(layout, "title").size() == boxes_of(chart, "title").size());  // the panels' headings
            for (const auto& b : layout.boxes) CHECK(b.box.bottom() <= paper.height - paper.margin + 0.01);
            for (int n = 1; n <= pages; ++n) {
                CAPTURE(n);
                CHECK(!on_page(layout, n, BoxKind::axis).empty());
                CHECK(!on_page(layout, n, BoxKind::lane_label).empty());
                if (n < pages) CHECK(used(layout, n, paper) > 0.5);  // a panel's heading and first lane move on together
            }
        }
}

TEST_CASE("a calendar laid out for the paper prints at its own size: no text under 9 px") {
    const Timeline t = many_months(14);
    for (bool landscape : {false, true})
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(landscape);
            CAPTURE(lang);
            FakeShaper shaper;
            const PageSetup paper = *page_setup("A4", landscape);
            CalendarOptions options{lang};
            options.width = calendar_print_width(paper, Theme{});
            Layout layout = print_calendar(layout_calendar(t, options, shaper), {paper, lang, lang}, shaper);
            CHECK(min_text_px(layout.scene) >= kMinTextPx);
            for (const auto& b : layout.boxes) CHECK(b.box.right() <= paper.width - paper.margin + 0.01);
        }
}

TEST_CASE("a chart on pages: every page the paper size, the header whole on the first") {
    const Timeline t = many_months(40);
    for (const char* lang : {"en", "ar"})
        for (bool landscape : {false, true}) {
            CAPTURE(lang);
            CAPTURE(landscape);
            const PageSetup paper = *page_setup("A4", landscape);
            Layout layout = printed(t, lang, paper);
            REQUIRE(layout.scene.pages.size() > 1);
            for (const auto& page : layout.scene.pages) {
                CHECK(page.width == doctest::Approx(paper.width));
                CHECK(page.height == doctest::Approx(paper.height));
            }
            size_t titles = 0;
            for (const auto& b : layout.boxes) {
                if (b.kind != BoxKind::title && b.kind != BoxKind::subtitle && b.kind != BoxKind::legend) continue;
                titles += b.kind == BoxKind::title;
                CHECK(b.page == 1);
                CHECK(b.box.x >= paper.margin - 0.01);
                CHECK(b.box.right() <= paper.width - paper.margin + 0.01);
            }
            CHECK(titles == 1);
        }
}

TEST_CASE("a chart on pages: the lanes' names on every page, a running head on the later ones") {
    const Timeline t = many_months(14);
    const PageSetup paper = *page_setup("A4", false);
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        Layout layout = printed(t, lang, paper);
        const int pages = static_cast<int>(layout.scene.pages.size());
        for (int n = 1; n <= pages; ++n) {
            CAPTURE(n);
            auto names = on_page(layout, n, BoxKind::lane_label);
            CHECK(names.size() % 2 == 0);  // North and South, once per strip
            CHECK(!names.empty());
            for (const auto* name : names) {
                CHECK(name->box.x >= paper.margin - 0.01);
                CHECK(name->box.right() <= paper.width - paper.margin + 0.01);
            }
            CHECK(on_page(layout, n, BoxKind::header).size() == (n == 1 ? 0u : 2u));
        }
        // Lane names start the line in their direction: left in English, right in Arabic.
        const auto* first = on_page(layout, 2, BoxKind::lane_label).front();
        if (std::string(lang) == "en") CHECK(first->box.x == doctest::Approx(paper.margin));
        else CHECK(first->box.right() == doctest::Approx(paper.width - paper.margin).epsilon(0.01));
    }
}

TEST_CASE("a chart on pages: a lane name wider than a quarter page is set smaller, whole, in its column") {
    Timeline t = many_months(14);
    t.lanes[0].label = LocalizedText{{{"en", std::string(120, 'N')}}};
    const PageSetup paper = *page_setup("A4", false);
    Layout layout = printed(t, "en", paper);
    const double quarter = (paper.width - 2 * paper.margin) / 4;
    for (int n = 1; n <= static_cast<int>(layout.scene.pages.size()); ++n) {
        CAPTURE(n);
        auto names = on_page(layout, n, BoxKind::lane_label);
        REQUIRE(names.size() >= 2);
        for (const auto* name : names) {
            CHECK(name->box.x == doctest::Approx(paper.margin));
            CHECK(name->box.right() <= paper.margin + quarter + 0.01);
        }
    }
}

TEST_CASE("a chart on pages: each page filled, only the last may be less than half used") {
    for (int months : {6, 14, 30}) {
        const Timeline t = many_months(months);
        for (bool landscape : {false, true}) {
            CAPTURE(months);
            CAPTURE(landscape);
            const PageSetup paper = *page_setup("A4", landscape);
            Layout layout = printed(t, "en", paper);
            const int pages = static_cast<int>(layout.scene.pages.size());
            for (int n = 1; n < pages; ++n) {
                CAPTURE(n);
                CHECK(used(layout, n, paper) > 0.67);  // never a third of the page left empty
            }
            if (pages > 1) CHECK(used(layout, pages, paper) > 0.5);
        }
    }
}

TEST_CASE("a chart on pages: every label whole on some page, the strips overlapping") {
    for (int months : {14, 30})
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(months);
            CAPTURE(lang);
            const Timeline t = many_months(months);
            FakeShaper shaper;
            Layout chart = layout_chart(t, {lang}, shaper);
            Layout layout = print_chart(chart, {*page_setup("A4", false), false, lang, lang}, shaper);
            REQUIRE(layout.scene.pages.size() > 1);
            std::map<std::string, Box> whole;
            for (const auto& b : chart.boxes)
                if (b.kind == BoxKind::label) whole[b.event] = b.box;
            std::map<std::string, bool> seen_whole;
            for (const auto& b : layout.boxes) {
                if (b.kind != BoxKind::label) continue;
                const Box& w = whole.at(b.event);
                double scale = b.box.height / w.height;
                seen_whole[b.event] = seen_whole[b.event] || std::abs(b.box.width - w.width * scale) < 0.01;
            }
            CHECK(seen_whole.size() == whole.size());
            for (const auto& [event, ok] : seen_whole) {
                const auto captured_event = event;  // clang 14 cannot capture a structured binding
                CAPTURE(captured_event);
                CHECK(ok);
            }
        }
}

TEST_CASE("a segmented chart taller than a page: its panels flow down the pages, none shrunk to fit") {
    const Timeline t = many_months(14);
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        FakeShaper shaper;
        LayoutOptions options{lang};
        Layout chart = layout_segmented(t, options, SegmentKind::month, shaper);
        const PageSetup paper = *page_setup("A4", false);
        Layout layout = print_chart(chart, {paper, false, lang, lang}, shaper);
        REQUIRE(layout.scene.pages.size() > 3);
        std::map<std::string, double> height;
        for (const auto& b : chart.boxes)
            if (b.kind == BoxKind::label) height[b.event] = b.box.height;
        for (const auto& b : layout.boxes) {
            CHECK(b.box.bottom() <= paper.height - paper.margin + 0.01);
            if (b.kind == BoxKind::label) CHECK(b.box.height >= 0.7 * height.at(b.event) - 0.01);
        }
        for (int n = 1; n <= static_cast<int>(layout.scene.pages.size()); ++n) {
            CAPTURE(n);
            CHECK(!on_page(layout, n, BoxKind::lane_label).empty());
            if (n < static_cast<int>(layout.scene.pages.size())) CHECK(used(layout, n, paper) > 0.5);
        }
    }
}

TEST_CASE("--fit prints exactly one page of the paper size") {
    for (const char* name : {"A4", "Letter", "A3"})
        for (bool landscape : {false, true})
            for (int months : {1, 14, 40}) {
                CAPTURE(name);
                CAPTURE(landscape);
                CAPTURE(months);
                const PageSetup paper = *page_setup(name, landscape);
                Layout layout = printed(many_months(months), "en", paper, true);
                REQUIRE(layout.scene.pages.size() == 1);
                CHECK(layout.scene.pages[0].width == doctest::Approx(paper.width));
                for (const auto& b : layout.boxes) CHECK(b.box.right() <= paper.width - paper.margin + 0.01);
            }
}

TEST_CASE("a calendar on pages: months flow over pages of the paper size, none cut") {
    const Timeline t = many_months(14);
    FakeShaper shaper;
    for (bool landscape : {false, true}) {
        CAPTURE(landscape);
        const PageSetup paper = *page_setup("A4", landscape);
        Layout layout = print_calendar(layout_calendar(t, {"en"}, shaper), {paper, "en", "en"}, shaper);
        REQUIRE(layout.scene.pages.size() > 2);
        for (const auto& page : layout.scene.pages) {
            CHECK(page.width == doctest::Approx(paper.width));
            CHECK(page.height == doctest::Approx(paper.height));
        }
        CHECK(boxes_of(layout, "month").size() == 14);  // one box each: no month split in two
        for (const auto& b : layout.boxes) {
            CHECK(b.box.x >= paper.margin - 0.01);
            CHECK(b.box.right() <= paper.width - paper.margin + 0.01);
            CHECK(b.box.bottom() <= paper.height - paper.margin + 0.01);
        }
        // Each month's heading on the page of its grid, and the outline pointing there.
        auto headings = boxes_of(layout, "heading");
        REQUIRE(layout.scene.outline.size() == headings.size());
        for (size_t i = 0; i < layout.boxes.size(); ++i) {
            const LayoutBox& b = layout.boxes[i];
            if (b.kind != BoxKind::month) continue;
            bool heading_on_page = false;
            for (const auto& h : layout.boxes)
                heading_on_page |= h.kind == BoxKind::heading && h.page == b.page && h.box.bottom() <= b.box.y;
            CHECK(heading_on_page);
        }
    }
}

TEST_CASE("a calendar on pages: a week taller than a page is set smaller, never past the page's foot") {
    std::string events;
    for (int i = 0; i < 80; ++i)
        events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) +
                  R"(", "date": "2018-03-05", "title": "A busy day's event with a long title, number )" + std::to_string(i) + "\"}";
    Timeline t = parsed(R"({"format": "tarikh/1", "title": "Busy", "languages": ["en"], "events": [)" + events + "]}");
    FakeShaper shaper;
    const PageSetup paper = *page_setup("A4", false);
    Layout layout = print_calendar(layout_calendar(t, {"en"}, shaper), {paper, "en", "en"}, shaper);
    CHECK(boxes_of(layout, "label").size() == 80);
    for (const auto& b : layout.boxes) CHECK(b.box.bottom() <= paper.height - paper.margin + 0.01);
}

TEST_CASE("the chronicle files an event after its era ended at the top level, not under the era") {
    Timeline t = parsed(R"({"format": "tarikh/1", "title": "Eras", "languages": ["en"], "locales": {"en": "en-GB"},
        "eras": [{"id": "spring", "start": "2017-01", "end": "2017-03", "label": "Early 2017"},
                 {"id": "winter", "start": "2017-12", "end": "2018-02", "label": "Winter"}],
        "events": [{"id": "a", "date": "2017-02-10", "title": "Inside"},
                   {"id": "b", "date": "2017-10-05", "title": "After"},
                   {"id": "c", "date": "2018-01-05", "title": "Later inside"}]})");
    FakeShaper shaper;
    Layout layout = layout_chronicle(t, ChronicleOptions{{"en"}}, shaper);
    const auto& outline = layout.scene.outline;
    REQUIRE(outline.size() == 5);
    CHECK(outline[0].title == "Early 2017");
    CHECK(outline[1].title == "10 February 2017 — Inside");
    CHECK(outline[1].parent == 0);
    CHECK(outline[2].title == "5 October 2017 — After");
    CHECK(outline[2].parent == -1);
    CHECK(outline[3].title == "Winter");
    CHECK(outline[4].parent == 3);
}
