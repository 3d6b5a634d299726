#include "layout/chart_print.hpp"

#include <algorithm>
#include <cmath>

#include "layout/chart_strips.hpp"
#include "layout/edition.hpp"

namespace tarikh {

namespace {

// `items` shown moved, scaled and clipped.
Group view(std::vector<Item> items, Point offset, double scale, std::optional<Box> clip) {
    Group g;
    g.items = std::move(items);
    g.offset = offset;
    g.scale = scale;
    g.clip = clip;
    return g;
}

// The lane name an item draws, as the index of its box (the text placed where the box is), or -1.
int lane_name_of(const Item& item, const Layout& chart, const ChartParts& parts) {
    const auto* text = std::get_if<TextItem>(&item);
    if (!text) return -1;
    for (size_t i : parts.lane_names) {
        const Box& b = chart.boxes[i].box;
        if (std::abs(text->origin.x - b.x) < 0.01 && std::abs(text->origin.y - b.y) < 0.01) return static_cast<int>(i);
    }
    return -1;
}

// How far along x an item reaches, text by its glyphs padded by their size: each strip
// takes only the items it can show, so that a long chart's pages do not each hold them all.
struct Span {
    double from = HUGE_VAL, to = -HUGE_VAL;
    void add(double a, double b) {
        from = std::min(from, a);
        to = std::max(to, b);
    }
};

Span x_span(const Item& item) {
    Span out;
    struct Reach {
        Span& out;
        void operator()(const RectItem& r) { out.add(r.box.x, r.box.right()); }
        void operator()(const CircleItem& c) { out.add(c.center.x - c.radius, c.center.x + c.radius); }
        void operator()(const LineItem& l) {
            for (const auto& p : l.points) out.add(p.x - 8, p.x + 8);  // an arrowhead's width
        }
        void operator()(const TextItem& t) {
            for (const auto& run : t.runs)
                for (const auto& g : run.glyphs) out.add(t.origin.x + g.x - run.size, t.origin.x + g.x + 2 * run.size);
        }
        void operator()(const Group& g) {
            for (const auto& i : g.items) {
                Span inner = x_span(i);
                out.add(g.offset.x + inner.from * g.scale, g.offset.x + inner.to * g.scale);
            }
        }
    };
    std::visit(Reach{out}, item);
    return out;
}

// What one strip shows: the chart's items, and its boxes, leaders, bookmarks and notes by index.
struct Shown {
    std::vector<const Item*> items;
    std::vector<size_t> boxes, lines, outline, notes;
};

// One strip as placed on its page.
struct PlacedStrip {
    int page = 1;
    double x0 = 0;    // source x of its left edge
    double width = 0; // source px it shows
    double top = 0;   // page y of its top
    double plot_x = 0, column_x = 0;  // page x of the plot's and the names' left edges
};

class ChartPrinter {
public:
    ChartPrinter(Layout& chart, const ChartPrintOptions& options, Shaper& shaper)
        : chart_(chart),
          options_(options),
          theme_(options.theme),
          source_(chart.scene.pages.at(0)),
          rtl_(chart.scene.rtl),
          numbers_(numbers_timeline(options)),
          e_(numbers_, options.lang, "", shaper, out_, options.theme) {
        const PageSetup& p = options.page;
        area_ = {p.margin, p.margin, p.width - 2 * p.margin, p.height - 2 * p.margin - theme_.print.footer_height};
        out_.diagnostics = std::move(chart.diagnostics);
        out_.scene = chart.scene;
        out_.scene.pages.clear();
        out_.scene.outline.clear();
        out_.scene.notes.clear();
    }

    Layout print() {
        bool fits = source_.width <= area_.width && source_.height <= area_.height;
        if (options_.fit || fits) {
            one_page();
        } else {
            strips();
        }
        e_.report_warnings();  // a glyph of the page numbers that no font has
        return std::move(out_);
    }

private:
    static Timeline numbers_timeline(const ChartPrintOptions& options) {
        // The page numbers' edition: the chart's language at the theme's sizes, its locale's
        // digits. They need nothing else of the timeline, which the chart's layout has read.
        Timeline numbers;
        numbers.languages = {options.lang};
        numbers.locales = {{options.lang, options.locale}};
        return numbers;
    }

    Page blank_page() const {
        Page page;
        page.width = options_.page.width;
        page.height = options_.page.height;
        page.items.push_back(RectItem{{0, 0, page.width, page.height}, theme_.paper, std::nullopt, 0});
        return page;
    }

