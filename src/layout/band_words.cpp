#include "layout/band_words.hpp"

namespace tarikh {

Calendar period_calendar(const EditionContext& e) {
    Calendars systems = e.dates.calendars();
    return Calendar(e.timeline.timezone, systems.empty() ? CalendarSystem::gregorian : systems.front());
}

std::string period_name(const EditionContext& e, Bin bin, const Period& period) {
    if (bin == Bin::month) return e.dates.event_date(Interval{period.start, period.end, Precision::month});
    Interval first_day{period.start, e.calendar.add(period.start, TimeUnit::day, 1), Precision::day};
    return fill(e.words.week_of, "date", e.dates.event_date(first_day));
}

std::string period_totals(const EditionContext& e, const Bar& bar, bool with_fatalities) {
    std::string text = plural(e.words.events, static_cast<double>(bar.events), e.locale);
    if (with_fatalities) text += e.words.comma + plural(e.words.fatalities, bar.fatalities, e.locale);
    return text;
}

std::string clipped_note(const EditionContext& e, const Bar& bar) {
    if (bar.from == bar.period.start && bar.to == bar.period.end) return "";
    // The days of the period the data reach: the last is the one holding the instant before `to`.
    Instant last_day = e.calendar.floor(bar.to - 1, TimeUnit::day, 1);
    Interval part{e.calendar.floor(bar.from, TimeUnit::day, 1), e.calendar.add(last_day, TimeUnit::day, 1), Precision::day,
                  false, true};
    return fill(e.words.clipped, "date", e.dates.event_date(part));
}

std::string scale_note(const EditionContext& e, Bin bin, Measure measure, double tallest) {
    const bool week = bin == Bin::week;
    const std::string& pattern = measure == Measure::fatalities
                                     ? (week ? e.words.scale_fatalities_week : e.words.scale_fatalities_month)
                                     : (week ? e.words.scale_events_week : e.words.scale_events_month);
    return fill(pattern, "value", e.dates.number(tallest));
}

}  // namespace tarikh
