#include "io/text_clean.hpp"

#include <unicode/uchar.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cstdio>

namespace tarikh {

char32_t next_code_point(std::string_view text, size_t& i) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? lead : n == 2 ? lead & 0x1F : n == 3 ? lead & 0x0F : lead & 0x07;
    for (size_t k = 1; k < n && i + k < text.size(); ++k) c = (c << 6) | (text[i + k] & 0x3F);
    i += n;
    return c;
}

bool is_bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }
bool is_control(char32_t c) { return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F); }
bool is_noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

CleanText clean_text(std::string_view text) {
    CleanText out;
    out.text.reserve(text.size());
    auto note = [](std::vector<char32_t>& list, char32_t c) {
        if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
    };
    for (size_t i = 0; i < text.size();) {
        size_t start = i;
        char32_t c = next_code_point(text, i);
        if (c == '\t') out.text += ' ';
        else if (is_control(c) || is_bidi_control(c)) note(out.removed_controls, c);
        else if (is_noncharacter(c)) note(out.removed_noncharacters, c);
        else out.text.append(text, start, i - start);
        ++out.length;
    }
    return out;
}

std::optional<char32_t> first_unsafe_in_url(std::string_view url) {
    for (size_t i = 0; i < url.size();) {
        char32_t c = next_code_point(url, i);
        auto type = u_charType(static_cast<UChar32>(c));
        if (c <= 0x20 || is_control(c) || is_noncharacter(c) || u_isUWhiteSpace(static_cast<UChar32>(c)) ||
            type == U_FORMAT_CHAR || type == U_CONTROL_CHAR)
            return c;
    }
    return std::nullopt;
}

bool is_language_tag(std::string_view tag) {
    // Tags become parts of output file names (batch): letters, digits and hyphens only,
    // whatever a future ICU might tolerate.
    bool plain = !tag.empty() && tag.size() < ULOC_FULLNAME_CAPACITY &&
                 std::all_of(tag.begin(), tag.end(), [](char c) {
                     return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                 });
    if (!plain) return false;
    std::string text(tag);
    char locale[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(text.c_str(), locale, sizeof locale, &parsed, &status);
    return U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING && parsed == static_cast<int32_t>(text.size());
}

std::string code_point_name(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace tarikh
