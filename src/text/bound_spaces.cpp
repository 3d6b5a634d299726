#include "text/bound_spaces.hpp"

#include <string_view>

namespace tarikh {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kOpening[] = {"\u00AB", "\u2039"};  // « ‹
constexpr std::string_view kClosing[] = {"\u00BB", "\u203A"};  // » ›

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

}  // namespace

std::string bind_spaces_to_guillemets(std::string text) {
    // Guillemets are two or three bytes led by 0xC2 or 0xE2: text without either is kept as it is.
    if (text.find_first_of("\xC2\xE2") == std::string::npos) return text;
    std::string out;
    out.reserve(text.size() + 8);
    const std::string_view all(text);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i] == ' ' && i > 0 && i + 1 < all.size()) {
            const std::string_view before = all.substr(0, i), after = all.substr(i + 1);
            bool bound = false;
            for (std::string_view mark : kOpening) bound = bound || (before.ends_with(mark) && !is_space(after.front()));
            for (std::string_view mark : kClosing) bound = bound || (after.starts_with(mark) && !is_space(before.back()));
            if (bound) {
                out += kNoBreakSpace;
                continue;
            }
        }
        out += all[i];
    }
    return out;
}

}  // namespace tarikh
