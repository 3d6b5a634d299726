#include "render/pdf/merged_curves.hpp"

#include <cmath>
#include <optional>

namespace tarikh::pdf {
namespace {

Point operator+(Point a, Point b) { return {a.x + b.x, a.y + b.y}; }
Point operator-(Point a, Point b) { return {a.x - b.x, a.y - b.y}; }
Point operator*(Point a, double k) { return {a.x * k, a.y * k}; }
double length(Point a) { return std::hypot(a.x, a.y); }
Point lerp(Point a, Point b, double t) { return a + (b - a) * t; }

// The part of `c` from t0 to t1 (de Casteljau, twice).
Cubic part(const Cubic& c, double t0, double t1) {
    auto split = [](const Cubic& in, double t, bool keep_right) {
        const Point a = lerp(in[0], in[1], t), b = lerp(in[1], in[2], t), d = lerp(in[2], in[3], t);
        const Point e = lerp(a, b, t), f = lerp(b, d, t), g = lerp(e, f, t);
        return keep_right ? Cubic{g, f, d, in[3]} : Cubic{in[0], a, e, g};
    };
    const Cubic right = t0 > 0 ? split(c, t0, true) : c;
    return t1 < 1 ? split(right, (t1 - t0) / (1 - t0), false) : right;
}

// Whether the cubic with these control points (a difference of two cubics) stays within
// `tolerance` of the origin, its ends known to: its hull, else its halves' (cu2qu's
// cubic_farthest_fit_inside). Past `depth` halvings, no: a bound not found is not a fit.
bool inside(Point p0, Point p1, Point p2, Point p3, double tolerance, int depth = 12) {
    if (length(p1) <= tolerance && length(p2) <= tolerance) return true;
    const Point mid = (p0 + (p1 + p2) * 3 + p3) * 0.125;
    if (length(mid) > tolerance || depth == 0) return false;
    const Point slope = (p3 + p2 - p1 - p0) * 0.125;
    return inside(p0, (p0 + p1) * 0.5, mid - slope, mid, tolerance, depth - 1) &&
           inside(mid, mid + slope, (p2 + p3) * 0.5, p3, tolerance, depth - 1);
}

// One cubic for run[first, last), when it follows every piece within `tolerance`.
std::optional<Cubic> merged(const std::vector<Cubic>& run, std::size_t first, std::size_t last, double tolerance) {
    // Where each join falls along the new cubic: the pieces' lengths in the ratio of the
    // tangents on either side of each join, as splitting one cubic leaves them.
    std::vector<double> joins;
    double sum = 1, product = 1;
    for (std::size_t k = first + 1; k < last; ++k) {
        const double before = length(run[k - 1][3] - run[k - 1][2]), after = length(run[k][1] - run[k][0]);
        if (before == 0 || after == 0) return std::nullopt;
        product *= after / before;
        joins.push_back(sum);
        sum += product;
    }
    for (double& t : joins) t /= sum;
    const Point p0 = run[first][0], p3 = run[last - 1][3];
    const Cubic cubic{p0, p0 + (run[first][1] - p0) * (1 / joins.front()), p3 + (run[last - 1][2] - p3) * (1 / (1 - joins.back())),
                      p3};
    for (std::size_t k = first; k < last; ++k) {
        const std::size_t i = k - first;
        const Cubic piece = part(cubic, i == 0 ? 0 : joins[i - 1], i == joins.size() ? 1 : joins[i]);
        const Cubic& old = run[k];
        if (length(piece[0] - old[0]) > tolerance || length(piece[3] - old[3]) > tolerance ||
            !inside(piece[0] - old[0], piece[1] - old[1], piece[2] - old[2], piece[3] - old[3], tolerance))
            return std::nullopt;
    }
    return cubic;
}

}  // namespace

Cubic cubic_of_quadratic(Point from, Point control, Point to) {
    return {from, lerp(from, control, 2.0 / 3), lerp(to, control, 2.0 / 3), to};
}

std::vector<Cubic> merge_cubics(const std::vector<Cubic>& run, double tolerance) {
    // fewest[j]: the fewest cubics for run[0, j), the last of them from[j]; the shortest path
    // over "pieces i to j fit one cubic", each i taken back from j until the pieces stop fitting
    // (a longer run seldom fits where a shorter one did not, and every check costs its length).
    const std::size_t n = run.size();
    std::vector<std::size_t> fewest(n + 1, 0), from(n + 1, 0);
    std::vector<Cubic> last(n + 1);
    for (std::size_t j = 1; j <= n; ++j) {
        fewest[j] = fewest[j - 1] + 1, from[j] = j - 1, last[j] = run[j - 1];
        for (std::size_t i = j - 1; i-- > 0 && j - i <= kWindow;) {
            if (fewest[i] + 1 >= fewest[j]) continue;
            std::optional<Cubic> cubic = merged(run, i, j, tolerance);
            if (!cubic) break;
            fewest[j] = fewest[i] + 1, from[j] = i, last[j] = *cubic;
        }
    }
    std::vector<Cubic> out(fewest[n]);
    for (std::size_t j = n, k = out.size(); j > 0; j = from[j]) out[--k] = last[j];
    return out;
}

}  // namespace tarikh::pdf
