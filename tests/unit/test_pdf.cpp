// The PDF writer's modules (src/render/pdf/): the object writer, fonts, page content.
#include <doctest/doctest.h>
#include <hb.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "render/pdf/glyph_paths.hpp"
#include "render/pdf/page_content.hpp"
#include "render/pdf/pdf_file.hpp"
#include "render/pdf/pdf_fonts.hpp"
#include "render/pdf/structure.hpp"
#include "render/pdf/text_pieces.hpp"
#include "render/pdf_writer.hpp"
#include "test_files.hpp"
#include "test_font.hpp"

using namespace tarikh;

namespace {

const FontRef kNotoSans{TARIKH_SOURCE_DIR "/fonts/NotoSans-Regular.ttf", 0};

std::string inflate_all(const std::string& packed) {
    std::string out(packed.size() * 20 + 1024, '\0');
    uLongf length = static_cast<uLongf>(out.size());
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(packed.data()),
                       static_cast<uLong>(packed.size())) == Z_OK);
    out.resize(length);
    return out;
}

// The file with each Flate stream's data inflated after it: what the objects say, searchable.
std::string unpacked(const std::string& pdf) {
    std::string out = pdf;
    for (size_t at = 0; (at = pdf.find("/FlateDecode/Length ", at)) != std::string::npos;) {
        size_t length = std::stoul(pdf.substr(at + 20));
        size_t data = pdf.find("stream\n", at) + 7;
        out += "\n" + inflate_all(pdf.substr(data, length));
        at = data + length;
    }
    return out;
}

