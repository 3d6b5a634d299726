// Numbers as the SVG and PDF writers print them: a fixed number of decimals, trailing zeros
// dropped. The same characters as std::to_chars(fixed), at a fraction of its cost, which was a
// sixth of a large chart's SVG.
#pragma once
#include <string>

namespace tarikh {

// Appends v rounded to `decimals` places (0–6), without trailing zeros or a trailing point:
// 12.5, 3, -0.25.
void append_decimal(std::string& out, double v, int decimals);

}  // namespace tarikh
