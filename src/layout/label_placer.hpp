// Label placement in rows: each label as near its anchor as the rows allow, never overlapping.
#pragma once
#include <cstddef>
#include <vector>

namespace tarikh {

struct LabelRequest {
    double x = 0;  // preferred left edge
    double width = 0, height = 0;
};

struct LabelSlot {
    double x = 0;  // left edge actually given (>= the preferred one)
    int row = 0;   // 0 is the row nearest the markers
};

struct RowPlacement {
    std::vector<LabelSlot> slots;     // one per request, in request order
    std::vector<double> row_heights;  // tallest label of each row
};

// Greedy first fit over labels sorted by preferred x, in O(n log n): a label takes the lowest
// row free at its preferred x; when all `max_rows` are taken there, it moves right in the
// row that frees up first. Labels of one row are at least `gap` apart. With rows enough
// (max_rows >= rows_needed) no label moves and the rows are as few as possible.
RowPlacement place_in_rows(const std::vector<LabelRequest>& requests, int max_rows, double gap);

// The fewest rows that hold every label at its preferred x: the deepest overlap of the
// spans [x, x + width + gap). O(n log n).
int rows_needed(const std::vector<LabelRequest>& requests, double gap);

// Rows worth allowing for labels of `total_width` over a plot `plot_width` wide: enough to
// keep labels near their anchors, few enough to stay compact when crowded.
int row_budget(double total_width, double plot_width);

}  // namespace tarikh
