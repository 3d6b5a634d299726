// Themes as JSON: the built-ins, a theme file's errors, and each field reaching every view
// that draws what it sets (a test per field, each failing when the field is ignored).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include <tarikh/tarikh.hpp>

#include "api/laid_out.hpp"
#include "fake_shaper.hpp"
#include "io/theme_file.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/chart_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/radial_layout.hpp"
#include "layout/segments.hpp"
#include "scene/scene_dump.hpp"
#include "test_files.hpp"

using namespace tarikh;
using namespace tarikh::testing;

namespace {

// A theme from JSON text, which must have no problem.
Theme themed(const char* text, const std::string& folder = "/themes") {
    std::vector<ThemeProblem> problems;
    Theme theme = read_theme(nlohmann::json::parse(text), "", folder, problems);
    for (const auto& p : problems) FAIL_CHECK(p.pointer << ": " << p.message);
    return theme;
}

// The problems of a theme, as "POINTER: MESSAGE".
std::vector<std::string> problems_of(const char* text) {
    std::vector<ThemeProblem> problems;
    read_theme(nlohmann::json::parse(text), "", ".", problems);
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.pointer + ": " + p.message + (p.hints.empty() ? "" : " (" + p.hints[0] + ")"));
    return out;
}

using LayoutOf = std::function<Layout(const Timeline&, const Theme&)>;

std::vector<std::pair<std::string, LayoutOf>> views(FakeShaper& shaper) {
    return {
        {"chart", [&](const Timeline& t, const Theme& theme) { return layout_chart(t, {.lang = "en", .theme = theme}, shaper); }},
        {"chronicle", [&](const Timeline& t, const Theme& theme) {
             return layout_chronicle(t, {.languages = {"en"}, .theme = theme}, shaper);
         }},
        {"calendar", [&](const Timeline& t, const Theme& theme) { return layout_calendar(t, {.lang = "en", .theme = theme}, shaper); }},
        {"radial", [&](const Timeline& t, const Theme& theme) { return layout_radial(t, {.lang = "en", .theme = theme}, shaper); }},
    };
}

void each_item(const std::vector<Item>& items, const std::function<void(const Item&)>& f) {
    for (const auto& item : items) {
        f(item);
        if (const auto* group = as_group(item)) each_item(group->items, f);
    }
}

void each_item(const Layout& layout, const std::function<void(const Item&)>& f) {
    for (const auto& page : layout.scene.pages) each_item(page.items, f);
}

std::vector<Box> boxes(const Layout& layout, BoxKind kind) {
    std::vector<Box> out;
    for (const auto& b : layout.boxes)
        if (b.kind == kind) out.push_back(b.box);
    return out;
}

bool draws_color(const Layout& layout, Color c) {
    bool found = false;
    each_item(layout, [&](const Item& item) {
        std::visit([&](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, RectItem> || std::is_same_v<T, CircleItem>)
                found |= i.fill == c || (i.stroke && i.stroke->color == c);
            else if constexpr (std::is_same_v<T, LineItem>)
                found |= i.stroke.color == c;
            else if constexpr (std::is_same_v<T, TextItem>)
                found |= i.color == c;
        }, item);
    });
    return found;
}

std::set<double> text_sizes(const Layout& layout) {
    std::set<double> sizes;
    each_item(layout, [&](const Item& item) {
        if (const auto* text = std::get_if<TextItem>(&item))
            for (const auto& run : text->runs) sizes.insert(run.size);
    });
    return sizes;
}

// The example with no colour of its own on its lanes and eras: the theme's show.
Timeline uncoloured() {
    Timeline t = example_timeline();
    for (auto& lane : t.lanes) lane.color.reset();
    for (auto& era : t.eras) era.color.reset();
    return t;
}

}  // namespace

TEST_CASE("the built-in themes read without a problem") {
    for (const auto& name : builtin_theme_names()) {
        CAPTURE(name);
        auto theme = load_theme(name);
        CHECK(std::holds_alternative<Theme>(theme));
    }
}

