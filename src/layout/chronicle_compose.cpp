#include "layout/chronicle_compose.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <numeric>

#include "layout/band_words.hpp"
#include "layout/contrast.hpp"

namespace tarikh {
namespace {

// How one row sits in the flow and how its text is set.
struct RowStyle {
    RowTag tag;
    double space_before = 0;
    bool keep_with_next = false;  // date, title and meta travel with the first line of what follows them
    double size = 11;
    bool bold = false;
    Color color;
    double indent = 0;
    bool justify = false;
    std::string url{};
};

class Composer {
public:
    Composer(const Timeline& t, const std::vector<Interval>& intervals, std::vector<Column>& columns, const Theme& theme,
             size_t glyph_budget)
        : t_(t), intervals_(intervals), columns_(columns), theme_(theme), look_(theme.chronicle) {
        out_.glyphs = RowGlyphs(glyph_budget);
        for (size_t i = 0; i < t_.lanes.size(); ++i) lane_index_.emplace(t_.lanes[i].id, i);
        for (size_t i = 0; i < t_.events.size(); ++i) event_index_.emplace(t_.events[i].id, i);
    }

    ChronicleRows run(const std::vector<size_t>& order, const Aggregation& aggregate) {
        const Calendar& calendar = columns_[0].edition->calendar;
        std::vector<size_t> eras(t_.eras.size());
        std::iota(eras.begin(), eras.end(), 0);
        std::stable_sort(eras.begin(), eras.end(), [&](size_t a, size_t b) {
            return calendar.start_of(t_.eras[a].start) < calendar.start_of(t_.eras[b].start);
        });
        title_block();
        const AggregatePlan plan = counted_periods(aggregate);
        size_t next_era = 0, next_period = 0;
        // Eras and period paragraphs that start at or before `t`, in time order (an era first).
        auto up_to = [&](Instant t) {
            for (;;) {
                bool era_due = next_era < eras.size() && calendar.start_of(t_.eras[eras[next_era]].start) <= t;
                bool period_due = next_period < periods_.size() && periods_[next_period].bar.period.start <= t;
                if (era_due && (!period_due ||
                                calendar.start_of(t_.eras[eras[next_era]].start) <= periods_[next_period].bar.period.start))
                    era(eras[next_era++]);
                else if (period_due)
                    period(periods_[next_period++]);
                else
                    break;
            }
        };
        std::vector<size_t> unknown;
        for (size_t i : order) {
            if (intervals_[i].unknown) {
                unknown.push_back(i);
                continue;
            }
            if (!plan.kept[i]) continue;  // in its period's paragraph
            up_to(intervals_[i].start);
            entry(i);
            if (unshaped_.size() >= kShapedTogether) shape_rows();
        }
        up_to(std::numeric_limits<Instant>::max());
        // Listed at the end, under a heading of their own: no place in time, but part of the story.
        if (!unknown.empty())
            add_row(-1, {.tag = RowTag::unknown_heading, .space_before = 22, .keep_with_next = true, .size = look_.era_size,
                         .bold = true, .color = theme_.ink},
                    [](EditionContext& e) { return e.words.date_unknown; });
        for (size_t i : unknown) entry(i);
        shape_rows();
        return std::move(out_);
    }

private:
    // What a report's first page opens with: the title, large, the subtitle under it, then the
    // time the events span.
    void title_block() {
        add_row(-1, {.tag = RowTag::doc_title, .keep_with_next = true, .size = theme_.title_size, .bold = true,
                     .color = theme_.ink},
                [&](EditionContext& e) { return e.pick(t_.title, "/title"); });
        if (theme_.subtitle)
            add_row(-1, {.tag = RowTag::doc_subtitle, .space_before = 4, .keep_with_next = true,
                         .size = theme_.subtitle_size, .color = theme_.muted},
                    [&](EditionContext& e) { return e.pick(t_.subtitle, "/subtitle"); });
        std::optional<size_t> first, last;  // the events that start first and end last
        for (size_t i = 0; i < intervals_.size(); ++i) {
            if (intervals_[i].unknown) continue;
            if (!first || intervals_[i].start < intervals_[*first].start) first = i;
            if (!last || intervals_[i].end > intervals_[*last].end) last = i;
        }
        if (!first) return;
        const Interval& a = intervals_[*first];
        const Interval& b = intervals_[*last];
        add_row(-1, {.tag = RowTag::doc_span, .space_before = 4, .keep_with_next = true, .size = look_.era_range_size,
                     .color = theme_.muted},
                [&](EditionContext& e) {
                    if (first == last) return e.dates.event_date(a);  // one event: its own date, as its entry says
                    // Days at most: the first event's time of day is not the story's. An end
                    // about or perhaps then keeps its mark.
                    auto end = [](Instant start, const Interval& of) {
                        return Interval{.start = start, .end = start + 1, .precision = std::min(of.precision, Precision::day),
                                        .approximate = of.approximate, .uncertain = of.uncertain};
                    };
                    return range_text(e, end(a.start, a), end(b.end - 1, b));
                });
    }

