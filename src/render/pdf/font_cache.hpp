// What the PDFs of one renderer keep of their fonts from one document to the next, so that a
// batch's files do not do again what the last one did: each font file read by HarfBuzz once
// (the file mapped, and the tables the subsetter loads from it on first use), and each font
// program (a subset, deflated) made once for a set of glyphs: the files of a batch mostly
// subset a font to the same glyphs (headings, legend, digits), and subsetting and deflating is
// most of a small PDF's time. One thread's, as its renderer is: no lock.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

typedef struct hb_blob_t hb_blob_t;
typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;

namespace tarikh::pdf {

// A font file's face and a font of it, as HarfBuzz read them.
struct FontFace {
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    FontFace() = default;
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;
    ~FontFace();
};

// A font's program as embedded: its subset, deflated, and its length unpacked.
struct FontProgram {
    std::string packed;
    std::size_t length = 0;
    bool bare_cff = false;  // a bare CFF table, its glyphs renumbered (CIDs that are glyph ids)
};

// What a program is made of: the font, the glyphs it keeps, and those of them kept without
// their outlines (shown as text nobody sees).
struct ProgramKey {
    std::shared_ptr<const FontFace> font;  // held: its address is never another font's
    std::vector<std::uint32_t> glyphs, unseen;
    bool operator<(const ProgramKey& o) const { return std::tie(font, glyphs, unseen) < std::tie(o.font, o.glyphs, o.unseen); }
};

class FontCache {
public:
    // Face `index` of `file`, the same while the file is (its device, inode, size and time of
    // change); nullptr when it is not a regular file that can be read.
    std::shared_ptr<const FontFace> face(const std::string& file, int index);
    // The program `make` gives for `key`, made the first time it is asked for; valid until the
    // next call.
    const FontProgram& program(ProgramKey key, const std::function<FontProgram()>& make);
    // `text` deflated (a font's ToUnicode map: the same glyphs mostly say the same from one
    // file to the next); valid until the next call.
    const std::string& deflated(const std::string& text);

private:
    struct FileKey {
        std::string file;
        int index;
        std::uint64_t device, inode;
        long long size, changed_ns;
        bool operator<(const FileKey& o) const {
            return std::tie(file, index, device, inode, size, changed_ns) <
                   std::tie(o.file, o.index, o.device, o.inode, o.size, o.changed_ns);
        }
    };
    std::map<FileKey, std::shared_ptr<const FontFace>> faces_;
    std::map<ProgramKey, FontProgram> programs_;
    std::size_t program_bytes_ = 0;
    FontProgram unkept_;  // the last program too large to keep
    std::map<std::string, std::string> deflated_;  // text: its bytes deflated
    std::size_t deflated_bytes_ = 0;  // of the texts kept
    std::string unkept_deflated_;     // the last text too large to keep, deflated
};

}  // namespace tarikh::pdf
