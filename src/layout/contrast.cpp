#include "layout/contrast.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace tarikh {
namespace {

// sRGB's transfer function; WCAG 2.x writes its threshold as 0.03928, which no 8-bit value
// tells apart from sRGB's 0.04045.
double linear(double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); }
// An 8-bit channel's linear value, from a table: every label's colour is checked against its
// backdrops, and pow() was most of that.
double linear_channel(unsigned char v) {
    static const auto table = [] {
        std::array<double, 256> out{};
        for (int i = 0; i < 256; ++i) out[static_cast<size_t>(i)] = linear(i / 255.0);
        return out;
    }();
    return table[v];
}
double encoded(double v) { return v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1 / 2.4) - 0.055; }

struct Lab {
    double l, a, b;
};
struct Rgb {  // linear, 0 to 1 when in gamut
    double r, g, b;
};

// Björn Ottosson's OKLab: lightness steps look even, and hue holds as lightness moves (CIELAB's
// blues turn purple when darkened).
Lab oklab(Color c) {
    double r = linear_channel(c.r), g = linear_channel(c.g), b = linear_channel(c.b);
    double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

Rgb linear_rgb(Lab c) {
    double l = c.l + 0.3963377774 * c.a + 0.2158037573 * c.b;
    double m = c.l - 0.1055613458 * c.a - 0.0638541728 * c.b;
    double s = c.l - 0.0894841775 * c.a - 1.2914855480 * c.b;
    l = l * l * l, m = m * m * m, s = s * s * s;
    return {4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
}

bool in_gamut(Rgb c) {
    const double e = 1e-9;
    return c.r >= -e && c.r <= 1 + e && c.g >= -e && c.g <= 1 + e && c.b >= -e && c.b <= 1 + e;
}

unsigned char channel(double linear_value) {
    return static_cast<unsigned char>(std::lround(std::clamp(encoded(std::clamp(linear_value, 0.0, 1.0)), 0.0, 1.0) * 255));
}

// The colour at lightness `l` with the hue of `c`, as much of its chroma as sRGB holds there.
Color at_lightness(Lab c, double l) {
    double lo = 0, hi = 1;  // the share of chroma kept
    if (in_gamut(linear_rgb({l, c.a, c.b}))) {
        lo = 1;
    } else {
        for (int i = 0; i < 20; ++i) {
            double mid = (lo + hi) / 2;
            (in_gamut(linear_rgb({l, c.a * mid, c.b * mid})) ? lo : hi) = mid;
        }
    }
    Rgb rgb = linear_rgb({l, c.a * lo, c.b * lo});
    return {channel(rgb.r), channel(rgb.g), channel(rgb.b), 255};
}

double worst_ratio(Color text, std::span<const Color> backgrounds) {
    double worst = 21;
    for (const Color& bg : backgrounds) worst = std::min(worst, contrast_ratio(over(text, bg), bg));
    return worst;
}

}  // namespace

double relative_luminance(Color c) {
    return 0.2126 * linear_channel(c.r) + 0.7152 * linear_channel(c.g) + 0.0722 * linear_channel(c.b);
}

double contrast_ratio(Color a, Color b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color mix(Color c, Color toward, double amount) {
    auto one = [amount](unsigned char v, unsigned char w) {
        return static_cast<unsigned char>(std::lround(v + (w - v) * amount));
    };
    return {one(c.r, toward.r), one(c.g, toward.g), one(c.b, toward.b), 255};
}

Color over(Color top, Color below) {
    double a = top.a / 255.0, b = below.a / 255.0 * (1 - a), out = a + b;
    if (out <= 0) return {0, 0, 0, 0};
    auto mix = [&](unsigned char t, unsigned char u) {
        return static_cast<unsigned char>(std::lround((t * a + u * b) / out));
    };
    return {mix(top.r, below.r), mix(top.g, below.g), mix(top.b, below.b), static_cast<unsigned char>(std::lround(out * 255))};
}

Color readable_on(Color text, std::span<const Color> backgrounds, double ratio) {
    if (backgrounds.empty() || worst_ratio(text, backgrounds) >= ratio) return text;
    const Color black{0, 0, 0, 255}, white{255, 255, 255, 255};
    const bool darken = worst_ratio(black, backgrounds) >= worst_ratio(white, backgrounds);
    const Color extreme = darken ? black : white;
    if (worst_ratio(extreme, backgrounds) < ratio) return extreme;
    // The least move of lightness towards the extreme that reads: ratio grows with the move.
    const Lab start = oklab(Color{text.r, text.g, text.b, 255});
    const double target = darken ? 0 : 1;
    double reads = 1, fails = 0;  // shares of the way to the extreme
    for (int i = 0; i < 24; ++i) {
        double mid = (reads + fails) / 2;
        Color c = at_lightness(start, start.l + (target - start.l) * mid);
        (worst_ratio(c, backgrounds) >= ratio ? reads : fails) = mid;
    }
    Color found = at_lightness(start, start.l + (target - start.l) * reads);
    return worst_ratio(found, backgrounds) >= ratio ? found : extreme;
}

}  // namespace tarikh
