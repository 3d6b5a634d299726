// Diagnostics: what went wrong, where, and what might help. Values, never exceptions.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tarikh/result.hpp>

namespace tarikh {

// A user-supplied string as a message quotes it: in double quotes, at most `max_length`
// code points (then "…"), with controls, DEL, bidi controls and noncharacters shown as
// \u001b so that nothing quoted can drive a terminal or reorder the line around it.
std::string quote(std::string_view text, size_t max_length = 40);

// An input over --max-file-size, in bytes on both sides (and the limit in MB, the unit the
// option takes, when it is a whole number of them); `found` is absent for a stream cut short.
Diagnostic file_too_large(const std::string& file, size_t max_bytes, std::optional<size_t> found);

// The one cap on what a reader reports: the first `max` errors and the first `max` warnings
// by place in the file, whatever order they were found in, then a line for the rest. Past
// the cap warnings are only counted, so that a file with many warnings stays valid.
class DiagnosticCap {
public:
    explicit DiagnosticCap(size_t max) : max_(max) {}
    // `place` orders diagnostics as the file does (a byte offset); equal places keep the order
    // they were added in.
    void add(size_t place, Diagnostic diagnostic);
    bool has_errors() const { return !errors_.empty(); }
    // What was kept, by place, each passed to `locate` in that order (so one sweep of the text
    // can give every line and column), then the lines for what was not kept.
    Diagnostics finish(const std::string& file, const std::function<void(size_t place, Diagnostic&)>& locate);

private:
    struct Kept {
        size_t place, order;
        Diagnostic diagnostic;
        bool operator<(const Kept& other) const {
            return place != other.place ? place < other.place : order < other.order;
        }
    };
    std::vector<Kept> errors_, warnings_;  // max-heaps: the latest in the file on top, dropped first
    size_t max_, added_ = 0, errors_dropped_ = 0, warnings_dropped_ = 0;
};

}  // namespace tarikh
