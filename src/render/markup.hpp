// Text inside SVG and HTML markup: what both writers escape, how an event id becomes an id,
// and how a colour is written.
#pragma once
#include <string>

#include <tarikh/color.hpp>

namespace tarikh {

// Escapes & < > " ' and drops what XML 1.0 cannot hold (C0 controls but tab and newline), so
// the result is safe as text or as an attribute value in SVG and HTML alike.
std::string escape_markup(const std::string& text);

// An event id as an id fragment: letters, digits, '-' and '_' kept, the rest '_'.
std::string id_token(const std::string& id);

// A colour as SVG and CSS write it, "#rrggbb" (its alpha is written apart, where it is not 255).
std::string hex_color(const Color& c);

}  // namespace tarikh
