// Checks shared by the JSON readers (timelines, themes, catalogues): nesting depth before
// parsing, parsing with the place of a syntax error, and the likely word behind a typo for
// "did you mean".
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tarikh {

// The byte offset where nesting first goes deeper than `max_depth`, if it does: checked
// before parsing, so that no recursion can run away.
std::optional<size_t> too_deep_at(std::string_view text, int max_depth);

// Where (byte offset) and why a text is not JSON, with the likely slip behind it.
struct JsonSyntaxError {
    size_t offset = 0;
    std::string message;
    std::vector<std::string> hints;
};

// `text` parsed, or the first syntax error: "invalid JSON: …" at its byte, or a number too
// large for a double at that number.
std::variant<nlohmann::json, JsonSyntaxError> parse_json(std::string_view text);

// The closest of `known` to `word`, if it is close enough to be a likely typo.
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& known);

}  // namespace tarikh
