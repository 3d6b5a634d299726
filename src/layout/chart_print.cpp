#include "layout/chart_print.hpp"

#include <algorithm>
#include <cmath>

#include "layout/contrast.hpp"
#include "layout/chart_strips.hpp"
#include "layout/edition.hpp"
#include "layout/print_cut.hpp"
#include "layout/structure.hpp"

namespace tarikh {

namespace {

// The lane name an item draws, as the index of its box (the text placed where the box is,
// maybe inside a moved panel), or -1.
int lane_name_of(const Item& item, const Layout& chart, const ChartParts& parts) {
    Point origin;
    if (const auto* text = std::get_if<TextItem>(&item)) {
        origin = text->origin;
    } else if (const auto* group = as_group(item); group && group->items.size() == 1) {
        const auto* inner = std::get_if<TextItem>(&group->items.front());
        if (!inner) return -1;
        origin = {group->offset.x + inner->origin.x * group->scale, group->offset.y + inner->origin.y * group->scale};
    } else {
        return -1;
    }
    for (size_t i : parts.lane_names) {
        const Box& b = chart.boxes[i].box;
        if (std::abs(origin.x - b.x) < 0.01 && std::abs(origin.y - b.y) < 0.01) return static_cast<int>(i);
    }
    return -1;
}

// The items with every plain moving group (a segmented chart's panel) and every structure group
// (the figure, the legend: a printed page is read as its figure, read_as_figure) opened up,
// each item of a moving group in a group of its own: so that strips and bands take only the
// items they show.
void open_into(const std::vector<Item>& items, Point offset, double scale, bool moved, std::vector<Item>& out) {
    for (const auto& item : items) {
        const auto* g = as_group(item);
        if (!g || !g->event_id.empty() || !g->url.empty() || (!g->alt.empty() && g->role == Role::none) || g->clip) {
            out.push_back(moved ? shown_as({item}, offset, scale, std::nullopt) : item);
            continue;
        }
        open_into(g->items, {offset.x + g->offset.x * scale, offset.y + g->offset.y * scale}, scale * g->scale,
                  moved || g->role == Role::none, out);
    }
}

std::vector<Item> opened(const std::vector<Item>& items) {
    std::vector<Item> out;
    open_into(items, {0, 0}, 1, false, out);
    return out;
}

// How far an item reaches, text by its glyphs padded by their size: each strip takes only
// the items it can show, so that a long chart's pages do not each hold them all.
struct Span {
    double from = HUGE_VAL, to = -HUGE_VAL;
    void add(double a, double b) {
        from = std::min(from, a);
        to = std::max(to, b);
    }
    bool empty() const { return from > to; }
};
struct Reach {
    Span x, y;
};

Reach reach(const Item& item) {
    Reach out;
    struct Visit {
        Reach& out;
        void operator()(const RectItem& r) {
            out.x.add(r.box.x, r.box.right());
            out.y.add(r.box.y, r.box.bottom());
        }
        void operator()(const CircleItem& c) {
            out.x.add(c.center.x - c.radius, c.center.x + c.radius);
            out.y.add(c.center.y - c.radius, c.center.y + c.radius);
        }
        void operator()(const LineItem& l) {
            for (const auto& p : l.points) {
                out.x.add(p.x - 8, p.x + 8);  // an arrowhead's width
                out.y.add(p.y - 8, p.y + 8);
            }
        }
        void operator()(const TextItem& t) {
            for (const auto& run : t.runs)
                for (const auto& g : run.glyphs) {
                    out.x.add(t.origin.x + g.x - run.size, t.origin.x + g.x + 2 * run.size);
                    out.y.add(t.origin.y + g.y - 2 * run.size, t.origin.y + g.y + run.size);
                }
        }
        void operator()(const Group& g) {
            for (const auto& i : g.items) {
                Reach inner = reach(i);
                if (inner.x.empty()) continue;
                out.x.add(g.offset.x + inner.x.from * g.scale, g.offset.x + inner.x.to * g.scale);
                out.y.add(g.offset.y + inner.y.from * g.scale, g.offset.y + inner.y.to * g.scale);
            }
        }
    };
    std::visit(Visit{out}, item);
    return out;
}

// What one strip shows: the chart's items, and its boxes, leaders, bookmarks and notes by index.
struct Shown {
    std::vector<const Item*> items;
    std::vector<size_t> boxes, lines, outline, notes, bars;
};

// One strip as placed on its page.
struct PlacedStrip {
    int page = 1;
    double x0 = 0;    // source x of its left edge
    double width = 0; // source px it shows
    double top = 0;   // page y of its top
    double plot_x = 0, column_x = 0;  // page x of the plot's and the names' left edges
};

// A stretch of the body printed in strips: the whole body, or one band of a segmented
// chart's panels when the body is taller than a page.
struct Band {
    ChartParts parts;
    StripPlan plan;
    double from = -HUGE_VAL, to = HUGE_VAL;          // source y
    std::vector<Shown> shown;                        // per strip
    std::vector<std::pair<size_t, const Item*>> names;  // (box, text) of its lanes' names
};

// Where a strip goes.
struct Slot {
    size_t band = 0;
    int strip = 0, page = 1;
    double top = 0;
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
          e_(numbers_, options.lang, "", shaper, out_, options.theme, options.wording) {
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
            if (laid_for_page()) pieces();
            else strips();
            std::string alt;
            figure_alts(source_.items, alt, e_.words.list_separator);
            read_as_figure(out_.scene.pages, alt);
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

    // The page number centred at the foot: the page's last item.
    void footer(Page& page, int number, int pages) {
        const PageSetup& p = options_.page;
        ShapedText text = e_.shape(e_.page_of(number, pages), theme_.page_text_size, false);
        Box b{(p.width - text.width) / 2, p.height - p.margin - text.height, text.width, text.height};
        page.items.push_back(role_group(Role::artifact, {TextItem{{b.x, b.y}, readable_on(theme_.muted, theme_.paper), text.runs}}));
        out_.boxes.push_back({BoxKind::footer, "", number, b});
    }

    // The running head of a later page: the title at its start edge, a rule, and the page
    // number at its end edge (last, as the footer is on the first page). Returns where the
    // content begins.
    double running_head(std::vector<Item>& page_items, int number, int pages) {
        std::vector<Item> items;
        const double width = area_.width;
        ShapedText numbers = e_.shape(e_.page_of(number, pages), theme_.page_text_size, false);
        ShapedText title = e_.shape(out_.scene.title, theme_.page_text_size, false, width - numbers.width - 24, 1);
        double height = std::max(title.height, numbers.height);
        Box title_box{rtl_ ? area_.right() - title.width : area_.x, area_.y, title.width, title.height};
        Box number_box{rtl_ ? area_.x : area_.right() - numbers.width, area_.y, numbers.width, numbers.height};
        if (!title.runs.empty()) {
            items.push_back(TextItem{{title_box.x, title_box.y}, readable_on(theme_.muted, theme_.paper), title.runs});
            out_.boxes.push_back({BoxKind::header, "", number, title_box});
        }
        double rule_y = area_.y + height + 4;
        items.push_back(LineItem{{{area_.x, rule_y}, {area_.right(), rule_y}}, {theme_.print.mark, 0.75, {}}, false});
        items.push_back(TextItem{{number_box.x, number_box.y}, readable_on(theme_.muted, theme_.paper), numbers.runs});
        out_.boxes.push_back({BoxKind::header, "", number, number_box});
        page_items.push_back(role_group(Role::artifact, std::move(items)));
        return rule_y + 10;
    }

    // --fit, or a chart small enough: the whole chart on one page, scaled down if need be.
    void one_page() {
        double scale = std::min({1.0, area_.width / source_.width, area_.height / source_.height});
        double left = area_.x + (area_.width - source_.width * scale) / 2;
        Page page = blank_page();
        page.items.push_back(shown_as(source_.items, {left, area_.y}, scale, area_));
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
        for (auto bar : chart_.bars) {
            bar.box = moved(bar.box, move, scale);
            out_.bars.push_back(std::move(bar));
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
        // Later pages: a running head instead of the footer.
        const double head_height = e_.shape("0", theme_.page_text_size, false).height + 14;
        const Box later{area_.x, area_.y + head_height, area_.width, options_.page.height - options_.page.margin - area_.y - head_height};
        items_ = opened(source_.items);
        std::vector<double> tops = panel_tops(chart_, parts_);
        if (tops.empty() || parts_.body.height * kMinScale <= later.height) {
            Band band{parts_, {}, -HUGE_VAL, HUGE_VAL, {}, {}};
            band.plan = plan_strips(parts_, labels_of(band), parts_.header.height, area_, later, theme_.print.overlap);
            bands_.push_back(std::move(band));
        } else {
            // Taller than a page: a band per panel, flowed down the pages.
            tops.insert(tops.begin(), -HUGE_VAL);
            tops.push_back(HUGE_VAL);
            double tallest = 1;
            for (size_t i = 0; i + 1 < tops.size(); ++i) {
                Band band{find_parts(chart_, area_.width / 4, tops[i], tops[i + 1]), {}, tops[i], tops[i + 1], {}, {}};
                if (band.parts.body_boxes.empty()) continue;
                tallest = std::max(tallest, band.parts.body.height);
                bands_.push_back(std::move(band));
            }
            double s = band_scale(parts_, tallest, area_, later);
            for (auto& band : bands_) band.plan = plan_band(band.parts, labels_of(band), s, later.width, theme_.print.overlap);
        }
        for (auto& band : bands_) sort_out(band);

        const double s = bands_.front().plan.scale;
        const double header_scale = std::min(s, area_.width / std::max(parts_.header.width, 1.0));
        const double first_top = parts_.header_boxes.empty() ? area_.y : area_.y + parts_.header.height * header_scale + kHeaderGap;
        std::vector<Slot> slots = flow(first_top, later);
        const int pages = slots.empty() ? 1 : slots.back().page;
        size_t next = 0;
        for (int number = 1; number <= pages; ++number) {
            Page page = blank_page();
            std::vector<Item> head;  // drawn over the strips, so that the page number comes last
            if (number > 1) running_head(head, number, pages);
            if (number == 1 && !parts_.header_boxes.empty()) header(page, header_scale);
            for (; next < slots.size() && slots[next].page == number; ++next) {
                const Band& band = bands_[slots[next].band];
                draw_strip(page, band, place(band, slots[next]), slots[next].strip);
            }
            if (number == 1) footer(page, 1, pages);
            page.items.insert(page.items.end(), head.begin(), head.end());
            out_.scene.pages.push_back(std::move(page));
        }
    }

    // A chart laid out for the page (chart_print_width): at its own size on the paper, cut
    // between its lanes and flowed down the pages, so that nothing is shrunk.
    bool laid_for_page() const {
        if (source_.width > area_.width + 2 * theme_.margin + 0.5) return false;
        const double left = page_left();
        for (const auto& b : chart_.boxes)
            if (b.box.x + left < -0.01 || b.box.right() + left > options_.page.width + 0.01) return false;
        return true;
    }
    // Page x of the chart's left edge: its own margins fall on the paper's.
    double page_left() const { return area_.x + (area_.width - source_.width) / 2; }

    // A stretch of the chart (source y) placed on a page at `y`.
    struct Placed {
        double from = 0, to = 0;
        int page = 1;
        double y = 0;
        bool foot = false;  // the time axis, repeated under each page's lanes
    };

    // Where the chart may be cut without cutting a label, marker or name: just above each of
    // them (a lane's rows) where nothing else crosses; and the tops of its rows (not names).
    // Sorted once, as a long chart is cut many times.
    void find_row_cuts() {
        std::vector<std::pair<double, double>> solid;
        for (const auto& lb : chart_.boxes)
            if (lb.kind == BoxKind::label || lb.kind == BoxKind::marker || lb.kind == BoxKind::link ||
                lb.kind == BoxKind::lane_label || lb.kind == BoxKind::era_label || lb.kind == BoxKind::cut_label) {
                solid.emplace_back(lb.box.y, lb.box.bottom());
                if (lb.kind != BoxKind::lane_label) row_tops_.push_back(lb.box.y);
            }
        std::sort(solid.begin(), solid.end());
        std::sort(row_tops_.begin(), row_tops_.end());
        size_t above = 0;  // the boxes whose tops are above the cut, and how far down they reach
        double reach = -HUGE_VAL;
        for (const auto& box : solid) {
            const double c = box.first - 2;
            for (; above < solid.size() && solid[above].first < c; ++above) reach = std::max(reach, solid[above].second);
            if (reach <= c && (row_cuts_.empty() || row_cuts_.back() < c)) row_cuts_.push_back(c);
        }
    }

    // The cuts between `a` and `b`, below the first row under `a`: a lane's name never ends a
    // page alone.
    std::vector<double> row_cuts(double a, double b) const {
        auto first = std::lower_bound(row_tops_.begin(), row_tops_.end(), a);
        const double first_row = first == row_tops_.end() ? HUGE_VAL : *first;
        std::vector<double> cuts;
        for (auto it = std::upper_bound(row_cuts_.begin(), row_cuts_.end(), std::max(a + 1, first_row));
             it != row_cuts_.end() && *it < b - 1; ++it)
            cuts.push_back(*it);
        return cuts;
    }

    void pieces() {
        parts_ = find_parts(chart_, HUGE_VAL);
        items_ = opened(source_.items);
        find_row_cuts();
        const double left = page_left();
        // The panels top to bottom (one, unless the chart is segmented): each its lanes and its
        // foot, the time axis and its ticks, drawn again under its lanes on each page it spans.
        struct Panel {
            std::vector<double> cuts;  // where its lanes' stretches begin, then where its foot does
            double end = 0;
            double foot() const { return end - cuts.back(); }
        };
        double end = parts_.body.bottom();
        for (const auto& b : chart_.boxes) end = std::max(end, b.box.bottom() + 2);
        std::vector<double> tops = panel_tops(chart_, parts_);
        tops.insert(tops.begin(), parts_.body.y);
        tops.push_back(end);
        std::vector<Panel> panels;
        for (size_t k = 0; k + 1 < tops.size(); ++k) {
            const double from = tops[k], to = tops[k + 1];
            std::vector<Box> lanes;
            double foot_from = HUGE_VAL, lanes_end = from;
            for (const auto& b : chart_.boxes) {
                if (b.box.y < from || b.box.y >= to) continue;
                if (b.kind == BoxKind::lane) {
                    lanes.push_back(b.box);
                    lanes_end = std::max(lanes_end, b.box.bottom());
                }
                if (b.kind == BoxKind::axis || b.kind == BoxKind::tick) foot_from = std::min(foot_from, b.box.y - 4);
            }
            std::sort(lanes.begin(), lanes.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
            // Each lane from just above its top to the next one's; the first from the panel's top.
            Panel panel{{from}, to};
            for (size_t i = 1; i < lanes.size(); ++i) panel.cuts.push_back(std::max(panel.cuts.back(), lanes[i].y - 4));
            panel.cuts.push_back(std::max(panel.cuts.back(), std::clamp(foot_from, lanes_end, to)));
            panels.push_back(std::move(panel));
        }
        // The lanes' names (box, item): a lane continued on the next page names itself again.
        std::vector<std::pair<size_t, const Item*>> names;
        for (const auto& item : items_)
            if (int name = lane_name_of(item, chart_, parts_); name >= 0) names.emplace_back(static_cast<size_t>(name), &item);
        auto name_in = [&](double a, double b) -> const std::pair<size_t, const Item*>* {
            for (const auto& n : names)
                if (chart_.boxes[n.first].box.y >= a && chart_.boxes[n.first].box.y < b) return &n;
            return nullptr;
        };

        const double head_height = e_.shape("0", theme_.page_text_size, false).height + 14;
        const double first_top = parts_.header_boxes.empty() ? area_.y : area_.y + parts_.header.height + kHeaderGap;
        const double later_top = area_.y + head_height, later_bottom = options_.page.height - options_.page.margin;
        auto bottom_of = [&](int page) { return page == 1 ? area_.bottom() : later_bottom; };
        auto top_of_page = [&](int page) { return page == 1 ? first_top : later_top; };

        std::vector<Placed> placed;
        std::vector<std::pair<int, std::pair<size_t, Point>>> again;  // (page, (name box, where)) of continued lanes
        if (!parts_.header_boxes.empty()) placed.push_back({parts_.header.y, parts_.body.y, 1, area_.y, false});
        int page = 1;
        double y = first_top;
        bool open = false;  // the panel has lanes on this page: its foot goes under them
        const Panel* panel = &panels.front();
        auto foot_here = [&] {
            placed.push_back({panel->cuts.back(), panel->end, page, y, true});
            y += panel->foot();
            open = false;
        };
        auto next_page = [&] {
            if (open) foot_here();
            ++page;
            y = later_top;
        };
        for (const Panel& p : panels) {
            panel = &p;
            const double foot = p.foot();
            for (size_t i = 0; i + 1 < p.cuts.size(); ++i) {
                double a = p.cuts[i];
                const double b = p.cuts[i + 1];
                const auto* name = name_in(a, b);
                bool continued = false;
                for (int guard = 0; a < b - 0.5 && guard < 10000; ++guard) {
                    const double name_h = continued && name ? chart_.boxes[name->first].box.height + 4 : 0;
                    const double bottom = bottom_of(page) - foot, top = top_of_page(page);
                    auto put = [&](double to) {
                        if (name_h > 0) again.push_back({page, {name->first, Point{0, y}}});
                        placed.push_back({a, to, page, y + name_h, false});
                        y += name_h + to - a;
                        open = true;
                    };
                    if (y + name_h + b - a <= bottom + 0.01) {
                        put(b);
                        break;
                    }
                    // A lane moves on whole to the next page when it fits there and leaves this one
                    // two thirds used; otherwise it is cut between its rows to fill this page.
                    const bool fits_empty = name_h + b - a <= bottom_of(2) - foot - later_top + 0.01;
                    if (y > top + 0.01 && fits_empty && (y - top) / (bottom - top) >= 2.0 / 3) {
                        next_page();
                        continue;
                    }
                    double cut = -HUGE_VAL;
                    for (double c : row_cuts(a, b))
                        if (y + name_h + c - a <= bottom + 0.01) cut = c;
                    if (cut == -HUGE_VAL) {
                        if (y > top + 0.01) {
                            next_page();
                            continue;
                        }
                        cut = a + std::max(20.0, bottom - y - name_h);  // one row taller than a page: cut through it
                    }
                    put(cut);
                    next_page();
                    a = cut;
                    continued = true;
                }
            }
            foot_here();
        }
        const int pages = page;

        // Each page: the header or a running head, its stretches, the continued lanes' names.
        std::vector<Reach> reaches;
        for (const auto& item : items_) reaches.push_back(reach(item));
        std::vector<Page> out_pages;
        for (int n = 1; n <= pages; ++n) out_pages.push_back(blank_page());
        std::vector<std::vector<Item>> heads(static_cast<size_t>(pages));
        for (int n = 2; n <= pages; ++n) running_head(heads[static_cast<size_t>(n - 1)], n, pages);
        for (const auto& p : placed) {
            std::vector<Item> items;
            for (size_t i = 0; i < items_.size(); ++i) {
                const Reach& r = reaches[i];
                if (!r.y.empty() && r.y.to > p.from && r.y.from < p.to) items.push_back(items_[i]);
            }
            Box clip{0, p.y, options_.page.width, p.to - p.from};
            out_pages[static_cast<size_t>(p.page - 1)].items.push_back(shown_as(std::move(items), {left, p.y - p.from}, 1, clip));
        }
        for (const auto& [n, name] : again) {
            const auto& [index, at] = name;
            const Box& b = chart_.boxes[index].box;
            const Item* item = nullptr;
            for (const auto& nm : names)
                if (nm.first == index) item = nm.second;
            Point offset{left, at.y - b.y};
            out_pages[static_cast<size_t>(n - 1)].items.push_back(shown_as({*item}, offset, 1, std::nullopt));
            out_.boxes.push_back({BoxKind::lane_label, chart_.boxes[index].event, n, {b.x + left, at.y, b.width, b.height}});
        }
        footer(out_pages.front(), 1, pages);
        for (int n = 1; n <= pages; ++n) {
            auto& head = heads[static_cast<size_t>(n - 1)];
            out_pages[static_cast<size_t>(n - 1)].items.insert(out_pages[static_cast<size_t>(n - 1)].items.end(), head.begin(), head.end());
        }
        for (auto& p : out_pages) out_.scene.pages.push_back(std::move(p));

        // The boxes, cut where their stretches part; leaders, bookmarks and notes where they begin.
        auto move = [&](const Placed& p, Point q) { return Point{q.x + left, p.y + q.y - p.from}; };
        std::vector<PrintedStretch> stretches;
        for (const auto& p : placed) stretches.push_back({p.page, p.from, p.to});
        for (const auto& b : chart_.boxes)
            cut_box(b, stretches,
                    [&](size_t i, const Box& part) {
                        Point at = move(placed[i], {part.x, part.y});
                        return Box{at.x, at.y, part.width, part.height};
                    },
                    out_.boxes);
        auto holder = [&](double at) -> const Placed* {
            for (const auto& p : placed)
                if (!p.foot && at >= p.from && at < p.to) return &p;
            return nullptr;
        };
        for (const auto& line : chart_.lines)
            if (const Placed* p = holder(line.from.y)) out_.lines.push_back({line.kind, line.event, p->page, move(*p, line.from), move(*p, line.to)});
        for (const auto& entry : chart_.scene.outline)
            if (const Placed* p = holder(entry.at.y)) out_.scene.outline.push_back({entry.title, p->page, move(*p, entry.at), -1});
        for (auto note : chart_.scene.notes)
            if (const Placed* p = holder(note.hot.y)) {
                note.page = p->page;
                Point at = move(*p, {note.hot.x, note.hot.y});
                note.hot = {at.x, at.y, note.hot.width, note.hot.height};
                out_.scene.notes.push_back(std::move(note));
            }
        for (auto bar : chart_.bars)
            if (const Placed* p = holder(bar.box.y)) {
                bar.page = p->page;
                Point at = move(*p, {bar.box.x, bar.box.y});
                bar.box = {at.x, at.y, bar.box.width, bar.box.height};
                out_.bars.push_back(std::move(bar));
            }
    }

    // The labels along the band's time, for where to cut it.
    LabelSpans labels_of(const Band& band) const {
        LabelSpans labels;
        for (size_t i : band.parts.body_boxes) {
            const LayoutBox& b = chart_.boxes[i];
            if (b.kind != BoxKind::label && b.kind != BoxKind::link && b.kind != BoxKind::era_label) continue;
            double a = along(band, b.box.x), c = along(band, b.box.right());
            labels.starts.push_back(std::min(a, c));
            labels.ends.push_back(std::max(a, c));
            if (b.kind == BoxKind::label) labels.widest = std::max(labels.widest, b.box.width);
        }
        std::sort(labels.starts.begin(), labels.starts.end());
        std::sort(labels.ends.begin(), labels.ends.end());
        return labels;
    }

    // What each of the band's strips shows, sorted out once: a long chart has many strips.
    void sort_out(Band& band) {
        band.shown.assign(static_cast<size_t>(band.plan.count), {});
        for (const auto& item : items_) {
            if (int name = lane_name_of(item, chart_, band.parts); name >= 0) {
                band.names.emplace_back(static_cast<size_t>(name), &item);
                continue;
            }
            Reach r = reach(item);
            if (r.x.empty() || r.y.to < band.from || r.y.from >= band.to) continue;
            for (int k = first_strip(band, r.x.from, r.x.to); k <= last_strip(band, r.x.from, r.x.to); ++k)
                band.shown[static_cast<size_t>(k)].items.push_back(&item);
        }
        for (size_t i : band.parts.body_boxes) {
            const Box& b = chart_.boxes[i].box;
            for (int k = first_strip(band, b.x, b.right()); k <= last_strip(band, b.x, b.right()); ++k)
                band.shown[static_cast<size_t>(k)].boxes.push_back(i);
        }
        auto inside = [&](double y) { return y >= band.from && y < band.to; };
        for (size_t i = 0; i < chart_.lines.size(); ++i) {
            const LayoutLine& line = chart_.lines[i];
            if (!inside(line.from.y)) continue;
            for (int k = first_strip(band, line.from.x, line.to.x); k <= last_strip(band, line.from.x, line.to.x); ++k)
                band.shown[static_cast<size_t>(k)].lines.push_back(i);
        }
        for (size_t i = 0; i < chart_.scene.outline.size(); ++i)
            if (inside(chart_.scene.outline[i].at.y))
                band.shown[static_cast<size_t>(owner(band, chart_.scene.outline[i].at.x))].outline.push_back(i);
        for (size_t i = 0; i < chart_.scene.notes.size(); ++i)
            if (inside(chart_.scene.notes[i].hot.y))
                band.shown[static_cast<size_t>(owner(band, chart_.scene.notes[i].hot.x))].notes.push_back(i);
        for (size_t i = 0; i < chart_.bars.size(); ++i)
            if (inside(chart_.bars[i].box.y))
                band.shown[static_cast<size_t>(owner(band, chart_.bars[i].box.x))].bars.push_back(i);
    }

    // Every band's strips down the pages: one band as its plan says, several in turn, each
    // strip on the next page when it does not fit on this one.
    std::vector<Slot> flow(double first_top, const Box& later) const {
        std::vector<Slot> slots;
        int page = 1;
        double y = first_top;
        int on_page = 0;
        for (size_t b = 0; b < bands_.size(); ++b) {
            const StripPlan& plan = bands_[b].plan;
            const double h = bands_[b].parts.body.height * plan.scale;
            for (int k = 0; k < plan.count; ++k) {
                double bottom = page == 1 ? area_.bottom() : later.bottom();
                bool full = bands_.size() == 1 ? on_page == (page == 1 ? plan.first_page : plan.per_page)
                                               : on_page > 0 && y + h > bottom + 0.01;
                if (full) {
                    ++page;
                    y = later.y;
                    on_page = 0;
                }
                slots.push_back({b, k, page, y});
                y += h + kStripGap;
                ++on_page;
            }
        }
        return slots;
    }

    void header(Page& page, double scale) {
        const Box& h = parts_.header;
        double left = rtl_ ? area_.right() - h.right() * scale : area_.x - h.x * scale;
        auto move = [&](Point q) { return Point{left + q.x * scale, area_.y + (q.y - h.y) * scale}; };
        Box clip{area_.x, area_.y, area_.width, h.height * scale};
        page.items.push_back(shown_as(items_, move({0, 0}), scale, clip));  // opened: the page is one figure
        for (size_t i : parts_.header_boxes) {
            const LayoutBox& b = chart_.boxes[i];
            out_.boxes.push_back({b.kind, b.event, 1, moved(b.box, move, scale)});
        }
    }

    PlacedStrip place(const Band& band, const Slot& slot) const {
        const StripPlan& plan = band.plan;
        const double s = plan.scale, column = band.parts.column * s;
        PlacedStrip p;
        p.page = slot.page;
        p.top = slot.top;
        // Time runs right to left in a mirrored chart: its first strip shows the right end.
        const auto k = static_cast<size_t>(slot.strip);
        p.width = plan.ends[k] - plan.starts[k];
        p.x0 = rtl_ ? band.parts.body.right() - plan.ends[k] : band.parts.body.x + plan.starts[k];
        // The names at the start edge, the plot beside them.
        p.column_x = rtl_ ? area_.right() - column : area_.x;
        p.plot_x = rtl_ ? p.column_x - p.width * s : area_.x + column;
        return p;
    }

    // Source x as the distance along time from the band's start: right to left when mirrored.
    double along(const Band& band, double x) const { return rtl_ ? band.parts.body.right() - x : x - band.parts.body.x; }
    // The strip that shows source x `x` as its own (not as the overlap with its neighbour).
    int owner(const Band& band, double x) const {
        const auto& starts = band.plan.starts;
        auto after = std::upper_bound(starts.begin(), starts.end(), along(band, x)) - starts.begin();
        return std::max(0, static_cast<int>(after) - 1);
    }

    // The strips that show some of the stretch from `a` to `b` (none when first > last).
    int first_strip(const Band& band, double a, double b) const {
        double u = std::min(along(band, a), along(band, b));
        const auto& ends = band.plan.ends;
        return static_cast<int>(std::lower_bound(ends.begin(), ends.end(), u) - ends.begin());
    }
    int last_strip(const Band& band, double a, double b) const {
        double u = std::max(along(band, a), along(band, b));
        const auto& starts = band.plan.starts;
        return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), u) - starts.begin()) - 1;
    }

