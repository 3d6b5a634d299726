// What a layout of one edition needs besides its geometry: the language and its direction,
// texts picked with fallback warnings, shaping at the edition's sizes (Arabic a little
// larger: Amiri reads small beside Noto Sans), dates, lane colours, and the scene's metadata.
#pragma once
#include <functional>
#include <string>

#include "layout/chart_layout.hpp"
#include "layout/missing_glyphs.hpp"
#include "layout/text_picker.hpp"
#include "time/calendar.hpp"
#include "time/date_format.hpp"

namespace tarikh {

// A lane's colour: its own, else the palette's by its place; events without a lane in ink.
Color lane_color(const Timeline& timeline, const std::string& lane_id);

// Links tarikh draws: http, https and mailto only.
bool is_link_url(const std::string& url);

// The event in full (`date` — title; place, text, quotes, figures; sources), for pages that
// show it on hover and focus. `hot` is where it is drawn.
using Pick = std::function<std::string(const LocalizedText& text, const std::string& pointer)>;
EventNote event_note(const Timeline& timeline, size_t event, const std::string& date, const DateFormatter& dates,
                     const std::string& lang, const Pick& pick, const Box& hot);

class EditionContext {
public:
    // `out` collects the warnings (missing translations, missing glyphs).
    EditionContext(const Timeline& t, const std::string& lang, const std::string& calendar, Shaper& shaper, Layout& out);

    std::string pick(const LocalizedText& text, const std::string& pointer) { return picker_(text, lang, pointer); }
    ShapedText shape(const std::string& text, double size, bool bold, double width = 0, int lines = 0);
    EventNote note(size_t event, const Interval& when, const Box& hot) {
        return event_note(timeline, event, dates.event_date(when), dates, lang,
                          [this](const LocalizedText& text, const std::string& pointer) { return pick(text, pointer); }, hot);
    }
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
