// The message catalogue: every word tarikh writes itself that ICU does not have (legend,
// "page 1 of 3", "c. …", "related to …"), per language. messages/*.json are compiled in; a
// user's file (--catalogue) has the same shape: one object of message id → pattern.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace tarikh {

struct Catalogue {
    std::string name;  // "fa", or the user's file, for warnings
    std::map<std::string, std::string> messages;
};

// Every message id, in the order of messages/en.json.
const std::vector<std::string>& message_ids();
// The languages with a built-in catalogue: "en" first.
const std::vector<std::string>& builtin_catalogue_languages();
// The built-in catalogue of a BCP 47 tag, by its language ("fa-IR" → fa, "ar-SY" → ar), or null.
const Catalogue* builtin_catalogue(const std::string& tag);
// English's, which every other falls back to.
const Catalogue& english_catalogue();
// The placeholders of a pattern, sorted: "page {page} of {pages}" → {"page", "pages"}.
std::vector<std::string> placeholders(const std::string& pattern);

}  // namespace tarikh
