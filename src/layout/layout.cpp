#include "layout/layout.hpp"

#include <unicode/uloc.h>

namespace tarikh {

std::string_view box_kind_name(BoxKind kind) {
    switch (kind) {
        case BoxKind::title: return "title";
        case BoxKind::subtitle: return "subtitle";
        case BoxKind::legend: return "legend";
        case BoxKind::lane: return "lane";
        case BoxKind::lane_label: return "lane-label";
        case BoxKind::era: return "era";
        case BoxKind::era_label: return "era-label";
        case BoxKind::axis: return "axis";
        case BoxKind::tick: return "tick";
        case BoxKind::cut: return "cut";
        case BoxKind::cut_label: return "cut-label";
        case BoxKind::marker: return "marker";
        case BoxKind::label: return "label";
        case BoxKind::link: return "link";
        case BoxKind::entry: return "entry";
        case BoxKind::header: return "header";
        case BoxKind::footer: return "footer";
        case BoxKind::heading: return "heading";
        case BoxKind::day: return "day";
        case BoxKind::month: return "month";
    }
    return "?";
}

bool is_rtl_language(const std::string& lang) {
    std::string base = lang.substr(0, lang.find('-'));
    return base == "ar" || base == "fa" || base == "he" || base == "ur" || base == "ps" || base == "ckb";
}

bool writes_arabic_script(const std::string& lang) {
    // The script a language is most likely written in ("ur" → "ur_Arab_PK"), unless its tag names one.
    if (lang.empty() || lang.size() >= ULOC_FULLNAME_CAPACITY) return false;
    char locale[ULOC_FULLNAME_CAPACITY], likely[ULOC_FULLNAME_CAPACITY], script[ULOC_SCRIPT_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(lang.c_str(), locale, sizeof locale, &parsed, &status);
    uloc_addLikelySubtags(locale, likely, sizeof likely, &status);
    uloc_getScript(likely, script, sizeof script, &status);
    return U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING && std::string_view(script) == "Arab";
}

}  // namespace tarikh
