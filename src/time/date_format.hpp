// Localized date text through ICU: event dates at their precision, tick labels, numbers.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "time/calendar.hpp"

namespace tarikh {

// The words around a date, each a pattern with "{date}" (from the edition's message catalogue).
struct DateWords {
    std::string approximate = "c. {date}", uncertain = "{date}?", since = "since {date}", until = "until {date}";
};

class DateFormatter {
public:
    // `locale` is an ICU/BCP 47 tag such as "ar-SY"; `lang` picks the wording ("c. …");
    // `calendar` is "gregorian", "islamic-umalqura" or "gregorian+islamic-umalqura" (both).
    DateFormatter(const std::string& locale, const std::string& lang, const std::string& timezone,
                  const std::string& calendar = "gregorian");
    ~DateFormatter();
    // The edition's words around dates; English's until set.
    void set_words(DateWords words);

    // "9 November 2018", "c. November 2018", "9–10 November 2018", ar-SY "٩ تشرين الثاني ٢٠١٨";
    // with both calendars "10 November 2018 (2 Rabiʻ I 1440 AH)".
    std::string event_date(const Interval& interval) const;
    // Tick label for an instant at the given unit: "2018", "Nov 2018", "9 Nov", "14:00" (Gregorian).
    // Years-ago wording once ticks are 100,000 years or more apart, or the time is that old.
    std::string tick(Instant t, TimeUnit unit, std::int64_t step = 1) const;
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

}  // namespace tarikh
