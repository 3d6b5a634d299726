// The public API as a consumer meets it: what a view cannot honour is refused with a
// diagnostic, and no exception leaves the library.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <tarikh/tarikh.hpp>

#include <string>

using namespace tarikh;

namespace {

Renderer& renderer() {
    static Renderer r = std::move(*Renderer::create(std::string(TARIKH_SOURCE_DIR) + "/fonts").value);
    return r;
}

const Timeline& example() {
    static Timeline t = *load_file(std::string(TARIKH_SOURCE_DIR) + "/timelines/idlib-sochi-2018.json").value;
    return t;
}

// The one error of a refused lay_out, which must not have thrown.
std::string refusal(const RenderOptions& options) {
    Result<LaidOut> laid = renderer().lay_out(example(), options);
    CHECK_FALSE(laid);
    CHECK(has_errors(laid.diagnostics));
    CHECK(laid.diagnostics.size() == 1);  // each case below breaks one rule, and is refused for it alone
    return laid.diagnostics.empty() ? "" : laid.diagnostics.front().message;
}

}  // namespace

TEST_CASE("two languages are refused on a chart, a calendar and a ring, and allowed on a chronicle") {
    CHECK(refusal({.view = ChartView{}, .languages = {"en", "ar"}}) == "a chart shows one language, found 2");
    CHECK(refusal({.view = CalendarView{}, .languages = {"en", "ar"}}) == "a calendar shows one language, found 2");
    CHECK(refusal({.view = RadialView{}, .languages = {"en", "ar"}}) == "a radial shows one language, found 2");
    CHECK(refusal({.view = ChronicleView{}, .languages = {"en", "ar", "en"}}) ==
          "a chronicle shows at most two languages, found 3");
    CHECK(renderer().lay_out(example(), {.view = ChronicleView{}, .languages = {"en", "ar"}}));
}

TEST_CASE("a ring draws the chronological and sequential scales, and refuses the others") {
    for (Scale scale : {Scale::automatic, Scale::collapsed, Scale::relative, Scale::log}) {
        CAPTURE(static_cast<int>(scale));
        CHECK(refusal({.view = RadialView{scale}}) ==
              "a radial view has a chronological or a sequential scale, found another");
    }
    CHECK(renderer().lay_out(example(), {.view = RadialView{Scale::sequential}}));
    CHECK(check_options({.view = ChartView{.scale = Scale::log}}).empty());
}

TEST_CASE("check_options reports every rule broken, not the first only") {
    Diagnostics refused = check_options({.view = RadialView{Scale::log}, .languages = {"en", ""}});
    REQUIRE(refused.size() == 3);
    CHECK(refused[0].message == "a radial shows one language, found 2");
    CHECK(refused[1].message == "a radial view has a chronological or a sequential scale, found another");
    CHECK(refused[2].message == "expected a language tag, found an empty one");
    for (const auto& d : refused) CHECK(d.severity == Severity::error);
}

TEST_CASE("no exception leaves the library: each failure is a Result with an error") {
    Result<Renderer> no_fonts = Renderer::create("/nonexistent/tarikh-fonts");
    CHECK_FALSE(no_fonts);
    REQUIRE(has_errors(no_fonts.diagnostics));
    CHECK(no_fonts.diagnostics.front().message.find("no fonts found") != std::string::npos);

    Result<Timeline> missing = load_file("/nonexistent/timeline.json");
    CHECK_FALSE(missing);
    CHECK(has_errors(missing.diagnostics));
    Result<std::string> not_timelinejs = convert_timelinejs("{", "broken.json");
    CHECK_FALSE(not_timelinejs);
    Result<std::string> no_parts = combine_pdfs({{"/nonexistent/part.pdf", "Part"}}, "booklet");
    CHECK_FALSE(no_parts);
    CHECK(has_errors(no_parts.diagnostics));
}

