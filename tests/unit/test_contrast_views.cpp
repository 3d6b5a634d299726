// Every text of every view reads at 4.5:1 against what is painted behind it, whatever the
// theme's and the lanes' colours: the quality report's min_contrast, measured on the scene.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <vector>

#include <tarikh/tarikh.hpp>

#include "api/laid_out.hpp"
#include "fake_shaper.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/chart_print.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/contrast.hpp"
#include "layout/quality.hpp"
#include "layout/radial_layout.hpp"
#include "layout/segments.hpp"
#include "scene_items.hpp"
#include "layout/scene_contrast.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;
namespace fs = std::filesystem;

namespace {

Color hex(unsigned rgb) {
    return {static_cast<unsigned char>(rgb >> 16), static_cast<unsigned char>(rgb >> 8), static_cast<unsigned char>(rgb), 255};
}

struct Palette {
    const char* name;
    std::vector<unsigned> colors;
};

const Palette kPalettes[] = {
    {"pale", {0xfff3b0, 0xe0f0ff}},
    {"dark", {0x202020, 0x1a1a60}},
    {"saturated", {0xff0000, 0x00ff00, 0x0000ff}},
};

// Every colour a theme has, from `palette` in turn, on a light paper or a dark one.
Theme themed(const Palette& palette, bool dark_paper) {
    Theme theme;
    auto next = [&, k = size_t{0}]() mutable { return hex(palette.colors[k++ % palette.colors.size()]); };
    if (dark_paper) {
        theme.paper = hex(0x121212);
        theme.ink = hex(0xe6e6e6);
        theme.muted = hex(0x5a5a5a);  // too dark on this paper: must be lightened
        theme.calendar.shade = hex(0x1c1c1c);
    }
    for (size_t i = 0; i < theme.lanes.size(); ++i) theme.lanes[i] = next();
    theme.unlaned = next();
    theme.chart.era = next();
    theme.chart.link = next();
    theme.chart.axis = next();
    theme.chronicle.link = next();
    theme.chronicle.rule = next();
    theme.calendar.shade = dark_paper ? theme.calendar.shade : hex(palette.colors[0]);
    return theme;
}

// The example without colours of its own, so that the theme's show; or with the palette's
// as the lanes' and the era's own.
Timeline coloured(const Palette& palette, bool own_colours) {
    Timeline t = example_timeline();
    for (size_t i = 0; i < t.lanes.size(); ++i)
        t.lanes[i].color = own_colours ? std::optional(hex(palette.colors[i % palette.colors.size()])) : std::nullopt;
    for (auto& era : t.eras) era.color = own_colours ? std::optional(hex(palette.colors[0])) : std::nullopt;
    return t;
}

using LayOut = std::function<Layout(const Timeline&, const std::string& lang, const Theme&, Shaper&)>;

const std::vector<std::pair<const char*, LayOut>>& views() {
    static const std::vector<std::pair<const char*, LayOut>> all{
        {"chart", [](const Timeline& t, const std::string& lang, const Theme& theme, Shaper& s) {
             return layout_chart(t, {.lang = lang, .theme = theme}, s);
         }},
        {"chart by era", [](const Timeline& t, const std::string& lang, const Theme& theme, Shaper& s) {
             return layout_segmented(t, {.lang = lang, .theme = theme}, SegmentKind::era, s);
         }},
        {"chart on pages", [](const Timeline& t, const std::string& lang, const Theme& theme, Shaper& s) {
             return print_chart(layout_chart(t, {.lang = lang, .theme = theme}, s),
                                {.page = *page_setup("A4", false), .locale = "", .lang = lang, .theme = theme}, s);
         }},
        {"chronicle", [](const Timeline& t, const std::string& lang, const Theme& theme, Shaper& s) {
             return layout_chronicle(t, {.languages = {lang}, .theme = theme}, s);
         }},
        {"calendar", [](const Timeline& t, const std::string& lang, const Theme& theme, Shaper& s) {
             return layout_calendar(t, {.lang = lang, .theme = theme}, s);
         }},
        {"radial", [](const Timeline& t, const std::string& lang, const Theme& theme, Shaper& s) {
             return layout_radial(t, {.lang = lang, .theme = theme}, s);
         }},
    };
    return all;
}

double min_contrast(const Timeline& t, const Layout& layout, const Theme& theme) {
    return measure_quality(t, layout, theme).min_contrast;
}

void check_every_view(const Timeline& t, const Theme& theme) {
    FakeShaper shaper;
    for (const auto& [view, lay_out] : views())
        for (const char* lang : {"en", "ar"}) {
            std::string view_name = view, language = lang;
            CAPTURE(view_name);
            CAPTURE(language);
            Layout layout = lay_out(t, lang, theme, shaper);
            REQUIRE_FALSE(layout.scene.pages.empty());
            CHECK(min_contrast(t, layout, theme) >= 4.5);
        }
}

Renderer& renderer() {
    static Renderer r = std::move(*Renderer::create(std::string(TARIKH_SOURCE_DIR) + "/fonts").value);
    return r;
}

}  // namespace

TEST_CASE("pale and dark and saturated theme colours read on a light and on a dark paper in every view") {
    for (const Palette& palette : kPalettes)
        for (bool dark_paper : {false, true}) {
            std::string palette_name = palette.name;
            CAPTURE(palette_name);
            CAPTURE(dark_paper);
            check_every_view(coloured(palette, false), themed(palette, dark_paper));
        }
}

