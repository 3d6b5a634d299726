// Characters no loaded font has, gathered while shaping, reported once for a layout.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "text/shaper.hpp"

namespace tarikh {

class MissingGlyphs {
public:
    void note(const ShapedText& shaped);
    // One warning naming every such character ("U+1F525 (🔥)"), each drawn as U+FFFD, with a
    // hint naming the installed fonts that have them, if any (Option::font_dirs).
    void report(Diagnostics& diagnostics) const;

private:
    std::vector<std::string> chars_;  // in order of appearance
};

}  // namespace tarikh
