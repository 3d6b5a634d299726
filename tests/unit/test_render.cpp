#include <doctest/doctest.h>

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

#include <tarikh/tarikh.hpp>

#include "api/laid_out.hpp"
#include "core/content_hash.hpp"
#include "core/number_text.hpp"
#include "io/parse.hpp"
#include "render/html_writer.hpp"
#include "render/markup.hpp"
#include "render/pdf_writer.hpp"
#include "render/png_writer.hpp"
#include "render/svg_writer.hpp"
#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"
#include "png_golden.hpp"
#include "test_files.hpp"

using namespace tarikh;
namespace fs = std::filesystem;

namespace {

Timeline load(const char* json) {
    ParseResult result = parse_timeline(json, "t");
    REQUIRE(result.timeline);
    return *result.timeline;
}

Timeline example() {
    Result<Timeline> result = load_file(std::string(TARIKH_SOURCE_DIR) + "/timelines/idlib-sochi-2018.json");
    REQUIRE(result);
    return *result;
}

Renderer& renderer() {
    static Renderer r = std::move(*Renderer::create(std::string(TARIKH_SOURCE_DIR) + "/fonts").value);
    return r;
}

RenderOptions options_for(Format format, const std::string& lang, double dpi = 96) {
    RenderOptions options{.format = format, .dpi = dpi};
    if (!lang.empty()) options.languages = {lang};
    return options;
}

std::string render(const Timeline& t, const RenderOptions& options) {
    Result<Rendered> out = renderer().render(t, options);
    REQUIRE(out);
    return out->files.front();
}

std::string render(const Timeline& t, Format format, const std::string& lang = "") {
    return render(t, options_for(format, lang));
}

// The <svg …> tag that opens a document.
std::string svg_root(const std::string& svg) { return svg.substr(0, svg.find('>') + 1); }

// What each <text> element says, its <tspan>s joined, still escaped.
std::vector<std::string> svg_texts(const std::string& svg) {
    std::vector<std::string> out;
    std::regex element("<text[^>]*>(.*?)</text>"), tag("<[^>]*>");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element); it != std::sregex_iterator(); ++it)
        out.push_back(std::regex_replace((*it)[1].str(), tag, ""));
    return out;
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), escape_markup(text)) != texts.end();
}

const Scene& scene_of(const Rendered& rendered) { return rendered.layout.impl().layout.scene; }

std::set<std::string> svg_ids(const std::string& svg) {
    std::set<std::string> ids;
    std::regex id_attribute(" id=\"([^\"]+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), id_attribute); it != std::sregex_iterator(); ++it)
        ids.insert((*it)[1]);
    return ids;
}

// A glyph as an SVG of outlines draws it: its outline's id ("g1-36": font 1, glyph 36), where
// its run's group and its <use> put it, and whether the <use> says its own y.
struct DrawnGlyph {
    std::string outline;
    double x = 0, y = 0;
    bool own_y = false;
};

std::vector<DrawnGlyph> drawn_glyphs(const std::string& svg) {
    std::regex group(R"re(<g transform="matrix\(([-0-9.e]+) 0 0 ([-0-9.e]+) ([-0-9.e]+) ([-0-9.e]+)\)">)re");
    std::regex use(R"re(<use xlink:href="#tk[0-9a-f]+-(g[0-9]+-[0-9]+)" x="([-0-9.e]+)"(?: y="([-0-9.e]+)")?/>)re");
    std::vector<DrawnGlyph> drawn;
    double sx = 0, sy = 0, tx = 0, ty = 0;
    std::istringstream lines(svg);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_match(line, m, group)) {
            sx = std::stod(m[1]), sy = std::stod(m[2]), tx = std::stod(m[3]), ty = std::stod(m[4]);
        } else if (std::regex_match(line, m, use)) {
            double y = m[3].matched ? std::stod(m[3]) : 0;
            drawn.push_back({m[1], tx + sx * std::stod(m[2]), ty + sy * y, m[3].matched});
        }
    }
    return drawn;
}

