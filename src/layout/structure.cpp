#include "layout/structure.hpp"

#include <optional>

namespace tarikh {

Group role_group(Role role, std::vector<Item> items, int level, std::string lang) {
    Group g;
    g.role = role;
    g.level = level;
    g.lang = std::move(lang);
    g.items = std::move(items);
    // An element whose text is all in another language than the document's says so itself (a
    // figure is read by its alt, in the edition's words).
    if (g.lang.empty() && role != Role::none && role != Role::artifact && role != Role::document && role != Role::figure) {
        std::optional<std::string> texts;  // the language its text items share
        for (const Item& item : g.items)
            if (const auto* text = std::get_if<TextItem>(&item)) {
                if (texts && *texts != text->lang) return g;
                texts = text->lang;
            }
        if (texts) g.lang = *texts;
    }
    return g;
}

void StructureBuilder::begin_page(std::vector<Item>& page) {
    page_ = &page;
    for (Group& g : carried_) {
        g.continued = true;
        open_.push_back(std::move(g));
    }
    carried_.clear();
}

void StructureBuilder::end_page() {
    for (const Group& g : open_) carried_.push_back(role_group(g.role, {}, g.level, g.lang));
    close_to(0);
    page_ = nullptr;
}

void StructureBuilder::open(Role role, int level, std::string lang) { open_.push_back(role_group(role, {}, level, std::move(lang))); }

void StructureBuilder::close() {
    Group g = std::move(open_.back());
    open_.pop_back();
    // An element a page break left nothing of on this page (an event that ended with the last
    // page) is not there at all.
    if (g.items.empty()) return;
    add(std::move(g));
}

void StructureBuilder::close_to(size_t depth) {
    while (open_.size() > depth) close();
}

void StructureBuilder::add(Item item) {
    if (open_.empty()) page_->push_back(std::move(item));
    else open_.back().items.push_back(std::move(item));
}

void figure_alts(const std::vector<Item>& items, std::string& out, const std::string& separator) {
    for (const auto& item : items) {
        const auto* g = as_group(item);
        if (!g) continue;
        if (g->role == Role::figure) out += (out.empty() ? "" : separator) + g->alt;
        else figure_alts(g->items, out, separator);
    }
}

void read_as_figure(std::vector<Page>& pages, const std::string& alt) {
    for (size_t n = 0; n < pages.size(); ++n) {
        std::vector<Item>& items = pages[n].items;
        std::vector<Item> kept, drawn;
        for (size_t i = 0; i < items.size(); ++i) {
            const auto* g = as_group(items[i]);
            bool furniture = i == 0 || (g && g->role == Role::artifact);
            (furniture ? kept : drawn).push_back(std::move(items[i]));
        }
        Group figure = role_group(Role::figure, std::move(drawn));
        figure.alt = alt;
        figure.continued = n > 0;
        Group document = role_group(Role::document, {std::move(figure)});
        document.continued = n > 0;
        // After the paper, before the furniture that is drawn over the strips.
        kept.insert(kept.begin() + (kept.empty() ? 0 : 1), std::move(document));
        items = std::move(kept);
    }
}

}  // namespace tarikh
