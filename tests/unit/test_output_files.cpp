// Writing outputs: atomic files, their temporaries, and names proven inside the output folder.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "files/atomic_file.hpp"
#include "files/path_inside.hpp"

using namespace tarikh;
namespace fs = std::filesystem;

namespace {

// An empty scratch folder, links resolved, removed at the end of the test.
struct Folder {
    fs::path root;
    explicit Folder(const char* name) {
        root = fs::temp_directory_path() / (std::string("tarikh-") + name + "-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
        root = fs::canonical(root);
    }
    ~Folder() { fs::remove_all(root); }
};

std::string contents(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A process id that was in use and is no more.
pid_t dead_pid() {
    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

}  // namespace

TEST_CASE("an atomic write makes the file whole and leaves no temporary") {
    Folder f("atomic");
    fs::path target = f.root / "out.svg";
    CHECK(write_file_atomically(target.string(), "first") == "");
    CHECK(write_file_atomically(target.string(), "second") == "");  // over an existing file
    CHECK(contents(target) == "second");
    CHECK(std::distance(fs::directory_iterator(f.root), fs::directory_iterator()) == 1);
}

TEST_CASE("any name that fits the folder fits its temporary") {
    Folder f("long-name");
    fs::path target = f.root / (std::string(247, 'n') + ".svg");  // NAME_MAX is 255
    CHECK(write_file_atomically(target.string(), "new") == "");
    CHECK(write_file_atomically(target.string(), "replaced") == "");
    CHECK(contents(target) == "replaced");
}

TEST_CASE("temporaries of a dead writer are swept and those of a live one kept") {
    Folder f("sweep");
    fs::create_directories(f.root / "sub");
    fs::path dead = f.root / "sub" / temporary_file_name(dead_pid(), 3);
    fs::path live = f.root / temporary_file_name(::getpid(), 7);
    fs::path output = f.root / "sub" / "t001.en.svg";
    for (const auto& path : {dead, live, output}) std::ofstream(path) << "x";
    CHECK(sweep_stale_temporaries(f.root.string()) == 1);
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(live));
    CHECK(fs::exists(output));
}

TEST_CASE("a temporary's name has a fixed shape whatever the target") {
    std::string name = temporary_file_name(12345, 6);
    CHECK(name.starts_with(".tarikh-"));
    CHECK(name.ends_with("-12345-6.tmp"));
    CHECK(name.size() == std::string(".tarikh-01234567-12345-6.tmp").size());
}

TEST_CASE("output names that lead outside the output folder are refused before anything is made") {
    Folder f("inside");
    fs::path out = f.root / "out";
    fs::create_directories(out);
    CHECK(prepare_path_inside(out, "sub/t001.en.svg") == "");
    CHECK(fs::is_directory(out / "sub"));
    CHECK(prepare_path_inside(out, "t001./../../../../elsewhere/index.svg") != "");
    CHECK(prepare_path_inside(out, "t001.../../x.svg") != "");  // normalised, it would stay inside
    CHECK(prepare_path_inside(out, "/tmp/x.svg") != "");
    CHECK(prepare_path_inside(out, "") != "");
    CHECK(fs::directory_iterator(f.root)->path() == out);
    CHECK(std::distance(fs::directory_iterator(f.root), fs::directory_iterator()) == 1);
}

TEST_CASE("a link inside the output folder that leads out is refused, and nothing is made through it") {
    Folder f("link");
    fs::create_directories(f.root / "out");
    fs::create_directories(f.root / "elsewhere");
    fs::create_directory_symlink(f.root / "elsewhere", f.root / "out" / "sub");
    fs::path out = f.root / "out";
    CHECK(prepare_path_inside(out, "sub/t001.en.svg") == "a link inside the output folder leads outside it");
    CHECK(prepare_path_inside(out, "sub/deeper/t001.en.svg") == "a link inside the output folder leads outside it");
    CHECK(fs::is_empty(f.root / "elsewhere"));
    // A link that stays inside is fine.
    fs::create_directories(out / "real");
    fs::create_directory_symlink(out / "real", out / "alias");
    CHECK(prepare_path_inside(out, "alias/t.en.svg") == "");
}

TEST_CASE("a file written in pieces appears only when committed, whole") {
    Folder f("pieces");
    fs::path target = f.root / "out.svg";
    {
        AtomicFile file(target.string());
        CHECK(file.write("half"));
        CHECK_FALSE(fs::exists(target));  // not before it is committed
    }
    CHECK(fs::is_empty(f.root));  // dropped uncommitted: no file, no temporary
    AtomicFile file(target.string());
    CHECK(file.write("first "));
    CHECK(file.write("second"));
    CHECK(file.commit() == "");
    CHECK(contents(target) == "first second");
    CHECK(std::distance(fs::directory_iterator(f.root), fs::directory_iterator()) == 1);
}

TEST_CASE("a file written in pieces into a missing folder fails and makes nothing") {
    Folder f("pieces-missing");
    AtomicFile file((f.root / "no" / "out.svg").string());
    CHECK_FALSE(file.write("bytes"));
    CHECK(file.commit() != "");
    CHECK(fs::is_empty(f.root));
}
