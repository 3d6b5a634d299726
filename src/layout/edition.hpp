// What a layout of one edition needs besides its geometry: the language and its direction,
// texts picked with fallback warnings, shaping at the edition's sizes (Arabic-script text by
// the theme's factor), dates, words, lane colours, and the scene's metadata.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "layout/layout.hpp"
#include "layout/missing_glyphs.hpp"
#include "layout/phrases.hpp"
#include "layout/text_picker.hpp"
#include "layout/theme.hpp"
#include "text/shaper.hpp"
#include "time/calendar.hpp"
#include "time/date_format.hpp"

namespace tarikh {

// A lane's colour: its own, else the palette's by its place. Events without a known lane take
// the theme's colour for them, in every view.
Color lane_color(const Theme& theme, const Timeline& timeline, const std::string& lane_id);
// A lane's marker: a circle, unless the theme tells lanes apart by shape (by place, cycling).
MarkerShape lane_shape(const Theme& theme, const Timeline& timeline, const std::string& lane_id);

// The timeline's sources by id, for the lookups of every event's citations (parse makes ids
// unique; in a model made by hand the first of a repeated id wins).
class SourceIndex {
public:
    explicit SourceIndex(const Timeline& timeline);
    // The source's place in `timeline.sources`, or nothing for an id without a source.
    std::optional<size_t> find(const std::string& id) const;

private:
    std::unordered_map<std::string, size_t> index_;
};

// A figure as the chronicle and the hover card write it: "12 fatalities", or with bounds
// "fatalities: best 12, between 10 and 19" (a bound not given is the best estimate itself;
// bounds equal to it are not written).
std::string figure_words(const Figure& figure, const std::string& label, const DateFormatter& dates,
                         const Phrases& words);

// The event in full (`date` — title; place, text, quotes, figures; sources), for pages that
// show it on hover and focus. `hot` is where it is drawn; `figure` words a figure (its pointer given).
using Pick = std::function<std::string(const LocalizedText& text, const std::string& pointer)>;
using FigureWords = std::function<std::string(const Figure& figure, const std::string& pointer)>;
EventNote event_note(const Timeline& timeline, const SourceIndex& sources, size_t event, const std::string& date,
                     const Phrases& words, const Pick& pick, const FigureWords& figure, const Box& hot);

// A line of a view's header: the document's title or subtitle, shaped.
struct HeaderLine {
    BoxKind kind;  // title or subtitle
    ShapedText text;
};

class EditionContext {
public:
    // `out` collects the warnings (missing translations, missing glyphs).
    EditionContext(const Timeline& t, const std::string& lang, const std::string& calendar, Shaper& shaper, Layout& out,
                   const Theme& theme, const Wording& wording = {});
    // Another edition of the same layout (a second column): its warnings join the first's,
    // so that a missing glyph is reported once.
    EditionContext(const EditionContext& first, const std::string& lang, const std::string& calendar,
                   const Wording& wording = {});

