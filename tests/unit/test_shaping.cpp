#include <doctest/doctest.h>

#include <hb.h>

#include <algorithm>
#include <filesystem>

#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"

using namespace tarikh;
namespace fs = std::filesystem;

namespace {

const std::string kFonts = std::string(TARIKH_SOURCE_DIR) + "/fonts";

FontDatabase& fonts() {
    static FontDatabase database(kFonts);
    return database;
}

struct HbGlyph {
    unsigned id;
    double x;
};

// The same text shaped by HarfBuzz alone, positions in px at `size`: what Pango must match
// with hinting and rounding off (DESIGN §6).
std::vector<HbGlyph> harfbuzz_shape(const std::string& font_file, const std::string& text, double size, bool rtl) {
    hb_blob_t* blob = hb_blob_create_from_file(font_file.c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.c_str(), static_cast<int>(text.size()), 0, -1);
    hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    double scale = size / hb_face_get_upem(face), x = 0;
    std::vector<HbGlyph> out;
    for (unsigned i = 0; i < count; ++i) {
        out.push_back({info[i].codepoint, x + pos[i].x_offset * scale});
        x += pos[i].x_advance * scale;
    }
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

}  // namespace

TEST_CASE("the font database sees only the files in fonts/") {
    std::vector<std::string> names;
    for (const auto& file : fonts().files()) names.push_back(fs::path(file).filename().string());
    CHECK(names == std::vector<std::string>{"Amiri-Bold.ttf", "Amiri-Regular.ttf", "NotoNastaliqUrdu-Regular.ttf",
                                            "NotoSans-Bold.ttf", "NotoSans-Regular.ttf",
                                            "NotoSansHebrew-Bold.ttf", "NotoSansHebrew-Regular.ttf",
                                            "NotoSansSymbols-Regular.ttf"});
}

TEST_CASE("Arabic is shaped exactly as HarfBuzz shapes it with Amiri") {
    PangoShaper shaper(fonts());
    const std::string word = "الزلاقيات";
    ShapedText shaped = shaper.shape(word, TextStyle{20, false, 0, 0, true, "ar"});
    REQUIRE(shaped.runs.size() == 1);
    const GlyphRun& run = shaped.runs[0];
    CHECK(run.rtl);
    CHECK(fs::path(run.font.file()).filename() == "Amiri-Regular.ttf");
    auto expected = harfbuzz_shape(kFonts + "/Amiri-Regular.ttf", word, 20, true);
    REQUIRE(run.glyphs.size() == expected.size());
    double origin = run.glyphs[0].x - expected[0].x;
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(run.glyphs[i].id == expected[i].id);
        CHECK(run.glyphs[i].x - origin == doctest::Approx(expected[i].x).epsilon(0.001));
    }
    // Joined letters: contextual forms differ from the isolated letters' glyphs.
    auto isolated = harfbuzz_shape(kFonts + "/Amiri-Regular.ttf", "ل", 20, true);
    CHECK(std::none_of(run.glyphs.begin(), run.glyphs.end(), [&](const Glyph& g) { return g.id == isolated[0].id; }));
}

TEST_CASE("the runs of one font share one font record, not a path each") {
    PangoShaper shaper(fonts());
    ShapedText a = shaper.shape("Sochi deal signed", TextStyle{14, false, 0, 0, false, "en"});
    ShapedText b = shaper.shape("Idlib buffer zone", TextStyle{14, false, 0, 0, false, "en"});
    REQUIRE(a.runs.size() == 1);
    REQUIRE(b.runs.size() == 1);
    CHECK(a.runs[0].font == b.runs[0].font);
    CHECK(&a.runs[0].font.file() == &b.runs[0].font.file());  // one string for both
    CHECK(sizeof(FontRef) <= 16);
}

TEST_CASE("mixed Arabic and Latin text is ordered by the bidi algorithm") {
    PangoShaper shaper(fonts());
    ShapedText shaped = shaper.shape("هيئة تحرير الشام (HTS) تعلن", TextStyle{14, false, 0, 0, true, "ar"});
    const GlyphRun* latin = nullptr;
    const GlyphRun* first_arabic = nullptr;
    for (const auto& run : shaped.runs) {
        if (run.text.find("HTS") != std::string::npos) latin = &run;
        if (run.text.find("هيئة") != std::string::npos) first_arabic = &run;
    }
    REQUIRE(latin);
    REQUIRE(first_arabic);
    CHECK_FALSE(latin->rtl);
    CHECK(fs::path(latin->font.file()).filename() == "NotoSans-Regular.ttf");
    // In a right-to-left paragraph the opening words are rightmost; "HTS" comes after them, to their left.
    CHECK(latin->glyphs.front().x < first_arabic->glyphs.front().x);
    CHECK(shaped.missing_chars.empty());
}

