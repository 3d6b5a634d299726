// --layout-json: the placed boxes as JSON, for web overlays and geometry tests.
#pragma once
#include <string>

#include "layout/layout.hpp"

namespace tarikh {

// {"pages": [{"page", "width", "height"}], "boxes": [{"kind", "event", "page", "x", "y", "width", "height"}]}
std::string layout_json(const Layout& layout);

}  // namespace tarikh
