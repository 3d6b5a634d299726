// A standalone HTML page: the chart's SVG inline and, for each event, its full text, place,
// figures and sources on hover and keyboard focus — CSS only, no script, nothing external.
#pragma once
#include <string>
#include <vector>

#include "scene/scene.hpp"

namespace tarikh {

// Every page of the scene, one after another, each scaled to fit. `svg_pages`: each page as
// an SVG document (render_svg), one per page, from the caller, so that this backend does not
// depend on another (DESIGN §1).
std::string render_html(const Scene& scene, const std::vector<std::string>& svg_pages);

}  // namespace tarikh