// The one TrueType font a test file of `fonts` embeds, as written and opened with HarfBuzz.
class EmbeddedFont {
public:
    EmbeddedFont(pdf::File& file, pdf::Fonts& fonts) {
        fonts.write_all();
        int root = file.reserve();
        file.write(root, "<<>>");
        const std::string pdf = file.finish(root, root);
        const size_t at = pdf.find("/Length1 ");
        REQUIRE(at != std::string::npos);
        const size_t length = std::stoul(pdf.substr(pdf.find("/Length ", at) + 8)), data = pdf.find("stream\n", at) + 7;
        program_ = inflate_all(pdf.substr(data, length));
        blob_ = hb_blob_create(program_.data(), static_cast<unsigned>(program_.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
        face_ = hb_face_create(blob_, 0);
        font_ = hb_font_create(face_);
    }
    ~EmbeddedFont() {
        hb_font_destroy(font_);
        hb_face_destroy(face_);
        hb_blob_destroy(blob_);
    }
    EmbeddedFont(const EmbeddedFont&) = delete;
    EmbeddedFont& operator=(const EmbeddedFont&) = delete;
    hb_font_t* hb() const { return font_; }
    unsigned upem() const { return hb_face_get_upem(face_); }

private:
    std::string program_;
    hb_blob_t* blob_ = nullptr;
    hb_face_t* face_ = nullptr;
    hb_font_t* font_ = nullptr;
};

Scene one_page(std::vector<Item> items) {
    Scene scene;
    scene.title = "Test";
    scene.language = "en";
    Page page;
    page.width = 200;
    page.height = 100;
    page.items = std::move(items);
    scene.pages.push_back(std::move(page));
    return scene;
}

}  // namespace

TEST_CASE("pdf numbers are written with at most the decimals asked for and no trailing zeros") {
    std::string s;
    pdf::append_number(s, 12.5);
    s += ' ';
    pdf::append_number(s, 3.0);
    s += ' ';
    pdf::append_number(s, -0.001);
    s += ' ';
    pdf::append_number(s, 0.12345, 3);
    CHECK(s == "12.5 3 0 0.123");
}

TEST_CASE("pdf text strings are literal when ASCII and UTF-16BE with a BOM otherwise") {
    CHECK(pdf::text_string("a (b) \\") == "(a \\(b\\) \\\\)");
    using namespace std::string_literals;
    // U+0628's low byte is "(", escaped like any other
    CHECK(pdf::text_string("ب") == "(\xFE\xFF\x06\\()");
    CHECK(pdf::text_string("\xF0\x9F\x98\x80") == "(\xFE\xFF\xD8\x3D\xDE\x00)"s);  // a surrogate pair
    CHECK(pdf::text_string("ਊ") == "(\xFE\xFF\\n\\n)");  // U+0A0A: two line feeds, escaped
    CHECK(pdf::text_string("ന\u5C29") == "(\xFE\xFF\\r\\(\\\\\\))");  // U+0D28 U+5C29: a CR, "(", a backslash, ")"
    CHECK(pdf::utf16_hex("ب\xF0\x9F\x98\x80") == "0628D83DDE00");
}

TEST_CASE("pdf file: objects in object streams, a cross-reference stream, an ID that follows the content") {
    auto make = [](const std::string& body) {
        pdf::File file;
        int a = file.reserve(), b = file.reserve();
        file.write_stream(b, "", body);
        file.write(a, "<</Type/Catalog>>");
        return file.finish(a, a);
    };
    std::string bytes = make("hello hello hello");
    CHECK(bytes == make("hello hello hello"));
    size_t start = bytes.rfind("startxref\n");
    REQUIRE(start != std::string::npos);
    size_t xref = std::stoul(bytes.substr(start + 10));
    CHECK(bytes.substr(xref, 22) == "4 0 obj\n<</Type/XRef/W");  // 3: the object stream
    CHECK(bytes.find("/Type/ObjStm/N 1/First 4") != std::string::npos);
    CHECK(bytes.find("<</Type/Catalog>>") == std::string::npos);  // compressed
    CHECK(bytes.find("2 0 obj\n<</Length 17>>") == std::string::npos);
    std::string other = make("hello hello world");
    CHECK(other.substr(other.find("/ID")) != bytes.substr(bytes.find("/ID")));
}

TEST_CASE("pdf streams are deflated") {
    std::string data(1000, 'x');
    std::string packed = pdf::deflate(data);
    CHECK(packed.size() < 100);
    CHECK(inflate_all(packed) == data);
}

TEST_CASE("a pdf stream larger than a piece of the deflater's output is deflated whole, as zlib does it at once at the same level") {
    std::string data;  // barely compressible: its output takes several pieces of 64 KB
    for (std::uint32_t x = 1; data.size() < 400000; x = x * 1664525u + 1013904223u) data += static_cast<char>(x >> 24);
    std::string packed = pdf::deflate(data);
    CHECK(packed.size() > 3 * (1 << 16));
    CHECK(inflate_all(packed) == data);
    std::string whole(compressBound(static_cast<uLong>(data.size())), '\0');
    uLongf length = static_cast<uLongf>(whole.size());
    REQUIRE(compress2(reinterpret_cast<Bytef*>(whole.data()), &length, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uLong>(data.size()), pdf::kDeflateLevel) == Z_OK);
    whole.resize(length);
    CHECK(packed == whole);  // the same bytes: a PDF is the same file whatever the pieces
}

TEST_CASE("pdf fonts: a used font is embedded as a subset with widths and a ToUnicode map") {
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    auto& face = fonts.face(kNotoSans);
    CHECK(pdf::Fonts::name(face) == "F0");
    CHECK(&fonts.face(kNotoSans) == &face);
    CHECK(fonts.advance(face, 68) > 400);  // a letter's width, thousandths of an em
    CHECK(fonts.stands_for(face, 68, "a"));
    CHECK(fonts.stands_for(face, 68, "a"));
    CHECK_FALSE(fonts.stands_for(face, 68, "b"));  // already says "a": the text needs an /ActualText
    fonts.write_all();
    int root = file.reserve();
    file.write(root, "<<>>");
    std::string bytes = unpacked(file.finish(root, root));
    CHECK(bytes.find("/Subtype/Type0") != std::string::npos);
    CHECK(bytes.find("/Subtype/CIDFontType2") != std::string::npos);
    CHECK(bytes.find("/Encoding/Identity-H") != std::string::npos);
    CHECK(bytes.find("/W [68[") != std::string::npos);
    CHECK(bytes.find("+NotoSans-Regular") != std::string::npos);
    size_t length1 = bytes.find("/Length1 ");
    REQUIRE(length1 != std::string::npos);
    CHECK(std::stoul(bytes.substr(length1 + 9)) < 60000);  // the whole font is 556 kB
}

TEST_CASE("pdf fonts: a glyph mapped but never shown says its text and has no width, and an id past the font is kept too") {
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    auto& face = fonts.face(kNotoSans);
    fonts.advance(face, 68);
    CHECK(fonts.stands_for(face, 68, "a"));
    CHECK(fonts.stands_for(face, 70, "c"));  // the other glyph of a mirrored bracket: mapped, not shown
    // A cmap may point past the font's glyphs: such an id is kept apart, not in a table that large.
    const std::uint32_t past = 0x0FFFFFFE;
    CHECK(fonts.stands_for(face, past, "x"));
    CHECK(fonts.stands_for(face, past, "x"));
    CHECK_FALSE(fonts.stands_for(face, past, "y"));
    CHECK_FALSE(fonts.stands_for(face, 70, "d"));
    fonts.write_all();
    int root = file.reserve();
    file.write(root, "<<>>");
    std::string bytes = unpacked(file.finish(root, root));
    const std::size_t widths = bytes.find("/W [");
    REQUIRE(widths != std::string::npos);
    const std::string w = bytes.substr(widths, bytes.find("]]", widths) + 2 - widths);
    CHECK(w.rfind("/W [68[", 0) == 0);
    CHECK(w.find("70[") == std::string::npos);
    CHECK(bytes.find("<0044><0061>") != std::string::npos);
    CHECK(bytes.find("<0046><0063>") != std::string::npos);
}

// A glyph shown only unseen (render mode 3: the letters that say a Nastaliq word) is never drawn:
// its outline is cut to a line across its box (MuPDF read a glyph with none as a space), its
// advance kept; a glyph seen keeps its outline.
TEST_CASE("pdf fonts: a glyph shown only in render mode 3 is only its box in the subset") {
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    auto& face = fonts.face(kNotoSans);
    const double advance = fonts.advance(face, 69);  // "b", unseen
    fonts.advance(face, 68);                         // "a", seen
    fonts.seen(face, 68);
    const EmbeddedFont subset(file, fonts);
    hb_font_t* font = subset.hb();
    const testing::TestFont whole(kNotoSans);
    CHECK(pdf::glyph_path(font, 68) == pdf::glyph_path(whole.hb(), 68));
    hb_glyph_extents_t box{}, was{};
    CHECK(hb_font_get_glyph_extents(font, 69, &box));
    CHECK(hb_font_get_glyph_extents(whole.hb(), 69, &was));
    const std::string low = std::to_string(was.x_bearing) + ' ' + std::to_string(was.y_bearing + was.height);
    const std::string high = std::to_string(was.x_bearing + was.width) + ' ' + std::to_string(was.y_bearing);
    CHECK(pdf::glyph_path(font, 69) == low + " m\n" + high + " l\n" + low + " l\n");  // HarfBuzz closes it
    CHECK((box.x_bearing == was.x_bearing && box.y_bearing == was.y_bearing && box.width == was.width && box.height == was.height));
    CHECK(std::lround(hb_font_get_glyph_h_advance(font, 69) * 1000.0 / subset.upem()) == std::lround(advance));
}

// A glyph shown only unseen that a seen glyph is built of (Noto Sans' "periodcentered" is its
// "period", moved up) keeps its outline: the seen one draws it.
TEST_CASE("pdf fonts: a glyph unseen but part of a seen composite keeps its outline") {
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    auto& face = fonts.face(kNotoSans);
    fonts.advance(face, 16);   // "period", unseen
    fonts.advance(face, 111);  // "periodcentered", seen
    fonts.seen(face, 111);
    const EmbeddedFont subset(file, fonts);
    const testing::TestFont whole(kNotoSans);
    CHECK(pdf::glyph_path(subset.hb(), 16) == pdf::glyph_path(whole.hb(), 16));
    CHECK(pdf::glyph_path(subset.hb(), 111) == pdf::glyph_path(whole.hb(), 111));
}

TEST_CASE("pdf fonts: under every_glyph_mapped a glyph shown as text that says nothing maps to U+2060") {
    // A cluster's second glyph under an /ActualText: shown, counted, standing for "" (PDF/A-2u).
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    auto& face = fonts.face(kNotoSans);
    fonts.advance(face, 68);
    CHECK(fonts.stands_for(face, 68, "a"));
    fonts.advance(face, 69);
    CHECK(fonts.stands_for(face, 69, ""));
    fonts.write_all(true);
    int root = file.reserve();
    file.write(root, "<<>>");
    std::string bytes = unpacked(file.finish(root, root));
    CHECK(bytes.find("<0044><0061>") != std::string::npos);
    CHECK(bytes.find("<0045><2060>") != std::string::npos);
}

TEST_CASE("pdf page content: shapes, alpha, clips and links") {
    Group link;
    link.url = "https://example.org/";
    link.items.push_back(RectItem{.box = {10, 10, 50, 20}, .fill = Color{255, 0, 0, 128}, .stroke = std::nullopt, .radius = 4});
    Group moved = shown_as({CircleItem{.center = {5, 5}, .radius = 3, .fill = Color{0, 0, 255}, .stroke = std::nullopt}},
                           {100, 0}, 2, Box{90, 0, 50, 50});
    LineItem line;
    line.points = {{0, 90}, {100, 90}};
    line.stroke = Stroke{Color{0, 0, 0}, 2, {4, 2}};
    line.arrow_end = true;
    std::vector<Item> items;
    items.emplace_back(std::move(link));
    items.emplace_back(std::move(moved));
    items.emplace_back(std::move(line));
    Scene scene = one_page(std::move(items));
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    pdf::Structure structure(file);
    structure.begin_page(file.reserve());
    pdf::PageContent content = pdf::page_content(scene.pages[0], fonts, structure);
    const std::string& s = content.stream;
    CHECK(s.rfind("0.75 0 0 -0.75 0 75 cm\n", 0) == 0);
    CHECK(s.find("/a128 gs") != std::string::npos);
    CHECK(content.resources.find("/a128<</ca 0.502>>") != std::string::npos);
    CHECK(s.find("90 0 50 50 re W n\n2 0 0 2 100 0 cm\n") != std::string::npos);
    CHECK(s.find("[4 2]0 d") != std::string::npos);
    REQUIRE(content.links.size() == 1);
    CHECK(content.links[0].url == "https://example.org/");
    CHECK(content.links[0].box.x == doctest::Approx(10));
    CHECK(content.links[0].box.width == doctest::Approx(50));
}

TEST_CASE("pdf text: glyphs placed where the scene says, a ligature mapped to its letters") {
    GlyphRun run;
    run.font = kNotoSans;
    run.size = 20;
    run.text = "ab";
    run.glyphs = {{.id = 68, .cluster = 0, .x = 0, .y = 0}, {.id = 69, .cluster = 1, .x = 30, .y = 0}};  // b 30 px on: further than a's advance
    TextItem text;
    text.origin = {10, 50};
    text.runs.push_back(run);
    Scene scene = one_page({text});
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    auto& face = fonts.face(kNotoSans);
    const double a = fonts.advance(face, 68) * 20 / 1000;
    pdf::Structure structure(file);
    structure.begin_page(file.reserve());
    pdf::PageContent content = pdf::page_content(scene.pages[0], fonts, structure);
    CHECK(content.stream.find("/F0 20 Tf\n1 0 0 -1 10 50 Tm\n[<0044>") != std::string::npos);
    // The gap past a's advance, in thousandths of an em, negative: moves right.
    std::string gap;
    pdf::append_number(gap, -(30 - a) * 1000 / 20, 1);
    CHECK(content.stream.find("[<0044>" + gap + "<0045>]TJ") != std::string::npos);
}

TEST_CASE("pdf text: a move that rounds to no adjustment leaves the glyphs in one string") {
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    auto& face = fonts.face(kNotoSans);
    const double a = fonts.advance(face, 68) * 20 / 1000;
    const double b = fonts.advance(face, 69) * 20 / 1000, c = fonts.advance(face, 70) * 20 / 1000;
    // Each glyph 0.004 px further than the one before left the pen: 0.2 thousandths of an em at
    // 20 px, written as none, until d's 0.012 px add up to 0.6 and it is moved by one.
    GlyphRun run;
    run.font = kNotoSans;
    run.size = 20;
    run.text = "abcd";
    run.glyphs = {{.id = 68, .cluster = 0, .x = 0, .y = 0},
                  {.id = 69, .cluster = 1, .x = a + 0.004, .y = 0},
                  {.id = 70, .cluster = 2, .x = a + b + 0.008, .y = 0},
                  {.id = 71, .cluster = 3, .x = a + b + c + 0.012, .y = 0}};
    TextItem text;
    text.origin = {10, 50};
    text.runs.push_back(run);
    Scene scene = one_page({text});
    pdf::Structure structure(file);
    structure.begin_page(file.reserve());
    pdf::PageContent content = pdf::page_content(scene.pages[0], fonts, structure);
    CHECK(content.stream.find("[<004400450046>-1<0047>]TJ") != std::string::npos);
}

TEST_CASE("pdf: the same scene gives the same bytes, with outline, links, /Lang and title") {
    Group link;
    link.url = "https://example.org/a(b)";
    link.items.push_back(RectItem{.box = {10, 10, 50, 20}, .fill = Color{255, 0, 0}, .stroke = std::nullopt, .radius = 0});
    Scene scene = one_page({link});
    scene.outline.push_back({"Top", 1, {0, 0}, -1});
    scene.outline.push_back({"Below", 1, {0, 50}, 0});
    std::string packed = render_pdf(scene);
    CHECK(packed == render_pdf(scene));
    std::string bytes = unpacked(packed);
    CHECK(bytes.find("/URI(https://example.org/a\\(b\\))") != std::string::npos);
    CHECK(bytes.find("/Lang(en)") != std::string::npos);
    CHECK(bytes.find("/Title(Below)") != std::string::npos);
    CHECK(bytes.find("/Count -1") != std::string::npos);
    CHECK(bytes.find("/DisplayDocTitle true") != std::string::npos);
}

namespace {

// Text set with the font's own glyphs one after another (no shaping): enough for structure.
TextItem plain_text(const std::string& text, Point at, const FontRef& font = kNotoSans, bool rtl = false) {
    hb_blob_t* blob = hb_blob_create_from_file(font.file().c_str());
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* hb = hb_font_create(face);
    const double size = 12, scale = size / hb_face_get_upem(face);
    GlyphRun run;
    run.font = font;
    run.size = size;
    run.rtl = rtl;
    run.text = text;
    double x = 0;
    std::vector<Glyph> glyphs;
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned cp = n == 1 ? c : c & (0x7F >> n);
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        hb_codepoint_t glyph = 0;
        hb_font_get_nominal_glyph(hb, cp, &glyph);
        glyphs.push_back({.id = glyph, .cluster = static_cast<std::uint32_t>(i), .x = x, .y = 0});
        x += hb_font_get_glyph_h_advance(hb, glyph) * scale;
        i += n;
    }
    if (rtl) {  // visual order: the last character leftmost
        std::reverse(glyphs.begin(), glyphs.end());
        double left = 0;
        for (auto& g : glyphs) {
            double advance = hb_font_get_glyph_h_advance(hb, g.id) * scale;
            g.x = left;
            left += advance;
        }
    }
    run.glyphs = std::move(glyphs);
    hb_font_destroy(hb);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    TextItem item;
    item.origin = at;
    item.color = Color{0, 0, 0};
    item.runs.push_back(std::move(run));
    return item;
}

Group with_role(Role role, std::vector<Item> items, int level = 0) {
    Group g;
    g.role = role;
    g.level = level;
    g.items = std::move(items);
    return g;
}

// A page that uses every role, as wt-roles' layouts will.
Scene every_role() {
    const FontRef amiri{TARIKH_SOURCE_DIR "/fonts/Amiri-Regular.ttf", 0};
    Group arabic = with_role(Role::paragraph, {plain_text("سلام عليكم", {20, 150}, amiri, true)});
    arabic.lang = "ar";
    Group source = with_role(Role::list_item, {plain_text("First source", {30, 180})});
    source.url = "https://example.org/source";
    Group figure = with_role(Role::figure, {RectItem{.box = {20, 200, 100, 40}, .fill = Color{200, 200, 250},
                                                     .stroke = std::nullopt, .radius = 3},
                                            plain_text("label in chart", {25, 225})});
    figure.alt = "A chart of one event: the label in the chart";
    Group section = with_role(Role::section, {});
    section.items.emplace_back(with_role(Role::heading, {plain_text("An era", {20, 80})}, 2));
    section.items.emplace_back(with_role(Role::paragraph, {plain_text("Body text here.", {20, 100})}));
    section.items.emplace_back(with_role(Role::quote, {plain_text("A quoted line", {30, 120})}));
    section.items.emplace_back(std::move(arabic));
    section.items.emplace_back(with_role(Role::list, {source, with_role(Role::list_item, {plain_text("Second", {30, 195})})}));
    section.items.emplace_back(std::move(figure));
    section.items.emplace_back(with_role(Role::caption, {plain_text("The caption", {20, 255})}));
    Group document = with_role(Role::document, {});
    document.lang = "en";
    document.items.emplace_back(with_role(Role::artifact, {plain_text("Running head", {20, 20})}));
    document.items.emplace_back(with_role(Role::heading, {plain_text("Timeline title", {20, 50})}, 1));
    document.items.emplace_back(std::move(section));
    document.items.emplace_back(with_role(Role::artifact, {plain_text("page 1 of 1", {20, 290}),
                                                           LineItem{.points = {{20, 280}, {180, 280}},
                                                                    .stroke = Stroke{Color{0, 0, 0}, 1, {}},
                                                                    .arrow_end = false}}));
    std::vector<Item> items;
    items.emplace_back(std::move(document));
    Scene scene = one_page(std::move(items));
    scene.pages[0].height = 300;
    return scene;
}

std::string run_tool(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    pclose(pipe);
    return out;
}

}  // namespace

