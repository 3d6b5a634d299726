// tarikh's library façade: load a timeline, lay it out, render it. Problems come back as
// diagnostics, never as exceptions.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostic.hpp"
#include "io/parse.hpp"
#include "io/timelinejs.hpp"
#include "layout/chart_layout.hpp"
#include "layout/segments.hpp"
#include "model/timeline.hpp"

namespace tarikh {

enum class Format { svg, pdf, png, html };

// "svg", "pdf", "png", "html" → Format; nullopt for anything else.
std::optional<Format> format_from_name(const std::string& name);
// The format an output path asks for by its extension, if any.
std::optional<Format> format_from_path(const std::string& path);

// What an input file is: detected from its name and shape, or said with --from.
enum class InputFormat { automatic, tarikh, timelinejs, timelinejs_csv };

// Reads and parses a file ("-": stdin); an unreadable, too large or not regular file (a FIFO, a
// device, a directory) is an error diagnostic. UTF-16 and UTF-32 with a byte order mark are read
// as UTF-8. TimelineJS inputs (JSON v3, v2, CSV) are converted to format v1 first; their
// diagnostics name places in the original file.
ParseResult load_file(const std::string& path, const ParseLimits& limits = {},
                      InputFormat from = InputFormat::automatic);
ParseResult load_string(const std::string& text, const std::string& name, const ParseLimits& limits = {},
                        InputFormat from = InputFormat::automatic);

// TimelineJS text (JSON or CSV) as a format v1 document, for `tarikh import`: checked as
// `validate` would, absent when there are errors, every diagnostic in the original file.
ImportResult convert_timelinejs(const std::string& text, const std::string& name, const ParseLimits& limits = {},
                                InputFormat from = InputFormat::automatic);

// How many files `layout` makes in `format`: a PDF or an HTML page holds every page of the
// layout; SVG and PNG hold one page each, so a paged layout makes one file per page.
size_t output_files(const Layout& layout, Format format);
// The name of output file `file` (0-based) of `path`: the path itself for the first,
// "out/story-2.svg" for the second page of "out/story.svg".
std::string paged_path(const std::string& path, size_t file);

enum class LayoutKind { chart, chronicle, calendar, radial };

struct RenderOptions {
    Format format = Format::svg;
    std::string lang;  // empty: the document's first language; "en+ar": a bilingual chronicle
    double dpi = 96;   // PNG only
    double max_pixels = 100'000'000;  // PNG width × height (--max-pixels)
    size_t max_pages = 1000;          // pages of one output (--max-pages)
    LayoutKind layout = LayoutKind::chart;
    std::string page = "A4";          // page size: A4, A3, Letter, Legal
    bool landscape = false;
    bool print_chart = false;         // a chart on pages of `page`: split along time, or scaled with `fit`
    bool fit = false;
    std::string calendar{};           // gregorian, islamic-umalqura or both with "+"; empty: the file's
    ScaleKind scale = ScaleKind::chronological;  // the chart's time axis (--scale)
    bool unified = false;                         // the chart's lanes in one band (--facet none)
    SegmentKind segment = SegmentKind::none;      // the chart as panels per era, month or year (--segment)
    int threads = 1;                  // for shaping large timelines (each thread loads the fonts again)
};

struct Rendered {
    std::optional<std::string> bytes;  // absent when rendering failed; an SVG or PNG holds page 1
    std::vector<std::string> more_pages;  // SVG and PNG of a paged layout: pages 2, 3, … one document each
    Layout layout;                     // what was placed, for --layout-json
    double layout_seconds = 0;         // how long laying out took (wall clock), for --quality-json
    Diagnostics diagnostics;           // warnings, or the error that stopped the render
};

// For programs that use fontconfig only through tarikh (the command line does): gives
// fontconfig an empty default configuration, so Pango's font map never loads the system's
// (its XML files and caches, several milliseconds at start-up). Call before the first Renderer.
void skip_system_fontconfig();

// Holds the font database and shaper; create once, render many timelines.
class Renderer {
public:
    // Fonts come from `font_folder` (default: FontDatabase::default_folder()).
    explicit Renderer(const std::string& font_folder = "");
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Layout and drawing in one step.
    Rendered render(const Timeline& timeline, const RenderOptions& options);
    // The two steps apart, to draw one layout in several formats (format is not used here).
    Layout lay_out(const Timeline& timeline, const RenderOptions& options);
    // The bytes of output file `file` (0-based, see output_files) of `layout` in `format` (dpi and
    // limits from `options`), or the error.
    std::variant<std::string, Diagnostic> draw(const Layout& layout, const RenderOptions& options, size_t file = 0);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tarikh
