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
    CHECK(reason("12018") == "a year of more than four digits needs a sign (+12018, -12018) or a Y (Y12018)");
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
    CHECK(reason("18-11-09") == "expected a year of four digits; a century is written 19XX");
    CHECK(reason("2018/11/09") == "expected -MM after the year");
    CHECK(reason("2018-11-09T25:00") == "the time of day is out of range");
    CHECK(reason("2018-11-09 10:00") == "expected THH:MM after the day");
    CHECK(reason("2018-11-09T10:00+3") == "expected a UTC offset Z, ±hh, ±hh:mm or ±hhmm");
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

// "start .. end" as year-month-day, a time when one was given, @precision and marks, for
// compact table rows; "unknown" for a date or an end nobody knows, "open" for an open end.
std::string describe(const EdtfDate& d) {
    if (d.unknown) return "unknown";
    auto one = [](const std::optional<CivilDate>& c) {
        static const char* const kPrecision[] = {"y", "m", "d", "h", "min", "s"};
        std::string out = std::to_string(c->year) + "-" + std::to_string(c->month) + "-" + std::to_string(c->day);
        if (c->precision >= Precision::minute)
            out += " " + std::to_string(c->hour) + ":" + std::to_string(c->minute) + ":" + std::to_string(c->second);
        if (c->fraction_digits > 0) out += "+" + std::to_string(c->nanosecond) + "ns/" + std::to_string(c->fraction_digits);
        if (c->utc_offset_minutes) out += " UTC" + std::to_string(*c->utc_offset_minutes) + "min";
        return out + "@" + kPrecision[static_cast<int>(c->precision)] + (c->approximate ? "~" : "") + (c->uncertain ? "?" : "");
    };
    std::string out = d.start_unknown ? "unknown" : d.open_start ? "open" : one(d.start);
    if (d.end || d.open_end) out += " .. " + (d.end_unknown ? std::string("unknown") : d.open_end ? std::string("open") : one(d.end));
    return out;
}

struct Accepted { const char* text; const char* expected; };
struct Rejected { const char* text; const char* reason; };

