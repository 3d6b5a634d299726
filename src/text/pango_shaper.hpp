// Shaping through Pango (HarfBuzz + fribidi) with the fonts of a FontDatabase.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/font_database.hpp"
#include "text/shaper.hpp"

typedef struct _PangoContext PangoContext;
typedef struct _PangoFont PangoFont;

namespace tarikh {

class PangoShaper : public Shaper {
public:
    // `threads` > 1: prepare() shapes large batches on that many threads, each with its own
    // font map (Pango's are not thread-safe), made from the same fonts on first need.
    explicit PangoShaper(const FontDatabase& fonts, int threads = 1);
    ~PangoShaper() override;
    ShapedText shape(const std::string& text, const TextStyle& style) override;
    void prepare(const std::vector<ShapeRequest>& requests) override;
    void set_threads(int threads) { threads_ = threads < 1 ? 1 : threads; }
    // How many strings this shaper has shaped, its threads' included, cache hits not.
    size_t shaped() const { return shaped_; }

private:
    struct Worker;
    ShapedText shape_uncached(const std::string& text, const TextStyle& style);
    ShapedText shape_once(const std::string& text, const TextStyle& style);
    FontRef font_ref(PangoFont* font);

    PangoContext* context_ = nullptr;
    FontSet font_set_;
    int threads_ = 1;
    size_t shaped_ = 0;
    std::vector<std::unique_ptr<Worker>> workers_;
    // Shaped ahead by prepare(), handed out as many times as it was asked for (the last one
    // moved); and recent results, for the strings a layout repeats (tick labels, dates,
    // places), dropped wholesale when the map grows large.
    struct Prepared {
        ShapedText shaped;
        int uses = 0;
    };
    std::unordered_map<std::string, Prepared> prepared_;
    std::unordered_map<std::string, ShapedText> recent_;
    std::vector<FontRef> fonts_;  // every font its runs have used, shared by them
};

}  // namespace tarikh
