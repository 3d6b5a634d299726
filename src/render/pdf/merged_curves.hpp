// A run of Bézier segments joined end to end, drawn with fewer cubics. A TrueType outline is
// quadratics, each one PDF cubic (`c`, six numbers), where its designer drew one cubic for a
// run of them (the font's cubics were split into quadratics to ship it); a run whose pieces a
// single cubic follows to within a tolerance becomes that cubic. After fontTools' qu2cu: the
// cubic keeps the run's ends and end tangents, and its control points are stretched by where
// the joins fall along it.
#pragma once
#include <array>
#include <vector>

#include "core/geometry.hpp"

namespace tarikh::pdf {

using Cubic = std::array<Point, 4>;  // start, two control points, end

// The fewest cubics, in order, each within `tolerance` of the run's segments it replaces at
// every point (bounded, not sampled: at equal parameters along the new cubic and the old
// pieces). A run of one, or one no cubic follows, comes back as it was. Merges look at most
// kWindow segments back, so a contour of thousands costs thousands of checks, not billions.
std::vector<Cubic> merge_cubics(const std::vector<Cubic>& run, double tolerance);
inline constexpr std::size_t kWindow = 32;

// A cubic with the control points of a quadratic from `from` through `control` to `to`.
Cubic cubic_of_quadratic(Point from, Point control, Point to);

}  // namespace tarikh::pdf
