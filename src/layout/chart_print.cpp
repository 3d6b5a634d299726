#include "layout/chart_print.hpp"

#include <algorithm>
#include <cmath>

#include "layout/contrast.hpp"
#include "layout/edition.hpp"

namespace tarikh {

namespace {

// One printed page's stretch of the chart: chart x becomes `dx + x * scale`, cut to `area`;
// each page shows `step` px of its own before the next page's begin.
struct Slice {
    int index = 0, count = 1;
    double dx = 0, scale = 1, step = 0;
    Box area;
};

// The boxes, leaders and bookmarks the slice shows, in its page's coordinates. A bookmark
// belongs to the one page whose own stretch holds it.
void add_slice_geometry(const Layout& chart, const Slice& s, Layout& out) {
    const int page = s.index + 1;
    auto move = [&](Point q) { return Point{s.dx + q.x * s.scale, s.area.y + q.y * s.scale}; };
    for (const auto& b : chart.boxes) {
        Box moved{s.dx + b.box.x * s.scale, s.area.y + b.box.y * s.scale, b.box.width * s.scale, b.box.height * s.scale};
        double x0 = std::max(moved.x, s.area.x), x1 = std::min(moved.right(), s.area.right());
        if (x1 <= x0) continue;
        out.boxes.push_back({b.kind, b.event, page, {x0, moved.y, x1 - x0, moved.height}});
    }
    for (const auto& line : chart.lines) {
        Point from = move(line.from), to = move(line.to);
        if (std::max(from.x, to.x) > s.area.x && std::min(from.x, to.x) < s.area.right())
            out.lines.push_back({line.kind, line.event, page, from, to});
    }
    for (const auto& entry : chart.scene.outline) {
        double x = s.dx + entry.at.x * s.scale;
        bool owned = x >= s.area.x && (x < s.area.x + s.step || page == s.count);
        if (s.count == 1 || owned) out.scene.outline.push_back({entry.title, page, {x, s.area.y + entry.at.y * s.scale}, -1});
    }
}

}  // namespace

Layout print_chart(Layout chart, const ChartPrintOptions& options, Shaper& shaper) {
    const PageSetup& p = options.page;
    const Theme& theme = options.theme;
    const double overlap = theme.print.overlap;
    const Page source = chart.scene.pages.at(0);
    const Box area{p.margin, p.margin, p.width - 2 * p.margin, p.height - 2 * p.margin - theme.print.footer_height};

    // Height always fits the page; width fits too with --fit, else it runs over slices.
    double scale = area.height / source.height;
    if (options.fit) scale = std::min(scale, area.width / source.width);
    scale = std::min(scale, 1.0);
    double drawn_width = source.width * scale;
    int slices = drawn_width <= area.width ? 1
                                           : static_cast<int>(std::ceil((drawn_width - overlap) / (area.width - overlap)));

    Layout out;
    out.diagnostics = std::move(chart.diagnostics);
    out.scene = chart.scene;
    out.scene.pages.clear();
    out.scene.outline.clear();
    // The page numbers' edition: the chart's language at the theme's sizes, its locale's digits.
    // They need nothing else of the timeline, which the chart's layout has already read.
    Timeline numbers;
    numbers.languages = {options.lang};
    numbers.locales = {{options.lang, options.locale}};
    EditionContext e(numbers, options.lang, "", shaper, out, theme);
    const double step = area.width - overlap;

    for (int k = 0; k < slices; ++k) {
        // Time runs right to left in a mirrored chart: its first page shows the right end.
        double start = slices == 1 ? 0 : std::min(k * step, drawn_width - area.width);
        if (chart.scene.rtl && slices > 1) start = drawn_width - area.width - start;
        double left = area.x + (slices == 1 ? (area.width - drawn_width) / 2 : 0);
        Page page;
        page.width = p.width;
        page.height = p.height;
        page.items.push_back(RectItem{{0, 0, p.width, p.height}, theme.paper, std::nullopt, 0});
        Group view;
        view.items = source.items;
        view.scale = scale;
        view.offset = {left - start, area.y};
        view.clip = area;
        page.items.push_back(std::move(view));
        if (slices > 1) {
            // Dashed marks where the neighbouring pages' stretches begin and end.
            for (double x : {area.x + overlap, area.right() - overlap}) {
                bool shows_neighbour = chart.scene.rtl ? (x < area.x + area.width / 2 ? k + 1 < slices : k > 0)
                                                       : (x < area.x + area.width / 2 ? k > 0 : k + 1 < slices);
                if (shows_neighbour)
                    page.items.push_back(LineItem{{{x, area.y}, {x, area.bottom()}}, {theme.print.mark, 0.75, {4, 3}}, false});
            }
        }
        std::string footer = fill(fill(e.words.page_of, "page", e.dates.number(k + 1)), "pages", e.dates.number(slices));
        ShapedText text = e.shape(footer, theme.page_text_size, false);
        Color muted = readable_on(theme.muted, theme.paper);
        page.items.push_back(TextItem{{(p.width - text.width) / 2, p.height - p.margin - text.height}, muted, text.runs});
        out.scene.pages.push_back(std::move(page));

        add_slice_geometry(chart, {.index = k, .count = slices, .dx = left - start, .scale = scale, .step = step, .area = area},
                           out);
    }
    e.report_warnings();  // a glyph of the page numbers that no font has
    return out;
}

}  // namespace tarikh
