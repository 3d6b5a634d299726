#include "layout/label_placer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tarikh {

RowPlacement place_in_rows(const std::vector<LabelRequest>& requests, int max_rows, double gap) {
    RowPlacement out;
    out.slots.resize(requests.size());
    std::vector<size_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return requests[a].x < requests[b].x; });

    std::vector<double> row_end;  // right edge of the last label in each row
    max_rows = std::max(1, max_rows);
    for (size_t i : order) {
        const LabelRequest& r = requests[i];
        int row = -1;
        for (size_t k = 0; k < row_end.size(); ++k)
            if (row_end[k] + gap <= r.x) {
                row = static_cast<int>(k);
                break;
            }
        double x = r.x;
        if (row < 0 && static_cast<int>(row_end.size()) < max_rows) {
            row = static_cast<int>(row_end.size());
            row_end.push_back(-1e300);
            out.row_heights.push_back(0);
        } else if (row < 0) {
            row = static_cast<int>(std::min_element(row_end.begin(), row_end.end()) - row_end.begin());
            x = row_end[row] + gap;
        }
        row_end[row] = x + r.width;
        out.row_heights[row] = std::max(out.row_heights[row], r.height);
        out.slots[i] = {x, row};
    }
    return out;
}

int rows_needed(const std::vector<LabelRequest>& requests, double gap) {
    std::vector<std::pair<double, int>> edges;  // (x, +1 where a span starts, -1 where one ends)
    for (const auto& r : requests) {
        edges.emplace_back(r.x, +1);
        edges.emplace_back(r.x + r.width + gap, -1);
    }
    std::sort(edges.begin(), edges.end());  // at one x an end sorts first: spans are half-open
    int depth = 0, deepest = 0;
    for (const auto& [x, step] : edges) deepest = std::max(deepest, depth += step);
    return deepest;
}

int row_budget(double total_width, double plot_width) {
    if (plot_width <= 0) return 1;
    return std::max(3, static_cast<int>(std::ceil(1.5 * total_width / plot_width)) + 1);
}

}  // namespace tarikh
