// tarikh._tarikh: the C++ library seen from Python, kept thin. Python's tarikh package
// (python/tarikh/__init__.py) turns dicts, frames and paths into text and diagnostics into
// exceptions; this file only reads, lays out and draws, with the GIL released meanwhile.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <tarikh/tarikh.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace py = pybind11;
using namespace tarikh;

namespace {

// A loaded timeline, shared with Python as an opaque handle.
struct LoadedTimeline {
    Timeline timeline;
};
using TimelineHandle = std::shared_ptr<LoadedTimeline>;

py::dict diagnostic_dict(const Diagnostic& d) {
    py::dict out;
    out["severity"] = d.severity == Severity::error ? "error" : "warning";
    out["file"] = d.file;
    out["line"] = d.line;
    out["column"] = d.column;
    out["pointer"] = d.pointer;
    out["message"] = d.message;
    out["hints"] = d.hints;
    out["text"] = format_diagnostic(d);
    return out;
}

py::list diagnostic_list(const Diagnostics& diagnostics) {
    py::list out;
    for (const auto& d : diagnostics) out.append(diagnostic_dict(d));
    return out;
}

// A usage error found here, worded as check_options words its own.
Diagnostics refusal(std::string message) {
    Diagnostic refused;
    refused.message = std::move(message);
    return {refused};
}

// (timeline handle or None, diagnostics)
py::tuple loaded(Result<Timeline> timeline) {
    py::object handle = py::none();
    if (timeline) handle = py::cast(std::make_shared<LoadedTimeline>(LoadedTimeline{std::move(*timeline.value)}));
    return py::make_tuple(handle, diagnostic_list(timeline.diagnostics));
}

py::tuple load_text(const std::string& text, const std::string& name) {
    Result<Timeline> timeline;
    {
        py::gil_scoped_release released;
        timeline = load_string(text, name);
    }
    return loaded(std::move(timeline));
}

py::tuple load_path(const std::string& path) {
    Result<Timeline> timeline;
    {
        py::gil_scoped_release released;
        timeline = load_file(path);
    }
    return loaded(std::move(timeline));
}

// The words Python (and the command line) use for the library's enums.
template <class T>
using Words = std::vector<std::pair<std::string, T>>;
const Words<Scale> kScales{{"chronological", Scale::chronological}, {"collapsed", Scale::collapsed},
                           {"sequential", Scale::sequential},       {"relative", Scale::relative},
                           {"log", Scale::log},                     {"auto", Scale::automatic}};
const Words<Segment> kSegments{{"none", Segment::none}, {"era", Segment::era}, {"month", Segment::month},
                               {"year", Segment::year}};
const Words<PageSize> kPages{{"A4", PageSize::a4}, {"A3", PageSize::a3}, {"Letter", PageSize::letter},
                             {"Legal", PageSize::legal}};
const Words<SvgSize> kSvgSizes{{"fixed", SvgSize::fixed}, {"responsive", SvgSize::responsive}};
const Words<bool> kSvgTexts{{"real", true}, {"outlines", false}};
const Words<bool> kFacets{{"lanes", false}, {"none", true}};
const Words<Digits> kDigits{{"locale", Digits::locale}, {"latn", Digits::latn}, {"arab", Digits::arab},
                            {"arabext", Digits::arabext}};
const Words<AggregatePeriod> kAggregates{{"none", AggregatePeriod::none}, {"week", AggregatePeriod::week},
                                         {"month", AggregatePeriod::month}, {"auto", AggregatePeriod::automatic}};
const Words<Measure> kMeasures{{"count", Measure::count}, {"fatalities", Measure::fatalities}};

template <class T>
std::optional<T> word(const Words<T>& words, const std::string& text) {
    for (const auto& [w, value] : words)
        if (w.size() == text.size() &&
            std::equal(w.begin(), w.end(), text.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            return value;
    return std::nullopt;
}

template <class T>
std::string choices(const Words<T>& words) {
    std::string out;
    for (const auto& [w, value] : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// What Python's render() was given, as the command line's words (docs/python.md).
struct Request {
    std::string format = "svg", layout = "chart";
    std::vector<std::string> languages;
    std::optional<std::string> width, theme;
    std::map<std::string, py::object> options;  // the rest, by name
};

// Reads one word-valued option into `target`; false (with `refused` set) when it is not one of `words`.
template <class T>
bool take(std::map<std::string, py::object>& options, const std::string& name, const Words<T>& words, T& target,
          std::string& refused) {
    auto it = options.find(name);
    if (it == options.end()) return true;
    std::string text = py::str(it->second);
    options.erase(it);
    if (auto value = word(words, text)) {
        target = *value;
        return true;
    }
    refused = name + ": expected one of " + choices(words) + ", found \"" + text + "\"";
    return false;
}

// The option given that `layout` has no use for, if any: refused rather than ignored, as the
// command line refuses it.
std::string unused_option(const std::string& layout, const std::map<std::string, py::object>& given) {
    const std::map<std::string, std::vector<std::string>> used_by{
        {"facet", {"chart"}},     {"segment", {"chart"}},           {"fit", {"chart"}},
        {"scale", {"chart", "radial"}}, {"page", {"chart", "chronicle", "calendar"}},
        {"landscape", {"chart", "chronicle", "calendar"}},       {"aggregate", {"chart", "chronicle"}}};
    for (const auto& [name, layouts] : used_by)
        if (given.count(name) && std::find(layouts.begin(), layouts.end(), layout) == layouts.end()) return name;
    return "";
}

// The RenderOptions of a request, as `tarikh render` would make them; the refusal in `refused`.
RenderOptions options_of(Request request, std::string& refused) {
    RenderOptions out;
    auto& rest = request.options;
    if (auto format = format_from_name(request.format)) {
        out.format = *format;
    } else {
        refused = "format: expected svg, pdf, png or html, found \"" + request.format + "\"";
        return out;
    }
    if (std::string unused = unused_option(request.layout, rest); !unused.empty()) {
        refused = "a " + request.layout + " has no use for " + unused;
        return out;
    }
    Paper sheet{};
    bool paper_given = rest.count("page") > 0, fit = false;
    if (!take(rest, "page", kPages, sheet.size, refused)) return out;
    if (auto it = rest.find("landscape"); it != rest.end()) {
        sheet.landscape = it->second.cast<bool>();
        rest.erase(it);
        paper_given = paper_given || sheet.landscape;
    }
    if (auto it = rest.find("fit"); it != rest.end()) {
        fit = it->second.cast<bool>();
        rest.erase(it);
    }
    Scale scale = Scale::chronological;
    if (!take(rest, "scale", kScales, scale, refused)) return out;
    if (request.layout == "chart") {
        ChartView chart{.scale = scale};
        if (!take(rest, "facet", kFacets, chart.one_band, refused)) return out;
        if (!take(rest, "segment", kSegments, chart.segment, refused)) return out;
        if (paper_given || fit) chart.print = PrintOptions{sheet, fit};
        out.view = chart;
    } else if (request.layout == "chronicle") {
        out.view = ChronicleView{sheet};
    } else if (request.layout == "calendar") {
        out.view = CalendarView{paper_given ? std::optional(sheet) : std::nullopt};
    } else if (request.layout == "radial") {
        out.view = RadialView{scale};
    } else {
        refused = "layout: expected chart, chronicle, calendar or radial, found \"" + request.layout + "\"";
        return out;
    }
    out.languages = request.languages;
    if (request.width) {
        out.width = parse_length(*request.width);
        if (!out.width) {
            refused = "width: expected a length such as 680px, 170mm, 6.5in, 400pt or 680 (px), found \"" +
                      *request.width + "\"";
            return out;
        }
    }
    if (request.theme) out.theme = *request.theme;
    if (auto it = rest.find("calendar"); it != rest.end()) {
        Result<Calendars> calendars = parse_calendars(py::str(it->second));
        if (!calendars) {
            refused = "calendar: " + calendars.diagnostics.front().message;
            return out;
        }
        out.calendar = *calendars;
        rest.erase(it);
    }
    if (!take(rest, "svg_size", kSvgSizes, out.svg_size, refused)) return out;
    if (!take(rest, "svg_text", kSvgTexts, out.svg_text, refused)) return out;
    if (!take(rest, "digits", kDigits, out.digits, refused)) return out;
    if (!take(rest, "aggregate", kAggregates, out.aggregate.period, refused)) return out;
    if (!take(rest, "measure", kMeasures, out.aggregate.measure, refused)) return out;
    auto number = [&](const char* name, auto& target) {
        if (auto it = rest.find(name); it != rest.end()) {
            target = it->second.cast<std::decay_t<decltype(*std::optional(target))>>();
            rest.erase(it);
        }
    };
    std::optional<double> text_size;
    number("text_size", text_size);
    out.text_size = text_size;
    number("dpi", out.dpi);
    number("max_pixels", out.max_pixels);
    number("max_pages", out.max_pages);
    std::optional<std::size_t> label_top;
    number("label_top", label_top);
    out.aggregate.label_top = label_top;
    if (auto it = rest.find("label_where"); it != rest.end()) {
        std::string text = py::str(it->second);
        out.aggregate.label_min_fatalities = parse_label_where(text);
        rest.erase(it);
        if (!out.aggregate.label_min_fatalities) {
            refused = "label_where: expected fatalities>=N with N a number of 0 or more, found \"" + text + "\"";
            return out;
        }
    }
    if (auto it = rest.find("catalogue"); it != rest.end()) {
        out.catalogue = py::str(it->second);
        rest.erase(it);
    }
    if (auto it = rest.find("font_dirs"); it != rest.end()) {
        out.font_dirs = it->second.cast<std::vector<std::string>>();
        rest.erase(it);
    }
    if (!rest.empty()) {
        refused = "unknown option \"" + rest.begin()->first + "\"";
        return out;
    }
    if (Diagnostics unusable = check_options(out); !unusable.empty()) refused = unusable.front().message;
    return out;
}

// One Renderer per thread, made on first use and kept: it holds the font database
// (docs/library.md: "create one per thread and reuse it").
Result<Renderer>& thread_renderer() {
    thread_local Result<Renderer> renderer = Renderer::create();
    return renderer;
}

// (list of the output files' bytes or None, diagnostics)
py::tuple render(const TimelineHandle& timeline, const std::string& format, const std::string& layout,
                 const std::vector<std::string>& languages, std::optional<std::string> width,
                 std::optional<std::string> theme, py::dict options) {
    Request request{format, layout, languages, std::move(width), std::move(theme), {}};
    for (auto [name, value] : options)
        if (!value.is_none()) request.options[py::str(name)] = py::reinterpret_borrow<py::object>(value);
    std::string refused;
    RenderOptions chosen = options_of(std::move(request), refused);
    if (refused.empty() && !chosen.theme.empty())
        if (Diagnostics problems = check_theme(chosen.theme); has_errors(problems))
            return py::make_tuple(py::none(), diagnostic_list(problems));
    if (refused.empty() && !chosen.catalogue.empty())
        if (Diagnostics problems = check_catalogue(chosen.catalogue); has_errors(problems))
            return py::make_tuple(py::none(), diagnostic_list(problems));
    if (refused.empty())
        if (Diagnostics unknown = check_languages(timeline->timeline, chosen); !unknown.empty())
            return py::make_tuple(py::none(), diagnostic_list(unknown));
    if (!refused.empty()) return py::make_tuple(py::none(), diagnostic_list(refusal(refused)));

    Result<Rendered> rendered;
    Diagnostics renderer_problems;
    {
        py::gil_scoped_release released;
        Result<Renderer>& renderer = thread_renderer();
        if (renderer)
            rendered = renderer->render(timeline->timeline, chosen);
        else
            renderer_problems = renderer.diagnostics;
    }
    if (!renderer_problems.empty()) return py::make_tuple(py::none(), diagnostic_list(renderer_problems));
    py::object files = py::none();
    if (rendered) {
        py::list list;
        for (const auto& file : rendered->files) list.append(py::bytes(file));
        files = list;
    }
    return py::make_tuple(files, diagnostic_list(rendered.diagnostics));
}

}  // namespace

PYBIND11_MODULE(_tarikh, m) {
    m.doc() = "tarikh's C++ library; use the tarikh package, not this module";
    // As the command line does: Pango's font map never loads the system's fontconfig setup,
    // so outputs are the CLI's bytes whatever fonts the machine has.
    skip_system_fontconfig();
    py::class_<LoadedTimeline, TimelineHandle>(m, "TimelineHandle");
    m.def("version", &version);
    m.def("load_text", &load_text, py::arg("text"), py::arg("name"));
    m.def("load_path", &load_path, py::arg("path"));
    m.def("render", &render, py::arg("timeline"), py::arg("format"), py::arg("layout"), py::arg("languages"),
          py::arg("width"), py::arg("theme"), py::arg("options"));
}
