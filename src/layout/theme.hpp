// The look every layout shares: colours, the lane palette, text sizes, the size factor of
// Arabic-script editions, and spacing. Layouts take a Theme in their options (this default,
// unless a caller passes another) and keep no colour or size of their own.
#pragma once
#include <cmath>
#include <string>
#include <vector>

#include <tarikh/options.hpp>

#include "core/geometry.hpp"

namespace tarikh {

struct ChartTheme {
    double plot_min_width = 960, plot_max_width = 16000;
    double labels_per_row_width = 8;  // plot width aims at the busiest lane's label width / this
    double label_max_width = 210;
    int title_lines = 4, meta_lines = 3;  // a chart label shows a few lines; the chronicle has the rest
    double label_gap = 8;  // labels of one row stay this far apart
    double row_gap = 6, leader_room = 10;
    double strip_height = 26, bar_height = 8, min_bar_width = 24, track_gap = 4;
    double lane_gap = 14, tick_length = 5;
    int max_rows_at_markers = 12;  // past this, labels move right rather than stack
    double panel_gap = 18;         // between the panels of a segmented chart
    double heading_size = 16, lane_size = 13, link_size = 10, tick_size = 10.5, legend_size = 10.5, era_size = 11;
    Color axis{110, 110, 110}, grid{228, 228, 228}, link{150, 60, 40}, era{200, 170, 90};
};

struct ChronicleTheme {
    double gutter = 30, line_x = 10, column_gap = 24, quote_indent = 16;
    double header_height = 30, footer_height = 26;
    double era_size = 17, era_range_size = 11, date_size = 11, title_size = 14, major_title_size = 18,
           meta_size = 10.5, pull_quote_size = 15, body_size = 11.5, figures_size = 10.5, link_size = 10.5,
           source_size = 10, speaker_size = 10.5, continued_size = 10;
    Color rule{200, 200, 200}, link{31, 84, 150};
};

struct CalendarTheme {
    double cell = 150, pad = 5, dot = 3.5, min_row = 58, grid_gap = 28;
    int title_lines = 3;
    double title_size = 9.5, meta_size = 9, heading_size = 15, weekday_size = 9, day_size = 10;
    Color rule{210, 210, 210}, shade{246, 246, 246};
};

struct RadialTheme {
    double label_width = 200, gap = 6, column_gap = 48;
    double tick_size = 9.5;
    Color ring{170, 170, 170}, label_border{200, 200, 200};
};

// A chart printed on pages (--page with the chart).
struct PrintTheme {
    double overlap = 60;  // px of the chart shown on both of two neighbouring pages
    double footer_height = 24;
    Color mark{150, 150, 150};
};

// An event's label in the chart and the ring: framed and filled, or without a frame.
enum class LabelStyle { boxed, plain };
// Where the chart's legend goes, if anywhere.
enum class LegendPlace { none, top, bottom };

struct Theme {
    Color paper{255, 255, 255}, ink{33, 37, 41}, muted{96, 100, 106};
    // A lane's colour by its place (cycling), unless it has its own; never empty.
    std::vector<Color> lanes{{59, 110, 165}, {142, 44, 44}, {47, 125, 79}, {138, 90, 0}, {107, 76, 154}, {31, 122, 122}};
    Color unlaned = lanes[0];  // events without a lane, in every view
    // Every text of an edition in the Arabic script is this much larger: Amiri reads small beside Noto Sans.
    double arabic_scale = 1.18;
    // Font families in fallback order (Pango picks, per character, the first that has it), and
    // font files loaded beside fonts/ for them.
    std::vector<std::string> font_families{"Noto Sans", "Amiri", "Noto Nastaliq Urdu", "Noto Sans Hebrew",
                                              "Noto Sans Symbols"};
    std::vector<std::string> font_files{};
    double margin = 32;
    double title_size = 22, subtitle_size = 14;
    // An event's label in the chart and the ring: title and date line, padded; its marker.
    double label_size = 12, meta_size = 10.5, label_pad_x = 6, label_pad_y = 3;
    double marker_radius = 5;  // also the chronicle's
    double page_text_size = 9.5;  // running headers and page numbers
    LabelStyle label_style = LabelStyle::boxed;
    LegendPlace legend = LegendPlace::top;
    bool subtitle = true;      // the document's subtitle under its title (chart, calendar, ring)
    bool lane_shapes = false;  // each lane's markers of their own shape, for prints without colour
    bool grey_own_colors = false;  // the file's own lane and era colours drawn as greys (a print theme)
    ChartTheme chart;
    ChronicleTheme chronicle;
    CalendarTheme calendar;
    RadialTheme radial;
    PrintTheme print;
};

constexpr double kMinTextPx = kMinTextSizePx;  // the smallest text any view draws (options.hpp)

// A text cut to `lines` lines at `full` px wide keeps about as many words at a narrower
// `width` (a page of fixed width): more lines, never fewer.
inline int lines_for_width(int lines, double full, double width) {
    if (width <= 0 || width >= full) return lines;
    return static_cast<int>(std::ceil(lines * full / width));
}

// `theme` with its event labels at `label_size` px and every other text size, label width and
// label padding in proportion; no text is made smaller than kMinTextPx.
Theme scaled_theme(const Theme& theme, double label_size);

// A colour the file gives (a lane's, an era's) as the theme draws it: itself, or the grey of
// its lightness.
inline Color own_color(const Theme& theme, Color c) {
    if (!theme.grey_own_colors) return c;
    auto grey = static_cast<unsigned char>(0.299 * c.r + 0.587 * c.g + 0.114 * c.b + 0.5);
    return {grey, grey, grey, c.a};
}

}  // namespace tarikh
