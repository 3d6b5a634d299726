#include "time/iso_date.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

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

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_mark(char c) { return c == '~' || c == '?' || c == '%'; }

// "EDTF level 2 is not supported: …" for the forms of level 2 found in one date, or nothing.
// Checked first, so that no level 2 form is read as something it is not.
std::optional<std::string> level2_form(std::string_view s) {
    auto level2 = [](const char* what) { return std::string("EDTF level 2 is not supported: ") + what; };
    if (s.find_first_of("[]{}") != std::string_view::npos) return level2("sets of dates ([1667, 1668], {1960, 1961-12})");
    if (!s.empty() && s[0] == 'Y' && s.find('E') != std::string_view::npos) return level2("exponential years (Y17E7)");
    for (size_t i = 1; i + 1 < s.size(); ++i)
        if (s[i] == 'S' && is_digit(s[i - 1]) && is_digit(s[i + 1])) return level2("significant digits (1950S2)");
    // Marks anywhere but at the end qualify a part of the date.
    size_t last = s.find_last_not_of("~?%");
    if (last != std::string_view::npos && s.substr(0, last).find_first_of("~?%") != std::string_view::npos)
        return level2("qualified parts of a date (2004?-06-11, 2004-06-~11)");
    return std::nullopt;
}

// A year written "Y170002" or "Y-170002": EDTF's letter-prefixed year, more than four digits.
std::variant<CivilDate, std::string> parse_y_year(std::string_view s) {
    size_t pos = 1;
    bool negative = pos < s.size() && s[pos] == '-';
    if (negative) ++pos;
    size_t first = pos;
    std::int64_t year = 0;
    while (pos < s.size() && is_digit(s[pos])) {
        if (year > kMaxYears) return "expected a year between -100000000000 and +100000000000";
        year = year * 10 + (s[pos++] - '0');
    }
    if (pos - first < 5) return "expected more than four digits after Y (Y10000); shorter years are written without Y";
    if (s[first] == '0') return "expected no leading zero after Y (Y10000)";
    if (pos < s.size() && s[pos] == '-') return "expected a year alone after Y: a Y year takes no month or day";
    if (pos != s.size()) return "unexpected \"" + std::string(s.substr(pos)) + "\" after the year";
    if (year > kMaxYears) return "expected a year between -100000000000 and +100000000000";
    CivilDate d;
    d.year = negative ? -year : year;
    return d;
}

