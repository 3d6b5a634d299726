#include "io/json_checks.hpp"

#include <algorithm>

namespace tarikh {

namespace {

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

// Why nlohmann could not read a JSON text: the reason of its message, without the raw bytes
// it last read ("syntax error while parsing value - invalid literal").
std::string json_syntax_reason(const nlohmann::json::parse_error& error) {
    std::string what = error.what();
    auto dash = what.find(" - ");
    std::string reason = dash == std::string::npos ? "syntax error" : what.substr(dash + 3);
    return reason.substr(0, reason.find("; last read"));
}

// The byte before `at` that is not JSON whitespace, or 0 (NUL) if there is none.
char previous_non_space(std::string_view text, size_t at) {
    while (at > 0) {
        char c = text[--at];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
    }
    return '\0';
}

// Where the bare word that `at` is inside begins: a literal, a number, or the start of text
// that a stray '"' left outside its string ("naval "quarantine" on television").
size_t word_start(std::string_view text, size_t at) {
    constexpr std::string_view kNotInWord = "\",:[]{} \t\n\r";
    while (at > 0 && kNotInWord.find(text[at - 1]) == std::string_view::npos) --at;
    return at;
}

// The slips people make by hand, read from nlohmann's reason and the text around the byte it
// stopped at: a comma left out between two values, one left before a closing bracket, a '"'
// left unescaped inside a string (what follows it is read as a bare word).
std::vector<std::string> syntax_hints(std::string_view text, size_t at, const std::string& reason) {
    auto starts = [&](std::string_view prefix) { return reason.rfind(prefix, 0) == 0; };
    bool closing_bracket = starts("unexpected ']'") || starts("unexpected '}'");
    if (closing_bracket && previous_non_space(text, at) == ',') return {"JSON allows no comma before ] or }"};
    // A word right after a closing '"' was meant to stay inside the string: a literal or a
    // number glued to it, or any word that is no JSON at all ("quarantine", " so-called").
    bool bare_value = starts("unexpected number literal") || starts("unexpected true literal") ||
                      starts("unexpected false literal") || starts("unexpected null literal");
    size_t word = word_start(text, at);
    bool after_quote = word > 0 && text[word - 1] == '"';
    if ((bare_value && after_quote) || (starts("invalid literal") && previous_non_space(text, word) == '"'))
        return {"a \" inside a string must be written \\\""};
    bool value_start = bare_value || starts("unexpected string literal") || starts("unexpected '{'") || starts("unexpected '['");
    bool wanted_close = reason.ends_with("expected ']'") || reason.ends_with("expected '}'");
    if (value_start && wanted_close) return {"a comma may be missing after the previous value"};
    return {};
}

// The byte where the number that nlohmann's `message` quotes first appears in `text`, or 0.
size_t number_at(std::string_view text, const std::string& message) {
    auto open = message.find('\''), close = message.rfind('\'');
    if (open == std::string::npos || close <= open) return 0;
    size_t at = text.find(message.substr(open + 1, close - open - 1));
    return at == std::string_view::npos ? 0 : at;
}

}  // namespace

std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& known) {
    std::optional<std::string> best;
    size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const auto& k : known) {
        size_t d = edit_distance(word, k);
        if (d < best_distance) best_distance = d, best = k;
    }
    return best;
}

std::optional<size_t> too_deep_at(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

std::variant<nlohmann::json, JsonSyntaxError> parse_json(std::string_view text) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann's byte is one past the offending character.
        size_t at = e.byte > 0 ? e.byte - 1 : 0;
        std::string reason = json_syntax_reason(e);
        return JsonSyntaxError{at, "invalid JSON: " + reason, syntax_hints(text, at, reason)};
    } catch (const nlohmann::json::exception& e) {
        // nlohmann names the number that overflowed but not where it is: find it.
        return JsonSyntaxError{number_at(text, e.what()), "invalid JSON: a number too large for a double", {}};
    }
}

}  // namespace tarikh
