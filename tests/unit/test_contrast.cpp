// WCAG contrast and the rule that moves a text colour until it reads: known figures first.
#include <doctest/doctest.h>

#include <cstdlib>
#include <vector>

#include "layout/contrast.hpp"

using namespace tarikh;

namespace {

const Color white{255, 255, 255, 255}, black{0, 0, 0, 255};

Color hex(unsigned rgb) {
    return {static_cast<unsigned char>(rgb >> 16), static_cast<unsigned char>(rgb >> 8), static_cast<unsigned char>(rgb), 255};
}

// The order of a colour's channels, a rough hue: darkening a yellow must leave it yellowish.
// Channels the original holds equal (or nearly) may come out in either order.
bool same_channel_order(Color a, Color original) {
    auto kept = [](int x, int y, int ox, int oy) { return std::abs(ox - oy) < 8 || (x >= y) == (ox >= oy); };
    return kept(a.r, a.g, original.r, original.g) && kept(a.g, a.b, original.g, original.b) &&
           kept(a.r, a.b, original.r, original.b);
}

}  // namespace

TEST_CASE("relative luminance and contrast ratio give WCAG's figures") {
    CHECK(relative_luminance(white) == doctest::Approx(1));
    CHECK(relative_luminance(black) == doctest::Approx(0));
    CHECK(contrast_ratio(black, white) == doctest::Approx(21));
    CHECK(contrast_ratio(white, black) == doctest::Approx(21));
    CHECK(contrast_ratio(hex(0x777777), white) == doctest::Approx(4.478).epsilon(0.0005));  // "4.48:1", just fails AA
    CHECK(contrast_ratio(hex(0x767676), white) == doctest::Approx(4.542).epsilon(0.0005));  // the lightest grey that passes
    CHECK(contrast_ratio(hex(0x595959), white) == doctest::Approx(7.0).epsilon(0.001));
    CHECK(contrast_ratio(hex(0x0000ff), white) == doctest::Approx(8.59).epsilon(0.001));
    CHECK(contrast_ratio(hex(0xff0000), white) == doctest::Approx(3.998).epsilon(0.0005));
    CHECK(contrast_ratio(hex(0x00ff00), black) == doctest::Approx(15.3).epsilon(0.001));
    CHECK(relative_luminance(Color{0, 0, 0, 0}) == relative_luminance(black));  // alpha is not luminance
}

TEST_CASE("a colour painted over another") {
    CHECK(over(Color{255, 255, 255, 128}, black) == Color{128, 128, 128, 255});
    CHECK(over(Color{255, 0, 0, 255}, white) == Color{255, 0, 0, 255});
    CHECK(over(Color{0, 0, 0, 0}, hex(0x123456)) == hex(0x123456));
}

TEST_CASE("a text colour that reads is kept") {
    CHECK(readable_on(hex(0x212529), white) == hex(0x212529));
    CHECK(readable_on(hex(0x767676), white) == hex(0x767676));
    CHECK(readable_on(hex(0xe0e0e0), hex(0x121212)) == hex(0xe0e0e0));
}

TEST_CASE("pale text on white is darkened just enough, keeping its hue") {
    for (unsigned pale : {0xfff3b0u, 0xe0f0ffu, 0x777777u, 0xff0000u, 0x00ff00u, 0xd9b44au, 0xb5651du}) {
        CAPTURE(pale);
        Color text = hex(pale), read = readable_on(text, white);
        CHECK(contrast_ratio(read, white) >= 4.5);
        CHECK(contrast_ratio(read, white) < 4.7);  // no darker than needed
        CHECK(relative_luminance(read) < relative_luminance(text));
        CHECK(same_channel_order(read, text));
    }
}

TEST_CASE("dark text on a dark paper is lightened just enough, keeping its hue") {
    const Color paper = hex(0x121212);
    for (unsigned dark : {0x202020u, 0x1a1a60u, 0x0000ffu, 0x800000u, 0x8e2c2cu, 0x3b6ea5u}) {
        CAPTURE(dark);
        Color text = hex(dark), read = readable_on(text, paper);
        CHECK(contrast_ratio(read, paper) >= 4.5);
        CHECK(contrast_ratio(read, paper) < 4.7);
        CHECK(relative_luminance(read) > relative_luminance(text));
        CHECK(same_channel_order(read, text));
    }
}

TEST_CASE("text over several backgrounds reads on each, and translucent text is measured as painted") {
    const std::vector<Color> behind{white, hex(0xf4eaea), hex(0xeeddae)};
    Color read = readable_on(hex(0xd9b44a), behind);
    for (const Color& bg : behind) CHECK(contrast_ratio(read, bg) >= 4.5);
    CHECK(contrast_ratio(read, hex(0xeeddae)) < 4.7);  // the darkest background decides
    // Black at a quarter opacity is a light grey on white: it must be made to read.
    Color faint = readable_on(Color{0, 0, 0, 64}, white);
    CHECK(faint.a == 255);
    CHECK(contrast_ratio(faint, white) >= 4.5);
}

TEST_CASE("a ratio no colour reaches gives the extreme that comes nearest") {
    CHECK(readable_on(hex(0x808080), hex(0x808080), 21) == black);
    CHECK(readable_on(hex(0x101010), hex(0x202020), 21) == white);
}
