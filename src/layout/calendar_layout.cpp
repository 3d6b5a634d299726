#include "layout/calendar_layout.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>

#include "layout/contrast.hpp"
#include "layout/edition.hpp"
#include "layout/structure.hpp"

namespace tarikh {
namespace {

class CalendarBuilder {
public:
    CalendarBuilder(const Timeline& t, const CalendarOptions& options, Shaper& shaper)
        : t_(t), e_(t, options.lang, options.calendar, shaper, out_, options.theme, options.wording),
          look_(options.theme.calendar),
          calendar_(e_.calendar),
          dates_(e_.dates),
          fixed_width_(options.width) {}

    Layout build() {
        intervals_ = resolve_event_times(t_, calendar_);
        group();
        cell_ = fixed_width_ ? (*fixed_width_ - 2 * e_.theme.margin) / 7 : look_.cell;
        width_ = fixed_width_ ? *fixed_width_ : 2 * e_.theme.margin + 7 * cell_;
        warn_if_narrow();
        double y = header(e_.theme.margin);
        const size_t drawing = items_.size();
        for (const auto& [year, coarse] : years_) {
            if (!coarse.empty()) y = list(y, dates_.tick(year, TimeUnit::year), coarse) + look_.grid_gap;
            for (const auto& [start, month] : months_) {
                if (calendar_.floor(start, TimeUnit::year, 1) != year) continue;
                y = list(y, dates_.month_title(start), month.listed);
                if (!month.in_days.empty()) y = grid(y, start, month.in_days);
                y += look_.grid_gap;
            }
        }
        Page page;
        page.width = width_;
        page.height = y + e_.theme.margin - look_.grid_gap;
        page.items.push_back(RectItem{{0, 0, page.width, page.height}, e_.theme.paper, std::nullopt, 0});
        // Read as the title, the subtitle, then the calendar: a figure that says its events in
        // time order.
        const auto first = items_.begin() + static_cast<std::ptrdiff_t>(drawing);
        Group figure = role_group(Role::figure, std::vector<Item>(std::make_move_iterator(first), std::make_move_iterator(items_.end())));
        items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(drawing), items_.end());
        figure.alt = alt_.empty() ? e_.pick(t_.title, "/title") : alt_;
        items_.push_back(std::move(figure));
        page.items.push_back(role_group(Role::document, std::move(items_)));
        e_.finish(std::move(page));
        return std::move(out_);
    }

private:
    // Mirrored for Arabic: the first weekday on the right, text from the right edge.
    double mx(double x, double w) const { return e_.rtl ? width_ - x - w : x; }
    Box mbox(const Box& b) const { return {mx(b.x, b.width), b.y, b.width, b.height}; }
    // `behind`: the paper unless given (a day's shade); the colour is made to read on it.
    void text(const ShapedText& s, double x, double y, Color color, std::optional<Color> behind = {}) {
        items_.push_back(TextItem{{mx(x, s.width), y}, readable_on(color, behind.value_or(e_.theme.paper)), s.runs,
                                  e_.tag_unless_story(s.lang)});
    }
    void box(BoxKind kind, const std::string& event, const Box& b) { out_.boxes.push_back({kind, event, 1, mbox(b)}); }

    // A day narrower than this holds a word or two a line at best.
    static constexpr double kNarrowestCell = 60;

    void warn_if_narrow() {
        if (cell_ >= kNarrowestCell) return;
        e_.warn("the calendar is too narrow to read at " + std::to_string(static_cast<int>(width_)) + " px: each day is " +
                    std::to_string(static_cast<int>(cell_)) + " px wide",
                {"give it a larger --width (" + std::to_string(static_cast<int>(7 * kNarrowestCell + 2 * e_.theme.margin)) +
                 " px or more), or --layout chronicle"});
    }

