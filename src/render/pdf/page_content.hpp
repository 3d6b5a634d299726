// One page's content stream: the scene's items as PDF operators in px (the page's matrix turns
// px into points, y down), glyphs placed where the scene puts them, marked content for the
// structure tree, and where the links are.
#pragma once
#include <string>
#include <vector>

#include "render/pdf/pdf_fonts.hpp"
#include "render/pdf/structure.hpp"
#include "scene/scene.hpp"

namespace tarikh::pdf {

struct LinkArea {
    Box box;  // on the page, px
    std::string url;
    int element = -1;  // its Link structure element; -1 in an artifact
};

struct PageContent {
    std::string stream;     // uncompressed operators
    std::string resources;  // the page's /Resources dictionary
    std::vector<LinkArea> links;
};

// The page's content, tagged: each item's marked content belongs to the element of the group
// around it (Structure::begin_page called for this page), page furniture and shapes outside a
// figure are artifacts.
PageContent page_content(const Page& page, Fonts& fonts, Structure& structure);

}  // namespace tarikh::pdf
