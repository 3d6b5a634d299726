// Telling whether two names lead to one file (<tarikh/files.hpp>): so that an output never
// replaces an input or another output of the same command.
#include <tarikh/files.hpp>

namespace tarikh {
namespace {

namespace fs = std::filesystem;

// The file `path` leads to, links resolved as far as they exist; empty when that fails.
fs::path resolved(const std::string& path) {
    std::error_code ec;
    fs::path real = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? fs::path() : real;
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
    if (a == "-" || b == "-") return false;
    std::error_code ec;
    bool a_exists = fs::exists(a, ec), b_exists = fs::exists(b, ec);
    if (a_exists && b_exists) return fs::equivalent(a, b, ec) && !ec;  // hard links too
    if (a_exists || b_exists) return false;
    fs::path real = resolved(a);
    return !real.empty() && real == resolved(b);
}

std::size_t page_named(const std::string& first, const std::string& path) {
    if (first == "-" || path == "-") return 0;
    // The pages go beside `first` as named, a link or not: its folder is resolved, not its name.
    std::error_code ec;
    fs::path named = fs::absolute(first, ec);
    fs::path folder = resolved(named.parent_path().string()), other = resolved(path);
    if (ec || folder.empty() || other.parent_path() != folder) return 0;
    std::string stem = named.stem().string(), name = other.stem().string();
    if (other.extension() != named.extension() || name.size() <= stem.size() + 1 || name.compare(0, stem.size(), stem) != 0 ||
        name[stem.size()] != '-')
        return 0;
    std::string number = name.substr(stem.size() + 1);
    bool page = number.size() <= 9 && number[0] != '0' && number.find_first_not_of("0123456789") == std::string::npos;
    std::size_t value = page ? std::stoul(number) : 0;
    return value >= 2 ? value : 0;
}

}  // namespace tarikh
