// The "chart" layout: a horizontal time axis, one band per lane, labelled markers.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/time_scale.hpp"
#include "model/timeline.hpp"
#include "scene/scene.hpp"
#include "text/shaper.hpp"

namespace tarikh {

struct LayoutOptions {
    std::string lang{};      // the edition; empty: the document's first language
    std::string calendar{};  // dates shown in: empty: the file's "calendar"
    ScaleKind scale = ScaleKind::chronological;  // how time maps onto the axis (--scale)
    bool unified = false;  // every lane in one band, told apart by colour (--facet none)
    // One panel of a segmented chart: only the events starting in [first, second), on an axis
    // spanning that window, under `heading` instead of the title; the legend only if asked.
    std::optional<std::pair<Instant, Instant>> window{};
    std::optional<std::string> heading{};
    bool legend = true;
};

// A placed box, as --layout-json reports it (px, origin top left, pages from 1).
struct LayoutBox {
    std::string kind;   // title, subtitle, legend, lane, lane-label, era, era-label, axis, tick, marker, label, link
    std::string event;  // the event id, where the box belongs to one
    int page = 1;
    Box box;
};

// A placed line, for the quality report: "leader" from a label to its marker.
struct LayoutLine {
    std::string kind;
    std::string event;
    int page = 1;
    Point from, to;
};

struct Layout {
    Scene scene;
    std::vector<LayoutBox> boxes;
    std::vector<LayoutLine> lines;
    Diagnostics diagnostics;  // warnings: missing translations, missing glyphs
};

// Labels of one row stay this far apart (px).
inline constexpr double kChartLabelGap = 8;

// True for languages written right to left.
bool is_rtl_language(const std::string& lang);

Layout layout_chart(const Timeline& timeline, const LayoutOptions& options, Shaper& shaper);

}  // namespace tarikh
