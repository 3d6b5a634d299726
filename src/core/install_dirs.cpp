#include "core/install_dirs.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

namespace tarikh {
namespace {

namespace fs = std::filesystem;

// The folder of the file (libtarikh.so, or a program it is linked into) holding this code.
fs::path library_folder() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&library_folder), &info) == 0 || !info.dli_fname) return {};
    std::error_code ec;
    fs::path file = fs::canonical(info.dli_fname, ec);
    return ec ? fs::path() : file.parent_path();
}

// Compared by path, never by what exists: an installed copy must not find the build tree.
bool in_build_tree() {
    std::error_code ec;
    fs::path built = fs::weakly_canonical(TARIKH_BUILD_LIB_DIR, ec);
    return !ec && library_folder() == built;
}

}  // namespace

std::string default_font_folder() {
    if (const char* env = std::getenv("TARIKH_FONT_DIR"); env && *env) return env;
    if (in_build_tree()) return TARIKH_SOURCE_FONT_DIR;
    return (library_folder().parent_path() / "share" / "tarikh" / "fonts").string();
}

std::string module_path(const std::string& name) {
    if (const char* dir = std::getenv("TARIKH_MODULE_DIR"); dir && *dir) return (fs::path(dir) / name).string();
    if (in_build_tree()) return (fs::path(TARIKH_BUILD_MODULE_DIR) / name).string();
    return (library_folder() / "tarikh" / name).string();
}

}  // namespace tarikh
