// Text inside SVG and HTML markup: what both writers escape, and how an event id becomes an id.
#pragma once
#include <string>

namespace tarikh {

// Escapes & < > " ' and drops what XML 1.0 cannot hold (C0 controls but tab and newline), so
// the result is safe as text or as an attribute value in SVG and HTML alike.
std::string escape_markup(const std::string& text);

// An event id as an id fragment: letters, digits, '-' and '_' kept, the rest '_'.
std::string id_token(const std::string& id);

}  // namespace tarikh