// Every example of the EDTF specification (Library of Congress, 2019) for levels 0 and 1, and
// the valid cases of edtf.js's conformance tests, each with what it parses to.
const Accepted kAccepted[] = {
    // Level 0: dates.
    {"1985-04-12", "1985-4-12@d"},
    {"1985-04", "1985-4-1@m"},
    {"1985", "1985-1-1@y"},
    {"0409", "409-1-1@y"},
    {"0023", "23-1-1@y"},
    {"0007", "7-1-1@y"},
    {"0000", "0-1-1@y"},
    {"9999", "9999-1-1@y"},
    {"-0002", "-2-1-1@y"},
    {"-9999", "-9999-1-1@y"},
    {"2016-05-31", "2016-5-31@d"},
    {"2016-02-29", "2016-2-29@d"},
    // Level 0: date and time, local, UTC and shifted.
    {"1985-04-12T23:20:30", "1985-4-12 23:20:30@s"},
    {"1985-04-12T23:20:30Z", "1985-4-12 23:20:30 UTC0min@s"},
    {"1985-04-12T23:20:30-04", "1985-4-12 23:20:30 UTC-240min@s"},
    {"1985-04-12T23:20:30+04:30", "1985-4-12 23:20:30 UTC270min@s"},
    {"2016-05-02T16:54:59.042", "2016-5-2 16:54:59+42000000ns/3@s"},
    {"2016-05-02T16:54:59.4", "2016-5-2 16:54:59+400000000ns/1@s"},
    {"2016-05-02T16:54:59.042123", "2016-5-2 16:54:59+42123000ns/6@s"},
    {"2016-05-02T16:54:59.042Z", "2016-5-2 16:54:59+42000000ns/3 UTC0min@s"},
    {"2016-05-02T16:54:59.4+02:30", "2016-5-2 16:54:59+400000000ns/1 UTC150min@s"},
    {"2016-05-02T24:00:00", "2016-5-3 0:0:0@s"},                  // the end of a day: the next one's start
    {"2018-12-31T24:00", "2019-1-1 0:0:0@min"},
    {"2016-05-02T16:54:59+00:00", "2016-5-2 16:54:59 UTC0min@s"},
    {"2016-05-02T16:54:59+14:00", "2016-5-2 16:54:59 UTC840min@s"},
    {"2016-05-02T16:54:59+13:30", "2016-5-2 16:54:59 UTC810min@s"},
    {"2016-05-02T16:54:59+12:00", "2016-5-2 16:54:59 UTC720min@s"},
    {"2016-05-02T16:54:59+04:10", "2016-5-2 16:54:59 UTC250min@s"},
    {"2016-05-02T16:54:59-00:15", "2016-5-2 16:54:59 UTC-15min@s"},
    {"2016-05-02T16:54:59-11:59", "2016-5-2 16:54:59 UTC-719min@s"},
    {"2016-05-02T16:54:59-12:00", "2016-5-2 16:54:59 UTC-720min@s"},
    {"2016-05-02T16:54:59+0230", "2016-5-2 16:54:59 UTC150min@s"},
    {"2016-05-02T16:54:59+0000", "2016-5-2 16:54:59 UTC0min@s"},
    {"2016-05-02T16:54:59+1400", "2016-5-2 16:54:59 UTC840min@s"},
    {"2016-05-02T16:54:59-1200", "2016-5-2 16:54:59 UTC-720min@s"},
    {"2016-05-02T16:54:59+14", "2016-5-2 16:54:59 UTC840min@s"},
    {"2016-05-02T16:54:59-12", "2016-5-2 16:54:59 UTC-720min@s"},
    {"2018-11-09T22:05+03:00", "2018-11-9 22:5:0 UTC180min@min"},  // ISO 8601's reduced time
    // Level 0: intervals.
    {"1964/2008", "1964-1-1@y .. 2008-1-1@y"},
    {"2004-06/2006-08", "2004-6-1@m .. 2006-8-1@m"},
    {"2004-02-01/2005-02-08", "2004-2-1@d .. 2005-2-8@d"},
    {"2004-02-01/2005-02", "2004-2-1@d .. 2005-2-1@m"},
    {"2004-02-01/2005", "2004-2-1@d .. 2005-1-1@y"},
    {"2005/2006-02", "2005-1-1@y .. 2006-2-1@m"},
    {"1980-08/1994", "1980-8-1@m .. 1994-1-1@y"},
    // Level 1: letter-prefixed years, more than four digits.
    {"Y170000002", "170000002-1-1@y"},
    {"Y-170000002", "-170000002-1-1@y"},
    {"Y170002", "170002-1-1@y"},
    {"Y-170002", "-170002-1-1@y"},
    {"Y10000", "10000-1-1@y"},
    {"Y-10000", "-10000-1-1@y"},
    // Level 1: seasons, as months of the northern hemisphere.
    {"2001-21", "2001-3-1@m .. 2001-5-1@m"},
    {"2001-22", "2001-6-1@m .. 2001-8-1@m"},
    {"2001-23", "2001-9-1@m .. 2001-11-1@m"},
    {"2001-24", "2001-12-1@m .. 2002-2-1@m"},                   // winter runs into the next year
    // Level 1: qualification of a whole date.
    {"1984?", "1984-1-1@y?"},
    {"2004-06~", "2004-6-1@m~"},
    {"2004-06-11%", "2004-6-11@d~?"},
    {"2016?", "2016-1-1@y?"},
    {"2016~", "2016-1-1@y~"},
    {"2016%", "2016-1-1@y~?"},
    {"2016-05-03?", "2016-5-3@d?"},
    // Level 1: unspecified digits from the right, and dates nobody knows.
    {"201X", "2010-1-1@y .. 2019-1-1@y"},
    {"20XX", "2000-1-1@y .. 2099-1-1@y"},
    {"199X", "1990-1-1@y .. 1999-1-1@y"},
    {"19XX", "1900-1-1@y .. 1999-1-1@y"},
    {"198X", "1980-1-1@y .. 1989-1-1@y"},
    {"20XX?", "2000-1-1@y? .. 2099-1-1@y?"},
    {"-001X", "-19-1-1@y .. -10-1-1@y"},
    {"2004-XX", "2004-1-1@y"},                                  // some month of 2004: the year
    {"2016-XX", "2016-1-1@y"},
    {"1985-04-XX", "1985-4-1@m"},                               // some day of April: the month
    {"2016-05-XX", "2016-5-1@m"},
    {"1985-XX-XX", "1985-1-1@y"},
    {"XXXX", "unknown"},
    {"XXXX-XX", "unknown"},
    {"XXXX-XX-XX", "unknown"},
    // Level 1: extended intervals, open ("..") or unknown (empty) at one end.
    {"1985-04-12/..", "1985-4-12@d .. open"},
    {"1985-04/..", "1985-4-1@m .. open"},
    {"1985/..", "1985-1-1@y .. open"},
    {"../1985-04-12", "open .. 1985-4-12@d"},
    {"../1985-04", "open .. 1985-4-1@m"},
    {"../1985", "open .. 1985-1-1@y"},
    {"1985-04-12/", "1985-4-12@d .. unknown"},
    {"1985-04/", "1985-4-1@m .. unknown"},
    {"1985/", "1985-1-1@y .. unknown"},
    {"/1985-04-12", "unknown .. 1985-4-12@d"},
    {"/1985-04", "unknown .. 1985-4-1@m"},
    {"/1985", "unknown .. 1985-1-1@y"},
    {"1984~/2004-06", "1984-1-1@y~ .. 2004-6-1@m"},
    {"1984/2004-06~", "1984-1-1@y .. 2004-6-1@m~"},
    {"1984~/2004~", "1984-1-1@y~ .. 2004-1-1@y~"},
    {"1984?/2004%", "1984-1-1@y? .. 2004-1-1@y~?"},
    {"1984-06?/2004-08?", "1984-6-1@m? .. 2004-8-1@m?"},
    {"1984-06-02?/2004-08-08~", "1984-6-2@d? .. 2004-8-8@d~"},
    {"1984-06-02?/", "1984-6-2@d? .. unknown"},
    {"1980?/1994~", "1980-1-1@y? .. 1994-1-1@y~"},
    {"Y-170002/-9999", "-170002-1-1@y .. -9999-1-1@y"},
    // Level 1: negative years; tarikh's signed long years beside Y years.
    {"-1985", "-1985-1-1@y"},
    {"-13800000000", "-13800000000-1-1@y"},
    {"+12018", "12018-1-1@y"},
};

