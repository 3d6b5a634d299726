// The words an edition writes itself: patterns from the message catalogue, punctuation from
// ICU's data for the edition's locale (CLDR's quotation marks and semicolon).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "layout/messages.hpp"

namespace tarikh {

// How an edition words what tarikh writes: a user's catalogue (for the first language asked)
// and the digits of every number ("latn", "arab", "arabext", or "locale": the locale's own).
struct Wording {
    std::shared_ptr<const Catalogue> catalogue;
    std::string digits = "locale";
};

struct Phrases {
    std::string known_date, approximate_date, period;     // chart legend
    std::string continued;                                // after a title carried to a new page
    std::string page_of;                                  // "page {page} of {pages}"
    std::string after;                                    // "{duration} after {title}"
    std::string about;                                    // "about {duration}"
    std::string in_response_to, related_to;               // "related to {title}"
    std::string approximate, uncertain, since, until;     // around a date: "c. {date}"
    std::string figure_range;                             // "{label}: best {value}, between {low} and {high}"
    std::string open_quote, close_quote, dash, list_separator, comma;
    std::string end_unknown, start_unknown;  // around a date whose other end nobody knows
    std::string date_unknown;                // the heading of the events nobody dates
    std::string date_unknown_list;           // "date unknown: {events}", under a chart
    // A density band's and its chronicle paragraphs' words (--aggregate): "Week of {date}", the
    // plural patterns of events and fatalities (plural()), the bars' scale note "… {value}" by
    // measure and period, the note on events without a fatalities figure, a clipped edge period.
    std::string week_of, events, fatalities, scale_events_week, scale_events_month, scale_fatalities_week,
        scale_fatalities_month, no_figure, clipped;
    // The label of a disputed count of fatalities labelled in another language only (an imported
    // table's): "fatalities: best 12, between 10 and 19".
    std::string fatalities_label;
    // Between a date and a place, a place and a lane: " · ", or the edition's dash where the
    // digits are Arabic-Indic or Persian, whose zero (٠ ۰) is a dot like it ("٦:٠٧ م · مرفأ").
    std::string separator;
};

// The edition's words: `own` (a user's catalogue) first, then the built-in one of `lang`, then
// English; the ids taken from English are added to `missing`. Punctuation is `locale`'s.
Phrases phrases_for(const std::string& lang, const std::string& locale, const Catalogue* own = nullptr,
                    std::vector<std::string>* missing = nullptr);

// An ICU plural pattern ("{count, plural, one {# event} other {# events}}") for `count` in
// `locale`'s plural rules and digits; a pattern ICU cannot read gives the bare number.
std::string plural(const std::string& pattern, double count, const std::string& locale);

// Replaces "{name}" in `pattern`.
std::string fill(std::string pattern, const std::string& name, const std::string& value);

// `locale` with the numbering system `digits` asks for ("ar-SY" + "latn" → "ar-SY-u-nu-latn").
std::string locale_with_digits(const std::string& locale, const std::string& digits);

}  // namespace tarikh