    void draw_strip(Page& page, const Band& band, const PlacedStrip& p, int strip) {
        const ChartParts& parts = band.parts;
        const Shown& shown = band.shown[static_cast<size_t>(strip)];
        const double s = band.plan.scale, height = parts.body.height * s;
        const Box plot{p.plot_x, p.top, p.width * s, height};
        auto move = [&](Point q) { return Point{p.plot_x + (q.x - p.x0) * s, p.top + (q.y - parts.body.y) * s}; };
        std::vector<Item> items;
        for (const Item* item : shown.items) items.push_back(*item);
        page.items.push_back(shown_as(std::move(items), move({0, 0}), s, plot));
        // Each lane's name at its lane's top, in the column at the start edge; a name wider
        // than the column may be (a quarter of the page) is set smaller, whole.
        for (const auto& [index, item] : band.names) {
            const LayoutBox& b = chart_.boxes[index];
            const double ns = s * std::min(1.0, (parts.column - kColumnGap) / std::max(b.box.width, 1.0));
            Point at{rtl_ ? p.column_x + parts.column * s - b.box.width * ns : p.column_x, p.top + (b.box.y - parts.body.y) * s};
            // The name's text (maybe inside a moved panel) drawn with its box's corner at `at`.
            Point offset{at.x - b.box.x * ns, at.y - b.box.y * ns};
            page.items.push_back(shown_as({*item}, offset, ns, Box{p.column_x, p.top, parts.column * s, height}));
            out_.boxes.push_back({b.kind, b.event, p.page, {at.x, at.y, b.box.width * ns, b.box.height * ns}});
        }
        // Dashed marks where the neighbouring strips' stretches begin and end.
        const double overlap = band.plan.overlap * s;
        bool has_before = strip > 0, has_after = strip + 1 < band.plan.count;
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
        for (size_t i : shown.bars) {
            LayoutBar bar = chart_.bars[i];
            bar.page = p.page;
            bar.box = moved(bar.box, move, s);
            out_.bars.push_back(std::move(bar));
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
    ChartParts parts_;          // of the whole chart: its header, body and names
    std::vector<Item> items_;   // the chart's, panels opened up
    std::vector<Band> bands_;
    std::vector<double> row_cuts_, row_tops_;  // where a chart laid out for the page may be cut (find_row_cuts)
};

}  // namespace

double chart_print_width(const PageSetup& page, const Theme& theme) {
    return page.width - 2 * page.margin + 2 * theme.margin;
}

Layout print_chart(Layout chart, const ChartPrintOptions& options, Shaper& shaper) {
    return ChartPrinter(chart, options, shaper).print();
}

}  // namespace tarikh
