#include "layout/aggregate.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace tarikh {

double fatalities_of(const Event& event) {
    double sum = 0;
    for (const auto& figure : event.figures)
        if (figure.kind == "fatalities") sum += figure.value;
    return sum;
}

bool has_fatalities(const Event& event) {
    return std::any_of(event.figures.begin(), event.figures.end(), [](const Figure& f) { return f.kind == "fatalities"; });
}

double measure_of(const Event& event, Measure measure) {
    return measure == Measure::fatalities ? fatalities_of(event) : 1.0;
}

Period period_of(Instant t, Bin bin, const Calendar& calendar) {
    if (bin == Bin::week) {
        Instant start = calendar.week_start(t);
        return {start, calendar.add(start, TimeUnit::day, 7)};
    }
    Instant start = calendar.floor(t, TimeUnit::month, 1);
    return {start, calendar.add(start, TimeUnit::month, 1)};
}

double periods_spanned(Instant from, Instant to, Bin bin) {
    const double seconds = bin == Bin::week ? 7 * 86400.0 : 30.436875 * 86400.0;
    return (static_cast<double>(to) - static_cast<double>(from)) / seconds + 2;
}

std::vector<std::string> lane_keys(const Timeline& timeline) {
    std::unordered_set<std::string> known;
    for (const auto& lane : timeline.lanes) known.insert(lane.id);
    std::vector<std::string> keys;
    keys.reserve(timeline.events.size());
    for (const auto& event : timeline.events) keys.push_back(known.count(event.lane) ? event.lane : "");
    return keys;
}

AggregatePlan AggregatePlan::none(size_t events) {
    AggregatePlan plan;
    plan.counted.assign(events, false);
    plan.kept.assign(events, true);
    return plan;
}

AggregatePlan plan_aggregation(const Timeline& timeline, const std::vector<Interval>& times,
                               const Aggregation& options, size_t capacity) {
    const size_t n = timeline.events.size();
    AggregatePlan plan = AggregatePlan::none(n);
    plan.measure = options.measure;
    if (options.period == AggregatePeriod::none) return plan;
    plan.bin = options.period == AggregatePeriod::month ? Bin::month : Bin::week;
    plan.automatic = options.period == AggregatePeriod::automatic;

    plan.keys = lane_keys(timeline);
    const std::vector<std::string>& keys = plan.keys;
    std::unordered_map<std::string, size_t> per_lane;
    for (size_t i = 0; i < n; ++i) ++per_lane[keys[i]];
    // Lanes in the timeline's order, the lane of events without one last, as the chart draws them.
    std::vector<std::string> order;
    for (const auto& lane : timeline.lanes) order.push_back(lane.id);
    order.emplace_back();
    std::unordered_set<std::string> seen;
    for (const auto& key : order)
        if (per_lane.count(key) && seen.insert(key).second && (!plan.automatic || per_lane[key] > capacity))
            plan.lanes.push_back(key);
    if (plan.lanes.empty()) return plan;

    const std::unordered_set<std::string> aggregated(plan.lanes.begin(), plan.lanes.end());
    std::vector<size_t> candidates;
    for (size_t i = 0; i < n; ++i) {
        if (!aggregated.count(keys[i]) || times[i].unknown) continue;
        plan.counted[i] = true;
        plan.kept[i] = false;
        const double dead = fatalities_of(timeline.events[i]);
        if (options.label_min_fatalities && dead >= *options.label_min_fatalities) candidates.push_back(i);
        else if (!options.label_min_fatalities && options.label_top && dead > 0) candidates.push_back(i);
    }
    if (options.label_top && candidates.size() > *options.label_top) {
        // The most fatalities first; among equals, the earlier in the file.
        std::stable_sort(candidates.begin(), candidates.end(), [&](size_t a, size_t b) {
            return fatalities_of(timeline.events[a]) > fatalities_of(timeline.events[b]);
        });
        candidates.resize(*options.label_top);
    }
    for (size_t i : candidates) plan.kept[i] = true;
    return plan;
}

std::vector<Bar> bin_events(const Timeline& timeline, const std::vector<Interval>& times,
                            const std::vector<size_t>& events, Bin bin, Measure measure, const Calendar& calendar,
                            Instant from, Instant to) {
    std::vector<Bar> bars;
    if (to <= from) to = from + 1;
    for (Period p = period_of(from, bin, calendar); p.start < to; p = period_of(p.end, bin, calendar)) {
        bars.push_back({p, std::max(p.start, from), std::min(p.end, to), 0, 0, 0});
        if (p.end <= p.start) break;  // a calendar that cannot step: never loop
    }
    for (size_t i : events) {
        const Instant t = times[i].start;
        // The last bar starting at or before t.
        auto it = std::upper_bound(bars.begin(), bars.end(), t, [](Instant v, const Bar& b) { return v < b.period.start; });
        if (it == bars.begin()) continue;  // outside [from, to): the caller's contract
        Bar& bar = *std::prev(it);
        const Event& ev = timeline.events[i];
        ++bar.events;
        bar.fatalities += fatalities_of(ev);
        bar.value += measure_of(ev, measure);
    }
    return bars;
}

}  // namespace tarikh
