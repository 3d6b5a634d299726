#include "layout/phrases.hpp"

namespace tarikh {

const Phrases& phrases_for(const std::string& lang) {
    static const Phrases english{"known date", "approximate date", "period", "(continued)", "page {page} of {pages}",
                                 "{duration} after “{title}”", "about ", "in response to", "related to",
                                 "“", "”", " — ", "; "};
    static const Phrases arabic{"تاريخ معروف", "تاريخ تقريبي", "فترة", "(تابع)", "صفحة {page} من {pages}",
                                "بعد {duration} من «{title}»", "نحو ", "ردًا على", "مرتبط بـ",
                                "«", "»", " — ", "؛ "};
    return lang.rfind("ar", 0) == 0 ? arabic : english;
}

std::string fill(std::string pattern, const std::string& name, const std::string& value) {
    std::string key = "{" + name + "}";
    for (size_t at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + value.size()))
        pattern.replace(at, key.size(), value);
    return pattern;
}

}  // namespace tarikh
