// Reading format v1 (DESIGN §2): JSON text → Timeline, with located diagnostics.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/timeline.hpp"

namespace tarikh {

// Limits that keep hostile or broken input from taking unbounded time or memory; each has
// a command-line option (docs/security.md).
struct ParseLimits {
    size_t max_file_bytes = 64u << 20;  // --max-file-size (in MB there)
    size_t max_events = 100'000;         // --max-events
    size_t max_text_length = 10'000;     // --max-text-length, in characters, per text
    bool strict = false;                 // --strict: an imported field that cannot be read is an error, not left out
    int max_depth = 64;                  // --max-depth, JSON nesting
    size_t max_diagnostics = 100;        // problems reported per file before giving up
};

struct ParseResult {
    std::optional<Timeline> timeline;  // absent when there are errors
    Diagnostics diagnostics;           // errors and warnings, in document order
};

// `file` names the input in diagnostics ("-" for stdin).
ParseResult parse_timeline(std::string_view json_text, const std::string& file, const ParseLimits& limits = {});

}  // namespace tarikh
