#include "render/png_writer.hpp"

#include <cmath>
#include <stdexcept>

#include "render/png_module.hpp"

namespace tarikh {

std::string render_png(const Scene& scene, const PngOptions& options, size_t page_index) {
    if (page_index >= scene.pages.size()) throw std::runtime_error("nothing to draw");
    const Page& page = scene.pages[page_index];
    double scale = options.dpi / 96.0;
    double width = std::ceil(page.width * scale), height = std::ceil(page.height * scale);
    auto size = [&] {
        return "the PNG would be " + std::to_string(static_cast<long long>(width)) + " × " +
               std::to_string(static_cast<long long>(height)) + " pixels";
    };
    // The area first: a limit the caller chose, and raising it is the usual answer.
    if (!(scale > 0) || width * height > options.max_pixels)
        throw PixelLimitExceeded(size() + " (" + std::to_string(static_cast<long long>(width * height)) +
                                     "), more than the limit of " +
                                     std::to_string(static_cast<long long>(options.max_pixels)),
                                 Option::max_pixels);
    if (width > kMaxPngSide || height > kMaxPngSide)
        throw PixelLimitExceeded(size() + ", " + (height > kMaxPngSide ? "taller" : "wider") + " than the " +
                                     std::to_string(static_cast<long long>(kMaxPngSide)) + " an image can have on a side",
                                 Option::dpi);
    std::string error;
    std::string bytes = png_module().draw_png(page, scale, static_cast<int>(width), static_cast<int>(height), error);
    if (!error.empty()) throw std::runtime_error("cairo cannot write the PNG: " + error);
    return bytes;
}

}  // namespace tarikh
