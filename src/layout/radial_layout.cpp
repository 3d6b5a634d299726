#include "layout/radial_layout.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "layout/contrast.hpp"
#include "layout/edition.hpp"
#include "layout/structure.hpp"

namespace tarikh {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Two boxes closer than a few px: tick labels that would read as one.
bool touches(const Box& a, const Box& b) {
    constexpr double kGap = 4;
    return a.x < b.right() + kGap && b.x < a.right() + kGap && a.y < b.bottom() + kGap && b.y < a.bottom() + kGap;
}

struct Placed {
    size_t event;
    Point marker;
    ShapedText title, meta;
    double width = 0, height = 0, y = 0;
    bool right = true;  // which column
};

class RadialBuilder {
public:
    RadialBuilder(const Timeline& t, const RadialOptions& options, Shaper& shaper)
        : t_(t),
          e_(t, options.lang, options.calendar, shaper, out_, options.theme, options.wording),
          look_(options.theme.radial),
          kind_(options.scale == ScaleKind::sequential ? ScaleKind::sequential : ScaleKind::chronological),
          fixed_width_(options.width) {}

    Layout build() {
        std::vector<Interval> times = resolve_event_times(t_, e_.calendar);
        // The ring closes on itself: the domain is the events' span and a little more, so the
        // first and last events do not meet at the top.
        // A date nobody knows has no place on the ring.
        std::vector<Interval> known;
        for (const auto& iv : times)
            if (!iv.unknown) known.push_back(iv);
        warn_unknown_dates(times.size() - known.size(), "ring");
        Instant start = 0, end = 1;
        if (!known.empty()) {
            start = known.front().start, end = known.front().end;
            for (const auto& iv : known) start = std::min(start, iv.start), end = std::max(end, iv.end);
        }
        Instant pad = std::max<Instant>(60, (end - start) / 24);
        TimeScale axis(kind_, known, start - pad, end + pad);

        share_width();
        std::vector<Placed> labels;
        for (size_t i = 0; i < t_.events.size(); ++i)
            if (!times[i].unknown) labels.push_back(label(i, times[i]));
        // The ring grows with the events, so that the columns beside it do not run far past it.
        double total = 0;
        for (const auto& l : labels) total += l.height + look_.gap;
        radius_ = std::clamp(total / 2 / 2.2, 140.0, 900.0);
        if (fixed_width_) radius_ = std::max(10.0, std::min(radius_, *fixed_width_ / 2 - e_.theme.margin - widest_ - column_gap_));
        width_ = fixed_width_ ? *fixed_width_ : 2 * (e_.theme.margin + widest_ + column_gap_ + radius_);
        double y = header(e_.theme.margin);
        center_ = {width_ / 2, y + 24 + radius_};

        // Markers around the ring; labels to the side their marker is on.
        for (size_t i = 0; i < labels.size(); ++i) {
            // Mid-span in time; on a sequential ring, at the event's own step.
            const Interval& iv = times[labels[i].event];
            double f = kind_ == ScaleKind::sequential ? axis.fraction(iv.start)
                                                      : axis.fraction(iv.start) / 2 + axis.fraction(iv.end) / 2;
            double angle = angle_of(f);
            labels[i].marker = {center_.x + radius_ * std::cos(angle), center_.y + radius_ * std::sin(angle)};
            labels[i].right = labels[i].marker.x >= center_.x;
        }
        double bottom = center_.y + radius_ + 24;
        for (bool right : {true, false}) bottom = std::max(bottom, stack(labels, right));

        Page page;
        page.width = width_;
        page.height = bottom + e_.theme.margin;
        page.items.push_back(RectItem{{0, 0, page.width, page.height}, e_.theme.paper, std::nullopt, 0});
        // Read as the title, the subtitle, then the ring: a figure that says its events in time
        // order; the ring and its ticks are artifacts.
        Page ring;
        ring.items.push_back(CircleItem{center_, radius_, std::nullopt, Stroke{look_.ring, 1.5, {}}});
        out_.boxes.push_back({BoxKind::axis, "", 1, {center_.x - radius_, center_.y - radius_, 2 * radius_, 2 * radius_}});
        std::vector<Item> read = header_items();
        ticks(ring, axis, start - pad, end + pad);
        ring.items = {role_group(Role::artifact, std::move(ring.items))};
        std::vector<std::pair<size_t, std::string>> said;  // event, its words
        for (const auto& l : labels) said.emplace_back(l.event, draw(ring, l, times[l.event]));
        std::stable_sort(said.begin(), said.end(), [&](const auto& a, const auto& b) {
            const Interval &p = times[a.first], &q = times[b.first];
            return p.start != q.start ? p.start < q.start : p.precision < q.precision;
        });
        Group figure = role_group(Role::figure, std::move(ring.items));
        for (const auto& [event, words] : said) figure.alt += (figure.alt.empty() ? "" : e_.words.list_separator) + words;
        if (figure.alt.empty()) figure.alt = e_.pick(t_.title, "/title");
        read.push_back(std::move(figure));
        page.items.push_back(role_group(Role::document, std::move(read)));
        e_.finish(std::move(page));
        return std::move(out_);
    }

private:
    void warn_unknown_dates(size_t count, const char* where) {
        if (count == 0) return;
        e_.warn(std::to_string(count) + (count == 1 ? " event has" : " events have") + " no known date (XXXX) and no place on the " +
                    where,
                {"--layout chart or --layout chronicle lists them under \"date unknown\""});
    }