// The structure tree of a page that uses every role, as `pdfinfo -struct-text` prints it,
// against tests/golden/pdf-structure.txt (a change is written beside it as .actual; tests/bless).
TEST_CASE("pdf structure tree: every role, as pdfinfo prints it") {
    std::string bytes = render_pdf(every_role());
    auto path = std::filesystem::temp_directory_path() / "tarikh-test-structure.pdf";
    std::ofstream(path, std::ios::binary) << bytes;
    CHECK(run_tool("qpdf --check '" + path.string() + "' 2>&1").find("No syntax or stream encoding errors") !=
          std::string::npos);
    CHECK(run_tool("pdfinfo '" + path.string() + "'").find("Tagged:          yes") != std::string::npos);
    std::string tree = run_tool("pdfinfo -struct-text '" + path.string() + "'");
    std::filesystem::remove(path);
    CHECK(tree.find("Running head") == std::string::npos);  // an artifact
    CHECK(tree.find("سلام عليكم") != std::string::npos);  // in logical order
    CHECK(tarikh::testing::matches_golden(std::filesystem::path(TARIKH_TEST_DIR) / "golden/pdf-structure.txt", tree));
}

// An event a page break cuts is one section read across both pages, in one Document.
TEST_CASE("pdf structure tree: a group continued on the next page joins the element it began") {
    auto page_of = [](Group section, bool continued) {
        section.continued = continued;
        Group document = with_role(Role::document, {});
        document.continued = continued;
        document.items.emplace_back(std::move(section));
        Page page;
        page.width = 200;
        page.height = 100;
        page.items.emplace_back(std::move(document));
        return page;
    };
    Scene scene = one_page({});
    scene.pages = {page_of(with_role(Role::section, {with_role(Role::paragraph, {plain_text("first half", {20, 50})})}), false),
                   page_of(with_role(Role::section, {with_role(Role::paragraph, {plain_text("second half", {20, 50})})}), true)};
    auto path = std::filesystem::temp_directory_path() / "tarikh-test-continued.pdf";
    std::ofstream(path, std::ios::binary) << render_pdf(scene);
    std::string tree = run_tool("pdfinfo -struct-text '" + path.string() + "'");
    std::filesystem::remove(path);
    CHECK(tree == "Document\n  Sect\n    P (block)\n      \"first half\"\n    P (block)\n      \"second half\"\n");
}

