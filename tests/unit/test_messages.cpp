#include <doctest/doctest.h>

#include <algorithm>

#include "layout/messages.hpp"
#include "layout/phrases.hpp"

using namespace tarikh;

// The table: every message tarikh writes itself. A message added to messages/en.json without
// a row here, or a row without the message, fails.
TEST_CASE("the message table lists every message of the English catalogue") {
    const std::vector<std::string> table{
        "legend.known_date", "legend.approximate_date", "legend.period", "continued", "page_of", "relative.after",
        "about", "date.approximate", "date.uncertain", "date.since", "date.until", "date.end_unknown", "date.start_unknown",
        "date.unknown", "legend.date_unknown", "figure.range", "figure.fatalities", "link.in_response_to",
        "link.related_to", "dash",
        "aggregate.week", "aggregate.events", "aggregate.fatalities", "aggregate.scale.events_per_week",
        "aggregate.scale.events_per_month", "aggregate.scale.fatalities_per_week", "aggregate.scale.fatalities_per_month",
        "aggregate.no_figure", "aggregate.clipped"};
    CHECK(message_ids() == table);
}

TEST_CASE("every shipped catalogue has every message, with English's placeholders") {
    const Catalogue& english = english_catalogue();
    for (const auto& lang : builtin_catalogue_languages()) {
        const Catalogue* catalogue = builtin_catalogue(lang);
        REQUIRE_MESSAGE(catalogue, lang);
        CHECK_MESSAGE(catalogue->messages.size() == message_ids().size(), lang);
        for (const auto& id : message_ids()) {
            auto found = catalogue->messages.find(id);
            REQUIRE_MESSAGE(found != catalogue->messages.end(), lang << " lacks " << id);
            CHECK_MESSAGE(!found->second.empty(), lang << " " << id);
            CHECK_MESSAGE(placeholders(found->second) == placeholders(english.messages.at(id)), lang << " " << id);
        }
        // Words of its own: none but the punctuation is English's (a copy left untranslated).
        if (lang != "en")
            for (const auto& id : message_ids())
                if (id != "dash" && id != "date.uncertain")
                    CHECK_MESSAGE(catalogue->messages.at(id) != english.messages.at(id), lang << " " << id);
    }
}

TEST_CASE("a catalogue is found by the language of a BCP 47 tag") {
    REQUIRE(builtin_catalogue("fa-IR"));
    CHECK(builtin_catalogue("fa-IR") == builtin_catalogue("fa"));
    CHECK(builtin_catalogue("ar-SY") == builtin_catalogue("ar"));
    CHECK(builtin_catalogue("ckb-IQ") == builtin_catalogue("ckb"));
    CHECK(builtin_catalogue("zh") == nullptr);
}

TEST_CASE("a language without a catalogue falls back to English, naming each message") {
    std::vector<std::string> missing;
    Phrases zh = phrases_for("zh", "zh", nullptr, &missing);
    CHECK(zh.known_date == "known date");
    std::vector<std::string> all = message_ids();
    std::sort(missing.begin(), missing.end());
    std::sort(all.begin(), all.end());
    CHECK(missing == all);
    missing.clear();
    phrases_for("fa-IR", "fa-IR", nullptr, &missing);
    CHECK(missing.empty());
}

TEST_CASE("a user's catalogue comes first, the rest from the language's own") {
    Catalogue own{"mine.json", {{"legend.period", "span"}}};
    std::vector<std::string> missing;
    Phrases fr = phrases_for("fr", "fr", &own, &missing);
    CHECK(fr.period == "span");
    CHECK(fr.known_date == "date connue");
    CHECK(missing.empty());
}

TEST_CASE("placeholders are read from a pattern") {
    CHECK(placeholders("page {page} of {pages}") == std::vector<std::string>{"page", "pages"});
    CHECK(placeholders("known date").empty());
    // An ICU plural names one argument, whatever branches a language's rules need.
    CHECK(placeholders("{count, plural, one {# event} other {# events}}") == std::vector<std::string>{"count"});
    CHECK(placeholders("{count, plural, zero {لا أحداث} two {حدثان} few {# أحداث} other {# حدث}}") ==
          std::vector<std::string>{"count"});
}

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "io/catalogue_file.hpp"

TEST_CASE("a catalogue file's problems are located, each") {
    auto path = std::filesystem::temp_directory_path() / ("tarikh-test-catalogue-" + std::to_string(::getpid()) + ".json");
    std::ofstream(path) << "{\n  \"legend.period\": 3,\n  \"about\": \"{duration} or so\",\n  \"page_of\": \"{page}\"\n}\n";
    auto loaded = load_catalogue(path.string());
    std::filesystem::remove(path);
    REQUIRE(std::holds_alternative<Diagnostics>(loaded));
    const auto& problems = std::get<Diagnostics>(loaded);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].line == 2);
    CHECK(problems[0].column == 20);
    CHECK(problems[0].message == "expected a string, found number");
    CHECK(problems[1].line == 4);
    CHECK(problems[1].message == "expected the placeholders {page}, {pages}, found {page}");
}

TEST_CASE("a catalogue file's good messages are read") {
    auto path = std::filesystem::temp_directory_path() / ("tarikh-test-catalogue-good-" + std::to_string(::getpid()) + ".json");
    std::ofstream(path) << "{\"about\": \"{duration} or so\"}";
    auto loaded = load_catalogue(path.string());
    std::filesystem::remove(path);
    REQUIRE(std::holds_alternative<Catalogue>(loaded));
    CHECK(std::get<Catalogue>(loaded).messages.at("about") == "{duration} or so");
}

TEST_CASE("a catalogue file with a NUL byte is an error where the byte is, not a shorter catalogue") {
    auto path = std::filesystem::temp_directory_path() / ("tarikh-test-catalogue-nul-" + std::to_string(::getpid()) + ".json");
    std::ofstream(path, std::ios::binary) << std::string("{\"about\": \"{duration} or so\"}\0\n{", 32);
    auto loaded = load_catalogue(path.string());
    std::filesystem::remove(path);
    REQUIRE(std::holds_alternative<Diagnostics>(loaded));
    const auto& problems = std::get<Diagnostics>(loaded);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "expected JSON text, found a NUL byte");
    CHECK(problems[0].column == 30);
}
