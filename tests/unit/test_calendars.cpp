// Calendars (issue 15): which calendar an edition uses (asked for, the file's, the locale's),
// dates in each never more precise than given, and how calendars are named. Expectations are
// computed with ICU here, not written out, so that they follow ICU's data.
#include <doctest/doctest.h>

#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/smpdtfmt.h>

#include <algorithm>
#include <memory>
#include <variant>

#include <tarikh/calendars.hpp>

#include "fake_shaper.hpp"
#include "io/parse.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/edition.hpp"
#include "scene_items.hpp"
#include "time/date_format.hpp"
#include "time/iso_date.hpp"

using namespace tarikh;
using tarikh::testing::FakeShaper;

namespace {

Interval interval(const Calendar& calendar, const char* text) {
    CivilDate d = std::get<CivilDate>(parse_iso_date(text));
    return {calendar.start_of(d), calendar.end_of(d), d.precision, false, false};
}

// What ICU writes for `t` in `calendar` at `skeleton`, in `locale`, in UTC.
std::string icu_date(const char* locale, const char* calendar, const char* skeleton, Instant t) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale l = icu::Locale::forLanguageTag(locale, status);
    l.setKeywordValue("calendar", calendar, status);
    std::unique_ptr<icu::DateTimePatternGenerator> patterns(icu::DateTimePatternGenerator::createInstance(l, status));
    icu::SimpleDateFormat format(patterns->getBestPattern(skeleton, status), l, status);
    format.setTimeZone(*icu::TimeZone::getGMT());
    icu::UnicodeString text;
    format.format(static_cast<UDate>(t) * 1000.0, text);
    REQUIRE(U_SUCCESS(status));
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The date of the first event of a timeline with these header fields, as an edition in
// `lang` writes it with the calendar option `asked` ("" for none).
std::string first_date(const std::string& header, const std::string& lang, const std::string& asked) {
    std::string json = R"({"format": "tarikh/1", "languages": ["fa", "en"], "locales": {"fa": "fa-IR", "en": "en-GB"},)" +
                       header + R"("events": [{"id": "a", "date": "2018-11-09", "title": "x"}]})";
    ParseResult parsed = parse_timeline(json, "t.json");
    REQUIRE(parsed.timeline);
    FakeShaper shaper;
    Layout out;
    Theme theme;
    EditionContext e(*parsed.timeline, lang, asked, shaper, out, theme);
    return e.dates.event_date(resolve_event_times(*parsed.timeline, e.calendar).front());
}

}  // namespace

TEST_CASE("calendars by name: one, or two joined by a plus, and nothing else") {
    CHECK(*parse_calendars("persian") == Calendars{CalendarSystem::persian});
    CHECK(*parse_calendars("gregorian+islamic-civil") == Calendars{CalendarSystem::gregorian, CalendarSystem::islamic_civil});
    CHECK(calendars_name({CalendarSystem::hebrew, CalendarSystem::islamic_umalqura}) == "hebrew+islamic-umalqura");
    for (const char* name : {"gregorian", "islamic-umalqura", "islamic-civil", "persian", "hebrew", "persian+hebrew"})
        CHECK(calendars_name(*parse_calendars(name)) == name);
    CHECK(parse_calendars("julian").diagnostics.front().message ==
          "expected gregorian, islamic-umalqura, islamic-civil, persian or hebrew, found \"julian\"");
    CHECK(parse_calendars("gregorian+persian+hebrew").diagnostics.front().message ==
          "expected one calendar or two joined by \"+\", found 3 in \"gregorian+persian+hebrew\"");
    CHECK(!parse_calendars("persian+persian"));
    CHECK(!parse_calendars(""));
    CHECK(!parse_calendars("gregorian+"));
}

TEST_CASE("the locale's calendar only when neither the option nor the file names one") {
    Calendar utc("UTC");
    Instant day = interval(utc, "2018-11-09").start;
    const std::string persian = icu_date("fa-IR", "persian", "dMMMMy", day);
    const std::string gregorian = icu_date("fa-IR", "gregorian", "dMMMMy", day);
    CHECK(first_date("", "fa", "") == persian);                                    // fa-IR carries it
    CHECK(first_date("", "fa", "gregorian") == gregorian);                         // the option wins
    CHECK(first_date(R"("calendar": "gregorian",)", "fa", "") == gregorian);       // the file wins
    CHECK(first_date(R"("calendar": "hebrew",)", "fa", "gregorian") == gregorian); // the option over the file
    CHECK(first_date("", "en", "") == icu_date("en-GB", "gregorian", "dMMMMy", day));
    CHECK(first_date(R"("calendar": "persian",)", "en", "") == icu_date("en-GB", "persian", "dMMMMy", day));
}

