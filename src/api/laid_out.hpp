// What a LaidOut holds: the layout itself, for the library's own writers and tests.
#pragma once
#include <tarikh/tarikh.hpp>

#include <optional>
#include <string>

#include "layout/layout.hpp"
#include "layout/theme.hpp"

namespace tarikh {

struct LaidOut::Impl {
    Layout layout;
    double seconds = 0;
    Theme theme;  // the one it was laid out with
    bool reports = true;  // false: its boxes, leaders and notes were let go (RenderOptions::keep_reports)
};

// Why a report (or an HTML page) cannot be made of `layout`, if it cannot.
inline std::optional<std::string> reports_gone(const LaidOut::Impl& layout) {
    if (layout.reports) return std::nullopt;
    return "this layout let its boxes and notes go (RenderOptions::keep_reports is false): lay it out again";
}

}  // namespace tarikh
