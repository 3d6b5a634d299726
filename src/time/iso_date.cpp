#include "time/iso_date.hpp"

#include <cctype>
#include <limits>

namespace tarikh {
namespace {

// Reads exactly `digits` decimal digits at `pos`.
bool read_fixed(std::string_view s, size_t& pos, int digits, int& out) {
    if (pos + digits > s.size()) return false;
    int value = 0;
    for (int i = 0; i < digits; ++i) {
        char c = s[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        value = value * 10 + (c - '0');
    }
    pos += digits;
    out = value;
    return true;
}

bool is_leap(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

int days_in_month(std::int64_t year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

std::variant<CivilDate, std::string> parse_iso_date(std::string_view s) {
    CivilDate d;
    // EDTF qualifiers apply to the whole date when they close it.
    while (!s.empty() && (s.back() == '~' || s.back() == '?' || s.back() == '%')) {
        char q = s.back();
        d.approximate |= q == '~' || q == '%';
        d.uncertain |= q == '?' || q == '%';
        s.remove_suffix(1);
    }
    size_t pos = 0;
    bool negative = false;
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) negative = s[pos++] == '-';
    size_t year_start = pos;
    std::int64_t year = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
        if (year > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return "the year is too large";
        year = year * 10 + (s[pos++] - '0');
    }
    size_t year_digits = pos - year_start;
    if (year_digits < 4) return "expected a year of at least four digits";
    if (year_digits > 4 && year_start == 0) return "a year of more than four digits needs a sign (+ or -)";
    // Deep time reaches the Big Bang and beyond, but not past what an instant can hold.
    if (year > 100'000'000'000LL) return "expected a year between -100000000000 and +100000000000";
    d.year = negative ? -year : year;
    d.precision = Precision::year;
    if (pos == s.size()) return d;

    int month = 0;
    if (s[pos] != '-' || !read_fixed(s, ++pos, 2, month)) return "expected -MM after the year";
    if (month < 1 || month > 12) return "month " + std::to_string(month) + " is out of range";
    d.month = month;
    d.precision = Precision::month;
    if (pos == s.size()) return d;

    int day = 0;
    if (s[pos] != '-' || !read_fixed(s, ++pos, 2, day)) return "expected -DD after the month";
    if (day < 1 || day > days_in_month(d.year, month))
        return "day " + std::to_string(day) + " does not exist in that month";
    d.day = day;
    d.precision = Precision::day;
    if (pos == s.size()) return d;

    int hour = 0, minute = 0, second = 0;
    if (s[pos] != 'T' || !read_fixed(s, ++pos, 2, hour)) return "expected THH:MM after the day";
    if (pos >= s.size() || s[pos] != ':' || !read_fixed(s, ++pos, 2, minute))
        return "expected THH:MM after the day";
    d.precision = Precision::minute;
    if (pos < s.size() && s[pos] == ':') {
        if (!read_fixed(s, ++pos, 2, second)) return "expected :SS after the minutes";
        d.precision = Precision::second;
    }
    if (hour > 23 || minute > 59 || second > 59) return "the time of day is out of range";
    d.hour = hour, d.minute = minute, d.second = second;
    if (pos == s.size()) return d;

    if (s[pos] == 'Z') {
        d.utc_offset_minutes = 0;
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int sign = s[pos] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!read_fixed(s, ++pos, 2, oh)) return "expected a UTC offset like +03:00";
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (!read_fixed(s, pos, 2, om)) return "expected a UTC offset like +03:00";
        if (oh > 18 || om > 59) return "the UTC offset is out of range";
        d.utc_offset_minutes = sign * (oh * 60 + om);
    }
    if (pos != s.size()) return "unexpected \"" + std::string(s.substr(pos)) + "\" after the date";
    return d;
}

std::variant<Duration, std::string> parse_iso_duration(std::string_view s) {
    Duration d;
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.empty() || s.front() != 'P') return "expected an ISO 8601 duration such as PT3H";
    s.remove_prefix(1);
    bool in_time = false, any = false;
    while (!s.empty()) {
        if (s.front() == 'T') {
            if (in_time) return "a duration has one T";
            in_time = true;
            s.remove_prefix(1);
            continue;
        }
        std::int64_t value = 0;
        size_t digits = 0;
        while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) {
            if (value > 1'000'000'000'000LL) return "the duration is too large";
            value = value * 10 + (s[digits++] - '0');
        }
        if (digits == 0 || digits == s.size()) return "expected a number and a unit (Y, M, W, D, H, M, S)";
        char unit = s[digits];
        s.remove_prefix(digits + 1);
        std::int64_t* field = nullptr;
        if (!in_time) {
            field = unit == 'Y' ? &d.years : unit == 'M' ? &d.months : unit == 'W' ? &d.weeks
                  : unit == 'D' ? &d.days : nullptr;
        } else {
            field = unit == 'H' ? &d.hours : unit == 'M' ? &d.minutes : unit == 'S' ? &d.seconds : nullptr;
        }
        if (!field) return std::string("unknown duration unit ") + unit;
        *field = negative ? -value : value;
        any = true;
    }
    if (!any) return "expected an ISO 8601 duration such as PT3H";
    return d;
}

}  // namespace tarikh
