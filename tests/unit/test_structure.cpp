// The document's structure each layout writes into the scene (scene.hpp's Role): what a tagged
// PDF's structure tree and a screen reader are given. Walks the scenes of the example
// timelines and checks the outline a reader hears: one title, eras and events as sections
// under their headings, page furniture as artifacts, a drawing read as the list of its events.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fake_shaper.hpp"
#include "io/parse.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/calendar_print.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chart_print.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/radial_layout.hpp"
#include "layout/segments.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;
namespace fs = std::filesystem;

namespace {

// One structure group as a reader meets it, in scene order.
struct Element {
    Role role;
    int level;
    std::string lang, alt, text;  // text: every character of its text items, spaces dropped
    size_t page, depth;
    bool continued;
};

struct Walk {
    std::vector<Element> elements;
    std::vector<std::string> loose;  // text read under no structure group
    std::vector<std::string> event_alts;  // the event groups' alts inside figures, in order

    static std::string letters(const std::string& s) {
        std::string out;
        for (char c : s)
            if (c != ' ' && c != '\n') out += c;
        return out;
    }
    static std::string text_of(const Item& item) {
        if (const auto* t = std::get_if<TextItem>(&item)) {
            std::string s;
            for (const auto& run : t->runs) s += run.text;
            return letters(s);
        }
        std::string s;
        if (const auto* g = as_group(item))
            for (const auto& i : g->items) s += text_of(i);
        return s;
    }
    void items(const std::vector<Item>& list, size_t page, size_t depth, bool in_role, bool in_figure) {
        for (const auto& item : list) {
            if (const auto* t = std::get_if<TextItem>(&item)) {
                if (!in_role) loose.push_back(text_of(*t));
                continue;
            }
            const auto* g = as_group(item);
            if (!g) continue;
            if (in_figure && !g->event_id.empty()) event_alts.push_back(g->alt);
            if (g->role == Role::none) {
                items(g->items, page, depth, in_role, in_figure);
                continue;
            }
            elements.push_back({g->role, g->level, g->lang, g->alt, text_of(item), page, depth, g->continued});
            items(g->items, page, depth + 1, true, in_figure || g->role == Role::figure);
        }
    }
    explicit Walk(const Scene& scene) {
        for (size_t p = 0; p < scene.pages.size(); ++p) items(scene.pages[p].items, p, 0, false, false);
    }
    std::vector<const Element*> with(Role role, int level = -1) const {
        std::vector<const Element*> out;
        for (const auto& e : elements)
            if (e.role == role && (level < 0 || e.level == level) && !e.continued) out.push_back(&e);
        return out;
    }
    // The heading a section opens with: the first heading one level below it, before the next section.
    const Element* heading_of(const Element& section) const {
        for (auto it = elements.begin() + (&section - elements.data()) + 1; it != elements.end(); ++it) {
            if (it->depth <= section.depth) return nullptr;
            if (it->depth == section.depth + 1 && it->role == Role::heading) return &*it;
            if (it->depth == section.depth + 1 && it->role == Role::section) return nullptr;
        }
        return nullptr;
    }
};

Timeline load(const std::string& name) {
    auto path = fs::path(TARIKH_SOURCE_DIR) / "timelines" / name;
    ParseResult result = parse_timeline(read_file(path), name);
    REQUIRE(result.timeline);
    return *result.timeline;
}

std::string pick(const LocalizedText& text, const std::string& lang) {
    const std::string* s = text.find(lang);
    return s ? *s : std::string();
}

// A page small enough that every event runs over a page break.
const PageSetup kSmallPage{300, 420, 20};

// Headings never skip a level on the way down (H1 then H3 with no H2 between).
void check_heading_levels(const Walk& walk) {
    int deepest = 0;
    for (const auto& e : walk.elements) {
        if (e.role != Role::heading || e.continued) continue;
        CAPTURE(e.text);
        CHECK(e.level >= 1);
        CHECK(e.level <= deepest + 1);
        deepest = e.level;
    }
}

// A drawing printed on several pages reads as one figure saying `alt`, on every page, continued
// after the first; the page numbers and running heads are artifacts.
void check_one_figure_per_page(const Layout& printed, const std::string& alt) {
    REQUIRE(printed.scene.pages.size() > 1);
    Walk walk(printed.scene);
    CHECK(walk.loose.empty());
    size_t figures = 0;
    for (const auto& e : walk.elements) {
        if (e.role != Role::figure) continue;
        CHECK(e.alt == alt);
        CHECK(e.continued == (e.page > 0));
        ++figures;
    }
    CHECK(figures == printed.scene.pages.size());
}

}  // namespace

