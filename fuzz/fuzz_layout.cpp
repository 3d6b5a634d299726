// Fuzz target: parse, then lay out with the real fonts, in the file's first language and in
// Arabic: the chart on every scale, band and panel choice, the chronicle, calendar and ring.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <tarikh/tarikh.hpp>

#include "io/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static tarikh::Renderer renderer = std::move(*tarikh::Renderer::create().value);
    std::string_view text(reinterpret_cast<const char*>(data), size);
    tarikh::ParseResult result = tarikh::parse_timeline(text, "fuzz.json");
    if (!result.timeline) return 0;
    const tarikh::Timeline& t = *result.timeline;
    // The input's own bytes pick a scale, bands and panels, so each gets its turn.
    unsigned pick = size ? data[size / 2] : 0;
    auto scale = static_cast<tarikh::Scale>(pick % 6);
    tarikh::View views[] = {
        tarikh::ChartView{scale, (pick & 8) != 0, static_cast<tarikh::Segment>((pick >> 4) % 4)},
        tarikh::ChronicleView{}, tarikh::CalendarView{},
        tarikh::RadialView{pick & 1 ? tarikh::Scale::sequential : tarikh::Scale::chronological}};
    for (const auto& view : views)
        for (std::vector<std::string> languages : {std::vector<std::string>{}, {"ar"}, {"en", "ar"}}) {
            tarikh::RenderOptions options{.view = view, .languages = languages};
            tarikh::Result<tarikh::LaidOut> laid = renderer.lay_out(t, options);
            if (!laid) continue;  // two languages on one of the other views is refused
            (void)laid->boxes_json();
            tarikh::quality_json(t, *laid);
        }
    return 0;
}
