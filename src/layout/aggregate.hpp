// Aggregation: which events a chart or a chronicle counts in periods (ISO weeks or months)
// rather than drawing one by one, and the bars of those counts. Plain functions over the model;
// the chart draws the bars (chart_band), the chronicle writes them (chronicle_compose).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <tarikh/options.hpp>

#include "model/timeline.hpp"
#include "time/calendar.hpp"

namespace tarikh {

enum class Bin { week, month };

// The sum of the `value`s of an event's figures of kind "fatalities": 0 without one.
double fatalities_of(const Event& event);
bool has_fatalities(const Event& event);
double measure_of(const Event& event, Measure measure);

// [start, end): the ISO week (Monday to Sunday) or the Gregorian month holding an instant, in
// the calendar's time zone.
struct Period {
    Instant start = 0, end = 0;
};
Period period_of(Instant t, Bin bin, const Calendar& calendar);

// Past this many periods (a week band over centuries) no band is drawn: each bar would be
// thinner than a hair, and there would be millions of them.
inline constexpr double kMostPeriods = 5000;
// How many periods [from, to) spans, roughly (mean weeks or months): to refuse a band before making it.
double periods_spanned(Instant from, Instant to, Bin bin);

// Each event's lane as aggregation groups them: the lane's id when the timeline has that lane,
// else "" (the lane of events without a known one).
std::vector<std::string> lane_keys(const Timeline& timeline);

// What is counted and what is still drawn one by one.
struct AggregatePlan {
    std::optional<Bin> bin;          // none: nothing is aggregated
    Measure measure = Measure::count;
    bool automatic = false;          // lanes chosen by their number of events
    std::vector<std::string> lanes;  // the lane keys aggregated
    std::vector<std::string> keys;   // per event: its lane key (lane_keys)
    std::vector<bool> counted;       // per event: in an aggregated lane, so in its band's count
    std::vector<bool> kept;          // per event: drawn (written) one by one: not counted, or passing a label filter
    bool any() const { return bin && !lanes.empty(); }
    // Nothing aggregated: each of `events` drawn one by one.
    static AggregatePlan none(size_t events);
};

// `times`: each event's interval (resolve_event_times). `capacity`: with automatic aggregation,
// the most events a lane may hold and still be drawn one by one. Every counted event is counted
// in its band, kept or not; the kept are also drawn. An event nobody dates is never counted
// (it belongs to no period): it is kept, shown as it would be without aggregation.
AggregatePlan plan_aggregation(const Timeline& timeline, const std::vector<Interval>& times,
                               const Aggregation& options, size_t capacity);

// One period of a band. An event is counted in the period its interval starts in (a month-
// precision date in its month, an interval at its start).
struct Bar {
    Period period;             // the whole week or month
    Instant from = 0, to = 0;  // the part of it inside the data's range: the edges' periods are clipped
    size_t events = 0;
    double fatalities = 0;
    double value = 0;  // what the measure shows: events or fatalities
};

// A bar for every period from the one holding `from` to the one holding `to - 1`, the empty ones
// included, each clipped to [from, to); `events` (indices into the timeline, each starting in
// [from, to)) counted in them. Callers check periods_spanned first.
std::vector<Bar> bin_events(const Timeline& timeline, const std::vector<Interval>& times,
                            const std::vector<size_t>& events, Bin bin, Measure measure, const Calendar& calendar,
                            Instant from, Instant to);

}  // namespace tarikh
