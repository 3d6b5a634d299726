// ICU's date patterns for tarikh's skeletons, languages and calendars, as ICU's pattern generator
// gave them at build time (src/time/date_patterns_tool.cpp): making the generator is a twentieth
// of a small render's instructions, and most renders ask only for patterns listed here.
#pragma once
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <optional>
#include <string>

namespace tarikh {

// The running ICU's version as the listing records it ("72.1"): inline, for the tool that lists.
inline std::string icu_version_text() {
    UVersionInfo version;
    u_getVersion(version);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    return text;
}

// The pattern ICU's generator for `locale` (an icu::Locale's getName()) gives for `skeleton`,
// when listed and the ICU running is the one that listed it; else none, and the caller asks a
// generator.
std::optional<icu::UnicodeString> known_date_pattern(const char* locale, const char* skeleton);

}  // namespace tarikh