TEST_CASE("a chronicle reads as a document: its title, eras and events as sections under their headings") {
    for (const char* file : {"idlib-sochi-2018.json", "idlib-twelve-languages.json"})
        for (const char* lang : {"en", "ar"}) {
            CAPTURE(file);
            CAPTURE(lang);
            Timeline t = load(file);
            FakeShaper shaper;
            Layout layout = layout_chronicle(t, ChronicleOptions{{lang}, *page_setup("A4", false)}, shaper);
            Walk walk(layout.scene);
            CHECK(walk.loose.empty());  // every word inside an element or an artifact
            auto titles = walk.with(Role::heading, 1);
            REQUIRE(titles.size() == 1);
            CHECK(titles[0]->text == Walk::letters(pick(t.title, lang)));
            CHECK(titles[0]->page == 0);
            CHECK(walk.with(Role::document).size() == 1);  // the later pages' are continued
            check_heading_levels(walk);

            std::vector<std::string> era_headings, event_headings;
            for (const Element* s : walk.with(Role::section)) {
                const Element* h = walk.heading_of(*s);
                REQUIRE(h);
                (h->level == 2 && s->depth == 1 ? era_headings : event_headings).push_back(h->text);
            }
            // Eras, and "date unknown" when some event has no date; then one section per event.
            for (const auto& era : t.eras)
                CHECK(std::count(era_headings.begin(), era_headings.end(), Walk::letters(pick(era.label, lang))) == 1);
            CHECK(event_headings.size() + era_headings.size() >= t.events.size() + t.eras.size());
            for (const auto& ev : t.events)
                CHECK(std::count(event_headings.begin(), event_headings.end(), Walk::letters(pick(ev.title, lang))) +
                          std::count(era_headings.begin(), era_headings.end(), Walk::letters(pick(ev.title, lang))) ==
                      1);
            // Each source a list item holding its link.
            for (const Element* item : walk.with(Role::list_item)) CHECK(item->text.find("http") != std::string::npos);
        }
}

TEST_CASE("a bilingual chronicle marks the second column's elements with its language") {
    Timeline t = load("idlib-sochi-2018.json");
    FakeShaper shaper;
    Layout layout = layout_chronicle(t, ChronicleOptions{{"en", "ar"}, *page_setup("A4", false)}, shaper);
    Walk walk(layout.scene);
    CHECK(walk.loose.empty());
    size_t arabic = 0, english = 0;
    for (const auto& e : walk.elements) {
        if (e.role != Role::heading && e.role != Role::paragraph && e.role != Role::list_item) continue;
        bool has_arabic_letters = e.text.find("\xd8") != std::string::npos || e.text.find("\xd9") != std::string::npos;
        if (e.lang == "ar") ++arabic;
        else if (e.lang.empty()) ++english;
        // A heading or paragraph in Arabic letters is marked so (URLs and digits are in both).
        if (has_arabic_letters) CHECK(e.lang == "ar");
    }
    CHECK(arabic > 10);
    CHECK(english > 10);
    // Each event's title in both languages, the Arabic one marked.
    for (const auto& ev : t.events) {
        bool found = false;
        for (const Element* h : walk.with(Role::heading))
            found |= h->lang == "ar" && h->text == Walk::letters(pick(ev.title, "ar"));
        CHECK(found);
    }
}

