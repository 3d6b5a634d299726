// Themes as JSON (docs/themes.md): a theme file, a theme object inside a timeline file, and the
// built-in themes (themes/*.json, compiled in), each read onto the Theme the layouts take.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <variant>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/theme.hpp"

namespace tarikh {

// The built-in themes' names: "default" first.
const std::vector<std::string>& builtin_theme_names();

// A theme named on the command line or in the options: a file's path when it has a "/" or
// ends in ".json", else a built-in's name.
bool names_theme_file(const std::string& theme);

// A problem of a theme object, at a JSON pointer under the object; `at_key`: of the key itself.
struct ThemeProblem {
    std::string pointer;
    std::string message;
    std::vector<std::string> hints;
    bool at_key = false;
};

// Reads a theme object onto the theme it "extends" (default unless it says), adding what is
// wrong to `problems` (pointers start with `at`). Font files are made absolute from `folder`.
Theme read_theme(const nlohmann::json& object, const std::string& at, const std::string& folder,
                 std::vector<ThemeProblem>& problems);

// A built-in theme, or the file at a path: a located error each problem, as timelines have.
std::variant<Theme, Diagnostics> load_theme(const std::string& name_or_path);

// A theme object's JSON text from a timeline file (checked there), read again for a layout.
std::variant<Theme, Diagnostics> theme_from_text(const std::string& json_text, const std::string& folder);

}  // namespace tarikh
