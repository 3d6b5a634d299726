// A segmented chart (--segment): small multiples, one panel per era, month or year, each
// with its own axis, stacked under the document's title.
#pragma once
#include "layout/chart_layout.hpp"

namespace tarikh {

enum class SegmentKind { none, era, month, year };

// The panels laid out by layout_chart, each over its window, composed onto one page. Events
// belong to the panel where they start; months and years without events get no panel.
Layout layout_segmented(const Timeline& timeline, const LayoutOptions& options, SegmentKind kind, Shaper& shaper);

}  // namespace tarikh