TEST_CASE("a booklet claims a standard only when every part does, and names the part that does not") {
    const std::string stem =
        (std::filesystem::temp_directory_path() / ("tarikh-booklet-part-" + std::to_string(::getpid()))).string();
    auto part = [&](const std::string& name, std::vector<PdfStandard> standards) {
        Result<Rendered> pdf = renderer().render(example(), {.format = Format::pdf, .pdf_standards = standards});
        REQUIRE(pdf);
        std::ofstream(stem + name, std::ios::binary) << pdf->files.front();
        return BookletPart{stem + name, name};
    };
    const BookletPart plain = part("plain.pdf", {}), archival = part("a2b.pdf", {PdfStandard::a_2b});
    Result<std::string> a2b = combine_pdfs({archival, archival}, "booklet", {PdfStandard::a_2b});
    CHECK(a2b);
    Result<std::string> a2u = combine_pdfs({archival}, "booklet", {PdfStandard::a_2u});
    REQUIRE_FALSE(a2u);
    CHECK(a2u.diagnostics.back().message ==
          archival.pdf_path + " does not claim PDF/A-2u, which the booklet is to: render it with --pdf-standard a-2u");
    Result<std::string> ua = combine_pdfs({archival, plain}, "booklet", {PdfStandard::ua_1});
    REQUIRE_FALSE(ua);
    CHECK(ua.diagnostics.back().message.find(archival.pdf_path + " does not claim PDF/UA-1") == 0);
    std::filesystem::remove(plain.pdf_path);
    std::filesystem::remove(archival.pdf_path);
}

TEST_CASE("warnings travel with a success") {
    Result<LaidOut> laid = renderer().lay_out(example(), {.languages = {"fr"}});
    REQUIRE(laid);
    REQUIRE_FALSE(laid.diagnostics.empty());
    CHECK(laid.diagnostics.front().severity == Severity::warning);
    CHECK(laid.diagnostics.front().message.find("does not declare \"fr\": no \"fr\" text for ") != std::string::npos);
    // One line for the edition: the fields it lacks are listed there, not each on a line.
    CHECK(std::count_if(laid.diagnostics.begin(), laid.diagnostics.end(), [](const Diagnostic& d) {
              return d.message.find("\"fr\" text") != std::string::npos;
          }) == 1);
    CHECK(laid->boxes_json()->find("\"boxes\"") != std::string::npos);
    CHECK(quality_json(example(), *laid)->find("\"label_overlap_area\"") != std::string::npos);
}

TEST_CASE("each format's name is its extension, and names it back") {
    for (Format format : kFormats) {
        CAPTURE(format_name(format));
        CHECK(format_from_name(format_name(format)) == format);
        CHECK(format_from_path(std::string("out/x.") + format_name(format)) == format);
    }
    CHECK(std::string(format_name(Format::html)) == "html");
    CHECK_FALSE(format_from_name("jpeg"));
}

TEST_CASE("an edition's languages are split at '+', every part kept for check_options to judge") {
    CHECK(edition_languages("en") == std::vector<std::string>{"en"});
    CHECK(edition_languages("en+ar") == std::vector<std::string>{"en", "ar"});
    CHECK(edition_languages("") == std::vector<std::string>{""});
    CHECK(edition_languages("en+") == std::vector<std::string>{"en", ""});
}

namespace {

// A chronicle of `count` events with long texts: a PDF of several MB, many pages.
const Timeline& long_chronicle() {
    static Timeline t = [] {
        std::string events;
        for (int i = 0; i < 400; ++i) {
            std::string text;
            for (int k = 0; k < 60 + i % 90; ++k) text += k % 7 ? "shelling convoy ceasefire " : "talks statement. ";
            if (!events.empty()) events += ",";
            char date[16];
            std::snprintf(date, sizeof date, "2018-%02d-%02d", 1 + i / 28 % 12, 1 + i % 28);
            events += "{\"id\": \"e" + std::to_string(i) + "\", \"date\": \"" + date + "\", \"title\": {\"en\": \"Entry " + std::to_string(i) +
                      "\", \"ar\": \"العنوان " + std::to_string(i) + "\"}, \"text\": {\"en\": \"" + text +
                      "\", \"ar\": \"نص طويل نص طويل\"}, \"sources\": [\"s\"]}";
        }
        std::string json = "{\"format\": \"tarikh/1\", \"title\": {\"en\": \"A long chronicle\", \"ar\": \"تسلسل\"}, "
                           "\"languages\": [\"en\", \"ar\"], \"sources\": [{\"id\": \"s\", \"name\": \"A source\", "
                           "\"url\": \"https://example.org/\"}], \"eras\": [{\"id\": \"h1\", \"start\": \"2018-01\", \"end\": "
                           "\"2018-06\", \"label\": \"First half\"}], \"events\": [" + events + "]}";
        Result<Timeline> loaded = load_string(json, "long.json");
        REQUIRE(loaded);
        return *loaded.value;
    }();
    return t;
}

// The pieces a PDF came in, and the error, if any.
struct Received {
    std::vector<std::string> pieces;
    std::string error;
    std::string whole() const {
        std::string out;
        for (const auto& piece : pieces) out += piece;
        return out;
    }
};

}  // namespace

