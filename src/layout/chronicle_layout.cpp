#include "layout/chronicle_layout.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "layout/edition.hpp"
#include "layout/missing_glyphs.hpp"
#include "layout/paginate.hpp"
#include "layout/phrases.hpp"
#include "layout/text_picker.hpp"
#include "time/calendar.hpp"
#include "time/date_format.hpp"

namespace tarikh {
namespace {

constexpr double kGutter = 30, kLineX = 10, kColumnGap = 24, kQuoteIndent = 16;
constexpr double kHeaderHeight = 30, kFooterHeight = 26;
const Color kInk{33, 37, 41}, kMuted{96, 100, 106}, kRule{200, 200, 200}, kWhite{255, 255, 255};
const Color kLinkColor{31, 84, 150}, kDefaultLane{59, 110, 165};

// What each row is, for what the composer draws beside it.
enum Tag { kEraHeading = 1, kEraRange, kDate, kTitle, kMeta, kPullQuote, kBody, kQuote, kSpeaker, kFigures,
           kLinkRef, kSource };

struct Edition {
    std::string lang;
    bool rtl = false;
    std::unique_ptr<DateFormatter> dates;
    const Phrases* words = nullptr;
    double x = 0, width = 0;  // logical column
};

class ChronicleBuilder {
public:
    ChronicleBuilder(const Timeline& t, const ChronicleOptions& options, Shaper& shaper)
        : t_(t), page_(options.page), shaper_(shaper), calendar_(t.timezone), picker_(t, out_.diagnostics) {
        std::vector<std::string> languages = options.languages;
        if (languages.empty()) languages.push_back(t.first_language());
        double content_x = page_.margin + kGutter;
        double content_width = page_.width - 2 * page_.margin - kGutter;
        double column = languages.size() > 1 ? (content_width - kColumnGap) / 2 : content_width;
        for (size_t i = 0; i < languages.size() && i < 2; ++i) {
            Edition e;
            e.lang = languages[i];
            e.rtl = is_rtl_language(e.lang);
            e.dates = std::make_unique<DateFormatter>(t.locale_for(e.lang), e.lang, t.timezone,
                                                      options.calendar.empty() ? t.calendar : options.calendar);
            e.words = &phrases_for(e.lang);
            e.x = content_x + i * (column + kColumnGap);
            e.width = column;
            editions_.push_back(std::move(e));
        }
        // One right-to-left edition mirrors the page; two columns keep their own directions.
        mirror_ = editions_.size() == 1 && editions_[0].rtl;
    }

    Layout build() {
        intervals_ = resolve_event_times(t_, calendar_);
        order_.resize(t_.events.size());
        std::iota(order_.begin(), order_.end(), 0);
        // Time order; within the same start, less precise dates first, as printed chronologies do.
        std::stable_sort(order_.begin(), order_.end(), [&](size_t a, size_t b) {
            if (intervals_[a].start != intervals_[b].start) return intervals_[a].start < intervals_[b].start;
            return intervals_[a].precision < intervals_[b].precision;
        });
        for (size_t i = 0; i < t_.lanes.size(); ++i) lane_index_.emplace(t_.lanes[i].id, i);
        for (size_t i = 0; i < t_.events.size(); ++i) event_index_.emplace(t_.events[i].id, i);
        compose();
        shape_rows();
        double top = page_.margin + kHeaderHeight, bottom = page_.height - page_.margin - kFooterHeight;
        std::vector<FlowPage> pages = paginate(std::move(rows_), top, bottom, continued_height());
        emit(pages, top);
        return std::move(out_);
    }

private:
    // ---- text --------------------------------------------------------------------------
    std::string pick(const LocalizedText& text, const Edition& e, const std::string& pointer) {
        return picker_(text, e.lang, pointer);
    }

    static TextStyle style(const Edition& e, double size, bool bold, double width, bool justify) {
        double scale = e.rtl ? 1.15 : 1.0;  // Amiri reads small beside Noto Sans
        return TextStyle{size * scale, bold, width, 0, e.rtl, e.lang, justify};
    }

    ShapedText shape(const std::string& text, const Edition& e, double size, bool bold, double width,
                     bool justify = false) {
        return shape(ShapeRequest{text, style(e, size, bold, width, justify)});
    }

    ShapedText shape(const ShapeRequest& request) {
        ShapedText shaped = shaper_.shape(request.text, request.style);
        missing_.note(shaped);
        return shaped;
    }

