#include "time/calendar.hpp"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace tarikh {
namespace {

constexpr double kMsPerSecond = 1000.0;

UCalendarDateFields field_of(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::second: return UCAL_SECOND;
        case TimeUnit::minute: return UCAL_MINUTE;
        case TimeUnit::hour: return UCAL_HOUR_OF_DAY;
        case TimeUnit::day: return UCAL_DATE;
        case TimeUnit::month: return UCAL_MONTH;
        case TimeUnit::year: return UCAL_EXTENDED_YEAR;
    }
    return UCAL_DATE;
}

TimeUnit unit_of(Precision p) {
    switch (p) {
        case Precision::year: return TimeUnit::year;
        case Precision::month: return TimeUnit::month;
        case Precision::day: return TimeUnit::day;
        case Precision::hour: return TimeUnit::hour;
        case Precision::minute: return TimeUnit::minute;
        case Precision::second: return TimeUnit::second;
    }
    return TimeUnit::day;
}

// ICU keeps fields in int32; clamp so that absurd inputs cannot overflow it.
std::int32_t clamp32(std::int64_t v) {
    constexpr std::int64_t limit = 5'000'000;  // ICU's calendar covers about ±5.8 million years
    return static_cast<std::int32_t>(std::max(-limit, std::min(limit, v)));
}

Instant to_instant(UDate ms) { return static_cast<Instant>(std::floor(ms / kMsPerSecond)); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Instants held at their ends instead of wrapping; parse refuses dates that would get there.
Instant saturating_add(Instant a, Instant b) {
    Instant r;
    if (__builtin_add_overflow(a, b, &r))
        return b > 0 ? std::numeric_limits<Instant>::max() : std::numeric_limits<Instant>::min();
    return r;
}
Instant saturating_mul(std::int64_t a, std::int64_t b) {
    Instant r;
    if (__builtin_mul_overflow(a, b, &r))
        return (a > 0) == (b > 0) ? std::numeric_limits<Instant>::max() : std::numeric_limits<Instant>::min();
    return r;
}

std::int64_t mean_seconds(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::second: return 1;
        case TimeUnit::minute: return 60;
        case TimeUnit::hour: return 3600;
        case TimeUnit::day: return 86400;
        case TimeUnit::month: return kSecondsPerMeanYear / 12;
        case TimeUnit::year: return kSecondsPerMeanYear;
    }
    return 1;
}

Instant deep_start(std::int64_t year) { return (year - 1970) * kSecondsPerMeanYear; }

}  // namespace

std::int64_t mean_year_of(Instant t) { return 1970 + floor_div(t, kSecondsPerMeanYear); }

bool is_deep_time(Instant t) {
    std::int64_t year = mean_year_of(t);
    return year > kDeepTimeYears || year < -kDeepTimeYears;
}

bool is_known_timezone(const std::string& timezone) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone)));
    return *zone != icu::TimeZone::getUnknown();
}

namespace {

// An ICU calendar of the zone and system, as made the first time on this thread: a batch makes
// several calendars a file, and ICU's making one (its zone and locale data) cost more than a
// clone (~90,000 instructions each).
const icu::Calendar& calendar_prototype(const std::string& timezone, CalendarSystem system) {
    thread_local std::map<std::pair<std::string, CalendarSystem>, std::unique_ptr<icu::Calendar>> made;
    auto& slot = made[{timezone, system}];
    if (slot) return *slot;
    UErrorCode status = U_ZERO_ERROR;
    auto* zone = icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone));
    if (system != CalendarSystem::gregorian) {
        icu::Locale locale(("und@calendar=" + calendars_name({system})).c_str());
        slot.reset(icu::Calendar::createInstance(zone, locale, status));
    } else {
        auto* gregorian = new icu::GregorianCalendar(zone, icu::Locale::getRoot(), status);
        gregorian->setGregorianChange(-std::numeric_limits<double>::max(), status);  // proleptic
        slot.reset(gregorian);
    }
    if (U_FAILURE(status) || !slot) {
        made.erase({timezone, system});
        throw std::runtime_error("cannot create an ICU calendar");
    }
    return *slot;
}

}  // namespace

Calendar::Calendar(const std::string& timezone, CalendarSystem system)
    : timezone_(timezone), calendar_(calendar_prototype(timezone, system).clone()) {
    if (!calendar_) throw std::runtime_error("cannot create an ICU calendar");
    has_year_zero_ = system != CalendarSystem::gregorian;
}

Calendar::~Calendar() = default;

