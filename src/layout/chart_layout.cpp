#include "layout/chart_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "layout/edition.hpp"
#include "layout/label_placer.hpp"
#include "layout/missing_glyphs.hpp"
#include "layout/phrases.hpp"
#include "layout/text_picker.hpp"
#include "time/calendar.hpp"
#include "time/date_format.hpp"

namespace tarikh {
namespace {

// Sizes in px. Arabic letters look smaller than Latin at the same size, hence kArabicScale.
constexpr double kMargin = 32;
constexpr double kPlotMinWidth = 960, kPlotMaxWidth = 16000;
constexpr double kLabelsPerRowWidth = 8;  // plot width aims at total label width / this
constexpr double kLabelMaxWidth = 210, kLabelPadX = 6, kLabelPadY = 3;
constexpr int kTitleLines = 4, kMetaLines = 3;
constexpr double kLabelGap = 8, kRowGap = 6, kLeaderRoom = 10;
constexpr double kStripHeight = 26, kMarkerRadius = 5, kBarHeight = 8, kMinBarWidth = 24, kTrackStep = kBarHeight + 4;
constexpr double kLaneGap = 14, kTickLength = 5;
constexpr int kMaxRowsAtMarkers = 12;
constexpr double kArabicScale = 1.18;

const Color kInk{33, 37, 41}, kMuted{96, 100, 106}, kAxisColor{110, 110, 110}, kGrid{228, 228, 228};
const Color kWhite{255, 255, 255}, kLinkColor{150, 60, 40};
const Color kUnlanedColor{59, 110, 165};  // events without a lane share one band

Color with_alpha(Color c, unsigned char a) { return {c.r, c.g, c.b, a}; }
Color tint(Color c, double amount) {  // mix with white
    auto mix = [amount](unsigned char v) { return static_cast<unsigned char>(std::lround(v + (255 - v) * amount)); };
    return {mix(c.r), mix(c.g), mix(c.b), 255};
}


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

struct Label {
    ShapedText title, meta;
    double width = 0, height = 0;
};

struct EventGeometry {
    size_t event = 0;
    size_t lane = 0;
    double x0 = 0, x1 = 0;  // logical x of start and end
    bool bar = false;
    bool approximate = false;
    Label label;
    LabelSlot slot;
    double label_y = 0;
    int track = 0;  // bars that overlap in time take tracks below the lane's time line
    Color color;    // its lane's, also when lanes share one band (--facet none)
};

struct LinkGeometry {
    size_t from = 0, to = 0;  // event indices
    size_t lane = 0;          // lane where its label sits (the target's)
    ShapedText text;
    LabelSlot slot;
    double label_y = 0;
    bool has_label = false;
};

struct LaneGeometry {
    std::string id;
    ShapedText title;
    Color color;
    double top = 0, header_bottom = 0, strip_top = 0, bottom = 0;
    int tracks = 1;
    std::vector<double> row_tops;
};

struct Tick {
    double x = 0;
    ShapedText text;
};

class ChartBuilder {
public:
    ChartBuilder(const Timeline& t, const LayoutOptions& options, Shaper& shaper)
        : t_(t),
          lang_(options.lang.empty() ? t.first_language() : options.lang),
          rtl_(is_rtl_language(lang_)),
          scale_(rtl_ ? kArabicScale : 1.0),
          shaper_(shaper),
          calendar_(t.timezone),
          dates_(t.locale_for(lang_), lang_, t.timezone, options.calendar.empty() ? t.calendar : options.calendar),
          picker_(t, out_.diagnostics),
          scale_kind_(options.scale),
          unified_(options.unified),
          window_(options.window),
          heading_(options.heading),
          show_legend_(options.legend) {}

    Layout build() {
        measure();
        place();
        emit();
        missing_.report(out_.diagnostics);
        return std::move(out_);
    }

private:
    // ---- text -------------------------------------------------------------------------
    std::string pick(const LocalizedText& text, const std::string& pointer) { return picker_(text, lang_, pointer); }

    TextStyle style(double size, bool bold, double max_width = 0, int max_lines = 0) const {
        return TextStyle{size * scale_, bold, max_width, max_lines, rtl_, lang_};
    }

    ShapedText shape(const std::string& text, double size, bool bold, double max_width = 0, int max_lines = 0) {
        ShapedText shaped = shaper_.shape(text, style(size, bold, max_width, max_lines));
        missing_.note(shaped);
        return shaped;
    }