TEST_CASE("a chronicle opens with a title block in each edition: title, subtitle, time span") {
    Timeline t = load("idlib-sochi-2018.json");
    FakeShaper shaper;
    for (const std::vector<std::string>& langs : {std::vector<std::string>{"en"}, {"ar"}, {"en", "ar"}}) {
        CAPTURE(langs.size());
        CAPTURE(langs[0]);
        Layout layout = layout_chronicle(t, ChronicleOptions{langs, *page_setup("A4", false)}, shaper);
        Walk walk(layout.scene);
        CHECK(walk.loose.empty());  // the running head is an artifact, on the first page too
        auto titles = walk.with(Role::heading, 1);
        REQUIRE(titles.size() == langs.size());
        for (size_t i = 0; i < langs.size(); ++i) {
            CAPTURE(langs[i]);
            const Element& title = *titles[i];
            CHECK(title.page == 0);
            CHECK(title.depth == 1);  // in the document
            CHECK(title.lang == (i == 0 ? "" : langs[i]));
            CHECK(title.text == Walk::letters(pick(t.title, langs[i])));
            // Then, in the same language, the subtitle and the time the events span.
            size_t at = static_cast<size_t>(&title - walk.elements.data());
            bool subtitle = false, span = false;
            for (size_t k = at + 1; k < walk.elements.size() && walk.elements[k].role != Role::section; ++k) {
                const Element& e = walk.elements[k];
                if (e.role != Role::paragraph || e.lang != title.lang) continue;
                if (e.text == Walk::letters(pick(t.subtitle, langs[i]))) subtitle = true;
                else span |= e.text.find("2018") != std::string::npos || e.text.find("\u0662\u0660\u0661\u0668") != std::string::npos;
            }
            CHECK(subtitle);
            CHECK(span);
        }
    }
    // The title is as large as the theme says, on the first page.
    Layout layout = layout_chronicle(t, ChronicleOptions{{"en"}, *page_setup("A4", false)}, shaper);
    const Theme theme;
    bool large = false;
    for (const auto& b : layout.boxes) large |= b.kind == BoxKind::title && b.page == 1 && b.box.height >= theme.title_size;
    CHECK(large);
}

TEST_CASE("a chronicle of one event spans that event's own date") {
    // A year BC, where a range of one year would read "5001 – 5000 BC".
    ParseResult parsed = parse_timeline(R"({"format":"tarikh/1","title":"T","events":[{"id":"a","date":"-5000","title":"x"}]})", "t");
    REQUIRE(parsed.timeline);
    FakeShaper shaper;
    Walk walk(layout_chronicle(*parsed.timeline, ChronicleOptions{{"en"}, *page_setup("A4", false)}, shaper).scene);
    std::vector<std::string> paragraphs;  // the span's, then the entry's date
    for (const Element* e : walk.with(Role::paragraph)) paragraphs.push_back(e->text);
    REQUIRE(paragraphs.size() >= 2);
    CHECK(paragraphs[0] == "5001BC");
    CHECK(paragraphs[1] == paragraphs[0]);
}

// An era's range is written as an event's: in proleptic Gregorian years, never ICU's Julian
// ones before 1582 (the era 0800/0900 read "799 – 900").
TEST_CASE("a chronicle's era range and its event's range read the years given") {
    ParseResult parsed = parse_timeline(R"({"format":"tarikh/1","title":"T",
      "eras":[{"id":"x","start":"0800","end":"0900","label":"Carolingian"}],
      "events":[{"id":"a","date":"0850/0860","title":"x"}]})", "t");
    REQUIRE(parsed.timeline);
    FakeShaper shaper;
    Walk walk(layout_chronicle(*parsed.timeline, ChronicleOptions{{"en"}, *page_setup("A4", false)}, shaper).scene);
    std::vector<std::string> paragraphs;
    for (const Element* e : walk.with(Role::paragraph)) paragraphs.push_back(e->text);
    CAPTURE(paragraphs.size());
    CHECK(std::count(paragraphs.begin(), paragraphs.end(), "800\u2009–\u2009900") == 1);  // the era's
    CHECK(std::count(paragraphs.begin(), paragraphs.end(), "850\u2009–\u2009860") >= 1);  // the event's
}

TEST_CASE("an event's section reads its heading first, then the date drawn above it") {
    Timeline t = load("idlib-sochi-2018.json");
    FakeShaper shaper;
    for (const std::vector<std::string>& langs : {std::vector<std::string>{"en"}, {"en", "ar"}}) {
        CAPTURE(langs.size());
        Layout layout = layout_chronicle(t, ChronicleOptions{langs, *page_setup("A4", false)}, shaper);
        Walk walk(layout.scene);
        size_t sections = 0;
        for (const Element* s : walk.with(Role::section)) {
            // The first element read inside it, artifacts (markers, rules) aside.
            auto it = walk.elements.begin() + (s - walk.elements.data()) + 1;
            while (it != walk.elements.end() && it->role == Role::artifact) ++it;
            REQUIRE(it != walk.elements.end());
            CAPTURE(it->text);
            CHECK(it->role == Role::heading);
            ++sections;
        }
        CHECK(sections >= t.events.size());
    }
}

