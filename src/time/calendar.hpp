// Time arithmetic in the timeline's time zone, through ICU (proleptic Gregorian).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <tarikh/calendars.hpp>

#include "model/timeline.hpp"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Calendar;
U_NAMESPACE_END

namespace tarikh {

using Instant = std::int64_t;  // seconds since 1970-01-01T00:00Z; ±290 billion years fit

// Beyond a million years from now, calendars mean nothing: "deep time" is counted in mean
// Gregorian years (365.2425 days) and dates are years only.
inline constexpr std::int64_t kDeepTimeYears = 1'000'000;
inline constexpr std::int64_t kSecondsPerMeanYear = 31'556'952;

// True for instants in deep time, where the calendar gives way to plain years.
bool is_deep_time(Instant t);
// The (astronomical) year an instant falls in, by mean years; exact enough for deep time.
std::int64_t mean_year_of(Instant t);

// The span a date covers: a day-precision date covers its whole day.
struct Interval {
    Instant start = 0, end = 0;  // end exclusive
    Precision precision = Precision::day;
    bool approximate = false;  // "~": about then
    bool is_range = false;     // an explicit end was given
    bool uncertain = false;    // "?": perhaps then
    bool open_start = false, open_end = false;  // runs on past the axis's start or end
    bool start_unknown = false, end_unknown = false;  // of those, the ends nobody knows (EDTF "2018/")
    bool unknown = false;  // the date nobody knows (EDTF "XXXX"): start and end say nothing
};

enum class TimeUnit { second, minute, hour, day, month, year };

// Not for concurrent use: its ICU calendar is set and read for each answer (one per thread).
class Calendar {
public:
    // Dates are read in the proleptic Gregorian calendar; another `system` steps and floors
    // by its own months and years (a chart's tick row in that calendar).
    explicit Calendar(const std::string& timezone, CalendarSystem system = CalendarSystem::gregorian);
    ~Calendar();
    Calendar(const Calendar&) = delete;
    Calendar& operator=(const Calendar&) = delete;

    Instant start_of(const CivilDate& date) const;
    Instant end_of(const CivilDate& date) const;  // start of the next unit of its precision
    Instant add(Instant t, const Duration& d) const;
    Instant add(Instant t, TimeUnit unit, std::int64_t count) const;
    // The latest instant <= t that starts a multiple of `step` units. Years: round years as a
    // reader counts them, so in the Gregorian calendar 200 BC, 100 BC, AD 1, 100, 200 (there is
    // no year 0; AD 1 stands in for it, as the year the era starts).
    Instant floor(Instant t, TimeUnit unit, std::int64_t step) const;
    // The tick after `t` (a floor) at `step` units: 100 BC → AD 1 → AD 100 in years.
    Instant next_tick(Instant t, TimeUnit unit, std::int64_t step) const;
    // The start of the ISO week (Monday 00:00 in the zone) that holds t.
    Instant week_start(Instant t) const;
    const std::string& timezone() const { return timezone_; }

private:
    std::string timezone_;
    std::unique_ptr<icu::Calendar> calendar_;
    // ICU's Hijri, Persian and Hebrew years run on through 0 to negative years in one era;
    // the Gregorian calendar goes from 1 BC to AD 1.
    bool has_year_zero_ = true;
};

// True when ICU knows the zone (e.g. "Asia/Damascus").
bool is_known_timezone(const std::string& timezone);

// Intervals of every event, in event order. `after` dates follow their event; the
// model must be free of cycles (parse checks).
std::vector<Interval> resolve_event_times(const Timeline& timeline, const Calendar& calendar);

}  // namespace tarikh