    // Days and finer go in their month's grid; months and coarser in their year's list.
    void group() {
        std::vector<size_t> order(t_.events.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            const Interval &x = intervals_[a], &y = intervals_[b];
            return x.start != y.start ? x.start < y.start : x.precision < y.precision;
        });
        size_t unknown = 0;
        for (size_t i : order) {
            const Interval& iv = intervals_[i];
            if (iv.unknown && ++unknown) continue;  // a date nobody knows has no day, month or year
            std::string title = e_.pick(t_.events[i].title, "/events/" + std::to_string(i) + "/title");
            alt_ += (alt_.empty() ? "" : e_.words.list_separator) + dates_.event_date(iv) + (title.empty() ? "" : e_.words.dash + title);
            Instant year = calendar_.floor(iv.start, TimeUnit::year, 1), month = calendar_.floor(iv.start, TimeUnit::month, 1);
            auto& coarse = years_[year];  // every year with events gets its entry, listed or not
            if (iv.open_start || iv.precision <= Precision::year) coarse.push_back(i);
            else if (iv.precision == Precision::month) months_[month].listed.push_back(i);
            else months_[month].in_days.push_back(i);
        }
        if (unknown > 0)
            e_.warn(std::to_string(unknown) + (unknown == 1 ? " event has" : " events have") +
                        " no known date (XXXX) and no place on the calendar",
                    {"--layout chart or --layout chronicle lists them under \"date unknown\""});
    }

    double header(double y) {
        const Theme& theme = e_.theme;
        for (const auto& [kind, s] : e_.header(width_ - 2 * theme.margin)) {
            text(s, theme.margin, y, kind == BoxKind::title ? theme.ink : theme.muted);
            Group line = kind == BoxKind::title ? role_group(Role::heading, {std::move(items_.back())}, 1)
                                                : role_group(Role::paragraph, {std::move(items_.back())});
            items_.back() = std::move(line);
            box(kind, "", {theme.margin, y, s.width, s.height});
            y += s.height + 4;
        }
        return y + 12;
    }

    // One event as an entry: a dot in its lane's colour, the title, and its date when the cell
    // alone would say more than the source did (a range, "c.", "?", an open end).
    double entry(size_t i, double x, double y, double width) {
        const Event& e = t_.events[i];
        const Interval& iv = intervals_[i];
        Color color = e_.lane_color(e.lane);
        const double dot = look_.dot;
        std::string p = "/events/" + std::to_string(i);
        const double text_width = width - 3 * dot, full = look_.cell - 2 * look_.pad - 3 * dot;  // the theme's day
        ShapedText title = e_.shape(e_.pick(e.title, p + "/title"), look_.title_size, true, text_width,
                                    lines_for_width(look_.title_lines, full, text_width));
        bool qualified = iv.is_range || iv.approximate || iv.uncertain || iv.precision > Precision::day;
        ShapedText meta = qualified ? e_.shape(dates_.event_date(iv), look_.meta_size, false, text_width,
                                               lines_for_width(2, full, text_width))
                                    : ShapedText{};
        Box dot_box{x, y + 3, 2 * dot, 2 * dot};
        Point center{mx(x + dot, 0), y + 3 + dot};
        const MarkerShape shape = e_.lane_shape(e.lane);
        if (iv.approximate || iv.uncertain)
            items_.push_back(CircleItem{center, dot - 0.5, e_.theme.paper, Stroke{color, 1.25, {1.5, 1}}, shape});
        else
            items_.push_back(CircleItem{center, dot, color, std::nullopt, shape});
        box(BoxKind::marker, e.id, dot_box);
        double tx = x + 3 * dot;
        text(title, tx, y, e_.theme.ink);
        if (!meta.runs.empty()) text(meta, tx, y + title.height, e_.theme.muted);
        Box label{tx, y, std::max(title.width, meta.width), title.height + meta.height};
        box(BoxKind::label, e.id, label);
        out_.scene.notes.push_back(e_.note(i, iv, mbox(label)));
        return label.height + 4;
    }

    // A heading and the events that belong to a month or a year but to no day in it.
    double list(double y, const std::string& heading, const std::vector<size_t>& events) {
        const double margin = e_.theme.margin;
        out_.scene.outline.push_back({heading, 1, {mx(margin, 0), y}, -1});
        ShapedText h = e_.shape(heading, look_.heading_size, true, width_ - 2 * margin);
        text(h, margin, y, e_.theme.ink);
        box(BoxKind::heading, "", {margin, y, h.width, h.height});
        y += h.height + 6;
        // Two columns of entries, filled in order.
        double column = (width_ - 2 * margin - 16) / 2, top = y, bottom = y;
        for (size_t k = 0; k < events.size(); ++k) {
            double x = margin + (k % 2) * (column + 16);
            if (k % 2 == 0) top = bottom;
            bottom = std::max(bottom, top + entry(events[k], x, top, column));
        }
        return bottom + (events.empty() ? 0 : 8);
    }

