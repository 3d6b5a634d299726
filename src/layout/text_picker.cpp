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
    if (warned_.insert(lang + pointer).second && warned_.size() <= most_)
        diagnostics_.push_back({Severity::warning, "", 0, 0, pointer,
                                "no \"" + lang + "\" text, showing the \"" + used + "\" one", {}});
    return *fallback;
}

void TextPicker::report_not_shown() const {
    if (warned_.size() <= most_) return;
    size_t not_shown = warned_.size() - most_;
    diagnostics_.push_back({Severity::warning, "", 0, 0, "",
                            std::to_string(not_shown) + " more warning" + (not_shown == 1 ? "" : "s") + " not shown", {}});
}

}  // namespace tarikh
