// Picking an edition's text from a localized field, with one warning for the fields an
// edition lacks.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/timeline.hpp"

namespace tarikh {

class TextPicker {
public:
    static constexpr size_t kMostListed = 10;  // fields named in the warning; the rest are counted

    TextPicker(const Timeline& timeline, Diagnostics& diagnostics) : timeline_(timeline), diagnostics_(diagnostics) {}

    // The text in `lang`; else the document's first language's, noting `pointer` for report().
    std::string operator()(const LocalizedText& text, const std::string& lang, const std::string& pointer);
    // One warning a language that lacked texts, naming the fields: after the layout (again
    // after text added to a finished one: the warning is brought up to date, not repeated).
    void report();

private:
    struct Missing {
        std::vector<std::string> pointers;
        std::string shown;  // the language shown instead
        std::optional<size_t> reported;  // the warning's place in the diagnostics
    };
    const Timeline& timeline_;
    Diagnostics& diagnostics_;
    std::set<std::string> noted_;  // language + pointer
    std::map<std::string, Missing> missing_;  // by language
};

}  // namespace tarikh
