// Reading CSV as spreadsheets and data portals write it (RFC 4180): fields quoted when they
// hold commas, quotes or line breaks, rows ended by "\n", "\r\n" or "\r". Every cell keeps its
// line and column, so that an importer can say which cell it could not use.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "io/json_positions.hpp"

namespace tarikh {

struct CsvCell {
    std::string text;
    TextPosition at;
};
using CsvRow = std::vector<CsvCell>;

// Bounds on what one file may hold; past them reading stops with an error naming the option
// that raises them.
struct CsvLimits {
    size_t max_rows = SIZE_MAX;        // data rows, the header not counted (Option::max_events)
    size_t max_cell_chars = SIZE_MAX;  // code points in one cell (Option::max_text_length)
};

struct CsvTable {
    std::vector<CsvRow> rows;        // the header first; rows with no cell at all are skipped
    std::optional<Diagnostic> error;  // a NUL byte, a byte that is not UTF-8, an unclosed quote, a limit
};

// A leading byte order mark is skipped. Errors carry `file` and the place of the offending byte.
CsvTable read_csv(std::string_view text, const std::string& file, const CsvLimits& limits = {});

}  // namespace tarikh
