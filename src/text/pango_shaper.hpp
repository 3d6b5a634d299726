// Shaping through Pango (HarfBuzz + fribidi) with the fonts of a FontDatabase.
#pragma once
#include <memory>

#include "text/font_database.hpp"
#include "text/shaper.hpp"

typedef struct _PangoContext PangoContext;

namespace tarikh {

class PangoShaper : public Shaper {
public:
    explicit PangoShaper(const FontDatabase& fonts);
    ~PangoShaper() override;
    ShapedText shape(const std::string& text, const TextStyle& style) override;

private:
    ShapedText shape_once(const std::string& text, const TextStyle& style);
    PangoContext* context_ = nullptr;
};

}  // namespace tarikh