// Vocalised Arabic (Amiri raises its marks) and an English label wrapped over lines, as one item.
TextItem vocalised_and_wrapped() {
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    ShapedText arabic = shaper.shape("مُحَمَّدٌ وَعَلِيٌّ", TextStyle{.size = 18, .rtl = true, .language = "ar"});
    ShapedText english = shaper.shape("Ceasefire talks resume in Sochi", TextStyle{.size = 11, .max_width = 90, .language = "en"});
    TextItem text;
    text.origin = {20.25, 40.5};
    for (const auto* shaped : {&arabic, &english}) text.runs.insert(text.runs.end(), shaped->runs.begin(), shaped->runs.end());
    return text;
}

// One page holding only this text, as an SVG of outlines.
std::string outlines_svg(const TextItem& text) {
    Scene scene;
    Page& page = scene.pages.emplace_back();
    page.width = page.height = 300;
    page.items.emplace_back(std::in_place_type<TextItem>, text);
    return render_svg(scene, 0, SvgOptions{.real_text = false});
}

const char* kOther = R"({"format": "tarikh/1", "title": "Another timeline",
  "events": [{"id": "a", "date": "2019-03-15", "title": "Something happened"},
             {"id": "b", "date": "2019-04-02", "title": "Then something else"}]})";

// A visitor as the backends write theirs, one overload a kind: a group's event, nothing else.
struct Said {
    std::string operator()(const Group& g) const { return g.event_id; }
    std::string operator()(const RectItem&) const { return {}; }
    std::string operator()(const LineItem&) const { return {}; }
    std::string operator()(const CircleItem&) const { return {}; }
    std::string operator()(const TextItem&) const { return {}; }
};

}  // namespace

TEST_CASE("SVG is self-contained and accessible") {
    std::string svg = render(example(), Format::svg, "en");
    CHECK(svg.find("viewBox=\"0 0 ") != std::string::npos);
    CHECK(std::regex_search(svg, std::regex("width=\"[0-9.]+px\" height=\"[0-9.]+px\"")));
    CHECK(svg.find("role=\"graphics-document\"") != std::string::npos);  // its words are read, not hidden in an img
    CHECK(svg.find("<title id=") != std::string::npos);
    CHECK(svg.find("<desc id=") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<image") == std::string::npos);
    CHECK(svg.find("xlink:href=\"https://english.enabbaladi.net/\"") != std::string::npos);  // source links
    // Every internal reference points into the document itself.
    std::regex reference("xlink:href=\"#([^\"]+)\"");
    auto ids = svg_ids(svg);
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), reference); it != std::sregex_iterator(); ++it)
        CHECK(ids.count((*it)[1]) == 1);
}

TEST_CASE("an SVG states its size in the unit its width was asked in") {
    for (auto [unit, name, px] : {std::tuple{LengthUnit::mm, "mm", 96 / 25.4}, std::tuple{LengthUnit::in, "in", 96.0},
                                  std::tuple{LengthUnit::pt, "pt", 96.0 / 72}, std::tuple{LengthUnit::px, "px", 1.0}}) {
        RenderOptions options = options_for(Format::svg, "en");
        options.width = Length{680 / px, unit};
        std::string root = svg_root(render(example(), options));
        CAPTURE(root);
        std::smatch size;
        REQUIRE(std::regex_search(root, size, std::regex(std::string(" width=\"([0-9.]+)") + name + "\" height=\"([0-9.]+)" +
                                                         name + "\" viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")));
        CHECK(std::stod(size[1]) * px == doctest::Approx(std::stod(size[3])).epsilon(0.001));
        CHECK(std::stod(size[2]) * px == doctest::Approx(std::stod(size[4])).epsilon(0.001));
    }
}

TEST_CASE("a responsive SVG is 100% wide with no height, and keeps its viewBox") {
    RenderOptions options = options_for(Format::svg, "en");
    options.svg_size = SvgSize::responsive;
    options.width = Length{170, LengthUnit::mm};
    std::string root = svg_root(render(example(), options));
    CAPTURE(root);
    CHECK(root.find(" width=\"100%\"") != std::string::npos);
    CHECK(root.find(" height=") == std::string::npos);
    CHECK(root.find(" viewBox=\"0 0 ") != std::string::npos);
    CHECK(root.find("preserveAspectRatio") == std::string::npos);  // the default: scaled whole, centred
}

