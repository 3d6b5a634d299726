// Fuzz target: parse, then lay out with the real fonts, in the file's first language and in
// Arabic: the chart on every scale, band and panel choice, the chronicle, calendar and ring.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/tarikh.hpp"
#include "layout/layout_json.hpp"
#include "layout/quality.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static tarikh::Renderer renderer;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    tarikh::ParseResult result = tarikh::parse_timeline(text, "fuzz.json");
    if (!result.timeline) return 0;
    const tarikh::Timeline& t = *result.timeline;
    // The input's own bytes pick a scale, bands and panels, so each gets its turn.
    unsigned pick = size ? data[size / 2] : 0;
    tarikh::RenderOptions options;
    for (auto layout : {tarikh::LayoutKind::chart, tarikh::LayoutKind::chronicle, tarikh::LayoutKind::calendar,
                        tarikh::LayoutKind::radial})
        for (const char* lang : {"", "ar", "en+ar"}) {
            if (layout != tarikh::LayoutKind::chronicle && std::string_view(lang) == "en+ar") continue;
            options.layout = layout;
            options.lang = lang;
            options.scale = static_cast<tarikh::ScaleKind>(pick % 6);
            options.unified = pick & 8;
            options.segment = static_cast<tarikh::SegmentKind>((pick >> 4) % 4);
            tarikh::Layout laid = renderer.lay_out(t, options);
            tarikh::layout_json(laid);
            tarikh::quality_json(tarikh::measure_quality(t, laid));
        }
    return 0;
}
