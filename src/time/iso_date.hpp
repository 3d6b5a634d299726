// Reading ISO 8601 partial dates (with EDTF's ~ ? % marks) and durations.
#pragma once
#include <string>
#include <string_view>
#include <variant>

#include "model/timeline.hpp"

namespace tarikh {

// The parsed date, or the reason it is not one ("month 13 is out of range").
std::variant<CivilDate, std::string> parse_iso_date(std::string_view text);

// "PT3H", "P2D", "-P1W": the parsed duration, or the reason it is not one.
std::variant<Duration, std::string> parse_iso_duration(std::string_view text);

int days_in_month(std::int64_t year, int month);

}  // namespace tarikh
