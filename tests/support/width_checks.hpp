// Checks of a layout made for a fixed width: nothing past it, text no smaller than legible.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "layout/layout.hpp"

namespace tarikh::testing {

// The leftmost and rightmost x any item of `items` reaches (a group's offset and scale count;
// a text by its glyph origins, its boxes by the layout's boxes).
inline void item_extent(const std::vector<Item>& items, Point offset, double scale, double& left, double& right) {
    auto reach = [&](double x) {
        left = std::min(left, offset.x + scale * x);
        right = std::max(right, offset.x + scale * x);
    };
    for (const auto& item : items) {
        if (const auto* rect = std::get_if<RectItem>(&item)) {
            if (rect->box.height <= 0) continue;  // a backdrop sized later is still a backdrop
            reach(rect->box.x), reach(rect->box.right());
        } else if (const auto* line = std::get_if<LineItem>(&item)) {
            for (const auto& p : line->points) reach(p.x);
        } else if (const auto* circle = std::get_if<CircleItem>(&item)) {
            reach(circle->center.x - circle->radius), reach(circle->center.x + circle->radius);
        } else if (const auto* text = std::get_if<TextItem>(&item)) {
            for (const auto& run : text->runs)
                for (const auto& g : run.glyphs) reach(text->origin.x + g.x);
        } else if (const auto* group = as_group(item)) {
            item_extent(group->items, {offset.x + scale * group->offset.x, offset.y + scale * group->offset.y},
                        scale * group->scale, left, right);
        }
    }
}

// Every box and every drawn item of every page lies within [0, width]; each page is `width` wide.
inline void check_within_width(const Layout& layout, double width) {
    for (const auto& page : layout.scene.pages) {
        CHECK(page.width == doctest::Approx(width));
        double left = 1e300, right = -1e300;
        item_extent(page.items, {0, 0}, 1, left, right);
        CHECK(left >= -0.01);
        CHECK(right <= width + 0.01);
    }
    size_t outside = 0;
    for (const auto& b : layout.boxes)
        if (b.box.x < -0.01 || b.box.right() > width + 0.01) {
            ++outside;
            MESSAGE(box_kind_name(b.kind) << " " << b.event << " at " << b.box.x << " .. " << b.box.right());
        }
    CHECK(outside == 0);
}

// Boxes of `kind` that overlap one another.
inline size_t overlapping(const Layout& layout, BoxKind kind) {
    std::vector<Box> boxes;
    for (const auto& b : layout.boxes)
        if (b.kind == kind) boxes.push_back(b.box);
    size_t count = 0;
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j) count += overlaps(boxes[i], boxes[j]);
    return count;
}

inline bool warns(const Layout& layout, const std::string& words) {
    return std::any_of(layout.diagnostics.begin(), layout.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.message.find(words) != std::string::npos; });
}

}  // namespace tarikh::testing
