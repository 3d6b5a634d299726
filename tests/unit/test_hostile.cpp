// Hostile and broken inputs (tests/hostile/): each gives exactly the diagnostics in its
// .expected file, and whatever renders is clean: no script, no event handler, no foreign
// object, no link outside http/https/mailto, no bidi control that could reorder the page.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <tarikh/tarikh.hpp>

#include "io/parse.hpp"
#include "test_files.hpp"

using namespace tarikh;
using tarikh::testing::read_file;
namespace fs = std::filesystem;

namespace {

Renderer& renderer() {
    static Renderer r = std::move(*Renderer::create(std::string(TARIKH_SOURCE_DIR) + "/fonts").value);
    return r;
}

bool well_formed_xml(const std::string& svg) {
    FILE* pipe = popen("xmllint --noout - 2>/dev/null", "w");
    if (!pipe) return false;
    std::fwrite(svg.data(), 1, svg.size(), pipe);
    return pclose(pipe) == 0;
}

void check_clean_svg(const std::string& svg) {
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<foreignObject") == std::string::npos);
    CHECK(svg.find("<iframe") == std::string::npos);
    CHECK(svg.find("<image") == std::string::npos);
    CHECK(svg.find("<style") == std::string::npos);
    CHECK_FALSE(std::regex_search(svg, std::regex(R"(<[^>]*\son[a-zA-Z]+\s*=)")));
    std::regex href(R"(href="([^"]*)\")");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), href); it != std::sregex_iterator(); ++it) {
        std::string target = (*it)[1];
        bool allowed = target.rfind("#", 0) == 0 || target.rfind("https://", 0) == 0 ||
                       target.rfind("http://", 0) == 0 || target.rfind("mailto:", 0) == 0;
        CHECK_MESSAGE(allowed, target);
    }
    for (const char* control : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
        CHECK(svg.find(control) == std::string::npos);
    // Noncharacters: U+FFFE and U+FFFF are not XML at all, and none is text.
    for (const char* nonchar : {"\uFDD0", "\uFDEF", "\uFFFE", "\uFFFF", "\U0001FFFE", "\U0010FFFF"})
        CHECK(svg.find(nonchar) == std::string::npos);
    CHECK(well_formed_xml(svg));
}

void check_clean_pdf(const std::string& pdf) {
    for (const char* action : {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/SubmitForm", "/ImportData"})
        CHECK_MESSAGE(pdf.find(action) == std::string::npos, action);
    std::regex uri(R"(/URI\s*\(([^)]*)\))");
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), uri); it != std::sregex_iterator(); ++it) {
        std::string target = (*it)[1];
        CHECK_MESSAGE((target.rfind("https://", 0) == 0 || target.rfind("mailto:", 0) == 0), target);
    }
}

}  // namespace

TEST_CASE("hostile inputs: exact messages, clean outputs") {
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(fs::path(TARIKH_TEST_DIR) / "hostile"))
        if (entry.path().extension() == ".json") cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 18);
    for (const auto& path : cases) {
        CAPTURE(path.filename().string());
        ParseResult parsed = parse_timeline(read_file(path), path.filename().string());
        Diagnostics all = parsed.diagnostics;
        if (parsed.timeline) {
            for (Format format : {Format::svg, Format::pdf}) {
                RenderOptions options;
                options.format = format;
                Result<Rendered> rendered = renderer().render(*parsed.timeline, options);
                REQUIRE(rendered);
                if (format == Format::svg) {
                    all.insert(all.end(), rendered.diagnostics.begin(), rendered.diagnostics.end());
                    check_clean_svg(rendered->files.front());
                } else {
                    check_clean_pdf(rendered->files.front());
                }
            }
        }
        std::string actual;
        for (const auto& d : all) actual += format_diagnostic(d) + "\n";
        fs::path expected = fs::path(path).replace_extension(".expected");
        CHECK_MESSAGE(tarikh::testing::matches_golden(expected, actual), actual);
    }
}