    // The rows' text, asked for together (most of a chronicle's shaping, done in parallel),
    // then shaped into its cells.
    void shape_rows() {
        std::vector<ShapeRequest> requests;
        for (const auto& cell : unshaped_) requests.push_back(cell.request);
        shaper_.prepare(requests);
        for (const auto& cell : unshaped_) rows_[cell.row].cells[cell.cell].text = shape(cell.request);
        unshaped_.clear();
    }

    // A row with one cell per edition, each made by `text_of`.
    template <typename TextOf>
    void add_row(int tag, int entry, double space_before, bool keep, double size, bool bold, Color color, double indent,
                 TextOf text_of, const std::string& url = "", bool justify = false) {
        FlowRow row;
        row.tag = tag;
        row.entry = entry;
        row.space_before = space_before;
        row.keep_with_next = keep;
        bool any = false;
        for (const auto& e : editions_) {
            std::string text = text_of(e);
            any |= !text.empty();
            FlowCell cell;
            if (!text.empty())
                unshaped_.push_back({rows_.size(), row.cells.size(),
                                     {std::move(text), style(e, size, bold, e.width - indent, justify)}});
            cell.x = e.x + indent;
            row.cells.push_back(std::move(cell));
        }
        if (!any) return;  // nothing was queued for it
        colors_.push_back(color);
        urls_.push_back(url);
        rows_.push_back(std::move(row));
    }

    // ---- composing rows ------------------------------------------------------------------
    void compose() {
        size_t next_era = 0;
        std::vector<size_t> eras(t_.eras.size());
        std::iota(eras.begin(), eras.end(), 0);
        std::stable_sort(eras.begin(), eras.end(), [&](size_t a, size_t b) {
            return calendar_.start_of(t_.eras[a].start) < calendar_.start_of(t_.eras[b].start);
        });
        for (size_t k = 0; k < order_.size(); ++k) {
            size_t i = order_[k];
            while (next_era < eras.size() && calendar_.start_of(t_.eras[eras[next_era]].start) <= intervals_[i].start)
                compose_era(eras[next_era++]);
            compose_entry(i);
        }
        while (next_era < eras.size()) compose_era(eras[next_era++]);
    }

    void compose_era(size_t index) {
        const Era& era = t_.eras[index];
        std::string p = "/eras/" + std::to_string(index);
        era_rows_.emplace(rows_.size(), index);
        add_row(kEraHeading, -1, 22, true, 17, true, era.color.value_or(kInk), 0,
                [&](const Edition& e) { return pick(era.label, e, p + "/label"); });
        // One range when both ends share a precision ("9–30 November 2018"); otherwise each end
        // at its own, so neither is shown finer or coarser than it was given.
        Interval span{calendar_.start_of(era.start), calendar_.end_of(era.end), era.start.precision, false, true};
        Interval first{span.start, calendar_.end_of(era.start), era.start.precision, false, false};
        Interval last{calendar_.start_of(era.end), span.end, era.end.precision, false, false};
        add_row(kEraRange, -1, 0, true, 11, false, kMuted, 0, [&](const Edition& e) {
            if (era.start.precision == era.end.precision) return e.dates->event_date(span);
            return e.dates->event_date(first) + " – " + e.dates->event_date(last);
        });
    }

    Color lane_color(const Event& e) const {
        return lane_index_.count(e.lane) ? tarikh::lane_color(Theme{}, t_, e.lane) : kDefaultLane;
    }

    std::string source_name(const std::string& id, const Edition& e) {
        for (size_t s = 0; s < t_.sources.size(); ++s)
            if (t_.sources[s].id == id) {
                std::string name = pick(t_.sources[s].name, e, "/sources/" + std::to_string(s) + "/name");
                return name.empty() ? id : name;
            }
        return id;
    }

