#include "batch/inputs.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>

namespace tarikh {
namespace {

namespace fs = std::filesystem;

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

void add_argument(const std::string& argument, std::vector<BatchInput>& inputs, std::vector<std::string>& errors) {
    std::error_code ec;
    fs::path path(argument);
    if (fs::is_directory(path, ec)) {
        std::vector<BatchInput> found;
        for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            auto ext = it->path().extension();
            if (!it->is_regular_file(ec) || (ext != ".json" && ext != ".csv")) continue;
            // As listed, never resolved: a link's name is the input's name, wherever it points.
            fs::path stem = it->path().lexically_relative(path).replace_extension();
            found.push_back({it->path().string(), stem.generic_string()});
        }
        if (ec) errors.push_back(argument + ": " + ec.message());
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.relative < b.relative; });
        inputs.insert(inputs.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
        inputs.push_back({argument, path.stem().string()});
    } else {
        errors.push_back(argument + ": no such file or folder");
    }
}

}  // namespace

CollectedInputs collect_inputs(const std::vector<std::string>& arguments, std::istream& list) {
    CollectedInputs out;
    for (const auto& argument : arguments) {
        if (argument != "-") {
            add_argument(argument, out.inputs, out.errors);
            continue;
        }
        for (std::string line; std::getline(list, line);) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty()) add_argument(line, out.inputs, out.errors);
        }
    }
    std::map<std::string, std::string> first_of;
    std::vector<BatchInput> unique;
    for (auto& input : out.inputs) {
        auto [it, fresh] = first_of.emplace(input.relative, input.path);
        if (fresh) unique.push_back(std::move(input));
        else if (it->second != input.path)
            out.errors.push_back(input.path + ": its outputs would overwrite those of " + it->second);
    }
    out.inputs = std::move(unique);
    return out;
}

bool in_shard(const BatchInput& input, int k, int n) {
    return n <= 1 || static_cast<int>(fnv1a(input.relative) % static_cast<std::uint64_t>(n)) == k - 1;
}

}  // namespace tarikh
