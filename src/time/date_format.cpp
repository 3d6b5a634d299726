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
#include <unicode/listformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>

#include <tarikh/calendars.hpp>

#include "time/date_keys.hpp"
#include "time/known_patterns.hpp"

#include <charconv>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <map>
#include <unordered_map>
#include <vector>
#include <stdexcept>
#include <utility>

namespace tarikh {
namespace {

const char* skeleton_for(Precision p) {
    switch (p) {
        case Precision::year: return date_keys::kYear;
        case Precision::month: return date_keys::kMonth;
        case Precision::day: return date_keys::kDay;
        case Precision::hour:
        case Precision::minute: return date_keys::kMinute;
        case Precision::second: return date_keys::kSecond;
    }
    return date_keys::kDay;
}

const char* tick_skeleton(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::year: return date_keys::kYear;
        case TimeUnit::month: return date_keys::kTickMonth;
        case TimeUnit::day: return date_keys::kTickDay;
        case TimeUnit::hour:
        case TimeUnit::minute: return date_keys::kTickMinute;
        case TimeUnit::second: return date_keys::kTickSecond;
    }
    return date_keys::kYear;
}

// The year `t` falls in, in the format's calendar (ICU's extended year: 0 is 1 BC), as far as
// it matters: every calendar tarikh knows has begun its first era by 700 CE (Hijri 622).
std::int32_t year_in(const icu::SimpleDateFormat& format, Instant t) {
    constexpr std::int32_t kEveryEraBegun = 700;
    if (mean_year_of(t) > kEveryEraBegun) return kEveryEraBegun;
    std::unique_ptr<icu::Calendar> calendar(format.getCalendar()->clone());
    UErrorCode status = U_ZERO_ERROR;
    calendar->setTime(static_cast<UDate>(t) * 1000.0, status);
    std::int32_t year = calendar->get(UCAL_EXTENDED_YEAR, status);
    return U_FAILURE(status) ? kEveryEraBegun : year;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// The numbering system ICU's own long date pattern of `locale`'s calendar writes its numbers
// in, if it names one: "hebr" for Hebrew-calendar dates in Hebrew (כ״ו בחשוון תשפ״ה). The
// patterns made from skeletons lack it. Digits asked for (a "numbers" keyword) win.
icu::UnicodeString date_numbering(const icu::Locale& locale) {
    UErrorCode status = U_ZERO_ERROR;
    char calendar[64] = "", numbers[64] = "";
    locale.getKeywordValue("numbers", numbers, sizeof numbers, status);
    locale.getKeywordValue("calendar", calendar, sizeof calendar, status);
    if (U_FAILURE(status) || numbers[0] || !calendar[0]) return {};
    auto close = [](UResourceBundle* r) { ures_close(r); };
    using Bundle = std::unique_ptr<UResourceBundle, decltype(close)>;
    Bundle root(ures_open(nullptr, locale.getBaseName(), &status), close);
    Bundle calendars(ures_getByKey(root.get(), "calendar", nullptr, &status), close);
    Bundle own(ures_getByKey(calendars.get(), calendar, nullptr, &status), close);
    Bundle patterns(ures_getByKey(own.get(), "DateTimePatterns", nullptr, &status), close);
    Bundle long_date(ures_getByIndex(patterns.get(), 4 + icu::DateFormat::kLong, nullptr, &status), close);
    if (U_FAILURE(status) || ures_getType(long_date.get()) != URES_ARRAY) return {};
    int32_t length = 0;
    const UChar* name = ures_getStringByIndex(long_date.get(), 1, &length, &status);
    return U_SUCCESS(status) ? icu::UnicodeString(name, length) : icu::UnicodeString();
}

// The format `make` makes for `key`, made on this thread's first ask and shared by every
// document the thread lays out after: ICU's formats cost the same for each document of a
// locale (a pattern generator alone ~2 M instructions, a copy 0.5 M) and a batch lays out
// thousands in a few locales. Formatting leaves nothing in them that the next call reads;
// they are not shared between threads, which ICU does not allow while they format.
thread_local int generators_made = 0;

template <class T, class Make>
std::shared_ptr<T> shared_format(const std::string& key, Make make) {
    thread_local std::map<std::string, std::shared_ptr<T>> made;
    auto& format = made[key];
    if (!format) format = make();
    return format;
}

}  // namespace

// Formats for one calendar of a locale, made on first use.
struct CalendarFormats {
    CalendarSystem system = CalendarSystem::gregorian;
    icu::Locale locale;
    const icu::TimeZone* zone = nullptr;
    std::unique_ptr<icu::DateTimePatternGenerator> patterns;  // made on the first format: costly, often unused
    icu::UnicodeString numbering;  // of ICU's own dates in this calendar, if not the locale's digits
    std::map<std::string, std::shared_ptr<icu::SimpleDateFormat>> formats;
    std::map<std::string, std::shared_ptr<icu::DateIntervalFormat>> interval_formats;

