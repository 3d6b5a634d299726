// Importing Knight Lab's TimelineJS: JSON v3, legacy v2 and the Google Sheet CSV export,
// converted to a format v1 document that keeps what it can.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace tarikh {

struct ImportResult {
    std::optional<std::string> tarikh_json;  // format v1 text; absent on errors
    Diagnostics diagnostics;
};

// True when `text` is JSON shaped like a TimelineJS file (v3 "events" with "start_date",
// or v2 {"timeline": …}); cheap enough to try on every input.
bool looks_like_timelinejs(std::string_view text);

ImportResult import_timelinejs_json(std::string_view text, const std::string& file);
ImportResult import_timelinejs_csv(std::string_view text, const std::string& file);

}  // namespace tarikh