TEST_CASE("an SVG's words are transparent text over its outlines, in reading order") {
    std::string en = render(example(), Format::svg, "en");
    std::vector<std::string> texts = svg_texts(en);
    CHECK(has(texts, "Idlib's Sochi deal at the verge of collapse"));
    CHECK(has(texts, "Attack on a Jaysh al-Izza post at al-Zalaqiat"));  // wrapped over two lines
    CHECK(en.find("<text fill-opacity=\"0\"") != std::string::npos);
    CHECK(en.find("display") == std::string::npos);
    CHECK(en.find("visibility") == std::string::npos);
    CHECK(en.find("direction=\"rtl\"") == std::string::npos);
    CHECK(svg_root(en).find("xml:lang=\"en\"") != std::string::npos);

    // Arabic runs and a Latin one between them (drawn right to left): the text in logical order.
    std::string ar = render(example(), Format::svg, "ar");
    texts = svg_texts(ar);
    CHECK(has(texts, "هيئة تحرير الشام (HTS) تعلن قتل عناصر من قوات الأسد وروسيا قرب حلفايا"));
    CHECK(has(texts, "اتفاق سوتشي في إدلب على حافة الانهيار"));
    CHECK(ar.find("direction=\"rtl\" unicode-bidi=\"bidi-override\"") != std::string::npos);
    CHECK(svg_root(ar).find("xml:lang=\"ar\"") != std::string::npos);
}

TEST_CASE("a bilingual chronicle's second column is text in its own language") {
    RenderOptions options = options_for(Format::svg, "en");
    options.view = ChronicleView{};
    options.languages = {"en", "ar"};
    std::string svg = render(example(), options);
    CHECK(svg_root(svg).find("xml:lang=\"en\"") != std::string::npos);
    // Arabic letters are U+0600–U+06FF: lead bytes D8–DB in UTF-8. (Found by hand: std::regex
    // recurses per character and a chronicle's paragraphs overflow its stack.)
    auto arabic = [](const std::string& s) {
        return std::any_of(s.begin(), s.end(), [](char c) { return (c & 0xFC) == 0xD8; });
    };
    size_t arabic_texts = 0, english_texts = 0;
    for (size_t at = 0; (at = svg.find("<text ", at)) != std::string::npos;) {
        size_t open_end = svg.find('>', at), close = svg.find("</text>", at);
        REQUIRE(close != std::string::npos);
        std::string attributes = svg.substr(at, open_end - at), element = svg.substr(at, close - at);
        at = close;
        CAPTURE(element);
        if (arabic(element)) {
            ++arabic_texts;
            CHECK(attributes.find(" xml:lang=\"ar\"") != std::string::npos);
            CHECK(element.find("direction=\"rtl\"") != std::string::npos);  // on the text or its spans
        } else if (attributes.find("xml:lang") == std::string::npos) {
            ++english_texts;  // the scene's language
        }
    }
    CHECK(arabic_texts > 10);
    CHECK(english_texts > 10);
}

TEST_CASE("an SVG of outlines only has no text, and is an image") {
    RenderOptions options = options_for(Format::svg, "ar");
    options.svg_text = false;
    std::string svg = render(example(), options);
    CHECK(svg.find("<text") == std::string::npos);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    // The text layer adds elements and nothing else: the drawing is the same.
    std::string with_text = render(example(), Format::svg, "ar");
    std::regex text_layer("<text[^>]*>.*?</text>\n");
    std::string stripped = std::regex_replace(with_text, text_layer, "");
    stripped = std::regex_replace(stripped, std::regex("role=\"graphics-document\""), "role=\"img\"");
    stripped = std::regex_replace(stripped, std::regex(" direction=\"ltr\">"), ">", std::regex_constants::format_first_only);
    // The id prefix is a hash of the document: compare everything but it.
    std::regex prefix("tk[0-9a-f]{10}");
    CHECK(std::regex_replace(stripped, prefix, "tk") == std::regex_replace(svg, prefix, "tk"));
    // Every id and every reference to one has it, filled in: glyphs, clips, events, the title.
    for (const std::string& s : {svg, with_text}) {
        CHECK(s.find('\x01') == std::string::npos);
        const std::string tk = s.substr(s.find("id=\"tk") + 4, 12);
        CHECK(s.find("xlink:href=\"#" + tk + "-g") != std::string::npos);
        CHECK(s.find("aria-labelledby=\"" + tk + "-title " + tk + "-desc\"") != std::string::npos);
    }
}

