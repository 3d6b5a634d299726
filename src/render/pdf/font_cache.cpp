#include "render/pdf/font_cache.hpp"

#include <sys/stat.h>

#include <hb.h>

#include "render/pdf/pdf_file.hpp"

namespace tarikh::pdf {
namespace {

// A document's fonts are a few files; a long-lived renderer that met many lets go of those no
// document holds now.
constexpr std::size_t kKeptFiles = 32;
// Programs kept, in deflated bytes: a batch's few fonts at their usual glyphs fit many times
// over (~30 KB a file here); a program of more than an eighth of it (a CJK font's large
// subsets) is made again rather than hoarded.
constexpr std::size_t kKeptProgramBytes = std::size_t{8} << 20;
// ToUnicode maps kept, counted by their text (a map deflates to about a third): ~1.5 KB a font
// here; a map of more than an eighth of it (a CJK font's thousands of glyphs) is deflated again.
constexpr std::size_t kKeptDeflatedBytes = std::size_t{4} << 20;

bool same_file(const struct stat& a, const struct stat& b) {
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
           a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

}  // namespace

FontFace::~FontFace() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
}

std::shared_ptr<const FontFace> FontCache::face(const std::string& file, int index) {
    struct stat before {};
    // Not a FIFO or a device: reading one could hang or never end.
    if (::stat(file.c_str(), &before) != 0 || !S_ISREG(before.st_mode)) return nullptr;
    const FileKey key{file,
                      index,
                      static_cast<std::uint64_t>(before.st_dev),
                      static_cast<std::uint64_t>(before.st_ino),
                      static_cast<long long>(before.st_size),
                      static_cast<long long>(before.st_ctim.tv_sec) * 1000000000LL + before.st_ctim.tv_nsec};
    if (auto it = faces_.find(key); it != faces_.end()) return it->second;
    auto made = std::make_shared<FontFace>();
    made->blob = hb_blob_create_from_file_or_fail(file.c_str());
    if (!made->blob) return nullptr;
    made->face = hb_face_create(made->blob, static_cast<unsigned>(index));
    made->font = hb_font_create(made->face);
    // Changed while it was read: this document has it as it was read; the next reads it again.
    struct stat after {};
    if (::stat(file.c_str(), &after) != 0 || !same_file(before, after)) return made;
    if (faces_.size() >= kKeptFiles)
        for (auto it = faces_.begin(); it != faces_.end();) it = it->second.use_count() == 1 ? faces_.erase(it) : std::next(it);
    faces_.emplace(key, made);
    return made;
}

const FontProgram& FontCache::program(ProgramKey key, const std::function<FontProgram()>& make) {
    if (auto it = programs_.find(key); it != programs_.end()) return it->second;
    FontProgram made = make();
    if (made.packed.size() > kKeptProgramBytes / 8) return unkept_ = std::move(made);
    if (program_bytes_ + made.packed.size() > kKeptProgramBytes) {
        programs_.clear();
        program_bytes_ = 0;
    }
    program_bytes_ += made.packed.size();
    return programs_.emplace(std::move(key), std::move(made)).first->second;
}

const std::string& FontCache::deflated(const std::string& text) {
    if (auto it = deflated_.find(text); it != deflated_.end()) return it->second;
    if (text.size() > kKeptDeflatedBytes / 8) return unkept_deflated_ = deflate(text);
    if (deflated_bytes_ + text.size() > kKeptDeflatedBytes) {
        deflated_.clear();
        deflated_bytes_ = 0;
    }
    deflated_bytes_ += text.size();
    return deflated_.emplace(text, deflate(text)).first->second;
}

}  // namespace tarikh::pdf
