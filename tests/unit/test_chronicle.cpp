#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <sstream>

#include "fake_shaper.hpp"
#include "scene_items.hpp"
#include "io/parse.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/layout_json.hpp"
#include "scene/scene_dump.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;
namespace fs = std::filesystem;

namespace {

Layout chronicle(const Timeline& t, std::vector<std::string> languages, const char* page = "A4") {
    FakeShaper shaper;
    return layout_chronicle(t, ChronicleOptions{std::move(languages), *page_setup(page, false)}, shaper);
}

}  // namespace

TEST_CASE("golden chronicle dumps: English, Arabic, bilingual") {
    Timeline t = example_timeline();
    check_golden("idlib-chronicle-en.scene.txt", dump_scene(chronicle(t, {"en"}).scene));
    check_golden("idlib-chronicle-ar.scene.txt", dump_scene(chronicle(t, {"ar"}).scene));
    check_golden("idlib-chronicle-en+ar.layout.json", layout_json(chronicle(t, {"en", "ar"})));
}

TEST_CASE("every event has one entry, with everything inside the margins") {
    Timeline t = example_timeline();
    for (const char* page_name : {"A4", "Letter"})
        for (auto languages : std::vector<std::vector<std::string>>{{"en"}, {"ar"}, {"en", "ar"}}) {
            CAPTURE(page_name);
            CAPTURE(languages.size());
            Layout layout = chronicle(t, languages, page_name);
            CHECK(layout.diagnostics.empty());
            PageSetup page = *page_setup(page_name, false);
            std::map<std::string, int> markers;
            for (const auto& b : layout.boxes) {
                if (b.kind == BoxKind::marker) ++markers[b.event];
                CHECK(b.box.x >= page.margin - 0.01);
                CHECK(b.box.y >= page.margin - 0.01);
                CHECK(b.box.right() <= page.width - page.margin + 0.01);
                CHECK(b.box.bottom() <= page.height - page.margin + 0.01);
                CHECK(b.page >= 1);
                CHECK(b.page <= static_cast<int>(layout.scene.pages.size()));
            }
            for (const auto& e : t.events) CHECK(markers[e.id] == 1);
            for (const auto& p : layout.scene.pages) {
                CHECK(p.width == doctest::Approx(page.width));
                CHECK(p.height == doctest::Approx(page.height));
            }
        }
}

TEST_CASE("the outline nests events under their era, in time order") {
    Layout layout = chronicle(example_timeline(), {"en"});
    const auto& outline = layout.scene.outline;
    REQUIRE(outline.size() == 12);
    CHECK(outline[0].title == "Sochi deal in force");
    CHECK(outline[0].parent == -1);
    CHECK(outline[1].title == "17 September 2018 — Turkey and Russia sign the Sochi deal on Idlib");
    for (size_t i = 1; i < outline.size(); ++i) CHECK(outline[i].parent == 0);
    for (size_t i = 2; i < outline.size(); ++i) CHECK(outline[i].page >= outline[i - 1].page);
}

TEST_CASE("the Arabic chronicle mirrors: time line on the right") {
    Layout en = chronicle(example_timeline(), {"en"});
    Layout ar = chronicle(example_timeline(), {"ar"});
    double width = en.scene.pages[0].width;
    for (const auto& b : en.boxes)
        if (b.kind == BoxKind::marker) CHECK(b.box.x < width / 2);
    for (const auto& b : ar.boxes)
        if (b.kind == BoxKind::marker) CHECK(b.box.x > width / 2);
    CHECK(ar.scene.rtl);
}

