// fonts/ as fontconfig described it at build time (text/known_fonts.hpp): the same patterns as
// fontconfig reading the files now, and never used for a file that is not the one described.
#include <doctest/doctest.h>

#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "text/known_fonts.hpp"
#include "text/known_fonts_data.hpp"  // generated
#include "test_files.hpp"

namespace fs = std::filesystem;
using namespace tarikh;

namespace {

const std::string kFonts = std::string(TARIKH_SOURCE_DIR) + "/fonts";

// What FcConfigAppFontAddFile would add for `file` (an empty config has no scan rules).
FcPattern* read_now(const std::string& file) {
    FcFontSet* set = FcFontSetCreate();
    FcFreeTypeQueryAll(reinterpret_cast<const FcChar8*>(file.c_str()), -1, nullptr, nullptr, set);
    REQUIRE(set->nfont == 1);
    FcPattern* pattern = FcPatternDuplicate(set->fonts[0]);
    FcFontSetDestroy(set);
    return pattern;
}

}  // namespace

TEST_CASE("every font of fonts/ is known, with the pattern fontconfig reads from it now") {
    // The files CMakeLists.txt describes: fonts/*.ttf and fonts/*.otf.
    size_t files = 0, known = 0;
    for (const auto& entry : fs::directory_iterator(kFonts)) {
        std::string file = entry.path().string();
        if (entry.path().extension() != ".ttf" && entry.path().extension() != ".otf") continue;
        ++files;
        CAPTURE(file);
        FcPattern* pattern = known_font_pattern(file);
        REQUIRE(pattern);
        FcPattern* now = read_now(file);
        CHECK(FcPatternEqual(pattern, now));
        FcPatternDestroy(now);
        FcPatternDestroy(pattern);
        ++known;
    }
    CHECK(known == files);
    CHECK(files == std::size(known::kFonts) - 1);  // the list ends in a null entry
    CHECK(files > 0);
}

TEST_CASE("a known font copied elsewhere is known under its new path, a changed one is not") {
    testing::ScratchFolder scratch("known-fonts");
    std::string copy = (scratch.path / "Amiri-Regular.ttf").string();
    fs::copy_file(kFonts + "/Amiri-Regular.ttf", copy);
    FcPattern* pattern = known_font_pattern(copy);
    REQUIRE(pattern);
    FcChar8* file = nullptr;
    REQUIRE(FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch);
    CHECK(reinterpret_cast<const char*>(file) == copy);
    FcPatternDestroy(pattern);

    // One byte of a table's checksum in the table directory: the font is no longer the one described.
    {
        std::fstream edit(copy, std::ios::in | std::ios::out | std::ios::binary);
        edit.seekp(12 + 4);
        edit.put('\x5a');
    }
    CHECK(known_font_pattern(copy) == nullptr);

    // Another font under a known name.
    std::string renamed = (scratch.path / "NotoSans-Regular.ttf").string();
    fs::copy_file(kFonts + "/Amiri-Bold.ttf", renamed);
    CHECK(known_font_pattern(renamed) == nullptr);
    CHECK(known_font_pattern(kFonts + "/README.md") == nullptr);
}
