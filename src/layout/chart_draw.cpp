// The chart's last stage: the placed parts as scene items, bottom layer first, mirrored for
// right-to-left editions; every box and leader also goes to the layout for --layout-json.
#include <algorithm>
#include <cmath>

#include "layout/chart_stages.hpp"
#include "layout/contrast.hpp"
#include "layout/structure.hpp"

namespace tarikh {
namespace {

Color with_alpha(Color c, unsigned char a) { return {c.r, c.g, c.b, a}; }

class ChartPainter {
public:
    ChartPainter(EditionContext& e, ChartText& text, const ChartAxis& axis, const ChartPlacement& placed, Layout& out)
        : e_(e), theme_(e.theme), look_(e.theme.chart), text_(text), axis_(axis), placed_(placed), out_(out) {}

    // Read in this order: the title (heading 1), the subtitle, the drawing (a figure, read as the
    // list of its events in time order), the legend (a list) and the events nobody dates. The
    // paper, bands, grid, axis and leaders are artifacts.
    Page paint() {
        Page page;
        page.width = placed_.page_width;
        page.height = placed_.page_height;
        page.items.push_back(RectItem{{0, 0, page.width, page.height}, theme_.paper, std::nullopt, 0});
        double plot_top = placed_.era_labels.empty() ? (text_.lanes.empty() ? placed_.axis_y : text_.lanes.front().top)
                                                     : placed_.era_top;
        bands(plot_top);
        size_t cuts = items_.size();
        cut_bands(plot_top);  // over the time lines and bands, under every text
        as_artifact(cuts);
        for (const auto& era : placed_.era_labels) {
            items_.push_back(text_item(era.text, era.box.x + 4, era.box.y + 2, theme_.muted));
            box(BoxKind::era_label, "", era.box);
        }
        for (const auto& lane : text_.lanes) {
            if (lane.title.runs.empty()) continue;
            items_.push_back(text_item(lane.title, axis_.left, lane.top + 2, lane.color));
            box(BoxKind::lane_label, "", {axis_.left, lane.top + 2, lane.title.width, lane.title.height});
        }
        size_t axis = items_.size();
        time_axis();
        as_artifact(axis);
        for (const auto& link : text_.links) this->link(link);
        std::vector<ChartEvent*> in_time = events_in_time();
        // Leaders first, under every label: a leader climbing past a stacked label hides behind it.
        size_t leaders = items_.size();
        for (const auto* g : in_time) leader(*g);
        as_artifact(leaders);
        std::string alt;
        for (auto* g : in_time) alt += (alt.empty() ? "" : e_.words.list_separator) + event(*g);
        Group figure = role_group(Role::figure, std::move(items_));
        figure.alt = alt.empty() ? e_.pick(e_.timeline.title, "/title") : alt;
        items_.clear();
        header(std::move(figure));
        page.items.push_back(role_group(Role::document, std::move(items_)));
        return page;
    }

private:
    // Paler: nearer the paper (white in the default theme, dark in a dark one).
    Color tint(Color c, double amount) const { return mix(c, theme_.paper, amount); }

