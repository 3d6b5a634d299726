// What a call to tarikh gives back: the value, or the located problems that stopped it.
// Warnings travel with successes too. No exception leaves the library.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tarikh {

enum class Severity { warning, error };

// The field of ReadOptions or RenderOptions that would change a problem's outcome (a limit to
// raise, `strict` to make a warning an error): a front end names its own way to set it (the
// command line: "raise the limit with --max-events").
// `font_dirs`: a folder of fonts would draw what was not drawn. `table_choice`: ReadOptions::table
// asks what the input cannot give (a column it lacks): the caller's mistake, not the file's.
// `dpi`: a PNG wider or taller than any image can be (32767 px); only a lower resolution, or
// another format, draws it.
enum class Option { none, max_file_bytes, max_events, max_text_length, max_depth, max_pages, max_pixels, strict, font_dirs,
                    table_choice, dpi };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;     // may be empty for problems without a source
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string pointer;  // JSON pointer, e.g. "/events/3/date"
    std::string message;  // lowercase, no final period: expected …, found …
    std::vector<std::string> hints;
    Option option = Option::none;  // the option that would change this outcome, if any
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

// "FILE:LINE:COL: error: /pointer: message" followed by "hint: …" lines. Control and bidi
// characters of the pointer, message and hints are shown escaped (\u001b), never sent raw.
std::string format_diagnostic(const Diagnostic& diagnostic);
// The same escapes for any text a front end echoes (a file name): controls, DEL, bidi controls
// and noncharacters as \u001b, invalid UTF-8 bytes as \xff; newlines kept if asked.
std::string escape_controls(std::string_view text, bool keep_newlines = false);

// The value of a call, or the errors that stopped it: `value` is absent exactly when
// `diagnostics` holds an error. Warnings (a missing translation, a glyph no font has) come
// with the value.
template <class T>
struct Result {
    std::optional<T> value;
    Diagnostics diagnostics;

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
    T& operator*() { return *value; }
    const T& operator*() const { return *value; }
    T* operator->() { return &*value; }
    const T* operator->() const { return &*value; }
};

// A failed Result<T> holding one error.
template <class T>
Result<T> failure(std::string message, std::vector<std::string> hints = {}, Option option = Option::none) {
    return Result<T>{std::nullopt, {Diagnostic{Severity::error, "", 0, 0, "", std::move(message), std::move(hints), option}}};
}

}  // namespace tarikh
