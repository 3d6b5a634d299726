#include "text/font_sets.hpp"

#include <algorithm>

namespace tarikh {

FontSets::FontSets(const std::string& folder) : base_(FontSet{{folder}, {}}) {}

FontSets::Loaded& FontSets::fonts_for(const std::vector<std::string>& folders, const std::vector<std::string>& files) {
    if (folders.empty() && files.empty()) return base_;
    FontSet set{{base_.database.folder()}, files};
    set.folders.insert(set.folders.end(), folders.begin(), folders.end());
    auto found = std::find_if(more_.begin(), more_.end(), [&](const auto& loaded) { return loaded->database.set() == set; });
    if (found != more_.end()) {
        std::rotate(found, found + 1, more_.end());
    } else {
        auto loaded = std::make_unique<Loaded>(std::move(set));  // may throw: nothing is dropped then
        ++loads_;
        if (more_.size() >= kKept) more_.erase(more_.begin());
        more_.push_back(std::move(loaded));
    }
    return *more_.back();
}

}  // namespace tarikh
