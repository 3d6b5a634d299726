// Diagnostics: what went wrong, where, and what might help. Values, never exceptions.
#pragma once
#include <string>
#include <string_view>
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

// A user-supplied string as a message quotes it: in double quotes, at most `max_length`
// code points (then "…"), with controls, DEL, bidi controls and noncharacters shown as
// \u001b so that nothing quoted can drive a terminal or reorder the line around it.
std::string quote(std::string_view text, size_t max_length = 40);
// The same escapes without quotes or limit, newlines kept if asked; invalid UTF-8 bytes
// show as \xff.
std::string escape_controls(std::string_view text, bool keep_newlines = false);

// "FILE:LINE:COL: error: /pointer: message" followed by "hint: …" lines. The pointer, the
// message and the hints are passed through escape_controls, whatever produced them.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace tarikh
