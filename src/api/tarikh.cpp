#include "api/tarikh.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <future>

#include "files/read_input.hpp"
#include "io/text_encoding.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/chart_print.hpp"
#include "layout/radial_layout.hpp"
#include "layout/chronicle_layout.hpp"
#include "render/html_writer.hpp"
#include "render/qpdf_module.hpp"
#include "render/pdf_writer.hpp"
#include "render/png_writer.hpp"
#include "render/svg_writer.hpp"
#include "text/font_database.hpp"
#include "text/pango_shaper.hpp"

namespace tarikh {

std::optional<Format> format_from_name(const std::string& name) {
    if (name == "svg") return Format::svg;
    if (name == "pdf") return Format::pdf;
    if (name == "png") return Format::png;
    if (name == "html") return Format::html;
    return std::nullopt;
}

std::optional<Format> format_from_path(const std::string& path) {
    auto dot = path.rfind('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return format_from_name(ext);
}

namespace {

InputFormat detect(const std::string& text, const std::string& name, InputFormat from) {
    if (from != InputFormat::automatic) return from;
    std::string ext = name.size() > 4 ? name.substr(name.size() - 4) : "";
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv") return InputFormat::timelinejs_csv;  // Excel on Windows may write ".CSV"
    return looks_like_timelinejs(text) ? InputFormat::timelinejs : InputFormat::tarikh;
}

// TimelineJS text converted, and the result checked as `validate` would, every problem at its
// place in the original file (the converted text is never shown to anyone).
std::pair<ImportResult, ParseResult> import_checked(const std::string& text, const std::string& name,
                                                    const ParseLimits& limits, InputFormat format) {
    ImportResult imported = format == InputFormat::timelinejs_csv ? import_timelinejs_csv(text, name, limits.strict)
                                                                  : import_timelinejs_json(text, name, limits.strict);
    ParseResult parsed;
    if (imported.tarikh_json) {
        ParseLimits checked = limits;
        checked.max_file_bytes = SIZE_MAX;  // the original's size was checked; the conversion may be longer
        parsed = parse_timeline(*imported.tarikh_json, name, checked);
        locate_in_original(parsed.diagnostics, imported, text, name);
    }
    parsed.diagnostics.insert(parsed.diagnostics.begin(), imported.diagnostics.begin(), imported.diagnostics.end());
    return {std::move(imported), std::move(parsed)};
}

ParseResult load_bytes(std::string bytes, const std::string& name, const ParseLimits& limits, InputFormat from) {
    if (bytes.size() > limits.max_file_bytes) return parse_timeline(bytes, name, limits);  // the error names the limit
    auto decoded = utf8_text(std::move(bytes), name);
    if (auto* error = std::get_if<Diagnostic>(&decoded)) return {std::nullopt, {*error}};
    const std::string& text = std::get<std::string>(decoded);
    InputFormat format = detect(text, name, from);
    if (format == InputFormat::tarikh) return parse_timeline(text, name, limits);
    return import_checked(text, name, limits, format).second;
}

}  // namespace

ImportResult convert_timelinejs(const std::string& bytes, const std::string& name, const ParseLimits& limits,
                                InputFormat from) {
    if (bytes.size() > limits.max_file_bytes) return {std::nullopt, parse_timeline(bytes, name, limits).diagnostics, {}};
    auto decoded = utf8_text(bytes, name);
    if (auto* error = std::get_if<Diagnostic>(&decoded)) return {std::nullopt, {*error}, {}};
    const std::string& text = std::get<std::string>(decoded);
    auto format = detect(text, name, from) == InputFormat::timelinejs_csv ? InputFormat::timelinejs_csv
                                                                         : InputFormat::timelinejs;
    auto [imported, parsed] = import_checked(text, name, limits, format);
    imported.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.timeline) imported.tarikh_json.reset();
    return imported;
}

ParseResult load_string(const std::string& text, const std::string& name, const ParseLimits& limits, InputFormat from) {
    return load_bytes(text, name, limits, from);
}

ParseResult load_file(const std::string& path, const ParseLimits& limits, InputFormat from) {
    auto bytes = read_input(path, limits.max_file_bytes);
    if (auto* error = std::get_if<Diagnostic>(&bytes)) return {std::nullopt, {*error}};
    return load_bytes(std::move(std::get<std::string>(bytes)), path, limits, from);
}

void skip_system_fontconfig() {
    // FcInit, which Pango runs when a font map is made, does nothing once a current config exists.
    FcConfig* empty = FcConfigCreate();
    FcConfigSetCurrent(empty);
    FcConfigDestroy(empty);  // fontconfig keeps its own reference to the current config
}

struct Renderer::Impl {
    FontDatabase fonts;
    PangoShaper shaper;
    explicit Impl(const std::string& folder) : fonts(folder), shaper(fonts) {}
};

Renderer::Renderer(const std::string& font_folder)
    : impl_(std::make_unique<Impl>(font_folder.empty() ? FontDatabase::default_folder() : font_folder)) {}

Renderer::~Renderer() = default;

Layout Renderer::lay_out(const Timeline& timeline, const RenderOptions& options) {
    impl_->shaper.set_threads(options.threads);
    std::vector<std::string> languages;
    std::string requested = options.lang.empty() ? timeline.first_language() : options.lang;
    for (size_t start = 0;;) {
        size_t plus = requested.find('+', start);
        languages.push_back(requested.substr(start, plus - start));
        if (plus == std::string::npos) break;
        start = plus + 1;
    }
    Layout layout;
    if (options.layout == LayoutKind::radial) {
        layout = layout_radial(timeline, RadialOptions{languages.front(), options.calendar, options.scale}, impl_->shaper);
    } else if (options.layout == LayoutKind::calendar) {
        layout = layout_calendar(timeline, CalendarOptions{languages.front(), options.calendar}, impl_->shaper);
    } else if (options.layout == LayoutKind::chronicle) {
        ChronicleOptions chronicle{languages, page_setup(options.page, options.landscape).value_or(*page_setup("A4", false)),
                                   options.calendar};
        layout = layout_chronicle(timeline, chronicle, impl_->shaper);
    } else {
        LayoutOptions chart{languages.front(), options.calendar, options.scale, options.unified};
        layout = layout_segmented(timeline, chart, options.segment, impl_->shaper);
        if (options.print_chart || options.fit) {
            ChartPrintOptions print{page_setup(options.page, options.landscape).value_or(*page_setup("A4", false)),
                                    options.fit, timeline.locale_for(languages.front()), languages.front()};
            layout = print_chart(std::move(layout), print, impl_->shaper);
        }
    }
    for (const auto& lang : languages)
        if (std::find(timeline.languages.begin(), timeline.languages.end(), lang) == timeline.languages.end())
            layout.diagnostics.insert(layout.diagnostics.begin(),
                                      {Severity::warning, "", 0, 0, "/languages",
                                       "the file does not declare \"" + lang + "\"; missing texts fall back to \"" +
                                           timeline.first_language() + "\"", {}});
    return layout;
}

size_t output_files(const Layout& layout, Format format) {
    bool one_file = format == Format::pdf || format == Format::html;
    return one_file ? 1 : std::max<size_t>(1, layout.scene.pages.size());
}

std::string paged_path(const std::string& path, size_t file) {
    if (file == 0) return path;
    std::string suffix = "-" + std::to_string(file + 1);
    auto slash = path.rfind('/');
    size_t name_start = slash == std::string::npos ? 0 : slash + 1;
    auto dot = path.rfind('.');
    bool has_extension = dot != std::string::npos && dot > name_start;  // ".hidden" has none
    return has_extension ? path.substr(0, dot) + suffix + path.substr(dot) : path + suffix;
}

std::variant<std::string, Diagnostic> Renderer::draw(const Layout& layout, const RenderOptions& options, size_t file) {
    if (layout.scene.pages.size() > options.max_pages)
        return Diagnostic{Severity::error, "", 0, 0, "",
                          "the output would have " + std::to_string(layout.scene.pages.size()) +
                              " pages, more than the limit of " + std::to_string(options.max_pages),
                          {"raise the limit with --max-pages"}};
    if (file >= output_files(layout, options.format))
        return Diagnostic{Severity::error, "", 0, 0, "", "no output file " + std::to_string(file + 1), {}};
    try {
        switch (options.format) {
            case Format::svg: return render_svg(layout.scene, file);
            case Format::pdf: return render_pdf(layout.scene);
            case Format::png: return render_png(layout.scene, PngOptions{options.dpi, options.max_pixels}, file);
            case Format::html: return render_html(layout.scene);
        }
    } catch (const std::exception& e) {
        return Diagnostic{Severity::error, "", 0, 0, "", e.what(), {}};
    }
    return Diagnostic{Severity::error, "", 0, 0, "", "unknown output format", {}};
}

Rendered Renderer::render(const Timeline& timeline, const RenderOptions& options) {
    Rendered out;
    // A PDF needs the qpdf module: load it on another core while this one lays out.
    std::future<void> loading;
    if (options.format == Format::pdf)
        loading = std::async(std::launch::async, [] {
            try {
                qpdf_module();
            } catch (const std::exception&) {  // draw() asks again and reports it
            }
        });
    auto start = std::chrono::steady_clock::now();
    out.layout = lay_out(timeline, options);
    out.layout_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.diagnostics = out.layout.diagnostics;
    for (size_t file = 0, files = output_files(out.layout, options.format); file < files; ++file) {
        auto drawn = draw(out.layout, options, file);
        if (auto* error = std::get_if<Diagnostic>(&drawn)) {
            out.diagnostics.push_back(std::move(*error));
            out.bytes.reset();
            out.more_pages.clear();
            break;
        }
        std::string& bytes = std::get<std::string>(drawn);
        if (file == 0) out.bytes = std::move(bytes);
        else out.more_pages.push_back(std::move(bytes));
    }
    return out;
}

}  // namespace tarikh
