// ACLED and UCDP GED tables to format v1: the mapping (docs/import.md), the choice of rows and
// lanes, and the CSV reader under hostile input. Every row is synthetic (tests/import/).
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>

#include <tarikh/tarikh.hpp>

#include "fake_shaper.hpp"
#include "io/csv.hpp"
#include "io/event_table.hpp"
#include "io/parse.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/edition.hpp"
#include "test_files.hpp"
#include "time/date_format.hpp"

using namespace tarikh;
using namespace tarikh::testing;
namespace fs = std::filesystem;

namespace {

std::string path_of(const char* name) { return (fs::path(TARIKH_TEST_DIR) / "import" / name).string(); }

Timeline load(const std::string& name) { return load_test_timeline("import/" + name); }

std::string text(const LocalizedText& t) { return t.values.empty() ? "" : t.values.front().second; }

const std::string kAcledHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

// A synthetic ACLED row: id, date, precision, actor1, fatalities; the rest fixed.
std::string acled_row(const std::string& id, const std::string& date, int precision, const std::string& actor,
                      int fatalities) {
    return id + "," + date + ",2018," + std::to_string(precision) +
           ",Political violence,Battles,Armed clash," + actor +
           ",,1,,,0,10,,760,Middle East,Syria,Idlib,Idleb,,Saraqib,35.8,36.8,1,Test Monitor A,National,Synthetic.," +
           std::to_string(fatalities) + ",,1700000000\n";
}

ImportResult acled(const std::string& csv, const TableChoice& choice = {}) {
    return import_event_table(csv, "t.csv", EventDataset::acled, choice);
}

}  // namespace

TEST_CASE("ACLED rows map to events: dates by precision, fatalities as a figure with its source") {
    Timeline t = load("acled_small.csv");
    REQUIRE(t.events.size() == 4);
    CHECK(t.languages == std::vector<std::string>{"en"});
    const Event& shelling = event_by_id(t, "XSY0001");
    CHECK(text(shelling.title) == "Shelling/artillery/missile attack in Khan Shaykhun");
    CHECK(text(shelling.place) == "Khan Shaykhun, Maarrat An Nu'man, Idlib, Syria");
    REQUIRE(shelling.when.date);
    CHECK(shelling.when.date->precision == Precision::day);
    CHECK_FALSE(shelling.when.approximate);
    REQUIRE(shelling.figures.size() == 1);
    CHECK(shelling.figures[0].value == 3);
    CHECK(shelling.figures[0].kind == "fatalities");
    CHECK(shelling.figures[0].source == shelling.sources.front());
    CHECK(shelling.sources.size() == 2);  // "Test Monitor A; Test Wire B": one source each

    const Event& clash = event_by_id(t, "XSY0002");  // precision 2, no actor2, fatalities 0, Arabic place
    CHECK(clash.when.approximate);
    CHECK(clash.when.date->precision == Precision::day);
    CHECK(clash.figures.empty());
    CHECK(text(clash.title) == "Armed clash in خان شيخون");
    CHECK(text(clash.text).find("\nA second line inside the quoted notes, with \"quotes\".") != std::string::npos);
    CHECK(clash.tags == std::vector<std::string>{"local administrators", "women targeted: candidates"});

    const Event& agreement = event_by_id(t, "XSY0003");  // precision 3: the month
    CHECK(agreement.when.date->precision == Precision::month);
    CHECK(agreement.when.date->month == 10);
    CHECK(agreement.when.approximate);
    REQUIRE(agreement.sources.size() == 1);
    CHECK(t.sources.back().url == "https://example.org/report-1");
    CHECK(text(t.sources.back().name) == "example.org");  // not the address twice

    const Event& attack = event_by_id(t, "XSY0004");  // "2 October 2018"
    CHECK(attack.when.date->day == 2);
    CHECK(attack.when.date->month == 10);
    CHECK(t.lanes.size() == 3);
    CHECK(text(t.lanes.front().label) == "Test Forces Alpha");  // two events: the busiest first
}

TEST_CASE("ACLED columns in any order, a BOM, an unknown column and \"16 May 2025\"") {
    Timeline t = load("acled_reordered.csv");
    REQUIRE(t.events.size() == 2);
    CHECK(t.events[0].when.date->year == 2025);
    CHECK(t.events[0].when.date->month == 5);
    CHECK(t.events[0].when.date->day == 16);
    CHECK(text(t.events[1].place) == "سراقب, Idlib, Syria");
}