    // ---- phase 1: measure everything in logical (left-to-right) coordinates -------------
    void measure() {
        if (heading_) {
            title_ = shape(*heading_, 16, true);
        } else {
            title_ = shape(pick(t_.title, "/title"), 22, true);
            subtitle_ = shape(pick(t_.subtitle, "/subtitle"), 14, false);
        }

        lanes_.clear();
        std::unordered_map<std::string, size_t> lane_index;
        for (size_t i = 0; i < t_.lanes.size(); ++i) {
            const Lane& lane = t_.lanes[i];
            LaneGeometry g;
            g.id = lane.id;
            g.color = lane_color(Theme{}, t_, lane.id);
            g.title = shape(pick(lane.label, "/lanes/" + std::to_string(i) + "/label"), 13, true);
            lane_index.emplace(lane.id, lanes_.size());
            lanes_.push_back(std::move(g));
        }
        bool needs_default_lane = std::any_of(t_.events.begin(), t_.events.end(),
                                              [&](const Event& e) { return !lane_index.count(e.lane); });
        if (needs_default_lane || lanes_.empty()) {
            LaneGeometry g;
            g.color = kUnlanedColor;
            default_lane_ = lanes_.size();
            lanes_.push_back(std::move(g));
        }

        intervals_ = resolve_event_times(t_, calendar_);
        // The events this chart shows: all, or those starting in its window.
        std::vector<size_t> shown;
        for (size_t i = 0; i < t_.events.size(); ++i)
            if (!window_ || (intervals_[i].start >= window_->first && intervals_[i].start < window_->second))
                shown.push_back(i);
        // The labels' two lines, asked for together: most of a chart's shaping, done in parallel.
        std::vector<ShapeRequest> label_lines;
        for (size_t i : shown) {
            const Event& e = t_.events[i];
            std::string p = "/events/" + std::to_string(i);
            label_lines.push_back({pick(e.title, p + "/title"), style(12, true, kLabelMaxWidth * scale_, kTitleLines)});
            std::string meta = dates_.event_date(intervals_[i]);
            std::string place = pick(e.place, p + "/place");
            if (!place.empty()) meta += " · " + place;
            label_lines.push_back({meta, style(10.5, false, kLabelMaxWidth * scale_, kMetaLines)});
        }
        shaper_.prepare(label_lines);
        events_.clear();
        for (size_t k = 0; k < shown.size(); ++k) {
            size_t i = shown[k];
            const Event& e = t_.events[i];
            EventGeometry g;
            g.event = i;
            auto lane = lane_index.find(e.lane);  // parse resolved every lane; a hand-made model may not
            g.lane = lane == lane_index.end() ? default_lane_ : lane->second;
            g.color = lanes_[g.lane].color;
            g.approximate = intervals_[i].approximate || intervals_[i].uncertain;
            // A chart label shows a few lines; the whole text belongs to the chronicle.
            g.label.title = shape(label_lines[2 * k].text, 12, true, kLabelMaxWidth * scale_, kTitleLines);
            g.label.meta = shape(label_lines[2 * k + 1].text, 10.5, false, kLabelMaxWidth * scale_, kMetaLines);
            g.label.width = std::max(g.label.title.width, g.label.meta.width) + 2 * kLabelPadX;
            g.label.height = g.label.title.height + g.label.meta.height + 2 * kLabelPadY;
            events_.push_back(std::move(g));
        }
        lane_colors_.clear();
        for (const auto& lane : lanes_) lane_colors_.push_back(lane.color);
        if (unified_) {
            // One band for every lane: events keep their lane's colour, the legend names them.
            LaneGeometry band;
            band.color = kAxisColor;
            lanes_.assign(1, std::move(band));
            default_lane_ = 0;
            for (auto& g : events_) g.lane = 0;
        }
        std::unordered_map<std::string, size_t> event_index;  // id → its geometry in events_
        for (size_t k = 0; k < events_.size(); ++k) event_index.emplace(t_.events[events_[k].event].id, k);
        for (size_t i = 0; i < t_.links.size(); ++i) {
            const Link& link = t_.links[i];
            auto from = event_index.find(link.from), to = event_index.find(link.to);
            if (from == event_index.end() || to == event_index.end()) continue;
            LinkGeometry g;
            g.from = from->second;
            g.to = to->second;
            g.lane = events_[g.to].lane;
            std::string text = pick(link.label, "/links/" + std::to_string(i) + "/label");
            g.has_label = !text.empty();
            if (g.has_label) g.text = shape(text, 10, false, kLabelMaxWidth * scale_, kMetaLines);
            links_.push_back(std::move(g));
        }

        placed_ = intervals_;
        if (scale_kind_ == ScaleKind::relative) {
            // Each lane's clock starts at its first event: the axis reads elapsed time.
            std::unordered_map<std::string, Instant> first;
            for (size_t i = 0; i < t_.events.size(); ++i) {
                auto [it, added] = first.try_emplace(t_.events[i].lane, intervals_[i].start);
                if (!added) it->second = std::min(it->second, intervals_[i].start);
            }
            for (size_t i = 0; i < t_.events.size(); ++i) {
                Instant origin = first.at(t_.events[i].lane);
                placed_[i].start -= origin;
                placed_[i].end -= origin;
            }
        }

        std::vector<Interval> shown_times;
        for (const auto& g : events_) shown_times.push_back(placed_[g.event]);
        // Domain: the window, or the events' span; padded; eras are clipped to it.
        if (window_ && scale_kind_ != ScaleKind::relative) {
            domain_start_ = window_->first;
            domain_end_ = window_->second;
        } else if (!shown_times.empty()) {
            domain_start_ = shown_times.front().start;
            domain_end_ = shown_times.front().end;
            for (const auto& iv : shown_times) {
                domain_start_ = std::min(domain_start_, iv.start);
                domain_end_ = std::max(domain_end_, iv.end);
            }
        } else if (!t_.eras.empty()) {
            domain_start_ = calendar_.start_of(t_.eras.front().start);
            domain_end_ = calendar_.end_of(t_.eras.front().end);
        } else {
            domain_start_ = 946684800;  // 2000-01-01: an empty timeline still draws an axis
            domain_end_ = domain_start_ + 366 * 86400;
        }
        long double span = std::max<long double>(3600, static_cast<long double>(domain_end_ - domain_start_));
        long double pad = span * 0.04L;
        domain_start_ = static_cast<Instant>(domain_start_ - pad);
        domain_end_ = static_cast<Instant>(domain_start_ + span + 2 * pad);
        // Deep time counts back from the present, as its labels do ("13.8 billion years ago").
        deep_ = is_deep_time(domain_start_) || mean_year_of(domain_start_) < -100'000;
        std::optional<Instant> present;
        if (deep_) present = calendar_.start_of(CivilDate{2000, 1, 1, 0, 0, 0, Precision::year, std::nullopt, false, false});
        axis_ = TimeScale(scale_kind_, shown_times, domain_start_, domain_end_, present);

        // Plot width grows with the busiest lane's labels, so crowded charts widen before they stack.
        std::vector<double> lane_label_width(lanes_.size(), 0);
        for (const auto& g : events_) lane_label_width[g.lane] += g.label.width + kLabelGap;
        for (const auto& g : links_)
            if (g.has_label) lane_label_width[g.lane] += g.text.width + 2 * kLabelPadX + kLabelGap;
        double busiest = lanes_.empty() ? 0 : *std::max_element(lane_label_width.begin(), lane_label_width.end());
        plot_width_ = std::clamp(busiest / kLabelsPerRowWidth, kPlotMinWidth, kPlotMaxWidth);

        for (auto& g : events_) {
            const Interval& iv = placed_[g.event];
            // An open end runs to the edge of the plot.
            g.x0 = iv.open_start ? plot_left_ : x_of(iv.start);
            g.x1 = iv.open_end ? plot_left_ + plot_width_ : x_of(iv.end);
            // Where the axis is not time in proportion, only a stated range is drawn as a bar.
            // A day or finer stays a point: only months and years wide enough to see read as spans.
            bool spans_time = axis_.proportional() && iv.precision <= Precision::month && g.x1 - g.x0 >= kMinBarWidth;
            g.bar = iv.is_range || spans_time;
            // A point sits mid-span (noon of its day), but on a relative axis at its start: the
            // lanes' first events meet at 0.
            if (!g.bar) g.x0 = g.x1 = scale_kind_ == ScaleKind::relative ? g.x0 : (g.x0 + g.x1) / 2;
        }
        choose_ticks();
    }

