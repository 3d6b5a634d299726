#include "layout/time_scale.hpp"

#include <algorithm>
#include <cmath>

namespace tarikh {
namespace {

constexpr double kCutWidth = 0.04;        // of the plot, for each break
constexpr long double kCutGapShare = 0.15L;  // a quiet gap this share of the domain, or longer, is cut
constexpr long double kCutMargin = 0.02L;    // of the domain, kept on each side of a cut
constexpr long double kAutoShare = 0.5L;     // --scale auto collapses when cuts leave out this much

// The gaps between clusters of overlapping spans long enough to cut, in time order.
std::vector<AxisCut> long_gaps(std::vector<Interval> spans, Instant start, Instant end) {
    std::vector<AxisCut> cuts;
    if (spans.size() < 2) return cuts;
    std::sort(spans.begin(), spans.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
    long double domain = static_cast<long double>(end - start);
    Instant margin = static_cast<Instant>(domain * kCutMargin);
    Instant cluster_end = spans.front().end;
    for (size_t i = 1; i < spans.size(); ++i) {
        long double gap = static_cast<long double>(spans[i].start) - static_cast<long double>(cluster_end);
        if (gap >= domain * kCutGapShare && gap > 2.0L * static_cast<long double>(margin))
            cuts.push_back({cluster_end + margin, spans[i].start - margin, 0, 0});
        cluster_end = std::max(cluster_end, spans[i].end);
    }
    return cuts;
}

}  // namespace

TimeScale::TimeScale(ScaleKind kind, const std::vector<Interval>& spans, Instant start, Instant end,
                     std::optional<Instant> log_reference)
    : kind_(kind) {
    if (end <= start) end = start + 1;
    if (kind_ == ScaleKind::sequential && spans.empty()) kind_ = ScaleKind::chronological;
    if (kind_ == ScaleKind::automatic || kind_ == ScaleKind::collapsed) {
        std::vector<AxisCut> cuts = long_gaps(spans, start, end);
        long double left_out = 0;
        for (const auto& cut : cuts) left_out += static_cast<long double>(cut.to - cut.from);
        bool worth = kind_ == ScaleKind::collapsed ? !cuts.empty()
                                                   : left_out >= kAutoShare * static_cast<long double>(end - start);
        kind_ = worth ? ScaleKind::collapsed : ScaleKind::chronological;
        if (worth) {
            collapsed(cuts, start, end);
            return;
        }
    }
    if (kind_ == ScaleKind::log && spans.empty()) kind_ = ScaleKind::chronological;
    if (kind_ == ScaleKind::sequential) sequential(spans, start, end);
    else if (kind_ == ScaleKind::log) logarithmic(spans, start, log_reference);
    else chronological(start, end);
}

// x from the distance d back from the reference: 1 - log(1 + d/u) / log(1 + D/u), with u a
// quarter of the nearest event's distance, so that it stands clear of the reference.
void TimeScale::logarithmic(const std::vector<Interval>& spans, Instant start, std::optional<Instant> reference) {
    reference_ = spans.front().end;
    for (const auto& span : spans) reference_ = std::max(reference_, span.end);
    if (reference) reference_ = std::max(reference_, *reference);
    long double nearest = 0;
    for (const auto& span : spans) {
        long double d = static_cast<long double>(reference_ - span.start);
        if (d > 0 && (nearest == 0 || d < nearest)) nearest = d;
    }
    unit_ = std::max(1.0L, nearest / 4);
    long double whole = std::max(1.0L, static_cast<long double>(reference_ - start));
    log_span_ = std::log1p(whole / unit_);
    seconds_per_plot_ = whole;
}

void TimeScale::chronological(Instant start, Instant end) {
    knots_ = {{static_cast<long double>(start), 0}, {static_cast<long double>(end), 1}};
    seconds_per_plot_ = static_cast<long double>(end - start);
}

// The time kept shares what the breaks leave of the plot, in proportion.
void TimeScale::collapsed(const std::vector<AxisCut>& cuts, Instant start, Instant end) {
    long double kept = static_cast<long double>(end - start);
    for (const auto& cut : cuts) kept -= static_cast<long double>(cut.to - cut.from);
    double share = 1.0 - kCutWidth * static_cast<double>(cuts.size());
    seconds_per_plot_ = kept / share;
    knots_ = {{static_cast<long double>(start), 0}};
    long double kept_so_far = 0;
    Instant at = start;
    for (size_t i = 0; i < cuts.size(); ++i) {
        kept_so_far += static_cast<long double>(cuts[i].from - at);
        AxisCut cut = cuts[i];
        cut.start = static_cast<double>(kept_so_far / kept) * share + kCutWidth * static_cast<double>(i);
        cut.end = cut.start + kCutWidth;
        knots_.push_back({static_cast<long double>(cut.from), cut.start});
        knots_.push_back({static_cast<long double>(cut.to), cut.end});
        cuts_.push_back(cut);
        at = cut.to;
    }
    knots_.push_back({static_cast<long double>(end), 1});
}

// Each distinct start gets an equal step; times between starts fall between their steps.
void TimeScale::sequential(const std::vector<Interval>& spans, Instant start, Instant end) {
    std::vector<Instant> starts;
    for (const auto& span : spans) starts.push_back(span.start);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    double step = 1.0 / static_cast<double>(starts.size());
    knots_.clear();
    if (start < starts.front()) knots_.push_back({static_cast<long double>(start), 0});
    for (size_t i = 0; i < starts.size(); ++i)
        knots_.push_back({static_cast<long double>(starts[i]), (static_cast<double>(i) + 0.5) * step});
    if (end > starts.back()) knots_.push_back({static_cast<long double>(end), 1});
    if (knots_.size() < 2) knots_ = {{static_cast<long double>(start), 0}, {static_cast<long double>(end), 1}};
    seconds_per_plot_ = static_cast<long double>(end - start);
}

double TimeScale::fraction(Instant t) const {
    if (kind_ == ScaleKind::log) {
        long double back = std::max(0.0L, static_cast<long double>(reference_ - t));
        return static_cast<double>(1 - std::log1p(back / unit_) / log_span_);
    }
    long double at = static_cast<long double>(t);
    // The segment holding t; beyond either end, the nearest segment carried on.
    auto it = std::upper_bound(knots_.begin(), knots_.end(), at, [](long double v, const Knot& k) { return v < k.t; });
    size_t hi = std::clamp<size_t>(static_cast<size_t>(it - knots_.begin()), 1, knots_.size() - 1);
    const Knot& a = knots_[hi - 1];
    const Knot& b = knots_[hi];
    return a.f + static_cast<double>((at - a.t) / (b.t - a.t)) * (b.f - a.f);
}

bool TimeScale::shows(Instant t) const {
    return std::none_of(cuts_.begin(), cuts_.end(), [t](const AxisCut& cut) { return cut.from < t && t < cut.to; });
}

}  // namespace tarikh
