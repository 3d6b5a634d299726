// Writing outputs whole or not at all, inside the folder they were asked for: what every
// front end of tarikh (the command line, the batch runner) promises its users.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace tarikh {

// Writes `bytes` to `path`, which is then either as before or complete. The data goes to an
// unnamed file in the target folder (O_TMPFILE) that is named only once it is whole: linked
// straight to `path` when that is free, else to a temporary name renamed over `path`.
// Temporaries are named ".tarikh-HOST-PID-N.tmp", whatever `path` is, so any name that fits
// the folder fits its temporary. Returns an error message, or "" on success.
//
// A `path` that is a device, a FIFO or a socket: replaced by the file, as any other (what a
// batch writes into a folder it owns), or, with `Devices::written_into`, written into as the
// shell's `>` does (a path a user named: /dev/null, /dev/stdout, a FIFO). Renaming over
// /dev/null replaced it with a file when run as root.
enum class Devices { replaced, written_into };
std::string write_file_atomically(const std::string& path, std::string_view bytes, Devices devices = Devices::replaced);

// The same, for a file made a piece at a time (a large SVG drawn straight into it, never held
// whole): nothing appears at `path` until commit() succeeds; destroyed uncommitted, or after a
// failed write, it leaves `path` as it was.
class AtomicFile {
public:
    explicit AtomicFile(const std::string& path, Devices devices = Devices::replaced);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    // Appends `bytes`; false once a write failed (error() says why), and every later one too.
    bool write(std::string_view bytes);
    // Names the file `path`. Returns an error message, or "" on success.
    std::string commit();
    const std::string& error() const { return error_; }

private:
    std::filesystem::path target_;
    std::string named_;  // the temporary's name, when it needs one
    int fd_ = -1;
    bool anonymous_ = false;  // O_TMPFILE: unnamed until linked
    bool streamed_ = false;   // a device, pipe or socket, written into directly
    std::string error_;
};

// Removes, under `folder` and its subfolders, the temporaries that writers of this host left
// when they were killed (their process is gone); a live writer's are kept. Returns how many.
std::size_t sweep_stale_temporaries(const std::string& folder);

// Makes the folders that `real_folder / relative` needs, once proven that it stays inside
// `real_folder` (which must be free of links: fs::canonical): `relative` is neither absolute
// nor holds a ".." part, and its folder, links resolved, is under `real_folder`, checked
// before and after creating what was missing. Returns why not, or "".
std::string prepare_path_inside(const std::filesystem::path& real_folder, const std::string& relative);

// Whether `a` and `b` name one file, however spelt: `./a.svg` and `a.svg`, a link and what it
// leads to, two hard links; a file yet to be written too (its folder's links resolved). "-", a
// standard stream, names no file.
bool same_file(const std::string& a, const std::string& b);

// The page of `first` that `path` names: 2 for NAME-2.EXT beside NAME.EXT (as paged_path
// names them, and as a render with fewer pages removes them), 3 for NAME-3.EXT, …; else 0.
std::size_t page_named(const std::string& first, const std::string& path);

}  // namespace tarikh