TEST_CASE("an event cut by a page break goes on, marked continued, on the next page") {
    Timeline t = load("idlib-sochi-2018.json");
    FakeShaper shaper;
    // A small page: every event runs over a page or more.
    Layout layout = layout_chronicle(t, ChronicleOptions{{"en"}, kSmallPage}, shaper);
    REQUIRE(layout.scene.pages.size() > 3);
    Walk walk(layout.scene);
    size_t continued_sections = 0;
    for (const auto& e : walk.elements) {
        if (e.page > 0 && e.depth == 0) CHECK((e.role == Role::artifact || (e.role == Role::document && e.continued)));
        if (e.continued) {
            CHECK(e.page > 0);
            continued_sections += e.role == Role::section;
        }
    }
    CHECK(continued_sections > 0);
    // Continued or not, an event has one heading: its title is never repeated.
    CHECK(walk.with(Role::heading, 1).size() == 1);
    check_heading_levels(walk);
}

TEST_CASE("a chart, a ring and a calendar read as their title, then a figure saying their events in time order") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        Layout chart = layout_chart(t, {lang}, shaper);
        Walk walk(chart.scene);
        CHECK(walk.loose.empty());
        auto titles = walk.with(Role::heading, 1);
        REQUIRE(titles.size() == 1);
        CHECK(titles[0]->text == Walk::letters(pick(t.title, lang)));
        auto figures = walk.with(Role::figure);
        REQUIRE(figures.size() == 1);
        // The figure names every drawn event, in the order they are drawn (time order).
        REQUIRE(walk.event_alts.size() == t.events.size());
        std::string said;
        for (const auto& alt : walk.event_alts) said += (said.empty() ? "" : lang == std::string("ar") ? "\u061B " : "; ") + alt;
        CHECK(figures[0]->alt == said);
        CHECK(walk.with(Role::list).size() == 1);  // the legend
        check_heading_levels(walk);

        // The ring and the calendar say the same events in the same words and order.
        Walk ring(layout_radial(t, {.lang = lang}, shaper).scene);
        CHECK(ring.loose.empty());
        REQUIRE(ring.with(Role::figure).size() == 1);
        CHECK(ring.with(Role::figure)[0]->alt == figures[0]->alt);
        CHECK(ring.with(Role::heading, 1).size() == 1);
        Walk calendar(layout_calendar(t, {.lang = lang}, shaper).scene);
        CHECK(calendar.loose.empty());
        REQUIRE(calendar.with(Role::figure).size() == 1);
        CHECK(calendar.with(Role::figure)[0]->alt == figures[0]->alt);
        CHECK(calendar.with(Role::heading, 1).size() == 1);
    }
}

TEST_CASE("a chart in panels reads as its title, then each panel a section under its own heading") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout panels = layout_segmented(t, {"en"}, SegmentKind::month, shaper);
    Walk walk(panels.scene);
    CHECK(walk.loose.empty());
    REQUIRE(walk.with(Role::heading, 1).size() == 1);
    CHECK(walk.with(Role::document).size() == 1);
    auto sections = walk.with(Role::section);
    REQUIRE(sections.size() >= 2);
    CHECK(walk.with(Role::figure).size() == sections.size());
    for (const Element* s : sections) {
        const Element* h = walk.heading_of(*s);
        REQUIRE(h);
        CHECK(h->level == 2);
    }
    check_heading_levels(walk);
}

TEST_CASE("a chart printed across pages is one figure, continued on each page after the first") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout chart = layout_chart(t, {"en"}, shaper);
    const std::string alt = Walk(chart.scene).with(Role::figure).at(0)->alt;
    check_one_figure_per_page(print_chart(chart, {kSmallPage, false, "en", "en"}, shaper), alt);
}

TEST_CASE("a calendar printed on pages is one figure, continued on each page after the first") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Layout calendar = layout_calendar(t, {.lang = "en"}, shaper);
    const std::string alt = Walk(calendar.scene).with(Role::figure).at(0)->alt;
    // A month a page at most.
    check_one_figure_per_page(print_calendar(calendar, {PageSetup{300, 160, 10}, "en", "en"}, shaper), alt);
}
