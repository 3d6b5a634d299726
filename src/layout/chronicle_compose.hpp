// The chronicle's first stage: every era and event as rows of shaped text, one cell per
// edition (column), in reading order, ready to flow down pages.
#pragma once
#include <memory>
#include <unordered_map>
#include <vector>

#include "layout/aggregate.hpp"
#include "layout/edition.hpp"
#include "layout/paginate.hpp"
#include "layout/row_glyphs.hpp"
#include "layout/theme.hpp"

namespace tarikh {

// What each row is, for what the page writer draws beside it.
enum class RowTag { era_heading = 1, era_range, date, title, meta, pull_quote, body, quote, speaker, figures, link_ref,
                    source, unknown_heading, period,  // period: a paragraph standing for the events of a period and lane (--aggregate)
                    doc_title, doc_subtitle, doc_span };  // the first page's title block

// One edition of the chronicle and the column it writes in (logical x, left to right).
struct Column {
    std::unique_ptr<EditionContext> edition;
    double x = 0, width = 0;
};

struct ChronicleRows {
    std::vector<FlowRow> rows;
    std::vector<Color> colors;                    // per row
    std::unordered_map<size_t, std::string> urls; // row index → where its text links to (few rows do)
    std::unordered_map<size_t, size_t> era_rows;  // heading row index → era
    RowGlyphs glyphs;                             // the rows' glyphs kept, or to shape again
};

// The title block (the timeline's title, subtitle and time span, each edition in its column),
// then the rows of every era and of the events in `order` (each era before the first event at or
// after its start), then under "date unknown" the events nobody dates. `intervals`: each
// event's resolved time. With `aggregate`, the events of an aggregated lane become one paragraph
// per period with their totals, before the events of that period that a label filter keeps,
// which are still written in full. The rows' glyphs are kept up to `glyph_budget` bytes (RowGlyphs).
ChronicleRows compose_chronicle(const Timeline& timeline, const std::vector<Interval>& intervals,
                                const std::vector<size_t>& order, std::vector<Column>& columns, const Theme& theme,
                                const Aggregation& aggregate, size_t glyph_budget);

// With --aggregate auto, a chronicle counts a lane once it holds more events than this: past
// it, a reader pages through a lane's entries rather than reads them.
inline constexpr size_t kChronicleCapacity = 100;

}  // namespace tarikh
