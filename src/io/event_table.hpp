// Importing conflict-event tables as they come: ACLED exports and the UCDP Georeferenced Event
// Dataset (GED), as CSV, to a format v1 document (docs/import.md has the mapping, table by
// table). Which rows, lanes and title the timeline gets is a TableChoice.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <tarikh/options.hpp>

#include "io/timelinejs.hpp"

namespace tarikh {

enum class EventDataset { acled, ucdp_ged };

// The dataset a CSV's header row names (ACLED: event_id_cnty and event_date; GED: date_start
// and dyad_name), in any column order; nothing for any other text.
std::optional<EventDataset> event_dataset_of(std::string_view text);

struct TableLimits {
    size_t max_cell_chars = 10'000;  // ReadOptions::max_text_length, for a cell and for a text made of cells
    size_t max_events = 100'000;
    size_t max_diagnostics = 100;
};

// Every row the choice keeps becomes an event; a cell that cannot be read is an error at its
// place (the column's name as the pointer), and then there is no document. The document holds
// only what the format v1 reader accepts (its texts cleaned as it cleans them), so that an
// import need not read it a second time. A choice the file
// cannot honour (a --where column it lacks) is an error with Option::table_choice.
ImportResult import_event_table(std::string_view text, const std::string& file, EventDataset dataset,
                                const TableChoice& choice, const TableLimits& limits = {});

}  // namespace tarikh
