// Fuzz target: JSON text → model, with diagnostics.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    tarikh::ParseResult result = tarikh::parse_timeline(text, "fuzz.json");
    for (const auto& d : result.diagnostics) tarikh::format_diagnostic(d);
    return 0;
}
