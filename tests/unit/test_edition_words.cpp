// Every edition of the twelve languages writes its own words: none of English's interface
// words, and CLDR's quotation marks and semicolon as ICU gives them for the locale.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>

#include <filesystem>
#include <regex>
#include <set>

#include "fake_shaper.hpp"
#include "scene_items.hpp"
#include "io/parse.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/layout.hpp"
#include "layout/messages.hpp"
#include "layout/phrases.hpp"
#include "layout/paginate.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

constexpr const char* kNeutral = "\u25C6";  // ◆: every text of the file, so that only tarikh's words are words

// The example with each of its texts ◆ in every language, and a second figure on the event
// with one, so that a figures line needs its separator.
Timeline neutral_example() {
    auto path = std::filesystem::path(TARIKH_SOURCE_DIR) / "timelines/idlib-sochi-2018.json";
    nlohmann::json root = nlohmann::json::parse(read_file(path));
    std::function<void(nlohmann::json&)> neutral = [&](nlohmann::json& j) {
        if (j.is_object() && j.contains("en") && j["en"].is_string()) {
            for (auto& [tag, text] : j.items()) text = kNeutral;
            return;
        }
        if (j.is_structured())
            for (auto& child : j) neutral(child);
    };
    nlohmann::json locales = root["locales"];
    neutral(root);
    root["locales"] = locales;
    for (auto& event : root["events"])
        if (event.contains("figures")) {
            event["figures"].push_back({{"label", {{"en", kNeutral}, {"ar", kNeutral}}}, {"value", 3}});
            break;
        }
    ParseResult result = parse_timeline(root.dump(), "idlib");
    REQUIRE_MESSAGE(result.timeline, (result.diagnostics.empty() ? "" : result.diagnostics.front().message));
    return *result.timeline;
}

std::vector<std::string> texts_of(const Scene& scene) { return testing::texts_in_order(scene); }

// English's messages as patterns: "page {page} of {pages}" → \bpage .+ of .+ (punctuation-only
// messages left out: they are no words).
std::vector<std::pair<std::string, std::regex>> english_patterns() {
    std::vector<std::pair<std::string, std::regex>> out;
    for (const auto& [id, pattern] : english_catalogue().messages) {
        if (id == "dash" || id == "date.uncertain") continue;
        std::string re;
        for (size_t i = 0; i < pattern.size(); ++i) {
            if (pattern[i] == '{') {
                i = pattern.find('}', i);
                re += ".+";
            } else if (std::string("\\^$.|?*+()[]{}").find(pattern[i]) != std::string::npos) {
                re += std::string("\\") + pattern[i];
            } else {
                re += pattern[i];
            }
        }
        out.emplace_back(id, std::regex("(^|[^A-Za-z])" + re + "($|[^A-Za-z])"));
    }
    return out;
}

struct Punctuation {
    std::string open, close, semicolon;
};

// What ICU's data gives the locale, computed here as the library does not: CLDR's quotation
// marks; "؛" where the locale's punctuation has it.
Punctuation icu_punctuation(const std::string& tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    ULocaleData* data = ulocdata_open(locale.getName(), &status);
    UChar open[8], close[8];
    int32_t open_length = ulocdata_getDelimiter(data, ULOCDATA_QUOTATION_START, open, 8, &status);
    int32_t close_length = ulocdata_getDelimiter(data, ULOCDATA_QUOTATION_END, close, 8, &status);
    REQUIRE(U_SUCCESS(status));
    Punctuation out;
    icu::UnicodeString(open, open_length).toUTF8String(out.open);
    icu::UnicodeString(close, close_length).toUTF8String(out.close);
    if (std::string(locale.getLanguage()) == "fr") {  // French typography
        out.open += "\u202F";
        out.close = "\u202F" + out.close;
    }
    USet* marks = ulocdata_getExemplarSet(data, nullptr, 0, ULOCDATA_ES_PUNCTUATION, &status);
    out.semicolon = uset_contains(marks, 0x061B) || writes_arabic_script(tag) ? "\u061B " : "; ";
    if (std::string(locale.getLanguage()) == "fr") out.semicolon = "\u202F; ";
    uset_close(marks);
    ulocdata_close(data);
    return out;
}

// "related to {title}" → "related to": the words around the title.
std::string without_title(std::string pattern) {
    pattern.erase(pattern.find("{title}"), 7);
    pattern.erase(0, pattern.find_first_not_of(' '));
    pattern.erase(pattern.find_last_not_of(' ') + 1);
    return pattern;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& part) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("every language's chart and chronicle hold none of English's interface words") {
    Timeline t = neutral_example();
    auto english = english_patterns();
    REQUIRE(english.size() >= 12);
    for (const auto& lang : builtin_catalogue_languages()) {
        CAPTURE(lang);
        FakeShaper shaper;
        LayoutOptions chart_options{lang};
        std::vector<std::string> chart = texts_of(layout_chart(t, chart_options, shaper).scene);
        std::vector<std::string> chronicle =
            texts_of(layout_chronicle(t, ChronicleOptions{{lang}, *page_setup("A4", false)}, shaper).scene);
        std::set<std::string> found;  // English's messages met
        for (const auto* texts : {&chart, &chronicle})
            for (const auto& text : *texts)
                for (const auto& [id, pattern] : english)
                    if (std::regex_search(text, pattern)) found.insert(id + " in \"" + text + "\"");
        if (lang == "en")
            CHECK(found.size() >= 5);  // the patterns find English where it is
        else
            for (const auto& where : found) CHECK_MESSAGE(false, where);
        // Its own words are there instead: the legend, the page numbers, a link's words.
        const Catalogue& own = *builtin_catalogue(lang);
        CHECK(any_contains(chart, own.messages.at("legend.known_date")));
        CHECK(any_contains(chart, own.messages.at("legend.period")));
        CHECK(any_contains(chronicle, without_title(own.messages.at("link.related_to"))));
    }
}

