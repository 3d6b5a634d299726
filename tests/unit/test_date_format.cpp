#include <doctest/doctest.h>

#include "time/date_format.hpp"
#include "time/iso_date.hpp"

using namespace tarikh;

namespace {

Interval interval(const Calendar& calendar, const char* text, bool approximate = false) {
    CivilDate d = std::get<CivilDate>(parse_iso_date(text));
    return {calendar.start_of(d), calendar.end_of(d), d.precision, approximate, false};
}

}  // namespace

TEST_CASE("en-GB dates at their precision") {
    Calendar calendar("Asia/Damascus");
    DateFormatter en("en-GB", "en", "Asia/Damascus");
    CHECK(en.event_date(interval(calendar, "2018-11-09")) == "9 November 2018");
    CHECK(en.event_date(interval(calendar, "2018-11")) == "November 2018");
    CHECK(en.event_date(interval(calendar, "2018")) == "2018");
    CHECK(en.event_date(interval(calendar, "2018-11-09", true)) == "c. 9 November 2018");
    CHECK(en.event_date(interval(calendar, "2018-11-09T22:00")) == "9 November 2018 at 22:00");
}

// The locale's clock, as ICU's short time format has it (checked against PyICU by tests/cli/clock.py).
TEST_CASE("times of day are in the locale's clock: 12 hours in en-US and Arabic, 24 in en-GB") {
    Calendar calendar("UTC");
    Interval evening = interval(calendar, "1962-10-22T19:00");
    Instant t = evening.start;
    DateFormatter us("en-US", "en", "UTC"), gb("en-GB", "en", "UTC"), eg("ar-EG", "ar", "UTC");
    CHECK(us.event_date(evening) == "October 22, 1962 at 7:00\u202fPM");
    CHECK(us.tick(t, TimeUnit::hour) == "7:00\u202fPM");
    CHECK(gb.event_date(evening) == "22 October 1962 at 19:00");
    CHECK(eg.event_date(evening) == "٢٢ أكتوبر ١٩٦٢ في ٧:٠٠ م");
    CHECK(eg.tick(t, TimeUnit::minute) == "٧:٠٠ م");
}

TEST_CASE("en-GB ranges collapse what they share") {
    Calendar calendar("Asia/Damascus");
    DateFormatter en("en-GB", "en", "Asia/Damascus");
    Interval range = interval(calendar, "2018-11-09");
    range.end = calendar.end_of(std::get<CivilDate>(parse_iso_date("2018-11-10")));
    range.is_range = true;
    CHECK(en.event_date(range) == "9–10 November 2018");
}

TEST_CASE("ar-SY uses Levantine month names and Arabic-Indic digits") {
    Calendar calendar("Asia/Damascus");
    DateFormatter ar("ar-SY", "ar", "Asia/Damascus");
    ar.set_words({"نحو {date}", "{date}؟", "منذ {date}", "حتى {date}"});  // the Arabic catalogue's
    CHECK(ar.event_date(interval(calendar, "2018-11-09")) == "٩ تشرين الثاني ٢٠١٨");
    CHECK(ar.event_date(interval(calendar, "2018-11")) == "تشرين الثاني ٢٠١٨");
    CHECK(ar.event_date(interval(calendar, "2018-11-09", true)) == "نحو ٩ تشرين الثاني ٢٠١٨");
    CHECK(ar.tick(calendar.start_of(std::get<CivilDate>(parse_iso_date("2018-09-17"))), TimeUnit::day) ==
          "١٧ أيلول");
    CHECK(ar.number(23) == "٢٣");
}

TEST_CASE("tick labels follow the tick unit") {
    Calendar calendar("UTC");
    DateFormatter en("en-GB", "en", "UTC");
    Instant t = calendar.start_of(std::get<CivilDate>(parse_iso_date("2018-11-09T14:00")));
    CHECK(en.tick(t, TimeUnit::year) == "2018");
    CHECK(en.tick(t, TimeUnit::month) == "Nov 2018");
    CHECK(en.tick(t, TimeUnit::day) == "9 Nov");
    CHECK(en.tick(t, TimeUnit::hour) == "14:00");
}

