// A font file read by HarfBuzz once per process, not once per PDF: a batch's documents share
// the file's mapping and the tables HarfBuzz loads from it on first use (cmap, glyf, the layout
// tables the subsetter reads), which a face made for each document loaded again.
#pragma once
#include <memory>
#include <string>

typedef struct hb_blob_t hb_blob_t;
typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;

namespace tarikh::pdf {

// A font file's face and a font of it, immutable, safe to read from several threads.
struct FontFace {
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    FontFace() = default;
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;
    ~FontFace();
};

// Face `index` of `file`, shared while the file is unchanged (its size and time of change);
// nullptr when it is not a regular file that can be read. Past a few dozen files, those no
// document holds are let go.
std::shared_ptr<const FontFace> font_face(const std::string& file, int index);

}  // namespace tarikh::pdf
