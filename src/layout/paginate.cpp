#include "layout/paginate.hpp"

#include <algorithm>

namespace tarikh {

double FlowRow::height() const {
    double h = 0;
    for (const auto& cell : cells) h = std::max(h, cell.text.height);
    return h;
}

std::pair<ShapedText, ShapedText> split_lines(const ShapedText& text, double height) {
    ShapedText first, rest;
    size_t cut = 0;  // lines [0, cut) fit
    while (cut < text.lines.size() && text.lines[cut].top + text.lines[cut].height <= height + 0.01) ++cut;
    auto run_end = [&](size_t line) { return line + 1 < text.lines.size() ? text.lines[line + 1].first_run : text.runs.size(); };
    for (size_t i = 0; i < text.lines.size(); ++i) {
        ShapedText& part = i < cut ? first : rest;
        double shift = i < cut ? 0 : text.lines[cut].top;
        TextLine line = text.lines[i];
        line.top -= shift;
        line.first_run = part.runs.size();
        part.lines.push_back(line);
        for (size_t r = text.lines[i].first_run; r < run_end(i); ++r) {
            GlyphRun run = text.runs[r];
            for (auto& g : run.glyphs) g.y -= shift;
            part.runs.push_back(std::move(run));
        }
        part.height = line.top + line.height;
    }
    first.width = rest.width = text.width;
    first.baseline = text.baseline;
    rest.baseline = rest.lines.empty() ? 0 : text.baseline;
    return {std::move(first), std::move(rest)};
}

std::vector<FlowPage> paginate(std::vector<FlowRow> rows, double top, double bottom, double continued_height) {
    std::vector<FlowPage> pages(1);
    double y = top;
    auto new_page = [&](int continuing_entry) {
        pages.emplace_back();
        pages.back().continued_entry = continuing_entry;
        y = top + (continuing_entry >= 0 ? continued_height : 0);
    };
    auto at_page_top = [&] { return pages.back().rows.empty(); };

    for (size_t i = 0; i < rows.size(); ++i) {
        double space = at_page_top() ? 0 : rows[i].space_before;
        double h = rows[i].height();
        // Rows kept with the next (a date, a title) move on together with the first line of
        // the row that ends their chain, so that none is left alone at the foot of a page.
        double need = h;
        size_t j = i;
        // (A chain taller than a page cannot move on whole: stop looking, or long chains cost n².)
        // An entry's last row keeps with nothing past it: entries of a title and a date alone
        // would otherwise chain into one taller than a page, each left alone on a page of its own.
        auto ends_entry = [&](size_t k) { return rows[k].entry >= 0 && rows[k + 1].entry != rows[k].entry; };
        while (rows[j].keep_with_next && j + 1 < rows.size() && !ends_entry(j) && need <= bottom - top) {
            ++j;
            need += rows[j].space_before + (rows[j].keep_with_next ? rows[j].height() : 0);
        }
        if (j != i) {
            double first_line = 0;
            for (const auto& cell : rows[j].cells)
                if (!cell.text.lines.empty()) first_line = std::max(first_line, cell.text.lines.front().height);
            need += rows[j].keep_with_next ? 0 : first_line;
        }
        FlowRow row = std::move(rows[i]);  // each row's text is held once: here, then on its page
        if (y + space + need > bottom && !at_page_top() && need <= bottom - top) {
            bool same_entry = row.entry >= 0 && pages.back().rows.back().row.entry == row.entry;
            new_page(same_entry ? row.entry : -1);
            space = 0;
        }
        y += space;
        // Split the row between lines while it does not fit on what is left of the page.
        while (y + row.height() > bottom) {
            FlowRow first = row, rest = row;
            bool any = false;
            for (size_t c = 0; c < row.cells.size(); ++c) {
                auto [a, b] = split_lines(row.cells[c].text, bottom - y);
                any |= !a.lines.empty();
                first.cells[c].text = std::move(a);
                rest.cells[c].text = std::move(b);
            }
            if (!any && !at_page_top()) {  // not even one line fits here: start a new page
                new_page(row.entry);
                continue;
            }
            if (!any) break;  // a single line taller than a page: place it anyway
            pages.back().rows.push_back({std::move(first), i, y, true, bottom - y});
            new_page(row.entry);
            row = std::move(rest);
            row.space_before = 0;
        }
        double height = row.height();
        pages.back().rows.push_back({std::move(row), i, y, false, 0});
        y += height;
    }
    return pages;
}

}  // namespace tarikh