namespace {

// `text` shaped right to left by HarfBuzz in `font`, as the scene carries it (visual order).
GlyphRun shaped_rtl(const std::string& text, const FontRef& font, hb_font_t* hb) {
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.c_str(), static_cast<int>(text.size()), 0, -1);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(hb, buffer, nullptr, 0);
    unsigned n = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);
    GlyphRun run;
    run.font = font;
    run.size = 20;
    run.rtl = true;
    run.text = text;
    const double scale = 20.0 / hb_face_get_upem(hb_font_get_face(hb));
    double x = 0;
    for (unsigned i = 0; i < n; ++i) {
        run.glyphs.push_back({.id = info[i].codepoint, .cluster = info[i].cluster, .x = x + pos[i].x_offset * scale,
                              .y = -pos[i].y_offset * scale});
        x += pos[i].x_advance * scale;
    }
    hb_buffer_destroy(buffer);
    return run;
}

}  // namespace

// A letter's mark is written after the letter by an invisible glyph of its own, left of the
// letter (pdftotext orders by left edges), and drawn as a shape; a ZWNJ by its own invisible glyph.
TEST_CASE("pdf text pieces: marks and ZWNJ of right-to-left text are glyphs of their own") {
    const FontRef amiri{TARIKH_SOURCE_DIR "/fonts/Amiri-Regular.ttf", 0};
    const testing::TestFont font(amiri);
    hb_font_t* hb = font.hb();
    const GlyphRun marked = shaped_rtl("عاجلًا", amiri, hb);  // the pieces' text is the run's
    std::vector<pdf::TextPiece> pieces = pdf::text_pieces(marked, {0, 0}, hb);
    std::string said, invisible;
    size_t shapes = 0;
    for (const auto& p : pieces) {
        if (p.voice != pdf::TextPiece::Voice::drawn) said += p.text;
        if (p.voice == pdf::TextPiece::Voice::invisible) invisible += p.text;
        shapes += p.voice == pdf::TextPiece::Voice::drawn;
    }
    CHECK(said == "عاجلًا");  // in logical order
    CHECK(invisible == "ً");
    CHECK(shapes == 1);
    const GlyphRun joined = shaped_rtl("می‌کند", amiri, hb);
    pieces = pdf::text_pieces(joined, {0, 0}, hb);
    invisible.clear();
    for (const auto& p : pieces)
        if (p.voice == pdf::TextPiece::Voice::invisible) invisible += p.text;
    CHECK(invisible == "\u200C");
    // Amiri draws this خ as the letter and a kashida: the letter's glyph alone says it.
    const GlyphRun bread = shaped_rtl("الخبز", amiri, hb);
    pieces = pdf::text_pieces(bread, {0, 0}, hb);
    size_t khah = 0;
    for (const auto& p : pieces)
        if (p.text == "خ") khah = p.glyphs.size();
    CHECK(khah == 1);
}