    // From the first end to the last: one range when both share a precision ("9–30 November
    // 2018"); otherwise, or when an end is marked ("c. 17 October 2019 – 22 October 2020"), each
    // end at its own, so neither is shown finer or coarser than given nor lends the other its mark.
    static std::string range_text(EditionContext& e, const Interval& first, const Interval& last) {
        auto marked = [](const Interval& iv) { return iv.approximate || iv.uncertain; };
        if (first.precision == last.precision && !marked(first) && !marked(last))
            return e.dates.event_date({.start = first.start, .end = last.end, .precision = first.precision, .is_range = true});
        return e.dates.event_date(first) + " – " + e.dates.event_date(last);
    }

    // A period's paragraph: the events of one aggregated lane in one week or month.
    struct PeriodParagraph {
        std::string lane;  // the lane's key (aggregate.hpp)
        size_t lane_order = 0;
        Bar bar;
    };

    // The plan, and the paragraphs of its non-empty periods (sorted by start, then lane) in periods_.
    AggregatePlan counted_periods(const Aggregation& aggregate) {
        EditionContext& first = *columns_[0].edition;
        AggregatePlan plan = plan_aggregation(t_, intervals_, aggregate, kChronicleCapacity);
        if (!plan.any()) return plan;
        std::optional<Instant> from, to;
        for (const Interval& time : intervals_) {
            if (time.unknown) continue;
            from = std::min(from.value_or(time.start), time.start);
            to = std::max(to.value_or(time.end), time.end);
        }
        if (!from) return AggregatePlan::none(t_.events.size());
        if (periods_spanned(*from, *to, *plan.bin) > kMostPeriods) {
            first.warn("no paragraphs per period: the events span more than " +
                           std::to_string(static_cast<int>(kMostPeriods)) + (*plan.bin == Bin::week ? " weeks" : " months") +
                           ": every event is written",
                       {*plan.bin == Bin::week ? "try --aggregate month" : "try --aggregate none"});
            return AggregatePlan::none(t_.events.size());
        }
        bin_ = *plan.bin;
        if (plan.automatic)
            first.warn(std::to_string(plan.lanes.size()) + " lane(s) hold more than " +
                           std::to_string(kChronicleCapacity) + " events each: written as one paragraph per " +
                           (bin_ == Bin::week ? "week" : "month") + " with their totals",
                       {"--aggregate none writes every event; --label-top N or --label-where fatalities>=N writes some in full"});
        std::unordered_map<std::string, size_t> lane_of;
        for (size_t l = 0; l < plan.lanes.size(); ++l) lane_of.emplace(plan.lanes[l], l);
        std::vector<std::vector<size_t>> per_lane(plan.lanes.size());
        for (size_t i = 0; i < t_.events.size(); ++i)
            if (plan.counted[i]) per_lane[lane_of.at(plan.keys[i])].push_back(i);
        with_fatalities_ = plan.measure == Measure::fatalities;
        const Calendar periods = period_calendar(first);
        for (size_t l = 0; l < plan.lanes.size(); ++l) {
            for (size_t i : per_lane[l]) with_fatalities_ |= has_fatalities(t_.events[i]);
            for (const Bar& bar : bin_events(t_, intervals_, per_lane[l], bin_, plan.measure, periods, *from, *to))
                if (bar.events > 0) periods_.push_back({plan.lanes[l], l, bar});
        }
        std::stable_sort(periods_.begin(), periods_.end(), [](const PeriodParagraph& a, const PeriodParagraph& b) {
            return a.bar.period.start != b.bar.period.start ? a.bar.period.start < b.bar.period.start
                                                            : a.lane_order < b.lane_order;
        });
        return plan;
    }