TEST_CASE("a file's calendar is one or two known calendars") {
    ParseResult parsed = parse_timeline(R"({"format": "tarikh/1", "calendar": "gregorian+julian", "events": []})", "t.json");
    REQUIRE(!parsed.diagnostics.empty());
    CHECK(parsed.diagnostics.front().pointer == "/calendar");
    CHECK(has(parsed.diagnostics.front().message, "found \"julian\""));
    ParseResult two = parse_timeline(R"({"format": "tarikh/1", "calendar": "gregorian+hebrew",
                                                     "events": [{"id": "a", "date": "2018", "title": "x"}]})", "t.json");
    REQUIRE(two.timeline);
    CHECK(two.timeline->calendar == Calendars{CalendarSystem::gregorian, CalendarSystem::hebrew});
}

// March 2017 runs from Esfand 1395 into Farvardin 1396, from Adar into Nisan 5777, from
// Jumada II into Rajab 1438; the year 2017 over two years of each.
// "1395 AP" → "1395": the year's number, in the locale's digits, without its era.
static std::string first_word(const std::string& text) { return text.substr(0, text.find(' ')); }

TEST_CASE("a month or a year in another calendar is the span it covers there, a day is exact") {
    Calendar utc("UTC");
    Interval month = interval(utc, "2017-03"), year = interval(utc, "2017"), day = interval(utc, "2017-03-25");
    Instant last_of_month = month.end - 1, last_of_year = year.end - 1;
    for (const char* calendar : {"persian", "hebrew", "islamic-umalqura", "islamic-civil"})
        for (const char* locale : {"en-GB", "ar-SY", "fa-IR"}) {
            CAPTURE(calendar);
            CAPTURE(locale);
            DateFormatter dates(locale, "en", "UTC", calendar);
            std::string month_text = dates.event_date(month);
            CAPTURE(month_text);
            CHECK(has(month_text, icu_date(locale, calendar, "MMMM", month.start)));
            CHECK(has(month_text, icu_date(locale, calendar, "MMMM", last_of_month)));
            CHECK(icu_date(locale, calendar, "MMMM", month.start) != icu_date(locale, calendar, "MMMM", last_of_month));
            std::string year_text = dates.event_date(year);
            CAPTURE(year_text);
            CHECK(has(year_text, first_word(icu_date(locale, calendar, "y", year.start))));
            CHECK(has(year_text, first_word(icu_date(locale, calendar, "y", last_of_year))));
            CHECK(dates.event_date(day) == icu_date(locale, calendar, "dMMMMy", day.start));
        }
    // The Gregorian side stays as given; the other is the span.
    DateFormatter both("en-GB", "en", "UTC", "gregorian+persian");
    std::string both_text = both.event_date(month);
    CHECK(both_text.rfind("March 2017 (Esfand 1395", 0) == 0);
    CHECK(has(both_text, "Farvardin 1396"));
}

TEST_CASE("an edition names its calendars in its own language, when there is something to say") {
    DateFormatter en("en-GB", "en", "UTC", "gregorian+persian");
    CHECK(en.calendars() == Calendars{CalendarSystem::gregorian, CalendarSystem::persian});
    CHECK(en.calendar_names() == "Gregorian Calendar and Persian Calendar");
    CHECK(en.calendars_worth_noting());
    CHECK(!DateFormatter("en-GB", "en", "UTC", "gregorian").calendars_worth_noting());
    CHECK(!DateFormatter("ar-SY", "ar", "UTC", "").calendars_worth_noting());
    CHECK(DateFormatter("fa-IR", "fa", "UTC", "gregorian").calendars_worth_noting());  // not the locale's own
    DateFormatter fa("fa-IR", "fa", "UTC", "");
    CHECK(fa.calendars() == Calendars{CalendarSystem::persian});
    CHECK(fa.calendar_names() != "persian");  // ICU's words, not the key
    CHECK(!has(fa.calendar_names(), "Calendar"));
}

TEST_CASE("a chronicle's running header names the calendars, only when there is something to say") {
    auto header_texts = [](const Timeline& t, const std::string& lang, const std::string& calendar) {
        FakeShaper shaper;
        Layout layout = layout_chronicle(t, ChronicleOptions{{lang}, *page_setup("A4", false), calendar}, shaper);
        std::vector<std::string> texts;
        for (const TextItem* text : testing::text_items(layout.scene.pages.front().items))
            for (const auto& run : text->runs) texts.push_back(run.text);
        return texts;
    };
    auto holds = [](const std::vector<std::string>& texts, const std::string& part) {
        return std::any_of(texts.begin(), texts.end(), [&](const std::string& s) { return has(s, part); });
    };
    std::string json = R"({"format": "tarikh/1", "languages": ["fa", "en"], "locales": {"fa": "fa-IR", "en": "en-GB"},
                           "title": "t", "events": [{"id": "a", "date": "2018-11-09", "title": "x"}]})";
    ParseResult parsed = parse_timeline(json, "t.json");
    REQUIRE(parsed.timeline);
    const Timeline& t = *parsed.timeline;
    DateFormatter fa("fa-IR", "fa", "UTC", "");
    CHECK(holds(header_texts(t, "fa", ""), fa.calendar_name(CalendarSystem::persian)));
    CHECK(holds(header_texts(t, "fa", "gregorian"), fa.calendar_name(CalendarSystem::gregorian)));  // not fa-IR's own
    CHECK(holds(header_texts(t, "en", "hebrew"), "Hebrew Calendar"));
    CHECK(!holds(header_texts(t, "en", ""), "Calendar"));  // en-GB in the Gregorian: nothing to say
}

