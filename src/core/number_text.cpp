#include "core/number_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace tarikh {
namespace {

constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

void append_exact(std::string& out, double v, int decimals) {
    char buf[400];  // the longest fixed double with six decimals fits
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (decimals > 0) {
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
    }
    out.append(buf, end);
}

}  // namespace

void append_decimal(std::string& out, double v, int decimals) {
    if (decimals < 0 || decimals > 6) return append_exact(out, v, decimals < 0 ? 0 : 6);
    const double scaled = v * kPowers[decimals];
    // Below 1e9 the product is within 1e-7 of v's exact value times the power, so away from a
    // tie it rounds as to_chars rounds the exact value. Ties and large or odd values go to
    // to_chars.
    if (!(std::abs(scaled) < 1e9)) return append_exact(out, v, decimals);
    // floor() without libm's call: the value is below 1e9, well inside long long.
    long long truncated = static_cast<long long>(scaled);
    if (scaled < static_cast<double>(truncated)) --truncated;
    const double fraction = scaled - static_cast<double>(truncated);
    if (std::abs(fraction - 0.5) < 1e-6) return append_exact(out, v, decimals);
    const long long rounded = truncated + (fraction > 0.5 ? 1 : 0);
    if (rounded == 0) {  // as to_chars: "0", or "-0" when the value was below zero
        out.append(std::signbit(v) ? "-0" : "0");
        return;
    }

    // Written backwards into one buffer, appended once: the fraction's digits without its
    // trailing zeros, then the integer part.
    auto magnitude = static_cast<std::uint32_t>(rounded < 0 ? -rounded : rounded);  // at most 1e9
    int places = decimals;
    while (places > 0 && magnitude % 10 == 0) {
        magnitude /= 10;
        --places;
    }
    char buf[16];
    char* const end = buf + sizeof buf;
    char* p = end;
    for (int i = 0; i < places; ++i, magnitude /= 10) *--p = static_cast<char>('0' + magnitude % 10);
    if (places > 0) *--p = '.';
    do *--p = static_cast<char>('0' + magnitude % 10);
    while ((magnitude /= 10) != 0);
    if (rounded < 0) *--p = '-';
    out.append(p, static_cast<size_t>(end - p));
}

void append_hex(std::string& out, unsigned long long v, int digits, bool uppercase) {
    const char* symbols = uppercase ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[16];
    int n = std::clamp(digits, 0, 16);
    for (int i = n - 1; i >= 0; --i, v >>= 4) buf[i] = symbols[v & 0xF];
    out.append(buf, static_cast<size_t>(n));
}

}  // namespace tarikh