    // Eras, then alternate lanes, as tinted bands; the ticks' grid; each lane's time line.
    void bands(double plot_top) {
        size_t background = items_.size();
        for (const auto& era : placed_.era_labels) {
            const auto& own = e_.timeline.eras[era.era].color;
            Color c = own ? own_color(theme_, *own) : look_.era;
            Box band{era.x0, plot_top, era.x1 - era.x0, placed_.axis_y - plot_top};
            items_.push_back(RectItem{mbox(band), with_alpha(tint(c, 0.55), 90), std::nullopt, 0});
            layers_.push_back({band, with_alpha(tint(c, 0.55), 90)});
            box(BoxKind::era, "", band);
        }
        for (size_t i = 0; i < text_.lanes.size(); ++i) {
            const auto& lane = text_.lanes[i];
            Box band{axis_.left, lane.top, axis_.width, lane.bottom - lane.top};
            if (i % 2 == 0) {
                items_.push_back(RectItem{mbox(band), with_alpha(tint(lane.color, 0.9), 110), std::nullopt, 0});
                layers_.push_back({band, with_alpha(tint(lane.color, 0.9), 110)});
            }
            box(BoxKind::lane, "", band);
        }
        for (const auto& tick : axis_.ticks)
            items_.push_back(LineItem{{mpoint({tick.x, plot_top}), mpoint({tick.x, placed_.axis_y})}, {look_.grid, 0.75, {}}, false});
        as_artifact(background);
        BandItems counted = draw_bands(e_, text_, axis_, [this](const Box& b) { return mbox(b); }, out_);
        for (auto& item : counted.items) items_.push_back(std::move(item));
        for (const auto& [band, color] : counted.layers) layers_.push_back({band, color});
        size_t lines = items_.size();
        for (const auto& lane : text_.lanes) {
            // The strip's centre line: the lane's own time line.
            double cy = lane.strip_top + look_.strip_height / 2;
            items_.push_back(LineItem{{mpoint({axis_.left, cy}), mpoint({axis_.left + axis_.width, cy})},
                                      {tint(lane.color, 0.5), 1, {}}, false});
        }
        as_artifact(lines);
    }

    // The items drawn since `from`, as one artifact: what is seen and not read.
    void as_artifact(size_t from) {
        if (from == items_.size()) return;
        items_.push_back(role_group(Role::artifact, drawn_since(from)));
    }

    // The items drawn since `from`, taken out.
    std::vector<Item> drawn_since(size_t from) {
        auto first = items_.begin() + static_cast<std::ptrdiff_t>(from);
        std::vector<Item> drawn(std::make_move_iterator(first), std::make_move_iterator(items_.end()));
        items_.erase(first, items_.end());
        return drawn;
    }

    // A collapsed axis's cuts: the plot whited out over the quiet time, dashed at its edges.
    void cut_bands(double plot_top) {
        for (const auto& cut : axis_.scale.cuts()) {
            double x0 = axis_.x_of(cut.from), x1 = axis_.x_of(cut.to);
            Box band{x0, plot_top, x1 - x0, placed_.axis_y - plot_top};
            items_.push_back(RectItem{mbox(band), theme_.paper, std::nullopt, 0});
            layers_.push_back({band, theme_.paper});
            box(BoxKind::cut, "", band);
            for (double x : {x0, x1})
                items_.push_back(LineItem{{mpoint({x, plot_top}), mpoint({x, placed_.axis_y})}, {look_.grid, 1, {3, 3}}, false});
        }
    }

    void time_axis() {
        const double y = placed_.axis_y, tick_length = look_.tick_length;
        items_.push_back(LineItem{{mpoint({axis_.left, y}), mpoint({axis_.left + axis_.width, y})}, {look_.axis, 1, {}}, false});
        box(BoxKind::axis, "", {axis_.left, y, axis_.width, tick_length});
        for (const auto& tick : axis_.ticks) {
            items_.push_back(LineItem{{mpoint({tick.x, y}), mpoint({tick.x, y + tick_length})}, {look_.axis, 1, {}}, false});
            Box b{tick.x - tick.text.width / 2, y + tick_length + 3, tick.text.width, tick.text.height};
            items_.push_back(text_item(tick.text, b.x, b.y, theme_.muted));
            box(BoxKind::tick, "", b);
        }
        // A second calendar's row: short marks above its labels, at its own month or year starts.
        const double second_y = placed_.second_row_y;
        for (const auto& tick : axis_.second_ticks) {
            items_.push_back(LineItem{{mpoint({tick.x, second_y - tick_length}), mpoint({tick.x, second_y - 2})},
                                      {look_.axis, 1, {}}, false});
            Box b{tick.x - tick.text.width / 2, second_y, tick.text.width, tick.text.height};
            items_.push_back(text_item(tick.text, b.x, b.y, theme_.muted));
            box(BoxKind::tick, "", b);
        }
        // Each row's calendar, at the row's start.
        for (size_t row = 0; row < axis_.row_names.size(); ++row) {
            const ShapedText& name = axis_.row_names[row];
            Box b{axis_.left, row == 0 ? y + tick_length + 3 : second_y, name.width, name.height};
            items_.push_back(text_item(name, b.x, b.y, theme_.muted));
            box(BoxKind::tick, "", b);
        }
        // A cut breaks the axis: a white gap between two slanted strokes, its length below.
        for (const auto& cut : axis_.scale.cuts()) {
            double x0 = axis_.x_of(cut.from), x1 = axis_.x_of(cut.to);
            items_.push_back(RectItem{mbox({x0, y - 1, x1 - x0, 2}), theme_.paper, std::nullopt, 0});
            for (double x : {x0, x1})
                items_.push_back(LineItem{{mpoint({x - 3, y + 6}), mpoint({x + 3, y - 6})}, {look_.axis, 1.25, {}}, false});
        }
        for (const auto& cut : axis_.cut_labels) {
            Box b{cut.x - cut.text.width / 2, y + tick_length + 3, cut.text.width, cut.text.height};
            items_.push_back(text_item(cut.text, b.x, b.y, look_.axis));
            box(BoxKind::cut_label, "", b);
        }
    }

