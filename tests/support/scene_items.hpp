// Walking a scene's items: structure groups (a heading, a section, the document) wrap most of
// them, so a test looking for a text or a linked group looks inside groups too.
#pragma once
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

}  // namespace tarikh::testing