TEST_CASE("limits: file size, number of events, text length, nesting, diagnostics") {
    ParseLimits small;
    small.max_file_bytes = 200;
    small.max_events = 2;
    small.max_text_length = 5;
    small.max_depth = 8;
    small.max_diagnostics = 3;
    // The last diagnostic, and the limit it names: the library leaves the hint's wording (which
    // option of which front end) to the front end.
    Option limit = Option::none;
    auto message = [&](const std::string& json) {
        ParseResult r = parse_timeline(json, "l.json", small);
        CHECK_FALSE(r.timeline);
        limit = r.diagnostics.empty() ? Option::none : r.diagnostics.back().option;
        return r.diagnostics.empty() ? std::string() : format_diagnostic(r.diagnostics.back());
    };
    CHECK(message(std::string(300, ' ')) == "l.json: error: expected a file of at most 200 bytes, found 300 bytes");
    CHECK(limit == Option::max_file_bytes);
    CHECK(message(R"({"format":"tarikh/1","events":[{"id":"a","date":"2018"},{"id":"b","date":"2018"},{"id":"c","date":"2018"}]})") ==
          "l.json:1:31: error: /events: expected at most 2 events, found 3");
    CHECK(limit == Option::max_events);
    CHECK(message(R"({"format":"tarikh/1","title":"toolong","events":[{"id":"a","date":"2018"}]})") ==
          "l.json:1:30: error: /title: expected a text of at most 5 characters, found 7");
    CHECK(limit == Option::max_text_length);
    CHECK(message(R"({"a":[[[[[[[[[]]]]]]]]]})") == "l.json:1:13: error: expected JSON nested at most 8 levels deep, found more");
    small.max_events = 100;
    CHECK(message(R"({"format":"tarikh/1","events":[{"id":1},{"id":2},{"id":3},{"id":4}]})") ==
          "l.json: error: too many problems; stopping after 3");
}

// The library names the limit; only the command line words a hint with its options.
TEST_CASE("the API names the limit a problem ran into, never a command-line option") {
    ReadOptions small{.max_file_bytes = 200, .max_events = 2, .max_text_length = 5};
    auto last = [&](const std::string& json) {
        Result<Timeline> r = load_string(json, "l.json", small);
        CHECK_FALSE(r);
        REQUIRE_FALSE(r.diagnostics.empty());
        for (const auto& hint : r.diagnostics.back().hints) CHECK(hint.find("--") == std::string::npos);
        return r.diagnostics.back().option;
    };
    CHECK(last(std::string(300, ' ')) == Option::max_file_bytes);
    CHECK(last(R"({"format":"tarikh/1","events":[{"id":"a","date":"2018"},{"id":"b","date":"2018"},{"id":"c","date":"2018"}]})") ==
          Option::max_events);
    CHECK(last(R"({"format":"tarikh/1","title":"toolong","events":[{"id":"a","date":"2018"}]})") == Option::max_text_length);
    fs::path big = fs::temp_directory_path() / "tarikh-api-limit.json";
    std::ofstream(big) << std::string(300, ' ');
    Result<Timeline> from_file = load_file(big.string(), small);
    fs::remove(big);
    REQUIRE_FALSE(from_file.diagnostics.empty());
    CHECK(from_file.diagnostics.back().option == Option::max_file_bytes);
    CHECK(from_file.diagnostics.back().hints.empty());
}

TEST_CASE("a PNG over the pixel limit is refused, naming the limit") {
    Result<Timeline> parsed = load_file(std::string(TARIKH_SOURCE_DIR) + "/timelines/idlib-sochi-2018.json");
    REQUIRE(parsed);
    RenderOptions options{.format = Format::png, .languages = {"en"}, .dpi = 1200};
    Result<Rendered> rendered = renderer().render(*parsed, options);
    CHECK_FALSE(rendered);
    REQUIRE_FALSE(rendered.diagnostics.empty());
    CHECK(rendered.diagnostics.back().option == Option::max_pixels);
    CHECK(rendered.diagnostics.back().message.find("--") == std::string::npos);
}

TEST_CASE("a page limit is named too") {
    Result<Timeline> parsed = load_file(std::string(TARIKH_SOURCE_DIR) + "/timelines/idlib-sochi-2018.json");
    REQUIRE(parsed);
    RenderOptions options{.format = Format::pdf, .view = ChronicleView{}, .max_pages = 1};
    Result<Rendered> rendered = renderer().render(*parsed, options);
    CHECK_FALSE(rendered);
    REQUIRE_FALSE(rendered.diagnostics.empty());
    CHECK(rendered.diagnostics.back().option == Option::max_pages);
    CHECK(rendered.diagnostics.back().hints.empty());
}
