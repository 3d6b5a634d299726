// Flowing rows of shaped text down pages: splits rows between lines when they must, keeps
// what belongs together, and says where each piece went.
#pragma once
#include <string>
#include <vector>

#include "text/shaper.hpp"

namespace tarikh {

// A shaped block placed at an x offset within its row.
struct FlowCell {
    ShapedText text;
    double x = 0;
    std::string lang{};  // its text's language (kept here: a text shaped again or split keeps it)
};

// One row of the flow: one cell, or one per column in a bilingual edition.
struct FlowRow {
    std::vector<FlowCell> cells;
    double space_before = 0;      // dropped at the top of a page
    bool keep_with_next = false;  // never the last row of a page (a title, a date)
    int entry = -1;               // which entry it belongs to; -1 for rows between entries
    int tag = 0;                  // the composer's own mark (what to draw beside it)

    double height() const;
};

struct PlacedRow {
    FlowRow row;        // the whole row, or the part of it on this page
    size_t source = 0;  // index into the input rows
    double y = 0;       // top, after space_before
    bool split = false; // continues on the next page
    double cut = 0;     // split: the height its lines were cut at (split_lines)
};

struct FlowPage {
    std::vector<PlacedRow> rows;
    int continued_entry = -1;  // the entry carried over from the previous page, if any
};

// Lays `rows` into pages whose content runs from `top` to `bottom`; `continued_height` is
// kept free at the top of a page that continues an entry, for a "(continued)" mark.
std::vector<FlowPage> paginate(std::vector<FlowRow> rows, double top, double bottom, double continued_height);

// The lines of `text` that fit in `height` and the rest, each starting at its own top.
std::pair<ShapedText, ShapedText> split_lines(const ShapedText& text, double height);

}  // namespace tarikh