    double x_of(Instant t) const { return plot_left_ + axis_.fraction(t) * plot_width_; }

    // "…6 weeks…": a cut's length, in the largest unit that keeps it a whole number of two or more.
    std::string cut_text(const AxisCut& cut) const {
        long double s = static_cast<long double>(cut.to - cut.from);
        constexpr long double kDay = 86400, kYear = 365.2425L * kDay;
        auto whole = [&](long double unit) { return static_cast<std::int64_t>(std::llround(s / unit)); };
        Duration d;
        if (s >= 2 * kYear) d.years = whole(kYear);
        else if (s >= 60 * kDay) d.months = whole(kYear / 12);
        else if (s >= 14 * kDay) d.weeks = whole(7 * kDay);
        else if (s >= 2 * kDay) d.days = whole(kDay);
        else if (s >= 7200) d.hours = whole(3600);
        else d.minutes = std::max<std::int64_t>(1, whole(60));
        return "…" + dates_.duration(d) + "…";
    }

    // "+3 days": elapsed time on a relative axis, in steps of whole units.
    void choose_elapsed_ticks() {
        struct Step { double seconds; Duration words; };
        constexpr double kDay = 86400, kMonth = 365.2425 * kDay / 12, kYear = 365.2425 * kDay;
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
        long double span = axis_.seconds_per_plot();
        const Step* chosen = &steps[std::size(steps) - 1];
        for (const auto& step : steps) {
            double spacing = plot_width_ * static_cast<double>(step.seconds / span);
            if (spacing < 24) continue;  // too dense to label, whatever the words
            if (spacing >= shape("+" + dates_.duration(times(step.words, 10)), 10.5, false).width + 16) {
                chosen = &step;
                break;
            }
        }
        ticks_.clear();
        // At most one tick per 24 px of plot, even with the largest step.
        std::int64_t most = static_cast<std::int64_t>(plot_width_ / 24) + 1;
        for (std::int64_t k = 0; k < most; ++k) {
            double at = static_cast<double>(k) * chosen->seconds;
            if (at > static_cast<double>(domain_end_)) break;  // before the cast: it must fit
            Instant t = static_cast<Instant>(at);
            std::string text = k == 0 ? "0" : "+" + dates_.duration(times(chosen->words, k));
            ticks_.push_back({x_of(t), shape(text, 10.5, false)});
        }
    }

    // A log axis: ticks at whole orders of distance back from the latest event, "−1 day",
    // "−1 year", "10 thousand years ago" in deep time.
    void choose_log_ticks() {
        constexpr double kMinute = 60, kHour = 3600, kDay = 86400, kYear = 365.2425 * kDay;
        struct Back { double seconds; Duration words; };
        std::vector<Back> backs{{kMinute, {0, 0, 0, 0, 0, 1, 0}}, {10 * kMinute, {0, 0, 0, 0, 0, 10, 0}},
                                {kHour, {0, 0, 0, 0, 1, 0, 0}},   {6 * kHour, {0, 0, 0, 0, 6, 0, 0}},
                                {kDay, {0, 0, 0, 1, 0, 0, 0}},    {7 * kDay, {0, 0, 1, 0, 0, 0, 0}},
                                {kYear / 12, {0, 1, 0, 0, 0, 0, 0}}, {kYear, {1, 0, 0, 0, 0, 0, 0}}};
        for (double years = 10; years <= 1e11; years *= 10) backs.push_back({years * kYear, {static_cast<std::int64_t>(years)}});
        ticks_.clear();
        Instant reference = axis_.reference();
        std::vector<Tick> candidates;
        if (!deep_) candidates.push_back({x_of(reference), shape("0", 10.5, false)});
        for (const auto& back : backs) {
            if (back.seconds < axis_.unit() || back.seconds > static_cast<double>(reference - domain_start_)) continue;
            if (deep_ && back.seconds < 10 * kYear) continue;
            Instant t = reference - static_cast<Instant>(back.seconds);
            std::string text = deep_ ? dates_.tick(t, TimeUnit::year, 100000) : "−" + dates_.duration(back.words);
            candidates.push_back({x_of(t), shape(text, 10.5, false)});
        }
        std::sort(candidates.begin(), candidates.end(), [](const Tick& a, const Tick& b) { return a.x < b.x; });
        double last_right = -1e300;
        for (auto& tick : candidates)
            if (tick.x - tick.text.width / 2 >= std::max(last_right + 8, 0.0)) {  // none past the page's edge
                last_right = tick.x + tick.text.width / 2;
                ticks_.push_back(std::move(tick));
            }
    }

