#include "layout/segments.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "layout/edition.hpp"
#include "layout/text_picker.hpp"
#include "time/calendar.hpp"
#include "time/date_format.hpp"

namespace tarikh {
namespace {

struct Window {
    Instant from, to;
    std::string label;
};

std::vector<Window> windows(const Timeline& t, SegmentKind kind, const std::string& lang, const std::string& calendar_name,
                            Diagnostics& diagnostics) {
    Calendar calendar(t.timezone);
    std::vector<Window> out;
    if (kind == SegmentKind::era) {
        TextPicker pick(t, diagnostics);
        for (size_t i = 0; i < t.eras.size(); ++i)
            out.push_back({calendar.start_of(t.eras[i].start), calendar.end_of(t.eras[i].end),
                           pick(t.eras[i].label, lang, "/eras/" + std::to_string(i) + "/label")});
        std::sort(out.begin(), out.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
        // Events outside every era get panels of their own, for the stretches between eras.
        std::vector<Instant> loose;
        for (const auto& iv : resolve_event_times(t, calendar))
            if (std::none_of(out.begin(), out.end(), [&](const Window& w) { return iv.start >= w.from && iv.start < w.to; }))
                loose.push_back(iv.start);
        std::sort(loose.begin(), loose.end());
        DateFormatter dates(t.locale_for(lang), lang, t.timezone, calendar_name.empty() ? t.calendar : calendar_name);
        std::vector<Window> gaps;
        for (size_t i = 0; i < loose.size();) {
            // The stretch from this event to the next era's start holds every loose event before it.
            auto next = std::find_if(out.begin(), out.end(), [&](const Window& w) { return w.from > loose[i]; });
            Instant until = next == out.end() ? loose.back() + 1 : next->from;
            size_t j = i;
            while (j < loose.size() && loose[j] < until) ++j;
            Instant last = loose[j - 1];
            gaps.push_back({loose[i], std::max(until, last + 1),
                            dates.event_date(Interval{loose[i], last + 1, Precision::day, false, last > loose[i]})});
            i = j;
        }
        out.insert(out.end(), gaps.begin(), gaps.end());
        std::sort(out.begin(), out.end(), [](const Window& a, const Window& b) { return a.from < b.from; });
        return out;
    }
    TimeUnit unit = kind == SegmentKind::month ? TimeUnit::month : TimeUnit::year;
    std::set<Instant> starts;
    for (const auto& iv : resolve_event_times(t, calendar)) starts.insert(calendar.floor(iv.start, unit, 1));
    DateFormatter dates(t.locale_for(lang), lang, t.timezone, calendar_name.empty() ? t.calendar : calendar_name);
    for (Instant from : starts) {
        Instant to = calendar.add(from, unit, 1);
        Precision precision = kind == SegmentKind::month ? Precision::month : Precision::year;
        out.push_back({from, to, dates.event_date(Interval{from, to, precision, false, false})});
    }
    return out;
}

// Every item, box, line, bookmark and note of `panel`, moved down by `dy` and across by `dx`.
void add_panel(Layout& out, Layout&& panel, double dx, double dy) {
    Page& page = out.scene.pages.front();
    Page& source = panel.scene.pages.front();
    Group moved;
    moved.offset = {dx, dy};
    moved.items = std::move(source.items);
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
    for (auto& d : panel.diagnostics) {  // each panel warns of the same missing text: once is enough
        bool known = std::any_of(out.diagnostics.begin(), out.diagnostics.end(), [&](const Diagnostic& seen) {
            return seen.pointer == d.pointer && seen.message == d.message;
        });
        if (!known) out.diagnostics.push_back(std::move(d));
    }
}

// The document's title and subtitle at the top of `page`, at its start edge. Returns where
// the panels begin.
double draw_header(EditionContext& e, Page& page, Layout& out) {
    const Theme& theme = e.theme;
    double y = theme.margin;
    for (const auto& [box_kind, shaped] : e.header()) {
        double x = e.rtl ? page.width - theme.margin - shaped.width : theme.margin;
        page.items.push_back(TextItem{{x, y}, theme.ink, shaped.runs});
        out.boxes.push_back({box_kind, "", 1, {x, y, shaped.width, shaped.height}});
        y += shaped.height + 2;
    }
    return y + 6;
}

}  // namespace

std::optional<SegmentKind> segment_from_name(std::string_view name) {
    if (name == "none") return SegmentKind::none;
    if (name == "era") return SegmentKind::era;
    if (name == "month") return SegmentKind::month;
    if (name == "year") return SegmentKind::year;
    return std::nullopt;
}

Layout layout_segmented(const Timeline& t, const LayoutOptions& options, SegmentKind kind, Shaper& shaper) {
    // The whole chart once, for its title, subtitle and legend: its header becomes the page's.
    std::string lang = options.lang.empty() ? t.first_language() : options.lang;
    Layout out;
    std::vector<Window> parts = windows(t, kind, lang, options.calendar, out.diagnostics);
    if (kind == SegmentKind::none || parts.empty()) return layout_chart(t, options, shaper);

    std::vector<Layout> panels;
    for (size_t i = 0; i < parts.size(); ++i) {
        LayoutOptions o = options;
        o.window = std::make_pair(parts[i].from, parts[i].to);
        o.heading = parts[i].label;
        o.legend = i == 0;
        panels.push_back(layout_chart(t, o, shaper));
    }
    double width = 0;
    for (const auto& p : panels) width = std::max(width, p.scene.pages.front().width);

    // The document's title and subtitle over the panels, at the start edge of the page.
    EditionContext e(t, options.lang, options.calendar, shaper, out, options.theme);
    const Theme& theme = options.theme;
    out.scene = panels.front().scene;
    Page page;
    page.width = width;
    page.items.push_back(RectItem{{0, 0, width, 0}, theme.paper, std::nullopt, 0});
    double y = draw_header(e, page, out);
    out.scene.pages.assign(1, std::move(page));
    out.scene.outline.clear();
    out.scene.notes.clear();

    for (auto& panel : panels) {
        const Page& p = panel.scene.pages.front();
        double dx = panel.scene.rtl ? width - p.width : 0;  // Arabic panels line up on the right
        double h = p.height;
        add_panel(out, std::move(panel), dx, y);
        y += h - theme.margin + theme.chart.panel_gap;  // each panel brings its own margins: keep one
    }
    Page& page_out = out.scene.pages.front();
    page_out.height = y + theme.margin - theme.chart.panel_gap;
    std::get<RectItem>(page_out.items.front()).box.height = page_out.height;
    e.finish_pages(e.rtl);  // the header's glyph warning, after the panels'…
    Diagnostics& d = out.diagnostics;  // …unless one of them said the same
    auto same = [&](const Diagnostic& x) { return x.pointer == d.back().pointer && x.message == d.back().message; };
    if (!d.empty() && std::count_if(d.begin(), d.end(), same) > 1) d.pop_back();
    return out;
}

}  // namespace tarikh