TEST_CASE("GED best, low and high make one figure, date_start..date_end an interval") {
    Timeline t = load("ged_small.csv");
    const Event& first = event_by_id(t, "900001");
    REQUIRE(first.figures.size() == 1);
    CHECK(first.figures[0].value == 12);
    CHECK(first.figures[0].low == 10);
    CHECK(first.figures[0].high == 19);
    CHECK(first.figures[0].kind == "fatalities");
    CHECK(text(first.text) == "Deaths: 2 Test government, 3 Test insurgents, 5 civilians, 2 unknown.");
    CHECK_FALSE(first.when.end);

    const Event& months = event_by_id(t, "900002");  // date_prec 4 across three months
    CHECK(months.when.date->precision == Precision::month);
    REQUIRE(months.when.end);
    CHECK(months.when.end->month == 11);
    CHECK(months.when.approximate);

    const Event& days = event_by_id(t, "900003");  // date_prec 2: a few days
    CHECK(days.when.date->precision == Precision::day);
    REQUIRE(days.when.end);
    CHECK(days.when.end->day == 5);
    CHECK(text(days.title) == "Test government - Test insurgents, معرة النعمان");
}

TEST_CASE("GED low above best is an error naming both cells, and nothing is converted") {
    Result<Timeline> result = load_file(path_of("ged_low_above_best.csv"));
    CHECK_FALSE(result.value);
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.line == 2);
    CHECK(d.pointer == "low");
    CHECK(d.message == "expected low at most best (12), found 14");
    REQUIRE(d.hints.size() == 1);
    CHECK(d.hints[0].rfind("best is at line 2, column ", 0) == 0);
}

TEST_CASE("GED high below best is an error at high, naming best's cell") {
    std::string csv = read_file(path_of("ged_small.csv"));
    const std::string bounds = ",12,19,10\n";  // the first row's best, high, low
    REQUIRE(csv.find(bounds) != std::string::npos);
    csv.replace(csv.find(bounds), bounds.size(), ",12,9,10\n");
    ImportResult r = import_event_table(csv, "t.csv", EventDataset::ucdp_ged, {});
    CHECK_FALSE(r.tarikh_json);
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.line == 2);
    CHECK(d.pointer == "high");
    CHECK(d.message == "expected high at least best (12), found 9");
    REQUIRE(d.hints.size() == 1);
    CHECK(d.hints[0].rfind("best is at line 2, column ", 0) == 0);
}

TEST_CASE("a bad ACLED cell is an error at its line and column, with its column's name") {
    ImportResult r = acled(kAcledHeader + acled_row("X1", "2018-09-17", 1, "A", 1) + acled_row("X2", "2018-13-01", 1, "A", 1) +
                           acled_row("X3", "2018-09-18", 4, "A", 1) + acled_row("X4", "2018-09-18", 1, "A", -2));
    CHECK_FALSE(r.tarikh_json);
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].line == 3);
    CHECK(r.diagnostics[0].column == 4);
    CHECK(r.diagnostics[0].pointer == "event_date");
    CHECK(r.diagnostics[0].message == "expected a date, found \"2018-13-01\"");
    CHECK(r.diagnostics[1].pointer == "time_precision");
    CHECK(r.diagnostics[1].message == "expected a precision from 1 to 3, found \"4\"");
    CHECK(r.diagnostics[2].pointer == "fatalities");
    CHECK(r.diagnostics[2].line == 5);
}

TEST_CASE("--where: the same field twice is or, different fields and") {
    std::string csv = kAcledHeader + acled_row("X1", "2018-09-17", 1, "Alpha", 1) + acled_row("X2", "2018-09-18", 1, "Beta", 0) +
                      acled_row("X3", "2018-09-19", 1, "Gamma", 5);
    TableChoice either{.where = {{"actor1", "alpha"}, {"actor1", "Gamma"}}};
    ImportResult r = acled(csv, either);
    REQUIRE(r.tarikh_json);
    CHECK(r.tarikh_json->find("\"X1\"") != std::string::npos);
    CHECK(r.tarikh_json->find("\"X2\"") == std::string::npos);
    CHECK(r.tarikh_json->find("\"X3\"") != std::string::npos);
    CHECK(r.tarikh_json->find("\"title\": \"alpha, Gamma — ACLED events\"") != std::string::npos);
    TableChoice both{.where = {{"actor1", "Alpha"}, {"location", "Elsewhere"}}};
    ImportResult none = acled(csv, both);
    CHECK_FALSE(none.tarikh_json);
    REQUIRE(none.diagnostics.size() == 1);
    CHECK(none.diagnostics[0].message == "expected at least one row to show, found none of 3");
}