TEST_CASE("an SVG draws each glyph where the scene places it, on its line or off it") {
    TextItem text = vocalised_and_wrapped();
    REQUIRE(text.runs.size() >= 3);  // the Arabic, and the English over two lines at least
    REQUIRE(text.runs.back().glyphs.size() > 3);
    text.runs.back().glyphs[2].y -= 4.5;  // a glyph moved off its line by hand
    std::string svg = outlines_svg(text);
    std::set<std::string> outlines;
    for (const auto& id : svg_ids(svg))
        if (auto dash = id.find("-g"); dash != std::string::npos) outlines.insert(id.substr(dash + 1));
    // The scene's glyphs that have an outline (not spaces), in the order they are drawn; a font's
    // number is the order it first comes in.
    std::vector<DrawnGlyph> placed;
    std::vector<FontRef> fonts;
    size_t spaces = 0;
    for (const auto& run : text.runs) {
        if (std::find(fonts.begin(), fonts.end(), run.font) == fonts.end()) fonts.push_back(run.font);
        size_t font = std::find(fonts.begin(), fonts.end(), run.font) - fonts.begin();
        for (const auto& g : run.glyphs) {
            std::string outline = "g" + std::to_string(font) + "-" + std::to_string(g.id);
            if (outlines.count(outline)) placed.push_back({outline, text.origin.x + g.x, text.origin.y + g.y});
            else ++spaces;
        }
    }
    CHECK(spaces <= 5);
    std::vector<DrawnGlyph> drawn = drawn_glyphs(svg);
    REQUIRE(drawn.size() == placed.size());
    for (size_t i = 0; i < drawn.size(); ++i) {
        CAPTURE(i);
        CHECK(drawn[i].outline == placed[i].outline);
        CHECK(std::abs(drawn[i].x - placed[i].x) < 0.01);
        CHECK(std::abs(drawn[i].y - placed[i].y) < 0.01);
    }
}

