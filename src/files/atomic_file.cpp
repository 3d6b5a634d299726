#include "files/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tarikh {
namespace {

namespace fs = std::filesystem;

std::string errno_text() { return std::strerror(errno); }

bool write_all(int fd, std::string_view bytes) {
    for (size_t done = 0; done < bytes.size();) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// The process umask, read without changing it (umask(2) would race with other threads).
mode_t current_umask() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key)
        if (key == "Umask:") {
            unsigned value = 022;
            status >> std::oct >> value;
            return static_cast<mode_t>(value);
        }
    return 022;
}

// A name for the finished file next to its target, unique within the process.
std::string sibling_name(const fs::path& target) {
    static std::atomic<unsigned> counter{0};
    std::string name = ".";
    name.append(target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
    name.append("-").append(std::to_string(counter++));
    return (target.parent_path() / name).string();
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
    fs::path target = fs::absolute(path);
    std::string folder = target.parent_path().string();
    std::string named = sibling_name(target);

    int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    bool anonymous = fd >= 0;
    if (!anonymous) {
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return errno_text();
        // No O_TMPFILE on this file system: a named temporary file, removed on failure.
        fd = ::open(named.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666 & ~current_umask());
        if (fd < 0) return errno_text();
    }
    bool ok = write_all(fd, bytes);
    std::string error = ok ? "" : errno_text();
    if (ok && anonymous) {
        char proc_path[64];
        std::snprintf(proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
        ok = ::linkat(AT_FDCWD, proc_path, AT_FDCWD, named.c_str(), AT_SYMLINK_FOLLOW) == 0;
        if (!ok) error = errno_text();
    }
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno_text();
    }
    if (ok && ::rename(named.c_str(), target.c_str()) != 0) {
        ok = false;
        error = errno_text();
    }
    if (!ok) ::unlink(named.c_str());
    return error;
}

}  // namespace tarikh
