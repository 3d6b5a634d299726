// Drawing a scene page with cairo, for PNG: part of the PNG module (render/png_module.hpp).
#pragma once
#include <map>
#include <string>

#include "scene/scene.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_font_face cairo_font_face_t;

namespace tarikh {

// Cairo font faces for the scene's font files, loaded once per writer.
class CairoFonts {
public:
    CairoFonts();
    ~CairoFonts();
    CairoFonts(const CairoFonts&) = delete;
    CairoFonts& operator=(const CairoFonts&) = delete;
    cairo_font_face_t* face(const FontRef& font);

private:
    std::map<std::pair<std::string, int>, cairo_font_face_t*> faces_;
};

// Draws the page's items on `cr` in px units (the caller scales to the surface).
void paint_page(cairo_t* cr, const Page& page, CairoFonts& fonts);

}  // namespace tarikh
