#include "layout/missing_glyphs.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "text/installed_fonts.hpp"

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
    auto names = [](const std::vector<std::string>& chars) {
        std::string out;
        for (const auto& ch : chars) out += (out.empty() ? "" : ", ") + code_point_name(ch) + " (" + ch + ")";
        return out;
    };
    // Fonts that would draw them, named so that the user can add their folders.
    std::vector<std::string> hints;
    std::vector<std::string> unnamed = chars_;
    for (const auto& font : installed_fonts_having(chars_)) {
        std::string folder = std::filesystem::path(font.file).parent_path().string();
        bool all = font.chars.size() == chars_.size();
        hints.push_back(font.family + " (" + font.file + ") has " + (all ? "them" : names(font.chars)) + ": add " +
                        folder + " to the font folders");
        for (const auto& ch : font.chars) unnamed.erase(std::find(unnamed.begin(), unnamed.end(), ch));
    }
    if (!unnamed.empty())
        hints.push_back("no font installed here has " +
                        (unnamed.size() == chars_.size() ? std::string("them either") : names(unnamed)));
    diagnostics.push_back({Severity::warning, "", 0, 0, "", "no font has " + names(chars_) + "; drawn as U+FFFD (\uFFFD)",
                           std::move(hints), Option::font_dirs});
}

}  // namespace tarikh
