#include "batch/jobs.hpp"

#include <algorithm>
#include <fstream>
#include <string>

namespace tarikh {
namespace {

// A number of bytes from a file of /proc or /sys, e.g. "MemAvailable:  1234 kB" with its key.
std::optional<std::uint64_t> read_bytes(const char* path, const std::string& key = "") {
    std::ifstream in(path);
    std::string word;
    if (!key.empty())
        while (in >> word && word != key) {}
    std::uint64_t value = 0;
    if (!(in >> value)) return std::nullopt;  // also "max": no cgroup limit
    in >> word;
    return word == "kB" ? value * 1024 : value;
}

}  // namespace

int default_jobs(unsigned cores, std::optional<std::uint64_t> available_bytes) {
    std::uint64_t jobs = std::max(1u, cores);
    if (available_bytes) jobs = std::min(jobs, *available_bytes / kMemoryPerJob);
    return static_cast<int>(std::max<std::uint64_t>(1, jobs));
}

std::optional<std::uint64_t> available_memory() {
    std::optional<std::uint64_t> available = read_bytes("/proc/meminfo", "MemAvailable:");
    auto limit = read_bytes("/sys/fs/cgroup/memory.max");
    auto used = read_bytes("/sys/fs/cgroup/memory.current");
    if (limit && used) {
        std::uint64_t left = *limit > *used ? *limit - *used : 0;
        available = available ? std::min(*available, left) : left;
    }
    return available;
}

}  // namespace tarikh
