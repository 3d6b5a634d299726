#include "text/bound_spaces.hpp"

#include <string_view>

namespace tarikh {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00A0";
constexpr std::string_view kOpening[] = {"\u00AB", "\u2039"};  // « ‹
constexpr std::string_view kClosing[] = {"\u00BB", "\u203A"};  // » ›

bool is_space(std::string_view c) { return c == " " || c == "\n" || c == "\t" || c == kNoBreakSpace || c == "\u202F"; }

// The UTF-8 character that ends `text`, or begins it.
std::string_view last_character(std::string_view text) {
    std::size_t start = text.size();
    while (start > 0 && (static_cast<unsigned char>(text[--start]) & 0xC0) == 0x80) {
    }
    return text.substr(start);
}
std::string_view first_character(std::string_view text) {
    std::size_t end = text.empty() ? 0 : 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    return text.substr(0, end);
}

bool any_of(std::string_view c, const std::string_view (&marks)[2]) { return c == marks[0] || c == marks[1]; }

// The space after `before` ends with a guillemet that opens a quotation.
bool after_opening(std::string_view before) {
    const std::string_view mark = last_character(before);
    if (!any_of(mark, kOpening)) return false;
    const std::string_view outside = last_character(before.substr(0, before.size() - mark.size()));
    return outside.empty() || is_space(outside) || outside == "(" || outside == "[" || outside == "{" ||
           any_of(outside, kOpening) || any_of(outside, kClosing);
}

// The space before `after` is followed by a guillemet that closes a quotation.
bool before_closing(std::string_view after) {
    const std::string_view mark = first_character(after);
    if (!any_of(mark, kClosing)) return false;
    const std::string_view outside = first_character(after.substr(mark.size()));
    constexpr std::string_view kAfterClosing[] = {")", "]", "}", "!", "?", ",", ".", ":", ";", "/", "…",
                                                  "\u061F", "\u060C", "\u061B"};  // Arabic ؟ ، ؛
    for (std::string_view c : kAfterClosing)
        if (outside == c) return true;
    return outside.empty() || is_space(outside) || any_of(outside, kOpening) || any_of(outside, kClosing);
}

}  // namespace

std::string bind_spaces_to_guillemets(std::string text) {
    // Guillemets are UTF-8 led by 0xC2 or 0xE2: text without either is kept as it is.
    if (text.find_first_of("\xC2\xE2") == std::string::npos) return text;
    std::string out;
    out.reserve(text.size() + 8);
    const std::string_view all(text);
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i] == ' ' && i > 0 && i + 1 < all.size()) {
            const std::string_view before = all.substr(0, i), after = all.substr(i + 1);
            const bool bound = (after_opening(before) && !is_space(first_character(after))) ||
                               (before_closing(after) && !is_space(last_character(before)));
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
