// The contrast of a scene's text against what is painted behind it, read from the scene alone
// (not from the layout that made it), for the quality report.
#pragma once
#include "core/geometry.hpp"
#include "scene/scene.hpp"

namespace tarikh {

// The lowest WCAG contrast ratio of any glyph of any text item in `scene` against the
// colour behind it: every filled rect and circle painted before the text and under the glyph,
// composited in paint order over `paper` (what shows where nothing is painted). 21 when the
// scene has no text.
double min_text_contrast(const Scene& scene, Color paper);

}  // namespace tarikh