    void choose_ticks() {
        if (scale_kind_ == ScaleKind::relative) return choose_elapsed_ticks();
        if (axis_.kind() == ScaleKind::log) return choose_log_ticks();
        // Every cut is labelled; ticks give way to the labels, and none falls inside a cut.
        cut_labels_.clear();
        for (const auto& cut : axis_.cuts())
            cut_labels_.push_back({x_of(cut.from) / 2 + x_of(cut.to) / 2, shape(cut_text(cut), 10.5, false)});
        auto clear_of_cuts = [&](double left, double right) {
            return std::none_of(cut_labels_.begin(), cut_labels_.end(), [&](const Tick& c) {
                return left < c.x + c.text.width / 2 + 8 && c.x - c.text.width / 2 - 8 < right;
            });
        };
        long double span = axis_.seconds_per_plot();
        for (const auto& choice : kTickChoices) {
            double spacing = plot_width_ * static_cast<double>(choice.seconds / span);
            ShapedText sample = shape(dates_.tick(domain_start_, choice.unit, choice.step), 10.5, false);
            if (spacing < sample.width + 16 && &choice != &kTickChoices[std::size(kTickChoices) - 1]) continue;
            tick_unit_ = choice;
            break;
        }
        ticks_.clear();
        double last_right = -1e300;
        Instant t = calendar_.floor(domain_start_, tick_unit_.unit, tick_unit_.step);
        for (int guard = 0; guard < 5000 && t <= domain_end_; ++guard) {
            if (t >= domain_start_ && axis_.shows(t)) {
                Tick tick{x_of(t), shape(dates_.tick(t, tick_unit_.unit, tick_unit_.step), 10.5, false)};
                // Calendar steps are uneven (7-day steps restart each month): skip a crowded tick.
                double left = tick.x - tick.text.width / 2, right = tick.x + tick.text.width / 2;
                if (left >= last_right + 8 && clear_of_cuts(left, right)) {
                    last_right = tick.x + tick.text.width / 2;
                    ticks_.push_back(std::move(tick));
                }
            }
            Instant next = calendar_.add(t, tick_unit_.unit, tick_unit_.step);
            if (next <= t) break;
            t = next;
        }
    }

    void place() {
        double y = kMargin;
        title_box_ = {plot_left_, y, title_.width, title_.height};
        y += title_.height;
        if (!subtitle_.runs.empty()) {
            subtitle_box_ = {plot_left_, y + 2, subtitle_.width, subtitle_.height};
            y += subtitle_.height + 2;
        }
        y += 10;
        if (show_legend_) y = place_legend(y) + 12;  // a segmented chart's later panels: the first has it
        y = place_era_labels(y);

        for (size_t li = 0; li < lanes_.size(); ++li) {
            LaneGeometry& lane = lanes_[li];
            lane.top = y;
            lane.header_bottom = y + std::max(lane.title.height, 4.0) + 4;
            std::vector<LabelRequest> requests;
            std::vector<std::pair<bool, size_t>> owners;  // (is_link, index)
            double total = 0;
            for (size_t i = 0; i < events_.size(); ++i) {
                if (events_[i].lane != li) continue;
                const auto& g = events_[i];
                requests.push_back({g.x0 - (g.bar ? 0 : kMarkerRadius), g.label.width, g.label.height});
                owners.emplace_back(false, i);
                total += g.label.width + kLabelGap;
            }
            for (size_t i = 0; i < links_.size(); ++i) {
                if (links_[i].lane != li || !links_[i].has_label) continue;
                const auto& g = links_[i];
                double mid = (events_[g.from].x0 + events_[g.to].x0) / 2;
                requests.push_back({mid, g.text.width + 2 * kLabelPadX, g.text.height + 2 * kLabelPadY});
                owners.emplace_back(true, i);
                total += g.text.width + 2 * kLabelPadX + kLabelGap;
            }
            // As many rows as keep every label at its marker, up to a cap; past it, labels move
            // right (a crowded minute must not stack hundreds of rows).
            int budget = std::max(row_budget(total, plot_width_), std::min(rows_needed(requests, kLabelGap), kMaxRowsAtMarkers));
            RowPlacement rows = place_in_rows(requests, budget, kLabelGap);
            // Rows stack upwards from the marker strip; row 0 sits just above it.
            double rows_height = 0;
            for (double h : rows.row_heights) rows_height += h + kRowGap;
            double rows_top = lane.header_bottom + 4;
            lane.strip_top = rows_top + rows_height + kLeaderRoom;
            lane.row_tops.assign(rows.row_heights.size(), 0);
            double row_bottom = lane.strip_top - kLeaderRoom;
            for (size_t r = 0; r < rows.row_heights.size(); ++r) {
                lane.row_tops[r] = row_bottom - rows.row_heights[r];
                row_bottom = lane.row_tops[r] - kRowGap;
            }
            for (size_t k = 0; k < owners.size(); ++k) {
                auto [is_link, index] = owners[k];
                const LabelSlot& slot = rows.slots[k];
                if (is_link) {
                    links_[index].slot = slot;
                    links_[index].label_y = lane.row_tops[slot.row];
                } else {
                    events_[index].slot = slot;
                    // Bottom-align with the row, so each leader ends where its row begins.
                    events_[index].label_y = lane.row_tops[slot.row] + rows.row_heights[slot.row] - events_[index].label.height;
                }
            }
            lane.tracks = assign_tracks(li);
            lane.bottom = lane.strip_top + kStripHeight + (lane.tracks - 1) * kTrackStep;
            y = lane.bottom + kLaneGap;
        }
        axis_y_ = y;
        double tick_height = 0;
        for (const auto& tick : ticks_) tick_height = std::max(tick_height, tick.text.height);
        for (const auto& cut : cut_labels_) tick_height = std::max(tick_height, cut.text.height);
        double bottom = axis_y_ + kTickLength + 3 + tick_height;

        // The page holds everything placed, plus margins.
        double right = plot_left_ + plot_width_;
        right = std::max(right, title_box_.right());
        right = std::max(right, subtitle_box_.right());
        right = std::max(right, legend_right_);
        for (const auto& g : events_) right = std::max(right, g.slot.x + g.label.width);
        for (const auto& g : links_) if (g.has_label) right = std::max(right, g.slot.x + g.text.width + 2 * kLabelPadX);
        for (const auto& lane : lanes_) right = std::max(right, plot_left_ + lane.title.width);
        for (const auto& tick : ticks_) right = std::max(right, tick.x + tick.text.width / 2);
        for (const auto& era : era_labels_) right = std::max(right, era.box.right());
        page_width_ = std::ceil(right + kMargin);
        page_height_ = std::ceil(bottom + kMargin);
    }

