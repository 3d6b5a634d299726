#include "layout/segments.hpp"

#include <algorithm>
#include <set>

#include "layout/chart_stages.hpp"
#include "layout/contrast.hpp"
#include "layout/structure.hpp"
#include "layout/edition.hpp"

namespace tarikh {
namespace {

struct Window {
    Instant from, to;
    std::string label;
};

std::vector<Window> windows(EditionContext& e, SegmentKind kind, const std::vector<Interval>& times) {
    const Timeline& t = e.timeline;
    const Calendar& calendar = e.calendar;
    std::vector<Window> out;
    if (kind == SegmentKind::era) {
        for (size_t i = 0; i < t.eras.size(); ++i)
            out.push_back({calendar.start_of(t.eras[i].start), calendar.end_of(t.eras[i].end),
                           e.pick(t.eras[i].label, "/eras/" + std::to_string(i) + "/label")});
        std::sort(out.begin(), out.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
        // Events outside every era get panels of their own, for the stretches between eras.
        std::vector<Instant> loose;
        for (const auto& iv : times)
            if (!iv.unknown && std::none_of(out.begin(), out.end(), [&](const Window& w) { return iv.start >= w.from && iv.start < w.to; }))
                loose.push_back(iv.start);
        std::sort(loose.begin(), loose.end());
        std::vector<Window> gaps;
        for (size_t i = 0; i < loose.size();) {
            // The stretch from this event to the next era's start holds every loose event before it.
            auto next = std::find_if(out.begin(), out.end(), [&](const Window& w) { return w.from > loose[i]; });
            Instant until = next == out.end() ? loose.back() + 1 : next->from;
            size_t j = i;
            while (j < loose.size() && loose[j] < until) ++j;
            Instant last = loose[j - 1];
            gaps.push_back({loose[i], std::max(until, last + 1),
                            e.dates.event_date(Interval{loose[i], last + 1, Precision::day, false, last > loose[i]})});
            i = j;
        }
        out.insert(out.end(), gaps.begin(), gaps.end());
        std::sort(out.begin(), out.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
        return out;
    }
    TimeUnit unit = kind == SegmentKind::month ? TimeUnit::month : TimeUnit::year;
    // The months or years of the calendar the dates are written in (the first shown).
    const Calendar own(e.timeline.timezone, e.dates.calendars().front());
    std::set<Instant> starts;
    for (const auto& iv : times)
        if (!iv.unknown) starts.insert(own.floor(iv.start, unit, 1));  // a date nobody knows has no panel
    for (Instant from : starts) {
        Instant to = own.add(from, unit, 1);
        Precision precision = kind == SegmentKind::month ? Precision::month : Precision::year;
        out.push_back({from, to, e.dates.event_date(Interval{from, to, precision, false, false})});
    }
    return out;
}

// Every item of `drawn`, and every box, line, bookmark and note of `panel`, moved down by
// `dy` and across by `dx`.
void add_panel(Layout& out, Layout&& panel, Page&& drawn, double dx, double dy) {
    Page& page = out.scene.pages.front();
    // A panel is a section of the document, under its heading.
    for (auto& item : drawn.items)
        if (auto* g = as_group(item); g && g->role == Role::document) {
            g->role = Role::section;
            for (auto& inner : g->items)
                if (auto* h = as_group(inner); h && h->role == Role::heading) h->level = 2;
        }
    Group moved;
    moved.offset = {dx, dy};
    moved.items = std::move(drawn.items);
    page.items.push_back(std::move(moved));
    for (auto& b : panel.boxes) {
        b.box.x += dx;
        b.box.y += dy;
        out.boxes.push_back(std::move(b));
    }
    for (auto& line : panel.lines) {
        line.from = {line.from.x + dx, line.from.y + dy};
        line.to = {line.to.x + dx, line.to.y + dy};
        out.lines.push_back(std::move(line));
    }
    for (auto& entry : panel.scene.outline) {
        entry.at = {entry.at.x + dx, entry.at.y + dy};
        out.scene.outline.push_back(std::move(entry));
    }
    for (auto& note : panel.scene.notes) {
        note.hot.x += dx;
        note.hot.y += dy;
        out.scene.notes.push_back(std::move(note));
    }
}

// The document's title and subtitle, shaped, at the top of `page` at its start edge. Returns
// where the panels begin.
double draw_header(const EditionContext& e, const std::vector<HeaderLine>& header, Page& page, Layout& out) {
    const Theme& theme = e.theme;
    double y = theme.margin;
    for (const auto& [box_kind, shaped] : header) {
        double x = e.rtl ? page.width - theme.margin - shaped.width : theme.margin;
        TextItem text{{x, y}, readable_on(theme.ink, theme.paper), shaped.runs};
        page.items.push_back(box_kind == BoxKind::title ? role_group(Role::heading, {std::move(text)}, 1)
                                                        : role_group(Role::paragraph, {std::move(text)}));
        out.boxes.push_back({box_kind, "", 1, {x, y, shaped.width, shaped.height}});
        y += shaped.height + 2;
    }
    return y + 6;
}

}  // namespace

Layout layout_segmented(const Timeline& t, const LayoutOptions& options, SegmentKind kind, Shaper& shaper) {
    if (kind == SegmentKind::none) return layout_chart(t, options, shaper);
    // One edition for every panel and the header over them: each text warned of once.
    Layout out;
    EditionContext e(t, options.lang, options.calendar, shaper, out, options.theme, options.wording);
    const std::vector<Interval> times = resolve_event_times(t, e.calendar);
    std::vector<Window> parts = windows(e, kind, times);
    if (parts.empty()) return layout_chart(t, options, shaper);
    e.header();  // picked first, so that its warnings come first; shaped once the width is known

    std::vector<Layout> panels;
    std::vector<Page> pages;
    for (size_t i = 0; i < parts.size(); ++i) {
        LayoutOptions o = options;
        o.window = std::make_pair(parts[i].from, parts[i].to);
        o.heading = parts[i].label;
        o.legend = i == (options.theme.legend == LegendPlace::bottom ? parts.size() - 1 : 0);
        panels.emplace_back();
        pages.push_back(chart_page(e, o, times, panels.back()));
    }
    double width = 0;
    for (const auto& p : pages) width = std::max(width, p.width);
    // The header wraps within the panels' width: it never widens the page.
    std::vector<HeaderLine> header = e.header(width - 2 * options.theme.margin);

    // The document's title and subtitle over the panels, at the start edge of the page.
    const Theme& theme = options.theme;
    Page page;
    page.width = width;
    page.items.push_back(RectItem{{0, 0, width, 0}, theme.paper, std::nullopt, 0});
    double y = draw_header(e, header, page, out);
    out.scene.pages.assign(1, std::move(page));

    for (size_t i = 0; i < panels.size(); ++i) {
        double dx = e.rtl ? width - pages[i].width : 0;  // Arabic panels line up on the right
        double h = pages[i].height;
        add_panel(out, std::move(panels[i]), std::move(pages[i]), dx, y);
        y += h - theme.margin + theme.chart.panel_gap;  // each panel brings its own margins: keep one
    }
    Page& page_out = out.scene.pages.front();
    // The title, the subtitle and the panels: one document (the paper stays out of it).
    std::vector<Item> read(std::make_move_iterator(page_out.items.begin() + 1), std::make_move_iterator(page_out.items.end()));
    page_out.items.resize(1);
    page_out.items.push_back(role_group(Role::document, std::move(read)));
    page_out.height = y + theme.margin - theme.chart.panel_gap;
    std::get<RectItem>(page_out.items.front()).box.height = page_out.height;
    e.finish_pages(e.rtl);
    return out;
}

}  // namespace tarikh
