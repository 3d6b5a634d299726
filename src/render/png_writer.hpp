// PNG previews: one page of the scene at a chosen resolution.
#pragma once
#include <stdexcept>
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

struct PngOptions {
    double dpi = 96;                       // 96 draws one px per px
    double max_pixels = 100'000'000;       // width × height; larger images are refused
};

// The image would be larger than PngOptions::max_pixels (or than cairo can draw).
struct PixelLimitExceeded : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The PNG bytes of page `page_index`; throws PixelLimitExceeded when the image would be too
// large, std::runtime_error when cairo fails.
std::string render_png(const Scene& scene, const PngOptions& options = {}, size_t page_index = 0);

}  // namespace tarikh
