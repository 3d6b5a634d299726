// The theme: one look for the four views, passed in through their options.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "fake_shaper.hpp"
#include "io/theme_file.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/radial_layout.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

using View = std::function<Layout(const std::string& lang, const Theme& theme)>;

std::vector<std::pair<const char*, View>> views(const Timeline& t, FakeShaper& shaper) {
    return {
        {"chart", [&](const std::string& lang, const Theme& theme) { return layout_chart(t, {.lang = lang, .theme = theme}, shaper); }},
        {"chronicle", [&](const std::string& lang, const Theme& theme) {
             return layout_chronicle(t, {.languages = {lang}, .theme = theme}, shaper);
         }},
        {"calendar",
         [&](const std::string& lang, const Theme& theme) { return layout_calendar(t, {.lang = lang, .theme = theme}, shaper); }},
        {"radial", [&](const std::string& lang, const Theme& theme) { return layout_radial(t, {.lang = lang, .theme = theme}, shaper); }},
    };
}

void each_item(const std::vector<Item>& items, const std::function<void(const Item&)>& f) {
    for (const auto& item : items) {
        f(item);
        if (const auto* group = as_group(item)) each_item(group->items, f);
    }
}

// Every text size in the scene.
std::set<double> run_sizes(const Layout& layout) {
    std::set<double> sizes;
    for (const auto& page : layout.scene.pages)
        each_item(page.items, [&](const Item& item) {
            if (const auto* text = std::get_if<TextItem>(&item))
                for (const auto& run : text->runs) sizes.insert(run.size);
        });
    return sizes;
}

}  // namespace

TEST_CASE("every view sizes Arabic-script text by the theme's one factor") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    const Theme theme;
    for (const auto& [name, view] : views(t, shaper)) {
        std::string view_name = name;
        CAPTURE(view_name);
        std::set<double> en = run_sizes(view("en", theme)), ar = run_sizes(view("ar", theme));
        REQUIRE(!en.empty());
        REQUIRE(!ar.empty());
        CHECK(*ar.rbegin() / *en.rbegin() == doctest::Approx(theme.arabic_scale));
        CHECK(*ar.begin() / *en.begin() == doctest::Approx(theme.arabic_scale));
    }
}

TEST_CASE("a Hebrew or Persian edition is sized by its script, not its direction") {
    // Amiri reads small beside Noto Sans; a Hebrew font does not, so Hebrew keeps the English sizes.
    Timeline t = example_timeline();
    FakeShaper shaper;
    const Theme theme;
    for (const auto& [name, view] : views(t, shaper)) {
        std::string view_name = name;
        CAPTURE(view_name);
        std::set<double> en = run_sizes(view("en", theme)), he = run_sizes(view("he", theme)),
                         fa = run_sizes(view("fa", theme));
        REQUIRE(!he.empty());
        CHECK(he == en);
        CHECK(*fa.rbegin() / *en.rbegin() == doctest::Approx(theme.arabic_scale));
    }
    CHECK(writes_arabic_script("ar"));
    CHECK(writes_arabic_script("ur"));
    CHECK(writes_arabic_script("ar-EG"));
    CHECK_FALSE(writes_arabic_script("he"));
    CHECK_FALSE(writes_arabic_script("en"));
    CHECK_FALSE(writes_arabic_script("az"));  // Azerbaijani is most likely written in Latin letters
    CHECK_FALSE(writes_arabic_script(""));
}

TEST_CASE("every view draws with the theme it is given") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    Theme theme;
    theme.paper = Color{250, 245, 230};
    theme.ink = Color{10, 20, 30};
    theme.arabic_scale = 1.5;
    for (const auto& [name, view] : views(t, shaper)) {
        std::string view_name = name;
        CAPTURE(view_name);
        Layout layout = view("en", theme);
        REQUIRE(!layout.scene.pages.empty());
        // The page's ground is the theme's paper, and its darkest text the theme's ink.
        const auto* ground = std::get_if<RectItem>(&layout.scene.pages[0].items.front());
        REQUIRE(ground);
        CHECK(ground->fill == theme.paper);
        bool inked = false;
        for (const auto& page : layout.scene.pages)
            each_item(page.items, [&](const Item& item) {
                if (const auto* text = std::get_if<TextItem>(&item)) inked |= text->color == theme.ink;
            });
        CHECK(inked);
        std::set<double> en = run_sizes(layout), ar = run_sizes(view("ar", theme));
        CHECK(*ar.rbegin() / *en.rbegin() == doctest::Approx(1.5));
    }
}

TEST_CASE("every view draws an event without a lane in the theme's colour for it") {
    Timeline t = example_timeline();
    t.events.front().lane.clear();
    FakeShaper shaper;
    Theme theme;
    theme.unlaned = Color{1, 2, 3};
    for (const auto& [name, view] : views(t, shaper)) {
        std::string view_name = name;
        CAPTURE(view_name);
        Layout layout = view("en", theme);
        bool marked = false;  // the event's marker: a dot, or a bar in the chart
        for (const auto& page : layout.scene.pages)
            each_item(page.items, [&](const Item& item) {
                if (const auto* dot = std::get_if<CircleItem>(&item))
                    marked |= dot->fill == theme.unlaned || (dot->stroke && dot->stroke->color == theme.unlaned);
                if (const auto* rect = std::get_if<RectItem>(&item))
                    marked |= rect->stroke && rect->stroke->color == theme.unlaned;
            });
        CHECK(marked);
    }
}

TEST_CASE("a print-theme chronicle draws the era's and lanes' own colours as greys") {
    // The example's era is ochre and its lanes red, purple, orange and green: a black-and-white
    // printer would make them unreadable mid-greys, so the print theme draws them grey itself.
    Timeline t = example_timeline();
    REQUIRE(!t.eras.empty());
    REQUIRE(t.eras.front().color);
    FakeShaper shaper;
    auto loaded = load_theme("print");
    REQUIRE(std::holds_alternative<Theme>(loaded));
    const Theme& theme = std::get<Theme>(loaded);
    auto grey = [](const Color& c) { return std::max({c.r, c.g, c.b}) - std::min({c.r, c.g, c.b}) <= 2; };
    for (const char* lang : {"en", "ar"}) {
        CAPTURE(lang);
        Layout layout = layout_chronicle(t, {.languages = {lang}, .theme = theme}, shaper);
        size_t texts = 0;
        for (const auto& page : layout.scene.pages)
            each_item(page.items, [&](const Item& item) {
                if (const auto* text = std::get_if<TextItem>(&item)) {
                    ++texts;
                    CHECK(grey(text->color));
                } else if (const auto* rect = std::get_if<RectItem>(&item)) {
                    if (rect->fill) CHECK(grey(*rect->fill));
                    if (rect->stroke) CHECK(grey(rect->stroke->color));
                } else if (const auto* circle = std::get_if<CircleItem>(&item)) {
                    if (circle->fill) CHECK(grey(*circle->fill));
                    if (circle->stroke) CHECK(grey(circle->stroke->color));
                } else if (const auto* line = std::get_if<LineItem>(&item)) {
                    CHECK(grey(line->stroke.color));
                }
            });
        CHECK(texts > 0);
    }
}
