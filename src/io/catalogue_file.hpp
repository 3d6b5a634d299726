// A user's message catalogue (--catalogue FILE): messages/*.json's shape, checked, its
// problems located as a theme file's are.
#pragma once
#include <string>
#include <variant>

#include "core/diagnostic.hpp"
#include "layout/messages.hpp"

namespace tarikh {

// The catalogue at `path`: an object of known message ids, each a string with English's
// placeholders. Messages it leaves out are not its problem: they fall back to English.
std::variant<Catalogue, Diagnostics> load_catalogue(const std::string& path);

}  // namespace tarikh
