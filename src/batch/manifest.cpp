#include "batch/manifest.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "files/atomic_file.hpp"

namespace tarikh {

BatchManifest BatchManifest::load(const std::string& output_dir) {
    BatchManifest manifest;
    std::ifstream in(std::filesystem::path(output_dir) / kFileName);
    if (!in) return manifest;
    auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_object() && json["outputs"].is_object())
        for (const auto& [path, stamp] : json["outputs"].items())
            if (stamp.is_string()) manifest.stamps_[path] = stamp.get<std::string>();
    return manifest;
}

std::string BatchManifest::save(const std::string& output_dir) const {
    nlohmann::json json;
    json["outputs"] = stamps_;
    return write_file_atomically((std::filesystem::path(output_dir) / kFileName).string(), json.dump(1) + "\n");
}

std::string BatchManifest::stamp(const std::string& relative) const {
    auto it = stamps_.find(relative);
    return it == stamps_.end() ? "" : it->second;
}

}  // namespace tarikh