TEST_CASE("durations read as words in the edition's language") {
    DateFormatter en("en-GB", "en", "UTC");
    DateFormatter ar("ar-SY", "ar", "UTC");
    CHECK(en.duration(Duration{0, 0, 0, 0, 3, 0, 0}) == "3 hours");
    CHECK(en.duration(Duration{0, 0, 0, 1, 6, 0, 0}) == "1 day, 6 hours");
    CHECK(en.duration(Duration{}) == "0 minutes");
    CHECK(ar.duration(Duration{0, 0, 0, 0, 3, 0, 0}) == "٣ ساعات");
}

TEST_CASE("Hijri dates in the Umm al-Qura calendar, alone or beside the Gregorian") {
    Calendar calendar("Asia/Damascus");
    Interval day = interval(calendar, "2018-11-10");
    CHECK(DateFormatter("en-GB", "en", "Asia/Damascus", "islamic-umalqura").event_date(day) == "2 Rabiʻ I 1440 AH");
    CHECK(DateFormatter("en-GB", "en", "Asia/Damascus", "gregorian+islamic-umalqura").event_date(day) ==
          "10 November 2018 (2 Rabiʻ I 1440 AH)");
    CHECK(DateFormatter("ar-SY", "ar", "Asia/Damascus", "gregorian+islamic-umalqura").event_date(day) ==
          "١٠ تشرين الثاني ٢٠١٨ (٢ ربيع الأول ١٤٤٠ هـ)");
    // A Gregorian month straddles two Hijri months: the Hijri side says so.
    CHECK(DateFormatter("en-GB", "en", "Asia/Damascus", "gregorian+islamic-umalqura").event_date(interval(calendar, "2018-11")) ==
          "November 2018 (Safar\u2009–\u2009Rabiʻ I 1440 AH)");  // thin spaces, as CLDR has them
}

TEST_CASE("deep time reads as years ago, in the edition's words and digits") {
    Calendar calendar("UTC");
    auto at = [&](const char* year) { return interval(calendar, year); };
    DateFormatter en("en-GB", "en", "UTC");
    DateFormatter ar("ar-SY", "ar", "UTC");
    CHECK(en.event_date(at("-13800000000")) == "13.8 billion years ago");
    CHECK(en.event_date(at("-66000000")) == "66 million years ago");
    CHECK(en.event_date(at("-0044")) == "45 BC");  // astronomical year -44 is 45 BC
    CHECK(ar.event_date(at("-13800000000")) == "قبل ١٣٫٨ مليار سنة");
    CHECK(en.tick(calendar.start_of(std::get<CivilDate>(parse_iso_date("-10000000000"))), TimeUnit::year, 1000000000) ==
          "10 billion years ago");
}

TEST_CASE("deep time instants: mean years, steps of billions") {
    Calendar calendar("UTC");
    Instant big_bang = calendar.start_of(std::get<CivilDate>(parse_iso_date("-13800000000")));
    CHECK(mean_year_of(big_bang) == -13800000000LL);
    CHECK(is_deep_time(big_bang));
    CHECK(calendar.floor(big_bang, TimeUnit::year, 1000000000) ==
          calendar.start_of(std::get<CivilDate>(parse_iso_date("-14000000000"))));
    CHECK(calendar.add(big_bang, TimeUnit::year, 1000000000) ==
          calendar.start_of(std::get<CivilDate>(parse_iso_date("-12800000000"))));
}

TEST_CASE("uncertain dates and open ends, in English and Arabic") {
    Calendar calendar("Asia/Damascus");
    DateFormatter en("en-GB", "en", "Asia/Damascus"), ar("ar-SY", "ar", "Asia/Damascus");
    ar.set_words({"نحو {date}", "{date}؟", "منذ {date}", "حتى {date}"});  // the Arabic catalogue's
    Interval perhaps = interval(calendar, "2018-11-09");
    perhaps.uncertain = true;
    CHECK(en.event_date(perhaps) == "9 November 2018?");
    CHECK(ar.event_date(perhaps) == "٩ تشرين الثاني ٢٠١٨؟");
    perhaps.approximate = true;  // "%": both
    CHECK(en.event_date(perhaps) == "c. 9 November 2018?");

    Interval ongoing = interval(calendar, "2018-11-09");
    ongoing.is_range = ongoing.open_end = true;
    CHECK(en.event_date(ongoing) == "since 9 November 2018");
    CHECK(ar.event_date(ongoing) == "منذ ٩ تشرين الثاني ٢٠١٨");
    Interval until = interval(calendar, "2018-11");
    until.is_range = until.open_start = true;
    CHECK(en.event_date(until) == "until November 2018");
    CHECK(ar.event_date(until) == "حتى تشرين الثاني ٢٠١٨");
}

