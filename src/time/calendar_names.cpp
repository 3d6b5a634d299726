#include <tarikh/calendars.hpp>

#include <iterator>

#include "time/date_keys.hpp"

namespace tarikh {
namespace {

constexpr const auto& kNames = date_keys::kCalendars;

}  // namespace

Result<Calendars> parse_calendars(const std::string& text) {
    Calendars out;
    for (size_t from = 0;;) {
        size_t plus = text.find('+', from);
        std::string name = text.substr(from, plus == std::string::npos ? std::string::npos : plus - from);
        size_t known = 0;
        while (known < std::size(kNames) && name != kNames[known]) ++known;
        if (known == std::size(kNames))
            return failure<Calendars>("expected gregorian, islamic-umalqura, islamic-civil, persian or hebrew, found \"" +
                                      name + "\"" + (text == name ? "" : " in \"" + text + "\""));
        out.push_back(static_cast<CalendarSystem>(known));
        if (plus == std::string::npos) break;
        from = plus + 1;
    }
    if (out.size() > 2)
        return failure<Calendars>("expected one calendar or two joined by \"+\", found " + std::to_string(out.size()) +
                                  " in \"" + text + "\"");
    if (out.size() == 2 && out[0] == out[1])
        return failure<Calendars>("expected two different calendars, found \"" + text + "\"");
    return {out, {}};
}

std::string calendars_name(const Calendars& calendars) {
    std::string out;
    for (CalendarSystem c : calendars) out += (out.empty() ? "" : "+") + std::string(kNames[static_cast<int>(c)]);
    return out;
}

}  // namespace tarikh