    // `base` with its calendar keyword set to `system`'s: what is asked for wins over what the
    // locale carries ("fa-IR", "…-u-ca-hebrew").
    CalendarFormats(CalendarSystem s, const icu::Locale& base, const icu::TimeZone& z)
        : CalendarFormats(with_calendar(base, s), z) {
        system = s;
    }
    static icu::Locale with_calendar(icu::Locale l, CalendarSystem s) {
        UErrorCode status = U_ZERO_ERROR;
        l.setKeywordValue("calendar", calendars_name({s}).c_str(), status);
        return l;
    }
    CalendarFormats(const icu::Locale& l, const icu::TimeZone& z) : locale(l), zone(&z) {
        numbering = date_numbering(locale);
    }

    icu::SimpleDateFormat& format(const char* skeleton) {
        auto& slot = formats[skeleton];
        if (!slot) {
            slot = shared_format<icu::SimpleDateFormat>(key(skeleton), [&] {
                // A pattern generator is a twentieth of a 10-event chart's start-up: made only
                // for a pattern not listed at build time.
                if (auto known = known_date_pattern(locale.getName(), skeleton)) return with_pattern(month_first(*known));
                UErrorCode status = U_ZERO_ERROR;
                if (!patterns) {
                    ++generators_made;
                    patterns.reset(icu::DateTimePatternGenerator::createInstance(locale, status));
                    if (U_FAILURE(status)) throw std::runtime_error("ICU has no date patterns for this locale");
                }
                return with_pattern(month_first(patterns->getBestPattern(skeleton, status)));
            });
        }
        return *slot;
    }

    // CLDR 42 writes a month alone with its year "y MMMM" in Persian, in the Persian and Hebrew
    // calendars ("۱۳۹۷ فروردین"), yet month first in their ranges ("اسفند ۱۳۹۶ تا فروردین ۱۳۹۷"),
    // with an era ("MMMM y G") and after a day ("d MMMM y"): month first here too, so that a
    // report's span and an era's range end alike.
    icu::UnicodeString month_first(icu::UnicodeString pattern) const {
        if (std::strcmp(locale.getLanguage(), "fa") == 0 && pattern.startsWith(u"y MMMM")) pattern.replace(0, 6, u"MMMM y");
        return pattern;
    }