// Neighbours of those forms that neither level allows, each with the form the reader expected.
const Rejected kRejected[] = {
    {"", "expected a year of at least four digits"},
    {"-", "expected a year of at least four digits"},
    {"-0000", "expected 0000 for the year zero: there is no year -0000"},
    {"-0000-01-01", "expected 0000 for the year zero: there is no year -0000"},
    {"12345", "a year of more than four digits needs a sign (+12018, -12018) or a Y (Y12018)"},
    {"19", "expected a year of four digits; a century is written 19XX"},
    {"193", "expected a year of four digits; a decade is written 197X"},
    {"2016-13", "month 13 is out of range"},
    {"2016-00", "month 0 is out of range"},
    {"2016-05-00", "day 0 does not exist in that month"},
    {"2016-05-32", "day 32 does not exist in that month"},
    {"2016-02-30", "day 30 does not exist in that month"},
    {"2016-04-31", "day 31 does not exist in that month"},
    {"2016-13-XX", "month 13 is out of range"},
    {"2016-05-02T24:00:01", "expected 24:00 or 24:00:00 alone: the end of a day has no minutes or seconds"},
    {"2016-05-02T24:00:00.5", "expected 24:00 or 24:00:00 alone: the end of a day has no minutes or seconds"},
    {"2016-05-02T00:61:00", "the time of day is out of range"},
    {"2016-05-02T01:01:60", "the time of day is out of range"},
    {"2016-05-02T01:01.5", "expected the seconds before a fraction (T10:30:00.5)"},
    {"2016-05-02T01:01:01.", "expected digits after the decimal sign of the seconds"},
    {"2016-05-02T01:01:01.1234567890", "expected at most nine digits of a second (.123456789)"},
    {"2012-10-10T10:10:1", "expected :SS after the minutes"},
    {"2012-10-10t10:10:10", "expected THH:MM after the day"},
    {"2012-10-10T1:10:10", "expected THH:MM after the day"},
    {"2012-10-10T10:10:10Z10", "expected a UTC offset Z, ±hh, ±hh:mm or ±hhmm"},
    {"2016-05-02T12:00:00-00:00", "expected Z or +00:00 for UTC: ISO 8601 has no offset -00:00"},
    {"2016-05-02T12:00:00-0000", "expected Z or +00:00 for UTC: ISO 8601 has no offset -00:00"},
    {"2016-05-02T12:00:00-00", "expected Z or +00:00 for UTC: ISO 8601 has no offset -00:00"},
    {"2016-05-02T12:00:00-12:01", "expected a UTC offset between -12:00 and +14:00, found -12:01"},
    {"2016-05-02T12:00:00-13:00", "expected a UTC offset between -12:00 and +14:00, found -13:00"},
    {"2016-05-02T12:00:00-14:00", "expected a UTC offset between -12:00 and +14:00, found -14:00"},
    {"2016-05-02T12:00:00+14:01", "expected a UTC offset between -12:00 and +14:00, found +14:01"},
    {"2016-05-02T12:00:00-1201", "expected a UTC offset between -12:00 and +14:00, found -1201"},
    {"2016-05-02T12:00:00+1401", "expected a UTC offset between -12:00 and +14:00, found +1401"},
    {"2016-05-02T12:00:00-2000", "expected a UTC offset between -12:00 and +14:00, found -2000"},
    {"2016-05-02T12:00:00-13", "expected a UTC offset between -12:00 and +14:00, found -13"},
    {"2016-05-02T12:00:00+15", "expected a UTC offset between -12:00 and +14:00, found +15"},
    {"2016-05-02T12:00:00+03:60", "minute 60 of a UTC offset does not exist"},
    {"2016-05-02T12:00:00+3", "expected a UTC offset Z, ±hh, ±hh:mm or ±hhmm"},
    {"2016-05-02T12:00:00+03:", "expected a UTC offset Z, ±hh, ±hh:mm or ±hhmm"},
    {"2016-05-02T12:00:00+030", "expected a UTC offset Z, ±hh, ±hh:mm or ±hhmm"},
    {"Y9999", "expected more than four digits after Y (Y10000); shorter years are written without Y"},
    {"Y-9999", "expected more than four digits after Y (Y10000); shorter years are written without Y"},
    {"Y00001", "expected no leading zero after Y (Y10000)"},
    {"Y-00001", "expected no leading zero after Y (Y10000)"},
    {"Y170002-05", "expected a year alone after Y: a Y year takes no month or day"},
    {"Y200000000000", "expected a year between -100000000000 and +100000000000"},
    {"1984?~", "expected one mark: ? uncertain, ~ approximate, % both"},
    {"XXXX?", "expected no mark after a date nobody knows (XXXX)"},
    {"1863- 03-29", "expected -MM after the year"},
    {"1863-03-29 ", "expected THH:MM after the day"},
    // A date written by hand that reads one way only is given back as ISO; else an example.
    {"2018/11/09", "write dates as YYYY-MM-DD: \"2018-11-09\""},
    {"20/10/2017", "write dates as YYYY-MM-DD: \"2017-10-20\""},
    {"10/20/2017", "write dates as YYYY-MM-DD: \"2017-10-20\""},
    {"24/10/1962", "write dates as YYYY-MM-DD: \"1962-10-24\""},
    {"6/6/1944", "write dates as YYYY-MM-DD: \"1944-06-06\""},
    {"10/2017", "write dates as YYYY-MM-DD: \"2017-10\""},
    {"05/06/2017", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"31/02/1962", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"29/02/1900", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"13/13/2017", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"24/10/62", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"2018/13/09", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"20/10", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"13/2017", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
    {"2018-01/2018-02/2018-03", "an interval has one /"},
    {"20/10/2017/", "an interval has one /"},
    {"2012///4444", "an interval has one /"},
    {"../..", "an interval open or unknown at both ends says nothing of when; a date nobody knows is XXXX"},
    {"/", "an interval open or unknown at both ends says nothing of when; a date nobody knows is XXXX"},
    {"../", "an interval open or unknown at both ends says nothing of when; a date nobody knows is XXXX"},
    {"XXXX/2018", "its start: expected an empty end for an end nobody knows (\"2018/\", \"/2018\")"},
    {"2018-21/2018-23", "its start: expected a date, not a season, at an end of an interval; write its months (2018-03/2018-11)"},
    {"2018-13/2019", "its start: month 13 is out of range"},
    {"2018/2019-02-30", "its end: day 30 does not exist in that month"},
};

// Level 2 of the specification, and edtf.js's level 2 cases: refused as such, never misread.
const char* const kLevel2[] = {
    "Y17E7", "Y-17E7", "1950S2", "Y171010000S3", "Y3388E2S3", "Y-17101E3S3", "2001-25", "2001-29", "2001-32",
    "2001-33", "2001-34", "2001-36", "2001-39", "2001-40", "2001-41", "[1667,1668,1670..1672]", "[..1760-12-03]",
    "[1760-12..]", "[1760-01,1760-02,1760-12..]", "[1667,1760-12]", "[..1984]", "{1667,1668,1670..1672}",
    "{1960,1961-12}", "{..1984}", "2004?-06-11", "2004-06~-11", "?2004-06-~11", "2004-%06-11", "2004?-06-~11",
    "2001-?09~-09", "2011-~06-~04", "?2001", "2001~-09", "156X-12-25", "15XX-12-25", "XXXX-12-XX", "1XXX-XX",
    "1XXX-12", "1984-1X", "15XX-12-XX", "1560-XX-25", "15XX-XX-25", "1500-1X-25", "15XX-X2", "1XX3", "1XXX",
    "2004-06-~01/2004-06-~20", "2004-06-XX/2004-07-03", "201X/2020-05"};

}  // namespace

