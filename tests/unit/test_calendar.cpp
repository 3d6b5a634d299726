#include <doctest/doctest.h>

#include <string>

#include "time/calendar.hpp"
#include "time/iso_date.hpp"

using namespace tarikh;

namespace {

CivilDate date(const char* text) { return std::get<CivilDate>(parse_iso_date(text)); }

Timeline timeline_with(std::vector<Event> events) {
    Timeline t;
    t.timezone = "Asia/Damascus";
    t.events = std::move(events);
    return t;
}

}  // namespace

TEST_CASE("a day covers its local day in the timeline's zone") {
    Calendar damascus("Asia/Damascus");
    // 9 November 2018 in Damascus is UTC+2 (winter time): it starts at 22:00Z on the 8th.
    CHECK(damascus.start_of(date("2018-11-09")) == 1541714400);
    CHECK(damascus.end_of(date("2018-11-09")) == 1541714400 + 86400);
    // An explicit offset wins over the zone.
    CHECK(damascus.start_of(date("2018-11-09T22:00+03:00")) == 1541790000);
    Calendar utc("UTC");
    CHECK(utc.start_of(date("1970")) == 0);
    CHECK(utc.end_of(date("2018-02")) == utc.start_of(date("2018-03")));
    CHECK(utc.end_of(date("2016")) - utc.start_of(date("2016")) == 366 * 86400);
}

TEST_CASE("the calendar is proleptic Gregorian, also before 1582 and before year 1") {
    Calendar utc("UTC");
    // 1582-10-10 exists in the proleptic calendar (the Julian switch skipped it).
    CHECK(utc.end_of(date("1582-10-10")) - utc.start_of(date("1582-10-10")) == 86400);
    CHECK(utc.start_of(date("0000")) < utc.start_of(date("0001")));
    CHECK(utc.start_of(date("-0044-03-15")) < utc.start_of(date("0000")));
}

TEST_CASE("adding durations by calendar field") {
    Calendar utc("UTC");
    Instant jan31 = utc.start_of(date("2018-01-31"));
    CHECK(utc.add(jan31, Duration{0, 1, 0, 0, 0, 0, 0}) == utc.start_of(date("2018-02-28")));
    CHECK(utc.add(jan31, Duration{0, 0, 0, 0, 3, 0, 0}) == jan31 + 3 * 3600);
    CHECK(utc.add(jan31, Duration{0, 0, 1, 1, 0, 0, 0}) == jan31 + 8 * 86400);
}