    struct LegendEntry {
        enum Kind { lane, exact, approximate, period } kind;
        Color color;
        ShapedText text;
        Box box;  // swatch and text together
    };

    double place_legend(double y) {
        auto add = [&](LegendEntry::Kind kind, Color color, const std::string& text) {
            legend_.push_back({kind, color, shape(text, 10.5, false), {}});
        };
        for (size_t i = 0; i < t_.lanes.size(); ++i)
            add(LegendEntry::lane, lane_colors_[i], pick(t_.lanes[i].label, "/lanes/" + std::to_string(i) + "/label"));
        const Phrases& words = phrases_for(lang_);
        add(LegendEntry::exact, kInk, words.known_date);
        add(LegendEntry::approximate, kInk, words.approximate_date);
        add(LegendEntry::period, kInk, words.period);
        double x = plot_left_, line_height = 0;
        for (auto& entry : legend_) {
            double w = 18 + entry.text.width;
            if (x + w > plot_left_ + plot_width_ && x > plot_left_) {
                x = plot_left_;
                y += line_height + 4;
                line_height = 0;
            }
            entry.box = {x, y, w, std::max(entry.text.height, 12.0)};
            legend_right_ = std::max(legend_right_, entry.box.right());
            line_height = std::max(line_height, entry.box.height);
            x += w + 16;
        }
        return y + line_height;
    }

    struct EraLabel {
        size_t era;
        double x0, x1;
        ShapedText text;
        Box box;
    };

    double place_era_labels(double y) {
        std::vector<LabelRequest> requests;
        for (size_t i = 0; i < t_.eras.size() && scale_kind_ != ScaleKind::relative; ++i) {  // eras are dates
            const Era& era = t_.eras[i];
            double x0 = std::max(plot_left_, x_of(calendar_.start_of(era.start)));
            double x1 = std::min(plot_left_ + plot_width_, x_of(calendar_.end_of(era.end)));
            if (x1 <= x0) continue;  // outside the events' span
            EraLabel label{i, x0, x1, shape(pick(era.label, "/eras/" + std::to_string(i) + "/label"), 11, true), {}};
            requests.push_back({x0 + 4, label.text.width + 8, label.text.height + 4});
            era_labels_.push_back(std::move(label));
        }
        if (era_labels_.empty()) return y;
        RowPlacement rows = place_in_rows(requests, static_cast<int>(requests.size()), kLabelGap);
        std::vector<double> tops(rows.row_heights.size());
        for (size_t r = 0; r < tops.size(); ++r) {
            tops[r] = y;
            y += rows.row_heights[r] + 2;
        }
        for (size_t k = 0; k < era_labels_.size(); ++k)
            era_labels_[k].box = {rows.slots[k].x, tops[rows.slots[k].row], requests[k].width, requests[k].height};
        era_top_ = era_labels_.empty() ? y : era_labels_.front().box.y;
        for (const auto& e : era_labels_) era_top_ = std::min(era_top_, e.box.y);
        return y + 6;
    }

    // ---- phase 2: emit the scene and boxes, mirrored for right-to-left editions ---------
    double mx(double x, double width = 0) const { return rtl_ ? page_width_ - x - width : x; }
    Box mbox(const Box& b) const { return {mx(b.x, b.width), b.y, b.width, b.height}; }
    Point mpoint(Point p) const { return {mx(p.x), p.y}; }

    void box(BoxKind kind, const std::string& event, const Box& b) {
        out_.boxes.push_back({kind, event, 1, mbox(b)});
    }

    TextItem text_item(const ShapedText& text, double x, double y, Color color) const {
        // x, y: logical top-left of the block; the block keeps its own (bidi) internal order.
        return TextItem{{mx(x, text.width), y}, color, text.runs};
    }