    // "Week of 17 September 2018 — Lane" in the lane's colour, then "143 events, 61 fatalities".
    void period(const PeriodParagraph& p) {
        const Color color = lane_color(theme_, t_, p.lane);
        auto lane = lane_index_.find(p.lane);
        add_row(-1, {.tag = RowTag::period, .space_before = 16, .keep_with_next = true, .size = look_.date_size,
                     .bold = true, .color = color},
                [&](EditionContext& e) {
                    std::string heading = period_name(e, bin_, p.bar.period);
                    if (lane == lane_index_.end()) return heading;
                    std::string name = e.pick(t_.lanes[lane->second].label, "/lanes/" + std::to_string(lane->second) + "/label");
                    return name.empty() ? heading : heading + e.words.dash + name;
                });
        add_row(-1, {.tag = RowTag::body, .space_before = 3, .size = look_.body_size, .color = theme_.ink},
                [&](EditionContext& e) {
                    std::string totals = period_totals(e, p.bar, with_fatalities_);
                    std::string clipped = clipped_note(e, p.bar);
                    return clipped.empty() ? totals : totals + e.words.list_separator + clipped;
                });
    }

    // A row with one cell per edition, each made by `text_of`; none if every cell is empty.
    template <typename TextOf>
    void add_row(int entry, const RowStyle& style, TextOf text_of) {
        FlowRow row;
        row.tag = static_cast<int>(style.tag);
        row.entry = entry;
        row.space_before = style.space_before;
        row.keep_with_next = style.keep_with_next;
        bool any = false;
        for (auto& column : columns_) {
            EditionContext& e = *column.edition;
            std::string text = text_of(e);
            any |= !text.empty();
            if (!text.empty()) {
                TextStyle set = e.style(style.size, style.bold, column.width - style.indent, 0, style.justify);
                unshaped_.push_back({out_.rows.size(), row.cells.size(), {std::move(text), set}});
            }
            row.cells.push_back(FlowCell{{}, column.x + style.indent});
        }
        if (!any) return;  // nothing was queued for it
        out_.colors.push_back(readable_on(style.color, theme_.paper));  // every row is on the paper
        if (!style.url.empty()) out_.urls.emplace(out_.rows.size(), style.url);
        out_.rows.push_back(std::move(row));
    }

    // The rows' text, asked for together (most of a chronicle's shaping, done in parallel),
    // then shaped into its cells; a few thousand cells at a time, so that the texts asked for
    // (copied on their way to the shaper) are never all held at once beside their shapes.
    static constexpr size_t kShapedTogether = 4096;
    void shape_rows() {
        EditionContext& first = *columns_[0].edition;
        // Each text's direction as it is shaped now, kept so should its row be shaped again.
        for (auto& cell : unshaped_) cell.request = first.directed(std::move(cell.request));
        std::vector<ShapeRequest> requests;
        for (const auto& cell : unshaped_) requests.push_back(cell.request);
        first.prepare(requests);
        for (const auto& cell : unshaped_) {
            FlowCell& shaped = out_.rows[cell.row].cells[cell.cell];
            shaped.text = first.shape(cell.request);
            shaped.lang = cell.request.style.language;
        }
        for (size_t k = 0; k < unshaped_.size();) {
            const size_t row = unshaped_[k].row;
            std::vector<const ShapeRequest*> cells(out_.rows[row].cells.size(), nullptr);
            for (; k < unshaped_.size() && unshaped_[k].row == row; ++k) cells[unshaped_[k].cell] = &unshaped_[k].request;
            out_.glyphs.hold(row, out_.rows[row], cells);
        }
        unshaped_.clear();
    }

    void era(size_t index) {
        const Era& era = t_.eras[index];
        const Calendar& calendar = columns_[0].edition->calendar;
        std::string p = "/eras/" + std::to_string(index);
        out_.era_rows.emplace(out_.rows.size(), index);
        add_row(-1, {.tag = RowTag::era_heading, .space_before = 22, .keep_with_next = true, .size = look_.era_size,
                     .bold = true, .color = era.color ? own_color(theme_, *era.color) : theme_.ink},
                [&](EditionContext& e) { return e.pick(era.label, p + "/label"); });
        Interval first{calendar.start_of(era.start), calendar.end_of(era.start), era.start.precision, false, false};
        Interval last{calendar.start_of(era.end), calendar.end_of(era.end), era.end.precision, false, false};
        add_row(-1, {.tag = RowTag::era_range, .keep_with_next = true, .size = look_.era_range_size, .color = theme_.muted},
                [&](EditionContext& e) { return range_text(e, first, last); });
    }