    // The text in the edition's language, else another's (a warning notes it); a text not
    // written for this edition (another language's, or one for all, "*") is later shaped in its
    // own direction (UAX #9 P2–P3: its first strong character's), on the edition's side, and
    // another language's in that language (its faces: Urdu's Nastaliq; its forms).
    std::string pick(const LocalizedText& text, const std::string& pointer);
    // `whole`, made of picked `parts` and marks around them (" · ", quotation marks, a URL), is
    // in their language as a picked text is, when they share one that is not the edition's.
    std::string built_of(std::string whole, const std::vector<std::string>& parts);
    // The document's language: the edition's, or the one language every text picked fell back
    // to, if more of the text is in it than in the edition's own words (an Urdu-only story in an
    // English edition is read as Urdu, its dates as English; an English table's names in an
    // Arabic edition's sentences are not). Decided when first asked, as the text is drawn.
    const std::string& story_language() const;
    // The language to tag a text in `language` with (an element's, a text item's): nothing
    // when it is the document's.
    std::string tag_unless_story(const std::string& language) const {
        return language == story_language() ? std::string() : language;
    }
    // "page 2 of 5" in the edition's words and digits.
    std::string page_of(int page, int pages) const {
        return fill(fill(words.page_of, "page", dates.number(page)), "pages", dates.number(pages));
    }
    TextStyle style(double size, bool bold, double width = 0, int lines = 0, bool justify = false) const {
        return TextStyle{size * scale, bold, width, lines, rtl, lang, justify, families_};
    }
    ShapedText shape(const std::string& text, double size, bool bold, double width = 0, int lines = 0);
    ShapedText shape(const ShapeRequest& request);
    // The request with the base direction of a foreign text, where it differs from the side's,
    // as shape() sets it now (texts picked later may make more texts foreign).
    ShapeRequest directed(ShapeRequest request) const;
    // Shapes ahead, in parallel, what shape() will be asked for next.
    void prepare(std::vector<ShapeRequest> requests);
    std::optional<size_t> source_index(const std::string& id) const { return shared_->sources.find(id); }
    Color lane_color(const std::string& lane_id) const { return tarikh::lane_color(theme, timeline, lane_id); }
    MarkerShape lane_shape(const std::string& lane_id) const { return tarikh::lane_shape(theme, timeline, lane_id); }
    // A figure in the edition's words (figure_words, its label picked); a count of fatalities
    // labelled in other languages only (an imported table's "fatalities") in the catalogue's.
    std::string figure(const Figure& fig, const std::string& pointer);
    EventNote note(size_t event, const Interval& when, const Box& hot) {
        return event_note(
            timeline, shared_->sources, event, dates.event_date(when), words,
            [this](const LocalizedText& text, const std::string& pointer) { return pick(text, pointer); },
            [this](const Figure& f, const std::string& pointer) { return figure(f, pointer); }, hot);
    }
    // The document's title and subtitle, those that are not empty, at the theme's sizes;
    // wrapped at `width` if given.
    std::vector<HeaderLine> header(double width = 0);
    // The scene's language, direction and metadata around `page`; the glyph warning, and the
    // count of the warnings past the limit.
    void finish(Page page);
    // The same for a layout of several pages, already in the scene; `rtl`: the pages are mirrored.
    void finish_pages(bool rtl);
    // A warning about the layout itself (a chart too crowded to read at its width).
    void warn(std::string message, std::vector<std::string> hints) {
        out_.diagnostics.push_back({Severity::warning, "", 0, 0, "", std::move(message), std::move(hints)});
    }
    // Only the warnings, for text added to a finished layout (a printed chart's page numbers).
    void report_warnings();

    const Timeline& timeline;
    const Theme& theme;
    const std::string lang;
    const bool rtl;
    const double scale;  // every text size times this: the theme's arabic_scale in the Arabic script, else 1
    Calendar calendar;
    const std::string locale;  // the file's for the language, with the digits asked for
    DateFormatter dates;
    const Phrases words;

private:
    // What the editions of one layout share.
    struct Shared {
        TextPicker picker;
        MissingGlyphs missing;
        const SourceIndex sources;
        // Texts picked for an edition not their language's, with their language ("" for a text for all).
        std::unordered_map<std::string, std::string> foreign;
    };
    EditionContext(const Timeline& t, const std::string& lang, const std::string& calendar, Shaper& shaper, Layout& out,
                   const Theme& theme, const Wording& wording, std::shared_ptr<Shared> shared);

    Shaper& shaper_;
    Layout& out_;
    std::shared_ptr<Shared> shared_;
    const std::string families_;  // the theme's, as the shaper takes them
    size_t own_texts_ = 0;                     // texts picked in the edition's language
    std::set<std::string> fallen_back_to_;     // the languages of the texts picked in its stead
    size_t own_bytes_ = 0, fallen_bytes_ = 0;  // of the text shaped, in its language and in those
    mutable std::optional<std::string> story_language_;
};

}  // namespace tarikh