    void emit() {
        Scene& scene = out_.scene;
        scene.language = lang_;
        scene.rtl = rtl_;
        scene.title = pick(t_.title, "/title");
        scene.description = pick(t_.subtitle, "/subtitle");
        scene.author = t_.author;
        Page page;
        page.width = page_width_;
        page.height = page_height_;
        auto& items = page.items;
        items.push_back(RectItem{{0, 0, page_width_, page_height_}, kWhite, std::nullopt, 0});

        double plot_top = era_labels_.empty() ? (lanes_.empty() ? axis_y_ : lanes_.front().top) : era_top_;
        for (const auto& era : era_labels_) {
            Color c = t_.eras[era.era].color.value_or(Color{200, 170, 90, 255});
            Box band{era.x0, plot_top, era.x1 - era.x0, axis_y_ - plot_top};
            items.push_back(RectItem{mbox(band), with_alpha(tint(c, 0.55), 90), std::nullopt, 0});
            box(BoxKind::era, "", band);
        }
        for (size_t i = 0; i < lanes_.size(); ++i) {
            const auto& lane = lanes_[i];
            Box band{plot_left_, lane.top, plot_width_, lane.bottom - lane.top};
            if (i % 2 == 0) items.push_back(RectItem{mbox(band), with_alpha(tint(lane.color, 0.9), 110), std::nullopt, 0});
            box(BoxKind::lane, "", band);
        }
        for (const auto& tick : ticks_) {
            items.push_back(LineItem{{mpoint({tick.x, plot_top}), mpoint({tick.x, axis_y_})}, {kGrid, 0.75, {}}, false});
        }
        for (const auto& lane : lanes_) {
            // The strip's centre line: the lane's own time line.
            double cy = lane.strip_top + kStripHeight / 2;
            items.push_back(LineItem{{mpoint({plot_left_, cy}), mpoint({plot_left_ + plot_width_, cy})},
                                     {tint(lane.color, 0.5), 1, {}}, false});
        }
        emit_cut_bands(items, plot_top);  // over the time lines and bands, under every text
        for (const auto& era : era_labels_) {
            Box b = era.box;
            items.push_back(text_item(era.text, b.x + 4, b.y + 2, kMuted));
            box(BoxKind::era_label, "", b);
        }
        for (const auto& lane : lanes_) {
            if (!lane.title.runs.empty()) {
                items.push_back(text_item(lane.title, plot_left_, lane.top + 2, lane.color));
                box(BoxKind::lane_label, "", {plot_left_, lane.top + 2, lane.title.width, lane.title.height});
            }
        }
        emit_axis(items);
        emit_links(items);
        // Events in time order: the order screen readers and PDF bookmarks follow.
        std::vector<const EventGeometry*> in_time(events_.size());
        for (size_t i = 0; i < events_.size(); ++i) in_time[i] = &events_[i];
        // Within one start, the less precise first ("November" before "9 November"), as printed chronologies do.
        std::stable_sort(in_time.begin(), in_time.end(), [this](const EventGeometry* a, const EventGeometry* b) {
            const Interval &x = intervals_[a->event], &y = intervals_[b->event];
            return x.start != y.start ? x.start < y.start : x.precision < y.precision;
        });
        // Leaders first, under every label: a leader climbing past a stacked label hides behind it.
        for (const auto* g : in_time) emit_leader(items, *g);
        for (const auto* g : in_time) emit_event(items, *g);
        emit_header(items);
        scene.pages.push_back(std::move(page));
    }

    void emit_axis(std::vector<Item>& items) {
        items.push_back(LineItem{{mpoint({plot_left_, axis_y_}), mpoint({plot_left_ + plot_width_, axis_y_})},
                                 {kAxisColor, 1, {}}, false});
        box(BoxKind::axis, "", {plot_left_, axis_y_, plot_width_, kTickLength});
        for (const auto& tick : ticks_) {
            items.push_back(LineItem{{mpoint({tick.x, axis_y_}), mpoint({tick.x, axis_y_ + kTickLength})},
                                     {kAxisColor, 1, {}}, false});
            Box b{tick.x - tick.text.width / 2, axis_y_ + kTickLength + 3, tick.text.width, tick.text.height};
            items.push_back(text_item(tick.text, b.x, b.y, kMuted));
            box(BoxKind::tick, "", b);
        }
        // A cut breaks the axis: a white gap between two slanted strokes, its length below.
        for (const auto& cut : axis_.cuts()) {
            double x0 = x_of(cut.from), x1 = x_of(cut.to);
            items.push_back(RectItem{mbox({x0, axis_y_ - 1, x1 - x0, 2}), kWhite, std::nullopt, 0});
            for (double x : {x0, x1})
                items.push_back(LineItem{{mpoint({x - 3, axis_y_ + 6}), mpoint({x + 3, axis_y_ - 6})},
                                         {kAxisColor, 1.25, {}}, false});
        }
        for (const auto& cut : cut_labels_) {
            Box b{cut.x - cut.text.width / 2, axis_y_ + kTickLength + 3, cut.text.width, cut.text.height};
            items.push_back(text_item(cut.text, b.x, b.y, kAxisColor));
            box(BoxKind::cut_label, "", b);
        }
    }

