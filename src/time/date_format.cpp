#include "time/date_format.hpp"

#include <unicode/compactdecimalformat.h>
#include <unicode/dtfmtsym.h>
#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/measfmt.h>
#include <unicode/measunit.h>
#include <unicode/measure.h>
#include <unicode/numberformatter.h>
#include <unicode/numfmt.h>
#include <unicode/reldatefmt.h>
#include <unicode/smpdtfmt.h>

#include <map>
#include <vector>
#include <stdexcept>

namespace tarikh {
namespace {

const char* skeleton_for(Precision p) {
    switch (p) {
        case Precision::year: return "y";
        case Precision::month: return "MMMMy";
        case Precision::day: return "dMMMMy";
        case Precision::hour:
        case Precision::minute: return "dMMMMyHHmm";
        case Precision::second: return "dMMMMyHHmmss";
    }
    return "dMMMMy";
}

const char* tick_skeleton(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::year: return "y";
        case TimeUnit::month: return "MMMy";
        case TimeUnit::day: return "dMMM";
        case TimeUnit::hour:
        case TimeUnit::minute: return "HHmm";
        case TimeUnit::second: return "HHmmss";
    }
    return "y";
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace

// Formats for one calendar of a locale, made on first use.
struct CalendarFormats {
    icu::Locale locale;
    const icu::TimeZone* zone = nullptr;
    std::unique_ptr<icu::DateTimePatternGenerator> patterns;
    std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>> formats;
    std::map<std::string, std::unique_ptr<icu::DateIntervalFormat>> interval_formats;