TEST_CASE("--between keeps the events that overlap it, --min-fatalities the deadly ones") {
    std::string csv = kAcledHeader + acled_row("X1", "2018-09-17", 1, "A", 1) + acled_row("X2", "2018-10-18", 3, "A", 0) +
                      acled_row("X3", "2018-12-01", 1, "A", 5);
    ImportResult r = acled(csv, {.from = "2018-09-20", .to = "2018-10-01"});
    REQUIRE(r.tarikh_json);  // X2 is "October 2018", which overlaps the first of October
    CHECK(r.tarikh_json->find("\"X1\"") == std::string::npos);
    CHECK(r.tarikh_json->find("\"X2\"") != std::string::npos);
    CHECK(r.tarikh_json->find("\"X3\"") == std::string::npos);
    ImportResult deadly = acled(csv, {.min_fatalities = 2});
    REQUIRE(deadly.tarikh_json);
    CHECK(deadly.tarikh_json->find("\"X3\"") != std::string::npos);
    CHECK(deadly.tarikh_json->find("\"X1\"") == std::string::npos);
}

TEST_CASE("a --where column the file lacks is the caller's error, with the nearest column") {
    ImportResult r = acled(kAcledHeader + acled_row("X1", "2018-09-17", 1, "A", 1), {.where = {{"admn1", "Idlib"}}});
    CHECK_FALSE(r.tarikh_json);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].option == Option::table_choice);
    CHECK(r.diagnostics[0].message == "--where names the column \"admn1\", which this ACLED file lacks");
    CHECK(r.diagnostics[0].hints == std::vector<std::string>{"did you mean \"admin1\"?"});
    ImportResult between = acled(kAcledHeader + acled_row("X1", "2018-09-17", 1, "A", 1), {.from = "17/09/2018"});
    REQUIRE_FALSE(between.diagnostics.empty());
    CHECK(between.diagnostics[0].option == Option::table_choice);
}

TEST_CASE("more than twelve lanes: the busiest eleven and one \"other\", with a warning") {
    std::string csv = kAcledHeader;
    for (int actor = 0; actor < 15; ++actor)
        for (int n = 0; n <= (actor < 11 ? 15 - actor : 0); ++n)
            csv += acled_row("X" + std::to_string(actor) + "-" + std::to_string(n), "2018-09-17", 1,
                             "Actor " + std::to_string(100 + actor), 1);
    ImportResult r = acled(csv);
    REQUIRE(r.tarikh_json);
    CHECK(r.tarikh_json->find("\"label\": \"Other (4)\"") != std::string::npos);
    CHECK(r.tarikh_json->find("\"id\": \"lane-11\"") != std::string::npos);
    CHECK(r.tarikh_json->find("\"id\": \"lane-12\"") == std::string::npos);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].message.find("the 4 with the fewest events (4 in all) share the lane \"Other\"") !=
          std::string::npos);
    ImportResult one = acled(csv, {.lanes = "none"});
    REQUIRE(one.tarikh_json);
    CHECK(one.tarikh_json->find("\"lanes\"") == std::string::npos);
}

TEST_CASE("the header row tells ACLED from GED from a TimelineJS sheet") {
    CHECK(event_dataset_of("\xEF\xBB\xBF" "notes,event_date,event_id_cnty\n") == EventDataset::acled);
    CHECK(event_dataset_of("id,dyad_name,\"date_start\",best\n") == EventDataset::ucdp_ged);
    CHECK_FALSE(event_dataset_of("Year,Month,Day,Headline\n"));
}

TEST_CASE("hostile CSV: an unclosed quote, a NUL, a huge cell, bytes that are not UTF-8") {
    CsvTable open = read_csv("a,b\n1,\"never closed\n2,3\n", "f.csv");
    REQUIRE(open.error);
    CHECK(open.error->line == 2);
    CHECK(open.error->column == 3);
    CHECK(open.error->message == "expected a closing quote for the cell opened here, found the end of the file");
    CHECK(open.rows.empty());

    CsvTable nul = read_csv(std::string("a,b\n1,x\0y\n", 10), "f.csv");
    REQUIRE(nul.error);
    CHECK(nul.error->message == "expected text, found a NUL byte");
    CHECK(nul.error->column == 4);

    CsvTable huge = read_csv("a\n" + std::string(20'000, 'x') + "\n", "f.csv", {.max_cell_chars = 10'000});
    REQUIRE(huge.error);
    CHECK(huge.error->option == Option::max_text_length);

    CsvTable latin1 = read_csv("a\nAlep\xE9\n", "f.csv");
    REQUIRE(latin1.error);
    CHECK(latin1.error->message == "expected UTF-8 text, found the byte \\xe9");

    CsvTable fine = read_csv("\xEF\xBB\xBF" "a,b\r\n\"x, \"\"y\"\"\nz\",2\r\n\r\n", "f.csv");
    REQUIRE_FALSE(fine.error);
    REQUIRE(fine.rows.size() == 2);
    CHECK(fine.rows[0][0].text == "a");
    CHECK(fine.rows[1][0].text == "x, \"y\"\nz");
    CHECK(fine.rows[1][1].at.line == 3);
}