    // A label column's width and its gap from the ring: the theme's, or on a page of fixed
    // width a share of each half of it, the rest for the ring.
    void share_width() {
        widest_ = look_.label_width * e_.scale + 2 * e_.theme.label_pad_x;
        column_gap_ = look_.column_gap;
        if (!fixed_width_) return;
        double half = *fixed_width_ / 2 - e_.theme.margin;
        column_gap_ = std::min(column_gap_, half * 0.12);
        widest_ = std::min(widest_, half * 0.55);
        if (widest_ < kNarrowestLabel)
            e_.warn("the ring is too narrow to read at " + std::to_string(static_cast<int>(*fixed_width_)) +
                        " px: its labels are " + std::to_string(static_cast<int>(widest_)) + " px wide",
                    {"give it a larger --width (" + std::to_string(static_cast<int>(kWidestNeeded)) +
                     " px or more), or --layout chart"});
    }
    static constexpr double kNarrowestLabel = 100, kWidestNeeded = 2 * (32 + kNarrowestLabel / 0.55);

    // Clockwise from the top; counter-clockwise where text runs right to left.
    double angle_of(double fraction) const { return -kPi / 2 + (e_.rtl ? -1 : 1) * 2 * kPi * fraction; }

    double header(double y) {
        for (auto& [kind, s] : e_.header(width_ - 2 * e_.theme.margin)) {
            header_.push_back({s, y, kind == BoxKind::title ? e_.theme.ink : e_.theme.muted, kind});
            y += s.height + 4;
        }
        return y + 8;
    }

    Placed label(size_t i, const Interval& iv) {
        const Event& e = t_.events[i];
        std::string p = "/events/" + std::to_string(i);
        const double text_width = widest_ - 2 * e_.theme.label_pad_x, full = look_.label_width * e_.scale;
        Placed l{i, {}, e_.shape(e_.pick(e.title, p + "/title"), e_.theme.label_size, true, text_width,
                                 lines_for_width(3, full, text_width)), {}};
        std::string meta = e_.dates.event_date(iv);
        if (std::string place = e_.pick(e.place, p + "/place"); !place.empty()) meta += e_.words.separator + place;
        l.meta = e_.shape(meta, e_.theme.meta_size, false, text_width, lines_for_width(2, full, text_width));
        l.width = std::max(l.title.width, l.meta.width) + 2 * e_.theme.label_pad_x;
        l.height = l.title.height + l.meta.height + 2 * e_.theme.label_pad_y;
        return l;
    }