    void entry(size_t i) {
        const Event& ev = t_.events[i];
        const int entry = static_cast<int>(i);
        const Color color = lane_color(theme_, t_, ev.lane);
        const bool major = ev.importance == 1;
        const std::string p = "/events/" + std::to_string(i);

        add_row(entry, {.tag = RowTag::date, .space_before = 16, .keep_with_next = true, .size = look_.date_size,
                        .bold = true, .color = color},
                [&](EditionContext& e) { return e.dates.event_date(intervals_[i]); });
        add_row(entry, {.tag = RowTag::title, .space_before = 1, .keep_with_next = true,
                        .size = major ? look_.major_title_size : look_.title_size, .bold = true, .color = theme_.ink},
                [&](EditionContext& e) { return e.pick(ev.title, p + "/title"); });
        add_row(entry, {.tag = RowTag::meta, .space_before = 2, .keep_with_next = true, .size = look_.meta_size,
                        .color = theme_.muted},
                [&](EditionContext& e) { return meta(i, e); });
        if (major && !ev.quotes.empty())
            add_row(entry, {.tag = RowTag::pull_quote, .space_before = 6, .size = look_.pull_quote_size, .color = color,
                            .indent = look_.quote_indent},
                    [&](EditionContext& e) { return quoted(e, e.pick(ev.quotes[0].text, p + "/quotes/0/text")); });
        add_row(entry, {.tag = RowTag::body, .space_before = 5, .size = look_.body_size, .color = theme_.ink, .justify = true},
                [&](EditionContext& e) { return e.pick(ev.text, p + "/text"); });
        quotes(i, major);
        add_row(entry, {.tag = RowTag::figures, .space_before = 5, .size = look_.figures_size, .bold = true,
                        .color = theme_.ink},
                [&](EditionContext& e) { return figures(i, e); });
        link_refs(i);
        sources(i);
    }

    // Place, lane, and "3 days after …": what the entry adds under its title.
    std::string meta(size_t i, EditionContext& e) {
        const Event& ev = t_.events[i];
        const std::string place = e.pick(ev.place, "/events/" + std::to_string(i) + "/place");
        std::string meta = place, name, phrase;
        auto lane = lane_index_.find(ev.lane);
        if (lane != lane_index_.end()) {
            name = e.pick(t_.lanes[lane->second].label, "/lanes/" + std::to_string(lane->second) + "/label");
            if (!name.empty()) meta += (meta.empty() ? "" : e.words.separator) + name;
        }
        if (ev.when.after) {
            auto base = event_index_.find(ev.when.after->event);
            if (base != event_index_.end()) {
                std::string duration = e.dates.duration(ev.when.after->offset);
                if (ev.when.approximate) duration = fill(e.words.about, "duration", duration);
                phrase = fill(fill(e.words.after, "duration", duration), "title", quoted(e, title_of(base->second, e)));
                meta += (meta.empty() ? "" : e.words.separator) + phrase;
            }
        }
        return e.built_of(meta, {place, name, phrase});
    }

    // Every quote but a major event's first (already pulled out), each followed by its speaker.
    void quotes(size_t i, bool major) {
        const Event& ev = t_.events[i];
        const int entry = static_cast<int>(i);
        for (size_t q = 0; q < ev.quotes.size(); ++q) {
            std::string qp = "/events/" + std::to_string(i) + "/quotes/" + std::to_string(q);
            if (!(major && q == 0))
                add_row(entry, {.tag = RowTag::quote, .space_before = 5, .keep_with_next = true, .size = look_.body_size,
                                .color = theme_.ink, .indent = look_.quote_indent, .justify = true},
                        [&](EditionContext& e) { return quoted(e, e.pick(ev.quotes[q].text, qp + "/text")); });
            add_row(entry, {.tag = RowTag::speaker, .space_before = 1, .size = look_.speaker_size, .color = theme_.muted,
                            .indent = look_.quote_indent},
                    [&](EditionContext& e) {
                        std::string speaker = e.pick(ev.quotes[q].speaker, qp + "/speaker");
                        if (speaker.empty()) return speaker;
                        std::string line = "—\u00a0" + speaker, source;
                        if (!ev.quotes[q].source.empty()) line += e.words.comma + (source = source_name(ev.quotes[q].source, e));
                        return e.built_of(line, {speaker, source});
                    });
        }
    }

