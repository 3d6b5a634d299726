// Geometry shared by layout and scene: points and boxes in px, origin top left.
#pragma once
#include <tarikh/color.hpp>

namespace tarikh {

struct Point {
    double x = 0, y = 0;
};

struct Box {
    double x = 0, y = 0, width = 0, height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
};

// True when the interiors intersect; touching edges do not overlap.
inline bool overlaps(const Box& a, const Box& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

}  // namespace tarikh