    std::unique_ptr<icu::SimpleDateFormat> with_pattern(const icu::UnicodeString& pattern) const {
        UErrorCode status = U_ZERO_ERROR;
        auto out = numbering.isEmpty() ? std::make_unique<icu::SimpleDateFormat>(pattern, locale, status)
                                       : std::make_unique<icu::SimpleDateFormat>(pattern, numbering, locale, status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU cannot format dates for this locale");
        // The override is for the date: hours and minutes keep the locale's digits.
        if (!numbering.isEmpty()) out->adoptNumberFormat(u"HhKkms", out->getNumberFormat()->clone(), status);
        out->setTimeZone(*zone);
        // Proleptic Gregorian, as the calendar computes instants.
        if (auto* greg = dynamic_cast<icu::GregorianCalendar*>(const_cast<icu::Calendar*>(out->getCalendar())))
            greg->setGregorianChange(-1e300, status);
        return out;
    }

    icu::DateIntervalFormat& interval_format(const char* skeleton) {
        auto& slot = interval_formats[skeleton];
        if (!slot) {
            slot = shared_format<icu::DateIntervalFormat>(key(skeleton), [&] {
                UErrorCode status = U_ZERO_ERROR;
                std::unique_ptr<icu::DateIntervalFormat> made(icu::DateIntervalFormat::createInstance(skeleton, locale, status));
                if (U_FAILURE(status)) throw std::runtime_error("ICU cannot format date ranges for this locale");
                made->setTimeZone(*zone);
                return made;
            });
        }
        return *slot;
    }

    // What a format of `skeleton` is made from: the locale (with its calendar), digits and zone.
    std::string key(const char* skeleton) {
        if (made_of.empty()) {
            icu::UnicodeString zone_id;
            zone->getID(zone_id);
            made_of = std::string(locale.getName()) + '\n' + utf8(numbering) + '\n' + utf8(zone_id) + '\n';
        }
        return made_of + skeleton;
    }
    std::string made_of;

    // Dates written before on this thread, by formats made of the same: the events of one day
    // share their date, and a batch's files their axes (ICU takes 10,000 to 30,000 instructions
    // a date: a tenth of a 1,000-event chart).
    template <class Make>
    static std::string remembered(std::string memo_key, Make make) {
        thread_local std::unordered_map<std::string, std::string> written;
        if (auto known = written.find(memo_key); known != written.end()) return known->second;
        std::string text = make();
        if (written.size() >= 8192) written.clear();
        written.emplace(std::move(memo_key), text);
        return text;
    }

    // What a date written by these formats is remembered by.
    std::string memo_key(const char* what, std::initializer_list<Instant> numbers) {
        std::string out = key(what);
        for (Instant n : numbers) {
            char digits[24];
            auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
            out += '@';
            out.append(digits, end);
        }
        return out;
    }

    // `t` in the format of `skeleton`.
    std::string formatted(const char* skeleton, Instant t) {
        return remembered(memo_key(skeleton, {t}), [&] {
            icu::UnicodeString text;
            format(skeleton).format(static_cast<UDate>(t) * 1000.0, text);
            return utf8(text);
        });
    }

    // The span at its precision: one date, or a range when it covers several units; years
    // before 1 carry their era ("44 BC").
    std::string span(const Interval& iv, bool as_range) {
        return remembered(memo_key(as_range ? "range" : "span", {iv.start, iv.end, static_cast<Instant>(iv.precision)}),
                          [&] { return span_uncached(iv, as_range); });
    }

    std::string span_uncached(const Interval& iv, bool as_range) {
        std::string with_era = std::string(skeleton_for(iv.precision)) + date_keys::kEra;
        const char* skeleton = mean_year_of(iv.start) < 1 ? with_era.c_str() : skeleton_for(iv.precision);
        icu::UnicodeString text;
        UErrorCode status = U_ZERO_ERROR;
        // The last instant lies inside the last unit; end is exclusive.
        icu::DateInterval range(static_cast<UDate>(iv.start) * 1000.0, static_cast<UDate>(std::max(iv.start, iv.end - 1)) * 1000.0);
        // A range inside one unit is that unit's date, written as one (a range format writes it
        // with a pattern of its own: Persian "۱۳۹۷ فروردین", month_first's case).
        if (as_range && !same_unit(range, skeleton)) {
            auto [from, to] = ends(range, skeleton);
            icu::FormattedDateInterval value = interval_format(skeleton).formatToValue(*from, *to, status);
            text = value.toString(status);
            // ICU's ranges lack the numbering of its dates: split by hand they keep it.
            if (!shows_both_ends(value) || !numbering.isEmpty()) text = split_by_hand(range, skeleton);
            if (text.isEmpty() || adds_an_era(value, skeleton)) text = fallback_range(range, skeleton);
            if (!has_arabic_comma(skeleton)) text.findAndReplace(u"\u060C ", u" ").findAndReplace(u"\u060C", u"");
        } else {
            format(skeleton).format(static_cast<UDate>(iv.start) * 1000.0, text);
        }
        return utf8(text);
    }

    // CLDR's Arabic ranges put a comma before the year ("٢٠–٢٥ تشرين الأول، ٢٠١٩") where its
    // dates have none ("١٩ كانون الأول ٢٠١٩"): a range is written as the dates it joins, so the
    // comma stays only where a date alone has one (Urdu "9 مارچ، 2007").
    bool has_arabic_comma(const char* skeleton) {
        icu::UnicodeString pattern;
        format(skeleton).toPattern(pattern);
        return pattern.indexOf(u'\u060C') >= 0;
    }

    static bool has_field(const icu::FormattedValue& value, UFieldCategory category, int32_t field) {
        UErrorCode status = U_ZERO_ERROR;
        icu::ConstrainedFieldPosition position;
        position.constrainField(category, field);
        return value.nextPosition(position, status) && U_SUCCESS(status);
    }
    // The span's second part: absent when ICU wrote the first date alone.
    static bool shows_both_ends(const icu::FormattedDateInterval& value) {
        return has_field(value, UFIELD_CATEGORY_DATE_INTERVAL_SPAN, 1);
    }
    // Some locales have range patterns only for their Gregorian dates, with an era added for
    // other calendars ("G y MMMM–MMMM" in Sorani, whose own Persian month is "MMMMی y"): such a
    // range would not read as the locale writes a date of that calendar.
    bool adds_an_era(const icu::FormattedDateInterval& value, const char* skeleton) {
        icu::FieldPosition era(UDAT_ERA_FIELD);
        icu::UnicodeString single;
        format(skeleton).format(0.0, single, era);
        return has_field(value, UFIELD_CATEGORY_DATE, UDAT_ERA_FIELD) && era.getEndIndex() == 0;
    }
    bool same_unit(const icu::DateInterval& range, const char* skeleton) {
        icu::UnicodeString from, to;
        format(skeleton).format(range.getFromDate(), from);
        format(skeleton).format(range.getToDate(), to);
        return from == to;
    }
    // ICU 72 splits a range pattern at its first repeated letter, so CLDR's Persian "LLLL تا
    // MMMM y" (a stand-alone month, then one inside a date) is never split and the first month
    // is written twice. The pattern is split here with the two month letters as one field.
    icu::UnicodeString split_by_hand(const icu::DateInterval& range, const char* skeleton) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString key = icu::DateTimePatternGenerator::staticGetSkeleton(skeleton, status), pattern;
        interval_format(skeleton).getDateIntervalInfo()->getIntervalPattern(key, largest_difference(range), pattern, status);
        int32_t second = second_date_at(pattern);
        if (U_FAILURE(status) || second <= 0) return {};
        icu::UnicodeString from, to;
        with_pattern(icu::UnicodeString(pattern, 0, second))->format(range.getFromDate(), from);
        with_pattern(icu::UnicodeString(pattern, second))->format(range.getToDate(), to);
        return from + to;
    }
    // The range's ends in the calendar of the dates, proleptic like theirs: a range format
    // given bare instants reads them in its own calendar, Julian before 15 October 1582 ("799 –
    // 900" for 800 to 900, "50000 – 40000 BC" for 50001 to 40001 BC).
    std::pair<std::unique_ptr<icu::Calendar>, std::unique_ptr<icu::Calendar>> ends(const icu::DateInterval& range,
                                                                                   const char* skeleton) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Calendar> from(format(skeleton).getCalendar()->clone()), to(from->clone());
        from->setTime(range.getFromDate(), status);
        to->setTime(range.getToDate(), status);
        return {std::move(from), std::move(to)};
    }
    UCalendarDateFields largest_difference(const icu::DateInterval& range) {
        UErrorCode status = U_ZERO_ERROR;
        auto [from, to] = ends(range, date_keys::kYear);
        for (UCalendarDateFields field : {UCAL_ERA, UCAL_YEAR, UCAL_MONTH, UCAL_DATE})
            if (from->get(field, status) != to->get(field, status)) return field;
        return UCAL_AM_PM;
    }
    // Where the second date's fields start: at the first field letter seen before, outside
    // quoted text; -1 if none repeats.
    static int32_t second_date_at(const icu::UnicodeString& pattern) {
        std::u16string seen;
        bool quoted = false;
        for (int32_t i = 0; i < pattern.length(); ++i) {
            char16_t c = pattern.charAt(i);
            if (c == u'\'') quoted = !quoted;
            if (quoted || !((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))) continue;
            if (c == u'L') c = u'M';
            if (i > 0 && (pattern.charAt(i - 1) == c || (c == u'M' && pattern.charAt(i - 1) == u'L'))) continue;
            if (seen.find(c) != std::u16string::npos) return i;
            seen += c;
        }
        return -1;
    }
    icu::UnicodeString fallback_range(const icu::DateInterval& range, const char* skeleton) {
        icu::UnicodeString pattern, from, to;
        interval_format(skeleton).getDateIntervalInfo()->getFallbackIntervalPattern(pattern);
        format(skeleton).format(range.getFromDate(), from);
        format(skeleton).format(range.getToDate(), to);
        return pattern.findAndReplace("{0}", from).findAndReplace("{1}", to);
    }
};