// "Z", "+03", "+03:00", "+0300": minutes east of UTC, from -12:00 to +14:00.
std::variant<int, std::string> parse_offset(std::string_view s) {
    const std::string form = "expected a UTC offset Z, ±hh, ±hh:mm or ±hhmm";
    if (s == "Z") return 0;
    if (s.empty() || (s[0] != '+' && s[0] != '-')) return form;
    size_t pos = 1;
    int hours = 0, minutes = 0;
    if (!read_fixed(s, pos, 2, hours)) return form;
    if (pos < s.size() && s[pos] == ':') ++pos;
    if (pos < s.size() && !read_fixed(s, pos, 2, minutes)) return form;
    if (pos != s.size() || (s[pos - 1] == ':')) return form;
    if (minutes > 59) return "minute " + std::to_string(minutes) + " of a UTC offset does not exist";
    int total = (s[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
    if (total == 0 && s[0] == '-') return "expected Z or +00:00 for UTC: ISO 8601 has no offset -00:00";
    if (total < -12 * 60 || total > 14 * 60)
        return "expected a UTC offset between -12:00 and +14:00, found " + std::string(s);
    return total;
}

// "T22:05", "T22:05:30", "T22:05:30.042", "T24:00:00", then an offset; sets `d`'s time of day.
std::optional<std::string> parse_time(std::string_view s, CivilDate& d) {
    size_t pos = 1;  // past the T
    int hour = 0, minute = 0, second = 0;
    if (!read_fixed(s, pos, 2, hour) || pos >= s.size() || s[pos] != ':' || !read_fixed(s, ++pos, 2, minute))
        return "expected THH:MM after the day";
    d.precision = Precision::minute;
    if (pos < s.size() && s[pos] == ':') {
        if (!read_fixed(s, ++pos, 2, second)) return "expected :SS after the minutes";
        d.precision = Precision::second;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            size_t first = ++pos;
            std::int32_t nanosecond = 0;
            while (pos < s.size() && is_digit(s[pos])) {
                if (pos - first == 9) return "expected at most nine digits of a second (.123456789)";
                nanosecond = nanosecond * 10 + (s[pos++] - '0');
            }
            if (pos == first) return "expected digits after the decimal sign of the seconds";
            d.fraction_digits = static_cast<int>(pos - first);
            for (int i = d.fraction_digits; i < 9; ++i) nanosecond *= 10;
            d.nanosecond = nanosecond;
        }
    }
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ','))
        return "expected the seconds before a fraction (T10:30:00.5)";
    // 24:00 is the end of the day: the next day's 00:00.
    bool end_of_day = hour == 24 && minute == 0 && second == 0 && d.nanosecond == 0;
    if ((hour > 23 && !end_of_day) || minute > 59 || second > 59)
        return hour == 24 ? "expected 24:00 or 24:00:00 alone: the end of a day has no minutes or seconds"
                          : "the time of day is out of range";
    d.hour = end_of_day ? 0 : hour, d.minute = minute, d.second = second;
    if (end_of_day && ++d.day > days_in_month(d.year, d.month)) {
        d.day = 1;
        if (++d.month > 12) d.month = 1, ++d.year;
    }
    if (pos == s.size()) return std::nullopt;
    if (s[pos] != 'Z' && s[pos] != '+' && s[pos] != '-')
        return "unexpected \"" + std::string(s.substr(pos)) + "\" after the time";
    auto offset = parse_offset(s.substr(pos));
    if (auto* reason = std::get_if<std::string>(&offset)) return *reason;
    d.utc_offset_minutes = std::get<int>(offset);
    return std::nullopt;
}

// The date alone, without the hints for what people type instead of one.
std::variant<CivilDate, std::string> read_iso_date(std::string_view s) {
    if (auto form = level2_form(s)) return *form;
    bool approximate = false, uncertain = false;
    // EDTF qualifiers apply to the whole date when they close it: one of them.
    if (!s.empty() && is_mark(s.back())) {
        char q = s.back();
        approximate = q == '~' || q == '%';
        uncertain = q == '?' || q == '%';
        s.remove_suffix(1);
        if (!s.empty() && is_mark(s.back())) return "expected one mark: ? uncertain, ~ approximate, % both";
    }
    auto qualified = [&](CivilDate d) {
        d.approximate = approximate, d.uncertain = uncertain;
        return d;
    };
    if (!s.empty() && s[0] == 'Y') {
        auto y = parse_y_year(s);
        if (auto* d = std::get_if<CivilDate>(&y)) return qualified(*d);
        return y;
    }
    CivilDate d;
    size_t pos = 0;
    bool negative = false, signed_year = false;
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) negative = s[pos++] == '-', signed_year = true;
    size_t year_start = pos;
    std::int64_t year = 0;
    while (pos < s.size() && is_digit(s[pos])) {
        if (year > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return "the year is too large";
        year = year * 10 + (s[pos++] - '0');
    }
    size_t year_digits = pos - year_start;
    if (year_digits == 2 || year_digits == 3)
        return std::string("expected a year of four digits; ") +
               (year_digits == 2 ? "a century is written 19XX" : "a decade is written 197X");
    if (year_digits < 4) return "expected a year of at least four digits";
    if (year_digits > 4 && !signed_year)
        return "a year of more than four digits needs a sign (+12018, -12018) or a Y (Y12018)";
    // Deep time reaches the Big Bang and beyond, but not past what an instant can hold.
    if (year > kMaxYears) return "expected a year between -100000000000 and +100000000000";
    if (negative && year == 0) return "expected 0000 for the year zero: there is no year -0000";
    d.year = negative ? -year : year;
    d.precision = Precision::year;
    if (pos == s.size()) return qualified(d);

    int month = 0;
    if (s[pos] != '-' || !read_fixed(s, ++pos, 2, month)) return "expected -MM after the year";
    if (month >= 25 && month <= 41)
        return "EDTF level 2 is not supported: seasons, quarters and halves of a year 25–41 (2001-34)";
    if (month < 1 || month > 12) return "month " + std::to_string(month) + " is out of range";
    d.month = month;
    d.precision = Precision::month;
    if (pos == s.size()) return qualified(d);

    int day = 0;
    if (s[pos] != '-' || !read_fixed(s, ++pos, 2, day)) return "expected -DD after the month";
    if (day < 1 || day > days_in_month(d.year, month))
        return "day " + std::to_string(day) + " does not exist in that month";
    d.day = day;
    d.precision = Precision::day;
    if (pos == s.size()) return qualified(d);

    if (s[pos] != 'T') return "expected THH:MM after the day";
    if (auto reason = parse_time(s.substr(pos), d)) return *reason;
    return qualified(d);
}

