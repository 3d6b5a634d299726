#include "layout/edition.hpp"

#include "layout/phrases.hpp"

namespace tarikh {

Color lane_color(const Timeline& timeline, const std::string& lane_id) {
    static const Color kPalette[] = {{59, 110, 165}, {142, 44, 44}, {47, 125, 79}, {138, 90, 0}, {107, 76, 154}, {31, 122, 122}};
    for (size_t i = 0; i < timeline.lanes.size(); ++i)
        if (timeline.lanes[i].id == lane_id) return timeline.lanes[i].color.value_or(kPalette[i % std::size(kPalette)]);
    return Color{33, 37, 41};
}

EventNote event_note(const Timeline& t, size_t event, const std::string& date, const DateFormatter& dates,
                     const std::string& lang, const Pick& pick, const Box& hot) {
    const Event& e = t.events[event];
    const std::string p = "/events/" + std::to_string(event);
    const Phrases& words = phrases_for(lang);
    EventNote n{e.id, 1, hot, date, {}, {}};
    std::string title = pick(e.title, p + "/title");
    if (!title.empty()) n.heading += words.dash + title;
    auto add = [&](std::string line) {
        if (!line.empty()) n.lines.push_back(std::move(line));
    };
    add(pick(e.place, p + "/place"));
    add(pick(e.text, p + "/text"));
    for (size_t q = 0; q < e.quotes.size(); ++q) {
        std::string text = pick(e.quotes[q].text, p + "/quotes/" + std::to_string(q) + "/text");
        std::string speaker = pick(e.quotes[q].speaker, p + "/quotes/" + std::to_string(q) + "/speaker");
        if (!text.empty()) add(words.open_quote + text + words.close_quote + (speaker.empty() ? "" : words.dash + speaker));
    }
    for (size_t f = 0; f < e.figures.size(); ++f) {
        const Figure& fig = e.figures[f];
        std::string line = dates.number(fig.value) + " " + pick(fig.label, p + "/figures/" + std::to_string(f) + "/label");
        for (size_t s = 0; s < t.sources.size(); ++s)
            if (t.sources[s].id == fig.source) line += words.dash + pick(t.sources[s].name, "/sources/" + std::to_string(s) + "/name");
        add(line);
    }
    for (const auto& id : e.sources)
        for (size_t s = 0; s < t.sources.size(); ++s)
            if (t.sources[s].id == id) {
                std::string name = pick(t.sources[s].name, "/sources/" + std::to_string(s) + "/name");
                n.links.emplace_back(name.empty() ? id : name, is_link_url(t.sources[s].url) ? t.sources[s].url : "");
            }
    return n;
}

bool is_link_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 || url.rfind("mailto:", 0) == 0;
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
