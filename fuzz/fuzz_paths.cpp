// Fuzz target: output names made of parts tarikh does not control — an input's path as listed
// and a language tag — as the batch runner joins them ("PATH.LANG.svg"). Whatever name
// prepare_path_inside accepts must stay inside the output folder, links resolved, and nothing
// may ever be created outside it, even through the link planted inside that leads out.
// The input is the path, a NUL byte, then the language tag.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <tarikh/files.hpp>

namespace {

namespace fs = std::filesystem;

struct Sandbox {
    fs::path out, outside;
    Sandbox() {
        char pattern[] = "/tmp/tarikh-fuzz-paths-XXXXXX";
        fs::path root = fs::canonical(mkdtemp(pattern));
        out = root / "out";
        outside = root / "outside";
        fs::create_directories(out);
        fs::create_directories(outside);
        fs::create_directory_symlink("../outside", out / "escape");
    }
    ~Sandbox() { fs::remove_all(out.parent_path()); }
};

// Whether the folder of `path` (which prepare_path_inside made), links resolved, is `root` or
// under it. The file name itself may be too long to exist: that is a write error, not an escape.
bool folder_is_under(const fs::path& path, const fs::path& root) {
    std::error_code ec;
    fs::path real = fs::canonical(path.parent_path(), ec);
    return !ec && std::mismatch(root.begin(), root.end(), real.begin(), real.end()).first == root.end();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Sandbox sandbox;
    std::string text(reinterpret_cast<const char*>(data), size);
    size_t nul = text.find('\0');
    std::string input = text.substr(0, nul), lang = nul == std::string::npos ? "en" : text.substr(nul + 1);
    std::string key = input + "." + lang + ".svg";
    if (tarikh::prepare_path_inside(sandbox.out, key).empty() && !folder_is_under(sandbox.out / key, sandbox.out)) std::abort();
    if (!fs::is_empty(sandbox.outside)) std::abort();
    // Accepted names make folders: clear them now and then, so long runs stay small and fast.
    static unsigned runs = 0;
    if (++runs % 1024 == 0)
        for (const auto& entry : fs::directory_iterator(sandbox.out))
            if (entry.path().filename() != "escape") fs::remove_all(entry.path());
    return 0;
}
