// tarikh, the library: `#include <tarikh/tarikh.hpp>`, link `tarikh::tarikh`.
//
//   tarikh::Result<tarikh::Timeline> timeline = tarikh::load_file("idlib.json");
//   auto renderer = tarikh::Renderer::create();           // fonts installed beside the library
//   tarikh::RenderOptions options{.format = tarikh::Format::pdf, .languages = {"ar"}};
//   auto out = renderer->render(*timeline, options);      // out->files[0]: the PDF's bytes
//
// Every call returns a Result: the value, or the located diagnostics that stopped it, with
// the warnings either way (docs/library.md). No exception leaves the library. A Renderer
// holds a font database: make one per thread.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tarikh/booklet.hpp>
#include <tarikh/files.hpp>
#include <tarikh/options.hpp>
#include <tarikh/result.hpp>
#include <tarikh/timeline.hpp>

namespace tarikh {

// The library's version, "0.1.0".
std::string version();

// Every output format.
inline constexpr Format kFormats[] = {Format::svg, Format::pdf, Format::png, Format::html};
// "svg" for Format::svg: a format's name, which is also its file extension.
const char* format_name(Format format);
// format_name's inverse: "svg" → Format::svg; nullopt for anything else.
std::optional<Format> format_from_name(const std::string& name);
// The format an output path asks for by its extension ("x.PDF" too), if any.
std::optional<Format> format_from_path(const std::string& path);

// Reads and checks a timeline file ("-": stdin, read within the limit too). An unreadable, too
// large or not regular file (a FIFO, a device, a directory) is an error. UTF-16 and UTF-32
// with a byte order mark are read as UTF-8. TimelineJS inputs (JSON v3, v2, CSV) are converted
// first; their diagnostics name places in the original file.
Result<Timeline> load_file(const std::string& path, const ReadOptions& options = {});
// The same for text in memory; `name` names it in diagnostics.
Result<Timeline> load_string(const std::string& text, const std::string& name, const ReadOptions& options = {});

// TimelineJS (JSON or CSV) as format v1 text, checked as load_file would check it.
Result<std::string> convert_timelinejs(const std::string& text, const std::string& name,
                                       const ReadOptions& options = {});
Result<std::string> convert_timelinejs_file(const std::string& path, const ReadOptions& options = {});
// An ACLED or UCDP GED table (CSV: options.from, else told by its header row, else read as
// ACLED) as format v1 text, checked as load_file would check it; options.table chooses its
// rows, lanes and title (docs/import.md). load_file reads such tables directly too.
Result<std::string> convert_event_table_file(const std::string& path, const ReadOptions& options = {});

// The languages of one edition: "en+ar" (a bilingual chronicle) → {"en", "ar"}. Each part is
// kept, an empty one too ("" → {""}, "en+" → {"en", ""}), for check_options to refuse.
std::vector<std::string> edition_languages(const std::string& edition);


// What a view cannot honour, as errors (empty: fine):
// - two languages on any view but the chronicle, more than two on that;
// - a radial scale other than chronological or sequential;
// - a width outside [kMinWidthPx, kMaxWidthPx], or any width on the chronicle (its pages
//   have their own); a text size outside [kMinTextSizePx, kMaxTextSizePx];
// - a font folder that cannot be read or holds no font;
// - a theme that is neither a built-in's name nor a file's path (one with a "/" or ending
//   in .json).
Diagnostics check_options(const RenderOptions& options);
// The problems of a theme (RenderOptions::theme): a built-in's name, or a theme file, read and
// checked as render would (docs/themes.md). Empty: fine.
Diagnostics check_theme(const std::string& theme);
// The languages asked for that are neither the file's nor known to a message catalogue (a
// built-in one, or RenderOptions::catalogue for the first): usage errors. Empty: fine.
Diagnostics check_languages(const Timeline& timeline, const RenderOptions& options);
// The problems of a message catalogue file (RenderOptions::catalogue), located. Empty: fine.
Diagnostics check_catalogue(const std::string& path);

// The name of output file `file` (0-based) of `path`: the path itself for the first,
// "out/story-2.svg" for the second page of "out/story.svg".
std::string paged_path(const std::string& path, std::size_t file);
// Removes the pages that an earlier render with more pages left beside `path` (paged_path of
// `files`, `files` + 1, … while they exist), so that a folder never mixes two renders. Returns
// the paths removed.
std::vector<std::string> remove_stale_pages(const std::string& path, std::size_t files);

// A laid-out timeline: what render() drew, or what lay_out() made to draw several times.
class LaidOut {
public:
    struct Impl;
    explicit LaidOut(std::shared_ptr<const Impl> impl);