TEST_CASE("EDTF levels 0 and 1: every form of the specification, to what it says and no more precise") {
    int accepted = 0;
    for (const auto& row : kAccepted) {
        CAPTURE(row.text);
        auto parsed = parse_edtf(row.text);
        if (auto* reason = std::get_if<std::string>(&parsed)) FAIL_CHECK(*reason);
        else {
            std::string got = describe(std::get<EdtfDate>(parsed));
            CHECK(got == row.expected);
            accepted += got == row.expected;
        }
    }
    MESSAGE("accepted " << accepted << " of " << std::size(kAccepted));
    CHECK(accepted == static_cast<int>(std::size(kAccepted)));
}

TEST_CASE("EDTF neighbours that neither level allows are refused, naming the form expected") {
    int rejected = 0;
    for (const auto& row : kRejected) {
        CAPTURE(row.text);
        auto parsed = parse_edtf(row.text);
        if (std::holds_alternative<EdtfDate>(parsed)) FAIL_CHECK("accepted: " << describe(std::get<EdtfDate>(parsed)));
        else {
            const std::string& got = std::get<std::string>(parsed);
            CHECK(got == row.reason);
            rejected += got == row.reason;
        }
    }
    MESSAGE("rejected " << rejected << " of " << std::size(kRejected));
    CHECK(rejected == static_cast<int>(std::size(kRejected)));
}

