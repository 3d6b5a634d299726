// The chart's second stage: the time scale, the plot's width, where each event falls, and
// the ticks (calendar steps, elapsed time, or orders of distance on a log axis).
#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>

#include "layout/chart_stages.hpp"

namespace tarikh {
namespace {

constexpr double kMinute = 60, kHour = 3600, kDay = 86400, kMonth = 365.2425 * kDay / 12, kYear = 365.2425 * kDay;

struct TickUnitChoice {
    TimeUnit unit;
    std::int64_t step;
    double seconds;  // nominal length, to estimate spacing
};

const TickUnitChoice kTickChoices[] = {
    {TimeUnit::second, 1, 1},       {TimeUnit::second, 5, 5},       {TimeUnit::second, 15, 15},
    {TimeUnit::second, 30, 30},     {TimeUnit::minute, 1, 60},      {TimeUnit::minute, 5, 300},
    {TimeUnit::minute, 15, 900},    {TimeUnit::minute, 30, 1800},   {TimeUnit::hour, 1, 3600},
    {TimeUnit::hour, 3, 10800},     {TimeUnit::hour, 6, 21600},     {TimeUnit::hour, 12, 43200},
    {TimeUnit::day, 1, 86400},      {TimeUnit::day, 2, 172800},     {TimeUnit::day, 7, 604800},
    {TimeUnit::month, 1, 2629746},  {TimeUnit::month, 3, 7889238},  {TimeUnit::month, 6, 15778476},
    {TimeUnit::year, 1, 31556952},  {TimeUnit::year, 2, 63113904},  {TimeUnit::year, 5, 157784760},
    {TimeUnit::year, 10, 315569520}, {TimeUnit::year, 20, 631139040}, {TimeUnit::year, 50, 1577847600},
    {TimeUnit::year, 100, 3155695200.0}, {TimeUnit::year, 200, 6311390400.0}, {TimeUnit::year, 500, 15778476000.0},
    {TimeUnit::year, 1000, 31556952000.0}, {TimeUnit::year, 10000, 315569520000.0},
    {TimeUnit::year, 100000, 3155695200000.0}, {TimeUnit::year, 1000000, 31556952000000.0},
    {TimeUnit::year, 10000000, 315569520000000.0}, {TimeUnit::year, 100000000, 3155695200000000.0},
    {TimeUnit::year, 500000000, 15778476000000000.0}, {TimeUnit::year, 1000000000, 31556952000000000.0},
    {TimeUnit::year, 2000000000, 63113904000000000.0}, {TimeUnit::year, 5000000000LL, 157784760000000000.0},
    {TimeUnit::year, 10000000000LL, 315569520000000000.0},
};

// Where each event goes on the axis: when it happened, or on a relative axis the time since
// its lane's first event (each lane's clock starts at its first event).
std::vector<Interval> placed_times(const Timeline& t, const std::vector<Interval>& intervals, ScaleKind kind) {
    std::vector<Interval> placed = intervals;
    if (kind != ScaleKind::relative) return placed;
    std::unordered_map<std::string, Instant> first;
    for (size_t i = 0; i < t.events.size(); ++i) {
        auto [it, added] = first.try_emplace(t.events[i].lane, intervals[i].start);
        if (!added) it->second = std::min(it->second, intervals[i].start);
    }
    for (size_t i = 0; i < t.events.size(); ++i) {
        Instant origin = first.at(t.events[i].lane);
        placed[i].start -= origin;
        placed[i].end -= origin;
    }
    return placed;
}

// The window, or the events' span (else the first era's, else a year), padded.
void choose_domain(const EditionContext& e, const LayoutOptions& options, const std::vector<Interval>& shown,
                   ChartAxis& axis) {
    const Timeline& t = e.timeline;
    if (options.window && options.scale != ScaleKind::relative) {
        axis.start = options.window->first;
        axis.end = options.window->second;
    } else if (!shown.empty()) {
        axis.start = shown.front().start;
        axis.end = shown.front().end;
        for (const auto& iv : shown) {
            axis.start = std::min(axis.start, iv.start);
            axis.end = std::max(axis.end, iv.end);
        }
    } else if (!t.eras.empty()) {
        axis.start = e.calendar.start_of(t.eras.front().start);
        axis.end = e.calendar.end_of(t.eras.front().end);
    } else {
        axis.start = 946684800;  // 2000-01-01: an empty timeline still draws an axis
        axis.end = axis.start + 366 * 86400;
    }
    long double span = std::max<long double>(3600, static_cast<long double>(axis.end - axis.start));
    long double pad = span * 0.04L;
    axis.start = static_cast<Instant>(axis.start - pad);
    axis.end = static_cast<Instant>(axis.start + span + 2 * pad);
}

// The plot grows with the busiest lane's labels, so crowded charts widen before they stack;
// a page of fixed width it fills.
double plot_width(const Theme& theme, const LayoutOptions& options, const ChartText& text) {
    if (options.width) return *options.width - 2 * theme.margin;
    const ChartTheme& look = theme.chart;
    std::vector<double> lane_label_width(text.lanes.size(), 0);
    for (const auto& g : text.events) lane_label_width[g.lane] += g.label.width + look.label_gap;
    for (const auto& g : text.links)
        if (g.has_label) lane_label_width[g.lane] += g.text.width + 2 * theme.label_pad_x + look.label_gap;
    double busiest = text.lanes.empty() ? 0 : *std::max_element(lane_label_width.begin(), lane_label_width.end());
    return std::clamp(busiest / look.labels_per_row_width, look.plot_min_width, look.plot_max_width);
}

void place_events(const ChartTheme& look, ScaleKind kind, const std::vector<Interval>& placed, const ChartAxis& axis,
                  ChartText& text) {
    for (auto& g : text.events) {
        const Interval& iv = placed[g.event];
        // An open end runs to the edge of the plot.
        g.x0 = iv.open_start ? axis.left : axis.x_of(iv.start);
        g.x1 = iv.open_end ? axis.left + axis.width : axis.x_of(iv.end);
        // Where the axis is not time in proportion, only a stated range is drawn as a bar.
        // A day or finer stays a point: only months and years wide enough to see read as spans.
        bool spans_time = axis.scale.proportional() && iv.precision <= Precision::month && g.x1 - g.x0 >= look.min_bar_width;
        g.bar = iv.is_range || spans_time;
        // A point sits mid-span (noon of its day), but on a relative axis at its start: the
        // lanes' first events meet at 0.
        if (!g.bar) g.x0 = g.x1 = kind == ScaleKind::relative ? g.x0 : (g.x0 + g.x1) / 2;
    }
}

// "…6 weeks…": a cut's length, in the largest unit that keeps it a whole number of two or more.
std::string cut_text(const EditionContext& e, const AxisCut& cut) {
    long double s = static_cast<long double>(cut.to - cut.from);
    constexpr long double kLongYear = 365.2425L * kDay;  // long double: as exact as the span
    auto whole = [&](long double unit) { return static_cast<std::int64_t>(std::llround(s / unit)); };
    Duration d;
    if (s >= 2 * kLongYear) d.years = whole(kLongYear);
    else if (s >= 60 * kDay) d.months = whole(kLongYear / 12);
    else if (s >= 14 * kDay) d.weeks = whole(7 * kDay);
    else if (s >= 2 * kDay) d.days = whole(kDay);
    else if (s >= 7200) d.hours = whole(3600);
    else d.minutes = std::max<std::int64_t>(1, whole(60));
    return "…" + e.dates.duration(d) + "…";
}

// "+3 days": elapsed time on a relative axis, in steps of whole units.
void elapsed_ticks(EditionContext& e, ChartAxis& axis) {
    struct Step { double seconds; Duration words; };
    const Step steps[] = {{60, {0, 0, 0, 0, 0, 1, 0}},      {300, {0, 0, 0, 0, 0, 5, 0}},
                          {900, {0, 0, 0, 0, 0, 15, 0}},    {1800, {0, 0, 0, 0, 0, 30, 0}},
                          {3600, {0, 0, 0, 0, 1, 0, 0}},    {3 * 3600, {0, 0, 0, 0, 3, 0, 0}},
                          {6 * 3600, {0, 0, 0, 0, 6, 0, 0}}, {12 * 3600, {0, 0, 0, 0, 12, 0, 0}},
                          {kDay, {0, 0, 0, 1, 0, 0, 0}},    {2 * kDay, {0, 0, 0, 2, 0, 0, 0}},
                          {7 * kDay, {0, 0, 1, 0, 0, 0, 0}}, {14 * kDay, {0, 0, 2, 0, 0, 0, 0}},
                          {kMonth, {0, 1, 0, 0, 0, 0, 0}},  {3 * kMonth, {0, 3, 0, 0, 0, 0, 0}},
                          {6 * kMonth, {0, 6, 0, 0, 0, 0, 0}}, {kYear, {1, 0, 0, 0, 0, 0, 0}},
                          {5 * kYear, {5, 0, 0, 0, 0, 0, 0}}, {10 * kYear, {10, 0, 0, 0, 0, 0, 0}},
                          {100 * kYear, {100, 0, 0, 0, 0, 0, 0}}, {1e3 * kYear, {1000, 0, 0, 0, 0, 0, 0}},
                          {1e4 * kYear, {10000, 0, 0, 0, 0, 0, 0}}, {1e6 * kYear, {1000000, 0, 0, 0, 0, 0, 0}},
                          {1e8 * kYear, {100000000, 0, 0, 0, 0, 0, 0}}, {1e10 * kYear, {10000000000, 0, 0, 0, 0, 0, 0}}};
    auto times = [](const Duration& d, std::int64_t k) {
        return Duration{d.years * k, d.months * k, d.weeks * k, d.days * k, d.hours * k, d.minutes * k, 0};
    };
    const double size = e.theme.chart.tick_size;
    long double span = axis.scale.seconds_per_plot();
    const Step* chosen = &steps[std::size(steps) - 1];
    for (const auto& step : steps) {
        double spacing = axis.width * static_cast<double>(step.seconds / span);
        if (spacing < 24) continue;  // too dense to label, whatever the words
        if (spacing >= e.shape("+" + e.dates.duration(times(step.words, 10)), size, false).width + 16) {
            chosen = &step;
            break;
        }
    }
    // At most one tick per 24 px of plot, even with the largest step.
    std::int64_t most = static_cast<std::int64_t>(axis.width / 24) + 1;
    for (std::int64_t k = 0; k < most; ++k) {
        double at = static_cast<double>(k) * chosen->seconds;
        if (at > static_cast<double>(axis.end)) break;  // before the cast: it must fit
        Instant t = static_cast<Instant>(at);
        std::string text = k == 0 ? e.dates.number(0) : "+" + e.dates.duration(times(chosen->words, k));
        Tick tick{axis.x_of(t), e.shape(text, size, false)};
        if (tick.x + tick.text.width / 2 > axis.limit) break;
        axis.ticks.push_back(std::move(tick));
    }
}

// A log axis: ticks at whole orders of distance back from the latest event, "−1 day",
// "−1 year", "10 thousand years ago" in deep time.
void log_ticks(EditionContext& e, ChartAxis& axis) {
    struct Back { double seconds; Duration words; };
    std::vector<Back> backs{{kMinute, {0, 0, 0, 0, 0, 1, 0}}, {10 * kMinute, {0, 0, 0, 0, 0, 10, 0}},
                            {kHour, {0, 0, 0, 0, 1, 0, 0}},   {6 * kHour, {0, 0, 0, 0, 6, 0, 0}},
                            {kDay, {0, 0, 0, 1, 0, 0, 0}},    {7 * kDay, {0, 0, 1, 0, 0, 0, 0}},
                            {kYear / 12, {0, 1, 0, 0, 0, 0, 0}}, {kYear, {1, 0, 0, 0, 0, 0, 0}}};
    for (double years = 10; years <= 1e11; years *= 10) backs.push_back({years * kYear, {static_cast<std::int64_t>(years)}});
    const double size = e.theme.chart.tick_size;
    Instant reference = axis.scale.reference();
    std::vector<Tick> candidates;
    if (!axis.deep) candidates.push_back({axis.x_of(reference), e.shape(e.dates.number(0), size, false)});
    for (const auto& back : backs) {
        if (back.seconds < axis.scale.unit() || back.seconds > static_cast<double>(reference - axis.start)) continue;
        if (axis.deep && back.seconds < 10 * kYear) continue;
        Instant t = reference - static_cast<Instant>(back.seconds);
        std::string text = axis.deep ? e.dates.tick(t, TimeUnit::year, 100000) : "−" + e.dates.duration(back.words);
        candidates.push_back({axis.x_of(t), e.shape(text, size, false)});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Tick& a, const Tick& b) { return a.x < b.x; });
    double last_right = -1e300;
    for (auto& tick : candidates)
        if (tick.x - tick.text.width / 2 >= std::max(last_right + 8, 0.0) &&
            tick.x + tick.text.width / 2 <= axis.limit) {  // none past the page's edges
            last_right = tick.x + tick.text.width / 2;
            axis.ticks.push_back(std::move(tick));
        }
}

// The finest calendar step whose labels fit between its ticks, on the `row`th calendar's row;
// a second calendar's row steps by its months at least (its weeks would say nothing new).
TickUnitChoice tick_unit(EditionContext& e, const ChartAxis& axis, size_t row) {
    long double span = axis.scale.seconds_per_plot();
    for (const auto& choice : kTickChoices) {
        if (row > 0 && choice.unit != TimeUnit::month && choice.unit != TimeUnit::year) continue;
        double spacing = axis.width * static_cast<double>(choice.seconds / span);
        ShapedText sample = e.shape(e.dates.tick(axis.start, choice.unit, choice.step, row), e.theme.chart.tick_size, false);
        if (spacing < sample.width + 16 && &choice != &kTickChoices[std::size(kTickChoices) - 1]) continue;
        return choice;
    }
    return {TimeUnit::year, 1, 31556952};
}

// One row of calendar ticks, in the `row`th calendar shown, at its own steps, from `start`
// (past the row's name); none where `clear` says no.
std::vector<Tick> calendar_row(EditionContext& e, const ChartAxis& axis, size_t row, double start,
                               const std::function<bool(double, double)>& clear) {
    const double size = e.theme.chart.tick_size;
    const Calendar calendar(e.timeline.timezone, e.dates.calendars()[row]);
    TickUnitChoice unit = tick_unit(e, axis, row);
    std::vector<Tick> ticks;
    double last_right = start - 8;
    Instant t = calendar.floor(axis.start, unit.unit, unit.step);
    for (int guard = 0; guard < 5000 && t <= axis.end; ++guard) {
        if (t >= axis.start && axis.scale.shows(t)) {
            Tick tick{axis.x_of(t), e.shape(e.dates.tick(t, unit.unit, unit.step, row), size, false)};
            // Calendar steps are uneven (7-day steps restart each month): skip a crowded tick.
            double left = tick.x - tick.text.width / 2, right = tick.x + tick.text.width / 2;
            if (left >= std::max(last_right + 8, 0.0) && right <= axis.limit && clear(left, right)) {
                last_right = tick.x + tick.text.width / 2;
                ticks.push_back(std::move(tick));
            }
        }
        Instant next = calendar.next_tick(t, unit.unit, unit.step);
        if (next <= t) break;
        t = next;
    }
    return ticks;
}

// Calendar ticks, a row per calendar. Every cut is labelled; ticks give way to the labels, and
// none falls inside a cut. A row begins with its calendar's name when the edition names its
// calendars (two, or any but the Gregorian alone).
void calendar_ticks(EditionContext& e, ChartAxis& axis) {
    const double size = e.theme.chart.tick_size;
    for (const auto& cut : axis.scale.cuts()) {
        Tick label{axis.x_of(cut.from) / 2 + axis.x_of(cut.to) / 2, e.shape(cut_text(e, cut), size, false)};
        // Kept whole inside a page of fixed width: every cut is labelled.
        label.x = std::max(label.text.width / 2, std::min(label.x, axis.limit - label.text.width / 2));
        axis.cut_labels.push_back(std::move(label));
    }
    auto clear_of_cuts = [&](double left, double right) {
        return std::none_of(axis.cut_labels.begin(), axis.cut_labels.end(), [&](const Tick& c) {
            return left < c.x + c.text.width / 2 + 8 && c.x - c.text.width / 2 - 8 < right;
        });
    };
    const size_t rows = e.dates.calendars().size();
    if (e.dates.calendars_worth_noting())
        for (CalendarSystem system : e.dates.calendars())
            axis.row_names.push_back(e.shape(e.dates.calendar_name(system), size, true));
    auto start_of_row = [&](size_t row) {
        return row < axis.row_names.size() ? axis.left + axis.row_names[row].width + 8 : -1e300;
    };
    axis.ticks = calendar_row(e, axis, 0, start_of_row(0), clear_of_cuts);
    if (rows > 1) axis.second_ticks = calendar_row(e, axis, 1, start_of_row(1), [](double, double) { return true; });
}

}  // namespace

