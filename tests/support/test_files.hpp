// Files the tests read and the golden files they compare with.
#pragma once
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <tarikh/tarikh.hpp>

#include "io/parse.hpp"

namespace tarikh::testing {

// An empty folder of its own under the temporary folder, removed with everything in it at the
// end of the test.
struct ScratchFolder {
    std::filesystem::path path;
    explicit ScratchFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("tarikh-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path);
    }
    ~ScratchFolder() { std::filesystem::remove_all(path); }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// timelines/idlib-sochi-2018.json, parsed.
inline Timeline example_timeline() {
    auto path = std::filesystem::path(TARIKH_SOURCE_DIR) / "timelines/idlib-sochi-2018.json";
    ParseResult result = parse_timeline(read_file(path), "idlib");
    REQUIRE(result.timeline);
    return *result.timeline;
}

// tests/RELATIVE (any format load_file reads), loaded; its diagnostics are reported.
inline Timeline load_test_timeline(const std::string& relative) {
    Result<Timeline> result = load_file((std::filesystem::path(TARIKH_TEST_DIR) / relative).string());
    for (const auto& d : result.diagnostics) MESSAGE(format_diagnostic(d));
    REQUIRE(result.value);
    return *result;
}

inline const Event& event_by_id(const Timeline& t, const std::string& id) {
    for (const auto& e : t.events)
        if (e.id == id) return e;
    FAIL("no event " << id);
    throw 0;  // FAIL throws; this tells the compiler so
}

// True when `actual` equals the golden file. Otherwise writes it beside the golden as
// GOLDEN.actual, for review and `tests/bless`: tests never rewrite a golden themselves.
inline bool matches_golden(const std::filesystem::path& golden, const std::string& actual) {
    auto actual_path = std::filesystem::path(golden.string() + ".actual");
    if (std::filesystem::exists(golden) && actual == read_file(golden)) {
        std::filesystem::remove(actual_path);
        return true;
    }
    std::ofstream(actual_path, std::ios::binary) << actual;
    return false;
}

// Compares with tests/golden/NAME (see matches_golden).
inline void check_golden(const std::string& name, const std::string& actual) {
    auto path = std::filesystem::path(TARIKH_TEST_DIR) / "golden" / name;
    if (!matches_golden(path, actual))
        FAIL_CHECK("differs from tests/golden/" << name << "; see tests/golden/" << name << ".actual, then tests/bless");
}

}  // namespace tarikh::testing
