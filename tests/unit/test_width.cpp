// Width and size (issue 14): lengths, the scaled theme, views laid out for a fixed width,
// and text no smaller than legible.
#include <doctest/doctest.h>

#include <tarikh/tarikh.hpp>

#include "fake_shaper.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/chart_layout.hpp"
#include "layout/quality.hpp"
#include "layout/radial_layout.hpp"
#include "layout/segments.hpp"
#include "layout_checks.hpp"
#include "test_files.hpp"
#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"
#include "width_checks.hpp"

using namespace tarikh;
using namespace tarikh::testing;

TEST_CASE("lengths are read with their unit, a bare number as px") {
    auto px = [](const char* text) { return length_px(*parse_length(text)); };
    CHECK(px("680px") == 680);
    CHECK(px("680") == 680);
    CHECK(px("6.5in") == doctest::Approx(624));
    CHECK(px("170mm") == doctest::Approx(642.52).epsilon(0.001));
    CHECK(px("400pt") == doctest::Approx(533.33).epsilon(0.001));
    CHECK(parse_length("170mm")->unit == LengthUnit::mm);
    for (const char* nonsense : {"", "px", "-680px", "+680", "680 px", "680PX", "680em", "6.5.1in", "nan", "inf",
                                 "1e3", "680px ", "0x10", "."})
        CHECK_MESSAGE(!parse_length(nonsense), nonsense);
}

TEST_CASE("a width or text size a view cannot honour is refused") {
    auto refused = [](RenderOptions options) { return !check_options(options).empty(); };
    RenderOptions chart;
    chart.width = Length{680, LengthUnit::px};
    CHECK_FALSE(refused(chart));
    chart.width = Length{239, LengthUnit::px};
    CHECK(refused(chart));
    chart.width = Length{60, LengthUnit::mm};  // 226.8 px
    CHECK(check_options(chart).front().message == "expected a width from 240 to 20000 px, found 226.8 px");
    chart.width = Length{1e9, LengthUnit::in};
    CHECK(refused(chart));
    RenderOptions chronicle;
    chronicle.view = ChronicleView{};
    chronicle.width = Length{680, LengthUnit::px};
    CHECK(refused(chronicle));
    RenderOptions small;
    small.text_size = 8;
    CHECK(refused(small));
    small.text_size = 9;
    CHECK_FALSE(refused(small));
}

TEST_CASE("a scaled theme keeps its proportions and never goes below the legible size") {
    const Theme theme;
    Theme big = scaled_theme(theme, 24);
    CHECK(big.label_size == 24);
    CHECK(big.meta_size == doctest::Approx(21));
    CHECK(big.title_size == doctest::Approx(44));
    CHECK(big.chart.tick_size == doctest::Approx(21));
    CHECK(big.chronicle.body_size == doctest::Approx(23));
    CHECK(big.chart.label_max_width == doctest::Approx(420));
    CHECK(big.margin == theme.margin);  // room around the page is not text
    Theme small = scaled_theme(theme, 9);
    CHECK(small.label_size == 9);
    CHECK(small.meta_size == kMinTextPx);  // 7.9 in proportion
    CHECK(small.calendar.meta_size == kMinTextPx);
    CHECK(small.title_size == doctest::Approx(16.5));
    Theme same = scaled_theme(theme, theme.label_size);
    CHECK(same.chart.link_size == theme.chart.link_size);
}

TEST_CASE("every view of the default theme draws no text under the legible size") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        CHECK(min_text_px(layout_chart(t, {lang}, shaper).scene) >= kMinTextPx);
        CHECK(min_text_px(layout_calendar(t, {lang}, shaper).scene) >= kMinTextPx);
        CHECK(min_text_px(layout_radial(t, {lang}, shaper).scene) >= kMinTextPx);
    }
}

TEST_CASE("the smallest text counts the scale of the groups around it") {
    GlyphRun run;
    run.size = 12;
    run.glyphs.push_back(Glyph{.id = 1});
    TextItem text;
    text.runs.push_back(run);
    Group inner, outer;
    inner.items.push_back(text);
    inner.scale = outer.scale = 0.5;
    outer.items.push_back(inner);
    Scene scene;
    scene.pages.emplace_back();
    scene.pages[0].items = {text, outer};
    CHECK(min_text_px(scene) == 3);
    CHECK(min_text_px(Scene{}) == 0);
}