    // A collapsed axis's cuts: the plot whited out over the quiet time, dashed at its edges.
    void emit_cut_bands(std::vector<Item>& items, double plot_top) {
        for (const auto& cut : axis_.cuts()) {
            double x0 = x_of(cut.from), x1 = x_of(cut.to);
            Box band{x0, plot_top, x1 - x0, axis_y_ - plot_top};
            items.push_back(RectItem{mbox(band), kWhite, std::nullopt, 0});
            box(BoxKind::cut, "", band);
            for (double x : {x0, x1})
                items.push_back(LineItem{{mpoint({x, plot_top}), mpoint({x, axis_y_})}, {kGrid, 1, {3, 3}}, false});
        }
    }

    double marker_y(const EventGeometry& g) const {
        return lanes_[g.lane].strip_top + kStripHeight / 2 + g.track * kTrackStep;
    }

    // Bars of one lane that overlap in time go on separate tracks (first fit, in time order);
    // points stay on the time line. Returns the lane's number of tracks.
    int assign_tracks(size_t lane) {
        std::vector<LabelRequest> bars;
        std::vector<EventGeometry*> owners;
        for (auto& g : events_)
            if (g.lane == lane && g.bar) {
                bars.push_back({g.x0, std::max(g.x1 - g.x0, 2.0), kBarHeight});
                owners.push_back(&g);
            }
        RowPlacement tracks = place_in_rows(bars, static_cast<int>(bars.size()), 2);
        for (size_t k = 0; k < owners.size(); ++k) owners[k]->track = tracks.slots[k].row;
        return std::max<int>(1, static_cast<int>(tracks.row_heights.size()));
    }

    void emit_links(std::vector<Item>& items) {
        for (const auto& link : links_) {
            const auto& a = events_[link.from];
            const auto& b = events_[link.to];
            Point p0{a.x0, marker_y(a)}, p3{b.x0, marker_y(b)};
            // A cubic arc bowing below the strips, sampled as a polyline.
            double bow = std::max(18.0, std::abs(p3.x - p0.x) * 0.25);
            Point p1{p0.x, p0.y + bow}, p2{p3.x, p3.y + bow};
            if (p3.y > p0.y + 1) p3.y -= kMarkerRadius + 1;  // stop at the target marker's edge
            else p3.y += kMarkerRadius + 1;
            std::vector<Point> points;
            for (int k = 0; k <= 24; ++k) {
                double s = k / 24.0, u = 1 - s;
                points.push_back(mpoint({u * u * u * p0.x + 3 * u * u * s * p1.x + 3 * u * s * s * p2.x + s * s * s * p3.x,
                                         u * u * u * p0.y + 3 * u * u * s * p1.y + 3 * u * s * s * p2.y + s * s * s * p3.y}));
            }
            items.push_back(LineItem{std::move(points), {kLinkColor, 1.25, {}}, true});
            if (link.has_label) {
                Box lb{link.slot.x, link.label_y, link.text.width + 2 * kLabelPadX, link.text.height + 2 * kLabelPadY};
                double mid = (a.x0 + b.x0) / 2;
                double attach = std::clamp(mid, lb.x + 2, lb.right() - 2);
                items.push_back(LineItem{{mpoint({attach, lb.bottom()}), mpoint({mid, marker_y(b) - kMarkerRadius - 2})},
                                         {with_alpha(kLinkColor, 140), 0.75, {3, 2}}, false});
                items.push_back(RectItem{mbox(lb), with_alpha(kWhite, 235), Stroke{tint(kLinkColor, 0.6), 0.75, {3, 2}}, 3});
                items.push_back(text_item(link.text, lb.x + kLabelPadX, lb.y + kLabelPadY, kLinkColor));
                box(BoxKind::link, t_.events[link.to].id, lb);
            }
        }
    }

    // From the label's bottom edge, as near above the marker as the label reaches, to the marker.
    void emit_leader(std::vector<Item>& items, const EventGeometry& g) {
        Box label{g.slot.x, g.label_y, g.label.width, g.label.height};
        double anchor = g.bar ? g.x0 + 2 : g.x0;
        double attach = std::clamp(anchor, label.x + 1, label.right() - 1);
        double marker_top = marker_y(g) - (g.bar ? kBarHeight / 2 : kMarkerRadius);
        Point from = mpoint({attach, label.bottom()}), to = mpoint({anchor, marker_top});
        items.push_back(LineItem{{from, to}, {tint(g.color, 0.35), 0.75, {}}, false});
        out_.lines.push_back({"leader", t_.events[g.event].id, 1, from, to});
    }

