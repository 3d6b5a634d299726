#include <tarikh/options.hpp>

#include <cmath>
#include <cstdlib>

namespace tarikh {

std::optional<double> parse_label_where(const std::string& text) {
    const std::string field = "fatalities>=";
    if (text.rfind(field, 0) != 0 || text.size() == field.size()) return std::nullopt;
    const std::string number = text.substr(field.size());
    // Digits with at most one point: no sign, exponent, space, "inf" or "nan" (strtod takes those).
    bool point = false;
    for (char c : number) {
        if (c == '.' && !point) point = true;
        else if (c < '0' || c > '9') return std::nullopt;
    }
    if (number == ".") return std::nullopt;
    double value = std::strtod(number.c_str(), nullptr);
    return std::isfinite(value) ? std::optional(value) : std::nullopt;
}

}  // namespace tarikh
