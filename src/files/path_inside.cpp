#include "files/path_inside.hpp"

#include <algorithm>

namespace tarikh {
namespace {

namespace fs = std::filesystem;

// Whether `path`, links resolved, is `root` or under it.
bool resolves_under(const fs::path& path, const fs::path& root) {
    std::error_code ec;
    fs::path real = fs::canonical(path, ec);
    if (ec) return false;
    return std::mismatch(root.begin(), root.end(), real.begin(), real.end()).first == root.end();
}

}  // namespace

std::string prepare_path_inside(const fs::path& real_folder, const std::string& relative) {
    fs::path name(relative);
    bool lexically_inside = !name.empty() && !name.has_root_path() && name.has_filename() &&
                            std::none_of(name.begin(), name.end(), [](const fs::path& part) { return part == ".."; });
    if (!lexically_inside) return "the name leads outside the output folder";

    // Nothing may be created through a link that leads out: check the deepest folder there is.
    fs::path folder = (real_folder / name).parent_path();
    fs::path existing = folder;
    std::error_code ec;
    while (existing != real_folder && existing.has_relative_path() && !fs::exists(existing, ec))
        existing = existing.parent_path();
    if (!resolves_under(existing, real_folder)) return "a link inside the output folder leads outside it";
    fs::create_directories(folder, ec);
    if (ec) return "cannot create its folder: " + ec.message();
    if (!resolves_under(folder, real_folder)) return "a link inside the output folder leads outside it";
    return "";
}

}  // namespace tarikh