    std::size_t pages() const;
    // How many files it makes in `format`: a PDF or an HTML page holds every page; an SVG or
    // a PNG one page each.
    std::size_t files(Format format) const;
    // Every placed box: {"pages": [{"page", "width", "height"}], "boxes": [{"kind", "event",
    // "page", "x", "y", "width", "height"}]} in px, origin top left.
    Result<std::string> boxes_json() const;
    double seconds() const;  // how long laying out took, wall clock
    const Impl& impl() const { return *impl_; }

private:
    std::shared_ptr<const Impl> impl_;
};

// How good a layout of `timeline` is, as JSON: label overlap, labelling rate, rows, leaders,
// time order kept, the time it took.
Result<std::string> quality_json(const Timeline& timeline, const LaidOut& layout);

struct Rendered {
    // The bytes of each file: one for PDF and HTML; a page each for SVG and PNG.
    std::vector<std::string> files;
    LaidOut layout;
};

// Where the PDF module (booklets) was loaded from: empty before the first booklet was combined.
std::string pdf_module_path();
// Where the PNG module (cairo) was loaded from: empty before the first PNG was drawn.
std::string png_module_path();

// For programs that use fontconfig only through tarikh (the command line does): gives
// fontconfig an empty default configuration, so Pango's font map never loads the system's
// (several milliseconds at start-up). Call before the first Renderer.
void skip_system_fontconfig();

// Holds the font database and shaper; create once, render many timelines.
class Renderer {
public:
    // Fonts from `font_folder`; empty: $TARIKH_FONT_DIR, else share/tarikh/fonts beside the
    // library's lib/. An error when no font can be loaded from there.
    static Result<Renderer> create(const std::string& font_folder = "");
    Renderer(Renderer&&) noexcept;
    Renderer& operator=(Renderer&&) noexcept;
    ~Renderer();

    const std::string& font_folder() const;

    // Layout and drawing in one step.
    Result<Rendered> render(const Timeline& timeline, const RenderOptions& options);
    // The two steps apart, to draw one layout in several formats (format, dpi and the
    // output limits are not used here).
    Result<LaidOut> lay_out(const Timeline& timeline, const RenderOptions& options);
    // The bytes of output file `file` (0-based, see LaidOut::files) of `layout`.
    Result<std::string> draw(const LaidOut& layout, const RenderOptions& options, std::size_t file = 0);
    // The same bytes handed to `sink` a piece at a time, in order (false from it: stop): an SVG
    // as it is drawn, never held whole (a 100,000-event chart is 346 MB); other formats in one
    // piece. Returns the bytes handed over; on a failure, what the sink took is to be discarded.
    Result<std::size_t> draw_to(const LaidOut& layout, const RenderOptions& options, std::size_t file,
                                const std::function<bool(std::string_view)>& sink);
    // Layout and drawing of a PDF in one step, its bytes handed to `sink` as draw_to does: a
    // chronicle's pages are written as they are laid out and let go, so its memory does not
    // grow with its pages' drawings; other views are laid out, then drawn. The same bytes as
    // render(). Returns the bytes handed over; on a failure, what the sink took is to be discarded.
    Result<std::size_t> render_pdf_to(const Timeline& timeline, const RenderOptions& options,
                                      const std::function<bool(std::string_view)>& sink);

    // File `file` of `layout` drawn by draw_to straight into `path`, named only once complete:
    // nothing is left at `path` on a failure, and a file that cannot be opened is not drawn.
    struct FileDrawn {
        Result<std::size_t> drawn;  // what draw_to said (no value: not drawn, or not taken)
        std::string write_error;    // why `path` could not be written; "" when it was, or not tried
    };
    FileDrawn draw_into_file(const LaidOut& layout, const RenderOptions& options, std::size_t file,
                             const std::string& path, Devices devices = Devices::replaced);

private:
    struct Impl;
    explicit Renderer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace tarikh
