#include "layout/edition.hpp"

#include <algorithm>
#include <iterator>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "layout/phrases.hpp"

namespace tarikh {
namespace {

// "Noto Sans,Amiri": the families as Pango's font descriptions list them.
std::string family_list(const std::vector<std::string>& families) {
    std::string list;
    for (const auto& family : families) list += (list.empty() ? "" : ",") + family;
    return list;
}

// The direction of a text's first strong character, characters inside isolates skipped (UAX #9
// P2–P3): true for right to left, nothing for a text without one.
std::optional<bool> first_strong_rtl(const std::string& text) {
    int isolates = 0;
    for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
        UChar32 c;
        U8_NEXT(text.data(), i, n, c);
        switch (u_charDirection(c)) {
            case U_LEFT_TO_RIGHT:
                if (isolates == 0) return false;
                break;
            case U_RIGHT_TO_LEFT:
            case U_RIGHT_TO_LEFT_ARABIC:
                if (isolates == 0) return true;
                break;
            case U_FIRST_STRONG_ISOLATE:
            case U_LEFT_TO_RIGHT_ISOLATE:
            case U_RIGHT_TO_LEFT_ISOLATE: ++isolates; break;
            case U_POP_DIRECTIONAL_ISOLATE: isolates = std::max(0, isolates - 1); break;
            default: break;
        }
    }
    return std::nullopt;
}

}  // namespace

Color lane_color(const Theme& theme, const Timeline& timeline, const std::string& lane_id) {
    for (size_t i = 0; i < timeline.lanes.size(); ++i)
        if (timeline.lanes[i].id == lane_id) {
            const auto& own = timeline.lanes[i].color;
            return own ? own_color(theme, *own) : theme.lanes[i % theme.lanes.size()];
        }
    return theme.unlaned;
}

MarkerShape lane_shape(const Theme& theme, const Timeline& timeline, const std::string& lane_id) {
    static constexpr MarkerShape kShapes[] = {MarkerShape::circle, MarkerShape::square, MarkerShape::triangle,
                                              MarkerShape::diamond};
    if (!theme.lane_shapes) return MarkerShape::circle;
    for (size_t i = 0; i < timeline.lanes.size(); ++i)
        if (timeline.lanes[i].id == lane_id) return kShapes[i % std::size(kShapes)];
    return MarkerShape::circle;
}

SourceIndex::SourceIndex(const Timeline& timeline) {
    index_.reserve(timeline.sources.size());
    for (size_t s = 0; s < timeline.sources.size(); ++s) index_.emplace(timeline.sources[s].id, s);
}

std::optional<size_t> SourceIndex::find(const std::string& id) const {
    auto found = index_.find(id);
    if (found == index_.end()) return std::nullopt;
    return found->second;
}

namespace {

bool disputed(const Figure& figure) {
    return figure.low.value_or(figure.value) != figure.value || figure.high.value_or(figure.value) != figure.value;
}

}  // namespace

std::string figure_words(const Figure& figure, const std::string& label, const DateFormatter& dates,
                         const Phrases& words) {
    double low = figure.low.value_or(figure.value), high = figure.high.value_or(figure.value);
    if (!disputed(figure)) return dates.number(figure.value) + " " + label;
    std::string line = fill(words.figure_range, "label", label);
    line = fill(line, "value", dates.number(figure.value));
    line = fill(line, "low", dates.number(low));
    return fill(line, "high", dates.number(high));
}

EventNote event_note(const Timeline& t, const SourceIndex& sources, size_t event, const std::string& date,
                     const Phrases& words, const Pick& pick, const FigureWords& figure, const Box& hot) {
    const Event& e = t.events[event];
    const std::string p = "/events/" + std::to_string(event);
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
        std::string line = figure(fig, p + "/figures/" + std::to_string(f));
        if (auto s = sources.find(fig.source))
            line += words.dash + pick(t.sources[*s].name, "/sources/" + std::to_string(*s) + "/name");
        add(line);
    }
    for (const auto& id : e.sources)
        if (auto s = sources.find(id)) {
            std::string name = pick(t.sources[*s].name, "/sources/" + std::to_string(*s) + "/name");
            n.links.emplace_back(name.empty() ? id : name, t.sources[*s].url);
        }
    return n;
}

EditionContext::EditionContext(const Timeline& t, const std::string& edition_lang, const std::string& calendar_name,
                               Shaper& shaper, Layout& out, const Theme& edition_theme, const Wording& wording)
    : EditionContext(t, edition_lang, calendar_name, shaper, out, edition_theme, wording,
                     std::make_shared<Shared>(Shared{TextPicker(t, out.diagnostics), {}, SourceIndex(t), {}})) {}

EditionContext::EditionContext(const EditionContext& first, const std::string& edition_lang, const std::string& calendar_name,
                               const Wording& wording)
    : EditionContext(first.timeline, edition_lang, calendar_name, first.shaper_, first.out_, first.theme, wording,
                     first.shared_) {}

