// Micro-benchmarks of the hot parts, so that a regression shows: parsing, shaping (fresh,
// repeated, prepared on threads), label placement, chart layout without shaping, SVG writing.
// Run: build/bench/tarikh_micro   (Google Benchmark flags apply, e.g. --benchmark_filter=Shape)
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include <tarikh/tarikh.hpp>

#include "core/install_dirs.hpp"
#include "io/parse.hpp"
#include "layout/chart_layout.hpp"
#include "layout/label_placer.hpp"
#include "render/svg_writer.hpp"
#include "support/fake_shaper.hpp"
#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"

namespace {

using namespace tarikh;

const char* const kTitles[] = {"Attack at al-Zalaqiat", "Turkish patrol in northern Hama", "هجوم على حاجز في سراقب",
                               "Erdoğan statement on Sochi deal", "قصف على جسر الشغور (HTS)", "Convoy reaches Idlib"};

// N events over 90 days, half Arabic titles, in three lanes: like the peers' generator.
std::string timeline_json(int n) {
    std::mt19937 random(42);
    std::string json = R"({"format": "tarikh/1", "title": "Bench", "languages": ["en"], "timezone": "Asia/Damascus",
        "lanes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}], "events": [)";
    for (int i = 0; i < n; ++i) {
        int day = static_cast<int>(random() % 90);
        char date[32];
        std::snprintf(date, sizeof date, "2018-%02d-%02d", 9 + day / 30, 1 + day % 30);
        if (i) json += ",";
        json += R"({"id": "e)" + std::to_string(i) + R"(", "date": ")" + date + R"(", "lane": ")" +
                "abc"[i % 3] + R"(", "title": ")" + kTitles[i % 6] + " " + std::to_string(i) + "\"}";
    }
    return json + "]}";
}

Timeline timeline(int n) { return *load_string(timeline_json(n), "bench.json"); }

FontDatabase& fonts() {
    static FontDatabase database(default_font_folder());
    return database;
}

void Parse(benchmark::State& state) {
    std::string json = timeline_json(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(load_string(json, "bench.json"));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(Parse)->Arg(100)->Arg(10000);

const TextStyle kLabel{12, true, 220, 2, false, "en"};

// A new string every time: what a chart of unique titles costs.
void ShapeFresh(benchmark::State& state) {
    PangoShaper shaper(fonts());
    int i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(shaper.shape(kTitles[i % 6] + std::to_string(i), kLabel));
        ++i;
    }
}
BENCHMARK(ShapeFresh);

// The same string again (tick labels, dates, places): served from the cache.
void ShapeRepeated(benchmark::State& state) {
    PangoShaper shaper(fonts());
    for (auto _ : state) benchmark::DoNotOptimize(shaper.shape("15 September 2018 · Idlib", kLabel));
}
BENCHMARK(ShapeRepeated);

// 512 labels shaped ahead with prepare() on 1 or 2 threads (workers made before timing).
void ShapePrepared(benchmark::State& state) {
    PangoShaper shaper(fonts(), static_cast<int>(state.range(0)));
    int round = 0;
    auto batch = [&] {
        std::vector<ShapeRequest> requests;
        for (int i = 0; i < 512; ++i) requests.push_back({kTitles[i % 6] + std::to_string(round * 512 + i), kLabel});
        ++round;
        return requests;
    };
    shaper.prepare(batch());
    for (auto _ : state) {
        state.PauseTiming();
        auto requests = batch();
        state.ResumeTiming();
        shaper.prepare(requests);
        for (const auto& r : requests) benchmark::DoNotOptimize(shaper.shape(r.text, r.style));
    }
    state.SetItemsProcessed(state.iterations() * 512);
}
BENCHMARK(ShapePrepared)->Arg(1)->Arg(2)->UseRealTime();

void PlaceLabels(benchmark::State& state) {
    std::mt19937 random(7);
    std::vector<LabelRequest> requests;
    double width = 100.0 * static_cast<double>(state.range(0));
    for (int i = 0; i < state.range(0); ++i)
        requests.push_back({std::uniform_real_distribution<double>(0, width)(random), 80.0 + static_cast<double>(random() % 120), 30});
    for (auto _ : state) benchmark::DoNotOptimize(place_in_rows(requests, 8, 6));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(PlaceLabels)->RangeMultiplier(10)->Range(100, 100000)->Complexity(benchmark::oNLogN);

// Everything the chart does but shaping (a fixed-advance shaper stands in).
void ChartLayout(benchmark::State& state) {
    Timeline t = timeline(static_cast<int>(state.range(0)));
    testing::FakeShaper shaper;
    for (auto _ : state) benchmark::DoNotOptimize(layout_chart(t, {}, shaper));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(ChartLayout)->RangeMultiplier(10)->Range(100, 10000)->Complexity(benchmark::oNLogN)->Unit(benchmark::kMillisecond);

void WriteSvg(benchmark::State& state) {
    PangoShaper shaper(fonts());
    Layout layout = layout_chart(timeline(static_cast<int>(state.range(0))), {}, shaper);
    size_t bytes = 0;
    for (auto _ : state) bytes = render_svg(layout.scene).size();
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(WriteSvg)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