    double marker_y(const ChartEvent& g) const {
        return text_.lanes[g.lane].strip_top + look_.strip_height / 2 + g.track * (look_.bar_height + look_.track_gap);
    }

    // How far below its marker an arc from `g` may reach: to just above the next lane (its name
    // at the start, its labels) or the axis; the gap between lanes is the arc's.
    double room_below(const ChartEvent& g) const {
        double floor = g.lane + 1 < text_.lanes.size() ? text_.lanes[g.lane + 1].top : placed_.axis_y;
        return floor - 2 - marker_y(g);
    }

    // A cubic arc bowing below the strips, sampled as a polyline, and its label.
    void link(const ChartLink& link) {
        const auto& a = text_.events[link.from];
        const auto& b = text_.events[link.to];
        const double radius = theme_.marker_radius;
        Point p0{a.x0, marker_y(a)}, p3{b.x0, marker_y(b)};
        // The arc dips at most 3/4 of its bow below its lower end: kept out of the next lane, a
        // long arc runs flat through the gap rather than through the next lane's name.
        const double room = room_below(p0.y > p3.y ? a : b);
        double bow = std::min(std::max(18.0, std::abs(p3.x - p0.x) * 0.25), room / 0.75);
        Point p1{p0.x, p0.y + bow}, p2{p3.x, p3.y + bow};
        // The arc comes up to the target from below, wherever its source is: it stops at the
        // marker's bottom edge, the arrowhead outside the marker drawn over it.
        p3.y += (b.bar ? look_.bar_height / 2 : radius) + 1;
        std::vector<Point> points;
        for (int k = 0; k <= 24; ++k) {
            double s = k / 24.0, u = 1 - s;
            points.push_back(mpoint({u * u * u * p0.x + 3 * u * u * s * p1.x + 3 * u * s * s * p2.x + s * s * s * p3.x,
                                     u * u * u * p0.y + 3 * u * u * s * p1.y + 3 * u * s * s * p2.y + s * s * s * p3.y}));
        }
        items_.push_back(LineItem{std::move(points), {look_.link, 1.25, {}}, true});
        if (!link.has_label) return;
        Box lb{link.slot.x, link.label_y, link.text.width + 2 * theme_.label_pad_x, link.text.height + 2 * theme_.label_pad_y};
        double mid = (a.x0 + b.x0) / 2;
        double attach = std::clamp(mid, lb.x + 2, lb.right() - 2);
        items_.push_back(LineItem{{mpoint({attach, lb.bottom()}), mpoint({mid, marker_y(b) - radius - 2})},
                                  {with_alpha(look_.link, 140), 0.75, {3, 2}}, false});
        const Color fill = with_alpha(theme_.paper, 235);
        items_.push_back(RectItem{mbox(lb), fill, Stroke{tint(look_.link, 0.6), 0.75, {3, 2}}, 3});
        items_.push_back(text_item(link.text, lb.x + theme_.label_pad_x, lb.y + theme_.label_pad_y, look_.link, fill));
        box(BoxKind::link, e_.timeline.events[link.to].id, lb);
    }