struct DateFormatter::Impl {
    std::string lang;
    std::unique_ptr<icu::TimeZone> zone;
    std::unique_ptr<icu::NumberFormat> numbers;
    icu::Locale locale;
    CalendarSystem locale_calendar = CalendarSystem::gregorian;  // the one the locale carries
    std::unique_ptr<CalendarFormats> gregorian;                  // month grids are Gregorian
    std::vector<std::unique_ptr<CalendarFormats>> shown;         // one or two, the first leading
    DateWords words;
};

namespace {

// The calendar a locale carries ("fa-IR": Persian, "…-u-ca-hebrew"), if tarikh knows it;
// else Gregorian.
CalendarSystem calendar_of(const icu::Locale& locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(locale, status));
    if (U_FAILURE(status)) return CalendarSystem::gregorian;
    Result<Calendars> known = parse_calendars(calendar->getType());
    return known && known->size() == 1 ? known->front() : CalendarSystem::gregorian;
}

}  // namespace

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
    impl_->locale_calendar = calendar_of(impl_->locale);
    Calendars shown = calendar.empty() ? Calendars{impl_->locale_calendar} : parse_calendars(calendar).value.value_or(Calendars{});
    if (shown.empty()) shown.push_back(CalendarSystem::gregorian);
    impl_->gregorian = std::make_unique<CalendarFormats>(CalendarSystem::gregorian, impl_->locale, *impl_->zone);
    for (CalendarSystem system : shown)
        impl_->shown.push_back(std::make_unique<CalendarFormats>(system, impl_->locale, *impl_->zone));
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
    if (iv.unknown) return words.unknown;
    // With an open end the known date stands alone, after "since" or "until".
    Interval known = iv;
    if (iv.open_start || iv.open_end) known.is_range = false;
    std::string out;
    if (reads_as_years_ago(iv.start)) {
        out = deep_years(iv.start);
        if (known.is_range) out += " – " + deep_years(iv.end - 1);
    } else {
        for (const auto& formats : impl_->shown) {
            // A Gregorian month or year straddles those of other calendars: there it is always
            // written as the span it covers, never as one month it only starts in. A day (or a
            // time, even shifted by an offset) is one day in every calendar.
            bool gregorian = formats->system == CalendarSystem::gregorian;
            bool straddles = !gregorian && known.precision <= Precision::month;
            std::string text = formats->span(known, known.is_range || straddles);
            out = out.empty() ? text : out + " (" + text + ")";
        }
    }
    if (iv.uncertain) out = around(words.uncertain, out);
    if (iv.approximate) out = around(words.approximate, out);
    if (iv.open_end) out = around(iv.end_unknown ? words.end_unknown : words.since, out);
    else if (iv.open_start) out = around(iv.start_unknown ? words.start_unknown : words.until, out);
    return out;
}

