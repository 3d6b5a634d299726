// A chronicle whose rows' glyphs are let go past the budget and shaped again when their pages
// are drawn (RowGlyphs) is the same PDF, byte for byte, as one that keeps them all: the rows
// reshaped whole, and those a page break cut, cut where pagination cut their measures.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "io/parse.hpp"
#include "layout/chronicle_layout.hpp"
#include "render/pdf_writer.hpp"
#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"

using namespace tarikh;

namespace {

// Long texts in two languages on a small page: most entries run over a page break, some over
// several; English-only titles are foreign in the Arabic column.
Timeline long_timeline() {
    const std::vector<std::string> words = {"shelling", "convoy", "ceasefire", "talks", "statement", "attack",
                                            "positions", "front", "withdrawal", "patrol", "villages", "civilians"};
    nlohmann::json events = nlohmann::json::array();
    for (int i = 0; i < 24; ++i) {
        std::string text, arabic;
        for (int k = 0; k < 20 + (i * 37) % 160; ++k) text += (k ? " " : "") + words[(i * 7 + k) % words.size()];
        for (int k = 0; k < 10 + i % 30; ++k) arabic += "نص طويل ";
        nlohmann::json event = {{"id", "e" + std::to_string(i)},
                                {"date", "2018-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10)},
                                {"title", {{"en", "Entry " + std::to_string(i) + " (reported)."}}},
                                {"text", {{"en", text}, {"ar", arabic}}}};
        if (i % 3 == 0) event["quotes"] = {{{"text", {{"en", "A quote, " + text.substr(0, 80)}}}, {"speaker", {{"en", "Someone"}}}}};
        events.push_back(event);
    }
    nlohmann::json doc = {{"format", "tarikh/1"}, {"languages", {"en", "ar"}}, {"title", {{"en", "Long"}, {"ar", "طويل"}}},
                          {"events", events}};
    ParseResult parsed = parse_timeline(doc.dump(), "long.json");
    REQUIRE(parsed.timeline);
    return *parsed.timeline;
}

std::string chronicle_pdf(const Timeline& t, std::vector<std::string> languages, size_t glyph_budget) {
    FontDatabase fonts(std::string(TARIKH_SOURCE_DIR) + "/fonts");
    PangoShaper shaper(fonts);
    ChronicleOptions options{std::move(languages), PageSetup{300, 420, 20}};
    options.glyph_budget = glyph_budget;
    Layout layout = layout_chronicle(t, options, shaper);
    REQUIRE(layout.scene.pages.size() > 20);
    return render_pdf(layout.scene);
}

}  // namespace

TEST_CASE("a chronicle past its glyph budget, its rows shaped again when drawn, is the same PDF") {
    Timeline t = long_timeline();
    for (auto languages : std::vector<std::vector<std::string>>{{"en"}, {"ar"}, {"en", "ar"}}) {
        CAPTURE(languages.size());
        CAPTURE(languages.front());
        std::string kept = chronicle_pdf(t, languages, SIZE_MAX);
        CHECK(chronicle_pdf(t, languages, 0) == kept);            // every row shaped again
        CHECK(chronicle_pdf(t, languages, 40'000) == kept);       // the first rows kept, the rest shaped again
    }
}
