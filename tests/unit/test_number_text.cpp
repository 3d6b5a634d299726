#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

#include "core/number_text.hpp"

namespace {

// What the writers printed before: std::to_chars(fixed), trailing zeros and point dropped.
std::string by_to_chars(double v, int decimals) {
    char buf[400];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (decimals > 0) {
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
    }
    return std::string(buf, end);
}

std::string decimal(double v, int decimals) {
    std::string out;
    tarikh::append_decimal(out, v, decimals);
    return out;
}

}  // namespace

TEST_CASE("append_decimal writes what to_chars fixed writes, trailing zeros dropped") {
    CHECK(decimal(12.5, 2) == "12.5");
    CHECK(decimal(3, 2) == "3");
    CHECK(decimal(-0.25, 2) == "-0.25");
    CHECK(decimal(0.1 + 0.2, 2) == "0.3");
    CHECK(decimal(1234.56789, 1) == "1234.6");
    CHECK(decimal(-0.001, 2) == "-0");  // as to_chars: the sign of a value that rounds to zero
    // Zero and what rounds to it, each sign, every number of decimals.
    for (double v : {0.0, -0.0, 0.004, -0.004, 4e-300, -4e-300, 0.49, -0.49})
        for (int d = 0; d <= 6; ++d) CHECK_MESSAGE(decimal(v, d) == by_to_chars(v, d), v << " to " << d);
    // Binary ties and near-ties, where rounding the scaled product could differ from rounding
    // the exact value: to_chars rounds the exact value, and so must this.
    for (double v : {0.125, 0.375, 2.675, 1.005, -0.125, -2.675, 0.5, 1.5, 2.5, -0.5, 1e-9, 123456.785, 1e12, -3e15, 4.35})
        for (int d = 0; d <= 4; ++d) CHECK_MESSAGE(decimal(v, d) == by_to_chars(v, d), v << " to " << d);
}

TEST_CASE("append_decimal agrees with to_chars at the edge of its own path, 1e9 scaled, at every precision") {
    int mismatches = 0;
    for (int d = 0; d <= 6; ++d) {
        const double scale = std::pow(10.0, d);
        for (double edge : {1e9, 1e9 - 1, 999999999.5, 1e8})
            for (double nudge : {-0.6, -0.5, -0.4, 0.0, 0.4, 0.5, 0.6})
                for (double sign : {1.0, -1.0}) {
                    const double v = sign * (edge + nudge) / scale;
                    if (decimal(v, d) != by_to_chars(v, d) && ++mismatches < 5) MESSAGE(v << " to " << d);
                }
        std::mt19937_64 random(20261202 + static_cast<unsigned>(d));
        std::uniform_real_distribution<double> range(-1e9 / scale, 1e9 / scale);
        for (int i = 0; i < 100000; ++i) {
            const double v = range(random);
            if (decimal(v, d) != by_to_chars(v, d) && ++mismatches < 5) MESSAGE(v << " to " << d);
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("append_decimal agrees with to_chars on a million seeded random values") {
    std::mt19937_64 random(20261202);
    std::uniform_real_distribution<double> wide(-1e7, 1e7), narrow(-10, 10);
    int mismatches = 0;
    for (int i = 0; i < 1000000; ++i) {
        const double v = i % 2 ? wide(random) : narrow(random);
        const int d = i % 5;
        if (decimal(v, d) != by_to_chars(v, d) && ++mismatches < 5) MESSAGE(v << " to " << d);
    }
    CHECK(mismatches == 0);
}

TEST_CASE("append_decimal agrees with to_chars on every hundredth and half-hundredth up to 1000") {
    int mismatches = 0;
    for (int n = -200000; n <= 200000; ++n) {
        const double v = n / 200.0;
        for (int d = 1; d <= 3; ++d)
            if (decimal(v, d) != by_to_chars(v, d) && ++mismatches < 5) MESSAGE(v << " to " << d);
    }
    CHECK(mismatches == 0);
}

TEST_CASE("append_hex pads to its digits and keeps only them") {
    std::string out;
    tarikh::append_hex(out, 0xff, 4);
    tarikh::append_hex(out, 0xABCDEF, 2, true);
    tarikh::append_hex(out, 0x123456789abcdef0ULL, 16);
    CHECK(out == "00ffEF123456789abcdef0");
}
