// A page's items as nested structure groups (scene.hpp's Role) in reading order, for layouts
// that flow across pages: what a page leaves open is opened again on the next, `continued`.
#pragma once
#include <string>
#include <vector>

#include "scene/scene.hpp"

namespace tarikh {

// A group of one role around `items`.
Group role_group(Role role, std::vector<Item> items, int level = 0, std::string lang = {});

// What the figures among `items` say aloud (a segmented chart has one per panel), in order.
void figure_alts(const std::vector<Item>& items, std::string& out, const std::string& separator);

// A drawing printed across pages (a chart, a calendar) is read as one figure saying `alt`: a
// group on each page, `continued` after the first, in a document, holding all but the paper
// (the first item) and the page furniture (artifacts). Its title and legend, cut into strips
// and pages, read no better than the figure's words.
void read_as_figure(std::vector<Page>& pages, const std::string& alt);

class StructureBuilder {
public:
    // Items go to `page` from now on; the elements left open at the last page's end open again.
    void begin_page(std::vector<Item>& page);
    // Closes every open element into the page, to be opened again by the next begin_page.
    void end_page();

    void open(Role role, int level = 0, std::string lang = {});
    void close();                   // the innermost element
    void close_to(size_t depth);    // until `depth` elements are open
    size_t depth() const { return open_.size(); }
    Role innermost() const { return open_.empty() ? Role::none : open_.back().role; }

    void add(Item item);  // into the innermost open element, or the page

private:
    std::vector<Group> open_;
    std::vector<Group> carried_;  // roles, levels and languages of what the last page left open
    std::vector<Item>* page_ = nullptr;
};

}  // namespace tarikh
