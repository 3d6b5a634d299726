#include "render/png_writer.hpp"

#include <cairo.h>

#include <cmath>
#include <stdexcept>

#include "render/cairo_painter.hpp"

namespace tarikh {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

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
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width), static_cast<int>(height));
    std::string bytes;
    {
        CairoFonts fonts;
        cairo_t* cr = cairo_create(surface);
        cairo_scale(cr, scale, scale);
        paint_page(cr, page, fonts);
        cairo_destroy(cr);
    }
    cairo_surface_flush(surface);
    cairo_status_t status = cairo_surface_status(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_write_to_png_stream(surface, append, &bytes);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cairo cannot write the PNG: ") + cairo_status_to_string(status));
    return bytes;
}

}  // namespace tarikh
