// A chart in two calendars (issue 15): a second tick row at the second calendar's month
// starts, each row named after its calendar, labels that never collide at a narrow width.
#include <doctest/doctest.h>

#include <set>

#include "fake_shaper.hpp"
#include "layout/chart_stages.hpp"
#include "scene/scene_dump.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

struct Axis {
    ChartAxis axis;
    std::vector<std::string> names;
};

Axis axis_of(const Timeline& t, const LayoutOptions& options) {
    FakeShaper shaper;
    Layout out;
    EditionContext e(t, options.lang, options.calendar, shaper, out, options.theme);
    ChartText text = measure_chart(e, options, resolve_event_times(t, e.calendar));
    Axis result{scale_chart(e, options, text), {}};
    for (CalendarSystem system : e.dates.calendars()) result.names.push_back(e.dates.calendar_name(system));
    return result;
}

// No two labels of a row overlap, and none passes the page's edge.
void check_row(const std::vector<Tick>& ticks, double start, double limit) {
    double last_right = start;
    for (const auto& tick : ticks) {
        CHECK(tick.x - tick.text.width / 2 >= last_right);
        CHECK(tick.x + tick.text.width / 2 <= limit);
        last_right = tick.x + tick.text.width / 2;
    }
}

}  // namespace

TEST_CASE("a chart in two calendars: the second row at that calendar's month starts, each row named") {
    Timeline t = example_timeline();
    for (const char* calendars : {"gregorian+persian", "gregorian+islamic-umalqura"})
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(calendars);
            CAPTURE(lang);
            Axis a = axis_of(t, {.lang = lang, .calendar = calendars});
            REQUIRE(a.axis.row_names.size() == 2);
            REQUIRE(a.axis.second_ticks.size() >= 2);
            Calendar second(t.timezone, *parse_calendars(calendars)->rbegin());
            std::set<long> month_starts;  // in hundredths of a px
            for (Instant m = second.floor(a.axis.start, TimeUnit::month, 1); m <= a.axis.end; m = second.add(m, TimeUnit::month, 1))
                month_starts.insert(std::lround(a.axis.x_of(m) * 100));
            for (const auto& tick : a.axis.second_ticks) CHECK(month_starts.count(std::lround(tick.x * 100)) == 1);
            check_row(a.axis.ticks, a.axis.left + a.axis.row_names[0].width, a.axis.limit);
            check_row(a.axis.second_ticks, a.axis.left + a.axis.row_names[1].width, a.axis.limit);
        }
}

TEST_CASE("a chart in one calendar names its row only when there is something to say") {
    Timeline t = example_timeline();
    CHECK(axis_of(t, {.lang = "en"}).axis.row_names.empty());  // en-GB, Gregorian: as before
    Axis persian = axis_of(t, {.lang = "en", .calendar = "persian"});
    REQUIRE(persian.axis.row_names.size() == 1);
    CHECK(persian.axis.second_ticks.empty());
    CHECK(persian.names == std::vector<std::string>{"Persian Calendar"});
}

TEST_CASE("two tick rows at a narrow width thin out and never collide") {
    Timeline t = example_timeline();
    for (double width : {680.0, 400.0, 240.0})
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(width);
            CAPTURE(lang);
            Axis a = axis_of(t, {.lang = lang, .calendar = "gregorian+persian", .width = width});
            check_row(a.axis.ticks, a.axis.left + a.axis.row_names[0].width, width);
            check_row(a.axis.second_ticks, a.axis.left + a.axis.row_names[1].width, width);
        }
}

TEST_CASE("golden scene dump of a chart in two calendars") {
    FakeShaper shaper;
    check_golden("idlib-en-gregorian+persian.scene.txt",
                 dump_scene(layout_chart(example_timeline(), {.lang = "en", .calendar = "gregorian+persian"}, shaper).scene));
}
