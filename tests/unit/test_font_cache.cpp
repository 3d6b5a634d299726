// What a renderer's PDFs keep of their fonts (render/pdf/font_cache.hpp): a face shared while its
// file is the same file, read again once it is another or changed; a program made once per
// font and glyphs, and a ToUnicode map deflated once; and a PDF drawn after others the same
// bytes as drawn first.
#include <doctest/doctest.h>

#include <hb.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <tarikh/tarikh.hpp>

#include "render/pdf/font_cache.hpp"
#include "render/pdf/pdf_file.hpp"
#include "test_files.hpp"

namespace fs = std::filesystem;
using namespace tarikh;
using pdf::FontCache;
using pdf::FontProgram;
using pdf::ProgramKey;

namespace {

const std::string kFonts = std::string(TARIKH_SOURCE_DIR) + "/fonts";

unsigned glyphs_of(const pdf::FontFace& loaded) { return hb_face_get_glyph_count(loaded.face); }

}  // namespace

TEST_CASE("a font file's face is kept while it is the same file, and read again once it is not") {
    testing::ScratchFolder scratch("font-cache");
    const std::string font = (scratch.path / "font.ttf").string(), next = (scratch.path / "next.ttf").string();
    fs::copy_file(kFonts + "/Amiri-Regular.ttf", font);
    FontCache cache;
    auto first = cache.face(font, 0);
    REQUIRE(first);
    CHECK(first == cache.face(font, 0));
    const unsigned amiri = glyphs_of(*first);
    CHECK(amiri > 1000);

    // Another font renamed into its place, as packages and editors replace files: a new face,
    // while the one already handed out still reads the file it was.
    fs::copy_file(kFonts + "/NotoSans-Regular.ttf", next);
    fs::rename(next, font);
    auto second = cache.face(font, 0);
    REQUIRE(second);
    CHECK(second != first);
    CHECK(glyphs_of(*second) != amiri);
    CHECK(glyphs_of(*first) == amiri);

    // The same size and time of modification (cp -p, tar), but changed since: read again.
    const auto modified = fs::last_write_time(font);
    fs::permissions(font, fs::perms::owner_read, fs::perm_options::remove);
    fs::permissions(font, fs::perms::owner_read, fs::perm_options::add);
    fs::last_write_time(font, modified);
    CHECK(cache.face(font, 0) != second);
}

TEST_CASE("no face for a font file that is not a regular file, and no wait for a FIFO") {
    testing::ScratchFolder scratch("font-cache");
    FontCache cache;
    CHECK_FALSE(cache.face((scratch.path / "missing.ttf").string(), 0));
    const std::string fifo = (scratch.path / "fifo.ttf").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_FALSE(cache.face(fifo, 0));  // read, it would wait for a writer forever
}

TEST_CASE("a font program is made once for a font and its glyphs") {
    FontCache cache;
    auto font = cache.face(kFonts + "/Amiri-Regular.ttf", 0);
    REQUIRE(font);
    int made = 0;
    auto make = [&](std::size_t size) {
        return [&made, size] {
            ++made;
            return FontProgram{std::string(size, 'x'), size, false};
        };
    };
    CHECK(cache.program({font, {0, 5, 9}, {}}, make(100)).length == 100);
    CHECK(cache.program({font, {0, 5, 9}, {}}, make(100)).length == 100);
    CHECK(made == 1);
    cache.program({font, {0, 5, 10}, {}}, make(100));  // other glyphs
    cache.program({font, {0, 5, 9}, {9}}, make(100));  // one of them unseen
    CHECK(made == 3);
    // Too large to keep: made again each time.
    cache.program({font, {1}, {}}, make(std::size_t{2} << 20));
    cache.program({font, {1}, {}}, make(std::size_t{2} << 20));
    CHECK(made == 5);
}

TEST_CASE("a ToUnicode map is deflated once for its text, as deflate() packs it") {
    FontCache cache;
    const std::string map = "1 beginbfchar\n<0044><0061>\nendbfchar\n", other = map + "% other\n";
    const std::string* first = &cache.deflated(map);
    CHECK(*first == pdf::deflate(map));
    const std::string* second = &cache.deflated(other);
    CHECK(*second == pdf::deflate(other));
    // Both kept: the first map's bytes are where they were, not deflated again.
    CHECK(second != first);
    CHECK(&cache.deflated(map) == first);
}

TEST_CASE("a PDF drawn after others by the same renderer is the PDF a new renderer draws") {
    auto timeline = [](const std::string& english, const std::string& arabic) {
        return *load_string(R"({"format": "tarikh/1", "languages": ["en", "ar"], "title": {"en": ")" + english +
                                R"(", "ar": ")" + arabic + R"("}, "events": [{"id": "a", "date": "2018-01-05",
                                "title": {"en": ")" + english + R"( one", "ar": ")" + arabic + R"( ١"}}]})",
                            "t.json")
                    .value;
    };
    auto pdf = [](Renderer& renderer, const Timeline& t, const std::string& lang) {
        RenderOptions options;
        options.format = Format::pdf;
        options.languages = {lang};
        Result<Rendered> rendered = renderer.render(t, options);
        REQUIRE(rendered);
        return rendered->files.front();
    };
    // Other words, so other glyphs of the same fonts, in both languages.
    const Timeline first = timeline("Quartz", "هجوم"), second = timeline("Jukebox", "نقطة");
    for (const std::string lang : {"en", "ar"}) {
        CAPTURE(lang);
        Renderer fresh = std::move(*Renderer::create(kFonts).value);
        const std::string alone = pdf(fresh, second, lang);
        Renderer used = std::move(*Renderer::create(kFonts).value);
        pdf(used, first, "en");
        pdf(used, first, "ar");
        CHECK(pdf(used, second, lang) == alone);
        CHECK(pdf(used, second, lang) == alone);
    }
}
