// PNG previews: one page of the scene at a chosen resolution.
#pragma once
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

struct PngOptions {
    double dpi = 96;                       // 96 draws one px per px
    double max_pixels = 100'000'000;       // width × height; larger images are refused
};

// The PNG bytes of page `page_index`; throws std::runtime_error when the image would be too
// large or cairo fails.
std::string render_png(const Scene& scene, const PngOptions& options = {}, size_t page_index = 0);

}  // namespace tarikh
