// A colour, on its own: the model and the scene both use it, and the scene sees no more of
// the model than this.
#pragma once

namespace tarikh {

// sRGB with alpha, as "#rrggbb" or "#rrggbbaa" in a file.
struct Color {
    unsigned char r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

}  // namespace tarikh