// A locale may carry a calendar of its own (fa-IR: the Persian one; "-u-ca-…"): the calendar
// asked for wins, never silently the locale's.
TEST_CASE("the calendar asked for wins over the one a locale carries") {
    Calendar calendar("UTC");
    Interval day = interval(calendar, "2018-11-09");
    std::string persian = DateFormatter("fa-IR", "fa", "UTC", "gregorian").event_date(day);
    CAPTURE(persian);
    CHECK(persian.find("۲۰۱۸") != std::string::npos);  // 2018 in the locale's digits
    CHECK(persian.find("۱۳۹۷") == std::string::npos);  // not the Persian year
    std::string hebrew = DateFormatter("en-US-u-ca-hebrew", "en", "UTC", "gregorian").event_date(day);
    CAPTURE(hebrew);
    CHECK(hebrew == "November 9, 2018");
    std::string hijri = DateFormatter("fa-IR", "fa", "UTC", "islamic-umalqura").event_date(day);
    CAPTURE(hijri);
    CHECK(hijri.find("۱۴۴۰") != std::string::npos);  // 1440 AH
}

namespace {

// The EDTF range FROM/TO ("0800/0900"): from the start of the first to the end of the last.
Interval range(const Calendar& calendar, const char* from, const char* to) {
    CivilDate a = std::get<CivilDate>(parse_iso_date(from)), b = std::get<CivilDate>(parse_iso_date(to));
    return {.start = calendar.start_of(a), .end = calendar.end_of(b), .precision = a.precision, .is_range = true};
}

// A date or range (`to` null: a date) in UTC, and how `locale` writes it in `calendar`.
struct Written {
    const char *calendar, *locale, *from, *to, *text;
};

void check_written(const std::vector<Written>& cases) {
    Calendar utc("UTC");
    for (const Written& c : cases) {
        std::string system = c.calendar, locale = c.locale, from = c.from, to = c.to ? c.to : "";
        CAPTURE(system);
        CAPTURE(locale);
        CAPTURE(from);
        CAPTURE(to);
        DateFormatter dates(c.locale, c.locale, "UTC", c.calendar);
        CHECK(dates.event_date(c.to ? range(utc, c.from, c.to) : interval(utc, c.from)) == std::string(c.text));
    }
}

}  // namespace

// Instants are proleptic Gregorian (astronomical year 0 is 1 BC), and so must every date written
// of them be, ranges too: ICU's range formats switch to the Julian calendar before 15 October
// 1582, which read 800–900 as "799 – 900" and -50000/-40000 as "50000 – 40000 BC".
TEST_CASE("dates and ranges before 1582 and BC read the proleptic Gregorian years of their instants") {
    check_written({
        {"gregorian", "en", "0800", "0900", "800\u2009–\u2009900"},
        {"gregorian", "en", "1500", "1600", "1500\u2009–\u20091600"},
        {"gregorian", "en", "-50000", "-40000", "50001\u2009–\u200940001 BC"},
        {"gregorian", "en", "1581-12", "1583-01", "December 1581\u2009–\u2009January 1583"},
        {"gregorian", "en", "-0001", "0000", "2\u2009–\u20091 BC"},
        {"gregorian", "en", "-0001", nullptr, "2 BC"},
        {"gregorian", "en", "0000", nullptr, "1 BC"},
        {"gregorian", "en", "-50000", nullptr, "50001 BC"},
        {"gregorian", "en", "0800", nullptr, "800"},
        {"gregorian", "en", "1581-12", nullptr, "December 1581"},
        {"gregorian", "ar", "0800", "0900", "٨٠٠–٩٠٠"},
        {"gregorian", "ar", "1500", "1600", "١٥٠٠–١٦٠٠"},
        {"gregorian", "ar", "-50000", "-40000", "٥٠٠٠١ – ٤٠٠٠١ ق.م"},
        {"gregorian", "ar", "1581-12", "1583-01", "ديسمبر ١٥٨١ – يناير ١٥٨٣"},
        {"gregorian", "ar", "-0001", "0000", "٢ – ١ ق.م"},
        {"gregorian", "ar", "-0001", nullptr, "٢ ق.م"},
        {"gregorian", "ar", "0000", nullptr, "١ ق.م"},
        {"gregorian", "ar", "-50000", nullptr, "٥٠٠٠١ ق.م"},
        {"gregorian", "ar", "0800", nullptr, "٨٠٠"},
        {"gregorian", "fr", "0800", "0900", "800–900"},
        {"gregorian", "fr", "1500", "1600", "1500–1600"},
        {"gregorian", "fr", "-50000", "-40000", "50001–40001\u00a0av. J.-C."},
        {"gregorian", "fr", "1581-12", "1583-01", "décembre 1581\u2009–\u2009janvier 1583"},
        {"gregorian", "fr", "-0001", "0000", "2–1\u00a0av. J.-C."},
        {"gregorian", "fr", "-0001", nullptr, "2 av. J.-C."},
        {"gregorian", "fr", "0000", nullptr, "1 av. J.-C."},
        {"gregorian", "fr", "1581-12", nullptr, "décembre 1581"},
    });
}

