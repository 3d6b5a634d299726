// Reading format v1 (DESIGN §2): JSON text → Timeline, with located diagnostics.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/timeline.hpp"

namespace tarikh {

struct ParseResult {
    std::optional<Timeline> timeline;  // absent when there are errors
    Diagnostics diagnostics;           // errors and warnings, in document order
};

// `file` names the input in diagnostics ("-" for stdin).
ParseResult parse_timeline(std::string_view json_text, const std::string& file);

}  // namespace tarikh
