#include "layout/calendar_layout.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include "layout/edition.hpp"

namespace tarikh {
namespace {

constexpr double kMargin = 32, kCell = 150, kPad = 5, kDot = 3.5, kMinRow = 58, kGridGap = 28;
constexpr int kTitleLines = 3;
const Color kInk{33, 37, 41}, kMuted{96, 100, 106}, kRule{210, 210, 210}, kWhite{255, 255, 255}, kShade{246, 246, 246};

class CalendarBuilder {
public:
    CalendarBuilder(const Timeline& t, const CalendarOptions& options, Shaper& shaper)
        : t_(t), e_(t, options.lang, options.calendar, shaper, out_), rtl_(e_.rtl), calendar_(e_.calendar), dates_(e_.dates) {}

    Layout build() {
        intervals_ = resolve_event_times(t_, calendar_);
        group();
        width_ = 2 * kMargin + 7 * kCell;
        double y = header(kMargin);
        for (const auto& [year, coarse] : years_) {
            if (!coarse.empty()) y = list(y, dates_.tick(year, TimeUnit::year), coarse) + kGridGap;
            for (const auto& [start, month] : months_) {
                if (calendar_.floor(start, TimeUnit::year, 1) != year) continue;
                y = list(y, dates_.month_title(start), month.listed);
                if (!month.in_days.empty()) y = grid(y, start, month.in_days);
                y += kGridGap;
            }
        }
        Page page;
        page.width = width_;
        page.height = y + kMargin - kGridGap;
        page.items.push_back(RectItem{{0, 0, page.width, page.height}, kWhite, std::nullopt, 0});
        for (auto& item : items_) page.items.push_back(std::move(item));
        e_.finish(std::move(page));
        return std::move(out_);
    }

private:
    std::string pick(const LocalizedText& text, const std::string& pointer) { return e_.pick(text, pointer); }
    ShapedText shape(const std::string& text, double size, bool bold, double width = 0, int lines = 0) {
        return e_.shape(text, size, bold, width, lines);
    }

    // Mirrored for Arabic: the first weekday on the right, text from the right edge.
    double mx(double x, double w) const { return rtl_ ? width_ - x - w : x; }
    Box mbox(const Box& b) const { return {mx(b.x, b.width), b.y, b.width, b.height}; }
    void text(const ShapedText& s, double x, double y, Color color) { items_.push_back(TextItem{{mx(x, s.width), y}, color, s.runs}); }
    void box(const std::string& kind, const std::string& event, const Box& b) { out_.boxes.push_back({kind, event, 1, mbox(b)}); }

    // Days and finer go in their month's grid; months and coarser in their year's list.
    void group() {
        std::vector<size_t> order(t_.events.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            const Interval &x = intervals_[a], &y = intervals_[b];
            return x.start != y.start ? x.start < y.start : x.precision < y.precision;
        });
        for (size_t i : order) {
            const Interval& iv = intervals_[i];
            Instant year = calendar_.floor(iv.start, TimeUnit::year, 1), month = calendar_.floor(iv.start, TimeUnit::month, 1);
            auto& coarse = years_[year];  // every year with events gets its entry, listed or not
            if (iv.open_start || iv.precision <= Precision::year) coarse.push_back(i);
            else if (iv.precision == Precision::month) months_[month].listed.push_back(i);
            else months_[month].in_days.push_back(i);
        }
    }

    double header(double y) {
        for (auto [text_of, size, bold, kind] : {std::tuple{pick(t_.title, "/title"), 22.0, true, "title"},
                                                 std::tuple{pick(t_.subtitle, "/subtitle"), 14.0, false, "subtitle"}}) {
            if (text_of.empty()) continue;
            ShapedText s = shape(text_of, size, bold, width_ - 2 * kMargin);
            text(s, kMargin, y, bold ? kInk : kMuted);
            box(kind, "", {kMargin, y, s.width, s.height});
            y += s.height + 4;
        }
        return y + 12;
    }

