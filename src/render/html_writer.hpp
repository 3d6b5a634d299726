// A standalone HTML page: the chart's SVG inline and, for each event, its full text, place,
// figures and sources on hover and keyboard focus — CSS only, no script, nothing external.
#pragma once
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

// `svg` is the scene's first page as render_svg wrote it; the page shows it scaled to fit.
std::string render_html(const Scene& scene, const std::string& svg);

}  // namespace tarikh
