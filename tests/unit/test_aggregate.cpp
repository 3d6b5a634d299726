// Aggregation (--aggregate): binning into ISO weeks and months, the measures, the label
// filters, and that the bars count every aggregated event (nothing dropped).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <numeric>
#include <sstream>

#include "fake_shaper.hpp"
#include "io/parse.hpp"
#include "layout/aggregate.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/edition.hpp"
#include "layout/layout_json.hpp"
#include "layout/messages.hpp"
#include "layout/phrases.hpp"
#include "scene_items.hpp"
#include "scene/scene_dump.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

CivilDate day(std::int64_t y, int m, int d) { return CivilDate{y, m, d, 0, 0, 0, Precision::day, std::nullopt, false, false}; }

Timeline parsed(const std::string& events, const std::string& lanes = "") {
    std::string json = R"({"format": "tarikh/1", "languages": ["en"], "locales": {"en": "en-GB"}, "timezone": "Asia/Damascus", "lanes": [)" + lanes +
                       R"(], "events": [)" + events + "]}";
    ParseResult result = parse_timeline(json, "t.json");
    REQUIRE_MESSAGE(result.timeline, json);
    return *result.timeline;
}

// The bars of every event of `t`, by `bin`, over the events' span.
std::vector<Bar> bars_of(const Timeline& t, Bin bin, Measure measure = Measure::count) {
    Calendar calendar(t.timezone);
    std::vector<Interval> times = resolve_event_times(t, calendar);
    std::vector<size_t> all(t.events.size());
    std::iota(all.begin(), all.end(), 0);
    Instant from = times[0].start, to = times[0].end;
    for (const auto& iv : times) from = std::min(from, iv.start), to = std::max(to, iv.end);
    return bin_events(t, times, all, bin, measure, calendar, from, to);
}

// The plan of `t`'s aggregation, over its events' resolved times.
AggregatePlan plan_of(const Timeline& t, const Aggregation& options, size_t capacity = 0) {
    return plan_aggregation(t, resolve_event_times(t, Calendar(t.timezone)), options, capacity);
}

// A small deterministic generator (SplitMix64): the same timelines on every platform.
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

// Events over about two years in three lanes; dates of day or month precision, some
// approximate, some intervals; fatalities figures on most.
std::string random_events(std::uint64_t seed, int count) {
    Random r{seed};
    std::string out;
    for (int i = 0; i < count; ++i) {
        int year = 2018 + r.below(2), month = 1 + r.below(12), d = 1 + r.below(28);
        char date[32];
        if (r.below(10) == 0) std::snprintf(date, sizeof date, "%04d-%02d", year, month);
        else std::snprintf(date, sizeof date, "%04d-%02d-%02d%s", year, month, d, r.below(8) == 0 ? "~" : "");
        std::string event = R"({"id": "e)" + std::to_string(i) + R"(", "date": ")" + date + R"(", "lane": "l)" +
                            std::to_string(r.below(3)) + R"(", "title": "t")";
        if (r.below(10) == 0) event += R"(, "end": ")" + std::to_string(year + 1) + R"(-01-15")";
        if (r.below(10) < 8)
            event += R"(, "figures": [{"label": "dead", "value": )" + std::to_string(r.below(3) ? 0 : r.below(40)) +
                     R"(, "kind": "fatalities"}])";
        out += (i ? ", " : "") + event + "}";
    }
    return out;
}

const std::string kThreeLanes = R"({"id": "l0", "label": "zero"}, {"id": "l1", "label": "one"}, {"id": "l2", "label": "two"})";

}  // namespace

TEST_CASE("aggregate: ISO weeks run Monday to Sunday, across a year's end, in the timeline's zone") {
    Calendar calendar("Asia/Damascus");
    // Monday 31 December 2018 begins the ISO week 1 of 2019; Sunday 30 December ends the last of 2018.
    Period monday = period_of(calendar.start_of(day(2018, 12, 31)), Bin::week, calendar);
    CHECK(monday.start == calendar.start_of(day(2018, 12, 31)));
    CHECK(monday.end == calendar.start_of(day(2019, 1, 7)));
    CHECK(period_of(calendar.start_of(day(2019, 1, 6)) + 86399, Bin::week, calendar).start == monday.start);
    CHECK(period_of(calendar.start_of(day(2018, 12, 30)), Bin::week, calendar).start == calendar.start_of(day(2018, 12, 24)));
    // Midnight in Damascus is 22:00 UTC the day before: the week is the local one.
    CHECK(period_of(calendar.start_of(day(2018, 12, 31)), Bin::week, Calendar("UTC")).start !=
          calendar.start_of(day(2018, 12, 31)));
}

