// Fuzz target: reading a timeline, as `tarikh validate` does: format v1, or TimelineJS JSON
// (detected from its shape, bare or wrapped in {"timeline": …}), or — when the input starts
// with "Year,", after a UTF-8 byte order mark if any — a TimelineJS CSV; any of them in UTF-8,
// or UTF-16/32 with a byte order mark. Then the same bytes as `tarikh import` reads them: the
// TimelineJS importer forced on, its result checked and located in the original.
#include <cstddef>
#include <cstdint>
#include <string>

#include <tarikh/tarikh.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    size_t year = text.find("Year,");
    const char* name = year == 0 || (year == 3 && text.rfind("\xEF\xBB\xBF", 0) == 0) ? "fuzz.csv" : "fuzz.json";
    tarikh::Result<tarikh::Timeline> result = tarikh::load_string(text, name);
    for (const auto& d : result.diagnostics) tarikh::format_diagnostic(d);
    tarikh::Result<std::string> imported = tarikh::convert_timelinejs(text, name);
    for (const auto& d : imported.diagnostics) tarikh::format_diagnostic(d);
    return 0;
}
