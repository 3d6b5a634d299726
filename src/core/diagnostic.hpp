// Diagnostics: what went wrong, where, and what might help. Values, never exceptions.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <tarikh/result.hpp>

namespace tarikh {

// A user-supplied string as a message quotes it: in double quotes, at most `max_length`
// code points (then "…"), with controls, DEL, bidi controls and noncharacters shown as
// \u001b so that nothing quoted can drive a terminal or reorder the line around it.
std::string quote(std::string_view text, size_t max_length = 40);
// The same escapes without quotes or limit, newlines kept if asked; invalid UTF-8 bytes
// show as \xff.
std::string escape_controls(std::string_view text, bool keep_newlines = false);

}  // namespace tarikh
