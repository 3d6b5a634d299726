// Goldens from conflict-event tables as they come: an Idlib-like ACLED export of 2,000 rows
// (bench/make_acled_like.py 2000 17, made by the build: real rows may not be committed) read
// with --from acled, as a chart with a density band and as a chronicle, in English and Arabic;
// and a UCDP GED table of 300 rows (bench/make_ged_like.py 300 17: best estimates with bounds,
// dates known to spans of months) as a chronicle. Scene dumps with a stand-in shaper, and PNGs
// at 32 dpi with the real fonts. A change is written beside its golden as NAME.actual; tests/bless.
#include <doctest/doctest.h>

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

Timeline table(const char* path, InputFormat from) {
    Result<Timeline> loaded = load_file(path, ReadOptions{.from = from});
    REQUIRE(loaded);
    for (const auto& d : loaded.diagnostics) CHECK(d.severity == Severity::warning);  // the lanes past 12, in "Other"
    return *loaded;
}

// The chart as `tarikh render acled.csv --width 680 --aggregate week --label-where fatalities>=10`.
const Aggregation kChartBand{.period = AggregatePeriod::week, .label_min_fatalities = 10};
// The chronicle as `--layout chronicle --aggregate month --label-where fatalities>=10`.
const Aggregation kChronicleMonths{.period = AggregatePeriod::month, .label_min_fatalities = 10};

// The scene of a layout's first `pages` pages: a chronicle of 2,000 events is long.
std::string first_pages(Scene scene, size_t pages) {
    if (scene.pages.size() > pages) scene.pages.resize(pages);
    return dump_scene(scene);
}

}  // namespace

TEST_CASE("golden: a 2000-row ACLED table as a chart with a density band and as a chronicle, English and Arabic") {
    Timeline t = table(TARIKH_ACLED_TABLE, InputFormat::acled);
    REQUIRE(t.events.size() == 2000);
    FakeShaper shaper;
    for (const std::string lang : {"en", "ar"}) {
        CAPTURE(lang);
        LayoutOptions chart{.lang = lang, .width = 680, .aggregate = kChartBand};
        Layout drawn = layout_chart(t, chart, shaper);
        CHECK_FALSE(drawn.bars.empty());
        check_golden("acled-2000-" + lang + "-chart.scene.txt", dump_scene(drawn.scene));
        ChronicleOptions chronicle{.languages = {lang}, .aggregate = kChronicleMonths};
        check_golden("acled-2000-" + lang + "-chronicle.scene.txt",
                     first_pages(layout_chronicle(t, chronicle, shaper).scene, 2));
    }
}

TEST_CASE("golden: a 300-row UCDP GED table with ranges and spans of months as a chronicle") {
    Timeline t = table(TARIKH_GED_TABLE, InputFormat::ucdp_ged);
    REQUIRE(t.events.size() == 300);
    FakeShaper shaper;
    check_golden("ged-300-en-chronicle.scene.txt",
                 first_pages(layout_chronicle(t, ChronicleOptions{.languages = {"en"}}, shaper).scene, 2));
}

TEST_CASE("PNG goldens of the 2000-row ACLED table, chart and chronicle, English and Arabic") {
    Result<Timeline> t = load_file(TARIKH_ACLED_TABLE, ReadOptions{.from = InputFormat::acled});
    REQUIRE(t);
    Result<Renderer> renderer = Renderer::create(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    REQUIRE(renderer);
    for (const std::string lang : {"en", "ar"}) {
        CAPTURE(lang);
        RenderOptions chart{.format = Format::png, .languages = {lang}, .width = Length{680}, .aggregate = kChartBand,
                            .dpi = 32};
        Result<Rendered> drawn = renderer->render(*t, chart);
        REQUIRE(drawn);
        check_png_golden("acled-2000-" + lang + "-chart-32dpi.png", drawn->files.front());

        RenderOptions chronicle{.format = Format::png, .view = ChronicleView{}, .languages = {lang},
                                .aggregate = kChronicleMonths, .dpi = 32};
        Result<LaidOut> pages = renderer->lay_out(*t, chronicle);
        REQUIRE(pages);
        Result<std::string> first = renderer->draw(*pages, chronicle, 0);
        REQUIRE(first);
        check_png_golden("acled-2000-" + lang + "-chronicle-32dpi.png", *first);
    }
}
