// Drawing a PNG lives in a module of its own (tarikh-png.so), loaded when the first PNG is
// drawn: only it links cairo, which brings pixman and the X11 libraries (13 of the 47 libraries
// a render mapped). SVG and PDF are written by tarikh itself (render/svg_writer.hpp,
// render/pdf_writer.hpp), and text is shaped without cairo (text/font_database.hpp).
#pragma once
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

struct PngModule {
    // The PNG bytes of `page` drawn `scale` times its size (in px) on a `width` × `height`
    // image; empty, with `error` set to cairo's reason, when cairo fails. The caller checks the
    // size (render/png_writer.hpp).
    std::string (*draw_png)(const Page& page, double scale, int width, int height, std::string& error);
};

// Loads the module once (thread-safe); throws std::runtime_error naming where it looked.
// Where it was loaded from: png_module_path (tarikh.hpp).
const PngModule& png_module();

}  // namespace tarikh
