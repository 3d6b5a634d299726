// Importing Knight Lab's TimelineJS: JSON v3 (bare or wrapped in {"timeline": …}), legacy v2
// and the Google Sheet CSV export, converted to a format v1 document that keeps what it can.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/diagnostic.hpp"
#include "io/json_positions.hpp"

namespace tarikh {

// Where a converted field came from in the original file.
struct Origin {
    std::string pointer;              // its JSON pointer; in a CSV, the column's name
    std::optional<TextPosition> at;   // a CSV cell's place; absent: find `pointer` in the JSON
};

struct ImportResult {
    std::optional<std::string> tarikh_json;  // format v1 text; absent on errors
    Diagnostics diagnostics;                 // located in the original file
    std::unordered_map<std::string, Origin> origins;  // format v1 pointer → where its value came from
};

// True when `text` is JSON shaped like a TimelineJS file (v3 "events" with "start_date",
// or {"timeline": …}) and has no top-level "format", which declares tarikh's own format;
// cheap enough to try on every input.
bool looks_like_timelinejs(std::string_view text);

struct ImportOptions {
    // A field that cannot be read is an error; otherwise an optional one (an end date, an era)
    // is left out with a warning. A slide's unreadable start date is always an error.
    bool strict = false;
    size_t max_diagnostics = 100;  // errors and warnings each, as the format v1 reader caps them
};

ImportResult import_timelinejs_json(std::string_view text, const std::string& file, const ImportOptions& options = {});
ImportResult import_timelinejs_csv(std::string_view text, const std::string& file, const ImportOptions& options = {});

// Moves diagnostics about the converted document to the original: the original file, the
// pointer (or CSV column) and the line and column of the field each came from, found by the
// longest prefix of its format v1 pointer that has an origin. Without one, the v1 pointer
// stays and the line is left out (it would name a place in a text never written).
void locate_in_original(Diagnostics& diagnostics, const ImportResult& imported, std::string_view original,
                        const std::string& file);

}  // namespace tarikh
