// Input bytes as UTF-8 text, whatever Unicode encoding a byte order mark announces.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/diagnostic.hpp"

namespace tarikh {

// A UTF-8 byte order mark (Excel's "CSV UTF-8", Notepad) is dropped; UTF-16 and UTF-32 with a
// byte order mark are converted to UTF-8; anything else is returned as it is. Lines and columns
// are counted in the text as read (characters, not bytes), so they are the same in the original
// and in the converted text. A broken UTF-16/32 text is an error at its place, naming `file`.
std::variant<std::string, Diagnostic> utf8_text(std::string bytes, const std::string& file);

// "UTF-16" or "UTF-32" when `bytes` hold NUL bytes where those encodings put them for
// ASCII text (JSON's braces, quotes and keys), though no byte order mark says so.
std::optional<std::string> unmarked_wide_encoding(std::string_view bytes);

// Appends the code point `c` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(std::string& out, std::uint32_t c);

}  // namespace tarikh