TEST_CASE("a character no font has is reported and drawn as a visible U+FFFD") {
    PangoShaper shaper(fonts());
    ShapedText shaped = shaper.shape("fire 🔥 here", TextStyle{12, false, 0, 0, false, "en"});
    CHECK(shaped.missing_chars == std::vector<std::string>{"🔥"});
    std::string text;
    for (const auto& run : shaped.runs) text += run.text;
    CHECK(text == "fire \uFFFD here");
    for (const auto& run : shaped.runs)
        for (const auto& g : run.glyphs) CHECK(g.id != 0);  // no .notdef box
}

TEST_CASE("long text is cut to its line limit with an ellipsis") {
    PangoShaper shaper(fonts());
    std::string word(5000, 'x');
    ShapedText cut = shaper.shape(word, TextStyle{12, true, 150, 4, false, "en"});
    ShapedText one = shaper.shape("x", TextStyle{12, true, 150, 4, false, "en"});
    CHECK(cut.height <= one.height * 4 + 1);
    CHECK(cut.width <= 150);
    std::string text;
    for (const auto& run : cut.runs) text += run.text;
    CHECK(text.find("…") != std::string::npos);
}

TEST_CASE("arrows come from the symbols font") {
    PangoShaper shaper(fonts());
    ShapedText shaped = shaper.shape("a → b", TextStyle{12, false, 0, 0, false, "en"});
    CHECK(shaped.missing_chars.empty());
    bool symbols = std::any_of(shaped.runs.begin(), shaped.runs.end(), [](const GlyphRun& run) {
        return fs::path(run.font.file()).filename() == "NotoSansSymbols-Regular.ttf";
    });
    CHECK(symbols);
}

TEST_CASE("wrapped text stays within its width") {
    PangoShaper shaper(fonts());
    ShapedText one_line = shaper.shape("Attack on a Jaysh al-Izza post at al-Zalaqiat", TextStyle{12, true, 0, 0, false, "en"});
    ShapedText wrapped = shaper.shape("Attack on a Jaysh al-Izza post at al-Zalaqiat", TextStyle{12, true, 150, 0, false, "en"});
    CHECK(wrapped.width <= 150);
    CHECK(wrapped.height > one_line.height * 1.5);
    for (const auto& run : wrapped.runs)
        for (const auto& g : run.glyphs) CHECK(g.x < 150);
}

namespace {

// Two shapings are the same when every glyph, position and line is.
void check_same(const ShapedText& a, const ShapedText& b) {
    CHECK(a.width == b.width);
    CHECK(a.height == b.height);
    CHECK(a.lines.size() == b.lines.size());
    REQUIRE(a.runs.size() == b.runs.size());
    for (size_t r = 0; r < a.runs.size(); ++r) {
        CHECK(a.runs[r].font.file() == b.runs[r].font.file());
        REQUIRE(a.runs[r].glyphs.size() == b.runs[r].glyphs.size());
        for (size_t g = 0; g < a.runs[r].glyphs.size(); ++g) {
            CHECK(a.runs[r].glyphs[g].id == b.runs[r].glyphs[g].id);
            CHECK(a.runs[r].glyphs[g].x == b.runs[r].glyphs[g].x);
            CHECK(a.runs[r].glyphs[g].y == b.runs[r].glyphs[g].y);
        }
    }
}

}  // namespace

TEST_CASE("text shaped ahead on several threads is what shaping one at a time gives") {
    std::vector<ShapeRequest> requests;
    for (int i = 0; i < 300; ++i) {
        bool arabic = i % 2;
        TextStyle style{arabic ? 13.0 : 12.0, i % 3 == 0, 150, 2, arabic, arabic ? "ar" : "en"};
        std::string text = arabic ? "هجوم على الحاجز رقم " + std::to_string(i) + " قرب (HTS) سراقب"
                                  : "Attack on checkpoint " + std::to_string(i) + " near Saraqib, with a long tail";
        requests.push_back({text, style});
    }
    requests.push_back(requests.front());  // a repeat is shaped once

    PangoShaper one_by_one(fonts());
    std::vector<ShapedText> expected;
    for (const auto& r : requests) expected.push_back(one_by_one.shape(r.text, r.style));

    PangoShaper ahead(fonts(), 3);
    ahead.prepare(requests);
    for (size_t i = 0; i < requests.size(); ++i) {
        CAPTURE(i);
        check_same(ahead.shape(requests[i].text, requests[i].style), expected[i]);
    }
    // Handed out once, then shaped (or remembered) again: still the same.
    check_same(ahead.shape(requests[5].text, requests[5].style), expected[5]);
    // The same text in another style is another result.
    TextStyle bigger = requests[0].style;
    bigger.size *= 2;
    CHECK(ahead.shape(requests[0].text, bigger).height > expected[0].height * 1.5);
}