TEST_CASE("an SVG glyph says its own y only when it sits off its line: a mark, not a letter") {
    TextItem text = vocalised_and_wrapped();
    // Off its run's line: a glyph whose y is not the one most of the run's glyphs share.
    size_t off_line = 0, glyphs = 0;
    for (const auto& run : text.runs) {
        std::map<double, int> count;
        for (const auto& g : run.glyphs) ++count[g.y];
        double line = std::max_element(count.begin(), count.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
        for (const auto& g : run.glyphs) off_line += std::abs(g.y - line) > 0.01;
        glyphs += run.glyphs.size();
    }
    std::vector<DrawnGlyph> drawn = drawn_glyphs(outlines_svg(text));
    size_t own_y = std::count_if(drawn.begin(), drawn.end(), [](const DrawnGlyph& g) { return g.own_y; });
    CHECK(off_line >= 2);  // marks Amiri raises over the Arabic
    CHECK(off_line < glyphs / 3);
    CHECK(own_y == off_line);
}

TEST_CASE("SVG bytes depend only on the input") {
    Timeline t = example();
    std::string first = render(t, Format::svg, "ar");
    render(load(kOther), Format::svg);  // whatever the process drew before
    render(t, Format::pdf, "en");
    CHECK(render(t, Format::svg, "ar") == first);
}

TEST_CASE("two different timelines' SVGs share no id") {
    auto a = svg_ids(render(example(), Format::svg, "en"));
    auto b = svg_ids(render(load(kOther), Format::svg));
    auto c = svg_ids(render(example(), Format::svg, "ar"));
    CHECK(a.size() > 10);
    for (const auto& id : b) CHECK(a.count(id) == 0);
    for (const auto& id : c) CHECK(a.count(id) == 0);
}

TEST_CASE("a glyph takes 24 bytes: a 100,000-event chart holds millions of them") {
    CHECK(sizeof(Glyph) == 24);
}

TEST_CASE("a scene item takes at most 104 bytes: a group is held out of line, not as large as every rect") {
    CHECK(sizeof(Item) <= 104);
}

TEST_CASE("an item holding a group copies the group, which reads as a Group") {
    Group inner;
    inner.event_id = "a";
    inner.items.push_back(RectItem{});
    Item item = std::move(inner);
    Item copy = item;
    as_group(copy)->event_id = "b";
    as_group(copy)->items.clear();
    REQUIRE(as_group(item));
    CHECK(as_group(item)->event_id == "a");
    CHECK(as_group(item)->items.size() == 1);
    CHECK(as_group(copy)->event_id == "b");
    CHECK_FALSE(as_group(Item{RectItem{}}));
    // A visitor's Group overload takes it as it is.
    auto id = [](const Item& i) { return std::visit(Said{}, i); };
    CHECK(id(item) == "a");
    CHECK(id(Item{CircleItem{}}).empty());
}

TEST_CASE("a large SVG is handed over in pieces, its ids prefixed by the hash of the whole") {
    // 200,000 event groups, some clipped: a body of ~22 MB, more than the writer keeps from the
    // pass that hashes it, so it is drawn a second time straight into the sink.
    Scene scene;
    Page& page = scene.pages.emplace_back();
    page.width = page.height = 1000;
    for (int i = 0; i < 200000; ++i) {
        Group& g = *as_group(page.items.emplace_back(std::in_place_type<Indirect<Group>>));
        g.event_id = "e" + std::to_string(i);
        if (i % 1000 == 0) g.clip = Box{0, i / 1000.0, 1000, 1};
        RectItem& dot = std::get<RectItem>(g.items.emplace_back(std::in_place_type<RectItem>));
        dot.box = {i % 1000 * 1.0, i / 1000.0, 1, 1};
        dot.fill = Color{1, 2, 3};
    }
    std::string whole;
    size_t pieces = 0, largest = 0;
    CHECK(write_svg(scene, 0, {}, [&](std::string_view piece) {
        whole.append(piece);
        ++pieces;
        largest = std::max(largest, piece.size());
        return true;
    }));
    CHECK(whole.size() > 20'000'000);
    CHECK(pieces > 10);
    CHECK(largest < 3'000'000);  // never the document at once
    CHECK(whole == render_svg(scene));
    // The prefix is the content hash of the document with each prefix as twelve bytes 1, as when
    // it is held whole.
    size_t at = whole.find("id=\"tk");
    REQUIRE(at != std::string::npos);
    const std::string prefix = whole.substr(at + 4, 12);
    std::string marked;
    for (size_t i = 0; i < whole.size();) {
        bool mark = whole.compare(i, prefix.size(), prefix) == 0;
        if (mark) marked.append(12, '\x01');
        else marked += whole[i];
        i += mark ? prefix.size() : 1;
    }
    ContentHash hash;
    hash.add(marked);
    std::string expected = "tk";
    append_hex(expected, hash.value(), 10);
    CHECK(prefix == expected);
    CHECK(whole.find("id=\"" + prefix + "-ev-e199999\"") != std::string::npos);
    CHECK(whole.find("<clipPath id=\"" + prefix + "-clip199\">") != std::string::npos);
}

TEST_CASE("a body kept from the hashing pass is handed over in pieces too") {
    // ~5 MB of event groups: small enough to be kept, not drawn twice, and handed on in pieces,
    // never at once.
    Scene scene;
    Page& page = scene.pages.emplace_back();
    page.width = page.height = 1000;
    for (int i = 0; i < 45000; ++i) {
        Group& g = *as_group(page.items.emplace_back(std::in_place_type<Indirect<Group>>));
        g.event_id = "e" + std::to_string(i);
        RectItem& dot = std::get<RectItem>(g.items.emplace_back(std::in_place_type<RectItem>));
        dot.box = {i % 1000 * 1.0, i / 1000.0, 1, 1};
        dot.fill = Color{1, 2, 3};
    }
    std::string whole;
    size_t largest = 0;
    CHECK(write_svg(scene, 0, {}, [&](std::string_view piece) {
        whole.append(piece);
        largest = std::max(largest, piece.size());
        return true;
    }));
    CHECK(whole.size() > 4'000'000);
    CHECK(largest < 1'000'000);
    CHECK(whole == render_svg(scene));
}

TEST_CASE("PDF bytes are the same on every run, dated by SOURCE_DATE_EPOCH") {
    Timeline t = example();
    std::string first = render(t, Format::pdf, "ar");
    CHECK(first.rfind("%PDF-", 0) == 0);
    CHECK(render(t, Format::pdf, "ar") == first);
    Result<Rendered> rendered = renderer().render(t, options_for(Format::pdf, "en"));
    REQUIRE(rendered);
    std::string dated = render_pdf(scene_of(*rendered), PdfOptions{1541714400});
    CHECK(dated != rendered->files.front());
    CHECK(dated.find("2018") != std::string::npos);
}

TEST_CASE("PNG size follows --dpi, and huge images are refused") {
    Timeline t = load(kOther);
    Result<Rendered> rendered = renderer().render(t, options_for(Format::png, ""));
    REQUIRE(rendered);
    const Page& page = scene_of(*rendered).pages[0];
    std::string png = rendered->files.front();
    auto dimension = [](const std::string& bytes, size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    CHECK(dimension(png, 16) == static_cast<unsigned>(std::ceil(page.width)));
    std::string doubled = render_png(scene_of(*rendered), PngOptions{192});
    CHECK(dimension(doubled, 16) == static_cast<unsigned>(std::ceil(page.width * 2)));
    CHECK_THROWS_WITH_AS(render_png(scene_of(*rendered), PngOptions{96, 1000}), doctest::Contains("more than the limit"),
                         PixelLimitExceeded);
}

TEST_CASE("a PNG taller than an image can be says so, not that it passes the pixel limit") {
    Scene tall;
    tall.pages.push_back(Page{340, 51778, {}});  // a 2,000-event chart at 680 px, 48 dpi: 17.6 million pixels
    try {
        render_png(tall, PngOptions{96});
        FAIL("drawn");
    } catch (const PixelLimitExceeded& e) {
        CHECK(std::string(e.what()) == "the PNG would be 340 × 51778 pixels, taller than the 32767 an image can have on a side");
        CHECK(e.option == Option::dpi);
    }
    tall.pages[0] = Page{40000, 20, {}};
    CHECK_THROWS_WITH_AS(render_png(tall, PngOptions{96}), doctest::Contains("wider than the 32767"), PixelLimitExceeded);
    tall.pages[0] = Page{20000, 9000, {}};
    CHECK_THROWS_WITH_AS(render_png(tall, PngOptions{96}),
                         "the PNG would be 20000 × 9000 pixels (180000000), more than the limit of 100000000",
                         PixelLimitExceeded);
}


// The example at 48 dpi against tests/golden/, per channel within a small tolerance. A
// change is written beside the golden as NAME.actual; tests/bless copies it over after review.
TEST_CASE("PNG goldens of the example, English and Arabic") {
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        Result<Rendered> rendered = renderer().render(example(), options_for(Format::png, lang, 48));
        REQUIRE(rendered);
        tarikh::testing::check_png_golden(std::string("idlib-") + lang + "-48dpi.png", rendered->files.front());
    }
}

TEST_CASE("a paged layout keeps every page in every format") {
    RenderOptions options = options_for(Format::svg, "ar");
    options.view = ChronicleView{};
    Result<LaidOut> layout = renderer().lay_out(example(), options);
    REQUIRE(layout);
    size_t pages = layout->pages();
    REQUIRE(pages >= 2);
    CHECK(layout->files(Format::svg) == pages);
    CHECK(layout->files(Format::png) == pages);
    CHECK(layout->files(Format::pdf) == 1);
    CHECK(layout->files(Format::html) == 1);

    options.svg_size = SvgSize::responsive;  // as an HTML page holds them
    Result<Rendered> svg = renderer().render(example(), options);
    REQUIRE(svg);
    REQUIRE(svg->files.size() == pages);
    CHECK(svg->files.front() != svg->files.back());
    CHECK(svg->files.back().rfind("<svg", 0) == 0);
    options.format = Format::html;
    Result<Rendered> html = renderer().render(example(), options);
    REQUIRE(html);
    REQUIRE(html->files.size() == 1);
    size_t figures = 0;
    for (size_t at = 0; (at = html->files[0].find("<figure", at)) != std::string::npos; ++at) ++figures;
    CHECK(figures == pages);
    for (const auto& page : svg->files) CHECK(html->files[0].find(page) != std::string::npos);  // each page whole
    options.format = Format::png;
    Result<std::string> last = renderer().draw(*layout, options, pages - 1);
    REQUIRE(last);
    CHECK(last->substr(1, 3) == "PNG");
    CHECK_FALSE(renderer().draw(*layout, options, pages));
}

TEST_CASE("pages after the first are named beside the first") {
    CHECK(paged_path("out/story.svg", 0) == "out/story.svg");
    CHECK(paged_path("out/story.svg", 1) == "out/story-2.svg");
    CHECK(paged_path("out/story.ar.png", 11) == "out/story.ar-12.png");
    CHECK(paged_path("out.d/story", 2) == "out.d/story-3");
    CHECK(paged_path(".hidden", 1) == ".hidden-2");
}

TEST_CASE("a link whose scheme is written in capitals is still a link in SVG and HTML") {
    Timeline t = load(R"({"format": "tarikh/1", "sources": [{"id": "a", "url": "HTTPS://Example.org/Report"}],
      "events": [{"id": "e", "date": "2018-11-09", "title": "Attack", "sources": ["a"]},
                 {"id": "f", "date": "2018-11-10", "title": "Reply"}]})");
    CHECK(render(t, Format::svg).find("xlink:href=\"https://Example.org/Report\"") != std::string::npos);
    CHECK(render(t, Format::html).find("<a href=\"https://Example.org/Report\"") != std::string::npos);
}

