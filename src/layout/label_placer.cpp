#include "layout/label_placer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>

namespace tarikh {

RowPlacement place_in_rows(const std::vector<LabelRequest>& requests, int max_rows, double gap) {
    RowPlacement out;
    out.slots.resize(requests.size());
    std::vector<size_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return requests[a].x < requests[b].x; });

    // Rows still busy at the current x, soonest free first; rows free here, lowest first.
    // Each label takes the lowest free row, as first fit would, in O(log rows).
    using Busy = std::pair<double, int>;  // (where its last label ends, row)
    std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
    std::priority_queue<int, std::vector<int>, std::greater<>> free_rows;
    std::vector<double> row_end;
    max_rows = std::max(1, max_rows);
    for (size_t i : order) {
        const LabelRequest& r = requests[i];
        while (!busy.empty() && busy.top().first + gap <= r.x) {
            free_rows.push(busy.top().second);
            busy.pop();
        }
        int row;
        double x = r.x;
        if (!free_rows.empty()) {
            row = free_rows.top();
            free_rows.pop();
        } else if (static_cast<int>(row_end.size()) < max_rows) {
            row = static_cast<int>(row_end.size());
            row_end.push_back(-1e300);
            out.row_heights.push_back(0);
        } else {  // every row is taken here: move right in the row that frees first
            row = busy.top().second;
            x = busy.top().first + gap;
            busy.pop();
        }
        row_end[row] = x + r.width;
        busy.emplace(row_end[row], row);
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