EditionContext::EditionContext(const Timeline& t, const std::string& edition_lang, const std::string& calendar_name,
                               Shaper& shaper, Layout& out, const Theme& edition_theme, const Wording& wording,
                               std::shared_ptr<Shared> shared)
    : timeline(t),
      theme(edition_theme),
      lang(edition_lang.empty() ? t.first_language() : edition_lang),
      rtl(is_rtl_language(lang)),
      scale(writes_arabic_script(lang) ? edition_theme.arabic_scale : 1.0),
      calendar(t.timezone),
      locale(locale_with_digits(t.locale_for(lang), wording.digits)),
      dates(locale, lang, t.timezone, calendar_name.empty() ? calendars_name(t.calendar) : calendar_name),
      words(phrases_for(lang, locale, wording.catalogue.get())),
      shaper_(shaper),
      out_(out),
      shared_(std::move(shared)),
      families_(family_list(edition_theme.font_families)) {
    dates.set_words({words.approximate, words.uncertain, words.since, words.until, words.end_unknown, words.start_unknown,
                     words.date_unknown});
}

ShapedText EditionContext::shape(const std::string& text, double size, bool bold, double width, int lines) {
    return shape(ShapeRequest{text, style(size, bold, width, lines)});
}

std::string EditionContext::pick(const LocalizedText& text, const std::string& pointer) {
    std::string picked = shared_->picker(text, lang, pointer);
    if (picked.empty()) return picked;
    if (std::any_of(text.values.begin(), text.values.end(), [&](const auto& value) { return value.first == lang; })) {
        ++own_texts_;
        return picked;
    }
    // The picked text's language: a text for all ("*") is in the file's, if it declares one alone.
    std::string written;
    for (const auto& [tag, value] : text.values)
        if (value == picked && (tag != "*" || timeline.languages.size() == 1)) {
            written = tag == "*" ? timeline.languages.front() : tag;
            break;
        }
    if (written == lang) ++own_texts_;
    else if (!written.empty()) fallen_back_to_.insert(written);
    shared_->foreign.emplace(picked, std::move(written));
    return picked;
}

std::string EditionContext::built_of(std::string whole, const std::vector<std::string>& parts) {
    std::optional<std::string> language;  // the parts'
    for (const auto& part : parts) {
        if (part.empty()) continue;
        auto foreign = shared_->foreign.find(part);
        if (foreign == shared_->foreign.end() || foreign->second.empty() || (language && *language != foreign->second))
            return whole;
        language = foreign->second;
    }
    if (language && *language != lang) shared_->foreign.emplace(whole, *language);
    return whole;
}

const std::string& EditionContext::story_language() const {
    if (!story_language_)
        story_language_ = own_texts_ == 0 && fallen_back_to_.size() == 1 && fallen_bytes_ > own_bytes_
                              ? *fallen_back_to_.begin()
                              : lang;
    return *story_language_;
}

std::string EditionContext::figure(const Figure& fig, const std::string& pointer) {
    const bool own_label = std::any_of(fig.label.values.begin(), fig.label.values.end(),
                                       [&](const auto& value) { return value.first == lang || value.first == "*"; });
    if (fig.kind != "fatalities" || own_label) return figure_words(fig, pick(fig.label, pointer + "/label"), dates, words);
    // The plural pattern, for the languages whose number and noun agree ("١٢ قتيلًا", not "١٢ القتلى").
    if (!disputed(fig)) return plural(words.fatalities, fig.value, locale);
    return figure_words(fig, words.fatalities_label, dates, words);
}

ShapeRequest EditionContext::directed(ShapeRequest request) const {
    auto foreign = shared_->foreign.find(request.text);
    if (foreign == shared_->foreign.end()) return request;
    if (std::optional<bool> reads_rtl = first_strong_rtl(request.text); reads_rtl && *reads_rtl != request.style.rtl)
        request.style.reads_rtl = reads_rtl;
    if (!foreign->second.empty()) request.style.language = foreign->second;
    return request;
}

ShapedText EditionContext::shape(const ShapeRequest& request) {
    ShapeRequest set = directed(request);
    ShapedText shaped = shaper_.shape(set.text, set.style);
    shaped.lang = set.style.language;
    if (set.style.language == lang) own_bytes_ += set.text.size();
    else if (fallen_back_to_.count(set.style.language)) fallen_bytes_ += set.text.size();
    shared_->missing.note(shaped);
    return shaped;
}

void EditionContext::prepare(std::vector<ShapeRequest> requests) {
    for (auto& request : requests) request = directed(std::move(request));
    shaper_.prepare(requests);
}

std::vector<HeaderLine> EditionContext::header(double width) {
    std::vector<HeaderLine> lines;
    if (std::string title = pick(timeline.title, "/title"); !title.empty())
        lines.push_back({BoxKind::title, shape(title, theme.title_size, true, width)});
    if (std::string subtitle = theme.subtitle ? pick(timeline.subtitle, "/subtitle") : ""; !subtitle.empty())
        lines.push_back({BoxKind::subtitle, shape(subtitle, theme.subtitle_size, false, width)});
    return lines;
}

void EditionContext::finish(Page page) {
    out_.scene.pages.push_back(std::move(page));
    finish_pages(rtl);
}

void EditionContext::finish_pages(bool mirrored) {
    Scene& scene = out_.scene;
    scene.language = story_language();
    scene.rtl = mirrored;
    scene.paper = theme.paper;
    scene.ink = theme.ink;
    scene.muted = theme.muted;
    scene.link = theme.chronicle.link;
    scene.title = pick(timeline.title, "/title");
    scene.description = pick(timeline.subtitle, "/subtitle");
    scene.author = timeline.author;
    report_warnings();
}

void EditionContext::report_warnings() {
    shared_->missing.report(out_.diagnostics);
    shared_->picker.report();
}

}  // namespace tarikh
