// Localized date text through ICU: event dates at their precision, tick labels, numbers.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <tarikh/calendars.hpp>

#include "time/calendar.hpp"

namespace tarikh {

// The words around a date, each a pattern with "{date}" (from the edition's message catalogue).
struct DateWords {
    std::string approximate = "c. {date}", uncertain = "{date}?", since = "since {date}", until = "until {date}";
    // An end EDTF leaves empty is not known, which is not "ongoing".
    std::string end_unknown = "from {date}, end unknown", start_unknown = "until {date}, start unknown";
    std::string unknown = "date unknown";  // the whole date: EDTF "XXXX"
};

// Not for concurrent use: its ICU formats keep state as they write (one per thread).
class DateFormatter {
public:
    // `locale` is an ICU/BCP 47 tag such as "ar-SY"; `lang` picks the wording ("c. …");
    // `calendar` is one or two joined by "+" (parse_calendars: "persian", "gregorian+persian");
    // empty: the calendar the locale carries (fa-IR: Persian), else Gregorian.
    DateFormatter(const std::string& locale, const std::string& lang, const std::string& timezone,
                  const std::string& calendar = "gregorian");
    ~DateFormatter();
    // The edition's words around dates; English's until set.
    void set_words(DateWords words);

    // "9 November 2018", "c. November 2018", "9–10 November 2018", ar-SY "٩ تشرين الثاني ٢٠١٨";
    // with both calendars "10 November 2018 (2 Rabiʻ I 1440 AH)". Never more precise than given:
    // a month or year shown in another calendar is the span of its months or years there.
    std::string event_date(const Interval& interval) const;
    // Tick label for an instant at the given unit: "2018", "Nov 2018", "9 Nov", "14:00", in the
    // `row`th calendar shown. Years-ago wording once ticks are 100,000 years or more apart, or
    // the time is that old.
    std::string tick(Instant t, TimeUnit unit, std::int64_t step = 1, size_t row = 0) const;
    // The calendars shown, the first leading.
    Calendars calendars() const;
    // ICU's name of a calendar in the locale's language ("Persian Calendar", "تقویم هجری شمسی"),
    // and of those shown, as a list ("Gregorian Calendar and Persian Calendar").
    std::string calendar_name(CalendarSystem system) const;
    std::string calendar_names() const;
    // Whether an edition should say which calendars it uses: any but the Gregorian alone, or
    // the Gregorian where the locale carries another (fa-IR asked for Gregorian).
    bool calendars_worth_noting() const;
    // An integer in the locale's digits.
    std::string number(double value) const;
    // "3 hours", "1 day, 6 hours"; ar-SY "٣ ساعات".
    std::string duration(const Duration& d) const;
    // For calendar grids: the locale's first day of the week (0 Sunday … 6 Saturday; en-GB
    // Monday, ar-SY Saturday), the day of the week of `t` in the zone, short weekday names
    // from Sunday ("Mon", "الاثنين"), and "November 2018" for a month.
    int first_weekday() const;
    int weekday(Instant t) const;
    std::vector<std::string> weekday_names() const;
    std::string month_title(Instant t) const;

private:
    std::string deep_years(Instant t) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// ICU date pattern generators made on this thread so far (~2 M instructions each, made only for
// a pattern not listed at build time: time/known_patterns.hpp); for tests.
int date_pattern_generators_made();

}  // namespace tarikh