namespace {

LayoutOptions at_width(const char* lang, double width) {
    LayoutOptions options{lang};
    options.width = width;
    return options;
}

void check_fixed_width_chart(const Timeline& t, const Layout& layout, double width) {
    check_within_width(layout, width);
    check_promises(t, layout);
    CHECK(overlapping(layout, BoxKind::tick) == 0);
    CHECK(overlapping(layout, BoxKind::legend) == 0);
    LayoutQuality q = measure_quality(t, layout);
    CHECK(q.label_overlap_area == 0);
    CHECK(q.min_text_px >= kMinTextPx);
}

}  // namespace

TEST_CASE("a chart at 680 and 400 px fits its width, in English and Arabic") {
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    Timeline t = example_timeline();
    for (double width : {680.0, 400.0}) {
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(width);
            CAPTURE(lang);
            Layout layout = layout_chart(t, at_width(lang, width), shaper);
            check_fixed_width_chart(t, layout, width);
            CHECK_FALSE(warns(layout, "too crowded"));
            CHECK(boxes_of(layout, "tick").size() >= 2);
            Layout panels = layout_segmented(t, at_width(lang, width), SegmentKind::month, shaper);
            check_within_width(panels, width);
            CHECK(measure_quality(t, panels).label_overlap_area == 0);
        }
    }
}

TEST_CASE("a calendar and a ring at 680 px fit their width") {
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    Timeline t = example_timeline();
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        CalendarOptions calendar{lang};
        calendar.width = 680;
        Layout days = layout_calendar(t, calendar, shaper);
        check_within_width(days, 680);
        CHECK(min_text_px(days.scene) >= kMinTextPx);
        RadialOptions radial{lang};
        radial.width = 680;
        Layout ring = layout_radial(t, radial, shaper);
        check_within_width(ring, 680);
        CHECK(overlapping(ring, BoxKind::label) == 0);
        CHECK(overlapping(ring, BoxKind::tick) == 0);
        CHECK(min_text_px(ring.scene) >= kMinTextPx);
        CHECK_FALSE(warns(ring, "too narrow"));
    }
}

TEST_CASE("a calendar and a ring too narrow to read say so") {
    FakeShaper shaper;
    Timeline t = example_timeline();
    CalendarOptions calendar{"en"};
    calendar.width = 300;
    CHECK(warns(layout_calendar(t, calendar, shaper), "too narrow to read"));
    RadialOptions radial{"en"};
    radial.width = 300;
    Layout ring = layout_radial(t, radial, shaper);
    CHECK(warns(ring, "too narrow to read"));
    check_within_width(ring, 300);
}

TEST_CASE("a long subtitle wraps within the chart, never widening it") {
    FakeShaper shaper;
    Timeline t = example_timeline();
    double width = layout_chart(t, {"en"}, shaper).scene.pages.front().width;
    std::string words;
    for (int i = 0; i < 60; ++i) words += "a subtitle far longer than any plot ";
    t.subtitle = LocalizedText{{{"en", words}}};
    Layout chart = layout_chart(t, {"en"}, shaper);
    CHECK(chart.scene.pages.front().width == width);
    Box subtitle = boxes_of(chart, "subtitle").front();
    CHECK(subtitle.right() <= width);
    CHECK(subtitle.height > 40);  // wrapped onto lines
    Layout panels = layout_segmented(t, {"en"}, SegmentKind::month, shaper);
    CHECK(boxes_of(panels, "subtitle").front().right() <= panels.scene.pages.front().width);
}

TEST_CASE("a crowded chart at a narrow width goes taller, never smaller, and says when it is unreadable") {
    FakeShaper shaper;
    Timeline t = example_timeline();
    Layout wide = layout_chart(t, at_width("en", 1600), shaper);
    Layout narrow = layout_chart(t, at_width("en", 300), shaper);
    check_fixed_width_chart(t, narrow, 300);
    CHECK(narrow.scene.pages.front().height > wide.scene.pages.front().height);
    CHECK(min_text_px(narrow.scene) == min_text_px(wide.scene));
    // Hundreds of events in one minute cannot be read at 240 px: drawn whole, and said.
    Timeline crowd = t;
    crowd.links.clear();
    for (int i = 0; i < 300; ++i) {
        Event e = t.events.front();
        e.id = "crowd" + std::to_string(i);
        crowd.events.push_back(e);
    }
    Layout unreadable = layout_chart(crowd, at_width("en", 240), shaper);
    check_within_width(unreadable, 240);
    CHECK(warns(unreadable, "too crowded to read at 240 px"));
    CHECK(measure_quality(crowd, unreadable).label_overlap_area == 0);
}
