#include "files/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

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

// Eight hex digits naming this host: machines sharing an output folder (NFS) must not take
// each other's live temporaries for stale ones, as their process ids mean nothing here.
const std::string& host_tag() {
    static const std::string tag = [] {
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        std::uint32_t h = 2166136261u;
        for (const char* c = host; *c; ++c) h = (h ^ static_cast<unsigned char>(*c)) * 16777619u;
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08x", h);
        return std::string(".tarikh-") + hex + "-";
    }();
    return tag;
}

constexpr std::string_view kSuffix = ".tmp";

// A temporary next to the target, unique among this host's processes.
std::string temporary_path(const fs::path& folder) {
    static std::atomic<unsigned> counter{0};
    return (folder / temporary_file_name(::getpid(), counter++)).string();
}

// The writer's process id in a temporary's name of this host, or 0 when it is not one.
pid_t writer_of(const std::string& name) {
    const std::string& prefix = host_tag();
    if (!name.starts_with(prefix) || !name.ends_with(kSuffix)) return 0;
    const char* first = name.data() + prefix.size();
    const char* last = name.data() + name.size() - kSuffix.size();
    pid_t pid = 0;
    auto [end, ec] = std::from_chars(first, last, pid);
    bool shaped = ec == std::errc() && end < last && *end == '-' && end + 1 < last;
    for (const char* c = end + 1; shaped && c < last; ++c) shaped = *c >= '0' && *c <= '9';
    return shaped && pid > 0 ? pid : 0;
}

// A device, a FIFO or a socket named as itself, or a process's own descriptor (/dev/stdout,
// /proc/self/fd/N): what is written into; a link to anything else is replaced, never followed
// out of the folder it is in.
bool names_a_stream(const fs::path& target) {
    struct stat own {}, behind {};
    if (::lstat(target.c_str(), &own) != 0) return false;
    const auto stream = [](mode_t mode) { return S_ISCHR(mode) || S_ISFIFO(mode) || S_ISSOCK(mode); };
    if (stream(own.st_mode)) return true;
    if (!S_ISLNK(own.st_mode) || ::stat(target.c_str(), &behind) != 0 || !stream(behind.st_mode)) return false;
    std::error_code ec;
    const std::string link = fs::read_symlink(target, ec).string();
    return link.starts_with("/proc/self/fd/") || target.string().starts_with("/dev/fd/") ||
           target.string().starts_with("/proc/self/fd/");
}

}  // namespace

std::string temporary_file_name(long pid, unsigned n) {
    return host_tag() + std::to_string(pid) + "-" + std::to_string(n) + std::string(kSuffix);
}

AtomicFile::AtomicFile(const std::string& path, Devices devices) {
    std::error_code ec;
    target_ = fs::absolute(path, ec);
    if (ec) {
        error_ = ec.message();
        return;
    }
    if (devices == Devices::written_into && names_a_stream(target_)) {
        streamed_ = true;
        // Not blocking on a FIFO nobody reads (ENXIO, an error), then blocking as any write does.
        fd_ = ::open(target_.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd_ < 0 || ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK) != 0) error_ = errno_text();
        return;
    }
    std::string folder = target_.parent_path().string();
    named_ = temporary_path(target_.parent_path());
    fd_ = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    anonymous_ = fd_ >= 0;
    if (anonymous_) return;
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
        error_ = errno_text();
        return;
    }
    // No O_TMPFILE on this file system: a named temporary file, removed on failure (and by the
    // next batch's sweep if this process is killed first).
    fd_ = ::open(named_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666 & ~current_umask());
    if (fd_ < 0) error_ = errno_text();
}

AtomicFile::~AtomicFile() {
    if (fd_ < 0) return;
    ::close(fd_);
    if (!anonymous_ && !streamed_) ::unlink(named_.c_str());
}

bool AtomicFile::write(std::string_view bytes) {
    if (!error_.empty()) return false;
    if (!write_all(fd_, bytes)) error_ = errno_text();
    return error_.empty();
}

std::string AtomicFile::commit() {
    if (!error_.empty()) return error_;
    if (fd_ < 0) return error_ = "committed already";
    if (streamed_) {
        if (::close(std::exchange(fd_, -1)) != 0) error_ = errno_text();
        return error_;
    }
    bool ok = true, placed = false;  // placed: linked straight to the target, never with a temporary name
    if (anonymous_) {
        char proc_path[64];
        std::snprintf(proc_path, sizeof proc_path, "/proc/self/fd/%d", fd_);
        placed = ::linkat(AT_FDCWD, proc_path, AT_FDCWD, target_.c_str(), AT_SYMLINK_FOLLOW) == 0;
        if (!placed && errno != EEXIST) ok = false;
        // The target exists: link a temporary name, to be renamed over it.
        if (ok && !placed) ok = ::linkat(AT_FDCWD, proc_path, AT_FDCWD, named_.c_str(), AT_SYMLINK_FOLLOW) == 0;
        if (!ok) error_ = errno_text();
    }
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && ok) {
        ok = false;
        error_ = errno_text();
    }
    if (ok && !placed && ::rename(named_.c_str(), target_.c_str()) != 0) {
        ok = false;
        error_ = errno_text();
    }
    if (!ok) ::unlink((placed ? target_ : fs::path(named_)).c_str());
    return error_;
}

std::string write_file_atomically(const std::string& path, std::string_view bytes, Devices devices) {
    AtomicFile file(path, devices);
    file.write(bytes);
    return file.commit();
}

size_t sweep_stale_temporaries(const std::string& folder) {
    size_t removed = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        pid_t pid = writer_of(it->path().filename().string());
        if (pid == 0 || ::kill(pid, 0) == 0 || errno != ESRCH) continue;  // EPERM: alive, not ours
        std::error_code gone;
        removed += fs::remove(it->path(), gone);
    }
    return removed;
}

}  // namespace tarikh
