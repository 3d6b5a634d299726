// Picking an edition's text from a localized field, warning once where a translation is missing.
#pragma once
#include <set>
#include <string>

#include "core/diagnostic.hpp"
#include "model/timeline.hpp"

namespace tarikh {

// Past the first `most` warnings, missing texts are counted, not listed, as parse does with
// its warnings: a file of 20,000 untranslated titles gives a hundred lines and a sum.
class TextPicker {
public:
    static constexpr size_t kMostWarnings = 100;  // parse's default max_diagnostics

    TextPicker(const Timeline& timeline, Diagnostics& diagnostics, size_t most = kMostWarnings)
        : timeline_(timeline), diagnostics_(diagnostics), most_(most) {}

    // The text in `lang`; else the document's first language's, with a warning naming `pointer`.
    std::string operator()(const LocalizedText& text, const std::string& lang, const std::string& pointer);
    // "N more warnings not shown", if the limit left any out: once, after the layout.
    void report_not_shown() const;

private:
    const Timeline& timeline_;
    Diagnostics& diagnostics_;
    const size_t most_;
    std::set<std::string> warned_;
};

}  // namespace tarikh