    // Events in time order: the order screen readers and PDF bookmarks follow. Within one
    // start, the less precise first ("November" before "9 November"), as printed chronologies do.
    std::vector<ChartEvent*> events_in_time() {
        std::vector<ChartEvent*> in_time;
        for (auto& g : text_.events) in_time.push_back(&g);
        std::stable_sort(in_time.begin(), in_time.end(), [this](const ChartEvent* a, const ChartEvent* b) {
            const Interval &x = text_.intervals[a->event], &y = text_.intervals[b->event];
            return x.start != y.start ? x.start < y.start : x.precision < y.precision;
        });
        return in_time;
    }

    // From the label's bottom edge, as near above the marker as the label reaches, to the marker.
    void leader(const ChartEvent& g) {
        Box label{g.slot.x, g.label_y, g.label.width, g.label.height};
        double anchor = g.bar ? g.x0 + 2 : g.x0;
        double attach = std::clamp(anchor, label.x + 1, label.right() - 1);
        double marker_top = marker_y(g) - (g.bar ? look_.bar_height / 2 : theme_.marker_radius);
        Point from = mpoint({attach, label.bottom()}), to = mpoint({anchor, marker_top});
        items_.push_back(LineItem{{from, to}, {tint(g.color, 0.35), 0.75, {}}, false});
        out_.lines.push_back({LineKind::leader, e_.timeline.events[g.event].id, 1, from, to});
    }

    // A point or a bar (an arrow at an open end), dashed when the date is approximate.
    Box marker(const ChartEvent& g, Group& group) {
        const Color color = g.color;
        const double cy = marker_y(g), radius = theme_.marker_radius, bar = look_.bar_height;
        if (!g.bar) {
            const MarkerShape shape = e_.lane_shape(e_.timeline.events[g.event].lane);
            if (g.approximate)
                group.items.push_back(
                    CircleItem{mpoint({g.x0, cy}), radius - 0.75, theme_.paper, Stroke{color, 1.5, {2, 1.5}}, shape});
            else
                group.items.push_back(CircleItem{mpoint({g.x0, cy}), radius, color, Stroke{theme_.paper, 1, {}}, shape});
            return {g.x0 - radius, cy - radius, 2 * radius, 2 * radius};
        }
        Box marker{g.x0, cy - bar / 2, std::max(g.x1 - g.x0, 2.0), bar};
        Stroke outline{color, 1, g.approximate ? std::vector<double>{3, 2} : std::vector<double>{}};
        group.items.push_back(RectItem{mbox(marker), g.approximate ? tint(color, 0.7) : tint(color, 0.25), outline, 2});
        const Interval& iv = text_.intervals[g.event];
        if (iv.open_end) group.items.push_back(LineItem{{mpoint({g.x1 - 16, cy}), mpoint({g.x1, cy})}, {color, 1.5, {}}, true});
        if (iv.open_start) group.items.push_back(LineItem{{mpoint({g.x0 + 16, cy}), mpoint({g.x0, cy})}, {color, 1.5, {}}, true});
        return marker;
    }

