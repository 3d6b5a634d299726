#include "render/markup.hpp"

#include <cctype>

#include "core/number_text.hpp"

namespace tarikh {

std::string escape_markup(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
        }
    }
    return out;
}

std::string id_token(const std::string& id) {
    std::string out;
    for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return out;
}

std::string hex_color(const Color& c) {
    std::string out = "#";
    append_hex(out, (c.r << 16) | (c.g << 8) | c.b, 6);
    return out;
}

}  // namespace tarikh