Instant Calendar::start_of(const CivilDate& d) const {
    if (d.year > kDeepTimeYears || d.year < -kDeepTimeYears) return deep_start(d.year);
    auto& cal = *calendar_;
    cal.clear();
    cal.set(UCAL_EXTENDED_YEAR, clamp32(d.year));
    cal.set(UCAL_MONTH, d.month - 1);
    cal.set(UCAL_DATE, d.day);
    cal.set(UCAL_HOUR_OF_DAY, d.hour);
    cal.set(UCAL_MINUTE, d.minute);
    cal.set(UCAL_SECOND, d.second);
    if (d.utc_offset_minutes) {
        // An explicit offset overrides the zone: the fields are that offset's wall time.
        cal.set(UCAL_ZONE_OFFSET, *d.utc_offset_minutes * 60 * 1000);
        cal.set(UCAL_DST_OFFSET, 0);
    }
    UErrorCode status = U_ZERO_ERROR;
    UDate ms = cal.getTime(status);
    return U_FAILURE(status) ? 0 : to_instant(ms);
}

Instant Calendar::end_of(const CivilDate& d) const {
    if (d.year > kDeepTimeYears || d.year < -kDeepTimeYears) return deep_start(d.year + 1);
    return add(start_of(d), unit_of(d.precision), 1);
}

Instant Calendar::add(Instant t, TimeUnit unit, std::int64_t count) const {
    // Deep time, or a step that lands there, counts in mean units; the calendar covers the rest
    // exactly, in steps that fit ICU's int32 fields.
    Instant moved = saturating_add(t, saturating_mul(count, mean_seconds(unit)));
    if (is_deep_time(t) || is_deep_time(moved)) return moved;
    auto& cal = *calendar_;
    UErrorCode status = U_ZERO_ERROR;
    cal.setTime(static_cast<UDate>(t) * kMsPerSecond, status);
    constexpr std::int64_t kStep = 1'000'000'000;
    for (std::int64_t left = count; left != 0 && U_SUCCESS(status);) {
        std::int64_t step = std::clamp(left, -kStep, kStep);
        cal.add(field_of(unit), static_cast<std::int32_t>(step), status);
        left -= step;
    }
    UDate ms = cal.getTime(status);
    return U_FAILURE(status) ? moved : to_instant(ms);
}

Instant Calendar::add(Instant t, const Duration& d) const {
    t = add(t, TimeUnit::year, d.years);
    t = add(t, TimeUnit::month, d.months);
    t = add(t, TimeUnit::day, saturating_add(saturating_mul(d.weeks, 7), d.days));
    return saturating_add(t, saturating_add(saturating_mul(d.hours, 3600),
                                            saturating_add(saturating_mul(d.minutes, 60), d.seconds)));
}

Instant Calendar::week_start(Instant t) const {
    Instant day = floor(t, TimeUnit::day, 1);
    if (is_deep_time(day)) return day;
    UErrorCode status = U_ZERO_ERROR;
    calendar_->setTime(static_cast<UDate>(day) * kMsPerSecond, status);
    const int weekday = calendar_->get(UCAL_DAY_OF_WEEK, status);  // 1 Sunday … 7 Saturday
    if (U_FAILURE(status)) return day;
    return add(day, TimeUnit::day, -((weekday + 5) % 7));
}

