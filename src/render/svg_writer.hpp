// SVG for embedding (DESIGN §4): self-contained, glyphs as outlines, ids prefixed per document.
#pragma once
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

// One page of the scene as an SVG document. The id prefix is a hash of the content, so the
// same scene always gives the same bytes and two different scenes never share an id.
std::string render_svg(const Scene& scene, size_t page_index = 0);

}  // namespace tarikh