    // One column: labels in the order of their markers' heights, each as near its marker as
    // the ones above allow. Returns the column's bottom.
    double stack(std::vector<Placed>& labels, bool right) {
        std::vector<Placed*> column;
        for (auto& l : labels)
            if (l.right == right) column.push_back(&l);
        std::stable_sort(column.begin(), column.end(), [](const Placed* a, const Placed* b) { return a->marker.y < b->marker.y; });
        double next = header_bottom();
        for (Placed* l : column) {
            l->y = std::max(next, l->marker.y - l->height / 2);
            next = l->y + l->height + look_.gap;
        }
        return next;
    }

    double header_bottom() const {
        double y = e_.theme.margin;
        for (const auto& h : header_) y = std::max(y, h.y + h.text.height);
        return y + 8;
    }

    // The title (heading 1) and the subtitle.
    std::vector<Item> header_items() {
        std::vector<Item> items;
        for (const auto& h : header_) {
            double x = e_.rtl ? width_ - e_.theme.margin - h.text.width : e_.theme.margin;
            TextItem text{{x, h.y}, readable_on(h.color, e_.theme.paper), h.text.runs, e_.tag_unless_story(h.text.lang)};
            items.push_back(h.kind == BoxKind::title ? role_group(Role::heading, {std::move(text)}, 1)
                                                     : role_group(Role::paragraph, {std::move(text)}));
            out_.boxes.push_back({h.kind, "", 1, {x, h.y, h.text.width, h.text.height}});
        }
        return items;
    }

    void ticks(Page& page, const TimeScale& axis, Instant from, Instant to) {
        if (kind_ == ScaleKind::sequential) return;  // steps, not time: the labels carry the dates
        // About a dozen calendar ticks inside the ring.
        static const std::pair<TimeUnit, std::int64_t> kUnits[] = {
            {TimeUnit::minute, 5}, {TimeUnit::minute, 15}, {TimeUnit::hour, 1}, {TimeUnit::hour, 3}, {TimeUnit::day, 1},
            {TimeUnit::day, 7},    {TimeUnit::month, 1},   {TimeUnit::month, 3}, {TimeUnit::year, 1}, {TimeUnit::year, 10},
            {TimeUnit::year, 100}, {TimeUnit::year, 1000}};
        // At the months and years of the calendar the dates are written in (the first shown).
        const Calendar calendar(e_.timeline.timezone, e_.dates.calendars().front());
        for (auto [unit, step] : kUnits) {
            Instant first = calendar.floor(from, unit, step);
            int count = 0;
            for (Instant t = first; t <= to && count < 40; t = calendar.next_tick(t, unit, step)) ++count;
            if (count > 16 && !(unit == TimeUnit::year && step == 1000)) continue;
            // Ticks closer than this (the ring's end meets its start) are skipped.
            auto apart = [](double a, double b) { return std::abs(std::remainder(a - b, 2 * kPi)) >= 0.18; };
            std::vector<double> taken;
            std::vector<Box> labelled;  // tick labels never touch one another
            for (Instant t = first; t <= to; t = calendar.next_tick(t, unit, step)) {
                if (t < from) continue;
                double angle = angle_of(axis.fraction(t));
                if (!std::all_of(taken.begin(), taken.end(), [&](double a) { return apart(a, angle); })) continue;
                ShapedText text = e_.shape(e_.dates.tick(t, unit, step), look_.tick_size, false);
                double r = radius_ - 14 - std::max(text.width, text.height) / 2;
                Box b{center_.x + r * std::cos(angle) - text.width / 2, center_.y + r * std::sin(angle) - text.height / 2,
                      text.width, text.height};
                if (std::any_of(labelled.begin(), labelled.end(), [&](const Box& o) { return touches(o, b); })) continue;
                taken.push_back(angle);
                labelled.push_back(b);
                Point outer{center_.x + radius_ * std::cos(angle), center_.y + radius_ * std::sin(angle)};
                Point inner{center_.x + (radius_ - 8) * std::cos(angle), center_.y + (radius_ - 8) * std::sin(angle)};
                page.items.push_back(LineItem{{outer, inner}, {look_.ring, 1, {}}, false});
                page.items.push_back(TextItem{{b.x, b.y}, readable_on(e_.theme.muted, e_.theme.paper), text.runs});
                out_.boxes.push_back({BoxKind::tick, "", 1, b});
            }
            break;
        }
    }

