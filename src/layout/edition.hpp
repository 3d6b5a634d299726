// What a layout of one edition needs besides its geometry: the language and its direction,
// texts picked with fallback warnings, shaping at the edition's sizes (Arabic a little
// larger: Amiri reads small beside Noto Sans), dates, lane colours, and the scene's metadata.
#pragma once
#include <string>

#include "layout/chart_layout.hpp"
#include "layout/missing_glyphs.hpp"
#include "layout/text_picker.hpp"
#include "time/calendar.hpp"
#include "time/date_format.hpp"

namespace tarikh {

// A lane's colour: its own, else the palette's by its place; events without a lane in ink.
Color lane_color(const Timeline& timeline, const std::string& lane_id);

class EditionContext {
public:
    // `out` collects the warnings (missing translations, missing glyphs).
    EditionContext(const Timeline& t, const std::string& lang, const std::string& calendar, Shaper& shaper, Layout& out);

    std::string pick(const LocalizedText& text, const std::string& pointer) { return picker_(text, lang, pointer); }
    ShapedText shape(const std::string& text, double size, bool bold, double width = 0, int lines = 0);
    // The scene's language, direction and metadata around `page`, and the glyph warnings.
    void finish(Page page);

    const Timeline& timeline;
    const std::string lang;
    const bool rtl;
    const double scale;  // text size factor
    Calendar calendar;
    DateFormatter dates;

private:
    Shaper& shaper_;
    Layout& out_;
    TextPicker picker_;
    MissingGlyphs missing_;
};

}  // namespace tarikh