    // Returns what the event's group says aloud: its date and title. The label's shaped lines
    // move into the scene: drawn once, a copy would double them (100,000 events: ~170 MB).
    std::string event(ChartEvent& g) {
        const Timeline& t = e_.timeline;
        const Event& ev = t.events[g.event];
        Group group;
        const Interval& when = text_.intervals[g.event];
        group.items.reserve(4 + (g.bar ? 1 + when.open_end + when.open_start : 1));  // marker(), then four
        group.event_id = ev.id;
        group.alt = e_.dates.event_date(text_.intervals[g.event]);
        std::string title = e_.pick(ev.title, "/events/" + std::to_string(g.event) + "/title");
        if (!title.empty()) group.alt += e_.words.dash + title;
        for (const auto& id : ev.sources) {  // the first source with a link
            if (auto s = e_.source_index(id)) group.url = t.sources[*s].url;
            if (!group.url.empty()) break;
        }
        box(BoxKind::marker, ev.id, marker(g, group));

        Box label{g.slot.x, g.label_y, g.label.width, g.label.height};
        out_.scene.outline.push_back({group.alt, 1, Point{mbox(label).x, label.y}, -1});
        const Color fill = with_alpha(theme_.paper, 240);
        std::optional<Stroke> frame;
        if (theme_.label_style == LabelStyle::boxed) frame = Stroke{tint(g.color, 0.55), 0.75, {}};
        group.items.push_back(RectItem{mbox(label), fill, frame, 3});
        group.items.push_back(RectItem{mbox({label.x, label.y, 3, label.height}), g.color, std::nullopt, 0});
        // Text starts at the label's logical start: the left in English, the right once mirrored.
        double text_x = label.x + theme_.label_pad_x;
        double y = label.y + theme_.label_pad_y;
        const double title_height = g.label.title.height;
        group.items.push_back(text_item(std::move(g.label.title), text_x, y, theme_.ink, fill));
        y += title_height;
        group.items.push_back(text_item(std::move(g.label.meta), text_x, y, theme_.muted, fill));
        box(BoxKind::label, ev.id, label);
        out_.scene.notes.push_back(e_.note(g.event, text_.intervals[g.event], mbox(label)));
        std::string alt = group.alt;
        items_.push_back(std::move(group));
        return alt;
    }

    // The title, the subtitle, the drawing, the legend and the events nobody dates, in reading order.
    void header(Group figure) {
        if (!text_.title.runs.empty()) {
            items_.push_back(
                role_group(Role::heading, {text_item(text_.title, placed_.title_box.x, placed_.title_box.y, theme_.ink)}, 1));
            box(BoxKind::title, "", placed_.title_box);
        }
        if (!text_.subtitle.runs.empty()) {
            items_.push_back(role_group(
                Role::paragraph, {text_item(text_.subtitle, placed_.subtitle_box.x, placed_.subtitle_box.y, theme_.muted)}));
            box(BoxKind::subtitle, "", placed_.subtitle_box);
        }
        items_.push_back(std::move(figure));
        size_t legend = items_.size();
        for (const auto& entry : placed_.legend) legend_entry(entry);
        if (legend < items_.size()) items_.push_back(role_group(Role::list, drawn_since(legend)));
        if (!text_.unknown_dates.runs.empty()) {
            items_.push_back(role_group(Role::paragraph, {text_item(text_.unknown_dates, placed_.unknown_box.x,
                                                                    placed_.unknown_box.y, theme_.muted)}));
            box(BoxKind::legend, "", placed_.unknown_box);
        }
    }

    // One item of the legend: its swatch (an artifact) and its words.
    void legend_entry(const LegendEntry& entry) {
        size_t swatch = items_.size();
        const Box& b = entry.box;
        const Color muted = theme_.muted;
        double cx = b.x + 6, cy = b.y + b.height / 2;
        switch (entry.kind) {
            case LegendEntry::lane:
                if (entry.shape == MarkerShape::circle)
                    items_.push_back(RectItem{mbox({b.x, cy - 5, 12, 10}), entry.color, std::nullopt, 2});
                else  // the lane's marker, which tells it apart where colour cannot
                    items_.push_back(CircleItem{mpoint({cx, cy}), theme_.marker_radius, entry.color, std::nullopt, entry.shape});
                break;
            case LegendEntry::exact:
                items_.push_back(CircleItem{mpoint({cx, cy}), theme_.marker_radius, muted, std::nullopt});
                break;
            case LegendEntry::approximate:
                items_.push_back(
                    CircleItem{mpoint({cx, cy}), theme_.marker_radius - 0.75, theme_.paper, Stroke{muted, 1.5, {2, 1.5}}});
                break;
            case LegendEntry::period:
                items_.push_back(RectItem{mbox({b.x, cy - look_.bar_height / 2, 14, look_.bar_height}), tint(muted, 0.25),
                                          Stroke{muted, 1, {}}, 2});
                break;
            case LegendEntry::band:  // three bars of a band
                for (int k = 0; k < 3; ++k) {
                    const double h = 4 + 3 * ((k + 1) % 3);
                    items_.push_back(RectItem{mbox({b.x + k * 4.5, cy + 5 - h, 4, h}), tint(muted, 0.3), std::nullopt, 0});
                }
                break;
        }
        as_artifact(swatch);
        items_.push_back(text_item(entry.text, b.x + 18, b.y, theme_.ink));
        items_.push_back(role_group(Role::list_item, drawn_since(swatch)));
        box(BoxKind::legend, "", b);
    }