TEST_CASE("themes/default.json says what the default theme is") {
    auto file = load_theme(std::string(TARIKH_SOURCE_DIR) + "/themes/default.json");
    REQUIRE(std::holds_alternative<Theme>(file));
    const Theme& t = std::get<Theme>(file);
    const Theme d;
    CHECK(t.paper == d.paper);
    CHECK(t.ink == d.ink);
    CHECK(t.muted == d.muted);
    CHECK(t.chart.grid == d.chart.grid);
    CHECK(t.chart.era == d.chart.era);
    CHECK(t.chart.link == d.chart.link);
    CHECK(t.lanes == d.lanes);
    CHECK(t.font_families == d.font_families);
    CHECK(t.title_size == d.title_size);
    CHECK(t.label_size == d.label_size);
    CHECK(t.meta_size == d.meta_size);
    CHECK(t.chart.label_gap == d.chart.label_gap);
    CHECK(t.margin == d.margin);
    CHECK(t.label_style == d.label_style);
    CHECK(t.legend == d.legend);
    CHECK(t.subtitle == d.subtitle);
    CHECK(t.lane_shapes == d.lane_shapes);
    CHECK(t.grey_own_colors == d.grey_own_colors);
}

TEST_CASE("a theme extends a built-in and changes only what it says") {
    Theme t = themed(R"({"extends": "dark", "margin": 10})");
    Theme dark = std::get<Theme>(load_theme("dark"));
    CHECK(t.paper == dark.paper);
    CHECK(t.margin == 10);
    CHECK(dark.margin == Theme{}.margin);
}

TEST_CASE("a theme's mistakes are errors with their place and a hint") {
    CHECK(problems_of(R"({"colours": {}})") ==
          std::vector<std::string>{"/colours: unknown key \"colours\" (did you mean \"colors\"?)"});
    CHECK(problems_of(R"({"colors": {"paper": "white"}})") ==
          std::vector<std::string>{"/colors/paper: expected a colour like \"#8e2c2c\", found \"white\""});
    CHECK(problems_of(R"({"colors": {"lanes": []}})") ==
          std::vector<std::string>{"/colors/lanes: expected at least one colour, found none"});
    CHECK(problems_of(R"({"sizes": {"label": -3}})") ==
          std::vector<std::string>{"/sizes/label: expected a number of px from 6 to 72, found a number (-3)"});
    CHECK(problems_of(R"({"extends": "darkk"})") ==
          std::vector<std::string>{"/extends: expected one of default, print, dark, compact, found \"darkk\" (did you mean \"dark\"?)"});
    CHECK(problems_of(R"({"legend": "left"})") ==
          std::vector<std::string>{"/legend: expected one of top, bottom, none, found \"left\""});
    CHECK(problems_of(R"([])") == std::vector<std::string>{": expected a theme object, found an array"});
}

TEST_CASE("a theme file's errors are located by line and column") {
    auto dir = std::filesystem::temp_directory_path() / "tarikh-theme-test";
    std::filesystem::create_directories(dir);
    auto path = dir / "bad.json";
    std::ofstream(path) << "{\n  \"colors\": {\n    \"ink\": \"#12345\"\n  }\n}\n";
    auto loaded = load_theme(path.string());
    REQUIRE(std::holds_alternative<Diagnostics>(loaded));
    const Diagnostic& d = std::get<Diagnostics>(loaded).front();
    CHECK(format_diagnostic(d) == path.string() + ":3:12: error: /colors/ink: expected a colour like \"#8e2c2c\", found \"#12345\"");
    std::filesystem::remove_all(dir);
}

TEST_CASE("an unknown built-in name lists the built-ins") {
    auto loaded = load_theme("sepia");
    REQUIRE(std::holds_alternative<Diagnostics>(loaded));
    CHECK(std::get<Diagnostics>(loaded).front().message ==
          "expected a built-in theme (default, print, dark, compact) or a theme file's path, found \"sepia\"");
}

TEST_CASE("a theme's fonts: families in order, files from the theme's folder") {
    const std::string source = TARIKH_SOURCE_DIR;
    const std::string absolute = source + "/fonts/NotoSans-Bold.ttf";
    Theme t = themed((R"({"fonts": {"families": ["Vazirmatn", "Noto Sans"], "files": ["../fonts/Amiri-Regular.ttf", ")" +
                         absolute + R"("]}})").c_str(),
                     source + "/themes");
    CHECK(t.font_families == std::vector<std::string>{"Vazirmatn", "Noto Sans"});
    CHECK(t.font_files == std::vector<std::string>{source + "/fonts/Amiri-Regular.ttf", absolute});
}

