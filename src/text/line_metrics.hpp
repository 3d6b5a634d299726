// Font metrics for tarikh's font maps without Pango's sample-text layout.
#pragma once

typedef struct _PangoFontMap PangoFontMap;

namespace tarikh {

// Makes pango_font_get_metrics of the fonts of `font_map` return the font's own metrics
// (ascent, descent, height, underline and strikeout, read from its tables as Pango reads them)
// without Pango's approximate character and digit widths. Pango measures those by laying out a
// sample sentence and the digits for every font and language, a tenth of a small render's
// instructions; PangoLayout asks for a line's metrics on every line (for line-spacing, which
// tarikh leaves at 0), and tarikh reads neither width. Fonts of other font maps keep Pango's own.
// The numbers equal Pango's only for unhinted contexts of south gravity, as pango_shaper.cpp
// makes them: face_metrics does not follow Pango's handling of hinted fonts or other gravities.
// Installed only under the Pango version tarikh was built with (its code is copied from that
// version) and when Pango exports the two functions it needs; returns whether it is in use.
bool use_line_metrics(PangoFontMap* font_map);

}  // namespace tarikh
