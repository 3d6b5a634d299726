#include "text/known_fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/number_text.hpp"
#include "text/known_fonts_data.hpp"  // generated from known_fonts_data.hpp.in

namespace tarikh {
namespace {

namespace fs = std::filesystem;

// The first 512 bytes of `file` in lowercase hex, as CMake's file(READ … LIMIT 512 HEX) gives them.
std::string head_in_hex(const std::string& file) {
    char bytes[512];
    std::ifstream in(file, std::ios::binary);
    in.read(bytes, sizeof bytes);
    std::string hex;
    hex.reserve(2 * static_cast<size_t>(in.gcount()));
    for (std::streamsize i = 0; i < in.gcount(); ++i) append_hex(hex, static_cast<unsigned char>(bytes[i]), 2);
    return hex;
}

}  // namespace

FcPattern* known_font_pattern(const std::string& file) {
    if (FcGetVersion() != known::kFontconfigVersion) return nullptr;
    std::string name = fs::path(file).filename().string();
    for (const known::Font* font = known::kFonts; font->name; ++font) {
        if (name != font->name) continue;
        std::error_code error;
        if (fs::file_size(file, error) != font->size || error || head_in_hex(file) != font->head) return nullptr;
        FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(font->pattern));
        if (!pattern) return nullptr;
        FcPatternDel(pattern, FC_FILE);
        FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(file.c_str()));
        return pattern;
    }
    return nullptr;
}

}  // namespace tarikh
