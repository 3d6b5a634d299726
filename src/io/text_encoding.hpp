// Input bytes as UTF-8 text, whatever Unicode encoding a byte order mark announces.
#pragma once
#include <cstdint>
#include <string>
#include <variant>

#include "core/diagnostic.hpp"

namespace tarikh {

// A UTF-8 byte order mark (Excel's "CSV UTF-8", Notepad) is dropped; UTF-16 and UTF-32 with a
// byte order mark are converted to UTF-8; anything else is returned as it is. Lines and columns
// are counted in the text as read (characters, not bytes), so they are the same in the original
// and in the converted text. A broken UTF-16/32 text is an error at its place, naming `file`.
std::variant<std::string, Diagnostic> utf8_text(std::string bytes, const std::string& file);

// Appends the code point `c` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(std::string& out, std::uint32_t c);

}  // namespace tarikh