    std::string page_words(int page, int pages) {
        return fill(fill(e_.words.page_of, "page", e_.dates.number(page)), "pages", e_.dates.number(pages));
    }

    // The page number centred at the foot: the page's last item.
    void footer(Page& page, int number, int pages) {
        const PageSetup& p = options_.page;
        ShapedText text = e_.shape(page_words(number, pages), theme_.page_text_size, false);
        Box b{(p.width - text.width) / 2, p.height - p.margin - text.height, text.width, text.height};
        page.items.push_back(TextItem{{b.x, b.y}, theme_.muted, text.runs});
        out_.boxes.push_back({BoxKind::footer, "", number, b});
    }

    // The running head of a later page: the title at its start edge, a rule, and the page
    // number at its end edge (last, as the footer is on the first page). Returns where the
    // content begins.
    double running_head(std::vector<Item>& items, int number, int pages) {
        const double width = area_.width;
        ShapedText numbers = e_.shape(page_words(number, pages), theme_.page_text_size, false);
        ShapedText title = e_.shape(out_.scene.title, theme_.page_text_size, false, width - numbers.width - 24, 1);
        double height = std::max(title.height, numbers.height);
        Box title_box{rtl_ ? area_.right() - title.width : area_.x, area_.y, title.width, title.height};
        Box number_box{rtl_ ? area_.x : area_.right() - numbers.width, area_.y, numbers.width, numbers.height};
        if (!title.runs.empty()) {
            items.push_back(TextItem{{title_box.x, title_box.y}, theme_.muted, title.runs});
            out_.boxes.push_back({BoxKind::header, "", number, title_box});
        }
        double rule_y = area_.y + height + 4;
        items.push_back(LineItem{{{area_.x, rule_y}, {area_.right(), rule_y}}, {theme_.print.mark, 0.75, {}}, false});
        items.push_back(TextItem{{number_box.x, number_box.y}, theme_.muted, numbers.runs});
        out_.boxes.push_back({BoxKind::header, "", number, number_box});
        return rule_y + 10;
    }

    // --fit, or a chart small enough: the whole chart on one page, scaled down if need be.
    void one_page() {
        double scale = std::min({1.0, area_.width / source_.width, area_.height / source_.height});
        double left = area_.x + (area_.width - source_.width * scale) / 2;
        Page page = blank_page();
        page.items.push_back(view(source_.items, {left, area_.y}, scale, area_));
        footer(page, 1, 1);
        out_.scene.pages.push_back(std::move(page));
        auto move = [&](Point q) { return Point{left + q.x * scale, area_.y + q.y * scale}; };
        for (const auto& b : chart_.boxes) out_.boxes.push_back({b.kind, b.event, 1, moved(b.box, move, scale)});
        for (const auto& line : chart_.lines) out_.lines.push_back({line.kind, line.event, 1, move(line.from), move(line.to)});
        for (const auto& entry : chart_.scene.outline) out_.scene.outline.push_back({entry.title, 1, move(entry.at), -1});
        for (auto note : chart_.scene.notes) {
            note.hot = moved(note.hot, move, scale);
            out_.scene.notes.push_back(std::move(note));
        }
    }

    template <typename Move>
    static Box moved(const Box& b, Move move, double scale) {
        Point at = move({b.x, b.y});
        return {at.x, at.y, b.width * scale, b.height * scale};
    }