TEST_CASE("EDTF level 2 is refused as level 2") {
    int rejected = 0;
    for (const char* text : kLevel2) {
        CAPTURE(text);
        auto parsed = parse_edtf(text);
        if (std::holds_alternative<EdtfDate>(parsed)) FAIL_CHECK("accepted: " << describe(std::get<EdtfDate>(parsed)));
        else {
            const std::string& got = std::get<std::string>(parsed);
            CHECK(got.find("EDTF level 2 is not supported") != std::string::npos);
            rejected += got.find("EDTF level 2 is not supported") != std::string::npos;
        }
    }
    MESSAGE("level 2 rejected " << rejected << " of " << std::size(kLevel2));
    CHECK(rejected == static_cast<int>(std::size(kLevel2)));
}

TEST_CASE("the plain ISO 8601 reader of eras and ends refuses what only an event's date may be") {
    CHECK(reason("XXXX") == "expected a year of at least four digits");
    CHECK(reason("2018-21") == "month 21 is out of range");
    CHECK(reason("2001-34") == "EDTF level 2 is not supported: seasons, quarters and halves of a year 25–41 (2001-34)");
    CHECK(date("Y-170002").year == -170002);
}

// What people type for a date elsewhere — dots, an Arabic keyboard's digits, a dash between two
// dates — is given back as the file writes it, not as the first character the reader stopped at
// ("a century is written 19XX", "expected THH:MM after the day").
TEST_CASE("a date typed with dots, Arabic-Indic or Persian digits, or a dash is given back as the file writes it") {
    struct Row {
        const char* text;
        const char* hint;
    };
    const Row rows[] = {
        {"19.12.2019", "write dates as YYYY-MM-DD: \"2019-12-19\""},
        {"2019.12.19", "write dates as YYYY-MM-DD: \"2019-12-19\""},
        {"12.2019", "write dates as YYYY-MM-DD: \"2019-12\""},
        {"05.06.2017", "write dates as YYYY-MM-DD, e.g. 2017-10-20"},
        {"\u0662\u0660\u0661\u0669-\u0661\u0662-\u0661\u0669", "write the date with the digits 0–9: \"2019-12-19\""},
        {"\u06F2\u06F0\u06F1\u06F9-\u06F1\u06F2-\u06F1\u06F9", "write the date with the digits 0–9: \"2019-12-19\""},
        {"\u0662\u0660\u0661\u0669/\u0662\u0660\u0662\u0660", "write the date with the digits 0–9: \"2019/2020\""},
        {"\u0661\u0669/\u0661\u0662/\u0662\u0660\u0661\u0669", "write the date with the digits 0–9 as YYYY-MM-DD: \"2019-12-19\""},
        {"\u0662\u0660\u0661\u0669-\u0661\u0663", "write the date with the digits 0–9 as YYYY-MM-DD, e.g. 2017-10-20"},
        {"2019-10-17\u20132019-10-29", "an interval is written with /: \"2019-10-17/2019-10-29\""},
        {"2019-10-17 \u2014 2019-10-29", "an interval is written with /: \"2019-10-17/2019-10-29\""},
        {"2019\u20132020", "an interval is written with /: \"2019/2020\""},
        // Not an interval either way: the reader's own reason stays.
        {"2019-10-17\u20132019-10-29\u20132019-11-01", "expected THH:MM after the day"},
        {"2019-10-17\u20132019-13", "expected THH:MM after the day"},
        {"2016-05-02T01:01.5", "expected the seconds before a fraction (T10:30:00.5)"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        auto parsed = parse_edtf(row.text);
        REQUIRE(std::holds_alternative<std::string>(parsed));
        CHECK(std::get<std::string>(parsed) == row.hint);
    }
    // An era's start and end, read by the plain reader, take the same hints.
    CHECK(reason("19.12.2019") == "write dates as YYYY-MM-DD: \"2019-12-19\"");
    CHECK(reason("\u0662\u0660\u0661\u0669-\u0661\u0662-\u0661\u0669") == "write the date with the digits 0–9: \"2019-12-19\"");
    CHECK(reason("2019-10-17\u20132019-10-29") == "an interval is written with /: \"2019-10-17/2019-10-29\"");
}
