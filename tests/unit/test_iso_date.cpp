#include <doctest/doctest.h>

#include "time/iso_date.hpp"

using namespace tarikh;

namespace {

CivilDate date(const char* text) {
    auto parsed = parse_iso_date(text);
    REQUIRE_MESSAGE(std::holds_alternative<CivilDate>(parsed), text);
    return std::get<CivilDate>(parsed);
}

std::string reason(const char* text) {
    auto parsed = parse_iso_date(text);
    REQUIRE_MESSAGE(std::holds_alternative<std::string>(parsed), text);
    return std::get<std::string>(parsed);
}

}  // namespace

TEST_CASE("partial dates keep the precision they were written with") {
    CHECK(date("2018").precision == Precision::year);
    CHECK(date("2018-11").precision == Precision::month);
    CHECK(date("2018-11-09").precision == Precision::day);
    CHECK(date("2018-11-09T22:00").precision == Precision::minute);
    CHECK(date("2018-11-09T22:00:30").precision == Precision::second);
    CivilDate d = date("2018-11-09T22:05+03:00");
    CHECK(d.year == 2018);
    CHECK(d.month == 11);
    CHECK(d.day == 9);
    CHECK(d.hour == 22);
    CHECK(d.minute == 5);
    CHECK(d.utc_offset_minutes == 180);
    CHECK(date("2018-11-09T22:05Z").utc_offset_minutes == 0);
    CHECK_FALSE(date("2018-11-09T22:05").utc_offset_minutes.has_value());
}

TEST_CASE("negative and expanded years") {
    CHECK(date("-0044").year == -44);
    CHECK(date("+12018").year == 12018);
    CHECK(date("-5000000").year == -5000000);
    CHECK(date("-13800000000").year == -13800000000LL);  // deep time, as cosmological TimelineJS files have
    CHECK(reason("-200000000000") == "expected a year between -100000000000 and +100000000000");
    CHECK(reason("12018") == "a year of more than four digits needs a sign (+ or -)");
}

TEST_CASE("EDTF qualifiers mark approximate and uncertain dates") {
    CHECK(date("2018-11-09~").approximate);
    CHECK_FALSE(date("2018-11-09~").uncertain);
    CHECK(date("2018-11-09?").uncertain);
    CivilDate both = date("2018-11%");
    CHECK(both.approximate);
    CHECK(both.uncertain);
    CHECK(both.precision == Precision::month);
}

TEST_CASE("impossible dates are refused with a reason") {
    CHECK(reason("2018-13-01") == "month 13 is out of range");
    CHECK(reason("2018-02-30") == "day 30 does not exist in that month");
    CHECK(reason("2019-02-29") == "day 29 does not exist in that month");
    CHECK(date("2020-02-29").day == 29);
    CHECK(reason("18-11-09") == "expected a year of at least four digits");
    CHECK(reason("2018/11/09") == "expected -MM after the year");
    CHECK(reason("2018-11-09T25:00") == "the time of day is out of range");
    CHECK(reason("2018-11-09 10:00") == "expected THH:MM after the day");
    CHECK(reason("2018-11-09T10:00+3") == "expected a UTC offset like +03:00");
    CHECK(reason("") == "expected a year of at least four digits");
}

TEST_CASE("durations") {
    auto d = std::get<Duration>(parse_iso_duration("P1Y2M3W4DT5H6M7S"));
    CHECK(d.years == 1);
    CHECK(d.months == 2);
    CHECK(d.weeks == 3);
    CHECK(d.days == 4);
    CHECK(d.hours == 5);
    CHECK(d.minutes == 6);
    CHECK(d.seconds == 7);
    CHECK(std::get<Duration>(parse_iso_duration("PT3H")).hours == 3);
    CHECK(std::get<Duration>(parse_iso_duration("-P2D")).days == -2);
    CHECK(std::get<DurationError>(parse_iso_duration("3H")).detail.empty());
    CHECK(std::get<DurationError>(parse_iso_duration("P")).detail.empty());
    CHECK(std::get<DurationError>(parse_iso_duration("PT3X")).detail == "unknown duration unit X");
    CHECK(std::get<DurationError>(parse_iso_duration("P3H")).detail == "unknown duration unit H");
    CHECK(std::get<DurationError>(parse_iso_duration("P300000000000Y")).kind == DurationError::Kind::too_long);
    CHECK(std::get<DurationError>(parse_iso_duration("P3H")).kind == DurationError::Kind::not_a_duration);
}

