#include "batch/inputs.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>

#include <tarikh/files.hpp>
#include <tarikh/tarikh.hpp>

#include "batch/manifest.hpp"

namespace tarikh {
namespace {

namespace fs = std::filesystem;

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

// A file a folder search takes: what tarikh reads, and not what a batch wrote.
bool is_timeline_file(const fs::directory_entry& entry, const std::vector<std::string>& own) {
    std::error_code ec;
    auto ext = entry.path().extension();
    if (!entry.is_regular_file(ec) || (ext != ".json" && ext != ".csv")) return false;
    if (entry.path().filename() == BatchManifest::kFileName) return false;
    return std::none_of(own.begin(), own.end(), [&](const std::string& file) { return same_file(file, entry.path()); });
}

void add_argument(const std::string& argument, const std::vector<std::string>& own, std::vector<BatchInput>& inputs,
                  std::vector<RefusedInput>& refused) {
    std::error_code ec;
    fs::path path(argument);
    if (fs::is_directory(path, ec)) {
        std::vector<BatchInput> found;
        for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (!is_timeline_file(*it, own)) continue;
            // As listed, never resolved: a link's name is the input's name, wherever it points.
            fs::path stem = it->path().lexically_relative(path).replace_extension();
            found.push_back({it->path().string(), stem.generic_string()});
        }
        if (ec) refused.push_back({argument, ec.message()});
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.relative < b.relative; });
        inputs.insert(inputs.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
        inputs.push_back({argument, path.stem().string()});
    } else {
        refused.push_back({argument, "no such file or folder"});
    }
}

}  // namespace

CollectedInputs collect_inputs(const std::vector<std::string>& arguments, std::istream& list,
                               const std::vector<std::string>& own) {
    CollectedInputs out;
    for (const auto& argument : arguments) {
        if (argument != "-") {
            add_argument(argument, own, out.inputs, out.refused);
            continue;
        }
        for (std::string line; std::getline(list, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) add_argument(line, own, out.inputs, out.refused);
        }
    }
    std::map<std::string, std::string> first_of;
    std::vector<BatchInput> unique;
    for (auto& input : out.inputs) {
        auto [it, fresh] = first_of.emplace(input.relative, input.path);
        if (fresh) unique.push_back(std::move(input));
        else if (it->second != input.path && !same_file(it->second, input.path))
            out.refused.push_back({input.path, "its outputs would overwrite those of " + it->second});
    }
    out.inputs = std::move(unique);
    return out;
}

std::string batch_file_named(const std::string& path, const std::vector<BatchInput>& inputs,
                             const std::string& output_dir) {
    std::error_code ec;
    if (path != "-" && fs::exists(path, ec))  // an input that exists, as every one does
        for (const auto& input : inputs)
            if (same_file(path, input.path)) return "the input " + input.path;
    std::error_code path_ec, folder_ec;
    fs::path real = fs::weakly_canonical(fs::absolute(path, path_ec), path_ec);
    fs::path folder = fs::weakly_canonical(fs::absolute(output_dir, folder_ec), folder_ec);
    fs::path relative = real.lexically_relative(folder);
    if (path_ec || folder_ec || path == "-" || relative.empty() || *relative.begin() == "..") return "";
    std::string name = relative.generic_string();
    if (name == BatchManifest::kFileName) return "the batch's record " + (fs::path(output_dir) / name).string();
    // NAME.LANG.EXT, pages included (NAME.LANG-2.EXT): whatever the language, in any format.
    for (const auto& input : inputs) {
        if (!name.starts_with(input.relative + ".")) continue;
        std::string rest = name.substr(input.relative.size() + 1);
        size_t dot = rest.rfind('.');
        if (rest.find('/') == std::string::npos && dot != std::string::npos && dot > 0 &&
            format_from_name(rest.substr(dot + 1)))
            return "an output of the batch (of " + input.path + ")";
    }
    return "";
}

bool in_shard(const BatchInput& input, int k, int n) {
    return n <= 1 || static_cast<int>(fnv1a(input.relative) % static_cast<std::uint64_t>(n)) == k - 1;
}

}  // namespace tarikh