    void compose_entry(size_t i) {
        const Event& ev = t_.events[i];
        const std::string p = "/events/" + std::to_string(i);
        const int entry = static_cast<int>(i);
        const Color color = lane_color(ev);
        const bool major = ev.importance == 1;

        add_row(kDate, entry, 16, true, 11, true, color, 0,
                [&](const Edition& e) { return e.dates->event_date(intervals_[i]); });
        add_row(kTitle, entry, 1, true, major ? 18 : 14, true, kInk, 0,
                [&](const Edition& e) { return pick(ev.title, e, p + "/title"); });
        // Date, title and meta travel with the first line of what follows them.
        add_row(kMeta, entry, 2, true, 10.5, false, kMuted, 0, [&](const Edition& e) {
            std::string meta = pick(ev.place, e, p + "/place");
            auto lane = lane_index_.find(ev.lane);
            if (lane != lane_index_.end()) {
                std::string name = pick(t_.lanes[lane->second].label, e, "/lanes/" + std::to_string(lane->second) + "/label");
                if (!name.empty()) meta += (meta.empty() ? "" : " · ") + name;
            }
            if (ev.when.after) {
                auto base = event_index_.find(ev.when.after->event);
                if (base != event_index_.end()) {
                    std::string duration = e.dates->duration(ev.when.after->offset);
                    if (ev.when.approximate) duration = e.words->about + duration;
                    std::string phrase = fill(fill(e.words->after, "duration", duration), "title",
                                              pick(t_.events[base->second].title, e, "/events/" + std::to_string(base->second) + "/title"));
                    meta += (meta.empty() ? "" : " · ") + phrase;
                }
            }
            return meta;
        });
        if (major && !ev.quotes.empty())
            add_row(kPullQuote, entry, 6, false, 15, false, color, kQuoteIndent, [&](const Edition& e) {
                std::string q = pick(ev.quotes[0].text, e, p + "/quotes/0/text");
                return q.empty() ? q : e.words->open_quote + q + e.words->close_quote;
            });
        add_row(kBody, entry, 5, false, 11.5, false, kInk, 0,
                [&](const Edition& e) { return pick(ev.text, e, p + "/text"); }, "", true);
        for (size_t q = 0; q < ev.quotes.size(); ++q) {
            if (major && q == 0) {
                add_speaker(ev, entry, q, p);
                continue;
            }
            std::string qp = p + "/quotes/" + std::to_string(q);
            add_row(kQuote, entry, 5, true, 11.5, false, kInk, kQuoteIndent, [&](const Edition& e) {
                std::string text = pick(ev.quotes[q].text, e, qp + "/text");
                return text.empty() ? text : e.words->open_quote + text + e.words->close_quote;
            }, "", true);
            add_speaker(ev, entry, q, p);
        }
        add_row(kFigures, entry, 5, false, 10.5, true, kInk, 0, [&](const Edition& e) {
            std::string line;
            for (size_t f = 0; f < ev.figures.size(); ++f) {
                const Figure& fig = ev.figures[f];
                std::string item = e.dates->number(fig.value) + " " +
                                   pick(fig.label, e, p + "/figures/" + std::to_string(f) + "/label");
                if (!fig.source.empty()) item += e.words->dash + source_name(fig.source, e);
                line += (line.empty() ? "" : e.words->list_separator) + item;
            }
            return line;
        });
        for (size_t l = 0; l < t_.links.size(); ++l) {
            const Link& link = t_.links[l];
            auto from = event_index_.find(link.from);
            if (link.to != ev.id || from == event_index_.end()) continue;
            add_row(kLinkRef, entry, 4, false, 10.5, false, kMuted, 0, [&](const Edition& e) {
                const std::string& verb = link.kind == "response" ? e.words->in_response_to : e.words->related_to;
                std::string ref = verb + " " + e.words->open_quote +
                                  pick(t_.events[from->second].title, e, "/events/" + std::to_string(from->second) + "/title") +
                                  e.words->close_quote;
                std::string label = pick(link.label, e, "/links/" + std::to_string(l) + "/label");
                return label.empty() ? ref : ref + " (" + label + ")";
            });
        }
        for (size_t s = 0; s < ev.sources.size(); ++s) {
            std::string url;
            for (const auto& src : t_.sources)
                if (src.id == ev.sources[s]) url = src.url;
            add_row(kSource, entry, s == 0 ? 5 : 1, false, 10, false, url.empty() ? kMuted : kLinkColor, 0,
                    [&](const Edition& e) {
                        std::string text = source_name(ev.sources[s], e);
                        // Isolated left to right, so that a right-to-left line keeps the URL whole.
                        if (!url.empty()) text += e.words->dash + "\u2066" + url + "\u2069";
                        return text;
                    }, url);
        }
    }

    void add_speaker(const Event& ev, int entry, size_t q, const std::string& p) {
        std::string qp = p + "/quotes/" + std::to_string(q);
        add_row(kSpeaker, entry, 1, false, 10.5, false, kMuted, kQuoteIndent, [&](const Edition& e) {
            std::string speaker = pick(ev.quotes[q].speaker, e, qp + "/speaker");
            if (speaker.empty()) return speaker;
            std::string line = "—\u00a0" + speaker;
            if (!ev.quotes[q].source.empty()) line += ", " + source_name(ev.quotes[q].source, e);
            return line;
        });
    }

    double continued_height() {
        ShapedText sample = shape("(continued)", editions_[0], 10, false, editions_[0].width);
        return sample.height + 6;
    }

