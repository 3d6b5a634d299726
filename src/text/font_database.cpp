#include "text/font_database.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangoft2.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "core/diagnostic.hpp"
#include "text/known_fonts.hpp"
#include "text/line_metrics.hpp"

namespace tarikh {
namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string& path) { return quote(path, 4096); }

bool is_font_file(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
}

// The font files directly in `folder`, sorted (the same order on every machine); `error` set
// when the folder cannot be listed.
std::vector<std::string> font_files_in(const std::string& folder, std::error_code& error) {
    std::vector<std::string> files;
    fs::directory_iterator it(folder, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) {
        std::error_code ignored;
        if (is_font_file(it->path()) && it->is_regular_file(ignored)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// "notosans" for "Noto Sans": family names as fontconfig compares them.
std::string folded(const std::string& family) {
    std::string out;
    for (unsigned char c : family)
        if (c != ' ') out += static_cast<char>(std::tolower(c));
    return out;
}

// Adds `file` to the config's application fonts, as fontconfig described it at build time when
// it is a font of fonts/ unchanged (text/known_fonts.hpp), else as fontconfig reads it now;
// `faces` counts the fonts the set gains. Appending to the set is what fontconfig's manual says
// not to do (FcConfigGetFonts: "should not be modified"): it is safe here because
// FcConfigAppFontAddFile appends its patterns to the same set with FcFontSetAdd, the config is
// nobody else's yet, and known_font_pattern answers only under the exact fontconfig version
// whose reading it recorded. FontDatabase checks the count afterwards all the same.
bool adds(FcConfig* config, const std::string& file, int& faces) {
    FcFontSet* fonts = FcConfigGetFonts(config, FcSetApplication);
    if (!fonts) {
        // fontconfig makes the set on the first file added, even one that does not load: "" adds none.
        FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(""));
        fonts = FcConfigGetFonts(config, FcSetApplication);
    }
    if (fonts)
        if (FcPattern* known = known_font_pattern(file)) {
            if (FcFontSetAdd(fonts, known)) {
                ++faces;
                return true;
            }
            FcPatternDestroy(known);
        }
    const int before = fonts ? fonts->nfont : 0;
    if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()))) return false;
    fonts = FcConfigGetFonts(config, FcSetApplication);
    faces += fonts ? fonts->nfont - before : 0;
    return true;
}

// Unhinted fonts, as cairo's font options for an unhinted context said in the pattern
// (cairo_ft_font_options_substitute): set where nothing else has. Shaping and extents do not
// read it (HarfBuzz's, unrounded either way); it keeps a font's pattern, and so what Pango
// holds a font to be (PangoFcFont's is_hinted), as they were.
void unhinted(FcPattern* pattern, gpointer) {
    FcValue value;
    if (FcPatternGet(pattern, FC_HINTING, 0, &value) == FcResultNoMatch) FcPatternAddBool(pattern, FC_HINTING, FcFalse);
    if (FcPatternGet(pattern, FC_HINT_STYLE, 0, &value) == FcResultNoMatch)
        FcPatternAddInteger(pattern, FC_HINT_STYLE, FC_HINT_NONE);
}

}  // namespace

FontDatabase::FontDatabase(const std::string& folder) : FontDatabase(FontSet{{folder}, {}}) {}

FontDatabase::FontDatabase(FontSet set) : set_(std::move(set)) {
    if (set_.folders.empty()) throw std::runtime_error("a font database needs a font folder");
    // File by file: FcConfigAppFontAddDir on an empty config warns about cache folders.
    FcConfig* config = FcConfigCreate();
    auto fail = [&](const std::string& message) {
        FcConfigDestroy(config);
        throw std::runtime_error(message);
    };
    int faces = 0;
    for (const auto& folder : set_.folders) {
        std::error_code error;
        size_t loaded = 0;
        for (const auto& file : font_files_in(folder, error))
            if (adds(config, file, faces)) {
                files_.push_back(file);
                ++loaded;
            }
        if (loaded == 0) fail("no fonts found in " + folder);
    }
    for (const auto& file : set_.files) {
        if (!adds(config, file, faces)) fail("cannot load the font file " + quoted(file));
        files_.push_back(file);
    }
    if (FcFontSet* fonts = FcConfigGetFonts(config, FcSetApplication); !fonts || fonts->nfont != faces) {
        // The set is not as appended to (another fontconfig than the one described): every file
        // again, the documented way.
        FcConfigDestroy(config);
        config = FcConfigCreate();
        for (const auto& file : files_) FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()));
    }
    if (FcFontSet* fonts = FcConfigGetFonts(config, FcSetApplication))
        for (int f = 0; f < fonts->nfont; ++f) {
            FcChar8* family = nullptr;
            for (int i = 0; FcPatternGetString(fonts->fonts[f], FC_FAMILY, i, &family) == FcResultMatch; ++i)
                families_.push_back(folded(reinterpret_cast<const char*>(family)));
        }
    std::sort(families_.begin(), families_.end());
    families_.erase(std::unique(families_.begin(), families_.end()), families_.end());
    // Pango's FreeType font map, not cairo's: only a PNG draws with cairo, and its module loads
    // cairo itself (render/png_module.hpp). Both shape with HarfBuzz from the same pattern, at
    // cairo's resolution and unhinted, and give a glyph the font's ascent and descent as its
    // logical height: the same layout (test_font_map.cpp). They differ for a character no font
    // has, whose box cairo sized from a monospace font's digits and this map leaves 0 wide.
    font_map_ = pango_ft2_font_map_new();
    pango_ft2_font_map_set_resolution(PANGO_FT2_FONT_MAP(font_map_), 96, 96);
    pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(font_map_), unhinted, nullptr, nullptr);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), config);
    use_line_metrics(font_map_);
    FcConfigDestroy(config);  // the font map holds its own reference
}

FontDatabase::~FontDatabase() {
    if (font_map_) g_object_unref(font_map_);
}

bool FontDatabase::has_family(const std::string& family) const {
    return std::binary_search(families_.begin(), families_.end(), folded(family));
}

std::string font_folder_problem(const std::string& folder) {
    std::error_code error;
    std::vector<std::string> files = font_files_in(folder, error);
    if (error) return "cannot read the font folder " + quoted(folder) + ": " + error.message();
    for (const auto& file : files) {
        int faces = 0;
        if (FcPattern* face = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()), 0, nullptr, &faces)) {
            FcPatternDestroy(face);
            return "";
        }
    }
    return "expected fonts (.ttf, .otf, .ttc, .otc) in the font folder " + quoted(folder) + ", found " +
           (files.empty() ? std::string("none") : "only files that do not load") + " (subfolders are not read)";
}

}  // namespace tarikh
