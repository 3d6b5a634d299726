// What a LaidOut holds: the layout itself, for the library's own writers and tests.
#pragma once
#include <tarikh/tarikh.hpp>

#include "layout/layout.hpp"
#include "layout/theme.hpp"

namespace tarikh {

struct LaidOut::Impl {
    Layout layout;
    double seconds = 0;
    Theme theme;  // the one it was laid out with
};

}  // namespace tarikh
