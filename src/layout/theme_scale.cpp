// scaled_theme: one factor over every size that belongs to text.
#include <algorithm>
#include <initializer_list>

#include "layout/theme.hpp"

namespace tarikh {
namespace {

void scale_text(double factor, std::initializer_list<double*> sizes) {
    for (double* size : sizes) *size = std::max(*size * factor, kMinTextPx);
}

void scale_room(double factor, std::initializer_list<double*> lengths) {
    for (double* length : lengths) *length *= factor;
}

}  // namespace

Theme scaled_theme(const Theme& theme, double label_size) {
    Theme t = theme;
    const double f = label_size / theme.label_size;
    scale_text(f, {&t.title_size, &t.subtitle_size, &t.label_size, &t.meta_size, &t.page_text_size});
    scale_room(f, {&t.label_pad_x, &t.label_pad_y});
    ChartTheme& chart = t.chart;
    scale_text(f, {&chart.heading_size, &chart.lane_size, &chart.link_size, &chart.tick_size, &chart.legend_size,
                   &chart.era_size});
    scale_room(f, {&chart.label_max_width});  // not the gap between labels: the quality report measures with the default
    ChronicleTheme& chronicle = t.chronicle;
    scale_text(f, {&chronicle.era_size, &chronicle.era_range_size, &chronicle.date_size, &chronicle.title_size,
                   &chronicle.major_title_size, &chronicle.meta_size, &chronicle.pull_quote_size, &chronicle.body_size,
                   &chronicle.figures_size, &chronicle.link_size, &chronicle.source_size, &chronicle.speaker_size,
                   &chronicle.continued_size});
    CalendarTheme& calendar = t.calendar;
    scale_text(f, {&calendar.title_size, &calendar.meta_size, &calendar.heading_size, &calendar.weekday_size,
                   &calendar.day_size});
    scale_room(f, {&calendar.cell, &calendar.min_row});
    RadialTheme& radial = t.radial;
    scale_text(f, {&radial.tick_size});
    scale_room(f, {&radial.label_width});
    return t;
}

}  // namespace tarikh
