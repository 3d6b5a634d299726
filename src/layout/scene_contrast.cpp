#include "layout/scene_contrast.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "layout/contrast.hpp"

namespace tarikh {
namespace {

// Where a group shows its items: at offset + scale × their position, inside clip.
struct Placement {
    Point offset;
    double scale = 1;
    std::optional<Box> clip;

    Point at(Point p) const { return {offset.x + scale * p.x, offset.y + scale * p.y}; }
    bool shows(Point p) const { return !clip || (p.x >= clip->x && p.x <= clip->right() && p.y >= clip->y && p.y <= clip->bottom()); }
    Placement inside(const Group& g) const {
        Placement in{at(g.offset), scale * g.scale, clip};
        if (g.clip) {
            if (!clip) {
                in.clip = g.clip;
            } else {
                double x = std::max(clip->x, g.clip->x), y = std::max(clip->y, g.clip->y);
                in.clip = Box{x, y, std::max(0.0, std::min(clip->right(), g.clip->right()) - x),
                              std::max(0.0, std::min(clip->bottom(), g.clip->bottom()) - y)};
            }
        }
        return in;
    }
};

// A filled rect or circle, in page coordinates.
struct Fill {
    Box bounds;
    bool circle = false;
    Color color;
    Placement placement;  // for its clip

    bool covers(Point p) const {
        if (!placement.shows(p)) return false;
        if (!circle) return p.x >= bounds.x && p.x < bounds.right() && p.y >= bounds.y && p.y < bounds.bottom();
        double r = bounds.width / 2, dx = p.x - (bounds.x + r), dy = p.y - (bounds.y + r);
        return dx * dx + dy * dy <= r * r;
    }
};

struct Text {
    const TextItem* item;
    Placement placement;
    size_t fills_before;  // the fills painted before it: those are behind it
};

struct Painted {
    std::vector<Fill> fills;
    std::vector<Text> texts;
};

void collect(const std::vector<Item>& items, const Placement& placement, Painted& out) {
    for (const auto& item : items) {
        if (const auto* rect = std::get_if<RectItem>(&item)) {
            if (!rect->fill) continue;
            Point a = placement.at({rect->box.x, rect->box.y});
            out.fills.push_back({{a.x, a.y, rect->box.width * placement.scale, rect->box.height * placement.scale}, false,
                                 *rect->fill, placement});
        } else if (const auto* circle = std::get_if<CircleItem>(&item)) {
            if (!circle->fill) continue;
            Point c = placement.at(circle->center);
            double r = circle->radius * placement.scale;
            out.fills.push_back({{c.x - r, c.y - r, 2 * r, 2 * r}, true, *circle->fill, placement});
        } else if (const auto* text = std::get_if<TextItem>(&item)) {
            out.texts.push_back({text, placement, out.fills.size()});
        } else if (const auto* group = as_group(item)) {
            collect(group->items, placement.inside(*group), out);
        }
    }
}

// The fills by the squares of a grid they touch, so that a glyph looks only at those near
// it; a fill over very many squares (the paper, a band over a tall page) is looked at always.
class FillIndex {
public:
    explicit FillIndex(const std::vector<Fill>& fills) {
        for (size_t i = 0; i < fills.size(); ++i) {
            const Box& b = fills[i].bounds;
            std::int64_t x0 = cell(b.x), x1 = cell(b.right()), y0 = cell(b.y), y1 = cell(b.bottom());
            if ((x1 - x0 + 1) * (y1 - y0 + 1) > kMaxCells) {
                everywhere_.push_back(i);
                continue;
            }
            for (std::int64_t y = y0; y <= y1; ++y)
                for (std::int64_t x = x0; x <= x1; ++x) cells_[key(x, y)].push_back(i);
        }
    }

    // Indices of the fills that may cover `p`, in paint order.
    void near(Point p, std::vector<size_t>& out) const {
        out = everywhere_;
        if (auto found = cells_.find(key(cell(p.x), cell(p.y))); found != cells_.end())
            out.insert(out.end(), found->second.begin(), found->second.end());
        std::sort(out.begin(), out.end());
    }

private:
    static constexpr double kCell = 64;
    static constexpr std::int64_t kMaxCells = 1024;
    static std::int64_t cell(double v) { return static_cast<std::int64_t>(std::floor(std::clamp(v, -1e9, 1e9) / kCell)); }
    static std::int64_t key(std::int64_t x, std::int64_t y) { return (x << 32) ^ (y & 0xffffffff); }

    std::vector<size_t> everywhere_;
    std::unordered_map<std::int64_t, std::vector<size_t>> cells_;
};

// Points inside a glyph drawn at `pen` (its baseline) at `size`: low, middle and high in
// its body, a quarter em in from its start.
std::array<Point, 3> glyph_points(Point pen, double size) {
    double x = pen.x + 0.25 * size;
    return {{{x, pen.y - 0.15 * size}, {x, pen.y - 0.45 * size}, {x, pen.y - 0.7 * size}}};
}

double page_min_contrast(const Page& page, Color paper) {
    Painted painted;
    collect(page.items, {}, painted);
    FillIndex index(painted.fills);
    double lowest = 21;
    std::vector<size_t> near;
    for (const Text& text : painted.texts) {
        const TextItem& item = *text.item;
        for (const GlyphRun& run : item.runs)
            for (const Glyph& glyph : run.glyphs)
                for (Point local : glyph_points({item.origin.x + glyph.x, item.origin.y + glyph.y}, run.size)) {
                    Point p = text.placement.at(local);
                    if (!text.placement.shows(p)) continue;  // clipped away: not drawn
                    Color behind = paper;
                    behind.a = 255;
                    index.near(p, near);
                    for (size_t f : near)
                        if (f < text.fills_before && painted.fills[f].covers(p)) behind = over(painted.fills[f].color, behind);
                    lowest = std::min(lowest, contrast_ratio(over(item.color, behind), behind));
                }
    }
    return lowest;
}

}  // namespace

double min_text_contrast(const Scene& scene, Color paper) {
    double lowest = 21;
    for (const Page& page : scene.pages) lowest = std::min(lowest, page_min_contrast(page, paper));
    return lowest;
}

}  // namespace tarikh