// The running head follows the edition: two titles, each at its column's start edge (the
// Arabic at the page's right margin); a title too long for its half gives way to the first
// edition's alone, as in a chronicle of one language.
TEST_CASE("a bilingual chronicle's running head holds both titles, or the first when one does not fit") {
    auto heads = [](const Layout& layout, int page) {
        std::vector<Box> out;
        for (const auto& b : layout.boxes)
            if (b.page == page && b.kind == BoxKind::header) out.push_back(b.box);
        return out;
    };
    Timeline t = example_timeline();
    PageSetup page = *page_setup("A4", false);
    std::vector<Box> both = heads(chronicle(t, {"en", "ar"}), 2);
    REQUIRE(both.size() == 2);
    CHECK(both[0].x == doctest::Approx(page.margin));
    CHECK(both[1].x + both[1].width == doctest::Approx(page.width - page.margin));
    CHECK(both[0].x + both[0].width < both[1].x);

    for (auto& [lang, title] : t.title.values)
        if (lang == "ar")
            for (int i = 0; i < 40; ++i) title += " كلمة";  // far wider than half a page
    std::vector<Box> first = heads(chronicle(t, {"en", "ar"}), 2);
    REQUIRE(first.size() == 1);
    CHECK(first[0].x == doctest::Approx(page.margin));
    CHECK(first[0].width == doctest::Approx(both[0].width));
}

namespace {

// The chronicle's texts in reading order, each row's runs joined.
std::vector<std::string> texts(const Layout& layout) { return testing::texts_in_order(layout.scene); }

bool has(const std::vector<std::string>& all, const std::string& text) {
    return std::find(all.begin(), all.end(), text) != all.end();
}

// The trial's Lebanon file, shortened: a first event at a time of day and approximate, an era
// across a new year, an event over days, a last event approximate.
Timeline lebanon() {
    const char* json = R"({"format": "tarikh/1", "title": {"en": "Lebanon", "ar": "لبنان", "ur": "لبنان"},
        "languages": ["en", "ar", "ur"], "locales": {"ar": "ar-LB", "en": "en-GB", "ur": "ur-PK"},
        "timezone": "Asia/Beirut",
        "eras": [{"id": "thawra", "start": "2019-10-17", "end": "2020-01-21", "label": "Thawra"}],
        "events": [
          {"id": "a", "date": "2019-10-17T18:00", "approximate": true, "title": "Tax", "place": "Beirut"},
          {"id": "b", "date": "2019-12-19", "title": "Named"},
          {"id": "r", "date": "2019-10-20", "end": "2019-10-25", "title": "Sit-ins"},
          {"id": "c", "date": "2020-10-22", "approximate": true, "title": "Again"}]})";
    ParseResult parsed = parse_timeline(json, "lebanon.json");
    REQUIRE(parsed.timeline);
    return *parsed.timeline;
}

}  // namespace

// The title block's span is the story's dates: no time of day from its first event, and the
// "c." of an approximate end kept (trial 4: "17 October 2019 at 18:00 – 22 October 2020").
TEST_CASE("the title block spans dates only, each end keeping its approximate mark") {
    Timeline t = lebanon();
    std::vector<std::string> en = texts(chronicle(t, {"en"}));
    CHECK(has(en, "c. 17 October 2019 – c. 22 October 2020"));
    std::vector<std::string> ar = texts(chronicle(t, {"ar"}));
    CHECK(has(ar, "نحو ١٧ تشرين الأول ٢٠١٩ – نحو ٢٢ تشرين الأول ٢٠٢٠"));
    std::vector<std::string> ur = texts(chronicle(t, {"ur"}));
    CHECK(has(ur, "تقریباً 17 اکتوبر، 2019 – تقریباً 22 اکتوبر، 2020"));
    for (const auto& text : ar) CHECK(text.find("م –") == std::string::npos);  // no "٦:٠٠ م – …"
}

// An era's range is written as the event dates are: no comma after the month in Arabic
// (ICU's Arabic range pattern "d MMMM، y – d MMMM، y" has one, its dates do not).
TEST_CASE("an Arabic era range writes its dates as the events' dates are written") {
    std::vector<std::string> ar = texts(chronicle(lebanon(), {"ar"}));
    CHECK(has(ar, "١٩ كانون الأول ٢٠١٩"));                               // an event's date
    CHECK(has(ar, "١٧ تشرين الأول ٢٠١٩ – ٢١ كانون الثاني ٢٠٢٠"));  // the era's range
    CHECK(has(ar, "٢٠–٢٥ تشرين الأول ٢٠١٩"));                          // an event over days
    // Urdu's dates have the comma ("19 دسمبر، 2019"): its ranges keep it.
    std::vector<std::string> ur = texts(chronicle(lebanon(), {"ur"}));
    CHECK(has(ur, "17 اکتوبر، 2019 – 21 جنوری، 2020"));
}