ChartAxis scale_chart(EditionContext& e, const LayoutOptions& options, ChartText& text) {
    ChartAxis axis;
    std::vector<Interval> placed = placed_times(e.timeline, text.intervals, options.scale);
    std::vector<Interval> shown;
    for (const auto& g : text.events) shown.push_back(placed[g.event]);
    for (size_t i : text.counted) shown.push_back(placed[i]);  // a band's events span time too
    choose_domain(e, options, shown, axis);
    // Deep time counts back from the present, as its labels do ("13.8 billion years ago").
    axis.deep = is_deep_time(axis.start) || mean_year_of(axis.start) < -100'000;
    std::optional<Instant> present;
    if (axis.deep) present = e.calendar.start_of(CivilDate{2000, 1, 1, 0, 0, 0, Precision::year, std::nullopt, false, false});
    axis.scale = TimeScale(options.scale, shown, axis.start, axis.end, present);
    axis.left = e.theme.margin;
    axis.width = plot_width(e.theme, options, text);
    if (options.width) axis.limit = *options.width;
    place_events(e.theme.chart, options.scale, placed, axis, text);
    if (options.scale == ScaleKind::relative) elapsed_ticks(e, axis);
    else if (axis.scale.kind() == ScaleKind::log) log_ticks(e, axis);
    else calendar_ticks(e, axis);
    return axis;
}

}  // namespace tarikh
