// The font sets a Renderer has loaded, each with its shaper: its own folder's always, and the
// last few with more fonts (font folders, a theme's font files) — loading a set takes longer
// than laying most timelines out, and a batch asks for the same one again and again.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"

namespace tarikh {

class FontSets {
public:
    static constexpr size_t kKept = 4;  // sets besides the base one; the least recently used goes

    // Throws std::runtime_error when `folder` has no font that loads.
    explicit FontSets(const std::string& folder);

    struct Loaded {
        FontDatabase database;
        PangoShaper shaper;
        explicit Loaded(FontSet set) : database(std::move(set)), shaper(database) {}
    };

    // The base folder's fonts, then `folders`', then `files` (FontSet's order), with their
    // shaper, loaded on first use. Throws std::runtime_error naming a folder or file that does
    // not load.
    Loaded& fonts_for(const std::vector<std::string>& folders, const std::vector<std::string>& files);
    PangoShaper& shaper_for(const std::vector<std::string>& folders, const std::vector<std::string>& files) {
        return fonts_for(folders, files).shaper;
    }

    const FontDatabase& base() const { return base_.database; }
    size_t kept() const { return more_.size(); }
    size_t loads() const { return loads_; }  // sets loaded besides the base, since made

private:
    Loaded base_;
    std::vector<std::unique_ptr<Loaded>> more_;  // the most recently used last
    size_t loads_ = 0;
};

}  // namespace tarikh
