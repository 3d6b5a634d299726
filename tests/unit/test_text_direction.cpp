// A text shown in an edition of another language (a fallback, or a text for every language)
// reads in its own direction, as its first strong character says (UAX #9 P2–P3), and stays on
// the edition's side: an English note in an Arabic chronicle ends with its full stop on the
// right, and is aligned right.
#include <doctest/doctest.h>

#include <algorithm>

#include "fake_shaper.hpp"
#include "io/parse.hpp"
#include "scene_items.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

Timeline english_only() {
    ParseResult parsed = parse_timeline(R"json({"format": "tarikh/1", "languages": ["en"], "title": {"en": "Invented (a test) title."},
        "events": [{"id": "a", "date": "2018-09-17", "title": {"en": "Shelling (reported)."},
                    "text": {"en": "Invented for tests (not an ACLED record)."}, "place": {"en": "Saraqib (east)"}},
                   {"id": "b", "date": "2018-09-18", "title": {"en": "Clash in خان شيخون (Khan Shaykhun)."}}]})json",
                                        "english.json");
    REQUIRE(parsed.timeline);
    return *parsed.timeline;
}

// The runs of the first text item holding `words`, with the item's left edge.
struct Found {
    double x = 0;
    std::vector<GlyphRun> runs;
};
Found text_with(const Scene& scene, const std::string& words) {
    for (const auto& page : scene.pages)
        for (const TextItem* text : text_items(page.items))
            for (const auto& run : text->runs)
                if (run.text.find(words) != std::string::npos) return {text->origin.x, text->runs};
    FAIL("no text with " << words);
    return {};
}

}  // namespace

TEST_CASE("an English note in an Arabic chronicle reads left to right, its full stop at its end, on the right") {
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    Layout layout = layout_chronicle(english_only(), ChronicleOptions{{"ar"}}, shaper);
    for (const std::string words : {"Invented for tests", "Shelling", "Saraqib", "Clash in"}) {
        CAPTURE(words);
        Found note = text_with(layout.scene, words);
        REQUIRE_FALSE(note.runs.empty());
        // Read left to right: the paragraph's first run is its leftmost, and no run of neutrals
        // (a full stop, a bracket) was set right to left at its left end.
        CHECK_FALSE(note.runs.front().rtl);
        double first_glyph = note.runs.front().glyphs.front().x, last_glyph = first_glyph;
        for (const auto& run : note.runs)
            for (const auto& glyph : run.glyphs) {
                CHECK(glyph.x >= first_glyph);
                last_glyph = std::max(last_glyph, glyph.x);
            }
        // The full stop (the closing bracket of the place) ends the last run, rightmost.
        const GlyphRun& last = note.runs.back();
        CHECK((last.text.back() == '.' || last.text.back() == ')'));
        CHECK_FALSE(last.rtl);
        CHECK(std::max_element(last.glyphs.begin(), last.glyphs.end(), [](const Glyph& a, const Glyph& b) {
                  return a.cluster < b.cluster;
              })->x == last_glyph);
        // On the edition's side: the right half of the page.
        CHECK(note.x + first_glyph > layout.scene.pages[0].width / 2);
    }
}

TEST_CASE("in the scene, a fallback text's runs read left to right in an Arabic edition, the edition's own right to left") {
    FakeShaper shaper;
    Layout chart = layout_chart(english_only(), LayoutOptions{.lang = "ar"}, shaper);
    CHECK_FALSE(text_with(chart.scene, "Invented (a test) title.").runs.front().rtl);
    Layout chronicle = layout_chronicle(english_only(), ChronicleOptions{{"ar"}}, shaper);
    CHECK_FALSE(text_with(chronicle.scene, "Invented for tests").runs.front().rtl);
    CHECK(text_with(chronicle.scene, "٢٠١٨").runs.front().rtl);  // the date, in the edition's words
    // And the other way round: an Arabic fallback in an English edition reads right to left.
    ParseResult arabic = parse_timeline(R"json({"format": "tarikh/1", "languages": ["ar"],
        "events": [{"id": "a", "date": "2018-09-17", "title": {"ar": "قصف (تقرير)."}}]})json",
                                        "arabic.json");
    REQUIRE(arabic.timeline);
    CHECK(text_with(layout_chronicle(*arabic.timeline, ChronicleOptions{{"en"}}, shaper).scene, "قصف").runs.front().rtl);
}
