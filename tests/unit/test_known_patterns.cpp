// ICU's date patterns listed at build time (time/known_patterns.hpp): each the one the running
// ICU's generator gives, and the chart's own skeletons among them.
#include <doctest/doctest.h>

#include <unicode/dtptngen.h>
#include <unicode/locid.h>

#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "time/calendar.hpp"
#include "time/date_format.hpp"
#include "time/date_keys.hpp"
#include "time/iso_date.hpp"
#include "time/known_date_patterns.hpp"
#include "time/known_patterns.hpp"

using namespace tarikh;

TEST_CASE("every date pattern listed at build time is the one ICU's generator gives now") {
    std::istringstream lines(known::kDatePatterns);
    std::string line;
    size_t checked = 0;
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
    // Every language, calendar and skeleton: a date's with and without its era, and the others.
    const size_t skeletons = 2 * std::size(date_keys::kDates) + std::size(date_keys::kOthers);
    CHECK(checked == std::size(known::kDateLanguages) * std::size(date_keys::kCalendars) * skeletons);
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

TEST_CASE("dates, eras, ticks and month titles in English and Arabic make no pattern generator") {
    // On a thread of its own: formats are kept per thread, and other cases' would hide a generator.
    int made = -1;
    std::thread([&made] {
        Calendar calendar("UTC");
        for (const char* language : {"en", "ar"})
            for (const char* system : {"gregorian", "islamic-umalqura"}) {
                DateFormatter dates(language, language, "UTC", system);
                for (const char* date : {"2018", "2018-11", "2018-11-09", "2018-11-09T22:00", "2018-11-09T22:00:05", "-0100",
                                         "-0100-03", "-0100-03-01", "-0100-03-01T10:00", "-0100-03-01T10:00:30"}) {
                    CivilDate d = std::get<CivilDate>(parse_iso_date(date));
                    Interval interval;
                    interval.start = calendar.start_of(d);
                    interval.end = calendar.end_of(d);
                    interval.precision = d.precision;
                    dates.event_date(interval);
                }
                const Instant t = calendar.start_of(std::get<CivilDate>(parse_iso_date("2018-11-09")));
                for (TimeUnit unit : {TimeUnit::year, TimeUnit::month, TimeUnit::day, TimeUnit::hour, TimeUnit::minute, TimeUnit::second})
                    dates.tick(t, unit);
                dates.month_title(t);
            }
        made = date_pattern_generators_made();
    }).join();
    CHECK(made == 0);
}
