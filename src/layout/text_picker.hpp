// Picking an edition's text from a localized field, warning once where a translation is missing.
#pragma once
#include <set>
#include <string>

#include "core/diagnostic.hpp"
#include "model/timeline.hpp"

namespace tarikh {

class TextPicker {
public:
    TextPicker(const Timeline& timeline, Diagnostics& diagnostics) : timeline_(timeline), diagnostics_(diagnostics) {}

    // The text in `lang`; else the document's first language's, with a warning naming `pointer`.
    std::string operator()(const LocalizedText& text, const std::string& lang, const std::string& pointer);

private:
    const Timeline& timeline_;
    Diagnostics& diagnostics_;
    std::set<std::string> warned_;
};

}  // namespace tarikh
