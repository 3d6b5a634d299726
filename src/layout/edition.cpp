#include "layout/edition.hpp"

namespace tarikh {

Color lane_color(const Timeline& timeline, const std::string& lane_id) {
    static const Color kPalette[] = {{59, 110, 165}, {142, 44, 44}, {47, 125, 79}, {138, 90, 0}, {107, 76, 154}, {31, 122, 122}};
    for (size_t i = 0; i < timeline.lanes.size(); ++i)
        if (timeline.lanes[i].id == lane_id) return timeline.lanes[i].color.value_or(kPalette[i % std::size(kPalette)]);
    return Color{33, 37, 41};
}

EditionContext::EditionContext(const Timeline& t, const std::string& edition_lang, const std::string& calendar_name,
                               Shaper& shaper, Layout& out)
    : timeline(t),
      lang(edition_lang.empty() ? t.first_language() : edition_lang),
      rtl(is_rtl_language(lang)),
      scale(rtl ? 1.18 : 1.0),
      calendar(t.timezone),
      dates(t.locale_for(lang), lang, t.timezone, calendar_name.empty() ? t.calendar : calendar_name),
      shaper_(shaper),
      out_(out),
      picker_(t, out.diagnostics) {}

ShapedText EditionContext::shape(const std::string& text, double size, bool bold, double width, int lines) {
    ShapedText shaped = shaper_.shape(text, TextStyle{size * scale, bold, width, lines, rtl, lang});
    missing_.note(shaped);
    return shaped;
}

void EditionContext::finish(Page page) {
    Scene& scene = out_.scene;
    scene.language = lang;
    scene.rtl = rtl;
    scene.title = pick(timeline.title, "/title");
    scene.description = pick(timeline.subtitle, "/subtitle");
    scene.author = timeline.author;
    scene.pages.push_back(std::move(page));
    missing_.report(out_.diagnostics);
}

}  // namespace tarikh
