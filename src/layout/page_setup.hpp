// Printed page sizes, in px (96 per inch) like everything else in the scene.
#pragma once
#include <optional>
#include <string>

namespace tarikh {

struct PageSetup {
    double width = 0, height = 0;
    double margin = 0;  // on every side
};

// "A4", "A3", "Letter", "Legal" (any case); margins of 15 mm, or 0.6 in on US sizes.
inline std::optional<PageSetup> page_setup(std::string name, bool landscape) {
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    constexpr double mm = 96 / 25.4, inch = 96;
    PageSetup page;
    if (name == "a4") page = {210 * mm, 297 * mm, 15 * mm};
    else if (name == "a3") page = {297 * mm, 420 * mm, 15 * mm};
    else if (name == "letter") page = {8.5 * inch, 11 * inch, 0.6 * inch};
    else if (name == "legal") page = {8.5 * inch, 14 * inch, 0.6 * inch};
    else return std::nullopt;
    if (landscape) std::swap(page.width, page.height);
    return page;
}

}  // namespace tarikh
