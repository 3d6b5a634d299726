#include "time/date_format.hpp"

#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/measfmt.h>
#include <unicode/measunit.h>
#include <unicode/measure.h>
#include <unicode/numfmt.h>
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

struct DateFormatter::Impl {
    icu::Locale locale;
    std::string lang;
    std::unique_ptr<icu::TimeZone> zone;
    std::unique_ptr<icu::DateTimePatternGenerator> patterns;
    std::unique_ptr<icu::NumberFormat> numbers;
    mutable std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>> formats;
    mutable std::map<std::string, std::unique_ptr<icu::DateIntervalFormat>> interval_formats;

    icu::SimpleDateFormat& format(const char* skeleton) const {
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

    icu::DateIntervalFormat& interval_format(const char* skeleton) const {
        auto& slot = interval_formats[skeleton];
        if (!slot) {
            UErrorCode status = U_ZERO_ERROR;
            slot.reset(icu::DateIntervalFormat::createInstance(skeleton, locale, status));
            if (U_FAILURE(status)) throw std::runtime_error("ICU cannot format date ranges for this locale");
            slot->setTimeZone(*zone);
        }
        return *slot;
    }
};

DateFormatter::DateFormatter(const std::string& locale, const std::string& lang, const std::string& timezone)
    : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->locale = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status)) impl_->locale = icu::Locale::getRoot();
    impl_->lang = lang;
    impl_->zone.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone)));
    status = U_ZERO_ERROR;
    impl_->patterns.reset(icu::DateTimePatternGenerator::createInstance(impl_->locale, status));
    impl_->numbers.reset(icu::NumberFormat::createInstance(impl_->locale, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no data for locale " + locale);
}

DateFormatter::~DateFormatter() = default;

std::string DateFormatter::event_date(const Interval& iv) const {
    const char* skeleton = skeleton_for(iv.precision);
    icu::UnicodeString text;
    UErrorCode status = U_ZERO_ERROR;
    if (iv.is_range) {
        // The range's last instant lies inside its last unit; end is exclusive.
        icu::DateInterval range(static_cast<UDate>(iv.start) * 1000.0, static_cast<UDate>(iv.end - 1) * 1000.0);
        icu::FieldPosition pos;
        impl_->interval_format(skeleton).format(&range, text, pos, status);
    } else {
        impl_->format(skeleton).format(static_cast<UDate>(iv.start) * 1000.0, text);
    }
    std::string out = utf8(text);
    if (iv.approximate) out = (impl_->lang == "ar" ? "نحو " : "c. ") + out;
    return out;
}

std::string DateFormatter::tick(Instant t, TimeUnit unit) const {
    icu::UnicodeString text;
    impl_->format(tick_skeleton(unit)).format(static_cast<UDate>(t) * 1000.0, text);
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

}  // namespace tarikh
