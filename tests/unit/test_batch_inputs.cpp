#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "batch/inputs.hpp"

using namespace tarikh;
namespace fs = std::filesystem;

namespace {

// A scratch folder with the given files, removed at the end of the test.
struct Scratch {
    fs::path root = fs::temp_directory_path() / ("tarikh-inputs-" + std::to_string(::getpid()));
    explicit Scratch(std::initializer_list<const char*> files) {
        fs::remove_all(root);
        for (const char* f : files) {
            fs::create_directories((root / f).parent_path());
            std::ofstream(root / f) << "{}";
        }
    }
    ~Scratch() { fs::remove_all(root); }
    std::string operator/(const char* p) const { return (root / p).string(); }
};

std::vector<std::string> stems(const CollectedInputs& c) {
    std::vector<std::string> out;
    for (const auto& i : c.inputs) out.push_back(i.relative);
    return out;
}

}  // namespace

TEST_CASE("folders are searched recursively for .json and keep their structure") {
    Scratch s({"tl/b.json", "tl/a.json", "tl/syria/idlib.json", "tl/notes.txt", "other/c.json"});
    std::istringstream none;
    CollectedInputs c = collect_inputs({s / "tl", s / "other/c.json"}, none);
    CHECK(c.refused.empty());
    CHECK(stems(c) == std::vector<std::string>{"a", "b", "syria/idlib", "c"});
}

TEST_CASE("- reads a list of paths, and missing paths and clashing names are errors") {
    Scratch s({"x/a.json", "y/a.json", "z.json"});
    std::istringstream list(s / "x/a.json" + "\n" + s / "y/a.json" + "\r\n\n" + s / "missing.json" + "\n");
    CollectedInputs c = collect_inputs({"-", s / "z.json", s / "z.json"}, list);
    CHECK(stems(c) == std::vector<std::string>{"a", "z"});
    REQUIRE(c.refused.size() == 2);
    CHECK(c.refused[0].path == s / "missing.json");
    CHECK(c.refused[0].reason == "no such file or folder");
    CHECK(c.refused[1].path == s / "y/a.json");
    CHECK(c.refused[1].reason == "its outputs would overwrite those of " + s / "x/a.json");
}

TEST_CASE("shards split the inputs into disjoint shares that cover them all") {
    std::vector<BatchInput> inputs;
    for (int i = 0; i < 300; ++i) inputs.push_back({"", "timeline-" + std::to_string(i)});
    std::multiset<std::string> seen;
    for (int k = 1; k <= 3; ++k) {
        size_t share = 0;
        for (const auto& input : inputs)
            if (in_shard(input, k, 3)) {
                seen.insert(input.relative);
                ++share;
            }
        CHECK(share > 60);  // roughly a third each
    }
    CHECK(seen.size() == inputs.size());
    for (const auto& input : inputs) CHECK(seen.count(input.relative) == 1);
    CHECK(in_shard(inputs[0], 1, 1));
}

TEST_CASE("a linked input is named as listed, never after the file it leads to") {
    Scratch s({"elsewhere/deep/evil.json", "in/plain.json"});
    fs::create_symlink("../elsewhere/deep/evil.json", s.root / "in" / "innocent.json");
    std::istringstream none;
    for (std::string folder : {s / "in", s / "in" + "/", "./" + fs::relative(s.root / "in").string()}) {
        CollectedInputs c = collect_inputs({folder}, none);
        CHECK(c.refused.empty());
        CHECK(stems(c) == std::vector<std::string>{"innocent", "plain"});
    }
}
