// Text contrast as WCAG 2.x measures it (relative luminance, contrast ratio), and the rule every
// layout applies to a text colour: move its lightness, keeping its hue, until it reads against
// what is drawn behind it.
#pragma once
#include <span>

#include "core/geometry.hpp"

namespace tarikh {

// WCAG's minimum for body text (AA).
inline constexpr double kMinContrast = 4.5;

// WCAG 2.x relative luminance of an sRGB colour, 0 (black) to 1 (white); alpha is ignored.
double relative_luminance(Color c);

// (lighter + 0.05) / (darker + 0.05), 1 to 21; alpha is ignored.
double contrast_ratio(Color a, Color b);

// `top` painted over `below` (source over); opaque when `below` is.
Color over(Color top, Color below);

// `c` moved `amount` (0 to 1) of the way to `toward`, channel by channel; opaque.
Color mix(Color c, Color toward, double amount);

// `text` if it reads on every one of `backgrounds` (opaque colours) at `ratio`, measured as
// painted over each; else the nearest colour of its hue that does, darker on light backgrounds
// and lighter on dark ones (its OKLab lightness moved, chroma cut only where sRGB runs out), and
// opaque. When even black or white cannot reach `ratio`, the one that comes nearest.
Color readable_on(Color text, std::span<const Color> backgrounds, double ratio = kMinContrast);
inline Color readable_on(Color text, Color background, double ratio = kMinContrast) {
    return readable_on(text, std::span<const Color>(&background, 1), ratio);
}

}  // namespace tarikh
