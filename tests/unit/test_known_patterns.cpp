// ICU's date patterns listed at build time (time/known_patterns.hpp): each the one the running
// ICU's generator gives, and the chart's own skeletons among them.
#include <doctest/doctest.h>

#include <unicode/dtptngen.h>
#include <unicode/locid.h>

#include <memory>
#include <sstream>
#include <string>

#include "time/known_date_patterns.hpp"
#include "time/known_patterns.hpp"

using namespace tarikh;

TEST_CASE("every date pattern listed at build time is the one ICU's generator gives now") {
    std::istringstream lines(known::kDatePatterns);
    std::string line;
    int checked = 0;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        size_t tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
        std::string locale = line.substr(0, tab), skeleton = line.substr(tab + 1, tab2 - tab - 1);
        CAPTURE(line);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::DateTimePatternGenerator> patterns(
            icu::DateTimePatternGenerator::createInstance(icu::Locale(locale.c_str()), status));
        REQUIRE(U_SUCCESS(status));
        auto known = known_date_pattern(locale.c_str(), skeleton.c_str());
        REQUIRE(known);
        CHECK(*known == patterns->getBestPattern(icu::UnicodeString::fromUTF8(skeleton), status));
        ++checked;
    }
    CHECK(checked == 12 * 5 * 15);
}

TEST_CASE("the chart's date skeletons are known in English and Arabic, other locales are not") {
    for (const char* locale : {"en@calendar=gregorian", "ar@calendar=gregorian", "ar@calendar=islamic-umalqura"})
        for (const char* skeleton : {"y", "MMMMy", "dMMMMy", "MMMy", "dMMM"}) {
            CAPTURE(locale);
            CAPTURE(skeleton);
            CHECK(known_date_pattern(locale, skeleton));
        }
    CHECK(known_date_pattern("en@calendar=gregorian", "MMMMd") == std::nullopt);
    CHECK(known_date_pattern("en_GB@calendar=gregorian", "dMMMMy") == std::nullopt);
}