    std::string figures(size_t i, EditionContext& e) {
        const Event& ev = t_.events[i];
        std::string line;
        for (size_t f = 0; f < ev.figures.size(); ++f) {
            const Figure& fig = ev.figures[f];
            std::string item = e.figure(fig, "/events/" + std::to_string(i) + "/figures/" + std::to_string(f));
            if (!fig.source.empty()) item += e.words.dash + source_name(fig.source, e);
            line += (line.empty() ? "" : e.words.list_separator) + item;
        }
        return line;
    }

    // "In response to “…”": one row per link that ends at this event.
    void link_refs(size_t i) {
        const Event& ev = t_.events[i];
        for (size_t l = 0; l < t_.links.size(); ++l) {
            const Link& link = t_.links[l];
            auto from = event_index_.find(link.from);
            if (link.to != ev.id || from == event_index_.end()) continue;
            add_row(static_cast<int>(i), {.tag = RowTag::link_ref, .space_before = 4, .size = look_.link_size,
                                          .color = theme_.muted},
                    [&](EditionContext& e) {
                        const std::string& verb = link.kind == "response" ? e.words.in_response_to : e.words.related_to;
                        std::string ref = fill(verb, "title", quoted(e, title_of(from->second, e)));
                        std::string label = e.pick(link.label, "/links/" + std::to_string(l) + "/label");
                        return label.empty() ? ref : ref + " (" + label + ")";
                    });
        }
    }

    void sources(size_t i) {
        const Event& ev = t_.events[i];
        for (size_t s = 0; s < ev.sources.size(); ++s) {
            auto source = columns_[0].edition->source_index(ev.sources[s]);
            std::string url = source ? t_.sources[*source].url : "";
            add_row(static_cast<int>(i), {.tag = RowTag::source, .space_before = s == 0 ? 5.0 : 1.0, .size = look_.source_size,
                                          .color = url.empty() ? theme_.muted : look_.link, .url = url},
                    [&](EditionContext& e) {
                        const std::string name = source_name(ev.sources[s], e);
                        // Isolated left to right, so that a right-to-left line keeps the URL whole.
                        return e.built_of(url.empty() ? name : name + e.words.dash + "\u2066" + url + "\u2069", {name});
                    });
        }
    }

    static std::string quoted(EditionContext& e, const std::string& text) {
        return text.empty() ? text : e.built_of(e.words.open_quote + text + e.words.close_quote, {text});
    }

    std::string title_of(size_t event, EditionContext& e) {
        return e.pick(t_.events[event].title, "/events/" + std::to_string(event) + "/title");
    }

    std::string source_name(const std::string& id, EditionContext& e) {
        auto s = e.source_index(id);
        if (!s) return id;
        std::string name = e.pick(t_.sources[*s].name, "/sources/" + std::to_string(*s) + "/name");
        return name.empty() ? id : name;
    }

    struct UnshapedCell {
        size_t row, cell;
        ShapeRequest request;
    };

    const Timeline& t_;
    const std::vector<Interval>& intervals_;
    std::vector<Column>& columns_;
    const Theme& theme_;
    const ChronicleTheme& look_;
    std::unordered_map<std::string, size_t> lane_index_, event_index_;
    std::vector<UnshapedCell> unshaped_;
    std::vector<PeriodParagraph> periods_;
    Bin bin_ = Bin::week;
    bool with_fatalities_ = false;
    ChronicleRows out_;
};

}  // namespace

ChronicleRows compose_chronicle(const Timeline& timeline, const std::vector<Interval>& intervals,
                                const std::vector<size_t>& order, std::vector<Column>& columns, const Theme& theme,
                                const Aggregation& aggregate, size_t glyph_budget) {
    return Composer(timeline, intervals, columns, theme, glyph_budget).run(order, aggregate);
}

}  // namespace tarikh
