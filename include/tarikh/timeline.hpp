// The timeline model: plain value types for format v1 (DESIGN §2), as load_file gives
// them. No I/O, no drawing.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tarikh/calendars.hpp>
#include <tarikh/color.hpp>

namespace tarikh {

// One string per language tag, in document order.
struct LocalizedText {
    std::vector<std::pair<std::string, std::string>> values;

    bool empty() const { return values.empty(); }
    // The text in `lang`, else the first one; nullptr when empty.
    const std::string* find(const std::string& lang) const;
};

// How finely a date was given; a date is never shown finer than this.
enum class Precision { year, month, day, hour, minute, second };

// A calendar date as written, in local time unless it carries an offset.
struct CivilDate {
    std::int64_t year = 0;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0;
    Precision precision = Precision::year;
    std::optional<int> utc_offset_minutes;  // set when the string had Z or ±hh:mm
    bool approximate = false;               // EDTF "~" or "%"
    bool uncertain = false;                 // EDTF "?" or "%"
    // A fraction of a second as written ("59.042": 42000000 ns, 3 digits). Instants count whole
    // seconds, finer than any axis resolves: the fraction is kept, never drawn or shown.
    std::int32_t nanosecond = 0;
    int fraction_digits = 0;
};

// An ISO 8601 duration, kept by calendar field so that "P1M" means one calendar month.
struct Duration {
    std::int64_t years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0;
};

struct RelativeDate {
    std::string event;  // id of the event this one follows
    Duration offset;
};

struct DateSpec {
    std::optional<CivilDate> date;  // absolute start
    std::optional<RelativeDate> after;
    std::optional<CivilDate> end;   // inclusive end of a range, at its own precision
    bool approximate = false;       // the "approximate" key, or "~" on the date
    // EDTF open ends ("2018-11-09/..", "../2018-11-09"): ongoing, or since before anyone
    // knows. With an open start, `date` is the known end.
    bool open_start = false, open_end = false;
    // Of those, the ends EDTF leaves empty ("2018-11-09/"): unknown, not ongoing. Drawn as open
    // ends, worded "end unknown".
    bool start_unknown = false, end_unknown = false;
    // EDTF "XXXX", "XXXX-XX", "XXXX-XX-XX": the event happened, nobody says when. `date` is
    // empty; the event is listed apart, never placed on an axis.
    bool unknown = false;
};

struct Source {
    std::string id;
    LocalizedText name;
    std::string url;
};

struct Lane {
    std::string id;
    LocalizedText label;
    std::optional<Color> color;
};

struct Era {
    std::string id;
    CivilDate start, end;
    LocalizedText label;
    std::optional<Color> color;
};

struct Figure {
    LocalizedText label;
    double value = 0;  // the best estimate
    std::string source;
    // A disputed count's bounds ("best 12, between 10 and 19"); low <= value <= high.
    std::optional<double> low, high;
    std::string kind;  // what is counted: "fatalities", or empty; aggregates sum one kind
};

struct Quote {
    LocalizedText speaker, text;
    std::string source;
};

struct Event {
    std::string id;
    DateSpec when;
    std::string lane;  // empty: the default lane
    LocalizedText title, text, place;
    int importance = 2;
    std::vector<std::string> tags;
    std::vector<Figure> figures;
    std::vector<Quote> quotes;
    std::vector<std::string> sources;
};

struct Link {
    std::string from, to, kind;
    LocalizedText label;
};

// The look a file asks for ("theme"): a built-in theme by name, or a theme of its own.
struct ThemeChoice {
    std::string name;    // "print", …; empty: none named
    std::string object;  // the file's own theme as JSON text, checked when the file was read; empty: none
    std::string folder;  // the file's folder: its own theme's font files are found from there
};

struct Timeline {
    LocalizedText title, subtitle;
    std::vector<std::string> languages;
    std::vector<std::pair<std::string, std::string>> locales;  // language → ICU locale
    std::string author;
    std::string timezone = "UTC";
    Calendars calendar{};  // the file's "calendar"; empty: the locale's
    std::vector<Source> sources;
    std::vector<Lane> lanes;
    std::vector<Era> eras;
    std::vector<Event> events;
    std::vector<Link> links;
    ThemeChoice theme;  // the renderer's --theme wins over it

    // The ICU locale for a language: the "locales" entry, else the tag itself.
    std::string locale_for(const std::string& lang) const;
    // The language missing translations fall back to: the first declared, else "en".
    std::string first_language() const { return languages.empty() ? "en" : languages.front(); }
};

}  // namespace tarikh