TEST_CASE("aggregate: months are calendar months") {
    Calendar calendar("UTC");
    Period february = period_of(calendar.start_of(day(2019, 2, 15)), Bin::month, calendar);
    CHECK(february.start == calendar.start_of(day(2019, 2, 1)));
    CHECK(february.end == calendar.start_of(day(2019, 3, 1)));
    Period december = period_of(calendar.start_of(day(2018, 12, 31)) + 3600, Bin::month, calendar);
    CHECK(december.end == calendar.start_of(day(2019, 1, 1)));
}

TEST_CASE("aggregate: approximate dates and intervals are counted in the period of their start") {
    Timeline t = parsed(R"({"id": "month", "date": "2018-11", "title": "a"},
                           {"id": "week", "date": "2018-09-19~", "title": "b"},
                           {"id": "span", "date": "2018-09-20", "end": "2018-10-05", "title": "c"},
                           {"id": "last", "date": "2018-11-30", "title": "d"})");
    std::vector<Bar> months = bars_of(t, Bin::month);
    REQUIRE(months.size() == 3);  // September, October (empty, kept), November
    CHECK(months[0].events == 2);
    CHECK(months[1].events == 0);
    CHECK(months[2].events == 2);  // the month-precision date is in its month
    std::vector<Bar> weeks = bars_of(t, Bin::week);
    Calendar calendar(t.timezone);
    CHECK(weeks.front().period.start == calendar.start_of(day(2018, 9, 17)));
    CHECK(weeks.front().events == 2);  // the approximate day in its week; the interval at its start
    // "2018-11" starts on Thursday 1 November: the week of 29 October.
    auto week_of_29 = std::find_if(weeks.begin(), weeks.end(),
                                   [&](const Bar& b) { return b.period.start == calendar.start_of(day(2018, 10, 29)); });
    REQUIRE(week_of_29 != weeks.end());
    CHECK(week_of_29->events == 1);
    // Empty weeks are bars too: none dropped between the first and the last.
    for (size_t k = 1; k < weeks.size(); ++k) CHECK(weeks[k].period.start == weeks[k - 1].period.end);
}

TEST_CASE("aggregate: the periods at the edges are clipped to the data's range") {
    Timeline t = parsed(R"({"id": "a", "date": "2018-09-19", "title": "a"}, {"id": "b", "date": "2018-10-10", "title": "b"})");
    std::vector<Bar> months = bars_of(t, Bin::month);
    Calendar calendar(t.timezone);
    REQUIRE(months.size() == 2);
    CHECK(months[0].period.start == calendar.start_of(day(2018, 9, 1)));
    CHECK(months[0].from == calendar.start_of(day(2018, 9, 19)));
    CHECK(months[1].to == calendar.start_of(day(2018, 10, 11)));
    CHECK(months[1].period.end == calendar.start_of(day(2018, 11, 1)));
}

TEST_CASE("aggregate: fatalities sum the figures of that kind, an event without one counts 0") {
    Timeline t = parsed(R"({"id": "a", "date": "2018-09-19", "title": "a", "figures": [
                              {"label": "dead", "value": 12, "low": 10, "high": 19, "kind": "fatalities"},
                              {"label": "dead, other count", "value": 3, "kind": "fatalities"},
                              {"label": "displaced", "value": 4000}]},
                           {"id": "b", "date": "2018-09-20", "title": "b"})");
    CHECK(fatalities_of(t.events[0]) == 15);
    CHECK(has_fatalities(t.events[0]));
    CHECK(fatalities_of(t.events[1]) == 0);
    CHECK_FALSE(has_fatalities(t.events[1]));
    std::vector<Bar> weeks = bars_of(t, Bin::week, Measure::fatalities);
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].value == 15);
    CHECK(weeks[0].events == 2);
    CHECK(bars_of(t, Bin::week, Measure::count)[0].value == 2);
}

