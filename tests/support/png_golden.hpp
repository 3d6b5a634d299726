// PNG goldens: pixels compared within a small tolerance, since the same drawing may round a
// channel differently on another machine's cairo or pixman.
#pragma once
#include <cairo.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "test_files.hpp"

namespace tarikh::testing {

inline cairo_status_t read_png_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* rest = static_cast<std::string_view*>(closure);
    if (rest->size() < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, rest->data(), length);
    rest->remove_prefix(length);
    return CAIRO_STATUS_SUCCESS;
}

// How many bytes of two PNGs' pixels differ by more than 2 of 255; -1 when the sizes differ
// or one is not a PNG (a golden not written yet).
inline long pixels_apart(const std::string& png_a, const std::string& png_b) {
    std::string_view rest_a = png_a, rest_b = png_b;
    cairo_surface_t* a = cairo_image_surface_create_from_png_stream(read_png_bytes, &rest_a);
    cairo_surface_t* b = cairo_image_surface_create_from_png_stream(read_png_bytes, &rest_b);
    long differing = -1;
    int width = cairo_image_surface_get_width(a), height = cairo_image_surface_get_height(a);
    if (cairo_surface_status(a) == CAIRO_STATUS_SUCCESS && cairo_surface_status(b) == CAIRO_STATUS_SUCCESS &&
        width == cairo_image_surface_get_width(b) && height == cairo_image_surface_get_height(b)) {
        const unsigned char* pa = cairo_image_surface_get_data(a);
        const unsigned char* pb = cairo_image_surface_get_data(b);
        int stride = cairo_image_surface_get_stride(a);
        differing = 0;
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width * 4; ++x) differing += std::abs(pa[y * stride + x] - pb[y * stride + x]) > 2;
    }
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return differing;
}

// Compares `png` with tests/golden/NAME; a difference is written beside it as NAME.actual,
// for review and tests/bless.
inline void check_png_golden(const std::string& name, const std::string& png) {
    std::filesystem::path golden = std::filesystem::path(TARIKH_TEST_DIR) / "golden" / name;
    long differing = pixels_apart(read_file(golden), png);
    CAPTURE(name);
    CAPTURE(differing);
    CHECK(differing == 0);
    if (differing != 0) std::ofstream(golden.string() + ".actual", std::ios::binary) << png;
    else std::filesystem::remove(golden.string() + ".actual");
}

}  // namespace tarikh::testing