// The other calendars never had the Julian switch: their ranges of the same instants are what
// ICU writes (PyICU 2.10 on ICU 72.1: DateIntervalFormat of the same skeleton and locale),
// CLDR's thin spaces and all. Hebrew years in English are the one difference: ICU's range adds
// an era ("AM") its single year lacks, so tarikh writes the two years with the fallback
// pattern, as its single Hebrew year reads.
TEST_CASE("Hijri, Persian and Hebrew ranges of old and BC instants are ICU's") {
    check_written({
        {"islamic-umalqura", "en", "0800", "0900", "183\u2009–\u2009288 AH"},
        {"islamic-umalqura", "ar", "1581-12", "1583-01", "شوال ٩٨٩ – محرم ٩٩١ هـ"},
        {"islamic-civil", "fr", "-50000", "-40000", "-52176–-41868\u00a0AH"},
        {"persian", "en", "1581-12", "1583-01", "Azar 960\u2009–\u2009Bahman 961 AP"},
        {"persian", "fr", "-0001", "0000", "-623–-621\u00a0A. P."},
        {"hebrew", "en", "1500", "1600", "5260\u2009–\u20095361"},
        {"hebrew", "ar", "0800", "0900", "٤٥٦٠–٤٦٦١ ص"},
    });
}

// A Persian month alone (a report's span ending in it, an era's end at month precision) is
// written month first, as its ranges write it ("اسفند ۱۳۹۶ تا فروردین ۱۳۹۷"), not CLDR's "y MMMM",
// which set the two the other way round in a right-to-left line.
TEST_CASE("a Persian month alone in Persian is written month first, as in its ranges") {
    Calendar calendar("UTC");
    DateFormatter fa("fa", "fa", "UTC", "persian");
    Interval last_day = interval(calendar, "2018-03-31");
    CHECK(fa.event_date({.start = last_day.start, .end = last_day.end, .precision = Precision::month}) == "فروردین ۱۳۹۷");
    CHECK(fa.event_date(interval(calendar, "2018-03")) == "اسفند ۱۳۹۶ تا فروردین ۱۳۹۷");
    // With the Gregorian calendar CLDR writes it month first already.
    CHECK(DateFormatter("fa", "fa", "UTC", "gregorian").event_date(interval(calendar, "2018-03")) == "مارس ۲۰۱۸");
}

TEST_CASE("a date written before is not taken for another of the same instants") {
    // Dates are remembered by their formats and instants: the precision and whether a range was
    // asked for are part of what is remembered.
    Calendar calendar("Asia/Damascus");
    DateFormatter en("en-GB", "en", "Asia/Damascus");
    Interval month = interval(calendar, "2018-11");
    Interval same_instants_as_days = month;
    same_instants_as_days.precision = Precision::day;
    same_instants_as_days.is_range = true;
    CHECK(en.event_date(month) == "November 2018");
    CHECK(en.event_date(same_instants_as_days) == "1–30 November 2018");
    CHECK(en.event_date(month) == "November 2018");
    // Another language's formats write the same instants in their own words.
    DateFormatter ar("ar-SY", "ar", "Asia/Damascus");
    CHECK(ar.event_date(month) != en.event_date(month));
    CHECK(en.event_date(month) == "November 2018");
}

