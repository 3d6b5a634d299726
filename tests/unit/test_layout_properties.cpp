// Property tests: seeded random timelines, checked for the layout's promises.
#include <doctest/doctest.h>

#include <cstdint>

#include "fake_shaper.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/radial_layout.hpp"
#include "layout/chart_layout.hpp"
#include "layout/quality.hpp"
#include "layout_checks.hpp"
#include "width_checks.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

// A small deterministic generator (SplitMix64): the same timelines on every platform.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(next() % (hi - lo + 1)); }

private:
    std::uint64_t state_;
};

const char* kWords[] = {"attack", "statement", "shelling", "Idlib", "Hama", "convoy", "ceasefire", "talks",
                        "هجوم", "تصريح", "قصف", "إدلب", "حماة", "هدنة", "Sochi", "Erdoğan"};

std::string words(Random& random, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        if (i) out += ' ';
        out += kWords[random.between(0, std::size(kWords) - 1)];
    }
    return out;
}

CivilDate from_seconds(std::int64_t seconds, Precision precision) {
    // Civil date from seconds since 1970 (UTC), enough for the generator's range.
    std::int64_t days = seconds / 86400, rest = seconds % 86400;
    std::int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1), month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    std::int64_t year = yoe + era * 400 + (month <= 2);
    return CivilDate{year, month, day, static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60), 0, precision,
                     std::nullopt, false, false};
}

Timeline random_timeline(std::uint64_t seed, int events, std::int64_t start, std::int64_t span, Precision precision,
                         int lanes) {
    Random random(seed);
    Timeline t;
    t.languages = {"en"};
    t.title.values = {{"en", "Random timeline " + std::to_string(seed)}};
    for (int i = 0; i < lanes; ++i) {
        Lane lane;
        lane.id = std::string("lane").append(std::to_string(i));
        lane.label.values = {{"en", words(random, 2)}};
        t.lanes.push_back(lane);
    }
    for (int i = 0; i < events; ++i) {
        Event e;
        e.id = std::string("e").append(std::to_string(i));
        e.when.date = from_seconds(start + random.between(0, span), precision);
        e.when.approximate = random.between(0, 4) == 0;
        if (random.between(0, 9) == 0) {
            e.when.end = from_seconds(start + random.between(0, span), precision);
            if (t.events.size() % 2) e.when.end.reset();
        }
        if (lanes > 0) e.lane = t.lanes[random.between(0, lanes - 1)].id;
        e.title.values = {{"en", words(random, static_cast<int>(random.between(1, 12)))}};
        if (random.between(0, 1)) e.place.values = {{"en", words(random, 2)}};
        t.events.push_back(std::move(e));
    }
    return t;
}

// Label area over the area of the box spanning every label: 1 is perfectly packed.
double label_coverage(const Layout& layout) {
    auto labels = boxes_of(layout, "label");
    double area = 0, left = 1e300, top = 1e300, right = -1e300, bottom = -1e300;
    for (const auto& b : labels) {
        area += b.width * b.height;
        left = std::min(left, b.x), top = std::min(top, b.y);
        right = std::max(right, b.right()), bottom = std::max(bottom, b.bottom());
    }
    return area / ((right - left) * (bottom - top));
}

}  // namespace

TEST_CASE("random timelines keep the layout's promises") {
    FakeShaper shaper;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        CAPTURE(seed);
        int events = static_cast<int>(Random(seed).between(1, 120));
        Timeline t = random_timeline(seed, events, 1514764800, 86400LL * 400, Precision::day, static_cast<int>(seed % 4));
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(lang);
            check_promises(t, layout_chart(t, {lang}, shaper));
        }
    }
}

TEST_CASE("500 events within one day stay compact") {
    FakeShaper shaper;
    Timeline t = random_timeline(500, 500, 1541714400, 86399, Precision::minute, 0);
    Layout layout = layout_chart(t, {"en"}, shaper);
    check_promises(t, layout);
    double coverage = label_coverage(layout);
    CAPTURE(coverage);
    CHECK(coverage >= 0.25);
}