bool wholly_unspecified(std::string_view s) { return s == "XXXX" || s == "XXXX-XX" || s == "XXXX-XX-XX"; }

// One EDTF date: a plain one, one wholly unspecified, or the span an unspecified part or a
// season stands for.
std::variant<EdtfDate, std::string> parse_edtf_single(std::string_view s) {
    if (auto form = level2_form(s)) return *form;
    std::string marks;  // ~ ? % apply to both ends of a span
    if (!s.empty() && is_mark(s.back())) {
        marks = s.back();
        s.remove_suffix(1);
    }
    auto date = [&](const std::string& text) { return parse_iso_date(text + marks); };
    if (wholly_unspecified(s)) {
        if (!marks.empty()) return "expected no mark after a date nobody knows (XXXX)";
        EdtfDate unknown;
        unknown.unknown = true;
        return unknown;
    }
    std::string text(s);
    // Unspecified trailing parts: "2004-XX", "1985-04-XX", "1985-XX-XX" say a year or a month.
    if (size_t year_end = text.find('-', 1); year_end != std::string::npos) {
        std::string rest = text.substr(year_end);
        if (rest == "-XX" || rest == "-XX-XX") text.resize(year_end);
        else if (rest.size() == 6 && rest.compare(3, 3, "-XX") == 0 && rest.find('X') == 4) text.resize(year_end + 3);
    }
    if (text.find('X') != std::string::npos && text.find_first_not_of("0123456789X-") == std::string::npos) {
        // Level 1 leaves one or two of a year's last digits unspecified: "201X" a decade, "20XX"
        // a century; X anywhere else is level 2.
        bool sign = text[0] == '-';
        std::string_view year = std::string_view(text).substr(sign ? 1 : 0);
        size_t first_x = year.find('X');
        if (year.size() != 4 || year.find_first_not_of('X', first_x) != std::string_view::npos || first_x < 2 ||
            text.size() != s.size())
            return "EDTF level 2 is not supported: unspecified digits beyond a year's last two, a month or a day "
                   "(156X-12-25, 1XXX, 2004-1X)";
        std::string low = text, high = text;
        for (size_t i = text.size() - year.size() + first_x; i < text.size(); ++i) low[i] = '0', high[i] = '9';
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
        static const int kLast[] = {5, 8, 11, 2};
        auto a = date(text.substr(0, dash) + kFirst[season]);
        if (auto* reason = std::get_if<std::string>(&a)) return *reason;
        CivilDate from = std::get<CivilDate>(a), to = from;
        to.month = kLast[season];
        if (season == 3) ++to.year;  // winter runs into the next year
        return EdtfDate{from, to, false, false};
    }
    auto single = date(text);
    if (auto* reason = std::get_if<std::string>(&single)) return *reason;
    return EdtfDate{std::get<CivilDate>(single), std::nullopt, false, false};
}