TEST_CASE("aggregate: label filters keep the events with most fatalities") {
    Timeline t = parsed(R"({"id": "a", "date": "2018-09-19", "lane": "x", "title": "a", "figures": [{"label": "d", "value": 12, "kind": "fatalities"}]},
                           {"id": "b", "date": "2018-09-20", "lane": "x", "title": "b", "figures": [{"label": "d", "value": 3, "kind": "fatalities"}]},
                           {"id": "c", "date": "2018-09-21", "lane": "x", "title": "c"},
                           {"id": "d", "date": "2018-09-22", "lane": "x", "title": "d", "figures": [{"label": "d", "value": 30, "kind": "fatalities"}]},
                           {"id": "e", "date": "2018-09-22", "lane": "y", "title": "e"})",
                        R"({"id": "x", "label": "x"}, {"id": "y", "label": "y"})");
    auto kept = [&](const Aggregation& a, size_t capacity = 0) {
        AggregatePlan plan = plan_of(t, a, capacity);
        std::string ids;
        for (size_t i = 0; i < t.events.size(); ++i)
            if (plan.counted[i] && plan.kept[i]) ids += t.events[i].id;
        return ids;
    };
    CHECK(kept({.period = AggregatePeriod::week}) == "");
    CHECK(kept({.period = AggregatePeriod::week, .label_min_fatalities = 10}) == "ad");
    CHECK(kept({.period = AggregatePeriod::week, .label_top = 2}) == "ad");
    CHECK(kept({.period = AggregatePeriod::week, .label_top = 1}) == "d");
    CHECK(kept({.period = AggregatePeriod::week, .label_min_fatalities = 1, .label_top = 2}) == "ad");
    CHECK(kept({.period = AggregatePeriod::week, .label_min_fatalities = 0}) == "abcde");
    // Automatic: only the lane with more events than the capacity is counted.
    AggregatePlan automatic = plan_of(t, {.period = AggregatePeriod::automatic}, 2);
    CHECK(automatic.lanes == std::vector<std::string>{"x"});
    CHECK_FALSE(automatic.counted[4]);
    CHECK(automatic.kept[4]);
    CHECK(plan_of(t, {.period = AggregatePeriod::automatic}, 4).lanes.empty());
}

TEST_CASE("aggregate: an event nobody dates is never counted, and takes no label's place") {
    Timeline t = parsed(R"({"id": "a", "date": "2018-09-19", "lane": "x", "title": "a", "figures": [{"label": "d", "value": 3, "kind": "fatalities"}]},
                           {"id": "b", "date": "XXXX", "lane": "x", "title": "b", "figures": [{"label": "d", "value": 30, "kind": "fatalities"}]},
                           {"id": "c", "date": "2018-09-21", "lane": "x", "title": "c"})",
                        R"({"id": "x", "label": "x"})");
    AggregatePlan plan = plan_of(t, {.period = AggregatePeriod::week, .label_top = 1});
    CHECK(plan.lanes == std::vector<std::string>{"x"});
    CHECK(plan.counted == std::vector<bool>{true, false, true});
    CHECK(plan.kept == std::vector<bool>{true, true, false});  // the top label is a's: b is written in full anyway
    AggregatePlan none = AggregatePlan::none(3);
    CHECK_FALSE(none.any());
    CHECK(none.counted == std::vector<bool>{false, false, false});
    CHECK(none.kept == std::vector<bool>{true, true, true});
}

TEST_CASE("aggregate: --label-where reads fatalities>=N and nothing else") {
    CHECK(parse_label_where("fatalities>=10") == 10.0);
    CHECK(parse_label_where("fatalities>=0") == 0.0);
    CHECK(parse_label_where("fatalities>=2.5") == 2.5);
    for (const char* bad : {"", "fatalities>=", "fatalities>=-1", "fatalities>10", "deaths>=3", "fatalities>=1e3",
                            "fatalities>=nan", "fatalities>=inf", "fatalities>= 3", "fatalities>=.", "fatalities>=3x"})
        CHECK_MESSAGE(!parse_label_where(bad), bad);
}

TEST_CASE("aggregate: the bars count every aggregated event and sum every fatality, over seeded timelines") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        Timeline t = parsed(random_events(seed, 300), kThreeLanes);
        for (Bin bin : {Bin::week, Bin::month})
            for (Measure measure : {Measure::count, Measure::fatalities}) {
                std::vector<Bar> bars = bars_of(t, bin, measure);
                double events = 0, value = 0, dead = 0, expected_dead = 0;
                for (const auto& b : bars) events += static_cast<double>(b.events), value += b.value, dead += b.fatalities;
                for (const auto& ev : t.events) expected_dead += fatalities_of(ev);
                CHECK_MESSAGE(events == static_cast<double>(t.events.size()), "seed " << seed);
                CHECK_MESSAGE(dead == expected_dead, "seed " << seed);
                CHECK_MESSAGE(value == (measure == Measure::count ? events : expected_dead), "seed " << seed);
                for (size_t k = 1; k < bars.size(); ++k) CHECK(bars[k].period.start == bars[k - 1].period.end);
            }
    }
}

