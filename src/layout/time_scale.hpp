// Where instants sit along a chart's plot (--scale): in proportion to time, with the long
// quiet gaps cut out ("collapsed"), or evenly spaced in order ("sequential").
#pragma once
#include <optional>
#include <vector>

#include "time/calendar.hpp"

namespace tarikh {

// relative: each lane's times counted from its first event (the chart shifts them; here it
// maps like chronological). log: distance back from the latest event, in orders of magnitude.
enum class ScaleKind { automatic, chronological, collapsed, sequential, relative, log };

// Quiet time left out of a collapsed axis, drawn as a break with its length written on it.
struct AxisCut {
    Instant from = 0, to = 0;   // the time left out
    double start = 0, end = 0;  // where the break sits, as fractions of the plot
};

class TimeScale {
public:
    // `spans`: the events' times; the domain: the axis's padded extent. `automatic` becomes
    // collapsed when cutting would leave out at least half the domain, else chronological.
    // `log_reference`: where a log axis counts back from, if later than every event (deep time
    // counts from the present); otherwise the latest event's end.
    TimeScale(ScaleKind kind, const std::vector<Interval>& spans, Instant domain_start, Instant domain_end,
              std::optional<Instant> log_reference = std::nullopt);

    ScaleKind kind() const { return kind_; }  // never automatic
    // Where `t` sits, 0 at the domain's start and 1 at its end; strictly increasing.
    double fraction(Instant t) const;
    const std::vector<AxisCut>& cuts() const { return cuts_; }
    // Time shown per plot width where time runs in proportion, to space the ticks.
    long double seconds_per_plot() const { return seconds_per_plot_; }
    // False inside a cut: no tick belongs there.
    bool shows(Instant t) const;
    // Log scales: the reference (the latest event's end) and the shortest distance resolved.
    Instant reference() const { return reference_; }
    long double unit() const { return unit_; }
    // True where the plot shows time in proportion (chronological, collapsed, relative).
    bool proportional() const { return kind_ != ScaleKind::sequential && kind_ != ScaleKind::log; }

private:
    struct Knot {
        long double t;
        double f;
    };
    void chronological(Instant start, Instant end);
    void collapsed(const std::vector<AxisCut>& cuts, Instant start, Instant end);
    void sequential(const std::vector<Interval>& spans, Instant start, Instant end);
    void logarithmic(const std::vector<Interval>& spans, Instant start, std::optional<Instant> reference);

    ScaleKind kind_;
    std::vector<Knot> knots_;
    std::vector<AxisCut> cuts_;
    long double seconds_per_plot_ = 1;
    Instant reference_ = 0;
    long double unit_ = 1, log_span_ = 1;
};

}  // namespace tarikh