TEST_CASE("Urdu is set in Nastaliq, Arabic, Persian and Sorani in Amiri, Russian in Noto Sans") {
    PangoShaper shaper(fonts());
    auto faces_of = [&](const std::string& text, const std::string& lang, bool rtl, bool bold = false) {
        ShapedText shaped = shaper.shape(text, TextStyle{.size = 12, .bold = bold, .rtl = rtl, .language = lang});
        CHECK(shaped.missing_chars.empty());
        std::vector<std::string> files;
        for (const auto& run : shaped.runs) files.push_back(fs::path(run.font.file()).filename().string());
        return files;
    };
    using Files = std::vector<std::string>;
    CHECK(faces_of("ترکی اور روس", "ur", true) == Files{"NotoNastaliqUrdu-Regular.ttf"});
    CHECK(faces_of("ترکی اور روس", "ur-PK", true, true) == Files{"NotoNastaliqUrdu-Regular.ttf"});  // no bold face
    CHECK(faces_of("ترکیه و روسیه", "fa", true) == Files{"Amiri-Regular.ttf"});
    CHECK(faces_of("تورکیا و ڕووسیا ڕێککەوتن", "ckb", true) == Files{"Amiri-Regular.ttf"});
    CHECK(faces_of("تركيا وروسيا", "ar", true) == Files{"Amiri-Regular.ttf"});
    CHECK(faces_of("Турция и Россия", "ru", false) == Files{"NotoSans-Regular.ttf"});
    CHECK(faces_of("טורקיה ורוסיה", "he", true) == Files{"NotoSansHebrew-Regular.ttf"});
    // A theme that does not list the Nastaliq face keeps Urdu in its own Arabic face.
    ShapedText plain = shaper.shape("ترکی", TextStyle{.size = 12, .rtl = true, .language = "ur", .families = "Noto Sans,Amiri"});
    REQUIRE(plain.runs.size() == 1);
    CHECK(fs::path(plain.runs[0].font.file()).filename() == "Amiri-Regular.ttf");
}

TEST_CASE("a string prepared twice is shaped once and handed out whole both times") {
    PangoShaper shaper(fonts());
    const TextStyle style{12, true, 210, 4, true, "ar"};
    const std::string title = "قصف مدفعي على خان شيخون";
    ShapedText alone = PangoShaper(fonts()).shape(title, style);
    REQUIRE(!alone.runs.empty());
    shaper.prepare({{title, style}, {"September 20, 2018", style}, {title, style}});
    CHECK(shaper.shaped() == 2);
    for (int use = 0; use < 2; ++use) {
        CAPTURE(use);
        ShapedText shaped = shaper.shape(title, style);
        REQUIRE(shaped.runs.size() == alone.runs.size());
        CHECK(shaped.width == alone.width);
        CHECK(shaped.runs[0].glyphs.size() == alone.runs[0].glyphs.size());
    }
    CHECK(shaper.shaped() == 2);  // the second use too came from what was prepared
}

namespace {

// The characters of each line, in the order they were written.
std::vector<std::string> line_texts(const ShapedText& shaped) {
    std::vector<std::string> lines;
    for (size_t l = 0; l < shaped.lines.size(); ++l) {
        const size_t end = l + 1 < shaped.lines.size() ? shaped.lines[l + 1].first_run : shaped.runs.size();
        std::string text;
        for (size_t r = shaped.lines[l].first_run; r < end; ++r) text += shaped.runs[r].text;
        lines.push_back(text);
    }
    return lines;
}

}  // namespace

TEST_CASE("a line never ends with an opening guillemet nor starts with a closing one") {
    PangoShaper shaper(fonts());
    const TextStyle one_line{.size = 12, .bold = true, .language = "fr"};
    const std::string quote = "Jaber Ali Bash appelle à une « bataille décisive » dit-il";
    // Widths at which a line would end just after "« ", or the next start with "»".
    for (const std::string first : {"Jaber Ali Bash appelle à une « ", "Jaber Ali Bash appelle à une « bataille décisive "}) {
        CAPTURE(first);
        TextStyle wrapped = one_line;
        wrapped.max_width = shaper.shape(first, one_line).width + 1;
        const std::vector<std::string> lines = line_texts(shaper.shape(quote, wrapped));
        REQUIRE(lines.size() >= 2);
        for (const std::string& line : lines) {
            CAPTURE(line);
            std::string trimmed = line;
            while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
            CHECK_FALSE(trimmed.ends_with("«"));
            CHECK_FALSE(line.starts_with("»"));
        }
    }
}
