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

std::string json_syntax_reason(const nlohmann::json::parse_error& error) {
    std::string what = error.what();
    auto dash = what.find(" - ");
    std::string reason = dash == std::string::npos ? "syntax error" : what.substr(dash + 3);
    return reason.substr(0, reason.find("; last read"));
}

std::variant<nlohmann::json, JsonSyntaxError> parse_json(std::string_view text) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann's byte is one past the offending character.
        return JsonSyntaxError{e.byte > 0 ? e.byte - 1 : 0, "invalid JSON: " + json_syntax_reason(e)};
    } catch (const nlohmann::json::exception&) {
        return JsonSyntaxError{0, "invalid JSON: a number too large for a double"};
    }
}

}  // namespace tarikh
