// How tarikh reads a timeline and how it draws one: plain values, one type per view.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <tarikh/calendars.hpp>

namespace tarikh {

enum class Format { svg, pdf, png, html };

// What an input is: told by its name and shape (automatic), or said.
enum class InputFormat { automatic, tarikh, timelinejs, timelinejs_csv, acled, ucdp_ged };

// What a timeline made from an event table (ACLED, UCDP GED) shows (docs/import.md). Given
// for any other input, it is an error.
struct TableChoice {
    // The column events are grouped into lanes by: "actor1" (ACLED actor1, GED side_a; "side"
    // says the same), "event_type", "admin1", "country" or "none"; empty: actor1.
    std::string lanes{};
    // Rows kept: every field named must hold one of its values (same field: or; fields: and).
    std::vector<std::pair<std::string, std::string>> where{};
    std::optional<std::string> from{}, to{};  // ISO days "2018-09-17", inclusive: events that overlap
    std::optional<double> min_fatalities{};  // ACLED fatalities, GED best
    std::string title{};                     // empty: one made from the dataset and --where

    bool empty() const {
        return lanes.empty() && where.empty() && !from && !to && !min_fatalities && title.empty();
    }
};

// Limits that keep hostile or broken input from taking unbounded time or memory
// (docs/security.md), and how to read what is not format v1.
struct ReadOptions {
    InputFormat from = InputFormat::automatic;
    std::size_t max_file_bytes = 64u << 20;
    std::size_t max_events = 100'000;
    std::size_t max_text_length = 10'000;  // in characters, per text
    int max_depth = 64;                    // JSON nesting
    std::size_t max_diagnostics = 100;     // problems reported per file before giving up
    bool strict = false;  // an imported field that cannot be read is an error, not left out
    TableChoice table{};
};

// How time maps onto a chart's axis.
enum class Scale {
    automatic,      // collapsed when long quiet gaps dwarf the rest, else chronological
    chronological,  // time in proportion
    collapsed,      // long quiet gaps cut out
    sequential,     // events evenly spaced in order
    relative,       // each lane from its first event, in elapsed time
    log,            // orders of magnitude back from the latest event
};

// A chart as small multiples: one panel per era, month or year.
enum class Segment { none, era, month, year };

enum class PageSize { a4, a3, letter, legal };

// A printed page.
struct Paper {
    PageSize size = PageSize::a4;
    bool landscape = false;
};

// A chart printed on pages: split along the time axis, or scaled to fit one page.
struct PrintOptions {
    Paper page{};
    bool fit = false;
};

// A time axis, one band per lane (or one for all), labelled markers.
struct ChartView {
    Scale scale = Scale::chronological;
    bool one_band = false;  // every lane in one band, told apart by colour
    Segment segment = Segment::none;
    std::optional<PrintOptions> print{};  // absent: one page as large as the chart needs
};

// The story as a paginated chronology, in one language or two side by side.
struct ChronicleView {
    Paper page{};
};

// Month grids, each event written in its day.
struct CalendarView {
    std::optional<Paper> page{};  // absent: one page as long as the months need
};

// Time around a ring; only the chronological and sequential scales can be drawn there.
struct RadialView {
    Scale scale = Scale::chronological;
};

using View = std::variant<ChartView, ChronicleView, CalendarView, RadialView>;

// A length as a user gives it: 680 px, 170 mm, 6.5 in, 400 pt (96 px = 1 in = 72 pt = 25.4 mm).
enum class LengthUnit { px, mm, in, pt };
struct Length {
    double value = 0;
    LengthUnit unit = LengthUnit::px;
};

// "680px", "170mm", "6.5in", "400pt", or a bare number of px; nothing for anything else
// (no unit tarikh does not know, no sign, no space inside, nothing after).
std::optional<Length> parse_length(const std::string& text);
// A length in CSS px: 96 to the inch.
double length_px(const Length& length);
// "px", "mm", "in" or "pt": how parse_length spells the unit.
const char* unit_name(LengthUnit unit);

// The narrowest width (px) a chart, calendar or ring is laid out for, and the widest.
inline constexpr double kMinWidthPx = 240, kMaxWidthPx = 20000;
// The text sizes (px) RenderOptions::text_size accepts. No view draws text smaller than the
// least of them, at the output's own size: smaller is not legible.
inline constexpr double kMinTextSizePx = 9, kMaxTextSizePx = 72;

// How an SVG states its size: in the unit asked for (px unless a width in another unit was
// given), or width="100%" with no height, to fill whatever column holds it.
enum class SvgSize { fixed, responsive };

// The digits of every number tarikh writes: the locale's own, Western (latn), Arabic-Indic
// (arab: ٠١٢) or Extended Arabic-Indic (arabext: ۰۱۲, Persian and Urdu).
enum class Digits { locale, latn, arab, arabext };

// Events drawn not one by one but counted in a band of bars, one per period (a chart), or
// one paragraph per period and lane (a chronicle): for thousands of events in a lane.
enum class AggregatePeriod {
    none,
    week,       // ISO weeks, Monday to Sunday, in the timeline's time zone
    month,      // months of the edition's (first) calendar: a Persian edition's are Persian
    automatic,  // by week, each lane holding more events than fit as labelled markers (docs/aggregate.md)
};
// What a bar measures: events, or the sum of their figures of kind "fatalities" (0 without one).
enum class Measure { count, fatalities };
struct Aggregation {
    AggregatePeriod period = AggregatePeriod::none;
    Measure measure = Measure::count;
    // The counted events that still get a labelled marker (and their entry in a chronicle):
    // those with at least this many fatalities (--label-where fatalities>=N), the N with the
    // most (--label-top N), or, both given, the N with the most among those with at least so many.
    std::optional<double> label_min_fatalities{};
    std::optional<std::size_t> label_top{};
};
// "fatalities>=N" (N a non-negative number), as --label-where takes it; nothing for anything else.
std::optional<double> parse_label_where(const std::string& text);

// What a PDF is written to meet and claims in its metadata (--pdf-standard; docs/pdf.md):
// PDF/A-2b and 2u (archival: an sRGB output intent, XMP metadata; 2u: every glyph maps to
// Unicode) and PDF/UA-1 (accessible: tagged, a title shown, languages). 2u includes 2b.
enum class PdfStandard { a_2b, a_2u, ua_1 };

struct RenderOptions {
    Format format = Format::svg;
    View view = ChartView{};
    // The edition's language; empty: the file's first. Two (a bilingual chronicle, the second
    // on the right) only for the chronicle.
    std::vector<std::string> languages{};
    // One or two (parse_calendars("gregorian+persian")); empty: the file's "calendar", else the
    // calendar of the edition's locale (fa-IR: Persian). Honoured over the file's and the locale's.
    Calendars calendar{};
    // The chart, calendar and ring are laid out for this width; absent: as wide as they need.
    std::optional<Length> width{};
    std::optional<double> text_size{};     // px of an event's label; every other size scales with it
    // A built-in theme's name ("default", "print", "dark", "compact") or a theme file's path;
    // empty: the timeline's own "theme", else "default".
    std::string theme{};
    std::vector<std::string> font_dirs{};  // more fonts, beside the Renderer's folder
    // A message catalogue file (messages/en.json's shape) for the first language's words;
    // empty: the built-in ones. Messages it lacks come from English, with a warning.
    std::string catalogue{};
    Digits digits = Digits::locale;
    Aggregation aggregate{};               // a chart or a chronicle only
    SvgSize svg_size = SvgSize::fixed;
    bool svg_text = true;                  // real text under the outlines, for find, copy and screen readers
    double dpi = 96;                       // PNG only
    std::vector<PdfStandard> pdf_standards{};  // PDF only
    double max_pixels = 100'000'000;       // PNG width × height
    std::size_t max_pages = 1000;          // pages of one output
    int threads = 1;                       // for shaping large timelines (each thread loads the fonts again)
    // false: what only LaidOut::boxes_json(), quality_json() and an HTML page read (the boxes,
    // leaders and event notes) is let go once laid out, and those refuse such a layout (a
    // 100,000-event chart's PDF draws in ~50 MB less).
    bool keep_reports = true;
};

}  // namespace tarikh
