// A glyph's outline read through HarfBuzz and handed to a writer of paths: HarfBuzz's draw
// callbacks registered once for every backend that writes outlines (SVG path data, PDF operators).
#pragma once
#include <cstdint>

typedef struct hb_font_t hb_font_t;

namespace tarikh {

// What a path writer does with each segment of an outline, in font units, y up.
class PathSink {
public:
    virtual void move_to(float x, float y) = 0;
    virtual void line_to(float x, float y) = 0;
    // From the current point (x0, y0), through the control point (cx, cy).
    virtual void quadratic_to(float x0, float y0, float cx, float cy, float x, float y) = 0;
    virtual void cubic_to(float c1x, float c1y, float c2x, float c2y, float x, float y) = 0;
    virtual void close_path() = 0;

protected:
    ~PathSink() = default;
};

// Nothing for a blank glyph (a space). `font` at its own scale (units per em).
void draw_glyph(hb_font_t* font, std::uint32_t glyph, PathSink& sink);

}  // namespace tarikh