Instant Calendar::floor(Instant t, TimeUnit unit, std::int64_t wide_step) const {
    if (unit == TimeUnit::year && (is_deep_time(t) || wide_step >= kDeepTimeYears)) {
        std::int64_t year = mean_year_of(t);
        return deep_start(year - (((year % wide_step) + wide_step) % wide_step));
    }
    const auto step = static_cast<std::int32_t>(std::min<std::int64_t>(wide_step, kDeepTimeYears));
    auto& cal = *calendar_;
    UErrorCode status = U_ZERO_ERROR;
    cal.setTime(static_cast<UDate>(t) * kMsPerSecond, status);
    auto round_down = [step](std::int32_t v, std::int32_t base) {
        std::int32_t k = v - base;
        std::int32_t r = ((k % step) + step) % step;
        return v - r;
    };
    // Before AD 1 the years a reader sees count back: extended year -99 is 100 BC.
    auto round_year = [&](std::int32_t year) {
        if (has_year_zero_) return round_down(year, 0);
        if (year >= 1) return std::max(1, round_down(year, 0));
        std::int32_t back = 1 - year;
        return 1 - (back + (step - back % step) % step);
    };
    switch (unit) {
        case TimeUnit::year: {
            std::int32_t year = cal.get(UCAL_EXTENDED_YEAR, status);
            cal.clear();
            cal.set(UCAL_EXTENDED_YEAR, round_year(year));
            cal.set(UCAL_MONTH, 0);
            cal.set(UCAL_DATE, 1);
            break;
        }
        case TimeUnit::month:
            cal.set(UCAL_MONTH, round_down(cal.get(UCAL_MONTH, status), 0));
            cal.set(UCAL_DATE, 1);
            [[fallthrough]];
        case TimeUnit::day:
            if (unit == TimeUnit::day) cal.set(UCAL_DATE, round_down(cal.get(UCAL_DATE, status), 1));
            cal.set(UCAL_HOUR_OF_DAY, 0);
            [[fallthrough]];
        case TimeUnit::hour:
            if (unit == TimeUnit::hour) cal.set(UCAL_HOUR_OF_DAY, round_down(cal.get(UCAL_HOUR_OF_DAY, status), 0));
            cal.set(UCAL_MINUTE, 0);
            [[fallthrough]];
        case TimeUnit::minute:
            if (unit == TimeUnit::minute) cal.set(UCAL_MINUTE, round_down(cal.get(UCAL_MINUTE, status), 0));
            cal.set(UCAL_SECOND, 0);
            [[fallthrough]];
        case TimeUnit::second:
            if (unit == TimeUnit::second) cal.set(UCAL_SECOND, round_down(cal.get(UCAL_SECOND, status), 0));
            cal.set(UCAL_MILLISECOND, 0);
            break;
    }
    UDate ms = cal.getTime(status);
    return U_FAILURE(status) ? t : to_instant(ms);
}

Instant Calendar::next_tick(Instant t, TimeUnit unit, std::int64_t step) const {
    Instant next = add(t, unit, step);
    // Round years are not evenly apart where a calendar has no year 0.
    return unit == TimeUnit::year ? floor(next, unit, step) : next;
}

std::vector<Interval> resolve_event_times(const Timeline& timeline, const Calendar& calendar) {
    const auto& events = timeline.events;
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < events.size(); ++i) index.emplace(events[i].id, i);

    std::vector<Interval> out(events.size());
    std::vector<char> state(events.size(), 0);  // 0 new, 1 resolving, 2 done
    // Events of one day follow each other: the last date's instants are kept (ICU takes a few
    // thousand instructions for each).
    const CivilDate* last = nullptr;
    Instant last_start = 0, last_end = 0;
    auto instants_of = [&](const CivilDate& date) {
        auto fields = [](const CivilDate& d) {
            return std::tie(d.year, d.month, d.day, d.hour, d.minute, d.second, d.precision, d.utc_offset_minutes);
        };
        if (!last || fields(*last) != fields(date)) {
            last_start = calendar.start_of(date);
            last_end = calendar.end_of(date);
            last = &date;
        }
        return std::pair{last_start, last_end};
    };
    std::function<void(size_t)> resolve = [&](size_t i) {
        if (state[i] != 0) return;  // done, or a cycle that parse already reported
        state[i] = 1;
        const DateSpec& when = events[i].when;
        Interval& iv = out[i];
        if (when.date) {
            std::tie(iv.start, iv.end) = instants_of(*when.date);
            iv.precision = when.date->precision;
            iv.approximate = when.approximate || when.date->approximate;
            iv.uncertain = when.date->uncertain;
        } else if (when.after) {
            auto it = index.find(when.after->event);
            if (it != index.end()) {
                resolve(it->second);
                const Interval& base = out[it->second];
                iv.start = calendar.add(base.start, when.after->offset);
                iv.end = iv.start + (base.end - base.start);
                iv.precision = base.precision;  // no finer than what it follows
                iv.approximate = base.approximate || when.approximate;
                iv.uncertain = base.uncertain;
                iv.unknown = base.unknown;  // after a date nobody knows, nobody knows either
            }
        }
        if (when.end) {
            iv.end = std::max(iv.start, calendar.end_of(*when.end));
            iv.is_range = true;
            iv.approximate = iv.approximate || when.end->approximate;
            iv.uncertain = iv.uncertain || when.end->uncertain;
        }
        iv.open_start = when.open_start;
        iv.open_end = when.open_end;
        iv.start_unknown = when.start_unknown;
        iv.end_unknown = when.end_unknown;
        iv.unknown = iv.unknown || when.unknown;
        iv.is_range = iv.is_range || iv.open_start || iv.open_end;
        state[i] = 2;
    };
    for (size_t i = 0; i < events.size(); ++i) resolve(i);
    return out;
}

}  // namespace tarikh