    double grid(double y, Instant month, const std::vector<size_t>& events) {
        const double margin = e_.theme.margin, cell_width = cell_, pad = look_.pad;
        std::map<Instant, std::vector<size_t>> by_day;
        for (size_t i : events) by_day[calendar_.floor(intervals_[i].start, TimeUnit::day, 1)].push_back(i);
        // Weekday names, in the locale's week order.
        int first = dates_.first_weekday();
        std::vector<std::string> names = dates_.weekday_names();
        double names_height = 0;
        for (int c = 0; c < 7; ++c) {
            ShapedText n = e_.shape(names[static_cast<size_t>((first + c) % 7)], look_.weekday_size, true,
                                    std::max(1.0, cell_width - 2 * pad));
            text(n, margin + c * cell_width + pad, y, e_.theme.muted);
            names_height = std::max(names_height, n.height);
        }
        y += std::max(16.0, names_height + 2);

        // Days into weeks: a week row is as tall as its fullest day.
        std::vector<Instant> days;
        for (Instant d = month, end = calendar_.add(month, TimeUnit::month, 1); d < end && days.size() < 31;
             d = calendar_.add(d, TimeUnit::day, 1))
            days.push_back(d);
        int column = (dates_.weekday(days.front()) - first + 7) % 7;
        double grid_top = y, row_top = y;
        size_t day = 0;
        while (day < days.size()) {
            // Lay the week's cells out first, to learn the row's height.
            std::vector<std::pair<int, size_t>> week;  // (column, day index)
            for (int c = column; c < 7 && day < days.size(); ++c) week.emplace_back(c, day++);
            column = 0;
            size_t first_cell_item = items_.size();
            double row_height = look_.min_row;
            for (auto [c, d] : week) {
                double x = margin + c * cell_width, cy = row_top + pad;
                ShapedText number = e_.shape(dates_.number(static_cast<double>(d + 1)), look_.day_size, true);
                text(number, x + pad, cy, e_.theme.muted, by_day.count(days[d]) ? e_.theme.paper : look_.shade);
                cy += number.height + 2;
                if (auto it = by_day.find(days[d]); it != by_day.end())
                    for (size_t i : it->second) cy += entry(i, x + pad, cy, cell_width - 2 * pad);
                row_height = std::max(row_height, cy - row_top + pad);
            }
            // The cells' frames, now that the row's height is known, go under their text.
            std::vector<Item> frames;
            for (auto [c, d] : week) {
                Box cell{margin + c * cell_width, row_top, cell_width, row_height};
                Color fill = by_day.count(days[d]) ? e_.theme.paper : look_.shade;
                frames.emplace_back(RectItem{mbox(cell), fill, Stroke{look_.rule, 0.75, {}}, 0});
                box(BoxKind::day, "", cell);
            }
            items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(first_cell_item), frames.begin(), frames.end());
            row_top += row_height;
        }
        box(BoxKind::month, "", {margin, grid_top, 7 * cell_width, row_top - grid_top});
        return row_top;
    }

    const Timeline& t_;
    Layout out_;
    EditionContext e_;
    const CalendarTheme& look_;
    const Calendar& calendar_;
    const DateFormatter& dates_;
    std::vector<Interval> intervals_;
    struct Month {
        std::vector<size_t> listed;   // known to the month only: above the grid
        std::vector<size_t> in_days;  // in the grid
    };
    std::map<Instant, std::vector<size_t>> years_;  // by their first instant; the events known to the year only
    std::map<Instant, Month> months_;
    std::vector<Item> items_;
    std::string alt_;  // the events in time order, as the calendar's figure says them
    const std::optional<double> fixed_width_;
    double width_ = 0, cell_ = 0;
};

}  // namespace

Layout layout_calendar(const Timeline& timeline, const CalendarOptions& options, Shaper& shaper) {
    return CalendarBuilder(timeline, options, shaper).build();
}

}  // namespace tarikh