TEST_CASE("a theme naming a font file that is not there is an error where it names it") {
    std::vector<ThemeProblem> problems;
    read_theme(nlohmann::json::parse(R"({"fonts": {"files": ["fonts/Missing.ttf"]}})"), "", "/tmp/house", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/fonts/files/0");
    CHECK(problems[0].message == "expected a font file, found nothing at \"/tmp/house/fonts/Missing.ttf\"");
}

TEST_CASE("theme field: paper, ink and muted reach every view") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    Theme theme = themed(R"({"colors": {"paper": "#fafaf0", "ink": "#101820", "muted": "#505a60"}})");
    for (const auto& [name, view] : views(shaper)) {
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        Layout layout = view(t, theme);
        CHECK(std::get<RectItem>(layout.scene.pages[0].items.front()).fill == Color{250, 250, 240, 255});
        CHECK(draws_color(layout, Color{16, 24, 32, 255}));
        CHECK(draws_color(layout, Color{80, 90, 96, 255}));
    }
}

TEST_CASE("theme field: the lane palette, of any length, in every view") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    Theme one = themed(R"({"colors": {"lanes": ["#123456"]}})");
    Theme seven = themed(R"({"colors": {"lanes": ["#000001", "#000002", "#000003", "#000004", "#000005", "#000006", "#000007"]}})");
    for (const auto& [name, view] : views(shaper)) {
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        CHECK(draws_color(view(t, one), Color{18, 52, 86, 255}));
        Layout layout = view(t, seven);
        CHECK(draws_color(layout, Color{0, 0, 5, 255}));  // the fifth lane
    }
    // A lane's own colour still wins.
    Timeline coloured = example_timeline();
    CHECK_FALSE(draws_color(views(shaper)[0].second(coloured, one), Color{18, 52, 86, 255}));
}

TEST_CASE("theme field: markers by shape in every view and the legend") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    Theme shapes = themed(R"({"markers": "shapes"})");
    for (const auto& [name, view] : views(shaper)) {
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        std::set<MarkerShape> seen;
        each_item(view(t, shapes), [&](const Item& item) {
            if (const auto* c = std::get_if<CircleItem>(&item)) seen.insert(c->shape);
        });
        CHECK(seen.count(MarkerShape::square));
        CHECK(seen.count(MarkerShape::triangle));
        CHECK(seen.count(MarkerShape::diamond));
        std::set<MarkerShape> plain;
        each_item(view(t, Theme{}), [&](const Item& item) {
            if (const auto* c = std::get_if<CircleItem>(&item)) plain.insert(c->shape);
        });
        CHECK(plain == std::set<MarkerShape>{MarkerShape::circle});
    }
}

TEST_CASE("theme field: grid colours the grid and rules of every view") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    Theme theme = themed(R"({"colors": {"grid": "#0a0b0c"}})");
    for (const auto& [name, view] : views(shaper)) {
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        CHECK(draws_color(view(t, theme), Color{10, 11, 12, 255}));
    }
}

TEST_CASE("theme field: era fill in the chart, accent on links in chart and chronicle") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    Theme theme = themed(R"({"colors": {"era": "#000000", "accent": "#0d0e0f"}})");
    Layout chart = views(shaper)[0].second(t, theme);
    bool era_fill = false;  // the band is the era colour made paler: black gives a grey
    each_item(chart, [&](const Item& item) {
        if (const auto* r = std::get_if<RectItem>(&item))
            era_fill |= r->fill && r->fill->r == r->fill->g && r->fill->g == r->fill->b && r->fill->r == 140;
    });
    CHECK(era_fill);
    CHECK(draws_color(chart, Color{13, 14, 15, 255}));
    Timeline linked = uncoloured();
    linked.sources.push_back({"src", {}, "https://example.org"});
    linked.events.front().sources.push_back("src");
    CHECK(draws_color(views(shaper)[1].second(linked, theme), Color{13, 14, 15, 255}));
}

TEST_CASE("theme field: base, title and label sizes in every view") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    for (const auto& [name, view] : views(shaper)) {
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        std::set<double> plain = text_sizes(view(t, Theme{}));
        std::set<double> base = text_sizes(view(t, themed(R"({"sizes": {"base": 21}})")));
        CHECK(*base.begin() == doctest::Approx(*plain.begin() * 2));
        if (name != "chronicle") {  // the chronicle shows no document title
            CHECK(text_sizes(view(t, themed(R"({"sizes": {"title": 40}})"))).count(40));
        }
        std::set<double> label = text_sizes(view(t, themed(R"({"sizes": {"label": 24}})")));
        CHECK(label != plain);
    }
}

