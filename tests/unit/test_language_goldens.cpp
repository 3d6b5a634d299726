// Goldens of the twelve-language timeline, one per language: scene dumps of the chart and the
// chronicle (the words, dates and digits each edition writes, with a stand-in shaper), and
// PNGs of the chart and the chronicle's first page with the real fonts (shaping, direction,
// fonts per script). A change is written beside its golden as NAME.actual; tests/bless.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <tarikh/tarikh.hpp>

#include "fake_shaper.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "png_golden.hpp"
#include "scene/scene_dump.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

constexpr const char* kLanguages[] = {"en", "ar", "fa", "tr", "ru", "he", "ckb", "ku", "fr", "de", "es", "ur"};

const std::string& twelve_languages_path() {
    static const std::string path = std::string(TARIKH_SOURCE_DIR) + "/timelines/idlib-twelve-languages.json";
    return path;
}

}  // namespace

TEST_CASE("scene goldens of the twelve-language timeline, chart and chronicle, per language") {
    ParseResult parsed = parse_timeline(read_file(twelve_languages_path()), "idlib-twelve-languages.json");
    REQUIRE(parsed.timeline);
    FakeShaper shaper;
    for (const std::string lang : kLanguages) {
        CAPTURE(lang);
        check_golden("twelve-" + lang + "-chart.scene.txt",
                     dump_scene(layout_chart(*parsed.timeline, {.lang = lang}, shaper).scene));
        check_golden("twelve-" + lang + "-chronicle.scene.txt",
                     dump_scene(layout_chronicle(*parsed.timeline, {.languages = {lang}}, shaper).scene));
    }
}

TEST_CASE("PNG goldens of the twelve-language timeline, chart and chronicle, per language") {
    Result<Timeline> timeline = load_file(twelve_languages_path());
    REQUIRE(timeline);
    Result<Renderer> renderer = Renderer::create(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    REQUIRE(renderer);
    for (const std::string lang : kLanguages) {
        CAPTURE(lang);
        RenderOptions chart{.format = Format::png, .languages = {lang}, .dpi = 32};
        Result<Rendered> drawn = renderer->render(*timeline, chart);
        REQUIRE(drawn);
        CHECK(drawn.diagnostics.empty());  // no missing glyph, no English fallback
        check_png_golden("twelve-" + lang + "-chart-32dpi.png", drawn->files.front());

        RenderOptions chronicle = chart;
        chronicle.view = ChronicleView{};
        Result<LaidOut> pages = renderer->lay_out(*timeline, chronicle);
        REQUIRE(pages);
        Result<std::string> first = renderer->draw(*pages, chronicle, 0);
        REQUIRE(first);
        check_png_golden("twelve-" + lang + "-chronicle-32dpi.png", *first);
    }
}
