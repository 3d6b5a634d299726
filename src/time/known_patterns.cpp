#include "time/known_patterns.hpp"

#include <string>
#include <string_view>

#include "time/known_date_patterns.hpp"  // generated

namespace tarikh {

std::optional<icu::UnicodeString> known_date_pattern(const char* locale, const char* skeleton) {
    static const bool listed_by_this_icu = icu_version_text() == known::kIcuVersion;
    if (!listed_by_this_icu) return std::nullopt;
    std::string key = std::string("\n") + locale + '\t' + skeleton + '\t';
    std::string_view lines = known::kDatePatterns;
    size_t at = lines.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    size_t from = at + key.size();
    std::string_view pattern = lines.substr(from, lines.find('\n', from) - from);
    return icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
}

}  // namespace tarikh
