#include "io/html_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "io/text_encoding.hpp"

namespace tarikh {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// An entity's code point as UTF-8; one that is no character (NUL, a surrogate, beyond
// U+10FFFF) becomes U+FFFD.
void append_entity(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    append_utf8(out, cp);
}

// Decodes the entity starting at html[i] == '&'; returns how many bytes it used (0: none).
size_t decode_entity(const std::string& html, size_t i, std::string& out) {
    size_t end = html.find(';', i);
    if (end == std::string::npos || end - i > 10) return 0;
    std::string name = html.substr(i + 1, end - i - 1);
    static const std::pair<const char*, const char*> named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
        {"ndash", "–"}, {"mdash", "—"}, {"lsquo", "‘"}, {"rsquo", "’"}, {"ldquo", "“"}, {"rdquo", "”"},
        {"hellip", "…"}, {"laquo", "«"}, {"raquo", "»"}, {"copy", "©"}};
    for (auto [key, value] : named)
        if (name == key) {
            out += value;
            return end - i + 1;
        }
    if (name.size() > 1 && name[0] == '#') {
        bool hex = name[1] == 'x' || name[1] == 'X';
        std::string digits = name.substr(hex ? 2 : 1);
        if (digits.empty() || digits.size() > 7) return 0;
        std::uint32_t cp = 0;
        for (char c : digits) {
            if (hex ? !std::isxdigit(static_cast<unsigned char>(c)) : !std::isdigit(static_cast<unsigned char>(c))) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10);
        }
        append_entity(out, cp);
        return end - i + 1;
    }
    return 0;
}

// The value of attribute `name` in a tag's text, or "".
std::string attribute(const std::string& tag, const std::string& name) {
    std::string low = lower(tag);
    for (size_t at = low.find(name); at != std::string::npos; at = low.find(name, at + 1)) {
        if (at > 0 && !std::isspace(static_cast<unsigned char>(low[at - 1]))) continue;
        size_t p = at + name.size();
        while (p < low.size() && std::isspace(static_cast<unsigned char>(low[p]))) ++p;
        if (p >= low.size() || low[p] != '=') continue;
        ++p;
        while (p < low.size() && std::isspace(static_cast<unsigned char>(low[p]))) ++p;
        if (p >= tag.size()) return {};
        char quote = tag[p];
        size_t start = quote == '"' || quote == '\'' ? p + 1 : p;
        size_t end = quote == '"' || quote == '\'' ? tag.find(quote, start) : tag.find_first_of(" \t\n>", start);
        std::string raw = tag.substr(start, end == std::string::npos ? std::string::npos : end - start);
        std::string decoded;
        for (size_t i = 0; i < raw.size(); ++i) {
            size_t used = raw[i] == '&' ? decode_entity(raw, i, decoded) : 0;
            if (used) i += used - 1;
            else decoded += raw[i];
        }
        return decoded;
    }
    return {};
}

}  // namespace

PlainText html_to_text(const std::string& html) {
    PlainText out;
    std::string text;
    for (size_t i = 0; i < html.size();) {
        char c = html[i];
        if (c == '<') {
            size_t close = html.find('>', i);
            if (close == std::string::npos) break;  // an unclosed tag: drop the rest
            std::string tag = html.substr(i + 1, close - i - 1);
            std::string name = lower(tag.substr(0, tag.find_first_of(" \t\n/>", tag[0] == '/' ? 1 : 0)));
            if (name == "script" || name == "style") {
                size_t end = lower(html).find("</" + name, close);
                i = end == std::string::npos ? html.size() : html.find('>', end) + 1;
                if (i == 0) i = html.size();
                continue;
            }
            if (name == "br" || name == "p" || name == "/p" || name == "li" || name == "/div" || name == "/blockquote" ||
                name == "/h1" || name == "/h2" || name == "/h3")
                text += '\n';
            if (name == "a") {
                std::string href = attribute(tag, "href");
                if (!href.empty() && std::find(out.links.begin(), out.links.end(), href) == out.links.end())
                    out.links.push_back(href);
            }
            i = close + 1;
        } else if (c == '&') {
            size_t used = decode_entity(html, i, text);
            if (!used) text += c;
            i += used ? used : 1;
        } else {
            text += c;
            ++i;
        }
    }
    // Collapse runs of spaces; keep at most one blank line between paragraphs.
    std::string& result = out.text;
    int newlines = 0;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\r') {
            ++newlines;
            space = false;
        } else if (c == ' ' || c == '\t') {
            space = true;
        } else {
            if (!result.empty()) {
                if (newlines) result += newlines > 1 ? "\n\n" : "\n";
                else if (space) result += ' ';
            }
            result += c;
            newlines = 0;
            space = false;
        }
    }
    return out;
}

}  // namespace tarikh
