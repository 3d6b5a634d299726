// What tarikh asks ICU's date formats for, in one place: the calendars' names (CalendarSystem's
// order) and the date skeletons date_format.cpp formats with. tarikh_date_patterns
// (date_patterns_tool.cpp) lists ICU's pattern for each at build time (time/known_patterns.hpp).
#pragma once

namespace tarikh::date_keys {

inline constexpr const char* kCalendars[] = {"gregorian", "islamic-umalqura", "islamic-civil", "persian", "hebrew"};

// A date at each precision; before year 1 with the era ("G") added. Times of day in the
// locale's clock ("j": 7:00 PM in en-US, 19:00 in en-GB, ٧:٠٠ م in Arabic).
inline constexpr const char *kYear = "y", *kMonth = "MMMMy", *kDay = "dMMMMy", *kMinute = "dMMMMyjmm",
                            *kSecond = "dMMMMyjmmss";
inline constexpr const char* kDates[] = {kYear, kMonth, kDay, kMinute, kSecond};
inline constexpr const char kEra[] = "G";
// A time axis's ticks (years as kYear), and a month grid's title.
inline constexpr const char *kTickMonth = "MMMy", *kTickDay = "dMMM", *kTickMinute = "jmm", *kTickSecond = "jmmss",
                            *kMonthTitle = "yMMMM";
inline constexpr const char* kOthers[] = {kTickMonth, kTickDay, kTickMinute, kTickSecond, kMonthTitle};

}  // namespace tarikh::date_keys