    CalendarFormats(const icu::Locale& l, const icu::TimeZone& z) : locale(l), zone(&z) {
        UErrorCode status = U_ZERO_ERROR;
        patterns.reset(icu::DateTimePatternGenerator::createInstance(locale, status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU has no date patterns for this locale");
    }

    icu::SimpleDateFormat& format(const char* skeleton) {
        auto& slot = formats[skeleton];
        if (!slot) {
            UErrorCode status = U_ZERO_ERROR;
            icu::UnicodeString pattern = patterns->getBestPattern(skeleton, status);
            slot = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
            if (U_FAILURE(status)) throw std::runtime_error("ICU cannot format dates for this locale");
            slot->setTimeZone(*zone);
            // Proleptic Gregorian, as the calendar computes instants.
            if (auto* greg = dynamic_cast<icu::GregorianCalendar*>(const_cast<icu::Calendar*>(slot->getCalendar())))
                greg->setGregorianChange(-1e300, status);
        }
        return *slot;
    }

    icu::DateIntervalFormat& interval_format(const char* skeleton) {
        auto& slot = interval_formats[skeleton];
        if (!slot) {
            UErrorCode status = U_ZERO_ERROR;
            slot.reset(icu::DateIntervalFormat::createInstance(skeleton, locale, status));
            if (U_FAILURE(status)) throw std::runtime_error("ICU cannot format date ranges for this locale");
            slot->setTimeZone(*zone);
        }
        return *slot;
    }

    // The span at its precision: one date, or a range when it covers several units; years
    // before 1 carry their era ("44 BC").
    std::string span(const Interval& iv, bool as_range) {
        std::string with_era = std::string(skeleton_for(iv.precision)) + "G";
        const char* skeleton = mean_year_of(iv.start) < 1 ? with_era.c_str() : skeleton_for(iv.precision);
        icu::UnicodeString text;
        UErrorCode status = U_ZERO_ERROR;
        if (as_range) {
            // The last instant lies inside the last unit; end is exclusive.
            icu::DateInterval range(static_cast<UDate>(iv.start) * 1000.0, static_cast<UDate>(std::max(iv.start, iv.end - 1)) * 1000.0);
            icu::FieldPosition pos;
            interval_format(skeleton).format(&range, text, pos, status);
        } else {
            format(skeleton).format(static_cast<UDate>(iv.start) * 1000.0, text);
        }
        return utf8(text);
    }
};

struct DateFormatter::Impl {
    std::string lang;
    std::unique_ptr<icu::TimeZone> zone;
    std::unique_ptr<icu::NumberFormat> numbers;
    icu::Locale locale;
    std::unique_ptr<CalendarFormats> gregorian, islamic;  // what the calendar option asks for
    bool show_gregorian = true;
    DateWords words;
};

DateFormatter::DateFormatter(const std::string& locale, const std::string& lang, const std::string& zone_id,
                             const std::string& calendar)
    : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->locale = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status)) impl_->locale = icu::Locale::getRoot();
    impl_->lang = lang;
    impl_->zone.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone_id)));
    status = U_ZERO_ERROR;
    impl_->numbers.reset(icu::NumberFormat::createInstance(impl_->locale, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no data for locale " + locale);
    // The calendar asked for wins over one the locale carries (fa-IR: Persian, "@calendar=…").
    icu::Locale gregorian = impl_->locale;
    gregorian.setKeywordValue("calendar", "gregorian", status);
    impl_->gregorian = std::make_unique<CalendarFormats>(gregorian, *impl_->zone);
    if (calendar.find("islamic-umalqura") != std::string::npos) {
        icu::Locale hijri = impl_->locale;
        hijri.setKeywordValue("calendar", "islamic-umalqura", status);
        impl_->islamic = std::make_unique<CalendarFormats>(hijri, *impl_->zone);
        impl_->show_gregorian = calendar.find("gregorian") != std::string::npos;
    }
}

DateFormatter::~DateFormatter() = default;

void DateFormatter::set_words(DateWords words) { impl_->words = std::move(words); }

std::string DateFormatter::deep_years(Instant t) const {
    // Counted from 2000, as ICU words a relative time with compact numbers: "13.8 billion
    // years ago", "vor 13,8 Milliarden Jahren".
    std::int64_t years = 2000 - mean_year_of(t);
    UErrorCode status = U_ZERO_ERROR;
    auto* numbers = icu::CompactDecimalFormat::createInstance(impl_->locale, UNUM_LONG, status);
    if (U_FAILURE(status)) return std::to_string(years);
    numbers->setSignificantDigitsUsed(true);
    numbers->setMaximumSignificantDigits(3);
    icu::RelativeDateTimeFormatter format(impl_->locale, numbers, UDAT_STYLE_LONG, UDISPCTX_CAPITALIZATION_NONE, status);
    icu::UnicodeString text;
    format.formatNumeric(-static_cast<double>(years), UDAT_REL_UNIT_YEAR, text, status);
    return U_FAILURE(status) ? std::to_string(years) : utf8(text);
}

namespace {

// Prehistory and deep time read best as "years ago".
bool reads_as_years_ago(Instant t) {
    std::int64_t year = mean_year_of(t);
    return year < -100'000 || year > 1'000'000;
}

// Replaces "{date}" in `pattern`.
std::string around(const std::string& pattern, const std::string& date) {
    std::string out = pattern;
    if (size_t at = out.find("{date}"); at != std::string::npos) out.replace(at, 6, date);
    return out;
}

}  // namespace

std::string DateFormatter::event_date(const Interval& iv) const {
    const DateWords& words = impl_->words;
    // With an open end the known date stands alone, after "since" or "until".
    Interval known = iv;
    if (iv.open_start || iv.open_end) known.is_range = false;
    std::string out;
    if (reads_as_years_ago(iv.start)) {
        out = deep_years(iv.start);
        if (known.is_range) out += " – " + deep_years(iv.end - 1);
    } else {
        if (impl_->show_gregorian) out = impl_->gregorian->span(known, known.is_range);
        if (impl_->islamic) {
            // A Gregorian month or year straddles Hijri ones: the Hijri side is always the span.
            std::string hijri = impl_->islamic->span(known, true);
            out = out.empty() ? hijri : out + " (" + hijri + ")";
        }
    }
    if (iv.uncertain) out = around(words.uncertain, out);
    if (iv.approximate) out = around(words.approximate, out);
    if (iv.open_end) out = around(words.since, out);
    else if (iv.open_start) out = around(words.until, out);
    return out;
}

std::string DateFormatter::tick(Instant t, TimeUnit unit, std::int64_t step) const {
    if (reads_as_years_ago(t) || (unit == TimeUnit::year && step >= 100'000)) return deep_years(t);
    icu::UnicodeString text;
    impl_->gregorian->format(tick_skeleton(unit)).format(static_cast<UDate>(t) * 1000.0, text);
    return utf8(text);
}

std::string DateFormatter::duration(const Duration& d) const {
    UErrorCode status = U_ZERO_ERROR;
    std::vector<icu::Measure> measures;
    auto add = [&](std::int64_t amount, icu::MeasureUnit* unit) {
        if (amount != 0) measures.emplace_back(icu::Formattable(static_cast<int64_t>(amount)), unit, status);
        else delete unit;
    };
    add(d.years, icu::MeasureUnit::createYear(status));
    add(d.months, icu::MeasureUnit::createMonth(status));
    add(d.weeks, icu::MeasureUnit::createWeek(status));
    add(d.days, icu::MeasureUnit::createDay(status));
    add(d.hours, icu::MeasureUnit::createHour(status));
    add(d.minutes, icu::MeasureUnit::createMinute(status));
    add(d.seconds, icu::MeasureUnit::createSecond(status));
    if (measures.empty()) measures.emplace_back(icu::Formattable(static_cast<int64_t>(0)), icu::MeasureUnit::createMinute(status), status);
    icu::MeasureFormat format(impl_->locale, UMEASFMT_WIDTH_WIDE, status);
    icu::UnicodeString text;
    icu::FieldPosition pos;
    if (!measures.empty()) format.formatMeasures(measures.data(), static_cast<int32_t>(measures.size()), text, pos, status);
    return U_FAILURE(status) ? std::string() : utf8(text);
}

std::string DateFormatter::number(double value) const {
    icu::UnicodeString text;
    impl_->numbers->format(value, text);
    return utf8(text);
}

int DateFormatter::first_weekday() const {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(impl_->zone->clone(), impl_->locale, status));
    return U_FAILURE(status) ? 1 : static_cast<int>(cal->getFirstDayOfWeek(status)) - 1;
}

int DateFormatter::weekday(Instant t) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar cal(impl_->zone->clone(), impl_->locale, status);
    cal.setTime(static_cast<UDate>(t) * 1000.0, status);
    return U_FAILURE(status) ? 0 : cal.get(UCAL_DAY_OF_WEEK, status) - 1;
}

std::vector<std::string> DateFormatter::weekday_names() const {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols symbols(impl_->locale, status);
    int32_t count = 0;
    const icu::UnicodeString* names =
        symbols.getWeekdays(count, icu::DateFormatSymbols::STANDALONE, icu::DateFormatSymbols::ABBREVIATED);
    std::vector<std::string> out;
    for (int32_t i = 1; i < count && out.size() < 7; ++i) out.push_back(utf8(names[i]));  // [0] is unused
    while (out.size() < 7) out.push_back("");
    return out;
}

std::string DateFormatter::month_title(Instant t) const {
    icu::UnicodeString text;
    impl_->gregorian->format("yMMMM").format(static_cast<UDate>(t) * 1000.0, text);
    return utf8(text);
}

}  // namespace tarikh
