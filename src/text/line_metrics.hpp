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
void use_line_metrics(PangoFontMap* font_map);

}  // namespace tarikh
