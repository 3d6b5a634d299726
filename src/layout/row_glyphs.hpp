// The glyphs of a chronicle's rows between composing and drawing, held within a budget: the
// rows are all composed and paginated before the first page is drawn ("page N of M"), so past
// the budget a row keeps only its measure (its lines' heights and its width, all pagination
// reads) and the texts it was shaped from, and is shaped again when its page is drawn.
// Shaping is deterministic: the glyphs drawn are those it had.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "layout/paginate.hpp"

namespace tarikh {

class RowGlyphs {
public:
    explicit RowGlyphs(size_t budget = 0) : budget_(budget) {}

    // Row `index`, just shaped from `requests` (one per cell; null: the cell has no text), as
    // each was shaped: kept whole while the budget allows, else measured only. Rows come in order.
    void hold(size_t index, FlowRow& row, const std::vector<const ShapeRequest*>& requests);
    // Whether the row's glyphs were let go.
    bool let_go(size_t index) const { return index >= first_let_go_; }
    // The texts to shape again for these rows (let go), for a shaper to prepare together.
    std::vector<ShapeRequest> requests(const std::vector<size_t>& rows) const;
    // A let-go row's cells shaped again, whole, one per cell (a cell without text: empty).
    std::vector<ShapedText> reshape(size_t index, size_t cells, Shaper& shaper) const;

private:
    struct Cell {
        size_t row = 0;
        std::uint32_t cell = 0, style = 0;
        std::string text;
    };
    std::deque<Cell>::const_iterator first_cell(size_t row) const;

    size_t budget_, held_ = 0;
    size_t first_let_go_ = SIZE_MAX;  // rows from this one on are measured only
    std::vector<TextStyle> styles_;   // the few distinct styles of the cells let go
    std::deque<Cell> cells_;          // by row, then cell (a deque: never copied as it grows)
};

}  // namespace tarikh
