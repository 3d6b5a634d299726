#include "render/pdf/font_faces.hpp"

#include <sys/stat.h>

#include <hb.h>

#include <map>
#include <mutex>
#include <tuple>

namespace tarikh::pdf {
namespace {

// Past this many files, the ones no document holds are let go.
constexpr size_t kKeptFiles = 32;

struct Key {
    std::string file;
    int index;
    long long size, changed_ns;
    bool operator<(const Key& o) const {
        return std::tie(file, index, size, changed_ns) < std::tie(o.file, o.index, o.size, o.changed_ns);
    }
};

}  // namespace

FontFace::~FontFace() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
}

std::shared_ptr<const FontFace> font_face(const std::string& file, int index) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return nullptr;  // a FIFO would hang
    const Key key{file, index, static_cast<long long>(info.st_size),
                  static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec};
    static std::mutex mutex;
    static std::map<Key, std::shared_ptr<const FontFace>> kept;
    std::lock_guard lock(mutex);
    if (auto it = kept.find(key); it != kept.end()) return it->second;
    auto made = std::make_shared<FontFace>();
    made->blob = hb_blob_create_from_file_or_fail(file.c_str());
    if (!made->blob) return nullptr;
    made->face = hb_face_create(made->blob, static_cast<unsigned>(index));
    hb_face_make_immutable(made->face);
    made->font = hb_font_create(made->face);
    hb_font_make_immutable(made->font);
    if (kept.size() >= kKeptFiles)
        for (auto it = kept.begin(); it != kept.end();) it = it->second.use_count() == 1 ? kept.erase(it) : std::next(it);
    kept.emplace(key, made);
    return made;
}

}  // namespace tarikh::pdf