// A Nastaliq word's glyphs are drawn as shapes, saying nothing (MuPDF and pdfminer read a glyph
// the ToUnicode map leaves out, or maps to nothing, as U+FFFD or "(cid:N)"); its letters are said, in logical order, by their own glyphs, unseen, in a row from
// right to left with no gap between two of them.
TEST_CASE("pdf text pieces: a Nastaliq word's letters are said by their own glyphs in a row") {
    const FontRef nastaliq{TARIKH_SOURCE_DIR "/fonts/NotoNastaliqUrdu-Regular.ttf", 0};
    const testing::TestFont font(nastaliq);
    hb_font_t* hb = font.hb();
    const GlyphRun run = shaped_rtl("ادلب پر", nastaliq, hb);  // the pieces' text is the run's
    std::vector<pdf::TextPiece> pieces = pdf::text_pieces(run, {0, 0}, hb);
    std::string said;
    size_t shapes = 0;
    std::vector<pdf::PlacedGlyph> letters;
    for (const auto& p : pieces) {
        said += p.text;
        if (p.voice == pdf::TextPiece::Voice::drawn) {
            CHECK(p.text.empty());
            ++shapes;
        }
        if (p.voice == pdf::TextPiece::Voice::invisible && p.text != " ") {
            REQUIRE(p.glyphs.size() == 1);
            hb_codepoint_t own = 0;
            REQUIRE(p.text.size() == 2);  // an Arabic letter in UTF-8
            const auto letter = static_cast<hb_codepoint_t>(((p.text[0] & 0x1F) << 6) | (p.text[1] & 0x3F));
            CHECK(hb_font_get_nominal_glyph(hb, letter, &own));
            CHECK(p.glyphs[0].id == own);
            letters.push_back(p.glyphs[0]);
        }
    }
    CHECK(said == "ادلب پر");
    CHECK(shapes == 2);  // a word each
    REQUIRE(letters.size() == 6);
    for (size_t i = 1; i < 4; ++i) CHECK(letters[i].x + letters[i].width >= letters[i - 1].x);  // "ادلب", no gap
}

