// A chart's year ticks before AD 1: on round years as a reader counts them (2000 BC, 100 BC,
// AD 1, 100: there is no year 0), each labelled with its era up to AD 1 and plainly after.
#include <doctest/doctest.h>

#include <set>

#include "fake_shaper.hpp"
#include "io/parse.hpp"
#include "layout/chart_stages.hpp"
#include "time/date_format.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

Instant year_start(const Calendar& calendar, std::int64_t astronomical_year) {
    return calendar.start_of(CivilDate{astronomical_year, 1, 1, 0, 0, 0, Precision::year, std::nullopt, false, false});
}

// The year ticks a chart steps through from `from` to `to` (astronomical years: -2099 is
// 2100 BC), as labelled in `locale`.
std::vector<std::string> year_ticks(const char* locale, const char* lang, std::int64_t from, std::int64_t to,
                                    std::int64_t step) {
    Calendar calendar("UTC");
    DateFormatter dates(locale, lang, "UTC");
    std::vector<std::string> out;
    Instant end = year_start(calendar, to);
    for (Instant t = calendar.floor(year_start(calendar, from), TimeUnit::year, step); t <= end;
         t = calendar.next_tick(t, TimeUnit::year, step))
        out.push_back(dates.tick(t, TimeUnit::year, step));
    return out;
}

// The trial's spread: a date 2100 BC, one in 1514, the rest 2017–18.
const char* kSpread = R"({"format": "tarikh/1", "title": {"en": "t", "ar": "t", "fr": "t"},
  "languages": ["en", "ar", "fr"], "locales": {"en": "en-GB", "ar": "ar-IQ", "fr": "fr-FR"}, "timezone": "Asia/Baghdad",
  "events": [
    {"id": "a", "date": "-2099", "title": {"en": "a", "ar": "a", "fr": "a"}},
    {"id": "b", "date": "1514-08-23", "title": {"en": "b", "ar": "b", "fr": "b"}},
    {"id": "c", "date": "2017-09-25", "title": {"en": "c", "ar": "c", "fr": "c"}},
    {"id": "d", "date": "2018-03", "title": {"en": "d", "ar": "d", "fr": "d"}}]})";

}  // namespace

TEST_CASE("year ticks across AD 1 fall on round years and carry the era before it") {
    CHECK(year_ticks("en-GB", "en", -2099, 2018, 500) ==
          std::vector<std::string>{"2500 BC", "2000 BC", "1500 BC", "1000 BC", "500 BC", "1 AD", "500", "1000",
                                   "1500", "2000"});
    CHECK(year_ticks("en-GB", "en", -250, 250, 100) ==
          std::vector<std::string>{"300 BC", "200 BC", "100 BC", "1 AD", "100", "200"});
    CHECK(year_ticks("ar-IQ", "ar", -2099, 2018, 1000) ==
          std::vector<std::string>{"٣٠٠٠ ق.م", "٢٠٠٠ ق.م", "١٠٠٠ ق.م", "١ م", "١٠٠٠", "٢٠٠٠"});
    CHECK(year_ticks("fr-FR", "fr", -2099, 2018, 1000) ==
          std::vector<std::string>{"3000 av. J.-C.", "2000 av. J.-C.", "1000 av. J.-C.", "1 ap. J.-C.", "1000", "2000"});
}

TEST_CASE("year ticks wholly before AD 1 count back in round years") {
    CHECK(year_ticks("en-GB", "en", -499, -99, 100) ==
          std::vector<std::string>{"500 BC", "400 BC", "300 BC", "200 BC", "100 BC"});
    CHECK(year_ticks("ar-IQ", "ar", -499, -99, 100) ==
          std::vector<std::string>{"٥٠٠ ق.م", "٤٠٠ ق.م", "٣٠٠ ق.م", "٢٠٠ ق.م", "١٠٠ ق.م"});
    CHECK(year_ticks("fr-FR", "fr", -499, -99, 200) ==
          std::vector<std::string>{"600 av. J.-C.", "400 av. J.-C.", "200 av. J.-C."});
}

TEST_CASE("years of the Hijri and Persian calendars before their first take ICU's era") {
    // ICU counts on through 0 in the one era: no year is skipped, the era says where it stands
    // (ICU's Hijri years always name it; its Persian ones only when asked).
    for (const char* system : {"islamic-civil", "persian"}) {
        CAPTURE(system);
        Calendar calendar("UTC", parse_calendars(system)->front());
        DateFormatter dates("en-GB", "en", "UTC", system);
        std::string era = std::string(system) == "persian" ? " AP" : " AH";
        Instant t = calendar.floor(year_start(Calendar("UTC"), 300), TimeUnit::year, 100);
        CHECK(dates.tick(t, TimeUnit::year, 100) == "-400" + era);
        CHECK(dates.tick(calendar.next_tick(t, TimeUnit::year, 100), TimeUnit::year, 100) == "-300" + era);
    }
}

TEST_CASE("a chart from 2100 BC to 2018 ticks at round years of the era") {
    ParseResult parsed = parse_timeline(kSpread, "spread");
    REQUIRE(parsed.timeline);
    const Timeline& t = *parsed.timeline;
    Calendar calendar(t.timezone);
    std::set<long> round_years;  // x of every round hundred and AD 1, in hundredths of a px
    for (const char* lang : {"en", "ar", "fr"})
        for (double width : {0.0, 680.0}) {
            CAPTURE(lang);
            CAPTURE(width);
            FakeShaper shaper;
            Layout out;
            LayoutOptions options{.lang = lang};
            if (width > 0) options.width = width;
            EditionContext e(t, options.lang, options.calendar, shaper, out, options.theme);
            ChartText text = measure_chart(e, options, resolve_event_times(t, e.calendar));
            ChartAxis axis = scale_chart(e, options, text);
            round_years.clear();
            round_years.insert(std::lround(axis.x_of(year_start(calendar, 1)) * 100));
            for (std::int64_t year = -3000; year <= 3000; year += 100) {
                std::int64_t astronomical = year < 0 ? year + 1 : year;  // 100 BC is -99
                round_years.insert(std::lround(axis.x_of(year_start(calendar, astronomical)) * 100));
            }
            REQUIRE(axis.ticks.size() >= 3);
            for (const auto& tick : axis.ticks) CHECK(round_years.count(std::lround(tick.x * 100)) == 1);
        }
}
