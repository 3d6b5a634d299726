// A one-page layout printed in stretches (bands of its height, each on some page): where its
// boxes land, for --layout-json and the quality report.
#pragma once
#include <functional>
#include <vector>

#include "layout/layout.hpp"

namespace tarikh {

// Source y from `from` to `to`, shown on `page`.
struct PrintedStretch {
    int page = 1;
    double from = 0, to = 0;
};

// `box` cut where the stretches holding it part across pages: one part per page, each where
// `place(stretch index, part in source coordinates)` puts it. A box of no height goes to the
// stretch holding its top.
void cut_box(const LayoutBox& box, const std::vector<PrintedStretch>& stretches,
             const std::function<Box(size_t, const Box&)>& place, std::vector<LayoutBox>& out);

}  // namespace tarikh
