// PDF fonts read once per process (render/pdf/font_faces.hpp): shared while the file is the
// same, read again once it changed, and never a face of a file that cannot be read.
#include <doctest/doctest.h>

#include <hb.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "render/pdf/font_faces.hpp"

namespace fs = std::filesystem;
using namespace tarikh::pdf;

namespace {

const std::string kFonts = std::string(TARIKH_SOURCE_DIR) + "/fonts";

struct Scratch {
    fs::path path = fs::temp_directory_path() / ("tarikh-font-faces-" + std::to_string(getpid()));
    Scratch() { fs::create_directories(path); }
    ~Scratch() { fs::remove_all(path); }
};

unsigned glyphs_of(const FontFace& loaded) { return hb_face_get_glyph_count(loaded.face); }

}  // namespace

TEST_CASE("a font file's face is shared while the file is unchanged, and read again once it changed") {
    Scratch scratch;
    const std::string copy = (scratch.path / "font.ttf").string();
    fs::copy_file(kFonts + "/Amiri-Regular.ttf", copy);
    auto first = font_face(copy, 0);
    REQUIRE(first);
    CHECK(first == font_face(copy, 0));
    const unsigned amiri = glyphs_of(*first);
    CHECK(amiri > 1000);

    // Another font in its place: a new face, while the one already handed out stays as it was.
    fs::copy_file(kFonts + "/NotoSans-Regular.ttf", copy, fs::copy_options::overwrite_existing);
    fs::last_write_time(copy, fs::last_write_time(copy) + std::chrono::seconds(5));
    auto second = font_face(copy, 0);
    REQUIRE(second);
    CHECK(second != first);
    CHECK(glyphs_of(*second) != amiri);
    CHECK(glyphs_of(*first) == amiri);
}

TEST_CASE("no face for a font file that cannot be read") {
    Scratch scratch;
    CHECK_FALSE(font_face((scratch.path / "missing.ttf").string(), 0));
    CHECK_FALSE(font_face(scratch.path.string(), 0));  // a folder
}