    // Returns what the event says aloud: its date and title.
    std::string draw(Page& page, const Placed& l, const Interval& iv) {
        const Event& e = t_.events[l.event];
        Color color = e_.lane_color(e.lane);
        const double column_gap = column_gap_, marker = e_.theme.marker_radius, pad_x = e_.theme.label_pad_x;
        double x = l.right ? center_.x + radius_ + column_gap : center_.x - radius_ - column_gap - l.width;
        // A word longer than the column is wide still stays on the page.
        if (fixed_width_) x = std::max(e_.theme.margin, std::min(x, width_ - e_.theme.margin - l.width));
        Box label{x, l.y, l.width, l.height};
        // Leader: out from the marker to the column's edge, then across to the label.
        double edge = l.right ? label.x : label.right();
        double elbow = l.right ? center_.x + radius_ + column_gap / 2 : center_.x - radius_ - column_gap / 2;
        double mid = label.y + label.height / 2;
        Point out_point{l.marker.x + (l.right ? 1 : -1) * 6, l.marker.y};
        LineItem leader{{l.marker, out_point, {elbow, mid}, {edge, mid}}, {look_.ring, 0.75, {}}, false};
        page.items.push_back(leader);
        out_.lines.push_back({LineKind::leader, e.id, 1, l.marker, {edge, mid}});
        const MarkerShape shape = e_.lane_shape(e.lane);
        if (iv.approximate || iv.uncertain)
            page.items.push_back(CircleItem{l.marker, marker - 0.75, e_.theme.paper, Stroke{color, 1.5, {2, 1.5}}, shape});
        else
            page.items.push_back(CircleItem{l.marker, marker, color, Stroke{e_.theme.paper, 1, {}}, shape});
        out_.boxes.push_back({BoxKind::marker, e.id, 1, {l.marker.x - marker, l.marker.y - marker, 2 * marker, 2 * marker}});
        std::optional<Stroke> frame;
        if (e_.theme.label_style == LabelStyle::boxed) frame = Stroke{look_.label_border, 0.75, {}};
        page.items.push_back(RectItem{label, e_.theme.paper, frame, 3});
        page.items.push_back(RectItem{{e_.rtl ? label.right() - 3 : label.x, label.y, 3, label.height}, color, std::nullopt, 0});
        double tx = e_.rtl ? label.right() - pad_x - l.title.width : label.x + pad_x;
        const Color ink = readable_on(e_.theme.ink, e_.theme.paper), muted = readable_on(e_.theme.muted, e_.theme.paper);
        page.items.push_back(TextItem{{tx, label.y + e_.theme.label_pad_y}, ink, l.title.runs, e_.tag_unless_story(l.title.lang)});
        double mx = e_.rtl ? label.right() - pad_x - l.meta.width : label.x + pad_x;
        page.items.push_back(TextItem{{mx, label.y + e_.theme.label_pad_y + l.title.height}, muted, l.meta.runs, e_.tag_unless_story(l.meta.lang)});
        out_.boxes.push_back({BoxKind::label, e.id, 1, label});
        out_.scene.notes.push_back(e_.note(l.event, iv, label));
        std::string title = e_.pick(e.title, "/events/" + std::to_string(l.event) + "/title");
        return e_.dates.event_date(iv) + (title.empty() ? "" : e_.words.dash + title);
    }

    struct PlacedHeader {
        ShapedText text;
        double y;
        Color color;
        BoxKind kind;
    };

    const Timeline& t_;
    Layout out_;
    EditionContext e_;
    const RadialTheme& look_;
    const ScaleKind kind_;
    std::vector<PlacedHeader> header_;
    const std::optional<double> fixed_width_;
    double widest_ = 0, column_gap_ = 0;
    Point center_;
    double radius_ = 200, width_ = 0;
};

}  // namespace

Layout layout_radial(const Timeline& timeline, const RadialOptions& options, Shaper& shaper) {
    return RadialBuilder(timeline, options, shaper).build();
}

}  // namespace tarikh
