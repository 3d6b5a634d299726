#include "layout/row_glyphs.hpp"

#include <algorithm>

namespace tarikh {
namespace {

size_t bytes_of(const ShapedText& text) {
    size_t bytes = sizeof(ShapedText) + text.lines.capacity() * sizeof(TextLine) + text.runs.capacity() * sizeof(GlyphRun);
    for (const auto& run : text.runs) bytes += run.text.capacity() + run.glyphs.capacity() * sizeof(Glyph);
    return bytes;
}

// What pagination reads of a shaped text: its lines (now without runs) and its size.
void keep_measure(ShapedText& text) {
    std::vector<GlyphRun>().swap(text.runs);
    std::vector<std::string>().swap(text.missing_chars);  // noted when first shaped
    for (auto& line : text.lines) line.first_run = 0;
}

}  // namespace

void RowGlyphs::hold(size_t index, FlowRow& row, const std::vector<const ShapeRequest*>& requests) {
    if (!let_go(index)) {
        size_t bytes = 0;
        for (const auto& cell : row.cells) bytes += bytes_of(cell.text);
        if (held_ + bytes <= budget_) {
            held_ += bytes;
            return;
        }
        first_let_go_ = index;  // and every row after it: the budget is spent in reading order
    }
    for (size_t c = 0; c < requests.size(); ++c) {
        if (!requests[c]) continue;
        keep_measure(row.cells[c].text);
        auto style = std::find(styles_.begin(), styles_.end(), requests[c]->style);
        if (style == styles_.end()) style = styles_.insert(style, requests[c]->style);
        cells_.push_back({index, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(style - styles_.begin()),
                          requests[c]->text});
    }
}

std::deque<RowGlyphs::Cell>::const_iterator RowGlyphs::first_cell(size_t row) const {
    return std::lower_bound(cells_.begin(), cells_.end(), row, [](const Cell& cell, size_t r) { return cell.row < r; });
}

std::vector<ShapeRequest> RowGlyphs::requests(const std::vector<size_t>& rows) const {
    std::vector<ShapeRequest> out;
    for (size_t row : rows)
        for (auto it = first_cell(row); it != cells_.end() && it->row == row; ++it)
            out.push_back({it->text, styles_[it->style]});
    return out;
}

std::vector<ShapedText> RowGlyphs::reshape(size_t index, size_t cells, Shaper& shaper) const {
    std::vector<ShapedText> out(cells);
    for (auto it = first_cell(index); it != cells_.end() && it->row == index; ++it)
        out[it->cell] = shaper.shape(it->text, styles_[it->style]);
    return out;
}

}  // namespace tarikh