// A glyph that must say nothing (here a tanween's, said by its own glyph, unseen) is no text at all:
// MuPDF wrote U+FFFD for a glyph the ToUnicode map left out. It is a shape, outside the text
// object: its path where it is drawn when a page draws it once (a form of its own cost a hundred
// bytes more), else a form XObject written once however often it is drawn, in the page's
// resources, drawn with Do, and once it is a form, always the form.
TEST_CASE("pdf page content: a glyph that says nothing is a shape, its path where a page draws it once, else a form") {
    const FontRef amiri{TARIKH_SOURCE_DIR "/fonts/Amiri-Regular.ttf", 0};
    const testing::TestFont font(amiri);
    const GlyphRun run = shaped_rtl("عاجلًا", amiri, font.hb());
    size_t shapes = 0;
    for (const auto& piece : pdf::text_pieces(run, {0, 0}, font.hb())) shapes += piece.voice == pdf::TextPiece::Voice::drawn;
    REQUIRE(shapes == 1);
    TextItem text;
    text.origin = {10, 50};
    text.runs.push_back(run);
    const Scene first = one_page({text}), second = one_page({text, text}), third = one_page({text});
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    pdf::Structure structure(file);
    structure.begin_page(file.reserve());
    pdf::PageContent content = pdf::page_content(first.pages[0], fonts, structure);
    CHECK(content.resources.find("/XObject") == std::string::npos);
    const size_t path = content.stream.find("ET\nq 0.02 0 0 -0.02 14.94 50 cm ");
    REQUIRE(path != std::string::npos);
    const size_t end = content.stream.find("BT\n", path);
    const std::string drawn = content.stream.substr(path, end - path);
    CHECK(drawn.find(" m\n") != std::string::npos);
    CHECK(drawn.substr(drawn.size() - 5) == "\nf Q\n");
    CHECK(drawn.find("h\n") == std::string::npos);  // the fill closes its contours
    CHECK(drawn.find("Do") == std::string::npos);
    for (const Scene* scene : {&second, &third}) {  // drawn twice: a form; then once, the form
        structure.begin_page(file.reserve());
        content = pdf::page_content(scene->pages[0], fonts, structure);
        CHECK(content.resources.find("/XObject<</G0 ") != std::string::npos);
        CHECK(content.stream.find("ET\nq 0.02 0 0 -0.02 14.94 50 cm /G0 Do Q\nBT\n") != std::string::npos);
    }
    fonts.write_all();
    const std::string bytes = unpacked(file.finish(structure.write(), file.reserve()));
    size_t forms = 0;
    for (size_t at = 0; (at = bytes.find("/Subtype/Form/BBox[", at)) != std::string::npos; ++at) ++forms;
    CHECK(forms == 1);
}