    // ---- emitting pages ------------------------------------------------------------------
    double mx(double x, double width) const { return mirror_ ? page_.width - x - width : x; }

    // Where a block of `width` whose logical start is `x` lies on the page: right-to-left text
    // ends at the mirror image of its start, indent included.
    double block_x(double x, double width, const Edition& e) const {
        if (mirror_) return page_.width - x - width;
        return e.rtl ? e.x + e.width - (x - e.x) - width : x;
    }

    void box(BoxKind kind, const std::string& event, int page, const Box& b) {
        out_.boxes.push_back({kind, event, page, b});
    }

    void emit(std::vector<FlowPage>& pages, double top) {
        Scene& scene = out_.scene;
        scene.language = editions_[0].lang;
        scene.rtl = mirror_;
        scene.title = picker_(t_.title, editions_[0].lang, "/title");
        scene.description = picker_(t_.subtitle, editions_[0].lang, "/subtitle");
        scene.author = t_.author;
        int current_era_entry = -1;
        for (size_t n = 0; n < pages.size(); ++n) {
            int number = static_cast<int>(n + 1);
            Page page;
            page.width = page_.width;
            page.height = page_.height;
            page.items.push_back(RectItem{{0, 0, page_.width, page_.height}, kWhite, std::nullopt, 0});
            emit_header_footer(page, number, static_cast<int>(pages.size()));

            double line_top = -1, line_bottom = -1;
            std::unordered_map<int, Box> entry_boxes;
            if (pages[n].continued_entry >= 0) {
                int entry = pages[n].continued_entry;
                for (const auto& e : editions_) {
                    // The date, not the title: a title appears once in the text, whatever the pages.
                    ShapedText mark = shape(e.dates->event_date(intervals_[entry]) + " " + e.words->continued, e, 10,
                                            false, e.width);
                    page.items.push_back(TextItem{{block_x(e.x, mark.width, e), top}, kMuted, mark.runs});
                }
                line_top = top;
            }
            for (const auto& placed : pages[n].rows) {
                const FlowRow& row = placed.row;
                double h = row.height();
                for (size_t c = 0; c < row.cells.size(); ++c) {
                    const FlowCell& cell = row.cells[c];
                    const Edition& e = editions_[c];
                    if (cell.text.runs.empty()) continue;
                    TextItem item{{block_x(cell.x, cell.text.width, e), placed.y}, colors_[placed.source],
                                  cell.text.runs};
                    if (!urls_[placed.source].empty()) {
                        Group link;
                        link.url = urls_[placed.source];
                        link.alt = urls_[placed.source];
                        link.items.push_back(std::move(item));
                        page.items.push_back(std::move(link));
                    } else {
                        page.items.push_back(std::move(item));
                    }
                    if (row.tag == kQuote || row.tag == kPullQuote) {
                        // A bar at the quote's start edge, in the indent.
                        double bar_x = mirror_ || e.rtl ? block_x(cell.x, 0, e) + 6 : cell.x - 9;
                        page.items.push_back(RectItem{{bar_x, placed.y + 2, 3, cell.text.height - 4},
                                                      row.tag == kPullQuote ? colors_[placed.source] : kRule, std::nullopt, 0});
                    }
                }
                if (row.entry >= 0) {
                    if (line_top < 0) line_top = placed.y;
                    line_bottom = placed.y + h;
                    Box& b = entry_boxes[row.entry];
                    Box row_box = row_extent(row, placed.y);
                    b = b.width == 0 ? row_box : unite(b, row_box);
                }
                if (row.tag == kDate && !placed.split) emit_marker(page, placed, number, current_era_entry);
                if (row.tag == kEraHeading) {
                    current_era_entry = static_cast<int>(out_.scene.outline.size());
                    size_t era = era_rows_.at(placed.source);
                    std::string label = picker_(t_.eras[era].label, editions_[0].lang, "/eras/" + std::to_string(era) + "/label");
                    out_.scene.outline.push_back({label, number, {mx(editions_[0].x, 0), placed.y}, -1});
                    Box b = row_extent(row, placed.y);
                    box(BoxKind::era, "", number, b);
                    if (placed.y > top + 1)  // a rule between sections, not under the header's
                        page.items.push_back(LineItem{{{page_.margin, placed.y - 8}, {page_.width - page_.margin, placed.y - 8}},
                                                      {kRule, 0.75, {}}, false});
                }
            }
            if (line_top >= 0) {
                double x = mx(page_.margin + kLineX, 0);
                page.items.insert(page.items.begin() + 1,
                                  LineItem{{{x, line_top}, {x, line_bottom}}, {kRule, 1.5, {}}, false});
            }
            for (const auto& [entry, b] : entry_boxes) box(BoxKind::entry, t_.events[entry].id, number, b);
            scene.pages.push_back(std::move(page));
            std::vector<PlacedRow>().swap(pages[n].rows);  // drawn: its text now lives in the scene
        }
        missing_.report(out_.diagnostics);
    }

