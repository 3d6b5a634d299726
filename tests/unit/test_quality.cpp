// The quality report's measures, on layouts made by hand where the answer is known.
#include <doctest/doctest.h>

#include <cmath>

#include "layout/quality.hpp"

using namespace tarikh;

namespace {

// Events e0… at day 1, 2, … of 2018, all in one lane.
Timeline days(int count) {
    Timeline t;
    t.languages = {"en"};
    for (int i = 0; i < count; ++i) {
        Event e;
        e.id = "e" + std::to_string(i);
        e.when.date = CivilDate{2018, 1, 1 + i, 0, 0, 0, Precision::day, std::nullopt, false, false};
        t.events.push_back(e);
    }
    return t;
}

void add_label(Layout& layout, const std::string& event, Box label, Box marker) {
    layout.boxes.push_back({BoxKind::label, event, 1, label});
    layout.boxes.push_back({BoxKind::marker, event, 1, marker});
    layout.lines.push_back({LineKind::leader, event, 1, {label.x + 1, label.bottom()}, {marker.x + 5, marker.y}});
}

}  // namespace

TEST_CASE("labels in time order, side by side: nothing to fault") {
    Timeline t = days(3);
    Layout layout;
    for (int i = 0; i < 3; ++i)
        add_label(layout, "e" + std::to_string(i), {100.0 * i, 0, 80, 20}, {100.0 * i, 40, 10, 10});
    LayoutQuality q = measure_quality(t, layout);
    CHECK(q.label_overlap_area == 0);
    CHECK(q.labelled == 3);
    CHECK(q.rows_used == 1);
    CHECK(q.rows_lower_bound == 1);
    CHECK(q.kendall_tau == 1);
    CHECK(q.leader_crossings == 0);
    CHECK(q.leader_max == doctest::Approx(std::hypot(4.0, 20.0)));  // from (x+1, 20) to (x+5, 40)
}

TEST_CASE("overlapping labels, reversed order, crossing leaders are all measured") {
    Timeline t = days(2);
    Layout layout;
    // e0 is earlier but its label sits right of e1's, and the two overlap by 30 × 10.
    add_label(layout, "e0", {50, 10, 80, 20}, {0, 60, 10, 10});
    add_label(layout, "e1", {0, 0, 80, 20}, {100, 60, 10, 10});
    LayoutQuality q = measure_quality(t, layout);
    CHECK(q.label_overlap_area == doctest::Approx(300));
    CHECK(q.kendall_tau == -1);
    CHECK(q.leader_crossings == 1);
    CHECK(q.rows_used == 2);  // two different bottoms
}

TEST_CASE("the rows' lower bound is the deepest overlap of labels at their markers") {
    Timeline t = days(4);
    Layout layout;
    // Three markers within one label's width of each other, a fourth far away.
    for (int i = 0; i < 3; ++i)
        add_label(layout, "e" + std::to_string(i), {10.0 * i, 30.0 * i, 100, 20}, {10.0 * i, 200, 10, 10});
    add_label(layout, "e3", {1000, 0, 100, 20}, {1000, 200, 10, 10});
    LayoutQuality q = measure_quality(t, layout);
    CHECK(q.rows_lower_bound == 3);
    CHECK(q.rows_used == 3);
    CHECK(q.labelled == q.events);
    // Drawn with a theme that keeps labels 1000 px apart, the fourth needs a row of its own too.
    Theme wide;
    wide.chart.label_gap = 1000;
    CHECK(measure_quality(t, layout, wide).rows_lower_bound == 4);
}
