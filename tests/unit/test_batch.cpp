// run_batch: nothing written outside the output folder, its record read and written safely,
// no exception out of it; and how many jobs it runs by default.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/batch.hpp"
#include "batch/jobs.hpp"
#include "batch/manifest.hpp"
#include "files/atomic_file.hpp"

using namespace tarikh;
namespace fs = std::filesystem;

namespace {

std::string timeline_in(const std::string& languages) {
    return R"({"format": "tarikh/1", "title": {"en": "T"}, "languages": )" + languages +
           R"(, "events": [{"id": "e0", "date": "2018-01-01", "title": {"en": "E"}}]})";
}

// DIR/in/NAME.json holding `text`, and DIR/out for the outputs; removed at the end.
struct Batch {
    fs::path root = fs::temp_directory_path() / ("tarikh-batch-" + std::to_string(::getpid()));
    BatchOptions options;
    std::vector<BatchInput> inputs;

    Batch() {
        fs::remove_all(root);
        fs::create_directories(root / "in");
        options.output_dir = (root / "out").string();
        options.formats = {Format::svg};
    }
    ~Batch() { fs::remove_all(root); }

    void add(const std::string& name, const std::string& text) {
        std::ofstream((root / "in" / (name + ".json")).string()) << text;
        inputs.push_back({(root / "in" / (name + ".json")).string(), name});
    }
    BatchResult run() {
        std::atomic<bool> stop{false};
        return run_batch(inputs, options, stop, nullptr);
    }
    // Every file under the scratch folder but the inputs and the outputs.
    std::vector<std::string> strays() const {
        std::vector<std::string> found;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            auto relative = entry.path().lexically_relative(root).generic_string();
            if (relative != "in" && relative != "out" && !relative.starts_with("in/") && !relative.starts_with("out/"))
                found.push_back(relative);
        }
        return found;
    }
};

bool mentions(const Diagnostics& diagnostics, const std::string& text) {
    for (const auto& d : diagnostics)
        if (d.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a language given to batch cannot lead its outputs outside the output folder") {
    Batch b;
    b.add("t", timeline_in(R"(["en"])"));
    b.options.languages = {"../../x"};
    BatchResult result = b.run();
    CHECK(result.inputs[0].status == InputStatus::failed);
    CHECK(mentions(result.inputs[0].diagnostics, "the name leads outside the output folder"));
    CHECK(b.strays().empty());
    CHECK(fs::is_empty(b.root / "out"));
}

// A declared language is a BCP 47 tag (letters, digits, '-'), so reading refuses this one and the
// batch's own check (the test above, through the same loop) is never reached: this pins that
// the refusal comes from reading, before anything is written.
TEST_CASE("a language a timeline declares that could lead outside the output folder is refused on reading") {
    Batch b;
    fs::create_directories(b.root / "a" / "b" / "c");  // so that ../../../.. lands in the scratch folder
    b.options.output_dir = (b.root / "a" / "b" / "c" / "out").string();
    b.add("t", timeline_in(R"(["/../../../../elsewhere/index"])"));
    BatchResult result = b.run();
    CHECK(result.inputs[0].status == InputStatus::failed);
    CHECK_FALSE(result.inputs[0].output_error);
    CHECK(mentions(result.inputs[0].diagnostics, "expected a BCP 47 language tag"));
    CHECK(result.inputs[0].outputs.empty());
    CHECK(fs::is_empty(b.root / "a" / "b" / "c" / "out"));
    CHECK_FALSE(fs::exists(b.root / "a" / "b" / "elsewhere"));
    CHECK_FALSE(fs::exists(b.root / "a" / "elsewhere"));
    CHECK_FALSE(fs::exists(b.root / "elsewhere"));
}

TEST_CASE("a record that is a folder is a warning on reading and an error on saving, not an exception") {
    Batch b;
    b.add("t", timeline_in(R"(["en"])"));
    fs::create_directories(b.root / "out" / BatchManifest::kFileName);
    BatchResult result = b.run();
    CHECK(result.inputs[0].status == InputStatus::rendered);
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].severity == Severity::warning);
    CHECK(result.problems[0].message.find("(not a regular file)") != std::string::npos);
    CHECK(result.problems[1].severity == Severity::error);
    CHECK(result.problems[1].message.starts_with("cannot record the outputs in "));
}

TEST_CASE("a record that is a FIFO is refused without blocking") {
    Batch b;
    fs::create_directories(b.root / "out");
    REQUIRE(::mkfifo((b.root / "out" / BatchManifest::kFileName).c_str(), 0600) == 0);
    std::string warning;
    BatchManifest::load((b.root / "out").string(), warning);  // blocked forever before
    CHECK(warning.find("(not a regular file)") != std::string::npos);
}

TEST_CASE("a damaged record is a warning and an empty record") {
    Batch b;
    fs::create_directories(b.root / "out");
    std::ofstream((b.root / "out" / BatchManifest::kFileName).string()) << "{\"outputs\": ";
    std::string warning;
    BatchManifest manifest = BatchManifest::load((b.root / "out").string(), warning);
    CHECK(warning.find("(not a record of tarikh batch)") != std::string::npos);
    CHECK(manifest.stamp("t.en.svg") == "");
}

TEST_CASE("a file name that is not UTF-8 is rendered and recorded without an exception") {
    Batch b;
    b.add("bad\xff", timeline_in(R"(["en"])"));
    BatchResult result;
    CHECK_NOTHROW(result = b.run());
    CHECK(result.inputs[0].status == InputStatus::rendered);
    CHECK(result.problems.empty());
    CHECK(fs::exists(b.root / "out" / "bad\xff.en.svg"));
}

TEST_CASE("each finished input is recorded as it lands, not only at the end") {
    Batch b;
    b.add("a", timeline_in(R"(["en"])"));
    b.add("b", timeline_in(R"(["en"])"));
    b.options.jobs = 1;
    std::atomic<bool> stop{false};
    std::string recorded_after_first;
    run_batch(b.inputs, b.options, stop, [&](const BatchInputResult&, size_t done, size_t) {
        if (done != 1) return;
        std::string warning;
        recorded_after_first = BatchManifest::load(b.options.output_dir, warning).stamp("a.en.svg");
    });
    CHECK(recorded_after_first.starts_with("tarikh "));
}

TEST_CASE("a batch starts by sweeping the temporaries that killed writers left in its folder") {
    Batch b;
    b.add("t", timeline_in(R"(["en"])"));
    pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    fs::create_directories(b.root / "out" / "sub");
    fs::path dead = b.root / "out" / "sub" / temporary_file_name(child, 0);
    fs::path live = b.root / "out" / temporary_file_name(::getppid(), 0);
    std::ofstream(dead.string()) << "x";
    std::ofstream(live.string()) << "x";
    b.run();
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(live));
}

TEST_CASE("the default job count is the cores, at most one job per 2 GB available") {
    constexpr std::uint64_t GB = 1ULL << 30;
    CHECK(default_jobs(8, 64 * GB) == 8);
    CHECK(default_jobs(8, 7 * GB) == 3);
    CHECK(default_jobs(8, GB) == 1);  // always at least one
    CHECK(default_jobs(8, 0) == 1);
    CHECK(default_jobs(8, std::nullopt) == 8);  // memory unknown: the cores decide
    CHECK(default_jobs(0, 64 * GB) == 1);       // cores unknown
}