// An interval's end: a date of level 0, maybe marked ? ~ %. Spans (201X, seasons) are not ends.
std::variant<CivilDate, std::string> parse_interval_end(std::string_view s) {
    if (auto form = level2_form(s)) return *form;
    std::string_view bare = s;
    if (!bare.empty() && is_mark(bare.back())) bare.remove_suffix(1);
    if (wholly_unspecified(bare)) return "expected an empty end for an end nobody knows (\"2018/\", \"/2018\")";
    if (bare.find('X') != std::string_view::npos)
        return "EDTF level 2 is not supported: unspecified digits in an interval (2004-06-XX/2004-07-03); "
               "write the end as far as it is known (2004-06/2004-07-03)";
    auto one = parse_edtf_single(s);
    if (auto* reason = std::get_if<std::string>(&one)) return *reason;
    const EdtfDate& d = std::get<EdtfDate>(one);
    if (d.end) return "expected a date, not a season, at an end of an interval; write its months (2018-03/2018-11)";
    return *d.start;
}

// "20/10/2017", "10/20/2017", "2018/11/09", "20/10", "10/2017", "19.12.2019": a date written the
// way people write it by hand, day and month (either way round) and year between slashes or
// dots, never an ISO interval (an interval's start is not one or two digits). The date itself
// written as ISO when it reads only one way (a day past 12 tells day from month), else empty;
// nothing when `s` is not such a date.
std::optional<std::string> iso_of_hand_written(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    std::vector<int> numbers;
    for (size_t from = 0; from <= s.size();) {
        size_t end = std::min(s.find(separator, from), s.size());
        std::string_view part = s.substr(from, end - from);
        if (part.empty() || part.size() > 4 || part.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
        parts.push_back(part);
        numbers.push_back(std::stoi(std::string(part)));
        from = end + 1;
    }
    if (parts.size() != 3 && !(parts.size() == 2 && parts[0].size() <= 2)) return std::nullopt;
    int year = 0, month = 0, day = 0;  // day 0: a month alone
    if (parts.size() == 3 && parts[0].size() == 4) {
        year = numbers[0], month = numbers[1], day = numbers[2];
    } else if (parts.size() == 3 && parts[2].size() == 4) {
        year = numbers[2];
        int first = numbers[0], second = numbers[1];
        if (first == second || (first > 12 && second <= 12)) day = first, month = second;
        else if (second > 12 && first <= 12) month = first, day = second;
    } else if (parts.size() == 2 && parts[1].size() == 4) {
        year = numbers[1], month = numbers[0];
    }
    bool readable = month >= 1 && month <= 12 && (parts.size() == 2 || (day >= 1 && day <= days_in_month(year, month)));
    if (!readable) return std::string();
    char iso[40];
    if (day == 0) std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
    else std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    return std::string(iso);
}

std::optional<std::string> hand_written_date_hint(std::string_view s, char separator) {
    auto iso = iso_of_hand_written(s, separator);
    if (!iso) return std::nullopt;
    if (iso->empty()) return "write dates as YYYY-MM-DD, e.g. 2017-10-20";
    return "write dates as YYYY-MM-DD: \"" + *iso + "\"";
}

bool parses_as_edtf(std::string_view s) { return std::holds_alternative<EdtfDate>(parse_edtf(s)); }

// A date typed with the Arabic-Indic (٠–٩) or Persian (۰–۹) digits of an Arabic-script keyboard:
// ISO 8601 writes 0–9 only, so the hint gives the date with them; nothing without such digits.
std::optional<std::string> foreign_digits_hint(std::string_view s) {
    std::string ascii;
    bool foreign = false;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char lead = s[i], next = i + 1 < s.size() ? s[i + 1] : 0;
        bool arabic_indic = lead == 0xD9 && next >= 0xA0 && next <= 0xA9;  // U+0660–0669
        bool persian = lead == 0xDB && next >= 0xB0 && next <= 0xB9;       // U+06F0–06F9
        if (arabic_indic || persian) {
            ascii += static_cast<char>('0' + (next & 0x0F));
            foreign = true;
            ++i;
        } else {
            ascii += s[i];
        }
    }
    if (!foreign) return std::nullopt;
    const std::string hint = "write the date with the digits 0–9";
    if (parses_as_edtf(ascii)) return hint + ": \"" + ascii + "\"";
    for (char separator : {'/', '.'})
        if (auto iso = iso_of_hand_written(ascii, separator); iso && !iso->empty())
            return hint + " as YYYY-MM-DD: \"" + *iso + "\"";
    return hint + " as YYYY-MM-DD, e.g. 2017-10-20";
}

