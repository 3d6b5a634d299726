// The calendars dates can be written in, and how a user names them ("persian", "gregorian+persian").
#pragma once
#include <string>
#include <vector>

#include <tarikh/result.hpp>

namespace tarikh {

// ICU's calendars, by their ICU names: "gregorian", "islamic-umalqura", "islamic-civil",
// "persian", "hebrew". Dates are always written in ISO 8601 (Gregorian) and shown in these.
enum class CalendarSystem { gregorian, islamic_umalqura, islamic_civil, persian, hebrew };

// Which calendars an edition writes dates in: one, or two (the second in brackets after the
// first, and on a chart's second tick row). Empty: not said (an option: the file's; a file:
// the calendar of the edition's locale, "fa-IR" Persian, else Gregorian).
using Calendars = std::vector<CalendarSystem>;

// "persian", "gregorian+persian": one calendar or two joined by "+", each by its ICU name;
// else an error saying what was expected and found.
Result<Calendars> parse_calendars(const std::string& text);
// The same words back: "gregorian+persian"; "" for none.
std::string calendars_name(const Calendars& calendars);

}  // namespace tarikh
