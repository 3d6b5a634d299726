// The "chart" layout: a horizontal time axis, one band per lane, labelled markers.
#pragma once
#include "layout/phrases.hpp"
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tarikh/options.hpp>

#include "layout/layout.hpp"
#include "layout/theme.hpp"
#include "layout/time_scale.hpp"
#include "model/timeline.hpp"
#include "text/shaper.hpp"

namespace tarikh {

struct LayoutOptions {
    std::string lang{};      // the edition; empty: the document's first language
    std::string calendar{};  // dates shown in ("gregorian+persian"): empty: the file's "calendar", else the locale's
    ScaleKind scale = ScaleKind::chronological;  // how time maps onto the axis (--scale)
    bool unified = false;  // every lane in one band, told apart by colour (--facet none)
    // One panel of a segmented chart: only the events starting in [first, second), on an axis
    // spanning that window, under `heading` instead of the title; the legend only if asked.
    std::optional<std::pair<Instant, Instant>> window{};
    std::optional<std::string> heading{};
    bool legend = true;
    Theme theme{};  // colours, sizes and spacing: the default look unless given
    // The page's width in px (--width): the plot fills it and every text wraps to fit it.
    // Absent: as wide as the labels need.
    std::optional<double> width{};
    Wording wording{};  // the words' catalogue and digits
    Aggregation aggregate{};  // lanes drawn as a density band (--aggregate)
};

Layout layout_chart(const Timeline& timeline, const LayoutOptions& options, Shaper& shaper);

}  // namespace tarikh
