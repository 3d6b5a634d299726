// The "chronicle" layout: the story as a paginated, vertical chronology with each event's
// full narrative, in one language or two side by side.
#pragma once
#include "layout/phrases.hpp"
#include <tarikh/options.hpp>
#include <functional>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "model/timeline.hpp"
#include "text/shaper.hpp"
#include "layout/page_setup.hpp"
#include "layout/theme.hpp"

namespace tarikh {

struct ChronicleOptions {
    std::vector<std::string> languages;  // one edition, or two columns (the second on the right)
    PageSetup page = *page_setup("A4", false);
    std::string calendar{};  // dates shown in ("gregorian+persian"): empty: the file's "calendar", else the locale's
    Theme theme{};  // colours, sizes and spacing: the default look unless given
    Wording wording{};  // the words' catalogue and digits
    Aggregation aggregate{};  // events counted in one paragraph per period and lane (--aggregate)
    // When given, each page is handed to it as soon as it is drawn, with how many pages there
    // are, and not kept in the scene, nor its boxes (a 100,000-event chronicle written as it is laid out);
    // false from it: no more pages are drawn.
    std::function<bool(Page& page, size_t pages)> page_sink{};
    // Bytes of rows' glyphs held from composing until their pages are drawn; past it, rows are
    // shaped again when drawn (RowGlyphs): a long chronicle's memory, for a second shaping.
    size_t glyph_budget = size_t{32} << 20;
};

Layout layout_chronicle(const Timeline& timeline, const ChronicleOptions& options, Shaper& shaper);

}  // namespace tarikh
