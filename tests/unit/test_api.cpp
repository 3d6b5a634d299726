// The public API as a consumer meets it: what a view cannot honour is refused with a
// diagnostic, and no exception leaves the library.
#include <doctest/doctest.h>

#include <algorithm>

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