TEST_CASE("an HTML page and its cards are in the theme's colours") {
    RenderOptions options = options_for(Format::html, "en");
    options.theme = "dark";
    std::string html = render(example(), options);
    std::string style = html.substr(html.find("<style>"), html.find("</style>") - html.find("<style>"));
    CAPTURE(style);
    CHECK(style.find("body { background: #1b1e23; }") != std::string::npos);  // the page around the chart
    CHECK(style.find("background: #1b1e23; color: #e8e6e3;") != std::string::npos);  // the cards
    CHECK(style.find("#fff") == std::string::npos);
    CHECK(style.find("#212529") == std::string::npos);
    CHECK(style.find("#1f5496") == std::string::npos);  // the default theme's links, dark blue on dark paper
    CHECK(render(example(), Format::html, "en").find("body { background: #ffffff; }") != std::string::npos);
}

TEST_CASE("the HTML page inlines the SVG documents it is given, one per page") {
    Scene scene;
    scene.pages.resize(2);
    std::string html = render_html(scene, {"<svg>first</svg>", "<svg>second</svg>"});
    CHECK(html.find("<svg>first</svg>") < html.find("<svg>second</svg>"));
    CHECK(html.find("<svg>second</svg>") != std::string::npos);
    CHECK_THROWS_AS(render_html(scene, {"<svg>first</svg>"}), std::invalid_argument);
}