TEST_CASE("theme field: margin and spacing in the chart, calendar and ring") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    auto all = views(shaper);
    for (int v : {0, 2, 3}) {
        const auto& [name, view] = all[v];
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        Layout plain = view(t, Theme{});
        Layout wide = view(t, themed(R"({"margin": 80})"));
        CHECK(boxes(wide, BoxKind::title).front().y == 80);
        CHECK(wide.scene.pages[0].width > plain.scene.pages[0].width);
        Layout tight = view(t, themed(R"({"spacing": 0.3})"));
        CHECK(tight.scene.pages[0].height < plain.scene.pages[0].height);
    }
    // The chronicle's margins are its paper's; its spacing is the theme's.
    Layout plain = all[1].second(t, Theme{});
    Layout tight = all[1].second(t, themed(R"({"spacing": 0.3})"));
    REQUIRE(!boxes(plain, BoxKind::entry).empty());
    CHECK(boxes(tight, BoxKind::entry).front().x < boxes(plain, BoxKind::entry).front().x);
}

TEST_CASE("theme field: subtitle off in every view that shows one") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    auto all = views(shaper);
    for (int v : {0, 2, 3}) {
        const auto& [name, view] = all[v];
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        CHECK(boxes(view(t, Theme{}), BoxKind::subtitle).size() == 1);
        CHECK(boxes(view(t, themed(R"({"subtitle": false})")), BoxKind::subtitle).empty());
    }
}

TEST_CASE("theme field: plain labels have no frame, in the chart and the ring") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    auto all = views(shaper);
    for (int v : {0, 3}) {
        const auto& [name, view] = all[v];
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        auto framed = [](const Layout& layout) {
            size_t n = 0;
            each_item(layout, [&](const Item& item) {
                if (const auto* r = std::get_if<RectItem>(&item)) n += r->stroke && r->radius == 3 && !r->stroke->dash.size();
            });
            return n;
        };
        CHECK(framed(view(t, Theme{})) >= t.events.size());
        CHECK(framed(view(t, themed(R"({"labels": "plain"})"))) == 0);
    }
}

TEST_CASE("theme field: the chart's legend on top, below the axis, or none") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    auto all = views(shaper);
    const LayoutOf& chart = all[0].second;
    auto axis_y = [](const Layout& l) { return boxes(l, BoxKind::axis).front().y; };
    Layout top = chart(t, Theme{});
    REQUIRE(!boxes(top, BoxKind::legend).empty());
    CHECK(boxes(top, BoxKind::legend).front().y < axis_y(top));
    Layout bottom = chart(t, themed(R"({"legend": "bottom"})"));
    REQUIRE(!boxes(bottom, BoxKind::legend).empty());
    CHECK(boxes(bottom, BoxKind::legend).front().y > axis_y(bottom));
    CHECK(boxes(bottom, BoxKind::legend).back().bottom() <= bottom.scene.pages[0].height);
    CHECK(boxes(chart(t, themed(R"({"legend": "none"})")), BoxKind::legend).empty());
}

