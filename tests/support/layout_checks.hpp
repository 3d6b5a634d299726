// Geometry checks shared by layout tests, run on the boxes --layout-json reports.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "layout/chart_layout.hpp"

namespace tarikh::testing {

inline std::vector<Box> boxes_of(const Layout& layout, const std::string& kind) {
    std::vector<Box> out;
    for (const auto& b : layout.boxes)
        if (box_kind_name(b.kind) == kind) out.push_back(b.box);
    return out;
}

// Pairs of overlapping boxes between `a` and `b` (or within `a` when b is null); a sweep
// over x keeps this fast for thousands of boxes.
inline size_t count_overlaps(const std::vector<Box>& a, const std::vector<Box>* b = nullptr) {
    struct Entry { Box box; int set; };
    std::vector<Entry> all;
    for (const auto& box : a) all.push_back({box, 0});
    if (b) for (const auto& box : *b) all.push_back({box, 1});
    std::sort(all.begin(), all.end(), [](const Entry& l, const Entry& r) { return l.box.x < r.box.x; });
    size_t count = 0;
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = i + 1; j < all.size() && all[j].box.x < all[i].box.right(); ++j) {
            bool relevant = b ? all[i].set != all[j].set : true;
            if (relevant && overlaps(all[i].box, all[j].box)) ++count;
        }
    return count;
}

// How many boxes of `kind` each event has.
inline std::map<std::string, int> per_event(const Layout& layout, const std::string& kind) {
    std::map<std::string, int> counts;
    for (const auto& b : layout.boxes)
        if (box_kind_name(b.kind) == kind) ++counts[b.event];
    return counts;
}

// The layout's promises: no label over another or over a marker, every event drawn once.
inline void check_promises(const Timeline& t, const Layout& layout) {
    auto labels = boxes_of(layout, "label");
    auto links = boxes_of(layout, "link");
    labels.insert(labels.end(), links.begin(), links.end());
    auto markers = boxes_of(layout, "marker");
    CHECK(count_overlaps(labels) == 0);
    CHECK(count_overlaps(labels, &markers) == 0);
    auto label_count = per_event(layout, "label");
    auto marker_count = per_event(layout, "marker");
    size_t once = 0;
    for (const auto& e : t.events) once += label_count[e.id] == 1 && marker_count[e.id] == 1;
    CHECK(once == t.events.size());
    CHECK(labels.size() == t.events.size() + links.size());
}

}  // namespace tarikh::testing
