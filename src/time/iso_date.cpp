#include "time/iso_date.hpp"

#include <cctype>
#include <limits>
#include <string>

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
    if (year > kMaxYears) return "expected a year between -100000000000 and +100000000000";
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

namespace {

// One EDTF date: a plain one, or the span an unspecified part or a season stands for.
std::variant<EdtfDate, std::string> parse_edtf_single(std::string_view s) {
    std::string marks;  // ~ ? % apply to both ends of a span
    while (!s.empty() && (s.back() == '~' || s.back() == '?' || s.back() == '%')) {
        marks.insert(marks.begin(), s.back());
        s.remove_suffix(1);
    }
    auto date = [&](const std::string& text) { return parse_iso_date(text + marks); };
    std::string text(s);
    // Unspecified trailing parts: "-XX" for the day or the month and day.
    for (int part = 0; part < 2 && text.size() >= 3 && text.compare(text.size() - 3, 3, "-XX") == 0; ++part)
        text.resize(text.size() - 3);
    if (text.find('X') != std::string::npos) {
        // Only a year's last digits may be unspecified: "201X" a decade, "20XX" a century.
        size_t first_x = text.find('X');
        if (text.find_first_not_of('X', first_x) != std::string::npos || first_x == 0 ||
            text.find('-', 1) != std::string::npos)
            return "only a year's last digits, a month or a day may be unspecified (X)";
        std::string low = text, high = text;
        for (size_t i = first_x; i < text.size(); ++i) low[i] = '0', high[i] = '9';
        auto a = date(low), b = date(high);
        if (auto* reason = std::get_if<std::string>(&a)) return *reason;
        if (auto* reason = std::get_if<std::string>(&b)) return *reason;
        CivilDate from = std::get<CivilDate>(a), to = std::get<CivilDate>(b);
        if (from.year < 0) std::swap(from, to);  // "-001X" runs from -19 to -10
        return EdtfDate{from, to, false, false};
    }
    // Seasons 21–24: spring, summer, autumn, winter, as months of the northern hemisphere.
    size_t dash = text.find('-', 1);
    if (dash != std::string::npos && text.size() == dash + 3 && text[dash + 1] == '2' && text[dash + 2] >= '1' &&
        text[dash + 2] <= '4') {
        int season = text[dash + 2] - '1';
        static const char* const kFirst[] = {"-03", "-06", "-09", "-12"};
        static const char* const kLast[] = {"-05", "-08", "-11", "-02"};
        auto a = date(text.substr(0, dash) + kFirst[season]);
        if (auto* reason = std::get_if<std::string>(&a)) return *reason;
        CivilDate from = std::get<CivilDate>(a), to = from;
        to.month = std::stoi(kLast[season] + 1);
        if (season == 3) ++to.year;  // winter runs into the next year
        return EdtfDate{from, to, false, false};
    }
    auto single = date(text);
    if (auto* reason = std::get_if<std::string>(&single)) return *reason;
    return EdtfDate{std::get<CivilDate>(single), std::nullopt, false, false};
}

}  // namespace

std::variant<EdtfDate, std::string> parse_edtf(std::string_view s) {
    size_t slash = s.find('/');
    if (slash == std::string_view::npos) return parse_edtf_single(s);
    std::string_view left = s.substr(0, slash), right = s.substr(slash + 1);
    if (right.find('/') != std::string_view::npos) return "an interval has one /";
    EdtfDate out;
    out.open_start = left.empty() || left == "..";
    out.open_end = right.empty() || right == "..";
    if (out.open_start && out.open_end) return "an interval needs at least one known end";
    if (!out.open_start) {
        auto a = parse_edtf_single(left);
        if (auto* reason = std::get_if<std::string>(&a)) return "its start: " + *reason;
        out.start = std::get<EdtfDate>(a).start;
    }
    if (!out.open_end) {
        auto b = parse_edtf_single(right);
        if (auto* reason = std::get_if<std::string>(&b)) return "its end: " + *reason;
        const EdtfDate& e = std::get<EdtfDate>(b);
        out.end = e.end ? e.end : e.start;
    }
    return out;
}

std::variant<Duration, DurationError> parse_iso_duration(std::string_view s) {
    Duration d;
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    auto wrong = [](std::string detail = {}) { return DurationError{DurationError::Kind::not_a_duration, std::move(detail)}; };
    if (s.empty() || s.front() != 'P') return wrong();
    s.remove_prefix(1);
    bool in_time = false, any = false;
    while (!s.empty()) {
        if (s.front() == 'T') {
            if (in_time) return wrong("a duration has one T");
            in_time = true;
            s.remove_prefix(1);
            continue;
        }
        std::int64_t value = 0;
        size_t digits = 0;
        while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) {
            if (value > 1'000'000'000'000LL) return wrong("the duration is too large");
            value = value * 10 + (s[digits++] - '0');
        }
        if (digits == 0 || digits == s.size()) return wrong("expected a number and a unit (Y, M, W, D, H, M, S)");
        char unit = s[digits];
        s.remove_prefix(digits + 1);
        std::int64_t* field = nullptr;
        if (!in_time) {
            field = unit == 'Y' ? &d.years : unit == 'M' ? &d.months : unit == 'W' ? &d.weeks
                  : unit == 'D' ? &d.days : nullptr;
        } else {
            field = unit == 'H' ? &d.hours : unit == 'M' ? &d.minutes : unit == 'S' ? &d.seconds : nullptr;
        }
        if (!field) return wrong(std::string("unknown duration unit ") + unit);
        *field = negative ? -value : value;
        any = true;
    }
    if (!any) return wrong();
    // Bounded like years, so that an event placed after another stays within what an instant holds.
    long double years = d.years + d.months / 12.0L + (d.weeks * 7.0L + d.days) / 365.2425L +
                        (d.hours + d.minutes / 60.0L + d.seconds / 3600.0L) / (365.2425L * 24);
    if (years > kMaxYears || years < -kMaxYears) return DurationError{DurationError::Kind::too_long, {}};
    return d;
}

}  // namespace tarikh