namespace {

EdtfDate edtf(const char* text) {
    auto parsed = parse_edtf(text);
    REQUIRE_MESSAGE(std::holds_alternative<EdtfDate>(parsed), text);
    return std::get<EdtfDate>(parsed);
}

std::string edtf_reason(const char* text) {
    auto parsed = parse_edtf(text);
    REQUIRE_MESSAGE(std::holds_alternative<std::string>(parsed), text);
    return std::get<std::string>(parsed);
}

// "start..end" as year-month-day@precision, for compact table rows.
std::string describe(const EdtfDate& d) {
    auto one = [](const std::optional<CivilDate>& c) {
        if (!c) return std::string("open");
        static const char* const kPrecision[] = {"y", "m", "d", "h", "min", "s"};
        return std::to_string(c->year) + "-" + std::to_string(c->month) + "-" + std::to_string(c->day) + "@" +
               kPrecision[static_cast<int>(c->precision)] + (c->approximate ? "~" : "") + (c->uncertain ? "?" : "");
    };
    std::string out = d.open_start ? "open" : one(d.start);
    if (d.end || d.open_end) out += " .. " + (d.open_end ? std::string("open") : one(d.end));
    return out;
}

}  // namespace

TEST_CASE("EDTF level 1 dates, each to what it says and no more precise") {
    struct Row { const char* text; const char* expected; };
    const Row rows[] = {
        {"2018-11-09", "2018-11-9@d"},
        {"2018-11-09~", "2018-11-9@d~"},
        {"2018-11-09?", "2018-11-9@d?"},
        {"2018-11-09%", "2018-11-9@d~?"},
        {"2018-11-XX", "2018-11-1@m"},                       // the day unspecified: the month
        {"2018-XX-XX", "2018-1-1@y"},                        // month and day unspecified: the year
        {"2018-XX", "2018-1-1@y"},
        {"201X", "2010-1-1@y .. 2019-1-1@y"},                // a decade
        {"20XX?", "2000-1-1@y? .. 2099-1-1@y?"},             // a century, perhaps
        {"-001X", "-19-1-1@y .. -10-1-1@y"},
        {"2018-21", "2018-3-1@m .. 2018-5-1@m"},             // spring
        {"2018-23", "2018-9-1@m .. 2018-11-1@m"},            // autumn
        {"2018-24", "2018-12-1@m .. 2019-2-1@m"},            // winter runs into the next year
        {"2018-11/2018-12", "2018-11-1@m .. 2018-12-1@m"},
        {"2018-11-09/2018-11-30~", "2018-11-9@d .. 2018-11-30@d~"},
        {"2018-11-09/..", "2018-11-9@d .. open"},            // ongoing
        {"2018-11-09/", "2018-11-9@d .. open"},              // end unknown
        {"../2018-11-09", "open .. 2018-11-9@d"},
        {"201X/2020-05", "2010-1-1@y .. 2020-5-1@m"},        // a span's start, a month's end
        {"2018-11/202X", "2018-11-1@m .. 2029-1-1@y"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(describe(edtf(row.text)) == row.expected);
    }
}

TEST_CASE("EDTF forms that are not dates say why") {
    CHECK(edtf_reason("2018-XX-09") == "only a year's last digits, a month or a day may be unspecified (X)");
    CHECK(edtf_reason("XXXX") == "only a year's last digits, a month or a day may be unspecified (X)");
    CHECK(edtf_reason("2X18") == "only a year's last digits, a month or a day may be unspecified (X)");
    CHECK(edtf_reason("../..") == "an interval needs at least one known end");
    CHECK(edtf_reason("/") == "an interval needs at least one known end");
    CHECK(edtf_reason("2018/2019/2020") == "an interval has one /");
    CHECK(edtf_reason("2018-25") == "month 25 is out of range");
    CHECK(edtf_reason("2018-13/2019") == "its start: month 13 is out of range");
    CHECK(edtf_reason("2018/2019-02-30") == "its end: day 30 does not exist in that month");
}
