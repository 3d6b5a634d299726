#include "layout/missing_glyphs.hpp"

#include <algorithm>
#include <cstdio>

namespace tarikh {
namespace {

// "U+1F525" for one character in UTF-8; shaped text is well formed.
std::string code_point_name(const std::string& utf8) {
    unsigned char c = static_cast<unsigned char>(utf8[0]);
    unsigned cp = c < 0x80 ? c : c < 0xE0 ? c & 0x1F : c < 0xF0 ? c & 0x0F : c & 0x07;
    for (size_t i = 1; i < utf8.size(); ++i) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3F);
    char out[16];
    std::snprintf(out, sizeof out, "U+%04X", cp);
    return out;
}

}  // namespace

void MissingGlyphs::note(const ShapedText& shaped) {
    for (const auto& ch : shaped.missing_chars)
        if (std::find(chars_.begin(), chars_.end(), ch) == chars_.end()) chars_.push_back(ch);
}

void MissingGlyphs::report(Diagnostics& diagnostics) const {
    if (chars_.empty()) return;
    std::string names;
    for (const auto& ch : chars_) {
        if (!names.empty()) names += ", ";
        names += code_point_name(ch) + " (" + ch + ")";
    }
    diagnostics.push_back({Severity::warning, "", 0, 0, "",
                           "no font in fonts/ has " + names + "; drawn as U+FFFD (\uFFFD)", {}});
}

}  // namespace tarikh