std::string DateFormatter::tick(Instant t, TimeUnit unit, std::int64_t step, size_t row) const {
    if (reads_as_years_ago(t) || (unit == TimeUnit::year && step >= 100'000)) return deep_years(t);
    CalendarFormats& formats = *impl_->shown[std::min(row, impl_->shown.size() - 1)];
    std::string skeleton = tick_skeleton(unit);
    // Years up to the first of an era carry it ("2000 BC", "AD 1", "-5 AH"): an axis that
    // crosses into AD 1 says so, and later years read as ever.
    if ((unit == TimeUnit::year || unit == TimeUnit::month) && year_in(formats.format("y"), t) <= 1) skeleton += "G";
    return formats.formatted(skeleton.c_str(), t);
}

Calendars DateFormatter::calendars() const {
    Calendars out;
    for (const auto& formats : impl_->shown) out.push_back(formats->system);
    return out;
}

bool DateFormatter::calendars_worth_noting() const {
    return impl_->shown.size() > 1 || impl_->shown.front()->system != CalendarSystem::gregorian ||
           impl_->locale_calendar != CalendarSystem::gregorian;
}

std::string DateFormatter::calendar_name(CalendarSystem system) const {
    std::string id = "und@calendar=" + calendars_name({system});
    UChar name[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uloc_getDisplayKeywordValue(id.c_str(), "calendar", impl_->locale.getName(), name,
                                                 static_cast<int32_t>(std::size(name)), &status);
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return calendars_name({system});
    return utf8(icu::UnicodeString(name, length));
}

std::string DateFormatter::calendar_names() const {
    std::vector<icu::UnicodeString> names;
    for (const auto& formats : impl_->shown) names.push_back(icu::UnicodeString::fromUTF8(calendar_name(formats->system)));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> list(icu::ListFormatter::createInstance(impl_->locale, status));
    icu::UnicodeString text;
    if (U_SUCCESS(status)) list->format(names.data(), static_cast<int32_t>(names.size()), text, status);
    return U_FAILURE(status) ? calendars_name(calendars()) : utf8(text);
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
    icu::SimpleDateFormat& gregorian = impl_->gregorian->format(date_keys::kMonthTitle);
    gregorian.format(static_cast<UDate>(t) * 1000.0, text);
    std::string out = utf8(text);
    // The grids are Gregorian months: each names the months of the calendars shown that it
    // spans ("November 2018 (Aban – Azar 1397)").
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> next(gregorian.getCalendar()->clone());
    next->setTime(static_cast<UDate>(t) * 1000.0, status);
    next->add(UCAL_MONTH, 1, status);
    if (U_FAILURE(status)) return out;
    Interval month{t, static_cast<Instant>(next->getTime(status) / 1000.0), Precision::month};
    for (const auto& formats : impl_->shown)
        if (formats->system != CalendarSystem::gregorian) out += " (" + formats->span(month, true) + ")";
    return out;
}

int date_pattern_generators_made() { return generators_made; }

}  // namespace tarikh
