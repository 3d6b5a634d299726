// A font file opened through HarfBuzz for a test, closed when the test is done with it.
#pragma once
#include <hb.h>

#include "scene/scene.hpp"

namespace tarikh::testing {

class TestFont {
public:
    explicit TestFont(const FontRef& font)
        : blob_(hb_blob_create_from_file(font.file().c_str())),
          face_(hb_face_create(blob_, static_cast<unsigned>(font.index()))),
          font_(hb_font_create(face_)) {}
    ~TestFont() {
        hb_font_destroy(font_);
        hb_face_destroy(face_);
        hb_blob_destroy(blob_);
    }
    TestFont(const TestFont&) = delete;
    TestFont& operator=(const TestFont&) = delete;

    // At the font's own scale (units per em).
    hb_font_t* hb() const { return font_; }

private:
    hb_blob_t* blob_;
    hb_face_t* face_;
    hb_font_t* font_;
};

}  // namespace tarikh::testing
