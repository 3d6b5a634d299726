#include "io/theme_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <optional>
#include <sstream>

#include "files/read_input.hpp"
#include "io/builtin_themes.hpp"
#include "layout/contrast.hpp"
#include "io/json_checks.hpp"
#include "io/json_positions.hpp"

namespace tarikh {
namespace {

using json = nlohmann::json;

constexpr size_t kMaxThemeBytes = 1u << 20;  // a theme is a page of settings
constexpr int kMaxThemeDepth = 8;

// The text sizes a theme's "base" scales: every size but the title's and the labels'.
template <class F>
void each_text_size(Theme& t, F&& f) {
    for (double* size : {&t.subtitle_size, &t.meta_size, &t.page_text_size, &t.chart.heading_size, &t.chart.lane_size,
                         &t.chart.link_size, &t.chart.tick_size, &t.chart.legend_size, &t.chart.era_size,
                         &t.chronicle.era_size, &t.chronicle.era_range_size, &t.chronicle.date_size,
                         &t.chronicle.meta_size, &t.chronicle.pull_quote_size, &t.chronicle.body_size,
                         &t.chronicle.figures_size, &t.chronicle.link_size, &t.chronicle.source_size,
                         &t.chronicle.speaker_size, &t.chronicle.continued_size, &t.calendar.meta_size,
                         &t.calendar.heading_size, &t.calendar.weekday_size, &t.calendar.day_size, &t.radial.tick_size})
        f(*size);
}

// The gaps a theme's "spacing" scales.
template <class F>
void each_gap(Theme& t, F&& f) {
    for (double* gap : {&t.chart.label_gap, &t.chart.row_gap, &t.chart.leader_room,
                        &t.chart.lane_gap, &t.chart.track_gap, &t.chart.panel_gap, &t.chronicle.column_gap, &t.chronicle.gutter,
                        &t.calendar.pad, &t.calendar.grid_gap, &t.radial.gap, &t.radial.column_gap})
        f(*gap);
}

// A path made absolute, so that it means the same file wherever the layout runs.
std::string absolute_path(const std::filesystem::path& path) {
    std::error_code error;
    std::filesystem::path out = std::filesystem::absolute(path, error);
    return (error ? path : out).lexically_normal().string();
}

std::string found(const json& v) {
    switch (v.type()) {
        case json::value_t::string: return quote(v.get<std::string>());
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean (" + v.dump() + ")";
        default: return "a number (" + v.dump() + ")";
    }
}

std::string listed(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

class ThemeReader {
public:
    ThemeReader(const std::string& folder, std::vector<ThemeProblem>& problems) : folder_(folder), problems_(problems) {}

    Theme read(const json& object, const std::string& at, int depth) {
        Theme theme;
        if (!object.is_object()) {
            error(at, "expected a theme object, found " + found(object));
            return theme;
        }
        keys(object, at, {"description", "extends", "fonts", "sizes", "colors", "margin", "spacing", "labels", "markers",
                          "own_colors", "legend", "subtitle"});
        if (auto base = word(object, "extends", at, builtin_theme_names())) theme = builtin(*base, at + "/extends", depth);
        if (auto it = object.find("description"); it != object.end() && !it->is_string())
            error(at + "/description", "expected a string, found " + found(*it));
        fonts(object, at, theme);
        sizes(object, at, theme);
        colors(object, at, theme);
        if (auto margin = number(object, "margin", at, 0, 400)) theme.margin = *margin;
        if (auto spacing = number(object, "spacing", at, 0.1, 4)) each_gap(theme, [&](double& gap) { gap *= *spacing; });
        if (auto labels = word(object, "labels", at, {"boxed", "plain"}))
            theme.label_style = *labels == "plain" ? LabelStyle::plain : LabelStyle::boxed;
        if (auto markers = word(object, "markers", at, {"circles", "shapes"})) theme.lane_shapes = *markers == "shapes";
        if (auto own = word(object, "own_colors", at, {"keep", "grey"})) theme.grey_own_colors = *own == "grey";
        if (auto legend = word(object, "legend", at, {"top", "bottom", "none"}))
            theme.legend = *legend == "top" ? LegendPlace::top : *legend == "bottom" ? LegendPlace::bottom : LegendPlace::none;
        if (auto it = object.find("subtitle"); it != object.end()) {
            if (it->is_boolean()) theme.subtitle = it->get<bool>();
            else error(at + "/subtitle", "expected true or false, found " + found(*it));
        }
        return theme;
    }

private:
    void error(const std::string& pointer, std::string message, std::vector<std::string> hints = {}, bool at_key = false) {
        problems_.push_back({pointer, std::move(message), std::move(hints), at_key});
    }

    // Unknown keys are errors: a theme is short, and a misspelt key would be a look silently lost.
    void keys(const json& object, const std::string& at, const std::vector<std::string>& known) {
        for (const auto& [key, value] : object.items()) {
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            std::vector<std::string> hints;
            if (auto near = nearest(key, known)) hints.push_back("did you mean " + quote(*near) + "?");
            else hints.push_back("a theme's keys are " + listed(known));
            error(at + "/" + pointer_token(key), "unknown key " + quote(key), std::move(hints), true);
        }
    }

    const json* member(const json& object, const char* key, const std::string& at, json::value_t type, const char* what) {
        auto it = object.find(key);
        if (it == object.end()) return nullptr;
        if (it->type() != type) {
            error(at + "/" + key, std::string("expected ") + what + ", found " + found(*it));
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> word(const json& object, const char* key, const std::string& at,
                                    const std::vector<std::string>& words) {
        const std::string quoted = "one of " + listed(words);
        const json* v = member(object, key, at, json::value_t::string, quoted.c_str());
        if (!v) return std::nullopt;
        std::string s = v->get<std::string>();
        if (std::find(words.begin(), words.end(), s) != words.end()) return s;
        std::vector<std::string> hints;
        if (auto near = nearest(s, words)) hints.push_back("did you mean " + quote(*near) + "?");
        error(at + "/" + key, "expected " + quoted + ", found " + found(*v), std::move(hints));
        return std::nullopt;
    }

    std::optional<double> number(const json& object, const char* key, const std::string& at, double low, double high) {
        auto it = object.find(key);
        if (it == object.end()) return std::nullopt;
        auto text = [](double v) {
            std::ostringstream s;
            s << v;
            return s.str();
        };
        std::string expected = "a number of px from " + text(low) + " to " + text(high);
        if (!it->is_number() || it->get<double>() < low || it->get<double>() > high) {
            error(at + "/" + key, "expected " + expected + ", found " + found(*it));
            return std::nullopt;
        }
        return it->get<double>();
    }

    std::optional<Color> color(const json& value, const std::string& pointer) {
        bool ok = value.is_string();
        std::string s = ok ? value.get<std::string>() : "";
        ok = ok && s.size() == 7 && s[0] == '#' &&
             std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        if (!ok) {
            error(pointer, "expected a colour like \"#8e2c2c\", found " + found(value));
            return std::nullopt;
        }
        auto hex = [&](int i) { return static_cast<unsigned char>(std::stoi(s.substr(i, 2), nullptr, 16)); };
        return Color{hex(1), hex(3), hex(5), 255};
    }

    Theme builtin(const std::string& name, const std::string& pointer, int depth) {
        if (depth >= 4) {  // built-ins extend one another at most a step or two
            error(pointer, "expected a theme that does not extend itself, found " + quote(name));
            return Theme{};
        }
        if (name == "default") return Theme{};  // today's look, exactly (see load_theme)
        std::vector<ThemeProblem> inner;
        Theme theme = ThemeReader("", inner).read(json::parse(builtin_theme_text(name)), "", depth + 1);
        for (auto& p : inner) error(pointer, "the built-in theme " + quote(name) + " is broken: " + p.pointer + ": " + p.message);
        return theme;
    }

    void fonts(const json& object, const std::string& at, Theme& theme) {
        const json* fonts = member(object, "fonts", at, json::value_t::object, "an object");
        if (!fonts) return;
        const std::string p = at + "/fonts";
        keys(*fonts, p, {"families", "files"});
        if (auto families = strings(*fonts, "families", p, "a font family")) {
            // The shaper is given the families joined by commas: a comma in one would split it in two.
            bool commas = false;
            for (size_t i = 0; i < families->size(); ++i)
                if ((*families)[i].find(',') != std::string::npos) {
                    commas = true;
                    error(p + "/families/" + std::to_string(i),
                          "expected a font family without a comma, found " + quote((*families)[i]),
                          {"give each family as a string of its own, in fallback order"});
                }
            if (families->empty()) error(p + "/families", "expected at least one font family, found none");
            else if (!commas) theme.font_families = *families;
        }
        if (auto files = strings(*fonts, "files", p, "a font file's path")) {
            theme.font_files.clear();
            for (size_t i = 0; i < files->size(); ++i) {
                std::string path = absolute_path(std::filesystem::path(folder_) / (*files)[i]);
                // Said here, where the theme names it, rather than when the fonts are loaded.
                std::error_code ec;
                if (!std::filesystem::is_regular_file(path, ec))
                    error(p + "/files/" + std::to_string(i),
                          "expected a font file, found " +
                              std::string(std::filesystem::exists(path, ec) ? "something else" : "nothing") + " at " + quote(path),
                          {"a font file's path is read from the folder of the file that names it"});
                theme.font_files.push_back(std::move(path));
            }
        }
    }

    std::optional<std::vector<std::string>> strings(const json& object, const char* key, const std::string& at, const char* what) {
        const json* list = member(object, key, at, json::value_t::array, "an array");
        if (!list) return std::nullopt;
        std::vector<std::string> out;
        for (size_t i = 0; i < list->size(); ++i) {
            const json& v = (*list)[i];
            if (v.is_string() && !v.get<std::string>().empty()) out.push_back(v.get<std::string>());
            else error(at + "/" + key + "/" + std::to_string(i), std::string("expected ") + what + ", found " + found(v));
        }
        return out;
    }

    void sizes(const json& object, const std::string& at, Theme& theme) {
        const json* sizes = member(object, "sizes", at, json::value_t::object, "an object");
        if (!sizes) return;
        const std::string p = at + "/sizes";
        keys(*sizes, p, {"base", "title", "label"});
        // The base first: title and label scale with it unless given.
        if (auto base = number(*sizes, "base", p, 6, 72)) {
            double factor = *base / theme.meta_size;
            each_text_size(theme, [&](double& size) { size *= factor; });
            for (double* size : {&theme.title_size, &theme.label_size, &theme.calendar.title_size,
                                 &theme.chronicle.title_size, &theme.chronicle.major_title_size})
                *size *= factor;
        }
        if (auto title = number(*sizes, "title", p, 6, 144)) theme.title_size = *title;
        if (auto label = number(*sizes, "label", p, 6, 72)) {
            double factor = *label / theme.label_size;
            for (double* size : {&theme.label_size, &theme.calendar.title_size, &theme.chronicle.title_size,
                                 &theme.chronicle.major_title_size})
                *size *= factor;
        }
    }

    // Each colour, and the finer ones that follow it (docs/themes.md).
    void colors(const json& object, const std::string& at, Theme& theme) {
        const json* colors = member(object, "colors", at, json::value_t::object, "an object");
        if (!colors) return;
        const std::string p = at + "/colors";
        keys(*colors, p, {"paper", "ink", "muted", "grid", "era", "accent", "lanes"});
        auto get = [&](const char* key) -> std::optional<Color> {
            auto it = colors->find(key);
            return it == colors->end() ? std::nullopt : color(*it, p + "/" + key);
        };
        if (auto c = get("paper")) theme.paper = *c;
        if (auto c = get("ink")) theme.ink = *c;
        if (colors->contains("paper") || colors->contains("ink")) theme.calendar.shade = mix(theme.paper, theme.ink, 0.04);
        if (auto c = get("muted")) theme.muted = theme.chart.axis = theme.print.mark = *c;
        if (auto c = get("grid"))
            theme.chart.grid = theme.calendar.rule = theme.chronicle.rule = theme.radial.label_border = theme.radial.ring = *c;
        if (auto c = get("era")) theme.chart.era = *c;
        if (auto c = get("accent")) theme.chart.link = theme.chronicle.link = *c;
        const json* lanes = member(*colors, "lanes", p, json::value_t::array, "an array of colours");
        if (!lanes) return;
        if (lanes->empty()) {
            error(p + "/lanes", "expected at least one colour, found none");
            return;
        }
        std::vector<Color> palette;
        for (size_t i = 0; i < lanes->size(); ++i)
            if (auto c = color((*lanes)[i], p + "/lanes/" + std::to_string(i))) palette.push_back(*c);
        if (palette.size() == lanes->size()) {
            theme.lanes = palette;
            theme.unlaned = palette.front();
        }
    }

    const std::string& folder_;
    std::vector<ThemeProblem>& problems_;
};

// Problems of a theme read from `text` (the whole of `file`), located.
Diagnostics located(const std::vector<ThemeProblem>& problems, std::string_view text, const std::string& file) {
    JsonPositions positions(text);
    Diagnostics out;
    for (const auto& p : problems) {
        TextPosition at = p.at_key ? positions.find_key(p.pointer) : positions.find(p.pointer);
        out.push_back({Severity::error, file, at.line, at.column, p.pointer, p.message, p.hints});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
    return out;
}

std::variant<Theme, Diagnostics> theme_of_text(std::string_view text, const std::string& file, const std::string& folder) {
    auto fail = [&](size_t offset, std::string message, std::vector<std::string> hints = {}) {
        TextPosition p = position_of(text, offset);
        return Diagnostics{{Severity::error, file, p.line, p.column, "", std::move(message), std::move(hints)}};
    };
    if (auto at = too_deep_at(text, kMaxThemeDepth))
        return fail(*at, "expected JSON nested at most " + std::to_string(kMaxThemeDepth) + " levels deep, found more");
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) return fail(nul, "expected JSON text, found a NUL byte");
    auto parsed = parse_json(text);
    if (auto* error = std::get_if<JsonSyntaxError>(&parsed)) return fail(error->offset, error->message, error->hints);
    std::vector<ThemeProblem> problems;
    Theme theme = read_theme(std::get<json>(parsed), "", folder, problems);
    if (!problems.empty()) return located(problems, text, file);
    return theme;
}

}  // namespace

const std::vector<std::string>& builtin_theme_names() {
    static const std::vector<std::string> kNames{"default", "print", "dark", "compact"};
    return kNames;
}

bool names_theme_file(const std::string& theme) {
    return theme.find('/') != std::string::npos || (theme.size() > 5 && theme.ends_with(".json"));
}

Theme read_theme(const json& object, const std::string& at, const std::string& folder, std::vector<ThemeProblem>& problems) {
    return ThemeReader(folder, problems).read(object, at, 0);
}

std::variant<Theme, Diagnostics> load_theme(const std::string& name_or_path) {
    if (name_or_path.empty() || name_or_path == "default") return Theme{};  // today's look, exactly
    if (!names_theme_file(name_or_path)) {
        const auto& names = builtin_theme_names();
        if (std::find(names.begin(), names.end(), name_or_path) == names.end())
            return Diagnostics{{Severity::error, "", 0, 0, "",
                                "expected a built-in theme (" + listed(names) + ") or a theme file's path, found " +
                                    quote(name_or_path),
                                {"a theme file's path has a \"/\" or ends in .json"}}};
        return theme_of_text(builtin_theme_text(name_or_path), "theme " + name_or_path, "");
    }
    auto bytes = read_input(name_or_path, kMaxThemeBytes);
    if (auto* problem = std::get_if<Diagnostic>(&bytes)) return Diagnostics{*problem};
    std::string folder = std::filesystem::path(name_or_path).parent_path().string();
    return theme_of_text(std::get<std::string>(bytes), name_or_path, folder.empty() ? "." : folder);
}

std::variant<Theme, Diagnostics> theme_from_text(const std::string& json_text, const std::string& folder) {
    return theme_of_text(json_text, "theme", folder);
}

}  // namespace tarikh
