// The "radial" layout (--layout radial): time around a ring, for cyclic stories (a day, a
// year), clockwise from the top (counter-clockwise in Arabic), labels in two columns beside
// the ring with leaders to their markers, never overlapping.
#pragma once
#include "layout/phrases.hpp"
#include <optional>
#include <string>

#include "layout/layout.hpp"
#include "layout/theme.hpp"
#include "layout/time_scale.hpp"
#include "model/timeline.hpp"
#include "text/shaper.hpp"

namespace tarikh {

struct RadialOptions {
    std::string lang{};
    std::string calendar{};
    ScaleKind scale = ScaleKind::chronological;  // chronological or sequential; others read as chronological
    Theme theme{};  // colours, sizes and spacing: the default look unless given
    // The page's width in px (--width): the ring and its two columns share it. Absent: as
    // wide as the ring and full-width labels need.
    std::optional<double> width{};
    Wording wording{};  // the words' catalogue and digits
};

Layout layout_radial(const Timeline& timeline, const RadialOptions& options, Shaper& shaper);

}  // namespace tarikh