    static Box unite(const Box& a, const Box& b) {
        double x = std::min(a.x, b.x), y = std::min(a.y, b.y);
        return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
    }

    // The page area a row's text covers.
    Box row_extent(const FlowRow& row, double y) const {
        Box out{};
        for (size_t c = 0; c < row.cells.size(); ++c) {
            const FlowCell& cell = row.cells[c];
            if (cell.text.runs.empty()) continue;
            Box b{block_x(cell.x, cell.text.width, editions_[c]), y, cell.text.width, cell.text.height};
            out = out.width == 0 ? b : unite(out, b);
        }
        return out;
    }

    void emit_marker(Page& page, const PlacedRow& placed, int number, int era_entry) {
        int i = placed.row.entry;
        const Event& ev = t_.events[i];
        Color color = lane_color(ev);
        double first_line = placed.row.cells.empty() || placed.row.cells[0].text.lines.empty()
                                ? 8 : placed.row.cells[0].text.lines[0].height;
        Point center{mx(page_.margin + kLineX, 0), placed.y + first_line / 2};
        if (intervals_[i].approximate || intervals_[i].uncertain)
            page.items.push_back(CircleItem{center, 4.25, kWhite, Stroke{color, 1.5, {2, 1.5}}});
        else
            page.items.push_back(CircleItem{center, 5, color, Stroke{kWhite, 1, {}}});
        box(BoxKind::marker, ev.id, number, {center.x - 5, center.y - 5, 10, 10});
        std::string title = picker_(ev.title, editions_[0].lang, "/events/" + std::to_string(i) + "/title");
        std::string entry = editions_[0].dates->event_date(intervals_[i]) + (title.empty() ? "" : " — " + title);
        out_.scene.outline.push_back({entry, number, {mx(editions_[0].x, 0), placed.y}, era_entry});
    }

    void emit_header_footer(Page& page, int number, int total) {
        const Edition& e = editions_[0];
        std::string title = picker_(t_.title, e.lang, "/title");
        double width = page_.width - 2 * page_.margin;
        if (!title.empty()) {
            ShapedText header = shape(title, e, 9.5, false, width);
            double x = mirror_ ? page_.width - page_.margin - header.width : page_.margin;
            page.items.push_back(TextItem{{x, page_.margin}, kMuted, header.runs});
            box(BoxKind::header, "", number, {x, page_.margin, header.width, header.height});
        }
        double rule_y = page_.margin + kHeaderHeight - 10;
        page.items.push_back(LineItem{{{page_.margin, rule_y}, {page_.width - page_.margin, rule_y}}, {kRule, 0.75, {}}, false});
        std::string words = fill(fill(e.words->page_of, "page", e.dates->number(number)), "pages", e.dates->number(total));
        ShapedText footer = shape(words, e, 9.5, false, width);
        double x = (page_.width - footer.width) / 2;
        double y = page_.height - page_.margin - footer.height;
        page.items.push_back(TextItem{{x, y}, kMuted, footer.runs});
        box(BoxKind::footer, "", number, {x, y, footer.width, footer.height});
    }

    const Timeline& t_;
    PageSetup page_;
    Shaper& shaper_;
    Calendar calendar_;
    Layout out_;
    TextPicker picker_;
    std::vector<Edition> editions_;
    bool mirror_ = false;
    std::vector<Interval> intervals_;
    std::vector<size_t> order_;
    std::unordered_map<std::string, size_t> lane_index_, event_index_;
    std::vector<FlowRow> rows_;
    struct UnshapedCell {
        size_t row, cell;
        ShapeRequest request;
    };
    std::vector<UnshapedCell> unshaped_;
    std::vector<Color> colors_;       // per row
    std::vector<std::string> urls_;   // per row
    std::unordered_map<size_t, size_t> era_rows_;  // heading row index → era
    MissingGlyphs missing_;
};

}  // namespace

Layout layout_chronicle(const Timeline& timeline, const ChronicleOptions& options, Shaper& shaper) {
    return ChronicleBuilder(timeline, options, shaper).build();
}

}  // namespace tarikh
