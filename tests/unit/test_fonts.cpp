// Fonts beside fonts/: font sets and the Renderer's cache of them, the theme's family order,
// folders that cannot be used, Hebrew from fonts/ and Armenian from a Debian font package
// (fonts-dejavu-core).
#include <doctest/doctest.h>

#include <tarikh/tarikh.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <unistd.h>

#include "api/laid_out.hpp"
#include "layout/theme.hpp"
#include "layout/chart_layout.hpp"
#include "layout/missing_glyphs.hpp"
#include "text/font_database.hpp"
#include "text/font_sets.hpp"
#include "text/installed_fonts.hpp"
#include "text/pango_shaper.hpp"

using namespace tarikh;
namespace fs = std::filesystem;

namespace {

const std::string kFonts = std::string(TARIKH_SOURCE_DIR) + "/fonts";
const std::string kDejaVu = "/usr/share/fonts/truetype/dejavu";  // fonts-dejavu-core
const std::string kArmenianTimeline = std::string(TARIKH_TEST_DIR) + "/fonts/armenian.json";

// A scratch folder holding copies of `files` (a font set that does not change with the fonts
// installed), removed at the end of the test.
struct Folder {
    fs::path path;
    explicit Folder(const std::string& name, const std::vector<std::string>& files = {})
        : path(fs::temp_directory_path() / ("tarikh-fonts-" + name + "-" + std::to_string(getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
        for (const auto& file : files) fs::copy_file(file, path / fs::path(file).filename());
    }
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    ~Folder() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

// Every glyph run of `items`, groups too.
void collect_runs(const std::vector<Item>& items, std::vector<const GlyphRun*>& out) {
    for (const auto& item : items) {
        if (const auto* text = std::get_if<TextItem>(&item))
            for (const auto& run : text->runs) out.push_back(&run);
        if (const auto* group = as_group(item)) collect_runs(group->items, out);
    }
}

std::string file_name(const GlyphRun& run) { return fs::path(run.font.file()).filename().string(); }

std::string message_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a font set loads its folders in order, then its files") {
    FontDatabase fonts(FontSet{{kFonts, kDejaVu}, {kFonts + "/NotoSans-Bold.ttf"}});
    std::vector<std::string> files = fonts.files();
    REQUIRE(files.size() > 7);
    CHECK(fs::path(files.front()).parent_path() == fs::path(kFonts));
    CHECK(files[7] == kFonts + "/NotoSansSymbols-Regular.ttf");
    CHECK(fs::path(files[8]).parent_path() == fs::path(kDejaVu));
    CHECK(files.back() == kFonts + "/NotoSans-Bold.ttf");
    CHECK(fonts.folder() == kFonts);
    // Families by any of their names, as fontconfig compares them; a theme's unknown one is warned of.
    CHECK(fonts.has_family("Noto Sans"));
    CHECK(fonts.has_family("notosans"));
    CHECK(fonts.has_family("DejaVu Sans Condensed"));
    CHECK_FALSE(fonts.has_family("Frank Ruhl Libre"));
    CHECK_FALSE(FontDatabase(kFonts).has_family("DejaVu Sans"));
}

TEST_CASE("a font folder that cannot be used is an error naming it") {
    Folder empty("empty");
    std::ofstream(empty.file("notes.txt")) << "not a font";
    std::ofstream(empty.file("broken.ttf")) << "not a font either";
    fs::create_directories(empty.path / "sub");
    fs::copy_file(kFonts + "/NotoSans-Regular.ttf", empty.path / "sub/NotoSans-Regular.ttf");
    CHECK(font_folder_problem("/nonexistent/fonts") ==
          "cannot read the font folder \"/nonexistent/fonts\": No such file or directory");
    CHECK(font_folder_problem(empty.path.string()) ==
          "expected fonts (.ttf, .otf, .ttc, .otc) in the font folder \"" + empty.path.string() +
              "\", found only files that do not load (subfolders are not read)");
    fs::remove(empty.file("broken.ttf"));
    CHECK(font_folder_problem(empty.path.string()).find(", found none (subfolders are not read)") != std::string::npos);
    CHECK(font_folder_problem(kFonts).empty());
    CHECK(font_folder_problem(kFonts + "/NotoSans-Regular.ttf").find("cannot read the font folder") == 0);

    CHECK(message_of([&] { FontDatabase d(FontSet{{kFonts, empty.path.string()}, {}}); }) ==
          "no fonts found in " + empty.path.string());
    CHECK(message_of([&] { FontDatabase d(FontSet{{kFonts}, {empty.file("notes.txt")}}); }) ==
          "cannot load the font file \"" + empty.file("notes.txt") + "\"");
}

TEST_CASE("the library refuses a font folder it cannot use, as check_options and lay_out") {
    Timeline timeline = *load_file(kArmenianTimeline).value;
    Renderer renderer = std::move(*Renderer::create(kFonts).value);
    RenderOptions options{.font_dirs = {"/nonexistent/fonts"}};
    Diagnostics refused = check_options(options);
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].severity == Severity::error);
    CHECK(refused[0].message == "cannot read the font folder \"/nonexistent/fonts\": No such file or directory");
    Result<LaidOut> laid = renderer.lay_out(timeline, options);
    CHECK_FALSE(laid);
    REQUIRE(laid.diagnostics.size() == 1);
    CHECK(laid.diagnostics[0].message == refused[0].message);
    CHECK(check_options({.font_dirs = {kFonts, kDejaVu}}).empty());
}

TEST_CASE("the Renderer keeps a database per font set, the base one apart") {
    FontSets sets(kFonts);
    PangoShaper& base = sets.shaper_for({}, {});
    CHECK(sets.loads() == 0);
    Folder dejavu("set", {kDejaVu + "/DejaVuSans.ttf"});
    PangoShaper& with_dejavu = sets.shaper_for({dejavu.path.string()}, {});
    CHECK(&with_dejavu != &base);
    CHECK(&sets.shaper_for({dejavu.path.string()}, {}) == &with_dejavu);
    CHECK(&sets.shaper_for({}, {}) == &base);
    CHECK(sets.loads() == 1);

    // Files make other sets; past kKept, the least recently used set is loaded again.
    std::vector<std::string> serif{kDejaVu + "/DejaVuSerif.ttf"}, mono{kDejaVu + "/DejaVuSansMono.ttf"},
        bold{kDejaVu + "/DejaVuSans-Bold.ttf"}, serif_bold{kDejaVu + "/DejaVuSerif-Bold.ttf"};
    for (const auto* files : {&serif, &mono, &bold}) sets.shaper_for({}, *files);
    CHECK(sets.loads() == 4);
    sets.shaper_for({dejavu.path.string()}, {});  // used again: now the most recent
    sets.shaper_for({}, serif_bold);              // a fifth set: drops the serif one, the least recent
    CHECK(sets.kept() == FontSets::kKept);
    CHECK(sets.loads() == 5);
    sets.shaper_for({dejavu.path.string()}, {});
    CHECK(sets.loads() == 5);
    sets.shaper_for({}, serif);
    CHECK(sets.loads() == 6);

    // A set that does not load leaves the kept ones as they were.
    CHECK_THROWS_AS(sets.shaper_for({"/nonexistent/fonts"}, {}), std::runtime_error);
    CHECK(sets.kept() == FontSets::kKept);
    CHECK(sets.loads() == 6);
}

TEST_CASE("shaping takes the theme's families in order: a typeface named first wins") {
    Folder dejavu("families", {kDejaVu + "/DejaVuSans.ttf", kDejaVu + "/DejaVuSerif.ttf"});
    FontDatabase fonts(FontSet{{kFonts, dejavu.path.string()}, {}});
    PangoShaper shaper(fonts);
    auto font_of = [&](const std::string& families) {
        ShapedText shaped = shaper.shape("Idlib", TextStyle{.size = 12, .language = "en", .families = families});
        REQUIRE(shaped.runs.size() == 1);
        return file_name(shaped.runs[0]);
    };
    CHECK(font_of("") == "NotoSans-Regular.ttf");
    CHECK(font_of("Noto Sans,Amiri,Noto Sans Symbols") == "NotoSans-Regular.ttf");
    CHECK(font_of("DejaVu Serif,Noto Sans,Amiri,Noto Sans Symbols") == "DejaVuSerif.ttf");
    CHECK(font_of("DejaVu Sans,DejaVu Serif") == "DejaVuSans.ttf");
    CHECK(font_of("Amiri,Noto Sans") == "Amiri-Regular.ttf");
    // A family no font has is passed over.
    CHECK(font_of("Frank Ruhl Libre,DejaVu Serif") == "DejaVuSerif.ttf");
    // The default theme's families are the shaper's default.
    std::string joined;
    for (const auto& family : Theme{}.font_families) joined += (joined.empty() ? "" : ",") + family;
    CHECK(joined == kFontFamilies);
}

// Themes are chosen by another part of the work: here a Theme made by hand, as a theme file makes one.
TEST_CASE("a theme's font files and families reach every text of a layout") {
    Theme theme;
    theme.font_families = {"DejaVu Serif", "Noto Sans", "Amiri", "Noto Sans Symbols"};
    theme.font_files = {kDejaVu + "/DejaVuSerif.ttf", kDejaVu + "/DejaVuSerif-Bold.ttf"};
    FontSets sets(kFonts);
    PangoShaper& shaper = sets.shaper_for({}, theme.font_files);
    Timeline timeline = *load_file(std::string(TARIKH_SOURCE_DIR) + "/timelines/idlib-sochi-2018.json").value;
    for (const std::string lang : {"en", "ar"}) {
        CAPTURE(lang);
        Layout layout = layout_chart(timeline, LayoutOptions{.lang = lang, .theme = theme}, shaper);
        std::vector<const GlyphRun*> runs;
        collect_runs(layout.scene.pages.at(0).items, runs);
        REQUIRE(runs.size() > 40);
        size_t serif = 0, amiri = 0;
        for (const GlyphRun* run : runs) {
            serif += file_name(*run).rfind("DejaVuSerif", 0) == 0;
            amiri += file_name(*run).rfind("Amiri", 0) == 0;
        }
        // DejaVu Serif draws Latin, digits and punctuation; it has no Arabic, which falls to Amiri.
        CHECK(serif > 0);
        if (lang == "en") CHECK(amiri == 0);
        if (lang == "en") CHECK(serif == runs.size());
        if (lang == "ar") CHECK(amiri > 0);
    }
}

TEST_CASE("a face fonts/ has is drawn from fonts/, even when an added folder has it too") {
    Folder copy("copy", {kFonts + "/NotoSans-Regular.ttf", kFonts + "/Amiri-Regular.ttf"});
    FontDatabase fonts(FontSet{{kFonts, copy.path.string()}, {}});
    PangoShaper shaper(fonts);
    for (const auto& [text, lang] : {std::pair{"Idlib", "en"}, std::pair{"إدلب", "ar"}}) {
        ShapedText shaped = shaper.shape(text, TextStyle{.size = 12, .rtl = std::string(lang) == "ar", .language = lang});
        REQUIRE(shaped.runs.size() == 1);
        CHECK(fs::path(shaped.runs[0].font.file()).parent_path() == fs::path(kFonts));
    }
}

TEST_CASE("Hebrew from fonts/ is shaped right to left in its glyphs") {
    FontDatabase fonts(kFonts);
    PangoShaper shaper(fonts);
    const std::string word = "שלום";  // shin, lamed, vav, final mem
    ShapedText shaped = shaper.shape(word, TextStyle{.size = 14, .rtl = true, .language = "he"});
    CHECK(shaped.missing_chars.empty());
    REQUIRE(shaped.runs.size() == 1);
    const GlyphRun& run = shaped.runs[0];
    CHECK(run.rtl);
    CHECK(file_name(run) == "NotoSansHebrew-Regular.ttf");
    REQUIRE(run.glyphs.size() == 4);
    // Right to left: the first letter (cluster 0) is drawn rightmost, each next one to its left.
    std::vector<Glyph> by_cluster = run.glyphs;
    std::sort(by_cluster.begin(), by_cluster.end(), [](const Glyph& a, const Glyph& b) { return a.cluster < b.cluster; });
    for (size_t i = 1; i < by_cluster.size(); ++i) CHECK(by_cluster[i].x < by_cluster[i - 1].x);
}

TEST_CASE("Armenian from an added folder is drawn in its glyphs, not in stand-ins") {
    const std::string word = "բարի";  // fonts/ has no Armenian face
    FontDatabase fonts(FontSet{{kFonts, kDejaVu}, {}});
    PangoShaper shaper(fonts);
    ShapedText shaped = shaper.shape(word, TextStyle{.size = 14, .language = "hy"});
    CHECK(shaped.missing_chars.empty());
    REQUIRE(shaped.runs.size() == 1);
    CHECK(file_name(shaped.runs[0]) == "DejaVuSans.ttf");  // not a condensed, oblique or bold face of the folder
    FontDatabase built_in(kFonts);
    PangoShaper without(built_in);
    ShapedText stand_ins = without.shape(word, TextStyle{.size = 14, .language = "hy"});
    CHECK(stand_ins.missing_chars.size() == 4);
    REQUIRE_FALSE(stand_ins.runs.empty());
    CHECK(file_name(stand_ins.runs[0]) == "NotoSans-Regular.ttf");
}

TEST_CASE("an Armenian edition rendered with a font folder has every letter, and warns of none") {
    Timeline timeline = *load_file(kArmenianTimeline).value;
    Renderer renderer = std::move(*Renderer::create(kFonts).value);
    auto missing_glyph_warnings = [](const Diagnostics& diagnostics) {
        return std::count_if(diagnostics.begin(), diagnostics.end(),
                             [](const Diagnostic& d) { return d.message.find("no font has") == 0; });
    };
    Result<Rendered> without = renderer.render(timeline, {.languages = {"hy"}});
    REQUIRE(without);
    CHECK(missing_glyph_warnings(without.diagnostics) == 1);

    Result<Rendered> with = renderer.render(timeline, {.languages = {"hy"}, .font_dirs = {kDejaVu}});
    REQUIRE(with);
    CHECK(missing_glyph_warnings(with.diagnostics) == 0);
    // The one warning left is that tarikh has no Armenian words of its own.
    REQUIRE(with.diagnostics.size() == 1);
    CHECK(with.diagnostics[0].message.find("no message catalogue for \"hy\"") == 0);
    // Every glyph run of the Armenian texts is in a DejaVu Sans face; none stands in for a letter.
    std::vector<const GlyphRun*> runs;
    collect_runs(with->layout.impl().layout.scene.pages.at(0).items, runs);
    size_t armenian_runs = 0;
    for (const GlyphRun* run : runs)
        if (run->text.find_first_of("\xD4\xD5\xD6") != std::string::npos) {  // an Armenian letter's lead bytes
            ++armenian_runs;
            CHECK((file_name(*run) == "DejaVuSans.ttf" || file_name(*run) == "DejaVuSans-Bold.ttf"));
            CHECK(run->text.find("\uFFFD") == std::string::npos);
        }
    CHECK(armenian_runs > 10);
    // The default font set is still the one used without font folders.
    Result<Rendered> again = renderer.render(timeline, {.languages = {"hy"}});
    CHECK(missing_glyph_warnings(again.diagnostics) == 1);
}

// tests/unit/main.cpp makes fonts-dejavu-core's folder all that is installed, as these see it.
TEST_CASE("the installed fonts that have a missing character are named, upright regular faces first") {
    std::vector<InstalledFont> found = installed_fonts_having({"א", "ב"});
    REQUIRE(found.size() == 1);
    CHECK(found[0].family == "DejaVu Sans");
    CHECK(found[0].file == kDejaVu + "/DejaVuSans.ttf");
    CHECK(found[0].chars == std::vector<std::string>{"א", "ב"});
    CHECK(installed_fonts_having({"🔥"}).empty());
    // Two fonts where one has not all: the one with the most first, each named for its own.
    found = installed_fonts_having({"🔥", "𝓐", "א", "ב"});
    REQUIRE(found.size() == 2);
    CHECK(found[0].file == kDejaVu + "/DejaVuSans.ttf");
    CHECK(found[0].chars == std::vector<std::string>{"א", "ב"});
    CHECK(found[1].file == kDejaVu + "/DejaVuMathTeXGyre.ttf");
    CHECK(found[1].chars == std::vector<std::string>{"𝓐"});
    CHECK(installed_fonts_having({"🔥", "𝓐", "א", "ב"}, 1).size() == 1);
}

TEST_CASE("a character no font has is named in a warning, with the installed fonts that have it") {
    MissingGlyphs missing;
    missing.note(ShapedText{.runs = {}, .lines = {}, .missing_chars = {"א", "ב"}});
    missing.note(ShapedText{.runs = {}, .lines = {}, .missing_chars = {"ב"}});
    Diagnostics out;
    missing.report(out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == Severity::warning);
    CHECK(out[0].option == Option::font_dirs);
    CHECK(out[0].message == "no font has U+05D0 (א), U+05D1 (ב); drawn as U+FFFD (\uFFFD)");
    CHECK(out[0].hints == std::vector<std::string>{"DejaVu Sans (" + kDejaVu + "/DejaVuSans.ttf) has them: add " +
                                                    kDejaVu + " to the font folders"});

    MissingGlyphs mixed;
    mixed.note(ShapedText{.runs = {}, .lines = {}, .missing_chars = {"🔥", "א"}});
    out.clear();
    mixed.report(out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].hints == std::vector<std::string>{"DejaVu Sans (" + kDejaVu + "/DejaVuSans.ttf) has U+05D0 (א): add " +
                                                       kDejaVu + " to the font folders",
                                                   "no font installed here has U+1F525 (🔥)"});
    MissingGlyphs none;
    out.clear();
    none.report(out);
    CHECK(out.empty());
}
