// Characters no font in fonts/ has, gathered while shaping, reported once for a layout.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "text/shaper.hpp"

namespace tarikh {

class MissingGlyphs {
public:
    void note(const ShapedText& shaped);
    // One warning naming every such character ("U+1F525 (🔥)"); each was drawn as U+FFFD.
    void report(Diagnostics& diagnostics) const;

private:
    std::vector<std::string> chars_;  // in order of appearance
};

}  // namespace tarikh