TEST_CASE("500 events at the very same minute stay compact") {
    FakeShaper shaper;
    Timeline t = random_timeline(7, 500, 1541714400, 0, Precision::minute, 0);
    Layout layout = layout_chart(t, {"ar"}, shaper);
    check_promises(t, layout);
    CHECK(label_coverage(layout) >= 0.25);
}

TEST_CASE("2,000 events over a century") {
    FakeShaper shaper;
    Timeline t = random_timeline(2000, 2000, -2208988800LL, 86400LL * 36524, Precision::day, 3);
    Layout layout = layout_chart(t, {"en"}, shaper);
    check_promises(t, layout);
    CHECK(label_coverage(layout) >= 0.25);
}

TEST_CASE("the quality report on random timelines: no overlap, every event labelled, order mostly kept") {
    FakeShaper shaper;
    for (std::uint64_t seed = 21; seed <= 28; ++seed) {
        CAPTURE(seed);
        int events = static_cast<int>(Random(seed).between(5, 300));
        Timeline t = random_timeline(seed, events, 1514764800, 86400LL * 60, Precision::day, static_cast<int>(seed % 3));
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(lang);
            Layout layout = layout_chart(t, {lang}, shaper);
            LayoutQuality q = measure_quality(t, layout);
            CHECK(q.label_overlap_area == 0);
            CHECK(q.labelled == q.events);
            CHECK(q.rows_used >= 1);
            CHECK(q.rows_lower_bound >= 1);
            CHECK(q.leader_max > 0);
            CHECK(q.leader_total >= q.leader_max);
            // Labels move right only when rows run out, so time order survives nearly whole.
            CHECK(q.kendall_tau > 0.8);
        }
    }
}

TEST_CASE("equal-height labels that fit the row budget use the fewest rows possible") {
    FakeShaper shaper;
    size_t deepest = 0;
    for (std::uint64_t seed = 31; seed <= 40; ++seed) {
        CAPTURE(seed);
        Random random(seed);
        Timeline t = random_timeline(seed, 16, 1514764800, 86400LL * 365, Precision::day, 1);
        for (auto& e : t.events) {  // one word, no place: every label one line high
            e.title.values = {{"en", std::string("event").append(std::to_string(random.between(10, 99)))}};
            e.place.values.clear();
            e.when.end.reset();
        }
        Layout layout = layout_chart(t, {"en"}, shaper);
        LayoutQuality q = measure_quality(t, layout);
        CHECK(q.rows_used == q.rows_lower_bound);
        CHECK(q.kendall_tau == 1);
        deepest = std::max(deepest, q.rows_lower_bound);
    }
    CHECK(deepest >= 3);  // some seeds stack labels: the check above was not trivial
}

TEST_CASE("random clustered timelines on a collapsed axis: no event in a cut, every cut labelled") {
    FakeShaper shaper;
    size_t cuts_seen = 0;
    for (std::uint64_t seed = 51; seed <= 62; ++seed) {
        CAPTURE(seed);
        // Three bursts of events, weeks or months apart.
        Timeline t;
        Random random(seed);
        for (int burst = 0; burst < 3; ++burst) {
            Timeline part = random_timeline(seed * 10 + static_cast<std::uint64_t>(burst), static_cast<int>(random.between(1, 25)),
                                            1514764800 + burst * random.between(20, 200) * 86400LL, 86400LL * random.between(1, 5),
                                            Precision::hour, 2);
            if (t.lanes.empty()) t = part;
            else for (auto& e : part.events) t.events.push_back(std::move(e));
        }
        for (size_t i = 0; i < t.events.size(); ++i) {
            t.events[i].id = "e" + std::to_string(i);
            t.events[i].when.end.reset();
        }
        Layout layout = layout_chart(t, {"en", "", ScaleKind::collapsed}, shaper);
        check_promises(t, layout);
        auto cuts = boxes_of(layout, "cut");
        CHECK(boxes_of(layout, "cut-label").size() == cuts.size());
        for (const auto& marker : boxes_of(layout, "marker"))
            for (const auto& cut : cuts) CHECK((marker.x + 5 <= cut.x || marker.x + 5 >= cut.right()));
        cuts_seen += cuts.size();
    }
    CHECK(cuts_seen >= 6);
}