TEST_CASE("aggregate: a chart's bars hold every event of its aggregated lanes, the kept ones drawn too") {
    FakeShaper shaper;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        Timeline t = parsed(random_events(seed, 400), kThreeLanes);
        LayoutOptions options;
        options.width = 680;
        options.aggregate = {.period = AggregatePeriod::week, .measure = Measure::fatalities, .label_top = 5};
        Layout layout = layout_chart(t, options, shaper);
        double events = 0, value = 0, dead = 0;
        for (const auto& bar : layout.bars) events += static_cast<double>(bar.events), value += bar.value;
        for (const auto& ev : t.events) dead += fatalities_of(ev);
        CHECK(events == static_cast<double>(t.events.size()));
        CHECK(value == doctest::Approx(dead));
        size_t markers = 0;
        for (const auto& b : layout.boxes) markers += b.kind == BoxKind::marker;
        CHECK(markers == 5);
    }
}

TEST_CASE("aggregate: a chronicle writes one paragraph per period and lane, the kept events in full") {
    FakeShaper shaper;
    Timeline t = parsed(R"({"id": "a", "date": "2018-09-17", "lane": "x", "title": "first", "figures": [{"label": "d", "value": 12, "kind": "fatalities"}]},
                           {"id": "b", "date": "2018-09-18", "lane": "x", "title": "second"},
                           {"id": "c", "date": "2018-10-02", "lane": "x", "title": "third", "figures": [{"label": "d", "value": 1, "kind": "fatalities"}]})",
                        R"({"id": "x", "label": "Lane X"})");
    ChronicleOptions options{{"en"}};
    options.aggregate = {.period = AggregatePeriod::week, .label_min_fatalities = 10};
    Layout layout = layout_chronicle(t, options, shaper);
    std::string text;
    for (const auto& page : layout.scene.pages)
        for (const TextItem* words : text_items(page.items))
            for (const auto& run : words->runs) text += run.text + "|";
    CAPTURE(text);
    CHECK(text.find("Week of 17 September 2018 — Lane X") != std::string::npos);
    CHECK(text.find("2 events, 12 fatalities") != std::string::npos);
    CHECK(text.find("Week of 1 October 2018 — Lane X") != std::string::npos);
    CHECK(text.find("1 event, 1 fatality") != std::string::npos);
    CHECK(text.find("first") != std::string::npos);  // kept: written in full
    CHECK(text.find("second") == std::string::npos);
    CHECK(text.find("Week of 24 September") == std::string::npos);  // an empty week has no paragraph
}

namespace {

// tests/aggregate/make_timeline.py --events 2000 --seed 17, written by the build.
Timeline idlib_2000() {
    ParseResult result = parse_timeline(read_file(TARIKH_AGGREGATE_TIMELINE), "idlib-2000.json");
    REQUIRE(result.timeline);
    return *result.timeline;
}

// Every text of a layout's first `pages` pages, one line each: page, top, text.
std::string texts(const Layout& layout, size_t pages) {
    std::ostringstream out;
    for (size_t p = 0; p < std::min(pages, layout.scene.pages.size()); ++p)
        for (const TextItem* words : text_items(layout.scene.pages[p].items)) {
            out << p + 1 << " " << std::lround(words->origin.y) << " ";
            for (const auto& run : words->runs) out << run.text;
            out << "\n";
        }
    return out.str();
}

}  // namespace

TEST_CASE("golden: a 2000-event Idlib-like timeline as a chart with density bands and as a chronicle") {
    Timeline t = idlib_2000();
    FakeShaper shaper;
    for (const char* lang : {"en", "ar"}) {
        LayoutOptions chart{lang};
        chart.width = 680;
        chart.aggregate = {.period = AggregatePeriod::week, .label_min_fatalities = 20};
        Layout layout = layout_chart(t, chart, shaper);
        CHECK(layout.bars.size() == 3 * 44);  // three lanes, 27 August 2018 to 30 June 2019: 44 ISO weeks
        check_golden(std::string("aggregate-idlib-") + lang + ".layout.json", layout_json(layout));
        check_golden(std::string("aggregate-idlib-") + lang + ".scene.txt", dump_scene(layout.scene));
        ChronicleOptions chronicle{{lang}};
        chronicle.aggregate = {.period = AggregatePeriod::week, .measure = Measure::fatalities,
                               .label_min_fatalities = 20};
        check_golden(std::string("aggregate-idlib-chronicle-") + lang + ".txt", texts(layout_chronicle(t, chronicle, shaper), 2));
    }
}

