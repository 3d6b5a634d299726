// What every layout produces: the scene, and the placed boxes and leaders that --layout-json
// and the quality report read.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "scene/scene.hpp"

namespace tarikh {

enum class BoxKind {
    title, subtitle, legend, lane, lane_label, era, era_label, axis, tick, cut, cut_label, marker, label, link,
    entry, header, footer, heading, day, month,
};

// As --layout-json spells it ("lane-label").
std::string_view box_kind_name(BoxKind kind);

// A placed box, as --layout-json reports it (px, origin top left, pages from 1).
struct LayoutBox {
    BoxKind kind;
    std::string event;  // the event id, where the box belongs to one
    int page = 1;
    Box box;
};

enum class LineKind { leader };  // from a label to its marker

// A placed line, for the quality report.
struct LayoutLine {
    LineKind kind;
    std::string event;
    int page = 1;
    Point from, to;
};

// A bar of a density band (--aggregate): its period, what it counts, where it is drawn (its
// full height in the band, also when empty).
struct LayoutBar {
    std::string lane;    // the lane's id; empty: the events without one, or every lane in one band
    std::string period;  // "Week of 17 September 2018", in the edition's words
    double value = 0;    // what its height shows
    std::size_t events = 0;
    double fatalities = 0;
    int page = 1;
    Box box;
};

struct Layout {
    Scene scene;
    std::vector<LayoutBox> boxes;
    std::vector<LayoutLine> lines;
    std::vector<LayoutBar> bars;
    Diagnostics diagnostics;  // warnings: missing translations, missing glyphs
};

// True for languages written right to left.
bool is_rtl_language(const std::string& lang);
// True for languages written in the Arabic script (Arabic, Persian, Urdu…), by ICU's likely subtags.
bool writes_arabic_script(const std::string& lang);

}  // namespace tarikh
