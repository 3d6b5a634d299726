#include "layout/print_cut.hpp"

#include <algorithm>
#include <optional>

namespace tarikh {

void cut_box(const LayoutBox& box, const std::vector<PrintedStretch>& stretches,
             const std::function<Box(size_t, const Box&)>& place, std::vector<LayoutBox>& out) {
    const Box& b = box.box;
    std::optional<LayoutBox> part;
    for (size_t i = 0; i < stretches.size(); ++i) {
        const PrintedStretch& s = stretches[i];
        double top = std::max(b.y, s.from), bottom = std::min(b.bottom(), s.to);
        bool inside = b.height == 0 ? b.y >= s.from && b.y < s.to : bottom > top + 0.01;
        if (!inside) continue;
        Box here = place(i, {b.x, top, b.width, std::max(0.0, bottom - top)});
        if (part && part->page == s.page) {  // the next stretch on the same page: one part
            part->box.height = std::max(part->box.height, here.bottom() - part->box.y);
            continue;
        }
        if (part) out.push_back(*part);
        part = LayoutBox{box.kind, box.event, s.page, here};
    }
    if (part) out.push_back(*part);
}

}  // namespace tarikh