    // The header whole on the first page, then the body in strips along the time axis, each
    // with the lanes' names in a column at its start edge.
    void strips() {
        parts_ = find_parts(chart_, area_.width / 4);
        const double overlap = theme_.print.overlap;
        // Later pages: a running head instead of the footer.
        const double head_height = e_.shape("0", theme_.page_text_size, false).height + 14;
        const Box later{area_.x, area_.y + head_height, area_.width, options_.page.height - options_.page.margin - area_.y - head_height};
        LabelSpans labels;
        for (size_t i : parts_.body_boxes) {
            const LayoutBox& b = chart_.boxes[i];
            if (b.kind != BoxKind::label && b.kind != BoxKind::link && b.kind != BoxKind::era_label) continue;
            double a = along(b.box.x), c = along(b.box.right());
            labels.starts.push_back(std::min(a, c));
            labels.ends.push_back(std::max(a, c));
            if (b.kind == BoxKind::label) labels.widest = std::max(labels.widest, b.box.width);
        }
        std::sort(labels.starts.begin(), labels.starts.end());
        std::sort(labels.ends.begin(), labels.ends.end());
        plan_ = plan_strips(parts_, labels, parts_.header.height, area_, later, overlap);
        const double s = plan_.scale;
        const int pages = plan_.pages();

        // What each strip shows, sorted out once: a long chart has many strips.
        std::vector<Shown> shown(static_cast<size_t>(plan_.count));
        std::vector<std::pair<size_t, const Item*>> name_items;  // (box, text)
        for (const auto& item : source_.items) {
            if (int name = lane_name_of(item, chart_, parts_); name >= 0) {
                name_items.emplace_back(static_cast<size_t>(name), &item);
                continue;
            }
            Span span = x_span(item);
            if (span.from > span.to) continue;  // draws nothing
            for (int k = first_strip(span.from, span.to); k <= last_strip(span.from, span.to); ++k)
                shown[static_cast<size_t>(k)].items.push_back(&item);
        }
        for (size_t i : parts_.body_boxes) {
            const Box& b = chart_.boxes[i].box;
            for (int k = first_strip(b.x, b.right()); k <= last_strip(b.x, b.right()); ++k)
                shown[static_cast<size_t>(k)].boxes.push_back(i);
        }
        for (size_t i = 0; i < chart_.lines.size(); ++i) {
            double a = chart_.lines[i].from.x, b = chart_.lines[i].to.x;
            for (int k = first_strip(a, b); k <= last_strip(a, b); ++k) shown[static_cast<size_t>(k)].lines.push_back(i);
        }
        for (size_t i = 0; i < chart_.scene.outline.size(); ++i)
            shown[static_cast<size_t>(owner(chart_.scene.outline[i].at.x))].outline.push_back(i);
        for (size_t i = 0; i < chart_.scene.notes.size(); ++i)
            shown[static_cast<size_t>(owner(chart_.scene.notes[i].hot.x))].notes.push_back(i);

        double header_scale = std::min(s, area_.width / std::max(parts_.header.width, 1.0));
        int strip = 0;
        for (int number = 1; number <= pages; ++number) {
            Page page = blank_page();
            std::vector<Item> head;  // drawn over the strips, so that the page number comes last
            double y = number == 1 ? area_.y : running_head(head, number, pages);
            if (number == 1 && !parts_.header_boxes.empty()) y = header(page, header_scale) + kHeaderGap;
            int here = number == 1 ? plan_.first_page : plan_.per_page;
            for (int k = 0; k < here && strip < plan_.count; ++k, ++strip) {
                PlacedStrip placed = place(strip, number, y);
                draw_strip(page, placed, shown[static_cast<size_t>(strip)], name_items, strip);
                y += parts_.body.height * s + kStripGap;
            }
            if (number == 1) footer(page, 1, pages);
            page.items.insert(page.items.end(), head.begin(), head.end());
            out_.scene.pages.push_back(std::move(page));
        }
    }

    // Returns the header's bottom on the page.
    double header(Page& page, double scale) {
        const Box& h = parts_.header;
        double left = rtl_ ? area_.right() - h.right() * scale : area_.x - h.x * scale;
        auto move = [&](Point q) { return Point{left + q.x * scale, area_.y + (q.y - h.y) * scale}; };
        Box clip{area_.x, area_.y, area_.width, h.height * scale};
        page.items.push_back(view(source_.items, move({0, 0}), scale, clip));
        for (size_t i : parts_.header_boxes) {
            const LayoutBox& b = chart_.boxes[i];
            out_.boxes.push_back({b.kind, b.event, 1, moved(b.box, move, scale)});
        }
        return clip.bottom();
    }

    PlacedStrip place(int strip, int page, double top) const {
        const double s = plan_.scale, column = parts_.column * s;
        PlacedStrip p;
        p.page = page;
        p.top = top;
        // Time runs right to left in a mirrored chart: its first strip shows the right end.
        const auto k = static_cast<size_t>(strip);
        p.width = plan_.ends[k] - plan_.starts[k];
        p.x0 = rtl_ ? parts_.body.right() - plan_.ends[k] : parts_.body.x + plan_.starts[k];
        // The names at the start edge, the plot beside them.
        p.column_x = rtl_ ? area_.right() - column : area_.x;
        p.plot_x = rtl_ ? p.column_x - p.width * s : area_.x + column;
        return p;
    }

    // Source x as the distance along time from the body's start: right to left when mirrored.
    double along(double x) const { return rtl_ ? parts_.body.right() - x : x - parts_.body.x; }
    // The strip that shows source x `x` as its own (not as the overlap with its neighbour).
    int owner(double x) const {
        auto after = std::upper_bound(plan_.starts.begin(), plan_.starts.end(), along(x)) - plan_.starts.begin();
        return std::max(0, static_cast<int>(after) - 1);
    }