    // One event as an entry: a dot in its lane's colour, the title, and its date when the cell
    // alone would say more than the source did (a range, "c.", "?", an open end).
    double entry(size_t i, double x, double y, double width) {
        const Event& e = t_.events[i];
        const Interval& iv = intervals_[i];
        Color color = lane_color(t_, e.lane);
        std::string p = "/events/" + std::to_string(i);
        ShapedText title = shape(pick(e.title, p + "/title"), 9.5, true, width - 3 * kDot, kTitleLines);
        bool qualified = iv.is_range || iv.approximate || iv.uncertain || iv.precision > Precision::day;
        ShapedText meta = qualified ? shape(dates_.event_date(iv), 8.5, false, width - 3 * kDot, 2) : ShapedText{};
        Box dot{x, y + 3, 2 * kDot, 2 * kDot};
        Point center{mx(x + kDot, 0), y + 3 + kDot};
        if (iv.approximate || iv.uncertain)
            items_.push_back(CircleItem{center, kDot - 0.5, kWhite, Stroke{color, 1.25, {1.5, 1}}});
        else
            items_.push_back(CircleItem{center, kDot, color, std::nullopt});
        box("marker", e.id, dot);
        double tx = x + 3 * kDot;
        text(title, tx, y, kInk);
        if (!meta.runs.empty()) text(meta, tx, y + title.height, kMuted);
        Box label{tx, y, std::max(title.width, meta.width), title.height + meta.height};
        box("label", e.id, label);
        out_.scene.notes.push_back(e_.note(i, iv, mbox(label)));
        return label.height + 4;
    }

    // A heading and the events that belong to a month or a year but to no day in it.
    double list(double y, const std::string& heading, const std::vector<size_t>& events) {
        out_.scene.outline.push_back({heading, 1, {mx(kMargin, 0), y}, -1});
        ShapedText h = shape(heading, 15, true);
        text(h, kMargin, y, kInk);
        box("heading", "", {kMargin, y, h.width, h.height});
        y += h.height + 6;
        // Two columns of entries, filled in order.
        double column = (width_ - 2 * kMargin - 16) / 2, top = y, bottom = y;
        for (size_t k = 0; k < events.size(); ++k) {
            double x = kMargin + (k % 2) * (column + 16);
            if (k % 2 == 0) top = bottom;
            bottom = std::max(bottom, top + entry(events[k], x, top, column));
        }
        return bottom + (events.empty() ? 0 : 8);
    }

    double grid(double y, Instant month, const std::vector<size_t>& events) {
        std::map<Instant, std::vector<size_t>> by_day;
        for (size_t i : events) by_day[calendar_.floor(intervals_[i].start, TimeUnit::day, 1)].push_back(i);
        // Weekday names, in the locale's week order.
        int first = dates_.first_weekday();
        std::vector<std::string> names = dates_.weekday_names();
        for (int c = 0; c < 7; ++c) {
            ShapedText n = shape(names[static_cast<size_t>((first + c) % 7)], 9, true);
            text(n, kMargin + c * kCell + kPad, y, kMuted);
        }
        y += 16;

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
            double row_height = kMinRow;
            for (auto [c, d] : week) {
                double x = kMargin + c * kCell, cy = row_top + kPad;
                ShapedText number = shape(dates_.number(static_cast<double>(d + 1)), 10, true);
                text(number, x + kPad, cy, kMuted);
                cy += number.height + 2;
                if (auto it = by_day.find(days[d]); it != by_day.end())
                    for (size_t i : it->second) cy += entry(i, x + kPad, cy, kCell - 2 * kPad);
                row_height = std::max(row_height, cy - row_top + kPad);
            }
            // The cells' frames, now that the row's height is known, go under their text.
            std::vector<Item> frames;
            for (auto [c, d] : week) {
                Box cell{kMargin + c * kCell, row_top, kCell, row_height};
                Color fill = by_day.count(days[d]) ? kWhite : kShade;
                frames.emplace_back(RectItem{mbox(cell), fill, Stroke{kRule, 0.75, {}}, 0});
                box("day", "", cell);
            }
            items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(first_cell_item), frames.begin(), frames.end());
            row_top += row_height;
        }
        box("month", "", {kMargin, grid_top, 7 * kCell, row_top - grid_top});
        return row_top;
    }

    const Timeline& t_;
    Layout out_;
    EditionContext e_;
    const bool rtl_;
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
    double width_ = 0;
};

}  // namespace

Layout layout_calendar(const Timeline& timeline, const CalendarOptions& options, Shaper& shaper) {
    return CalendarBuilder(timeline, options, shaper).build();
}

}  // namespace tarikh
