// Files the tests read and the golden files they compare with.
#pragma once
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/parse.hpp"

namespace tarikh::testing {

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

// Compares with tests/golden/NAME; TARIKH_UPDATE_GOLDEN=1 rewrites it (review the diff).
inline void check_golden(const std::string& name, const std::string& actual) {
    auto path = std::filesystem::path(TARIKH_TEST_DIR) / "golden" / name;
    if (std::getenv("TARIKH_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << actual;
    if (actual != read_file(path)) {
        std::ofstream(name + ".actual", std::ios::binary) << actual;
        FAIL("differs from tests/golden/" << name << "; the actual dump is in the test's working folder");
    }
}

}  // namespace tarikh::testing
