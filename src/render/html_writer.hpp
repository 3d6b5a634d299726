// A standalone HTML page: the chart's SVG inline and, for each event, its full text, place,
// figures and sources on hover and keyboard focus — CSS only, no script, nothing external.
#pragma once
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

// Every page of the scene as render_svg writes it, one after another, each scaled to fit.
std::string render_html(const Scene& scene);

}  // namespace tarikh