TEST_CASE("a PDF drawn into a sink comes in pieces, the same bytes as drawn whole") {
    RenderOptions options{.format = Format::pdf, .view = ChronicleView{}};
    Result<LaidOut> laid = renderer().lay_out(long_chronicle(), options);
    REQUIRE(laid);
    Result<std::string> whole = renderer().draw(*laid, options);
    REQUIRE(whole);
    REQUIRE(whole->size() > 300'000);
    Received got;
    Result<size_t> drawn = renderer().draw_to(*laid, options, 0, [&](std::string_view piece) {
        got.pieces.emplace_back(piece);
        return true;
    });
    REQUIRE(drawn);
    CHECK(got.pieces.size() > 2);  // never the whole file at once
    CHECK(*drawn == whole->size());
    CHECK(got.whole() == *whole);
}

TEST_CASE("a layout that let its reports go draws the same PDF and SVG, and refuses boxes, quality and HTML") {
    RenderOptions options{.format = Format::pdf};
    RenderOptions lean = options;
    lean.keep_reports = false;
    Result<LaidOut> full = renderer().lay_out(example(), options);
    Result<LaidOut> light = renderer().lay_out(example(), lean);
    REQUIRE(full);
    REQUIRE(light);
    for (Format format : {Format::pdf, Format::svg}) {
        options.format = lean.format = format;
        Result<std::string> a = renderer().draw(*full, options), b = renderer().draw(*light, lean);
        REQUIRE(a);
        REQUIRE(b);
        CHECK(*a == *b);
    }
    CHECK(full->boxes_json());
    CHECK_FALSE(light->boxes_json());
    CHECK_FALSE(quality_json(example(), *light));
    lean.format = Format::html;
    Result<std::string> html = renderer().draw(*light, lean);
    REQUIRE_FALSE(html);
    CHECK(html.diagnostics.front().message.find("keep_reports") != std::string::npos);
    options.format = Format::html;
    CHECK(renderer().draw(*full, options));
}

TEST_CASE("a chronicle PDF written as it is laid out is the PDF render() makes") {
    for (const std::vector<std::string>& languages : {std::vector<std::string>{}, std::vector<std::string>{"en", "ar"}}) {
        for (bool archival : {false, true}) {
            CAPTURE(languages.size());
            CAPTURE(archival);
            RenderOptions options{.format = Format::pdf, .view = ChronicleView{}, .languages = languages};
            if (archival) options.pdf_standards = {PdfStandard::a_2u, PdfStandard::ua_1};
            Result<Rendered> rendered = renderer().render(long_chronicle(), options);
            REQUIRE(rendered);
            Received got;
            Result<size_t> streamed = renderer().render_pdf_to(long_chronicle(), options, [&](std::string_view piece) {
                got.pieces.emplace_back(piece);
                return true;
            });
            REQUIRE(streamed);
            CHECK(got.pieces.size() > 2);
            CHECK(got.whole() == rendered->files.at(0));
            CHECK(streamed.diagnostics.size() == rendered.diagnostics.size());
        }
    }
    // Another view is laid out, then drawn: the same bytes too.
    RenderOptions chart{.format = Format::pdf};
    Received got;
    REQUIRE(renderer().render_pdf_to(example(), chart, [&](std::string_view piece) {
        got.pieces.emplace_back(piece);
        return true;
    }));
    CHECK(got.whole() == renderer().render(example(), chart)->files.at(0));
}

TEST_CASE("a chronicle PDF stops where its sink refuses, and says so, and too many pages are refused before any is drawn") {
    RenderOptions options{.format = Format::pdf, .view = ChronicleView{}};
    size_t calls = 0;
    Result<size_t> refused = renderer().render_pdf_to(long_chronicle(), options, [&](std::string_view) { return ++calls < 2; });
    CHECK_FALSE(refused);
    CHECK(calls == 2);  // asked for no more once it refused
    REQUIRE(has_errors(refused.diagnostics));
    CHECK(refused.diagnostics.back().message.starts_with("the output took only "));

    options.max_pages = 3;
    calls = 0;
    Result<size_t> long_one = renderer().render_pdf_to(long_chronicle(), options, [&](std::string_view) { return ++calls > 0; });
    CHECK_FALSE(long_one);
    CHECK(calls == 0);
    REQUIRE(has_errors(long_one.diagnostics));
    CHECK(long_one.diagnostics.back().message.find("pages, more than the limit of 3") != std::string::npos);
    CHECK(long_one.diagnostics.back().option == Option::max_pages);
}
