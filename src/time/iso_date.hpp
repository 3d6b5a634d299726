// Reading ISO 8601 partial dates (with EDTF's ~ ? % marks) and durations.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "model/timeline.hpp"

namespace tarikh {

// Years and offsets beyond this are refused: deep time reaches the Big Bang and beyond, and
// an event placed this far after another one still fits an instant.
inline constexpr std::int64_t kMaxYears = 100'000'000'000LL;

// The parsed date (ISO 8601-1 as EDTF level 0 has it, with EDTF level 1's Y years and its
// closing ~ ? %), or the reason it is not one ("month 13 is out of range").
std::variant<CivilDate, std::string> parse_iso_date(std::string_view text);

// An event's date in EDTF (levels 0 and 1): one date, a span left unspecified ("201X",
// "2018-11-XX"), a season ("2018-23", autumn), an interval "A/B" whose ends may be open ("..")
// or unknown (""), or a date nobody knows ("XXXX"). Level 2 forms are refused by name.
struct EdtfDate {
    std::optional<CivilDate> start;  // absent when the start is open, or the date unknown
    std::optional<CivilDate> end;    // inclusive, at its own precision; absent: the start's own span
    bool open_start = false, open_end = false;
    bool start_unknown = false, end_unknown = false;  // open because EDTF left the end empty
    bool unknown = false;                             // "XXXX", "XXXX-XX", "XXXX-XX-XX"
};
std::variant<EdtfDate, std::string> parse_edtf(std::string_view text);

// Why a text is not a duration a timeline can use.
struct DurationError {
    enum class Kind { not_a_duration, too_long } kind = Kind::not_a_duration;
    std::string detail;  // what is wrong in the form ("unknown duration unit X"); may be empty
};

// "PT3H", "P2D", "-P1W": the parsed duration, or why it is not one. Too long: more than
// 100000000000 years, the years an instant holds.
std::variant<Duration, DurationError> parse_iso_duration(std::string_view text);

int days_in_month(std::int64_t year, int month);

}  // namespace tarikh
