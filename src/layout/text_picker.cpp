#include "layout/text_picker.hpp"

namespace tarikh {

std::string TextPicker::operator()(const LocalizedText& text, const std::string& lang, const std::string& pointer) {
    if (text.empty()) return {};
    for (const auto& [tag, value] : text.values)
        if (tag == lang || tag == "*") return value;
    const std::string* fallback = text.find(timeline_.first_language());
    std::string used = text.values.front().first;
    for (const auto& [tag, value] : text.values)
        if (&value == fallback) used = tag;
    if (noted_.insert(lang + pointer).second) {
        Missing& missing = missing_[lang];
        missing.pointers.push_back(pointer);
        if (missing.shown.empty()) missing.shown = used;
    }
    return *fallback;
}

void TextPicker::report() {
    for (auto& [lang, missing] : missing_) {
        const auto& pointers = missing.pointers;
        Diagnostic warning{Severity::warning, "", 0, 0, pointers.front(),
                           "no \"" + lang + "\" text, showing the \"" + missing.shown + "\" one", {}};
        if (pointers.size() > 1) {
            std::string listed;
            for (size_t i = 0; i < pointers.size() && i < kMostListed; ++i) listed += (i ? ", " : "") + pointers[i];
            if (pointers.size() > kMostListed) listed += " and " + std::to_string(pointers.size() - kMostListed) + " more";
            warning.pointer.clear();
            warning.message = "no \"" + lang + "\" text for " + std::to_string(pointers.size()) + " fields, showing the \"" +
                              missing.shown + "\" ones: " + listed;
        }
        if (missing.reported && *missing.reported < diagnostics_.size())
            diagnostics_[*missing.reported] = std::move(warning);
        else {
            missing.reported = diagnostics_.size();
            diagnostics_.push_back(std::move(warning));
        }
    }
}

}  // namespace tarikh