TEST_CASE("aggregate: past 5000 periods there is no band, every event is drawn, and a warning says why") {
    Timeline t = parsed(R"({"id": "a", "date": "1500-01-01", "title": "a"}, {"id": "b", "date": "2018-09-17", "title": "b"})");
    FakeShaper shaper;
    LayoutOptions options;
    options.aggregate = {.period = AggregatePeriod::week};
    Layout chart = layout_chart(t, options, shaper);
    CHECK(chart.bars.empty());
    size_t markers = 0;
    for (const auto& b : chart.boxes) markers += b.kind == BoxKind::marker;
    CHECK(markers == 2);
    REQUIRE(chart.diagnostics.size() == 1);
    CHECK(chart.diagnostics[0].message.find("no density band") != std::string::npos);
    options.aggregate.period = AggregatePeriod::month;  // 6,200 months: still too many
    CHECK(layout_chart(t, options, shaper).bars.empty());
}

TEST_CASE("aggregate: the totals take each language's plural forms and digits from the catalogues") {
    auto events = [](const char* lang, const char* locale, double n) {
        return plural(phrases_for(lang, locale).events, n, locale);
    };
    CHECK(events("en", "en-GB", 1) == "1 event");
    CHECK(events("en", "en-GB", 1834) == "1,834 events");
    CHECK(events("ru", "ru", 1) == "1 событие");
    CHECK(events("ru", "ru", 3) == "3 события");
    CHECK(events("ru", "ru", 5) == "5 событий");
    CHECK(events("ar", "ar-SY", 1) == "حدث واحد");
    CHECK(events("ar", "ar-SY", 2) == "حدثان");
    CHECK(events("ar", "ar-SY", 3) == "٣ أحداث");
    CHECK(events("ar", "ar-SY", 11) == "١١ حدثًا");
    CHECK(events("ar", "ar-SY-u-nu-latn", 11) == "11 حدثًا");
    CHECK(events("he", "he", 2) == "שני אירועים");
    CHECK(plural(phrases_for("fr", "fr").fatalities, 0, "fr") == "0 mort");
    CHECK(plural("{count, plural, one {# x} other {# xs}", 4, "en") == "4");  // broken: the number still says it
    for (const auto& lang : builtin_catalogue_languages())
        for (double n : {0.0, 1.0, 2.0, 5.0, 11.0, 100.0, 1001.0}) {
            Phrases words = phrases_for(lang, lang);
            CAPTURE(lang);
            CAPTURE(n);
            // Every catalogue's pattern is one ICU reads: its words come out, not the bare number.
            CHECK(plural(words.events, n, lang) != plural("{", n, lang));
            CHECK(plural(words.fatalities, n, lang) != plural("{", n, lang));
        }
}

TEST_CASE("aggregate: a Persian edition's months are Persian months, in the chart and the chronicle") {
    ParseResult result = parse_timeline(R"({"format": "tarikh/1", "languages": ["fa"], "locales": {"fa": "fa-IR"},
        "timezone": "Asia/Tehran", "lanes": [{"id": "x", "label": {"fa": "الف"}}],
        "events": [{"id": "a", "date": "2018-09-25", "lane": "x", "title": {"fa": "یک"}},
                   {"id": "b", "date": "2018-10-25", "lane": "x", "title": {"fa": "دو"}}]})",
                                        "fa.json");
    REQUIRE(result.timeline);
    FakeShaper shaper;
    LayoutOptions chart{.lang = "fa", .aggregate = {.period = AggregatePeriod::month}};
    Layout drawn = layout_chart(*result.timeline, chart, shaper);
    // 1 Mehr 1397 is 23 September 2018, 1 Aban 23 October: one event in each (Gregorian
    // months would put both in bars named by two Persian months each).
    REQUIRE(drawn.bars.size() == 2);
    CHECK(drawn.bars[0].period == "مهر ۱۳۹۷");  // month first, as its ranges (not CLDR's fa "y MMMM")
    CHECK(drawn.bars[1].period == "آبان ۱۳۹۷");
    CHECK(drawn.bars[0].events == 1);
    CHECK(drawn.bars[1].events == 1);
    ChronicleOptions chronicle{{"fa"}};
    chronicle.aggregate = {.period = AggregatePeriod::month};
    std::string text = texts(layout_chronicle(*result.timeline, chronicle, shaper), 1);
    CAPTURE(text);
    CHECK(text.find("مهر") != std::string::npos);
    CHECK(text.find("آبان") != std::string::npos);
    CHECK(text.find("شهریور") == std::string::npos);  // no Gregorian September straddling two Persian months
}
