#include "core/number_text.hpp"

#include <charconv>
#include <cmath>

namespace tarikh {
namespace {

constexpr double kPowers[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
constexpr long long kWholePowers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

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
    // tie it rounds as to_chars rounds the exact value. Ties, zero (to_chars keeps "-0") and
    // large or odd values go to to_chars.
    if (!(std::abs(scaled) < 1e9)) return append_exact(out, v, decimals);
    const double whole = std::floor(scaled);
    const double fraction = scaled - whole;
    if (std::abs(fraction - 0.5) < 1e-6) return append_exact(out, v, decimals);
    const long long rounded = static_cast<long long>(whole) + (fraction > 0.5 ? 1 : 0);
    if (rounded == 0) return append_exact(out, v, decimals);

    if (rounded < 0) out += '-';
    const long long magnitude = rounded < 0 ? -rounded : rounded;
    long long integer = magnitude / kWholePowers[decimals];
    long long rest = magnitude % kWholePowers[decimals];
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, integer);
    out.append(buf, end);
    if (rest == 0) return;
    int places = decimals;
    while (rest % 10 == 0) {
        rest /= 10;
        --places;
    }
    char digits[8];
    for (int i = places - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + rest % 10);
        rest /= 10;
    }
    out += '.';
    out.append(digits, static_cast<size_t>(places));
}

void append_hex(std::string& out, unsigned long long v, int digits, bool uppercase) {
    const char* symbols = uppercase ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += symbols[(v >> shift) & 0xF];
}

}  // namespace tarikh