// A Nastaliq word's shapes: the first placed in page px, each next one moved from the one before
// in whole font units, under one q/Q (each had its own `q s 0 0 -s x y cm … Q`, a third more
// content). Every shape lands within half a unit of where the scene put its glyph.
TEST_CASE("pdf page content: a word's shapes are each moved from the one before, in font units") {
    const FontRef nastaliq{TARIKH_SOURCE_DIR "/fonts/NotoNastaliqUrdu-Regular.ttf", 0};
    const testing::TestFont font(nastaliq);
    const GlyphRun run = shaped_rtl("ادلب", nastaliq, font.hb());
    std::vector<pdf::PlacedGlyph> drawn;
    for (const auto& piece : pdf::text_pieces(run, {10, 50}, font.hb()))
        if (piece.voice == pdf::TextPiece::Voice::drawn)
            for (const auto& g : piece.glyphs) {
                hb_glyph_extents_t ink{};
                if (hb_font_get_glyph_extents(font.hb(), g.id, &ink) && ink.width != 0) drawn.push_back(g);  // no blank
            }
    REQUIRE(drawn.size() >= 3);
    TextItem text;
    text.origin = {10, 50};
    text.runs.push_back(run);
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    pdf::Structure structure(file);
    structure.begin_page(file.reserve());
    // Twice: a shape a page draws once is a path where it is drawn, not a form.
    const std::string stream = pdf::page_content(one_page({text, text}).pages[0], fonts, structure).stream;
    const size_t begin = stream.find("ET\nq 0.02 0 0 -0.02 "), end = stream.find(" Q\nBT\n", begin);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::istringstream ops(stream.substr(begin + 3, end - begin - 3));
    std::string q, name, op;
    double a = 0, b = 0, c = 0, d = 0, x = 0, y = 0;
    ops >> q >> a >> b >> c >> d >> x >> y >> op >> name >> op;
    CHECK(q == "q");
    CHECK(x == doctest::Approx(drawn[0].x).epsilon(0.0001));
    CHECK(y == doctest::Approx(drawn[0].y).epsilon(0.0001));
    size_t shapes = 1;
    long units_x = 0, units_y = 0;
    for (long dx = 0, dy = 0; ops >> a >> b >> c >> d >> dx >> dy >> op >> name >> op; ++shapes) {
        CHECK((a == 1 && d == 1 && op == "Do"));
        units_x += dx, units_y += dy;
        REQUIRE(shapes < drawn.size());
        CHECK(std::abs(x + units_x * 0.02 - drawn[shapes].x) <= 0.01 + 1e-9);
        CHECK(std::abs(y - units_y * 0.02 - drawn[shapes].y) <= 0.01 + 1e-9);
    }
    CHECK(shapes == drawn.size());
}

