// A scene as text, one item a line, rounded to 2 decimals: what golden tests compare.
#pragma once
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

std::string dump_scene(const Scene& scene);

}  // namespace tarikh
