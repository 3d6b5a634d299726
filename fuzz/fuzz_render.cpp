// Fuzz target: parse, lay out and draw as SVG, PDF and a small PNG.
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
    tarikh::RenderOptions options;
    tarikh::Result<tarikh::LaidOut> layout = renderer.lay_out(*result.timeline, options);
    if (!layout) return 0;
    for (tarikh::Format format : {tarikh::Format::svg, tarikh::Format::pdf, tarikh::Format::png}) {
        options.format = format;
        options.dpi = 12;
        renderer.draw(*layout, options);
    }
    return 0;
}