TEST_CASE("every language's chronicle quotes and separates as ICU gives its locale") {
    Timeline t = neutral_example();
    for (const auto& lang : builtin_catalogue_languages()) {
        CAPTURE(lang);
        Punctuation icu = icu_punctuation(t.locale_for(lang));
        FakeShaper shaper;
        std::vector<std::string> chronicle =
            texts_of(layout_chronicle(t, ChronicleOptions{{lang}, *page_setup("A4", false)}, shaper).scene);
        std::string all;
        for (const auto& text : chronicle) all += text + "\n";
        CHECK_MESSAGE(any_contains(chronicle, icu.open + kNeutral + icu.close), all);
        std::string dash = builtin_catalogue(lang)->messages.at("dash");
        CHECK(any_contains(chronicle, kNeutral + dash + kNeutral + icu.semicolon));
    }
}

// The issue's own examples, written out, so that a wrong rule above cannot agree with itself.
TEST_CASE("punctuation as the issue gives it: French and Russian guillemets, German quotes, Persian comma and semicolon") {
    CHECK(phrases_for("fr", "fr-FR").open_quote == "\u00AB\u202F");  // narrow no-break spaces inside
    CHECK(phrases_for("fr", "fr-FR").close_quote == "\u202F\u00BB");
    CHECK(phrases_for("fr", "fr-FR").list_separator == "\u202F; ");  // a space before the semicolon too
    CHECK(phrases_for("en", "en-GB").list_separator == "; ");
    CHECK(phrases_for("ru", "ru-RU").open_quote == "\u00AB");
    CHECK(phrases_for("de", "de-DE").open_quote == "\u201E");
    CHECK(phrases_for("de", "de-DE").close_quote == "\u201C");
    const Phrases persian = phrases_for("fa", "fa-IR");
    CHECK(persian.list_separator == "\u061B ");
    CHECK(persian.comma == "\u060C ");
    CHECK(phrases_for("en", "en-GB").comma == ", ");
    CHECK(phrases_for("ckb", "ckb-IQ").list_separator == "\u061B ");  // CLDR's punctuation for ckb lacks it
    CHECK(phrases_for("ckb", "ckb-IQ").comma == "\u060C ");
}

// Arabic-Indic and Persian zeros (٠ ۰) are dots: " · " between a time and a place read as one
// ("٦:٠٧ م · مرفأ بيروت", trial 4). Editions with those digits set them apart with their dash.
TEST_CASE("a date, a place and a lane are set apart by a mark no digit of the edition looks like") {
    CHECK(phrases_for("en", "en-GB").separator == " \u00B7 ");
    CHECK(phrases_for("ar", "ar-LB").separator == " \u2014 ");
    CHECK(phrases_for("ar", "ar-SY").separator == " \u2014 ");
    CHECK(phrases_for("fa", "fa-IR").separator == " \u2014 ");
    CHECK(phrases_for("ckb", "ckb-IQ").separator == " \u2014 ");
    CHECK(phrases_for("ar", "ar-MA").separator == " \u00B7 ");                // Latin digits: nothing to mistake
    CHECK(phrases_for("ar", "ar-LB-u-nu-latn").separator == " \u00B7 ");      // --digits latn
    CHECK(phrases_for("ur", "ur-PK").separator == " \u00B7 ");
    CHECK(phrases_for("ur", "ur-PK-u-nu-arabext").separator == " \u2014 ");  // --digits arabext

    Timeline t = neutral_example();
    for (const char* lang : {"ar", "en"}) {
        CAPTURE(lang);
        FakeShaper shaper;
        LayoutOptions chart_options{lang};
        std::vector<std::string> chart = texts_of(layout_chart(t, chart_options, shaper).scene);
        std::vector<std::string> chronicle =
            texts_of(layout_chronicle(t, ChronicleOptions{{lang}, *page_setup("A4", false)}, shaper).scene);
        const std::string separator = std::string(lang) == "ar" ? " \u2014 " : " \u00B7 ";
        CHECK(any_contains(chart, separator + kNeutral));                  // date — place
        const std::string place_lane = kNeutral + separator + kNeutral;  // an entry's line under its title
        CHECK(std::find(chronicle.begin(), chronicle.end(), place_lane) != chronicle.end());
        if (std::string(lang) == "ar") {
            CHECK_FALSE(any_contains(chart, "\u00B7"));
            CHECK_FALSE(any_contains(chronicle, "\u00B7"));
        }
    }
}