// "2019-10-17–2019-10-29": a range written with an en or em dash, as in running text, where
// EDTF's interval has a slash. Nothing unless there is one dash and its sides make an interval
// (which then has no dash: the hint is never looked for again inside it).
std::optional<std::string> dashed_range_hint(std::string_view s) {
    const std::string_view en = "\u2013", em = "\u2014";
    auto count = [&](std::string_view dash) {
        size_t n = 0;
        for (size_t at = s.find(dash); at != std::string_view::npos; at = s.find(dash, at + dash.size())) ++n;
        return n;
    };
    if (count(en) + count(em) != 1) return std::nullopt;
    std::string_view dash = count(en) ? en : em;
    size_t at = s.find(dash);
    auto trimmed = [](std::string_view part) {
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        return std::string(part);
    };
    std::string interval = trimmed(s.substr(0, at)) + "/" + trimmed(s.substr(at + dash.size()));
    if (!parses_as_edtf(interval)) return std::nullopt;
    return "an interval is written with /: \"" + interval + "\"";
}

// What to write instead of a date typed as people write dates elsewhere; nothing for any other
// text, which keeps the reason the reader gave.
std::optional<std::string> typed_date_hint(std::string_view s) {
    if (auto hint = foreign_digits_hint(s)) return hint;
    if (auto hint = hand_written_date_hint(s, '.')) return hint;
    return dashed_range_hint(s);
}

}  // namespace

std::variant<CivilDate, std::string> parse_iso_date(std::string_view s) {
    auto date = read_iso_date(s);
    if (std::holds_alternative<std::string>(date))
        if (auto hint = typed_date_hint(s)) return *hint;
    return date;
}

std::variant<EdtfDate, std::string> parse_edtf(std::string_view s) {
    // Before the slash splits it: the whole date, with 0–9 for its digits.
    if (auto hint = foreign_digits_hint(s)) return *hint;
    size_t slash = s.find('/');
    if (slash == std::string_view::npos) return parse_edtf_single(s);
    if (auto hint = hand_written_date_hint(s, '/')) return *hint;
    std::string_view left = s.substr(0, slash), right = s.substr(slash + 1);
    if (right.find('/') != std::string_view::npos) return "an interval has one /";
    EdtfDate out;
    out.start_unknown = left.empty();
    out.end_unknown = right.empty();
    out.open_start = left.empty() || left == "..";
    out.open_end = right.empty() || right == "..";
    if (out.open_start && out.open_end)
        return "an interval open or unknown at both ends says nothing of when; a date nobody knows is XXXX";
    if (!out.open_start) {
        auto a = parse_interval_end(left);
        if (auto* reason = std::get_if<std::string>(&a)) return "its start: " + *reason;
        out.start = std::get<CivilDate>(a);
    }
    if (!out.open_end) {
        auto b = parse_interval_end(right);
        if (auto* reason = std::get_if<std::string>(&b)) return "its end: " + *reason;
        out.end = std::get<CivilDate>(b);
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
