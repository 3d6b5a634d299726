// Fuzz target: reading a timeline, as `tarikh validate` does: format v1, or TimelineJS JSON
// (detected from its shape), or — when the input starts with "Year," — a TimelineJS CSV.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/tarikh.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    const char* name = text.rfind("Year,", 0) == 0 ? "fuzz.csv" : "fuzz.json";
    tarikh::ParseResult result = tarikh::load_string(text, name);
    for (const auto& d : result.diagnostics) tarikh::format_diagnostic(d);
    return 0;
}
