// A tagged PDF's logical structure, from the scene's roles: structure elements in reading
// order (Document, Sect, H1–H6, P, BlockQuote, L/LI/LBody, Figure with /Alt, Caption, Link),
// the marked content of each page that belongs to them, and the ParentTree that leads back.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "render/pdf/pdf_file.hpp"
#include "scene/scene.hpp"

namespace tarikh::pdf {

class Structure {
public:
    explicit Structure(File& file);

    // The Document element every page's content belongs to at the least.
    static constexpr int kRoot = 0;
    // A new element for a group of `role` (not none nor artifact) under `parent`; returns where
    // its content goes (an LI's is its LBody).
    int open(int parent, const Group& group);
    // A Link element under `parent`, for a linked group.
    int open_link(int parent, const std::string& url);
    // The structure type of an element's content (P, H2…), for its marked content's tag.
    const std::string& type(int element) const { return elements_[static_cast<size_t>(element)].type; }
    bool is_figure(int element) const { return type(element) == "Figure"; }

    // Starts a page: its key in the ParentTree (the page's /StructParents).
    int begin_page(int page_object);
    // A marked-content id on the current page, for `element`'s content.
    int mark(int element);
    // A link annotation on the current page as the content of the Link `element`; returns its
    // /StructParent.
    int annotation(int element, int annotation_object);

    // Writes the tree; returns the StructTreeRoot's object number.
    int write();

private:
    struct Kid {
        int element = -1;  // a child element, or
        int page = 0, mcid = -1, object = 0;  // marked content on a page, or an annotation (object)
    };
    struct Element {
        std::string type, lang, alt;
        int parent = -1, object = 0;
        std::vector<Kid> kids;
    };
    int add(int parent, std::string type);

    File& file_;
    int root_object_;
    std::deque<Element> elements_;  // a deque: a long document's never copied whole as it grows
    int page_ = 0;  // the current page's object
    std::vector<std::vector<int>> parents_;  // by ParentTree key: a page's elements by MCID, or an annotation's
    std::vector<bool> is_page_;
};

}  // namespace tarikh::pdf