TEST_CASE("random timelines as month grids keep the promises too") {
    FakeShaper shaper;
    for (std::uint64_t seed = 71; seed <= 76; ++seed) {
        CAPTURE(seed);
        Precision precision = seed % 3 == 0 ? Precision::month : Precision::hour;
        Timeline t = random_timeline(seed, static_cast<int>(Random(seed).between(1, 80)), 1514764800, 86400LL * 120,
                                     precision, static_cast<int>(seed % 3));
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(lang);
            check_promises(t, layout_calendar(t, {lang}, shaper));
        }
    }
}

TEST_CASE("random timelines around a ring keep the promises too") {
    FakeShaper shaper;
    for (std::uint64_t seed = 81; seed <= 86; ++seed) {
        CAPTURE(seed);
        Timeline t = random_timeline(seed, static_cast<int>(Random(seed).between(1, 120)), 1514764800, 86400LL * 365,
                                     Precision::day, static_cast<int>(seed % 3));
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(lang);
            check_promises(t, layout_radial(t, {lang, "", seed % 2 ? ScaleKind::sequential : ScaleKind::chronological}, shaper));
        }
    }
}

TEST_CASE("random timelines at random widths: nothing past the width, no overlap, legible or said") {
    FakeShaper shaper;
    for (std::uint64_t seed = 71; seed <= 86; ++seed) {
        CAPTURE(seed);
        Random random(seed);
        double width = static_cast<double>(random.between(300, 1600));
        CAPTURE(width);
        int events = static_cast<int>(random.between(1, 150));
        Timeline t = random_timeline(seed, events, 1514764800, 86400LL * random.between(1, 800), Precision::day,
                                     static_cast<int>(seed % 4));
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(lang);
            LayoutOptions options{lang};
            options.width = width;
            Layout layout = layout_chart(t, options, shaper);
            check_within_width(layout, width);
            check_promises(t, layout);
            CHECK(overlapping(layout, BoxKind::tick) == 0);
            LayoutQuality q = measure_quality(t, layout);
            CHECK(q.label_overlap_area == 0);
            CHECK((q.min_text_px >= kMinTextPx || warns(layout, "too crowded")));
        }
    }
}

TEST_CASE("random timelines at fixed widths keep their labels in time order, in Arabic as in English") {
    // Labels near the end of time are pulled inside the page: they must not be stacked by width.
    FakeShaper shaper;
    for (std::uint64_t seed = 91; seed <= 98; ++seed) {
        CAPTURE(seed);
        Random random(seed);
        int events = static_cast<int>(random.between(5, 60));
        Timeline t = random_timeline(seed, events, 1514764800, 86400LL * random.between(20, 400), Precision::day,
                                     static_cast<int>(seed % 3));
        for (auto& e : t.events) e.when.end.reset();  // points only: a bar's label starts at its start, a point's before it
        for (double width : {400.0, 680.0, 900.0, 1200.0}) {
            for (std::string lang : {"en", "ar"}) {
                CAPTURE(width);
                CAPTURE(lang);
                LayoutOptions options{lang};
                options.width = width;
                Layout layout = layout_chart(t, options, shaper);
                check_within_width(layout, width);
                LayoutQuality q = measure_quality(t, layout);
                CHECK(q.label_overlap_area == 0);
                CHECK(q.kendall_tau == 1);
            }
        }
    }
}
