// Fuzz target: parse, then lay out with the real fonts, in the file's first language and in Arabic.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/tarikh.hpp"
#include "layout/layout_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static tarikh::Renderer renderer;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    tarikh::ParseResult result = tarikh::parse_timeline(text, "fuzz.json");
    if (!result.timeline) return 0;
    tarikh::RenderOptions options;
    for (auto layout : {tarikh::LayoutKind::chart, tarikh::LayoutKind::chronicle})
        for (const char* lang : {"", "ar", "en+ar"}) {
            options.layout = layout;
            options.lang = lang;
            tarikh::layout_json(renderer.lay_out(*result.timeline, options));
        }
    return 0;
}
