// Checks shared by the JSON readers (timelines, themes): nesting depth before parsing, and
// the likely word behind a typo for "did you mean".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

// The byte offset where nesting first goes deeper than `max_depth`, if it does: checked
// before parsing, so that no recursion can run away.
std::optional<size_t> too_deep_at(std::string_view text, int max_depth);

// The closest of `known` to `word`, if it is close enough to be a likely typo.
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& known);

}  // namespace tarikh