    // The strips that show some of the stretch from `a` to `b` (none when first > last).
    int first_strip(double a, double b) const {
        double u = std::min(along(a), along(b));
        return static_cast<int>(std::lower_bound(plan_.ends.begin(), plan_.ends.end(), u) - plan_.ends.begin());
    }
    int last_strip(double a, double b) const {
        double u = std::max(along(a), along(b));
        return static_cast<int>(std::upper_bound(plan_.starts.begin(), plan_.starts.end(), u) - plan_.starts.begin()) - 1;
    }

    void draw_strip(Page& page, const PlacedStrip& p, const Shown& shown,
                    const std::vector<std::pair<size_t, const Item*>>& name_items, int strip) {
        const double s = plan_.scale, height = parts_.body.height * s;
        const Box plot{p.plot_x, p.top, p.width * s, height};
        auto move = [&](Point q) { return Point{p.plot_x + (q.x - p.x0) * s, p.top + (q.y - parts_.body.y) * s}; };
        std::vector<Item> items;
        for (const Item* item : shown.items) items.push_back(*item);
        page.items.push_back(view(std::move(items), move({0, 0}), s, plot));
        // Each lane's name at its lane's top, in the column at the start edge; a name wider
        // than the column may be (a quarter of the page) is set smaller, whole.
        for (const auto& [index, item] : name_items) {
            const LayoutBox& b = chart_.boxes[index];
            const double ns = s * std::min(1.0, (parts_.column - kColumnGap) / std::max(b.box.width, 1.0));
            Point at{rtl_ ? p.column_x + parts_.column * s - b.box.width * ns : p.column_x,
                     p.top + (b.box.y - parts_.body.y) * s};
            Point offset{at.x - b.box.x * ns, at.y - b.box.y * ns};
            page.items.push_back(view({*item}, offset, ns, Box{p.column_x, p.top, parts_.column * s, height}));
            out_.boxes.push_back({b.kind, b.event, p.page, {at.x, at.y, b.box.width * ns, b.box.height * ns}});
        }
        // Dashed marks where the neighbouring strips' stretches begin and end.
        const double overlap = plan_.overlap * s;
        bool has_before = strip > 0, has_after = strip + 1 < plan_.count;
        for (bool start_edge : {true, false}) {
            if (!(start_edge ? has_before : has_after)) continue;
            bool left_edge = start_edge != rtl_;
            double x = left_edge ? plot.x + overlap : plot.right() - overlap;
            page.items.push_back(LineItem{{{x, plot.y}, {x, plot.bottom()}}, {theme_.print.mark, 0.75, {4, 3}}, false});
        }
        // The boxes, leaders and bookmarks the strip shows, in its page's coordinates.
        for (size_t i : shown.boxes) {
            const LayoutBox& b = chart_.boxes[i];
            Box m = moved(b.box, move, s);
            double x0 = std::max(m.x, plot.x), x1 = std::min(m.right(), plot.right());
            if (x1 > x0) out_.boxes.push_back({b.kind, b.event, p.page, {x0, m.y, x1 - x0, m.height}});
        }
        for (size_t i : shown.lines) {
            const LayoutLine& line = chart_.lines[i];
            Point from = move(line.from), to = move(line.to);
            if (std::max(from.x, to.x) > plot.x && std::min(from.x, to.x) < plot.right())
                out_.lines.push_back({line.kind, line.event, p.page, from, to});
        }
        for (size_t i : shown.outline) {
            const OutlineEntry& entry = chart_.scene.outline[i];
            out_.scene.outline.push_back({entry.title, p.page, move(entry.at), -1});
        }
        for (size_t i : shown.notes) {
            EventNote note = chart_.scene.notes[i];
            note.page = p.page;
            note.hot = moved(note.hot, move, s);
            out_.scene.notes.push_back(std::move(note));
        }
    }

    Layout& chart_;
    const ChartPrintOptions& options_;
    const Theme& theme_;
    const Page& source_;
    const bool rtl_;
    Timeline numbers_;
    Layout out_;
    EditionContext e_;
    Box area_{};
    ChartParts parts_;
    StripPlan plan_;
};

}  // namespace

Layout print_chart(Layout chart, const ChartPrintOptions& options, Shaper& shaper) {
    return ChartPrinter(chart, options, shaper).print();
}

}  // namespace tarikh
