// The axis scales: proportional, collapsed around quiet gaps, sequential.
#include <doctest/doctest.h>

#include "layout/time_scale.hpp"

using namespace tarikh;

namespace {

constexpr Instant kDay = 86400;

Interval day(Instant d) { return {d * kDay, (d + 1) * kDay, Precision::day, false, false}; }

void check_increasing(const TimeScale& scale, Instant from, Instant to) {
    double last = -1;
    for (Instant t = from; t <= to; t += (to - from) / 500) {
        double f = scale.fraction(t);
        CHECK(f > last);
        last = f;
    }
}

}  // namespace

TEST_CASE("a chronological scale is time in proportion") {
    TimeScale scale(ScaleKind::chronological, {day(0), day(9)}, 0, 10 * kDay);
    CHECK(scale.kind() == ScaleKind::chronological);
    CHECK(scale.fraction(0) == 0);
    CHECK(scale.fraction(5 * kDay) == doctest::Approx(0.5));
    CHECK(scale.fraction(10 * kDay) == 1);
    CHECK(scale.cuts().empty());
}

TEST_CASE("a collapsed scale cuts the long quiet gap, nothing else, and stays increasing") {
    // Two clusters of days (0–3 and 100–102) and a 97-day silence between them.
    std::vector<Interval> spans{day(0), day(1), day(3), day(100), day(102)};
    TimeScale scale(ScaleKind::collapsed, spans, -2 * kDay, 105 * kDay);
    REQUIRE(scale.cuts().size() == 1);
    const AxisCut& cut = scale.cuts()[0];
    CHECK(cut.from >= 4 * kDay);
    CHECK(cut.to <= 100 * kDay);
    for (const auto& span : spans) {  // no event inside the cut
        CHECK((span.end <= cut.from || span.start >= cut.to));
        CHECK(scale.shows(span.start));
    }
    CHECK_FALSE(scale.shows(50 * kDay));
    CHECK(cut.end - cut.start == doctest::Approx(0.04));  // the break's fixed width
    CHECK(scale.fraction(cut.from) == doctest::Approx(cut.start));
    CHECK(scale.fraction(cut.to) == doctest::Approx(cut.end));
    check_increasing(scale, -2 * kDay, 105 * kDay);
    // The kept time gets what the break leaves, in proportion: the clusters are now wide.
    CHECK(scale.fraction(4 * kDay) - scale.fraction(0) > 0.2);  // in proportion: under 0.04
}

TEST_CASE("auto collapses only when the cut time dwarfs the rest") {
    std::vector<Interval> sparse{day(0), day(1), day(3), day(100), day(102)};
    CHECK(TimeScale(ScaleKind::automatic, sparse, -2 * kDay, 105 * kDay).kind() == ScaleKind::collapsed);
    std::vector<Interval> even;
    for (Instant d = 0; d < 100; d += 7) even.push_back(day(d));
    CHECK(TimeScale(ScaleKind::automatic, even, -2 * kDay, 105 * kDay).kind() == ScaleKind::chronological);
    CHECK(TimeScale(ScaleKind::collapsed, even, -2 * kDay, 105 * kDay).cuts().empty());
}

TEST_CASE("a sequential scale spaces distinct starts evenly, in order") {
    std::vector<Interval> spans{day(50), day(0), day(1), day(1), day(300)};
    TimeScale scale(ScaleKind::sequential, spans, -kDay, 301 * kDay);
    CHECK(scale.fraction(0) == doctest::Approx(0.125));
    CHECK(scale.fraction(1 * kDay) == doctest::Approx(0.375));
    CHECK(scale.fraction(50 * kDay) == doctest::Approx(0.625));
    CHECK(scale.fraction(300 * kDay) == doctest::Approx(0.875));
    check_increasing(scale, -kDay, 301 * kDay);
}

TEST_CASE("a log scale counts back from the latest event in orders of magnitude") {
    // Events 1000, 100, 10 and 1 days before day 1000.
    std::vector<Interval> spans{day(0), day(900), day(990), day(999)};
    TimeScale scale(ScaleKind::log, spans, -10 * kDay, 1001 * kDay);
    CHECK(scale.kind() == ScaleKind::log);
    CHECK(scale.reference() == 1000 * kDay);
    CHECK(scale.fraction(1000 * kDay) == doctest::Approx(1));
    CHECK(scale.fraction(-10 * kDay) == doctest::Approx(0));
    check_increasing(scale, -10 * kDay, 1000 * kDay);
    // Each tenfold step back takes about the same width.
    double a = scale.fraction(0), b = scale.fraction(900 * kDay), c = scale.fraction(990 * kDay);
    CHECK(b - a == doctest::Approx(c - b).epsilon(0.25));
    // A later reference (deep time counts from the present) moves the end, never before an event.
    CHECK(TimeScale(ScaleKind::log, spans, -10 * kDay, 1001 * kDay, 5000 * kDay).reference() == 5000 * kDay);
    CHECK(TimeScale(ScaleKind::log, spans, -10 * kDay, 1001 * kDay, 5 * kDay).reference() == 1000 * kDay);
}