TEST_CASE("theme field: the file's own lane and era colours as greys, in every view") {
    FakeShaper shaper;
    Timeline t = example_timeline();  // its lanes' own colours: #8e2c2c is the first
    Theme grey = themed(R"({"own_colors": "grey"})");
    const Color red{142, 44, 44, 255}, its_grey{73, 73, 73, 255};  // 0.299 R + 0.587 G + 0.114 B
    for (const auto& [name, view] : views(shaper)) {
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        CHECK(draws_color(view(t, Theme{}), red));
        Layout layout = view(t, grey);
        CHECK_FALSE(draws_color(layout, red));
        CHECK(draws_color(layout, its_grey));
    }
    bool era_grey = true;  // the era's band: #d9b44a made paler, a grey once greyed
    each_item(views(shaper)[0].second(t, grey), [&](const Item& item) {
        if (const auto* r = std::get_if<RectItem>(&item))
            if (r->fill && r->fill->a == 90) era_grey &= r->fill->r == r->fill->g && r->fill->g == r->fill->b;
    });
    CHECK(era_grey);
}

// The default theme's are the example's own goldens: loading it by name changes nothing.
TEST_CASE("golden scene dumps of the example in each built-in theme, English and Arabic") {
    Timeline t = example_timeline();
    FakeShaper shaper;
    for (const auto& name : builtin_theme_names())
        for (std::string lang : {"en", "ar"}) {
            const auto captured_name = name;  // clang 14 cannot capture a structured binding
            CAPTURE(captured_name);
            CAPTURE(lang);
            Theme theme = std::get<Theme>(load_theme(name));
            std::string golden = "idlib-" + lang + (name == "default" ? "" : "-theme-" + name) + ".scene.txt";
            check_golden(golden, dump_scene(layout_chart(t, {.lang = lang, .theme = theme}, shaper).scene));
        }
}

namespace {

// A small timeline with `theme` as its "theme" member.
std::string with_theme(const std::string& theme) {
    return R"({"format": "tarikh/1", "title": "T", "theme": )" + theme +
           R"(, "events": [{"id": "a", "date": "2020-01-01", "title": "A"}]})";
}

}  // namespace

