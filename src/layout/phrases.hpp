// The few fixed words tarikh writes itself, per edition language (English and Arabic).
#pragma once
#include <string>

namespace tarikh {

struct Phrases {
    std::string known_date, approximate_date, period;     // chart legend
    std::string continued;                                // after a title carried to a new page
    std::string page_of;                                  // "page {page} of {pages}"
    std::string after;                                    // "{duration} after “{title}”"
    std::string about;                                    // prefix of an approximate duration
    std::string in_response_to, related_to;               // link references
    std::string open_quote, close_quote, dash, list_separator;
};

// Arabic for "ar" and its regional tags; English otherwise.
const Phrases& phrases_for(const std::string& lang);

// Replaces "{name}" in `pattern`.
std::string fill(std::string pattern, const std::string& name, const std::string& value);

}  // namespace tarikh