// The letters that say a Nastaliq word, unseen, each stretched over its share of the word: each
// was `a 0 0 -1 x y Tm` and the pieces between them `0 Tr 3 Tr`; now a Tz for the stretch and a
// Td from the letter before, one 3 Tr for the run. The text matrices come out where they were.
TEST_CASE("pdf page content: unseen letters are stretched with Tz and stepped with Td, in one 3 Tr") {
    const FontRef nastaliq{TARIKH_SOURCE_DIR "/fonts/NotoNastaliqUrdu-Regular.ttf", 0};
    const testing::TestFont font(nastaliq);
    const GlyphRun run = shaped_rtl("ادلب پر", nastaliq, font.hb());
    struct Letter {
        std::uint32_t id;
        double x, stretch;
    };
    std::vector<Letter> letters;
    const double per_unit = 20.0 / hb_face_get_upem(hb_font_get_face(font.hb()));
    for (const auto& piece : pdf::text_pieces(run, {10, 50}, font.hb()))
        for (const auto& g : piece.glyphs)
            if (piece.voice == pdf::TextPiece::Voice::invisible && g.width > 0)
                letters.push_back({g.id, g.x, g.width / (hb_font_get_glyph_h_advance(font.hb(), g.id) * per_unit)});
    REQUIRE(letters.size() >= 5);
    TextItem text;
    text.origin = {10, 50};
    text.runs.push_back(run);
    pdf::File file;
    pdf::FontCache cache;
    pdf::Fonts fonts(file, cache);
    pdf::Structure structure(file);
    structure.begin_page(file.reserve());
    const std::string stream = pdf::page_content(one_page({text}).pages[0], fonts, structure).stream;
    CHECK(stream.find("0 Tr\n3 Tr\n") == std::string::npos);
    CHECK(stream.find(" 0 Td\n") != std::string::npos);
    // The text state along the stream: where each one-glyph TJ was shown, and stretched how much.
    std::istringstream ops(stream);
    std::vector<std::string> operands;
    double line_x = 0, stretch = 100;
    size_t found = 0;
    for (std::string token; ops >> token;) {
        if (token == "Tm") line_x = std::stod(operands[operands.size() - 2]);
        if (token == "Td") line_x += std::stod(operands[operands.size() - 2]);
        if (token == "Tz") stretch = std::stod(operands.back());
        if (token == "BT") line_x = 0;
        if (token.size() == 10 && token.substr(0, 2) == "[<" && token.substr(6) == ">]TJ") {
            const auto id = static_cast<std::uint32_t>(std::stoul(token.substr(2, 4), nullptr, 16));
            for (const Letter& l : letters)
                if (l.id == id && std::abs(l.x - line_x) < 0.006) {
                    CHECK(stretch == doctest::Approx(100 * l.stretch).epsilon(0.001));
                    ++found;
                }
        }
        operands.push_back(token);
    }
    CHECK(found == letters.size());
}
