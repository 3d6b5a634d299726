#include "io/text_encoding.hpp"

#include <cstdint>
#include <string_view>

#include "io/json_positions.hpp"

namespace tarikh {
namespace {

using namespace std::string_view_literals;

struct Encoding {
    const char* name;
    std::string_view bom;
    size_t unit;  // bytes per code unit
    bool big_endian;
};

// UTF-32 first: its little-endian mark starts with UTF-16's.
constexpr Encoding kEncodings[] = {{"UTF-32 (little-endian)", "\xFF\xFE\0\0"sv, 4, false},
                                   {"UTF-32 (big-endian)", "\0\0\xFE\xFF"sv, 4, true},
                                   {"UTF-16 (little-endian)", "\xFF\xFE"sv, 2, false},
                                   {"UTF-16 (big-endian)", "\xFE\xFF"sv, 2, true}};


std::variant<std::string, Diagnostic> decode(std::string_view bytes, const Encoding& e, const std::string& file) {
    std::string out;
    out.reserve(bytes.size());
    auto unit_at = [&](size_t at) {
        std::uint32_t v = 0;
        for (size_t k = 0; k < e.unit; ++k)
            v = v << 8 | static_cast<unsigned char>(bytes[at + (e.big_endian ? k : e.unit - 1 - k)]);
        return v;
    };
    auto broken = [&](const std::string& what) {
        TextPosition p = position_of(out, out.size());
        return Diagnostic{Severity::error, file, p.line, p.column, "",
                          "expected " + std::string(e.name) + " text, found " + what,
                          {"the file starts with a " + std::string(e.name) + " byte order mark; save it as UTF-8"}};
    };
    for (size_t i = e.bom.size(); i < bytes.size();) {
        if (bytes.size() - i < e.unit) return broken("a character cut short at the end");
        std::uint32_t c = unit_at(i);
        i += e.unit;
        if (e.unit == 2 && c >= 0xD800 && c <= 0xDBFF && bytes.size() - i >= 2) {
            std::uint32_t low = unit_at(i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return broken("an unpaired surrogate or a code point past U+10FFFF");
        append_utf8(out, c);
    }
    return out;
}

}  // namespace

void append_utf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::variant<std::string, Diagnostic> utf8_text(std::string bytes, const std::string& file) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
        bytes.erase(0, 3);
        return bytes;
    }
    for (const Encoding& e : kEncodings)
        if (std::string_view(bytes).substr(0, e.bom.size()) == e.bom) return decode(bytes, e, file);
    return bytes;
}

std::optional<std::string> unmarked_wide_encoding(std::string_view bytes) {
    // Units of ASCII in each encoding and byte order: which of their bytes are NUL.
    struct Pattern {
        const char* name;
        size_t unit;
        unsigned nul_bytes;  // bit i: byte i of a unit is NUL
    };
    static constexpr Pattern patterns[] = {
        {"UTF-32", 4, 0b1110}, {"UTF-32", 4, 0b0111}, {"UTF-16", 2, 0b10}, {"UTF-16", 2, 0b01}};
    bytes = bytes.substr(0, 128);
    for (const Pattern& p : patterns) {
        size_t units = bytes.size() / p.unit, matching = 0;
        for (size_t u = 0; u < units; ++u) {
            unsigned nul = 0;
            for (size_t b = 0; b < p.unit; ++b) nul |= (bytes[u * p.unit + b] == '\0' ? 1u : 0u) << b;
            matching += nul == p.nul_bytes;
        }
        if (units >= 2 && matching * 4 >= units * 3) return p.name;  // most of it, not one stray NUL
    }
    return std::nullopt;
}

}  // namespace tarikh
