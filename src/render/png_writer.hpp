// PNG previews: one page of the scene at a chosen resolution.
#pragma once
#include <stdexcept>
#include <string>

#include <tarikh/result.hpp>

#include "scene/scene.hpp"

namespace tarikh {

struct PngOptions {
    double dpi = 96;                       // 96 draws one px per px
    double max_pixels = 100'000'000;       // width × height; larger images are refused
};

// The most pixels an image can have on a side: cairo's limit, whatever max_pixels says.
constexpr double kMaxPngSide = 32767;

// The image would be larger than PngOptions::max_pixels (option: max_pixels) or wider or
// taller than kMaxPngSide (option: dpi).
struct PixelLimitExceeded : std::runtime_error {
    PixelLimitExceeded(const std::string& message, Option limit) : std::runtime_error(message), option(limit) {}
    Option option;
};

// The PNG bytes of page `page_index`; throws PixelLimitExceeded when the image would be too
// large, std::runtime_error when cairo fails.
std::string render_png(const Scene& scene, const PngOptions& options = {}, size_t page_index = 0);

}  // namespace tarikh
