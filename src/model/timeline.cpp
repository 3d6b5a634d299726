#include "model/timeline.hpp"

namespace tarikh {

const std::string* LocalizedText::find(const std::string& lang) const {
    for (const auto& [tag, text] : values)
        if (tag == lang) return &text;
    return values.empty() ? nullptr : &values.front().second;
}

std::string Timeline::locale_for(const std::string& lang) const {
    for (const auto& [tag, locale] : locales)
        if (tag == lang) return locale;
    return lang;
}

}  // namespace tarikh
