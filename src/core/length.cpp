// Lengths as users write them: a number and a unit.
#include <tarikh/options.hpp>

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace tarikh {

namespace {

constexpr LengthUnit kUnits[] = {LengthUnit::px, LengthUnit::mm, LengthUnit::in, LengthUnit::pt};

}  // namespace

const char* unit_name(LengthUnit unit) {
    switch (unit) {
        case LengthUnit::px: return "px";
        case LengthUnit::mm: return "mm";
        case LengthUnit::in: return "in";
        case LengthUnit::pt: return "pt";
    }
    return "px";
}

std::optional<Length> parse_length(const std::string& text) {
    size_t digits = 0;
    while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.'))
        ++digits;
    if (digits == 0) return std::nullopt;  // no sign, no space, no "inf" or "nan": only digits
    std::string number = text.substr(0, digits), unit = text.substr(digits);
    char* end = nullptr;
    double value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(value)) return std::nullopt;
    if (unit.empty()) return Length{value, LengthUnit::px};
    for (LengthUnit kind : kUnits)
        if (unit == unit_name(kind)) return Length{value, kind};
    return std::nullopt;
}

double length_px(const Length& length) {
    switch (length.unit) {
        case LengthUnit::px: return length.value;
        case LengthUnit::mm: return length.value * 96 / 25.4;
        case LengthUnit::in: return length.value * 96;
        case LengthUnit::pt: return length.value * 96 / 72;
    }
    return length.value;
}

}  // namespace tarikh