    // Mirrored for right-to-left editions: the page's x read from the right.
    double mx(double x, double width = 0) const { return e_.rtl ? placed_.page_width - x - width : x; }
    Box mbox(const Box& b) const { return {mx(b.x, b.width), b.y, b.width, b.height}; }
    Point mpoint(Point p) const { return {mx(p.x), p.y}; }

    // x, y: logical top-left of the block; the block keeps its own (bidi) internal order. Its
    // colour is made to read on what lies behind it: `box_fill` (a label's) over the bands.
    TextItem text_item(const ShapedText& text, double x, double y, Color color, std::optional<Color> box_fill = {}) const {
        return TextItem{{mx(x, text.width), y}, text_color(text, x, y, color, box_fill), text.runs, e_.tag_unless_story(text.lang)};
    }
    TextItem text_item(ShapedText&& text, double x, double y, Color color, std::optional<Color> box_fill = {}) const {
        return TextItem{{mx(x, text.width), y}, text_color(text, x, y, color, box_fill), std::move(text.runs),
                        e_.tag_unless_story(text.lang)};
    }
    Color text_color(const ShapedText& text, double x, double y, Color color, std::optional<Color> box_fill) const {
        std::vector<Color> behind = backdrops({x, y, text.width, text.height});
        if (box_fill)
            for (Color& c : behind) c = over(*box_fill, c);
        return readable_on(color, behind);
    }

    // Every colour that may lie behind `b` (logical): each point of it is under some of the
    // bands that reach it, painted in order over the paper. Past a few bands, the paper, each
    // band alone and all of them together.
    std::vector<Color> backdrops(const Box& b) const {
        Color paper = theme_.paper;
        paper.a = 255;
        std::vector<Color> under;
        for (const auto& layer : layers_)
            if (overlaps(layer.box, b)) under.push_back(layer.color);
        std::vector<Color> out;
        auto stack = [&](auto chosen) {
            Color c = paper;
            for (size_t i = 0; i < under.size(); ++i)
                if (chosen(i)) c = over(under[i], c);
            out.push_back(c);
        };
        if (under.size() <= 6) {
            for (size_t mask = 0; mask < (size_t{1} << under.size()); ++mask) stack([mask](size_t i) { return (mask >> i) & 1; });
            return out;
        }
        stack([](size_t) { return false; });
        stack([](size_t) { return true; });
        for (size_t only = 0; only < under.size(); ++only) stack([only](size_t i) { return i == only; });
        return out;
    }

    void box(BoxKind kind, const std::string& event, const Box& b) { out_.boxes.push_back({kind, event, 1, mbox(b)}); }

    EditionContext& e_;
    const Theme& theme_;
    const ChartTheme& look_;
    ChartText& text_;
    const ChartAxis& axis_;
    const ChartPlacement& placed_;
    Layout& out_;
    std::vector<Item> items_;
    struct Layer {
        Box box;  // logical
        Color color;
    };
    std::vector<Layer> layers_;  // the bands painted so far, under every text
};

}  // namespace

Page draw_chart(EditionContext& e, ChartText&& text, const ChartAxis& axis, const ChartPlacement& placement,
                Layout& out) {
    return ChartPainter(e, text, axis, placement, out).paint();
}

}  // namespace tarikh