    void emit_event(std::vector<Item>& items, const EventGeometry& g) {
        const Event& e = t_.events[g.event];
        const Color color = g.color;
        Group group;
        group.event_id = e.id;
        group.alt = dates_.event_date(intervals_[g.event]);
        std::string title = pick(e.title, "/events/" + std::to_string(g.event) + "/title");
        if (!title.empty()) group.alt += " — " + title;
        for (const auto& id : e.sources)
            for (const auto& s : t_.sources)
                if (s.id == id && group.url.empty() && is_link_url(s.url)) group.url = s.url;

        double cy = marker_y(g);
        Box label{g.slot.x, g.label_y, g.label.width, g.label.height};

        Box marker;
        if (g.bar) {
            marker = {g.x0, cy - kBarHeight / 2, std::max(g.x1 - g.x0, 2.0), kBarHeight};
            Stroke outline{color, 1, g.approximate ? std::vector<double>{3, 2} : std::vector<double>{}};
            group.items.push_back(RectItem{mbox(marker), g.approximate ? tint(color, 0.7) : tint(color, 0.25), outline, 2});
            // An open end: an arrow on the bar, pointing off the plot.
            const Interval& iv = intervals_[g.event];
            if (iv.open_end)
                group.items.push_back(LineItem{{mpoint({g.x1 - 16, cy}), mpoint({g.x1, cy})}, {color, 1.5, {}}, true});
            if (iv.open_start)
                group.items.push_back(LineItem{{mpoint({g.x0 + 16, cy}), mpoint({g.x0, cy})}, {color, 1.5, {}}, true});
        } else {
            marker = {g.x0 - kMarkerRadius, cy - kMarkerRadius, 2 * kMarkerRadius, 2 * kMarkerRadius};
            if (g.approximate)
                group.items.push_back(CircleItem{mpoint({g.x0, cy}), kMarkerRadius - 0.75, kWhite, Stroke{color, 1.5, {2, 1.5}}});
            else
                group.items.push_back(CircleItem{mpoint({g.x0, cy}), kMarkerRadius, color, Stroke{kWhite, 1, {}}});
        }
        box(BoxKind::marker, e.id, marker);

        out_.scene.outline.push_back({group.alt, 1, Point{mbox(label).x, label.y}, -1});
        group.items.push_back(RectItem{mbox(label), with_alpha(kWhite, 240), Stroke{tint(color, 0.55), 0.75, {}}, 3});
        Box accent{label.x, label.y, 3, label.height};
        group.items.push_back(RectItem{mbox(accent), color, std::nullopt, 0});
        // Text starts at the label's logical start: the left in English, the right once mirrored.
        double text_x = label.x + kLabelPadX;
        double y = label.y + kLabelPadY;
        group.items.push_back(text_item(g.label.title, text_x, y, kInk));
        y += g.label.title.height;
        group.items.push_back(text_item(g.label.meta, text_x, y, kMuted));
        box(BoxKind::label, e.id, label);
        out_.scene.notes.push_back(note(g, mbox(label)));
        items.push_back(std::move(group));
    }

    EventNote note(const EventGeometry& g, const Box& hot) {
        return event_note(t_, g.event, dates_.event_date(intervals_[g.event]), dates_, lang_,
                          [this](const LocalizedText& text, const std::string& pointer) { return pick(text, pointer); }, hot);
    }

    void emit_header(std::vector<Item>& items) {
        if (!title_.runs.empty()) {
            items.push_back(text_item(title_, title_box_.x, title_box_.y, kInk));
            box(BoxKind::title, "", title_box_);
        }
        if (!subtitle_.runs.empty()) {
            items.push_back(text_item(subtitle_, subtitle_box_.x, subtitle_box_.y, kMuted));
            box(BoxKind::subtitle, "", subtitle_box_);
        }
        for (const auto& entry : legend_) {
            const Box& b = entry.box;
            double cx = b.x + 6, cy = b.y + b.height / 2;
            switch (entry.kind) {
                case LegendEntry::lane:
                    items.push_back(RectItem{mbox({b.x, cy - 5, 12, 10}), entry.color, std::nullopt, 2});
                    break;
                case LegendEntry::exact:
                    items.push_back(CircleItem{mpoint({cx, cy}), kMarkerRadius, kMuted, std::nullopt});
                    break;
                case LegendEntry::approximate:
                    items.push_back(CircleItem{mpoint({cx, cy}), kMarkerRadius - 0.75, kWhite, Stroke{kMuted, 1.5, {2, 1.5}}});
                    break;
                case LegendEntry::period:
                    items.push_back(RectItem{mbox({b.x, cy - kBarHeight / 2, 14, kBarHeight}), tint(kMuted, 0.25),
                                             Stroke{kMuted, 1, {}}, 2});
                    break;
            }
            items.push_back(text_item(entry.text, b.x + 18, b.y, kInk));
            box(BoxKind::legend, "", b);
        }
    }

    const Timeline& t_;
    std::string lang_;
    bool rtl_;
    double scale_;
    Shaper& shaper_;
    Calendar calendar_;
    DateFormatter dates_;
    Layout out_;
    TextPicker picker_;
    ScaleKind scale_kind_;
    MissingGlyphs missing_;

    ShapedText title_, subtitle_;
    Box title_box_, subtitle_box_;
    std::vector<LegendEntry> legend_;
    double legend_right_ = 0;
    std::vector<EraLabel> era_labels_;
    double era_top_ = 0;
    std::vector<LaneGeometry> lanes_;
    size_t default_lane_ = 0;
    std::vector<Interval> intervals_;  // when each event happened, for its date
    std::vector<Interval> placed_;     // where it goes on the axis: the same, or counted from its lane's start
    std::vector<EventGeometry> events_;
    std::vector<LinkGeometry> links_;
    std::vector<Tick> ticks_;
    std::vector<Tick> cut_labels_;  // one per cut of a collapsed axis, centred on it
    TimeScale axis_{ScaleKind::chronological, {}, 0, 1};
    bool unified_ = false;             // --facet none: every lane in one band
    bool deep_ = false;                // the axis reaches deep time: a log axis counts from the present
    std::optional<std::pair<Instant, Instant>> window_;  // a panel of a segmented chart
    std::optional<std::string> heading_;
    bool show_legend_ = true;
    std::vector<Color> lane_colors_;   // by lane, for events and the legend
    TickUnitChoice tick_unit_{TimeUnit::year, 1, 31556952};
    Instant domain_start_ = 0, domain_end_ = 1;
    double plot_left_ = kMargin, plot_width_ = kPlotMinWidth, axis_y_ = 0;
    double page_width_ = 0, page_height_ = 0;
};

}  // namespace

Layout layout_chart(const Timeline& timeline, const LayoutOptions& options, Shaper& shaper) {
    return ChartBuilder(timeline, options, shaper).build();
}

}  // namespace tarikh
