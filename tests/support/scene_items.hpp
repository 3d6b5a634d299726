// Walking a scene's items: structure groups (a heading, a section, the document) wrap most of
// them, so a test looking for a text or a linked group looks inside groups too.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "scene/scene.hpp"

namespace tarikh::testing {

// Every item of `items` and of the groups among them, depth first, in scene order.
template <typename Visit>
void each_item(const std::vector<Item>& items, Visit&& visit) {
    for (const auto& item : items) {
        visit(item);
        if (const auto* g = as_group(item)) each_item(g->items, visit);
    }
}

// The text items among `items`, inside groups too, in scene order.
inline std::vector<const TextItem*> text_items(const std::vector<Item>& items) {
    std::vector<const TextItem*> out;
    each_item(items, [&](const Item& item) {
        if (const auto* t = std::get_if<TextItem>(&item)) out.push_back(t);
    });
    return out;
}

// Each text item's words in the scene's order, its runs joined in logical order (by offset).
inline std::vector<std::string> texts_in_order(const Scene& scene) {
    std::vector<std::string> out;
    for (const auto& page : scene.pages)
        for (const TextItem* text : text_items(page.items)) {
            std::vector<GlyphRun> runs = text->runs;
            std::sort(runs.begin(), runs.end(), [](const GlyphRun& x, const GlyphRun& y) { return x.offset < y.offset; });
            std::string all;
            for (const auto& run : runs) all += run.text;
            out.push_back(all);
        }
    return out;
}

}  // namespace tarikh::testing
