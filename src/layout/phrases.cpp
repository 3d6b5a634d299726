#include "layout/phrases.hpp"

#include <memory>

#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/numsys.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>

#include "layout/layout.hpp"

namespace tarikh {
namespace {

std::string utf8(const UChar* text, int32_t length) {
    std::string out;
    icu::UnicodeString(text, length).toUTF8String(out);
    return out;
}

// CLDR's quotation marks, and its semicolon and comma where the locale's punctuation has ones of
// its own (Arabic, Persian, Urdu: "؛", "،"); ICU has no list pattern for a semicolon list.
void punctuation(const std::string& locale, Phrases& out) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status)) loc = icu::Locale::getRoot();
    status = U_ZERO_ERROR;
    ULocaleData* data = ulocdata_open(loc.getName(), &status);
    UChar open[8], close[8];
    int32_t open_length = ulocdata_getDelimiter(data, ULOCDATA_QUOTATION_START, open, 8, &status);
    int32_t close_length = ulocdata_getDelimiter(data, ULOCDATA_QUOTATION_END, close, 8, &status);
    if (U_SUCCESS(status)) {
        out.open_quote = utf8(open, open_length);
        out.close_quote = utf8(close, close_length);
        // French sets its guillemets and the semicolon off by a narrow no-break space, which
        // CLDR's delimiters leave out (as they leave out the space before "; : ! ?").
        if (std::string(loc.getLanguage()) == "fr") {
            out.open_quote += "\u202F";
            out.close_quote = "\u202F" + out.close_quote;
            out.list_separator = "\u202F; ";
        }
    }
    status = U_ZERO_ERROR;
    USet* marks = ulocdata_getExemplarSet(data, nullptr, 0, ULOCDATA_ES_PUNCTUATION, &status);
    // CLDR leaves them out of some Arabic-script locales' punctuation (Sorani), which write them.
    const bool arabic_script = writes_arabic_script(locale);
    if (arabic_script || (U_SUCCESS(status) && marks && uset_contains(marks, 0x061B))) out.list_separator = "\u061B ";
    if (arabic_script || (U_SUCCESS(status) && marks && uset_contains(marks, 0x060C))) out.comma = "\u060C ";
    if (marks) uset_close(marks);
    ulocdata_close(data);
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberingSystem> digits(icu::NumberingSystem::createInstance(loc, status));
    const std::string name = U_SUCCESS(status) && digits ? digits->getName() : "";
    if (name == "arab" || name == "arabext") out.separator = out.dash;
}

}  // namespace

Phrases phrases_for(const std::string& lang, const std::string& locale, const Catalogue* own,
                    std::vector<std::string>* missing) {
    const Catalogue* builtin = builtin_catalogue(lang);
    auto word = [&](const char* id) -> std::string {
        for (const Catalogue* c : {own, builtin})
            if (c)
                if (auto found = c->messages.find(id); found != c->messages.end()) return found->second;
        if (missing) missing->push_back(id);
        return english_catalogue().messages.at(id);
    };
    Phrases out{word("legend.known_date"), word("legend.approximate_date"), word("legend.period"), word("continued"),
                word("page_of"), word("relative.after"), word("about"), word("link.in_response_to"),
                word("link.related_to"), word("date.approximate"), word("date.uncertain"), word("date.since"),
                word("date.until"), word("figure.range"), "\u201C", "\u201D", word("dash"), "; ", ", ",
                word("date.end_unknown"), word("date.start_unknown"), word("date.unknown"), word("legend.date_unknown"),
                word("aggregate.week"), word("aggregate.events"), word("aggregate.fatalities"),
                word("aggregate.scale.events_per_week"), word("aggregate.scale.events_per_month"),
                word("aggregate.scale.fatalities_per_week"), word("aggregate.scale.fatalities_per_month"),
                word("aggregate.no_figure"), word("aggregate.clipped"), word("figure.fatalities"), " \u00B7 "};
    punctuation(locale, out);
    return out;
}

std::string plural(const std::string& pattern, double count, const std::string& locale) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status)) loc = icu::Locale::getRoot();
    status = U_ZERO_ERROR;
    icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), loc, status);
    const icu::UnicodeString names[] = {"count"};
    const icu::Formattable values[] = {icu::Formattable(count)};
    icu::UnicodeString text;
    if (U_SUCCESS(status)) format.format(names, values, 1, text, status);
    if (U_FAILURE(status)) {
        // A user's catalogue with a broken pattern: the number, in the locale's digits, still says it.
        status = U_ZERO_ERROR;
        std::unique_ptr<icu::NumberFormat> numbers(icu::NumberFormat::createInstance(loc, status));
        text.remove();
        if (U_SUCCESS(status)) numbers->format(count, text);
    }
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string fill(std::string pattern, const std::string& name, const std::string& value) {
    std::string key = "{" + name + "}";
    for (size_t at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + value.size()))
        pattern.replace(at, key.size(), value);
    return pattern;
}

std::string locale_with_digits(const std::string& locale, const std::string& digits) {
    if (digits.empty() || digits == "locale") return locale;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
    if (U_FAILURE(status)) return locale;
    loc.setKeywordValue("numbers", digits.c_str(), status);
    std::string tag = loc.toLanguageTag<std::string>(status);
    return U_FAILURE(status) ? locale : tag;
}

}  // namespace tarikh
