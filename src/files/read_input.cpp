#include "files/read_input.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace tarikh {
namespace {

Diagnostic error(const std::string& path, std::string message, std::vector<std::string> hints = {}) {
    return Diagnostic{Severity::error, path, 0, 0, "", std::move(message), std::move(hints)};
}

std::string reason(int error_number) {
    std::string text = std::strerror(error_number);
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "a special file";
}

Diagnostic not_regular(const std::string& path, mode_t mode) {
    if (S_ISDIR(mode)) return error(path, "expected a file, found a directory");
    return error(path, std::string("is not a regular file (") + kind_of(mode) + ")",
                 {"pass it as - to read a stream: - < " + path});
}

// Reads `fd` to its end or one byte past `max_bytes`, whichever comes first.
std::variant<std::string, Diagnostic> read_bounded(int fd, const std::string& path, size_t max_bytes) {
    std::string bytes;
    char buffer[65536];
    while (bytes.size() <= max_bytes) {
        ssize_t got = ::read(fd, buffer, std::min(sizeof buffer, max_bytes + 1 - bytes.size()));
        if (got == 0) return bytes;
        if (got > 0) {
            bytes.append(buffer, static_cast<size_t>(got));
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {  // a stdin left non-blocking by its writer
            pollfd wait{fd, POLLIN, 0};
            ::poll(&wait, 1, -1);
        } else if (errno != EINTR) {
            return error(path, "cannot read the file: " + reason(errno));
        }
    }
    return file_too_large(path, max_bytes, std::nullopt);
}

}  // namespace

std::variant<std::string, Diagnostic> read_input(const std::string& path, size_t max_bytes) {
    if (path == "-") return read_bounded(STDIN_FILENO, path, max_bytes);
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        struct stat status {};
        if (errno == ENXIO && ::stat(path.c_str(), &status) == 0) return not_regular(path, status.st_mode);  // a socket
        return error(path, "cannot read the file: " + reason(errno));
    }
    struct stat status {};
    std::variant<std::string, Diagnostic> result = error(path, "cannot read the file");
    if (::fstat(fd, &status) != 0) result = error(path, "cannot read the file: " + reason(errno));
    else if (!S_ISREG(status.st_mode)) result = not_regular(path, status.st_mode);
    else if (static_cast<unsigned long long>(status.st_size) > max_bytes)
        result = file_too_large(path, max_bytes, static_cast<size_t>(status.st_size));
    else result = read_bounded(fd, path, max_bytes);  // bounded again: the file may grow while read
    ::close(fd);
    return result;
}

}  // namespace tarikh