TEST_CASE("lanes' and eras' own pale and dark and saturated colours read on a light and on a dark paper") {
    for (const Palette& palette : kPalettes)
        for (bool dark_paper : {false, true}) {
            std::string palette_name = palette.name;
            CAPTURE(palette_name);
            CAPTURE(dark_paper);
            Theme theme;
            if (dark_paper) {
                theme.paper = hex(0x121212);
                theme.ink = hex(0xe6e6e6);
                theme.muted = hex(0xa0a0a0);
            }
            check_every_view(coloured(palette, true), theme);
        }
}

TEST_CASE("a timeline file with a pale era and pale lanes reads in every view") {
    ParseResult parsed = parse_timeline(read_file(fs::path(TARIKH_TEST_DIR) / "contrast/pale-era.json"), "pale-era");
    REQUIRE(parsed.timeline);
    check_every_view(*parsed.timeline, Theme{});
}

TEST_CASE("the pale era's chronicle heading is darkened, keeping its yellow") {
    ParseResult parsed = parse_timeline(read_file(fs::path(TARIKH_TEST_DIR) / "contrast/pale-era.json"), "pale-era");
    REQUIRE(parsed.timeline);
    FakeShaper shaper;
    Layout layout = layout_chronicle(*parsed.timeline, {.languages = {"en"}}, shaper);
    const TextItem* heading = nullptr;
    for (const TextItem* text : text_items(layout.scene.pages.front().items))
        if (text->runs.front().text == "A truce, coloured pale yellow") heading = text;
    REQUIRE(heading);
    CHECK(contrast_ratio(heading->color, Color{255, 255, 255, 255}) >= 4.5);
    CHECK(contrast_ratio(heading->color, Color{255, 255, 255, 255}) < 4.7);
    CHECK(heading->color.r > heading->color.b);  // still a yellow, now an ochre
    CHECK(heading->color.g > heading->color.b);
}

TEST_CASE("every example timeline reads in every view in English and Arabic with real fonts") {
    const std::vector<std::pair<const char*, View>> kViews{
        {"chart", ChartView{}}, {"chronicle", ChronicleView{}}, {"calendar", CalendarView{}}, {"radial", RadialView{}}};
    size_t examples = 0;
    for (const auto& file : fs::directory_iterator(fs::path(TARIKH_SOURCE_DIR) / "timelines")) {
        if (file.path().extension() != ".json") continue;
        ++examples;
        Result<Timeline> timeline = load_file(file.path().string());
        REQUIRE(timeline);
        for (const auto& [name, view] : kViews)
            for (const char* lang : {"en", "ar"}) {
                CAPTURE(file.path().filename().string());
                std::string view_name = name, language = lang;
                CAPTURE(view_name);
                CAPTURE(language);
                RenderOptions options{.view = view, .languages = {lang}};
                Result<LaidOut> laid_out = renderer().lay_out(*timeline, options);
                REQUIRE(laid_out);
                CHECK(min_contrast(*timeline, laid_out->impl().layout, Theme{}) >= 4.5);
            }
    }
    CHECK(examples > 0);
}

TEST_CASE("the scene's contrast is read from what is painted behind each glyph") {
    FakeShaper shaper;
    const Color white{255, 255, 255, 255};
    auto page_with = [](std::vector<Item> items) {
        Scene scene;
        scene.pages.push_back({400, 300, std::move(items)});
        return scene;
    };
    auto text_at = [&](double x, double y, Color color) {
        return TextItem{{x, y}, color, shaper.shape("Some words", TextStyle{12, false, 0, 0, false, "en", false}).runs};
    };
    const Color grey = hex(0x777777);
    // On the bare paper, on the page's own rect, and under a translucent band composited over it.
    CHECK(min_text_contrast(page_with({text_at(10, 10, grey)}), white) == doctest::Approx(4.478).epsilon(0.0005));
    CHECK(min_text_contrast(page_with({text_at(10, 10, grey)}), hex(0x121212)) < 4.5);
    CHECK(min_text_contrast(page_with({}), white) == 21);
    Color band{0, 0, 0, 128};
    Scene banded = page_with({RectItem{{0, 0, 400, 300}, white, std::nullopt, 0}, RectItem{{0, 0, 400, 40}, band, std::nullopt, 0},
                              text_at(10, 10, hex(0x404040))});
    CHECK(min_text_contrast(banded, white) == doctest::Approx(contrast_ratio(hex(0x404040), over(band, white))));
    // A rect painted after the text is not behind it; one elsewhere is not either.
    Scene after = page_with({text_at(10, 10, grey), RectItem{{0, 0, 400, 300}, hex(0x777777), std::nullopt, 0},
                             RectItem{{200, 200, 50, 50}, hex(0x777777), std::nullopt, 0}});
    CHECK(min_text_contrast(after, white) == doctest::Approx(4.478).epsilon(0.0005));
    // A filled circle under part of the text, and a group moving its items onto a dark rect.
    Scene dot = page_with({CircleItem{{16, 18}, 4, hex(0x777777), std::nullopt}, text_at(10, 10, hex(0x202020))});
    CHECK(min_text_contrast(dot, white) == doctest::Approx(contrast_ratio(hex(0x202020), hex(0x777777))));
    Group moved;
    moved.offset = {0, 200};
    moved.items.push_back(text_at(10, 10, hex(0x303030)));
    Scene grouped = page_with({RectItem{{0, 200, 400, 40}, hex(0x202020), std::nullopt, 0}, moved});
    CHECK(min_text_contrast(grouped, white) == doctest::Approx(contrast_ratio(hex(0x303030), hex(0x202020))));
}
