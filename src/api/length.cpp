// Lengths as users write them: a number and a unit.
#include <tarikh/tarikh.hpp>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace tarikh {

std::optional<Length> parse_length(const std::string& text) {
    static const std::pair<const char*, LengthUnit> kUnits[] = {
        {"px", LengthUnit::px}, {"mm", LengthUnit::mm}, {"in", LengthUnit::in}, {"pt", LengthUnit::pt}};
    size_t digits = 0;
    while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.'))
        ++digits;
    if (digits == 0) return std::nullopt;  // no sign, no space, no "inf" or "nan": only digits
    std::string number = text.substr(0, digits), unit = text.substr(digits);
    char* end = nullptr;
    double value = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(value)) return std::nullopt;
    if (unit.empty()) return Length{value, LengthUnit::px};
    for (const auto& [name, kind] : kUnits)
        if (unit == name) return Length{value, kind};
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
