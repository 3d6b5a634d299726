#include "core/diagnostic.hpp"

#include <algorithm>

namespace tarikh {

bool has_errors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file + ":";
        if (d.line > 0) out += std::to_string(d.line) + ":" + std::to_string(d.column) + ":";
        out += " ";
    }
    out += d.severity == Severity::error ? "error: " : "warning: ";
    if (!d.pointer.empty()) out += d.pointer + ": ";
    out += d.message;
    for (const auto& hint : d.hints) out += "\nhint: " + hint;
    return out;
}

}  // namespace tarikh
