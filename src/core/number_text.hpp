// Numbers as the writers print them: decimals for coordinates (the same characters as
// std::to_chars(fixed) at a fraction of its cost, which was a sixth of a large chart's SVG), and
// hexadecimal for colours, glyph ids and hashes.
#pragma once
#include <string>

namespace tarikh {

// Appends v rounded to `decimals` places (0–6), without trailing zeros or a trailing point:
// 12.5, 3, -0.25.
void append_decimal(std::string& out, double v, int decimals);

// Appends the low `digits` (at most 16) hexadecimal digits of v, zero-padded: "00ff".
void append_hex(std::string& out, unsigned long long v, int digits, bool uppercase = false);

}  // namespace tarikh
