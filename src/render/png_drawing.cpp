// The PNG module (see png_module.hpp): built as tarikh-png.so, the one place that links cairo.
#include <cairo.h>

#include "render/cairo_painter.hpp"
#include "render/png_module.hpp"

namespace tarikh {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string draw_png(const Page& page, double scale, int width, int height, std::string& error) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
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
    if (status == CAIRO_STATUS_SUCCESS) return bytes;
    error = cairo_status_to_string(status);
    return {};
}

}  // namespace
}  // namespace tarikh

extern "C" __attribute__((visibility("default"))) const tarikh::PngModule* tarikh_png_module() {
    static const tarikh::PngModule module{&tarikh::draw_png};
    return &module;
}