// A card's lines may be in another language than the page (a text the edition lacks, shown in
// the language it has): each paragraph takes the direction of its own first strong letter.
TEST_CASE("an HTML card's paragraphs read in their own direction, not the page's") {
    Scene scene;
    scene.language = "ar";
    scene.rtl = true;
    scene.pages.resize(1);
    EventNote note;
    note.event_id = "e";
    note.heading = "١٧ سبتمبر ٢٠١٨ — قمة سوتشي";
    note.lines = {"Sochi, Russia", "سوتشي"};
    scene.notes.push_back(note);
    std::string html = render_html(scene, {"<svg></svg>"});
    CHECK(html.find("dir=\"rtl\"") != std::string::npos);  // the page's
    CHECK(html.find("<p dir=\"auto\">Sochi, Russia</p><p dir=\"auto\">سوتشي</p>") != std::string::npos);
}

TEST_CASE("an Indirect moved from holds nothing and says so, and takes a value again") {
    Group group;
    group.event_id = "e1";
    Indirect<Group> held(group);
    Indirect<Group> moved(std::move(held));
    CHECK(held.valueless_after_move());  // NOLINT(bugprone-use-after-move): what is checked
    CHECK_FALSE(moved.valueless_after_move());
    CHECK(moved->event_id == "e1");
    Indirect<Group> copy(held);  // a copy of nothing is nothing
    CHECK(copy.valueless_after_move());
    held = moved;
    CHECK_FALSE(held.valueless_after_move());
    CHECK(held->event_id == "e1");
}