TEST_CASE("a disputed figure reads \"best 12, between 10 and 19\", in the edition's digits") {
    Figure f;
    f.value = 12, f.low = 10, f.high = 19, f.kind = "fatalities";
    Figure plain;
    plain.value = 3;
    DateFormatter en("en", "en", "UTC");
    CHECK(figure_words(f, "fatalities", en, phrases_for("en", "en")) == "fatalities: best 12, between 10 and 19");
    DateFormatter ar("ar-SY", "ar", "UTC");
    CHECK(figure_words(f, "fatalities", ar, phrases_for("ar", "ar-SY")) == "fatalities: التقدير الأرجح ١٢، بين ١٠ و١٩");
    CHECK(figure_words(plain, "fatalities", en, phrases_for("en", "en")) == "3 fatalities");
    plain.low = plain.high = 3;  // GED's low = best = high: nothing disputed
    CHECK(figure_words(plain, "fatalities", en, phrases_for("en", "en")) == "3 fatalities");
}

// The import writes its text without reading it again: what it writes must be what the format
// v1 reader accepts as it is, without a word.
TEST_CASE("every imported table reads back as format v1 without a diagnostic") {
    const std::pair<const char*, InputFormat> tables[] = {
        {"acled_small.csv", InputFormat::acled}, {"acled_reordered.csv", InputFormat::acled}, {"ged_small.csv", InputFormat::ucdp_ged}};
    for (const auto& table : tables) {
        std::string file = table.first;
        ReadOptions options;
        options.from = table.second;
        Result<std::string> bytes = convert_event_table_file(path_of(table.first), options);
        REQUIRE_MESSAGE(bytes.value, file);
        ParseResult back = parse_timeline(*bytes.value, file, ParseLimits{});
        CHECK_MESSAGE(back.timeline, file);
        CHECK_MESSAGE(back.diagnostics.empty(), file);
    }
}

TEST_CASE("a control character in a cell is taken out with a warning at that cell") {
    std::string row = acled_row("X1", "2018-09-17", 1, "A", 1);
    row.replace(row.find("Synthetic."), 10, "Synthetic\xE2\x80\xAE" "evil.");  // U+202E, right-to-left override
    ImportResult r = acled(kAcledHeader + row);
    REQUIRE(r.tarikh_json);
    CHECK(r.tarikh_json->find("Syntheticevil.") != std::string::npos);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::warning);
    CHECK(r.diagnostics[0].pointer == "notes");
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].message == "removed characters that could hide or reorder text: U+202E");
}

namespace {

// Every line of text a layout writes, and the lines of its hover cards.
std::string all_text(const Layout& layout) {
    std::string out;
    std::function<void(const Item&)> collect = [&](const Item& item) {
        if (auto* text = std::get_if<TextItem>(&item)) {
            for (const auto& run : text->runs) out += run.text;
            out += "\n";
        } else if (auto* group = as_group(item)) {
            for (const auto& child : group->items) collect(child);
        }
    };
    for (const auto& page : layout.scene.pages)
        for (const auto& item : page.items) collect(item);
    for (const auto& note : layout.scene.notes)
        for (const auto& line : note.lines) out += line + "\n";
    return out;
}

}  // namespace

// An import labels its counts "fatalities", in English: an edition in another language names
// them in its own words (the catalogue's), in the chronicle and in the hover cards alike.
TEST_CASE("an imported table's fatalities are named in Arabic and French editions") {
    FakeShaper shaper;
    Timeline acled_table = load("acled_small.csv");  // XSY0001: 3 fatalities
    Timeline ged_table = load("ged_small.csv");      // 900001: best 12, between 10 and 19
    struct Case {
        std::string lang, count, range;
    };
    for (const Case& c : {Case{"ar", "٣ قتلى", "القتلى: التقدير الأرجح ١٢، بين ١٠ و١٩"},
                          Case{"fr", "3 morts", "morts : meilleure estimation 12, entre 10 et 19"}}) {
        CAPTURE(c.lang);
        for (const Timeline* t : {&acled_table, &ged_table}) {
            std::string chronicle = all_text(layout_chronicle(*t, ChronicleOptions{.languages = {c.lang}}, shaper));
            std::string cards = all_text(layout_chart(*t, {.lang = c.lang}, shaper));
            CAPTURE(chronicle);
            CHECK(chronicle.find("fatalities") == std::string::npos);
            CHECK(cards.find("fatalities") == std::string::npos);
            const std::string& expected = t == &acled_table ? c.count : c.range;
            CHECK(chronicle.find(expected) != std::string::npos);
            CHECK(cards.find(expected) != std::string::npos);
        }
    }
    // English keeps the table's own label.
    CHECK(all_text(layout_chronicle(acled_table, ChronicleOptions{.languages = {"en"}}, shaper)).find("3 fatalities") !=
          std::string::npos);
}