TEST_CASE("a timeline names a built-in theme or holds its own, checked where it stands") {
    ParseResult named = parse_timeline(with_theme(R"("dark")"), "t.json");
    REQUIRE(named.timeline);
    CHECK(named.timeline->theme.name == "dark");

    ParseResult own = parse_timeline(with_theme(R"({"colors": {"paper": "#000000"}})"), "/data/t.json");
    REQUIRE(own.timeline);
    CHECK(own.timeline->theme.object == R"({"colors":{"paper":"#000000"}})");
    CHECK(own.timeline->theme.folder == "/data");

    ParseResult typo = parse_timeline(with_theme(R"("drak")"), "t.json");
    REQUIRE(typo.diagnostics.size() == 1);
    CHECK(format_diagnostic(typo.diagnostics[0]) ==
          "t.json:1:47: error: /theme: expected a built-in theme (default, print, dark or compact) or a theme object, "
          "found \"drak\"\nhint: did you mean \"dark\"?");

    ParseResult wrong = parse_timeline(with_theme(R"({"colors": {"ink": "black"}})"), "t.json");
    REQUIRE(wrong.diagnostics.size() == 1);
    CHECK(format_diagnostic(wrong.diagnostics[0]) ==
          "t.json:1:66: error: /theme/colors/ink: expected a colour like \"#8e2c2c\", found \"black\"");
}

TEST_CASE("the renderer lays out with the file's theme unless the options name another") {
    static Renderer renderer = std::move(*Renderer::create(std::string(TARIKH_SOURCE_DIR) + "/fonts").value);
    // The theme's font files are found beside the timeline that names them.
    const std::string source = TARIKH_SOURCE_DIR;
    Result<Timeline> t = load_string(with_theme(R"({"extends": "dark", "fonts": {"files": ["../fonts/Amiri-Bold.ttf"]}})"),
                                     source + "/tests/t.json");
    REQUIRE(t);
    const Theme dark = std::get<Theme>(load_theme("dark"));
    Result<LaidOut> own = renderer.lay_out(*t, RenderOptions{});
    REQUIRE(own);
    CHECK(own->impl().theme.paper == dark.paper);
    CHECK(own->impl().theme.font_files ==
          std::vector<std::string>{std::filesystem::path(source + "/fonts/Amiri-Bold.ttf").lexically_normal().string()});
    CHECK(std::get<RectItem>(own->impl().layout.scene.pages[0].items.front()).fill == dark.paper);

    Result<LaidOut> chosen = renderer.lay_out(*t, RenderOptions{.theme = "print"});
    REQUIRE(chosen);
    CHECK(chosen->impl().theme.lane_shapes);
    CHECK(chosen->impl().theme.paper == Theme{}.paper);

    Result<Timeline> named = load_string(with_theme(R"("compact")"), "t.json");
    Result<LaidOut> by_name = renderer.lay_out(*named, RenderOptions{});
    CHECK(by_name->impl().theme.margin == std::get<Theme>(load_theme("compact")).margin);

    CHECK(check_options(RenderOptions{.theme = "sepia"}).size() == 1);
    CHECK(check_options(RenderOptions{.theme = "dark"}).empty());
    CHECK(check_options(RenderOptions{.theme = "my/sepia"}).empty());  // a file: read when used
    Diagnostics missing = check_theme("/nonexistent/theme.json");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].file == "/nonexistent/theme.json");
    Result<LaidOut> failed = renderer.lay_out(*t, RenderOptions{.theme = "/nonexistent/theme.json"});
    CHECK_FALSE(failed);
}

TEST_CASE("theme field: a segmented chart's legend below goes under its last panel") {
    FakeShaper shaper;
    Timeline t = uncoloured();
    Theme below = themed(R"({"legend": "bottom"})");
    Layout layout = layout_segmented(t, {.lang = "en", .theme = below}, SegmentKind::month, shaper);
    std::vector<Box> axes = boxes(layout, BoxKind::axis), legend = boxes(layout, BoxKind::legend);
    REQUIRE(axes.size() > 1);
    REQUIRE(!legend.empty());
    double last_axis = 0;
    for (const auto& a : axes) last_axis = std::max(last_axis, a.y);
    CHECK(legend.front().y > last_axis);
    Layout top = layout_segmented(t, {.lang = "en"}, SegmentKind::month, shaper);
    CHECK(boxes(top, BoxKind::legend).front().y < boxes(top, BoxKind::axis).front().y);
}

TEST_CASE("a hostile theme file is refused within bounds") {
    auto dir = std::filesystem::temp_directory_path() / "tarikh-theme-hostile";
    std::filesystem::create_directories(dir);
    auto deep = dir / "deep.json";
    std::ofstream(deep) << std::string(100000, '[');
    auto loaded = load_theme(deep.string());
    REQUIRE(std::holds_alternative<Diagnostics>(loaded));
    CHECK(std::get<Diagnostics>(loaded).front().message == "expected JSON nested at most 8 levels deep, found more");
    auto large = dir / "large.json";
    std::ofstream(large) << "{\"description\": \"" << std::string(2u << 20, 'x') << "\"}";
    loaded = load_theme(large.string());
    REQUIRE(std::holds_alternative<Diagnostics>(loaded));
    CHECK(std::get<Diagnostics>(loaded).size() == 1);
    loaded = load_theme(dir.string() + "/");  // a folder
    CHECK(std::holds_alternative<Diagnostics>(loaded));
    std::filesystem::remove_all(dir);
}

TEST_CASE("compact is tighter than default, its text no smaller than 9 px") {
    FakeShaper shaper;
    Timeline t = example_timeline();
    const Theme compact = std::get<Theme>(load_theme("compact"));
    for (const auto& [name, view] : views(shaper)) {
        const auto captured_name = name;  // clang 14 cannot capture a structured binding
        CAPTURE(captured_name);
        Layout tight = view(t, compact), plain = view(t, Theme{});
        if (name == "chronicle")  // pages of its paper's size: the text starts nearer the time line
            CHECK(boxes(tight, BoxKind::entry).front().x < boxes(plain, BoxKind::entry).front().x);
        else
            CHECK(tight.scene.pages[0].height * tight.scene.pages[0].width <
                  plain.scene.pages[0].height * plain.scene.pages[0].width);
        // The calendar's date lines are 8.5 px in every theme, the default's too (legibility is --width's work).
        if (name != "calendar") CHECK(*text_sizes(tight).begin() >= 9);
    }
}
