#include "batch/manifest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <tarikh/files.hpp>

namespace tarikh {
namespace {

// The whole of a regular file of at most `limit` bytes; else "" and why in `problem`.
std::string read_regular_file(const std::string& path, long long limit, std::string& problem) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) problem = std::strerror(errno);
        return "";
    }
    std::string text;
    struct stat info {};
    if (::fstat(fd, &info) != 0) problem = std::strerror(errno);
    else if (!S_ISREG(info.st_mode)) problem = "not a regular file";
    else if (info.st_size > limit) problem = "larger than " + std::to_string(limit >> 20) + " MB";
    else {
        // Checked while reading too: the file may have grown since fstat.
        char chunk[65536];
        for (ssize_t n; problem.empty() && (n = ::read(fd, chunk, sizeof chunk)) != 0;) {
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) problem = std::strerror(errno);
            else text.append(chunk, static_cast<size_t>(n));
            if (static_cast<long long>(text.size()) > limit)
                problem = "larger than " + std::to_string(limit >> 20) + " MB";
        }
        if (!problem.empty()) text.clear();
    }
    ::close(fd);
    return text;
}

}  // namespace

BatchManifest BatchManifest::load(const std::string& output_dir, std::string& warning) {
    BatchManifest manifest;
    std::string path = (std::filesystem::path(output_dir) / kFileName).string();
    std::string problem;
    std::string text = read_regular_file(path, kMaxBytes, problem);
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (problem.empty() && !text.empty() && !(json.is_object() && json["outputs"].is_object()))
        problem = "not a record of tarikh batch";
    if (!problem.empty()) {
        warning = "ignored " + path + " (" + problem + "): every output is rendered again";
        return manifest;
    }
    if (json.is_object() && json["outputs"].is_object())
        for (const auto& [output, stamp] : json["outputs"].items())
            if (stamp.is_string()) manifest.stamps_[output] = stamp.get<std::string>();
    return manifest;
}

std::string BatchManifest::save(const std::string& output_dir) const {
    nlohmann::json json;
    json["outputs"] = stamps_;
    // A file name that is not UTF-8 gets U+FFFD here, so its outputs are simply rendered again.
    std::string text = json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return write_file_atomically((std::filesystem::path(output_dir) / kFileName).string(), text);
}

std::string BatchManifest::stamp(const std::string& relative) const {
    auto it = stamps_.find(relative);
    return it == stamps_.end() ? "" : it->second;
}

}  // namespace tarikh