namespace {

// ICU's own range of [from, to] at `skeleton`, as DateIntervalFormat writes it, in UTC.
std::string icu_range(const char* locale, const char* calendar, const char* skeleton, Instant from, Instant to) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale l = icu::Locale::forLanguageTag(locale, status);
    l.setKeywordValue("calendar", calendar, status);
    std::unique_ptr<icu::DateIntervalFormat> format(icu::DateIntervalFormat::createInstance(skeleton, l, status));
    format->setTimeZone(*icu::TimeZone::getGMT());
    icu::DateInterval range(static_cast<UDate>(from) * 1000.0, static_cast<UDate>(to) * 1000.0);
    icu::UnicodeString text = format->formatToValue(range, status).toString(status);
    REQUIRE(U_SUCCESS(status));
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string replace_last(std::string text, const std::string& part, const std::string& with) {
    size_t at = text.rfind(part);
    REQUIRE(at != std::string::npos);
    return text.replace(at, part.size(), with);
}

}  // namespace

TEST_CASE("a month range in another calendar reads as the locale writes that calendar's ranges") {
    Calendar utc("UTC");
    // November 2018 runs from Aban into Azar 1397. ICU 72 writes Persian's "LLLL تا MMMM y"
    // with the first month twice ("آبان تا آبان ۱۳۹۷"); tarikh writes the second one right.
    Interval november = interval(utc, "2018-11");
    std::string aban = icu_date("fa-IR", "persian", "MMMM", november.start);
    std::string azar = icu_date("fa-IR", "persian", "MMMM", november.end - 1);
    std::string icu = icu_range("fa-IR", "persian", "MMMMy", november.start, november.end - 1);
    CHECK(DateFormatter("fa-IR", "fa", "UTC", "persian").event_date(november) == replace_last(icu, aban, azar));
    // Across two Persian years ICU's pattern splits: its range as it is.
    Interval march = interval(utc, "2018-03");
    CHECK(DateFormatter("fa-IR", "fa", "UTC", "persian").event_date(march) ==
          icu_range("fa-IR", "persian", "MMMMy", march.start, march.end - 1));
    // Sorani has range patterns for Gregorian dates only ("G y MMMM–MMMM" for the rest): each
    // end as Sorani writes one Persian month ("MMMMی y"), joined as its other ranges are.
    std::string sorani = DateFormatter("ckb-IQ", "ckb", "UTC", "persian").event_date(november);
    CAPTURE(sorani);
    CHECK(sorani == icu_date("ckb-IQ", "persian", "MMMMy", november.start) + " – " +
                        icu_date("ckb-IQ", "persian", "MMMMy", november.end - 1));
}

TEST_CASE("Hebrew-calendar dates in Hebrew keep ICU's Hebrew numerals, unless digits are asked for") {
    Calendar utc("UTC");
    Interval day = interval(utc, "2018-11-09"), month = interval(utc, "2018-11");
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale hebrew("he_IL@calendar=hebrew");
    std::unique_ptr<icu::DateFormat> own(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, hebrew));
    REQUIRE(own);
    own->setTimeZone(*icu::TimeZone::getGMT());
    icu::UnicodeString long_date;
    own->format(static_cast<UDate>(day.start) * 1000.0, long_date);
    std::string icu;
    long_date.toUTF8String(icu);  // "א׳ בכסלו תשע״ט"
    REQUIRE(U_SUCCESS(status));
    DateFormatter dates("he-IL", "he", "UTC", "hebrew");
    CHECK(dates.event_date(day) == icu);
    // A month's range has the same year, in the same numerals.
    std::string range = dates.event_date(month);
    CAPTURE(range);
    CHECK(has(range, icu.substr(icu.rfind(' ') + 1)));
    // --digits latn: the locale's own patterns, in Western digits.
    CHECK(DateFormatter("he-IL-u-nu-latn", "he", "UTC", "hebrew").event_date(day) ==
          icu_date("he-IL-u-nu-latn", "hebrew", "dMMMMy", day.start));
}

TEST_CASE("a calendar view's Gregorian month names the months of the other calendar it spans") {
    Calendar utc("UTC");
    Interval november = interval(utc, "2018-11");
    for (const char* locale : {"en-GB", "fa-IR"}) {
        CAPTURE(locale);
        DateFormatter persian(locale, "en", "UTC", "persian");
        CHECK(persian.month_title(november.start) ==
              icu_date(locale, "gregorian", "yMMMM", november.start) + " (" + persian.event_date(november) + ")");
        CHECK(DateFormatter(locale, "en", "UTC", "gregorian").month_title(november.start) ==
              icu_date(locale, "gregorian", "yMMMM", november.start));
    }
}