TEST_CASE("millions of days are added exactly, and far offsets do not wrap") {
    Calendar utc("UTC");
    Instant start = utc.start_of(date("2018-01-01"));
    // Expected dates from proleptic Gregorian arithmetic (days_from_civil in python3):
    // 2018-01-01 + 5,000,000 days is 15707-07-16, + 6,000,000 days is 18445-06-11.
    CHECK(utc.add(start, Duration{0, 0, 0, 5'000'000, 0, 0, 0}) == start + 5'000'000LL * 86400);
    CHECK(utc.add(start, Duration{0, 0, 0, 5'000'000, 0, 0, 0}) == utc.start_of(date("+15707-07-16")));
    CHECK(utc.add(start, Duration{0, 0, 0, 6'000'000, 0, 0, 0}) == utc.start_of(date("+18445-06-11")));
    CHECK(utc.add(start, Duration{0, 0, 10'000'000, 0, 0, 0, 0}) == start + 70'000'000LL * 86400);
    // Ten million years on is deep time, counted in mean years: the year is what is exact there.
    CHECK(mean_year_of(utc.add(start, Duration{0, 120'000'000, 0, 0, 0, 0, 0})) == 10'002'018);
    // The largest offset parse accepts, from the largest year, still lies after its start.
    Instant last = utc.start_of(date("+100000000000"));
    CHECK(utc.add(last, Duration{100'000'000'000LL, 0, 0, 0, 0, 0, 0}) > last);
    CHECK(utc.add(utc.add(last, Duration{100'000'000'000LL, 0, 0, 0, 0, 0, 0}), Duration{100'000'000'000LL, 0, 0, 0, 0, 0, 0}) > last);
}

TEST_CASE("floor aligns to calendar units and multiples") {
    Calendar utc("UTC");
    Instant t = utc.start_of(date("2018-11-09T22:35"));
    CHECK(utc.floor(t, TimeUnit::hour, 6) == utc.start_of(date("2018-11-09T18:00")));
    CHECK(utc.floor(t, TimeUnit::day, 1) == utc.start_of(date("2018-11-09")));
    CHECK(utc.floor(t, TimeUnit::month, 3) == utc.start_of(date("2018-10")));
    CHECK(utc.floor(t, TimeUnit::year, 10) == utc.start_of(date("2010")));
    // Round years as read: 45 BC (ISO -0044) floors to 100 BC (-0099), AD 50 to AD 1.
    CHECK(utc.floor(utc.start_of(date("-0044")), TimeUnit::year, 100) == utc.start_of(date("-0099")));
    CHECK(utc.floor(utc.start_of(date("0050")), TimeUnit::year, 100) == utc.start_of(date("0001")));
    CHECK(utc.next_tick(utc.start_of(date("-0099")), TimeUnit::year, 100) == utc.start_of(date("0001")));
    CHECK(utc.next_tick(utc.start_of(date("0001")), TimeUnit::year, 100) == utc.start_of(date("0100")));
}

TEST_CASE("relative dates follow their event, at its precision") {
    Event attack;
    attack.id = "attack";
    attack.when.date = date("2018-11-09T20:00");
    Event response;
    response.id = "response";
    response.when.after = RelativeDate{"attack", Duration{0, 0, 0, 0, 3, 0, 0}};
    Event ranged;
    ranged.id = "ranged";
    ranged.when.date = date("2018-11-09");
    ranged.when.end = date("2018-11-10");
    // The response comes first in the file: resolution must not depend on order.
    Timeline t = timeline_with({response, attack, ranged});
    Calendar calendar(t.timezone);
    auto times = resolve_event_times(t, calendar);
    REQUIRE(times.size() == 3);
    CHECK(times[0].start == times[1].start + 3 * 3600);
    CHECK(times[0].precision == Precision::minute);
    CHECK(times[2].is_range);
    CHECK(times[2].end - times[2].start == 2 * 86400);
}

TEST_CASE("events of one day in a row each get their own precision and offset") {
    // The last date's instants are kept while resolving: a date that differs only in its
    // precision or its offset must not take them.
    std::vector<Event> events;
    for (const char* text : {"2018-09-17T10:00", "2018-09-17T10:00", "2018-09-17T10:00Z", "2018-09-17T10:00+03:00",
                             "2018-09", "2018-09-01"}) {
        Event e;
        e.id = "e" + std::to_string(events.size());
        e.when.date = date(text);
        events.push_back(e);
    }
    Timeline t = timeline_with(events);
    Calendar calendar(t.timezone);
    auto times = resolve_event_times(t, calendar);
    REQUIRE(times.size() == 6);
    CHECK(times[1].start == times[0].start);
    CHECK(times[2].start == times[0].start + 3 * 3600);  // Damascus is UTC+3 in September 2018
    CHECK(times[3].start == times[0].start);
    CHECK(times[3].start != times[2].start);
    CHECK(times[4].start == times[5].start);
    CHECK(times[4].end - times[4].start == 30 * 86400);  // the month
    CHECK(times[5].end - times[5].start == 86400);       // its first day
    for (size_t i = 0; i < times.size(); ++i) {
        CHECK(times[i].start == calendar.start_of(*t.events[i].when.date));
        CHECK(times[i].end == calendar.end_of(*t.events[i].when.date));
    }
}

TEST_CASE("time zones are checked against ICU's list") {
    CHECK(is_known_timezone("Asia/Damascus"));
    CHECK(is_known_timezone("UTC"));
    CHECK_FALSE(is_known_timezone("Mars/Olympus_Mons"));
}
