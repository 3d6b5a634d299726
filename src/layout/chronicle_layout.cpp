#include "layout/chronicle_layout.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "layout/chronicle_compose.hpp"
#include "layout/contrast.hpp"
#include "layout/edition.hpp"
#include "layout/paginate.hpp"
#include "layout/structure.hpp"

namespace tarikh {
namespace {

Box unite(const Box& a, const Box& b) {
    double x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

// The chronicle's last stage: the paginated rows drawn onto pages, with the time line, each
// entry's marker, the running header and the page numbers.
//
// Its structure, in the order it is read: the document: the title block (the title a level 1
// heading in each edition, subtitle, time span; the running head is furniture on every page),
// each era a section (heading level 2, its range), each event a section (heading: its title,
// then its date, drawn above it, so that a reader going from heading to heading hears the
// date next; place, quotes, text, figures, sources as a list), a period paragraph a section of
// its own, the events nobody dates a section. Events outside every era have level 2 headings,
// those inside one level 3. Every row's cell is its own element, with its column's language
// when not the first's. Page furniture is an artifact. An element a page
// break cuts is a group on each page, the later ones `continued` (StructureBuilder).
class PageWriter {
public:
    PageWriter(const Timeline& t, const std::vector<Interval>& intervals, std::vector<Column>& columns,
               const ChronicleRows& rows, const ChronicleOptions& options, Shaper& shaper, Layout& out)
        : t_(t),
          intervals_(intervals),
          columns_(columns),
          rows_(rows),
          page_(options.page),
          theme_(options.theme),
          look_(options.theme.chronicle),
          // One right-to-left edition mirrors the page; two columns keep their own directions.
          mirror_(columns.size() == 1 && columns[0].edition->rtl),
          sink_(options.page_sink),
          shaper_(shaper),
          out_(out) {}

    bool mirrored() const { return mirror_; }

    void write(std::vector<FlowPage>& pages, double top) {
        for (size_t n = 0; n < pages.size(); ++n) {
            reshape(pages[n]);
            Page drawn = page(pages[n], static_cast<int>(n + 1), static_cast<int>(pages.size()), top);
            std::vector<PlacedRow>().swap(pages[n].rows);  // drawn: its text now lives in the page
            if (!sink_) out_.scene.pages.push_back(std::move(drawn));
            else if (!sink_(drawn, pages.size())) return;
        }
    }

private:
    // The glyphs of the page's rows that were let go (RowGlyphs), shaped again, and cut where
    // pagination cut their measures; a row's rest after a cut waits for the next page.
    void reshape(FlowPage& flow) {
        std::vector<size_t> whole;  // rows begun on this page
        for (const auto& placed : flow.rows)
            if (rows_.glyphs.let_go(placed.source) && placed.source != carried_source_) whole.push_back(placed.source);
        if (whole.empty() && carried_.cells.empty()) return;
        shaper_.prepare(rows_.glyphs.requests(whole));
        for (auto& placed : flow.rows) {
            if (!rows_.glyphs.let_go(placed.source)) continue;
            FlowRow row;
            if (placed.source == carried_source_) {
                row = std::move(carried_);
            } else {
                std::vector<ShapedText> texts = rows_.glyphs.reshape(placed.source, placed.row.cells.size(), shaper_);
                for (auto& text : texts) row.cells.push_back({std::move(text), 0});
            }
            carried_ = FlowRow{};
            carried_source_ = SIZE_MAX;
            for (size_t c = 0; c < row.cells.size(); ++c) {
                if (!placed.split) {
                    placed.row.cells[c].text = std::move(row.cells[c].text);
                    continue;
                }
                auto [first, rest] = split_lines(row.cells[c].text, placed.cut);
                placed.row.cells[c].text = std::move(first);
                row.cells[c].text = std::move(rest);
            }
            if (placed.split) {
                carried_ = std::move(row);
                carried_source_ = placed.source;
            }
        }
    }

    Page page(const FlowPage& flow, int number, int total, double top) {
        Page page;
        page.width = page_.width;
        page.height = page_.height;
        page.items.push_back(RectItem{{0, 0, page_.width, page_.height}, theme_.paper, std::nullopt, 0});
        Group furniture = role_group(Role::artifact, {});
        header_footer(furniture, number, total);

        double line_top = -1, line_bottom = -1;
        std::unordered_map<int, Box> entry_boxes;
        if (flow.continued_entry >= 0) {
            continued_mark(furniture, flow.continued_entry, top);
            line_top = top;
        }
        if (!furniture.items.empty()) page.items.push_back(std::move(furniture));
        structure_.begin_page(page.items);
        if (structure_.depth() == 0) structure_.open(Role::document);
        for (const auto& placed : flow.rows) {
            const FlowRow& row = placed.row;
            if (row.tag == static_cast<int>(RowTag::era_heading)) current_era_ = rows_.era_rows.at(placed.source);
            const bool title_row = row.tag == static_cast<int>(RowTag::title);
            if (!title_row) add_held_dates();  // an event without a title: its date where it is
            enter(row);
            row_text(placed, split_row_ == static_cast<long>(placed.source));
            if (title_row) add_held_dates();
            split_row_ = placed.split ? static_cast<long>(placed.source) : -1;
            if (row.entry >= 0) {
                if (line_top < 0) line_top = placed.y;
                line_bottom = placed.y + row.height();
                Box& b = entry_boxes[row.entry];
                Box row_box = row_extent(row, placed.y);
                b = b.width == 0 ? row_box : unite(b, row_box);
            }
            if (row.tag == static_cast<int>(RowTag::date) && !placed.split) marker(placed, number);
            if (row.tag == static_cast<int>(RowTag::era_heading)) era_heading(placed, number, top);
            if (row.tag == static_cast<int>(RowTag::unknown_heading)) unknown_heading(placed, number, top);
            if (row.tag == static_cast<int>(RowTag::doc_title)) box(BoxKind::title, "", number, row_extent(row, placed.y));
            if (row.tag == static_cast<int>(RowTag::doc_subtitle)) box(BoxKind::subtitle, "", number, row_extent(row, placed.y));
        }
        add_held_dates();
        structure_.end_page();
        if (line_top >= 0) {
            double x = mx(page_.margin + look_.line_x, 0);
            page.items.insert(page.items.begin() + 1,
                              LineItem{{{x, line_top}, {x, line_bottom}}, {look_.rule, 1.5, {}}, false});
        }
        for (const auto& [entry, b] : entry_boxes) box(BoxKind::entry, t_.events[entry].id, number, b);
        return page;
    }

    // The date, not the title: a title appears once in the text, whatever the pages.
    void continued_mark(Group& furniture, int entry, double top) {
        for (auto& column : columns_) {
            EditionContext& e = *column.edition;
            ShapedText mark = e.shape(e.dates.event_date(intervals_[entry]) + " " + e.words.continued,
                                      look_.continued_size, false, column.width);
            Color muted = readable_on(theme_.muted, theme_.paper);
            furniture.items.push_back(TextItem{{block_x(column.x, mark.width, column), top}, muted, mark.runs, lang_of(column)});
        }
    }

    // Each cell an element of its own (in its column's language), in the element `enter` opened.
    void row_text(const PlacedRow& placed, bool continued) {
        const FlowRow& row = placed.row;
        const auto tag = static_cast<RowTag>(row.tag);
        for (size_t c = 0; c < row.cells.size(); ++c) {
            const FlowCell& cell = row.cells[c];
            const Column& column = columns_[c];
            if (cell.text.runs.empty()) continue;
            const std::string lang = lang_of(cell.lang.empty() ? column.edition->lang : cell.lang);
            TextItem text{{block_x(cell.x, cell.text.width, column), placed.y}, rows_.colors[placed.source], cell.text.runs, lang};
            Item item = std::move(text);
            if (auto url = rows_.urls.find(placed.source); url != rows_.urls.end()) {
                Group link;
                link.url = url->second;
                link.alt = url->second;
                link.items.push_back(std::move(item));
                item = std::move(link);
            }
            const bool heading = tag == RowTag::era_heading || tag == RowTag::unknown_heading || tag == RowTag::title ||
                                 tag == RowTag::period || tag == RowTag::doc_title;
            Group element = role_group(heading ? Role::heading : tag == RowTag::source ? Role::list_item : Role::paragraph,
                                       {std::move(item)}, heading ? heading_level(tag) : 0, lang);
            element.continued = continued;  // the rest of a row the page break split
            // An event's date, drawn above its title, is read after it: the heading comes first.
            if (tag == RowTag::date) held_dates_.push_back(std::move(element));
            else structure_.add(std::move(element));
            bool pull = tag == RowTag::pull_quote;
            if (pull || tag == RowTag::quote) {
                // A bar at the quote's start edge, in the indent.
                double bar_x = mirror_ || column.edition->rtl ? block_x(cell.x, 0, column) + 6 : cell.x - 9;
                structure_.add(role_group(Role::artifact, {RectItem{{bar_x, placed.y + 2, 3, cell.text.height - 4},
                                                                    pull ? rows_.colors[placed.source] : look_.rule,
                                                                    std::nullopt, 0}}));
            }
        }
        if (tag == RowTag::speaker && structure_.innermost() == Role::quote) structure_.close();
    }

    void add_held_dates() {
        for (auto& date : held_dates_) structure_.add(std::move(date));
        held_dates_.clear();
    }

    // Opens and closes the sections, quotes and lists around a row, before its text.
    void enter(const FlowRow& row) {
        const auto tag = static_cast<RowTag>(row.tag);
        // A quote ends with its speaker, a list with its last source. A major event's pulled-out
        // quote ends with itself: its speaker comes after the text (compose), a paragraph then.
        if (structure_.innermost() == Role::quote && tag != RowTag::speaker) structure_.close();
        if (structure_.innermost() == Role::list && tag != RowTag::source) structure_.close();
        if (tag == RowTag::era_heading || tag == RowTag::unknown_heading) {
            structure_.close_to(1);
            structure_.open(Role::section);
            era_depth_ = 2;
            entry_ = -1;
            return;
        }
        if (tag == RowTag::period || (row.entry >= 0 && row.entry != entry_)) {
            // An event after its era's end is outside it, as in the outline.
            if (row.entry >= 0 && era_depth_ == 2 && !intervals_[row.entry].unknown && current_era_entry_ >= 0 &&
                era_entry_of(row.entry) < 0)
                era_depth_ = 1;
            structure_.close_to(era_depth_);
            structure_.open(Role::section);
            entry_ = row.entry;
        }
        if (tag == RowTag::pull_quote || tag == RowTag::quote) structure_.open(Role::quote);
        if (tag == RowTag::source && structure_.innermost() != Role::list) structure_.open(Role::list);
    }

    int heading_level(RowTag tag) const {
        if (tag == RowTag::doc_title) return 1;
        if (tag == RowTag::era_heading || tag == RowTag::unknown_heading) return 2;
        return era_depth_ + 1;  // an event's or a period's: under its era's, if any
    }

    void era_heading(const PlacedRow& placed, int number, double top) {
        current_era_entry_ = static_cast<int>(out_.scene.outline.size());
        size_t era = current_era_;
        const Column& first = columns_[0];
        std::string label = first.edition->pick(t_.eras[era].label, "/eras/" + std::to_string(era) + "/label");
        out_.scene.outline.push_back({label, number, {mx(first.x, 0), placed.y}, -1});
        box(BoxKind::era, "", number, row_extent(placed.row, placed.y));
        if (placed.y > top + 1)  // a rule between sections, not under the header's
            rule_above(placed.y);
    }

    // "date unknown": a section like an era's, in the outline too.
    void unknown_heading(const PlacedRow& placed, int number, double top) {
        const Column& first = columns_[0];
        unknown_entry_ = static_cast<int>(out_.scene.outline.size());
        out_.scene.outline.push_back({first.edition->words.date_unknown, number, {mx(first.x, 0), placed.y}, -1});
        box(BoxKind::heading, "", number, row_extent(placed.row, placed.y));
        if (placed.y > top + 1) rule_above(placed.y);
    }

    void rule_above(double y) {
        structure_.add(role_group(Role::artifact, {LineItem{{{page_.margin, y - 8}, {page_.width - page_.margin, y - 8}},
                                                            {look_.rule, 0.75, {}}, false}}));
    }

    void marker(const PlacedRow& placed, int number) {
        int i = placed.row.entry;
        const Event& ev = t_.events[i];
        Color color = lane_color(theme_, t_, ev.lane);
        double first_line = placed.row.cells.empty() || placed.row.cells[0].text.lines.empty()
                                ? 8 : placed.row.cells[0].text.lines[0].height;
        Point center{mx(page_.margin + look_.line_x, 0), placed.y + first_line / 2};
        const double r = theme_.marker_radius;
        const MarkerShape shape = lane_shape(theme_, t_, ev.lane);
        if (intervals_[i].approximate || intervals_[i].uncertain)
            structure_.add(role_group(Role::artifact, {CircleItem{center, r - 0.75, theme_.paper, Stroke{color, 1.5, {2, 1.5}}, shape}}));
        else
            structure_.add(role_group(Role::artifact, {CircleItem{center, r, color, Stroke{theme_.paper, 1, {}}, shape}}));
        box(BoxKind::marker, ev.id, number, {center.x - r, center.y - r, 2 * r, 2 * r});
        EditionContext& e = *columns_[0].edition;
        std::string title = e.pick(ev.title, "/events/" + std::to_string(i) + "/title");
        std::string entry = e.dates.event_date(intervals_[i]) + (title.empty() ? "" : " — " + title);
        out_.scene.outline.push_back({entry, number, {mx(columns_[0].x, 0), placed.y}, era_entry_of(i)});
    }

    // The bookmark of the era last begun, if the event lies inside it; else none (top level):
    // an era's bookmark holds only its own events, not those written after it ended.
    int era_entry_of(int event) const {
        if (intervals_[event].unknown) return unknown_entry_;  // under "date unknown"
        if (current_era_entry_ < 0) return -1;
        const Era& era = t_.eras[current_era_];
        const Calendar& calendar = columns_[0].edition->calendar;
        Instant start = intervals_[event].start;
        bool inside = start >= calendar.start_of(era.start) && start < calendar.end_of(era.end);
        return inside ? current_era_entry_ : -1;
    }

    // A running head's texts and the boxes they take, not yet on the page.
    struct Head {
        std::vector<TextItem> texts;
        std::vector<Box> boxes;
        bool wrapped = false;  // the title took more than one line
    };

    // Column `c`'s title at the start edge of [from, to] and the calendars its dates are written
    // in (any but the Gregorian alone, or the Gregorian where the locale carries another) at the
    // end edge.
    Head running_head(size_t c, double from, double to) {
        EditionContext& e = *columns_[c].edition;
        const bool rtl = columns_.size() == 1 ? mirror_ : e.rtl;
        const Color muted = readable_on(theme_.muted, theme_.paper);
        const std::string lang = lang_of(columns_[c]);
        double width = to - from;
        Head head;
        if (e.dates.calendars_worth_noting()) {
            ShapedText note = e.shape(e.dates.calendar_names(), theme_.page_text_size, false, width / 2);
            double x = rtl ? from : to - note.width;
            head.texts.push_back(TextItem{{x, page_.margin}, muted, note.runs, lang});
            head.boxes.push_back({x, page_.margin, note.width, note.height});
            width -= note.width + 16;
        }
        if (std::string title = e.pick(t_.title, "/title"); !title.empty()) {
            ShapedText header = e.shape(title, theme_.page_text_size, false, width);
            double x = rtl ? to - header.width : from;
            head.wrapped = header.lines.size() > 1;
            head.texts.push_back(TextItem{{x, page_.margin}, muted, header.runs, lang_of(header.lang)});
            head.boxes.push_back({x, page_.margin, header.width, header.height});
        }
        return head;
    }

    // The header (the running title) and footer into `furniture`: the first page's title block
    // is the document's heading. Two editions: each title over its own column, in its direction,
    // as the title block shows them; should either not fit its half on one line, the first
    // edition's alone across the page, as with one (a running head is a reminder, never a
    // wrapped paragraph).
    void header_footer(Group& furniture, int number, int total) {
        const double left = page_.margin, right = page_.width - page_.margin;
        std::vector<Head> heads;
        if (columns_.size() > 1) {
            heads = {running_head(0, left, columns_[0].x + columns_[0].width), running_head(1, columns_[1].x, right)};
            if (heads[0].wrapped || heads[1].wrapped) heads.clear();
        }
        if (heads.empty()) heads.push_back(running_head(0, left, right));
        for (auto& head : heads) {
            for (auto& text : head.texts) furniture.items.push_back(std::move(text));
            for (const Box& b : head.boxes) box(BoxKind::header, "", number, b);
        }
        EditionContext& e = *columns_[0].edition;
        double width = right - left;
        double rule_y = page_.margin + look_.header_height - 10;
        furniture.items.push_back(LineItem{{{page_.margin, rule_y}, {page_.width - page_.margin, rule_y}}, {look_.rule, 0.75, {}}, false});
        std::string words = e.page_of(number, total);
        ShapedText footer = e.shape(words, theme_.page_text_size, false, width);
        double x = (page_.width - footer.width) / 2;
        double y = page_.height - page_.margin - footer.height;
        furniture.items.push_back(TextItem{{x, y}, readable_on(theme_.muted, theme_.paper), footer.runs, lang_of(footer.lang)});
        box(BoxKind::footer, "", number, {x, y, footer.width, footer.height});
    }

    double mx(double x, double width) const { return mirror_ ? page_.width - x - width : x; }

    // A column's language, for its text, when it is not the scene's (the first column's, or
    // the one its story fell back to); likewise a text's own.
    std::string lang_of(const Column& column) const { return lang_of(column.edition->lang); }
    std::string lang_of(const std::string& language) const { return columns_[0].edition->tag_unless_story(language); }

    // Where a block of `width` whose logical start is `x` lies on the page: right-to-left text
    // ends at the mirror image of its start, indent included.
    double block_x(double x, double width, const Column& column) const {
        if (mirror_) return page_.width - x - width;
        return column.edition->rtl ? column.x + column.width - (x - column.x) - width : x;
    }

    // The page area a row's text covers.
    Box row_extent(const FlowRow& row, double y) const {
        Box out{};
        for (size_t c = 0; c < row.cells.size(); ++c) {
            const FlowCell& cell = row.cells[c];
            if (cell.text.runs.empty()) continue;
            Box b{block_x(cell.x, cell.text.width, columns_[c]), y, cell.text.width, cell.text.height};
            out = out.width == 0 ? b : unite(out, b);
        }
        return out;
    }

    // Only for a layout kept whole (--layout-json, --quality-json read them): a streamed one's
    // would be all that grows with its pages but the PDF's own bookkeeping.
    void box(BoxKind kind, const std::string& event, int page, const Box& b) {
        if (!sink_) out_.boxes.push_back({kind, event, page, b});
    }

    const Timeline& t_;
    const std::vector<Interval>& intervals_;
    std::vector<Column>& columns_;
    const ChronicleRows& rows_;
    const PageSetup& page_;
    const Theme& theme_;
    const ChronicleTheme& look_;
    const bool mirror_;
    const std::function<bool(Page&, size_t)>& sink_;
    Shaper& shaper_;
    Layout& out_;
    FlowRow carried_;                 // the shaped rest of a let-go row the last page cut
    size_t carried_source_ = SIZE_MAX;  // and which row it is
    int current_era_entry_ = -1;  // the outline entry of the era being written
    size_t current_era_ = 0;      // and its era
    int unknown_entry_ = -1;      // the outline entry of "date unknown"
    StructureBuilder structure_;
    size_t era_depth_ = 1;        // elements open around an event: the document, and its era's section if any
    int entry_ = -1;              // the event whose section is open
    long split_row_ = -1;         // the row the last page ended inside, if any
    std::vector<Group> held_dates_;  // the date row's elements, until its title's are added
};

// One column per edition (two at most): the second on the right, each with its own
// language, direction, dates and words.
std::vector<Column> columns_for(const Timeline& t, const ChronicleOptions& options, Shaper& shaper, Layout& out) {
    std::vector<std::string> languages = options.languages;
    if (languages.empty()) languages.push_back(t.first_language());
    const PageSetup& page = options.page;
    const ChronicleTheme& look = options.theme.chronicle;
    double content_x = page.margin + look.gutter;
    double content_width = page.width - 2 * page.margin - look.gutter;
    double width = languages.size() > 1 ? (content_width - look.column_gap) / 2 : content_width;
    std::vector<Column> columns;
    for (size_t i = 0; i < languages.size() && i < 2; ++i) {
        auto edition = i == 0 ? std::make_unique<EditionContext>(t, languages[i], options.calendar, shaper, out, options.theme, options.wording)
                              // A user's catalogue is the first language's.
                              : std::make_unique<EditionContext>(*columns[0].edition, languages[i], options.calendar,
                                                                 Wording{nullptr, options.wording.digits});
        columns.push_back({std::move(edition), content_x + static_cast<double>(i) * (width + look.column_gap), width});
    }
    return columns;
}

// Time order; within the same start, less precise dates first, as printed chronologies do.
std::vector<size_t> reading_order(const std::vector<Interval>& intervals) {
    std::vector<size_t> order(intervals.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (intervals[a].start != intervals[b].start) return intervals[a].start < intervals[b].start;
        return intervals[a].precision < intervals[b].precision;
    });
    return order;
}

}  // namespace

Layout layout_chronicle(const Timeline& timeline, const ChronicleOptions& options, Shaper& shaper) {
    Layout out;
    std::vector<Column> columns = columns_for(timeline, options, shaper, out);
    EditionContext& first = *columns[0].edition;
    std::vector<Interval> intervals = resolve_event_times(timeline, first.calendar);
    ChronicleRows rows = compose_chronicle(timeline, intervals, reading_order(intervals), columns, options.theme,
                                            options.aggregate, options.glyph_budget);

    const ChronicleTheme& look = options.theme.chronicle;
    // Measured in the edition's words: an Arabic line is taller than an English one.
    double continued_height = first.shape(first.words.continued, look.continued_size, false, columns[0].width).height + 6;
    double top = options.page.margin + look.header_height;
    double bottom = options.page.height - options.page.margin - look.footer_height;
    std::vector<FlowPage> pages = paginate(std::move(rows.rows), top, bottom, continued_height);

    PageWriter writer(timeline, intervals, columns, rows, options, shaper, out);
    writer.write(pages, top);
    first.finish_pages(writer.mirrored());
    return out;
}

}  // namespace tarikh
