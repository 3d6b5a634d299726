// Output names built from parts we do not control (file names, language tags) proven to stay
// inside the output folder before anything is created or opened there.
#pragma once
#include <filesystem>
#include <string>

namespace tarikh {

// Makes the folders that `real_folder / relative` needs, once proven that it stays inside
// `real_folder` (which must be free of links: fs::canonical): `relative` is neither absolute
// nor holds a ".." part, and its folder, links resolved, is under `real_folder`, checked
// before and after creating what was missing. Returns why not, or "".
std::string prepare_path_inside(const std::filesystem::path& real_folder, const std::string& relative);

}  // namespace tarikh
