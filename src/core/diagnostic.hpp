// Diagnostics: what went wrong, where, and what might help. Values, never exceptions.
#pragma once
#include <string>
#include <vector>

namespace tarikh {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;     // may be empty for problems without a source
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string pointer;  // JSON pointer, e.g. "/events/3/date"
    std::string message;  // lowercase, no final period: expected …, found …
    std::vector<std::string> hints;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

// "FILE:LINE:COL: error: /pointer: message" followed by "hint: …" lines.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace tarikh
