// Renderer: the public options turned into a layout of one view, drawn in one format.
#include <tarikh/tarikh.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>

#include <unicode/locid.h>

#include "api/guarded.hpp"
#include "api/laid_out.hpp"
#include "core/diagnostic.hpp"
#include "core/install_dirs.hpp"
#include "io/theme_file.hpp"
#include "layout/calendar_layout.hpp"
#include "layout/calendar_print.hpp"
#include "layout/chart_print.hpp"
#include "layout/chronicle_layout.hpp"
#include "layout/radial_layout.hpp"
#include "layout/quality.hpp"
#include "layout/segments.hpp"
#include "render/html_writer.hpp"
#include "render/pdf/font_cache.hpp"
#include "render/pdf_writer.hpp"
#include "render/png_writer.hpp"
#include "io/catalogue_file.hpp"
#include "layout/messages.hpp"
#include "layout/phrases.hpp"
#include "render/svg_writer.hpp"
#include "text/font_database.hpp"
#include "text/font_sets.hpp"
#include "text/pango_shaper.hpp"

namespace tarikh {
namespace {

Diagnostic refusal(std::string message, std::string pointer = "") {
    return Diagnostic{Severity::error, "", 0, 0, std::move(pointer), std::move(message), {}};
}

const char* view_name(const View& view) {
    static constexpr const char* kNames[] = {"chart", "chronicle", "calendar", "radial"};
    return kNames[view.index()];
}

ScaleKind scale_kind(Scale scale) {
    switch (scale) {
        case Scale::automatic: return ScaleKind::automatic;
        case Scale::chronological: return ScaleKind::chronological;
        case Scale::collapsed: return ScaleKind::collapsed;
        case Scale::sequential: return ScaleKind::sequential;
        case Scale::relative: return ScaleKind::relative;
        case Scale::log: return ScaleKind::log;
    }
    return ScaleKind::chronological;
}

SegmentKind segment_kind(Segment segment) {
    switch (segment) {
        case Segment::none: return SegmentKind::none;
        case Segment::era: return SegmentKind::era;
        case Segment::month: return SegmentKind::month;
        case Segment::year: return SegmentKind::year;
    }
    return SegmentKind::none;
}

PageSetup page_of(const Paper& page) {
    static constexpr const char* kNames[] = {"A4", "A3", "Letter", "Legal"};
    return *page_setup(kNames[static_cast<int>(page.size)], page.landscape);
}

const char* digits_name(Digits digits) {
    static constexpr const char* kNames[] = {"locale", "latn", "arab", "arabext"};
    return kNames[static_cast<int>(digits)];
}

// "240", "226.8": a size in px for a message.
std::string px_text(double px) {
    std::string text = std::to_string(std::round(px * 10) / 10);
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
    return text;
}

// Each view laid out from its own options.
struct LayOut {
    const Timeline& timeline;
    const std::vector<std::string>& languages;
    const std::string calendar;
    const Theme& theme;
    const Wording& wording;
    Shaper& shaper;
    const std::optional<double> width;  // px
    const Aggregation aggregate;
    const std::function<bool(Page&, size_t)>& page_sink;  // a chronicle's pages, as they are drawn

    // A width asked for that the paper cannot hold is said, not silently narrowed.
    void warn_narrowed(double paper, Layout& layout) const {
        if (!width || *width <= paper) return;
        layout.diagnostics.push_back({Severity::warning, "", 0, 0, "",
                                      "the width asked for, " + px_text(*width) + " px, is wider than the page holds: laid out " +
                                          px_text(paper) + " px wide", {}});
    }

    Layout operator()(const ChartView& view) const {
        LayoutOptions chart{languages.front(), calendar, scale_kind(view.scale), view.one_band};
        chart.theme = theme;
        chart.width = width;
        std::optional<double> paper;
        if (view.print && !view.print->fit) {  // laid out for the paper, so that no page shrinks it
            paper = chart_print_width(page_of(view.print->page), theme);
            chart.width = std::min(width.value_or(*paper), *paper);
        }
        chart.wording = wording;
        chart.aggregate = aggregate;
        Layout layout = layout_segmented(timeline, chart, segment_kind(view.segment), shaper);
        if (paper) warn_narrowed(*paper, layout);
        if (!view.print) return layout;
        ChartPrintOptions print{page_of(view.print->page), view.print->fit, timeline.locale_for(languages.front()),
                                languages.front()};
        print.theme = theme;
        print.wording = wording;
        return print_chart(std::move(layout), print, shaper);
    }
    Layout operator()(const ChronicleView& view) const {
        ChronicleOptions chronicle{languages, page_of(view.page), calendar};
        chronicle.theme = theme;
        chronicle.wording = wording;
        chronicle.aggregate = aggregate;
        chronicle.page_sink = page_sink;
        return layout_chronicle(timeline, chronicle, shaper);
    }
    Layout operator()(const CalendarView& view) const {
        std::optional<double> across = width, paper;
        if (view.page) {  // laid out for the paper, so that it is never scaled down to fit it
            paper = calendar_print_width(page_of(*view.page), theme);
            across = std::min(width.value_or(*paper), *paper);
        }
        Layout layout = layout_calendar(timeline, CalendarOptions{languages.front(), calendar, theme, across, wording}, shaper);
        if (paper) warn_narrowed(*paper, layout);
        if (!view.page) return layout;
        CalendarPrintOptions print{page_of(*view.page), timeline.locale_for(languages.front()), languages.front(), theme,
                                   wording};
        return print_calendar(std::move(layout), print, shaper);
    }
    Layout operator()(const RadialView& view) const {
        return layout_radial(timeline,
                             RadialOptions{languages.front(), calendar, scale_kind(view.scale), theme, width, wording},
                             shaper);
    }
};

// The theme asked for: the options' (--theme), else the file's own or the one it names, else
// the default.
std::variant<Theme, Diagnostics> chosen_theme(const RenderOptions& options, const Timeline& timeline) {
    if (!options.theme.empty()) return load_theme(options.theme);
    if (!timeline.theme.object.empty()) return theme_from_text(timeline.theme.object, timeline.theme.folder);
    return load_theme(timeline.theme.name);
}

// A warning for each asked language the file does not declare: one line with the layout's
// warning of the texts it lacks, if it has one, first.
void warn_undeclared(const Timeline& timeline, const std::vector<std::string>& languages, Diagnostics& out) {
    for (const auto& lang : languages) {
        if (std::find(timeline.languages.begin(), timeline.languages.end(), lang) != timeline.languages.end()) continue;
        std::string undeclared = "the file does not declare \"" + lang + "\"";
        auto lacking = std::find_if(out.begin(), out.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::warning && d.message.starts_with("no \"" + lang + "\" text");
        });
        Diagnostic line{Severity::warning, "", 0, 0, "/languages",
                        undeclared + "; missing texts fall back to \"" + timeline.first_language() + "\"", {}};
        if (lacking != out.end()) {
            line.message = undeclared + ": " + lacking->message;
            out.erase(lacking);
        }
        out.insert(out.begin(), std::move(line));
    }
}

// One warning an edition whose words are not all in its language: the messages that are English.
void warn_english_words(const Timeline& timeline, const std::vector<std::string>& languages, const Wording& wording,
                        Diagnostics& out) {
    for (size_t i = 0; i < languages.size(); ++i) {
        const Catalogue* own = i == 0 ? wording.catalogue.get() : nullptr;
        if (!own && !builtin_catalogue(languages[i])) {
            if (languages[i].rfind("en", 0) != 0)
                out.push_back({Severity::warning, "", 0, 0, "",
                               "no message catalogue for \"" + languages[i] + "\"; tarikh's own words are English",
                               {"--catalogue FILE gives them (messages/en.json's shape)"}});
            continue;
        }
        std::vector<std::string> missing;
        phrases_for(languages[i], timeline.locale_for(languages[i]), own, &missing);
        if (missing.empty()) continue;
        std::string names;
        for (const auto& id : missing) names += (names.empty() ? "" : ", ") + id;
        out.push_back({Severity::warning, own ? own->name : "", 0, 0, "",
                       "the \"" + languages[i] + "\" edition's catalogue lacks " + std::to_string(missing.size()) +
                           " message" + (missing.size() == 1 ? "" : "s") + ", shown in English: " + names,
                       {}});
    }
}

// What to do about text too small to read, as the view came to set it so.
std::string illegible_hint(const View& view) {
    if (const auto* chart = std::get_if<ChartView>(&view); chart && chart->print && chart->print->fit)
        return "--fit sets the whole chart on one page: print it without --fit to have it on as many pages as it "
               "needs at its own size, or on a larger --page";
    if (const auto* chart = std::get_if<ChartView>(&view); chart && chart->print)
        return "a panel taller than a page is set smaller to fit it: try a larger --page, or a finer --segment";
    if (std::holds_alternative<CalendarView>(view))
        return "a week with more events than a page holds is set smaller to fit it: try a larger --page, or "
               "--layout chronicle";
    return "try a larger --width, or --layout chronicle";
}

// Text drawn smaller than kMinTextPx (a chart scaled down to fit a page) is said, never silent.
void warn_illegible(Layout& layout, const View& view, double smallest) {
    if (smallest >= kMinTextPx || smallest == 0) return;  // 0: no text at all (a calendar of undated events)
    std::string px = std::to_string(std::round(smallest * 10) / 10);
    px.erase(px.find('.') + 2);
    layout.diagnostics.push_back({Severity::warning, "", 0, 0, "",
                                  "the smallest text is " + px + " px, too small to read (at least " +
                                      std::to_string(static_cast<int>(kMinTextPx)) + " px is legible)",
                                  {illegible_hint(view)}});
}

// The SVG's size in the unit the width was asked in; an HTML page's SVGs fill its column.
SvgOptions svg_options(const RenderOptions& options, GlyphOutlines& outlines) {
    return SvgOptions{.unit = options.width ? options.width->unit : LengthUnit::px,
                      .responsive = options.svg_size == SvgSize::responsive || options.format == Format::html,
                      .real_text = options.svg_text,
                      .outlines = &outlines};
}

// A warning for each of the theme's font families no loaded font has: the next one in the
// list takes its place, which the user who named it would not expect without a word.
void warn_unknown_families(const FontDatabase& fonts, const Theme& theme, Diagnostics& out) {
    for (const auto& family : theme.font_families)
        if (!fonts.has_family(family))
            out.push_back({Severity::warning, "", 0, 0, "",
                           "no font has the theme's font family " + quote(family) + "; the next family takes its place",
                           {}, Option::font_dirs});
}

// The PDF's options, its fonts kept with the renderer's for its next PDFs.
PdfOptions pdf_options(const RenderOptions& options, pdf::FontCache& fonts) {
    PdfOptions out = pdf_options(options.pdf_standards);
    out.font_cache = &fonts;
    return out;
}

std::string draw_file(const Scene& scene, const RenderOptions& options, size_t file, GlyphOutlines& outlines,
                      pdf::FontCache& pdf_fonts) {
    switch (options.format) {
        case Format::svg: return render_svg(scene, file, svg_options(options, outlines));
        case Format::pdf: return render_pdf(scene, pdf_options(options, pdf_fonts));
        case Format::png: return render_png(scene, PngOptions{options.dpi, options.max_pixels}, file);
        case Format::html: {
            std::vector<std::string> svg_pages;
            SvgOptions svg = svg_options(options, outlines);
            for (size_t page = 0; page < scene.pages.size(); ++page) svg_pages.push_back(render_svg(scene, page, svg));
            return render_html(scene, svg_pages);
        }
    }
    throw std::runtime_error("unknown output format");
}

}  // namespace

std::vector<std::string> edition_languages(const std::string& edition) {
    std::vector<std::string> out;
    for (size_t start = 0;;) {
        size_t plus = edition.find('+', start);
        out.push_back(edition.substr(start, plus - start));
        if (plus == std::string::npos) return out;
        start = plus + 1;
    }
}

namespace {

void check_sizes(const RenderOptions& options, Diagnostics& out) {
    if (options.width && std::holds_alternative<ChronicleView>(options.view))
        out.push_back(refusal("a chronicle has no use for a width: it is laid out on its pages"));
    else if (options.width) {
        double px = length_px(*options.width);
        if (!(px >= kMinWidthPx && px <= kMaxWidthPx))
            out.push_back(refusal("expected a width from " + px_text(kMinWidthPx) + " to " + px_text(kMaxWidthPx) +
                                  " px, found " + px_text(px) + " px"));
    }
    if (options.text_size && !(*options.text_size >= kMinTextSizePx && *options.text_size <= kMaxTextSizePx))
        out.push_back(refusal("expected a text size from " + px_text(kMinTextSizePx) + " to " + px_text(kMaxTextSizePx) +
                              " px, found " + px_text(*options.text_size) + " px"));
}

}  // namespace

// A density band is drawn on one axis with time in proportion; a calendar or a ring has none.
void check_aggregation(const RenderOptions& options, Diagnostics& out) {
    const Aggregation& a = options.aggregate;
    if (a.period == AggregatePeriod::none) {
        if (a.measure != Measure::count || a.label_min_fatalities || a.label_top)
            out.push_back(refusal("a measure or a label filter needs --aggregate week, month or auto"));
        return;
    }
    if (std::holds_alternative<CalendarView>(options.view) || std::holds_alternative<RadialView>(options.view))
        out.push_back(refusal(std::string("a ") + view_name(options.view) + " has no use for --aggregate"));
    if (auto* chart = std::get_if<ChartView>(&options.view)) {
        if (chart->scale != Scale::chronological)
            out.push_back(refusal("a density band needs time in proportion: --aggregate takes --scale chronological"));
        if (chart->segment != Segment::none)
            out.push_back(refusal("a density band is drawn along one axis: --aggregate takes --segment none"));
    }
    if (a.label_min_fatalities && !(*a.label_min_fatalities >= 0))
        out.push_back(refusal("expected --label-where fatalities>=N with N at least 0"));
}

Diagnostics check_options(const RenderOptions& options) {
    Diagnostics out;
    size_t most = std::holds_alternative<ChronicleView>(options.view) ? 2 : 1;
    if (options.languages.size() > most)
        out.push_back(refusal(std::string("a ") + view_name(options.view) + " shows " +
                                  (most == 1 ? "one language" : "at most two languages") + ", found " +
                                  std::to_string(options.languages.size())));
    if (auto* radial = std::get_if<RadialView>(&options.view))
        if (radial->scale != Scale::chronological && radial->scale != Scale::sequential)
            out.push_back(refusal("a radial view has a chronological or a sequential scale, found another"));
    for (const auto& lang : options.languages)
        if (lang.empty()) out.push_back(refusal("expected a language tag, found an empty one"));
    check_sizes(options, out);
    check_aggregation(options, out);
    if (!options.theme.empty() && !names_theme_file(options.theme)) {
        auto theme = load_theme(options.theme);  // a built-in: no file is read
        if (auto* problems = std::get_if<Diagnostics>(&theme)) out.insert(out.end(), problems->begin(), problems->end());
    }
    for (const auto& folder : options.font_dirs)
        if (std::string problem = font_folder_problem(folder); !problem.empty()) out.push_back(refusal(problem));
    return out;
}

namespace {

// A --lang as the file spells its languages: BCP 47 form and case ("AR" → "ar", "en_GB" →
// "en-GB", "ar-sy" → "ar-SY"), and the file's language for a regional tag it lacks ("ar-SY" →
// "ar", whose locale the file gives).
std::string file_language(const Timeline& timeline, const std::string& asked) {
    std::string tag = asked;
    std::replace(tag.begin(), tag.end(), '_', '-');
    UErrorCode status = U_ZERO_ERROR;
    std::string canonical = icu::Locale::forLanguageTag(tag, status).toLanguageTag<std::string>(status);
    if (U_FAILURE(status) || canonical.empty() || canonical == "und") return asked;
    auto declared = [&](const std::string& lang) {
        return std::find(timeline.languages.begin(), timeline.languages.end(), lang) != timeline.languages.end();
    };
    if (declared(canonical)) return canonical;
    std::string language = canonical.substr(0, canonical.find('-'));
    return declared(language) ? language : canonical;
}

}  // namespace

Diagnostics check_languages(const Timeline& timeline, const RenderOptions& options) {
    Diagnostics out;
    for (size_t i = 0; i < options.languages.size(); ++i) {
        const std::string lang = file_language(timeline, options.languages[i]);
        bool in_file = std::find(timeline.languages.begin(), timeline.languages.end(), lang) != timeline.languages.end();
        if (in_file || builtin_catalogue(lang) || (i == 0 && !options.catalogue.empty())) continue;
        std::string file_languages, known;
        for (const auto& l : timeline.languages) file_languages += (file_languages.empty() ? "" : ", ") + l;
        for (const auto& l : builtin_catalogue_languages()) known += (known.empty() ? "" : ", ") + l;
        out.push_back(refusal("expected a language of the file (" + file_languages + ") or one tarikh has words for, found \"" +
                                  lang + "\"",
                              "/languages"));
        out.back().hints = {"tarikh has words for " + known + "; --catalogue FILE gives them for another"};
    }
    return out;
}

Diagnostics check_catalogue(const std::string& path) {
    auto loaded = load_catalogue(path);
    if (auto* problems = std::get_if<Diagnostics>(&loaded)) return *problems;
    return {};
}

Diagnostics check_theme(const std::string& theme) {
    auto loaded = load_theme(theme);
    if (auto* problems = std::get_if<Diagnostics>(&loaded)) return *problems;
    return {};
}

struct Renderer::Impl {
    FontSets fonts;
    GlyphOutlines outlines;  // read once for every SVG this renderer draws
    pdf::FontCache pdf_fonts;  // and its PDFs' fonts
    explicit Impl(const std::string& folder) : fonts(folder) {}
};

Renderer::Renderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Renderer::Renderer(Renderer&&) noexcept = default;
Renderer& Renderer::operator=(Renderer&&) noexcept = default;
Renderer::~Renderer() = default;

Result<Renderer> Renderer::create(const std::string& font_folder) {
    return guarded<Renderer>([&] {
        std::string folder = font_folder.empty() ? default_font_folder() : font_folder;
        return Result<Renderer>{Renderer(std::make_unique<Impl>(folder)), {}};
    });
}

const std::string& Renderer::font_folder() const { return impl_->fonts.base().folder(); }

namespace {

using PageSink = std::function<bool(Page&, size_t)>;

// The layout; with a page sink, a chronicle's pages go to it as they are drawn (the scene keeps
// the rest).
Result<LaidOut> lay_out_with(FontSets& font_sets, const Timeline& timeline, const RenderOptions& options,
                             const PageSink& page_sink) {
    if (Diagnostics refused = check_options(options); !refused.empty()) return {std::nullopt, refused};
    return guarded<LaidOut>([&] {
        auto start = std::chrono::steady_clock::now();
        auto theme = chosen_theme(options, timeline);
        if (auto* problems = std::get_if<Diagnostics>(&theme)) return Result<LaidOut>{std::nullopt, std::move(*problems)};
        auto laid = std::make_shared<LaidOut::Impl>();
        laid->theme = std::move(std::get<Theme>(theme));
        if (options.text_size) laid->theme = scaled_theme(laid->theme, *options.text_size);
        FontSets::Loaded& fonts = font_sets.fonts_for(options.font_dirs, laid->theme.font_files);
        fonts.shaper.set_threads(options.threads);
        std::vector<std::string> languages;
        for (const auto& lang : options.languages) languages.push_back(file_language(timeline, lang));
        if (languages.empty()) languages.push_back(timeline.first_language());
        if (Diagnostics refused = check_languages(timeline, options); !refused.empty())
            return Result<LaidOut>{std::nullopt, std::move(refused)};
        Wording wording{nullptr, digits_name(options.digits)};
        if (!options.catalogue.empty()) {
            auto catalogue = load_catalogue(options.catalogue);
            if (auto* problems = std::get_if<Diagnostics>(&catalogue)) return Result<LaidOut>{std::nullopt, std::move(*problems)};
            wording.catalogue = std::make_shared<const Catalogue>(std::move(std::get<Catalogue>(catalogue)));
        }
        std::optional<double> width;
        if (options.width) width = length_px(*options.width);
        double smallest = 0;  // the smallest text of the pages handed over (0: none)
        PageSink measured;
        if (page_sink)
            measured = [&](Page& page, size_t pages) {
                double px = min_text_px(page);
                if (px > 0 && (smallest == 0 || px < smallest)) smallest = px;
                return page_sink(page, pages);
            };
        laid->layout = std::visit(
            LayOut{timeline, languages, calendars_name(options.calendar), laid->theme, wording, fonts.shaper, width,
                  options.aggregate, measured},
            options.view);
        warn_undeclared(timeline, languages, laid->layout.diagnostics);
        warn_english_words(timeline, languages, wording, laid->layout.diagnostics);
        warn_unknown_families(fonts.database, laid->theme, laid->layout.diagnostics);
        warn_illegible(laid->layout, options.view, page_sink ? smallest : min_text_px(laid->layout.scene));
        laid->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!options.keep_reports) {  // swapped out, so that their memory goes now (clear() keeps it)
            std::vector<LayoutBox>().swap(laid->layout.boxes);
            std::vector<LayoutLine>().swap(laid->layout.lines);
            std::vector<EventNote>().swap(laid->layout.scene.notes);
            laid->reports = false;
        }
        Diagnostics warnings = laid->layout.diagnostics;
        return Result<LaidOut>{LaidOut(std::move(laid)), std::move(warnings)};
    });
}

}  // namespace

Result<LaidOut> Renderer::lay_out(const Timeline& timeline, const RenderOptions& options) {
    return lay_out_with(impl_->fonts, timeline, options, {});
}

namespace {

// Why `file` of `layout` cannot be drawn with `options`, if it cannot.
template <class T>
std::optional<Result<T>> undrawable(const LaidOut& layout, const RenderOptions& options, size_t file) {
    if (layout.pages() > options.max_pages)
        return failure<T>("the output would have " + std::to_string(layout.pages()) + " pages, more than the limit of " +
                              std::to_string(options.max_pages),
                          {}, Option::max_pages);
    if (file >= layout.files(options.format)) return failure<T>("no output file " + std::to_string(file + 1));
    if (options.format == Format::html)
        if (auto gone = reports_gone(layout.impl())) return failure<T>(*gone);
    return std::nullopt;
}

}  // namespace

Result<std::string> Renderer::draw(const LaidOut& layout, const RenderOptions& options, size_t file) {
    if (auto refused = undrawable<std::string>(layout, options, file)) return std::move(*refused);
    return guarded<std::string>(
        [&] { return Result<std::string>{draw_file(layout.impl().layout.scene, options, file, impl_->outlines,
                                                   impl_->pdf_fonts), {}}; });
}

Result<size_t> Renderer::draw_to(const LaidOut& layout, const RenderOptions& options, size_t file,
                                 const std::function<bool(std::string_view)>& sink) {
    if (auto refused = undrawable<size_t>(layout, options, file)) return std::move(*refused);
    return guarded<size_t>([&] {
        size_t size = 0;
        auto counted = [&](std::string_view piece) {
            size += piece.size();
            return sink(piece);
        };
        const Scene& scene = layout.impl().layout.scene;
        bool taken = options.format == Format::svg   ? write_svg(scene, file, svg_options(options, impl_->outlines), counted)
                     : options.format == Format::pdf ? write_pdf(scene, pdf_options(options, impl_->pdf_fonts), counted)
                                                     : counted(draw_file(scene, options, file, impl_->outlines, impl_->pdf_fonts));
        if (!taken) return failure<size_t>("the output took only " + std::to_string(size) + " bytes");
        return Result<size_t>{size, {}};
    });
}

Renderer::FileDrawn Renderer::draw_into_file(const LaidOut& layout, const RenderOptions& options, size_t file,
                                             const std::string& path, Devices devices) {
    AtomicFile out(path, devices);
    if (!out.error().empty()) return {{}, out.error()};
    Result<size_t> drawn = draw_to(layout, options, file, [&](std::string_view piece) { return out.write(piece); });
    // A refusal that was the file's (a write failed) is said as the file's error.
    std::string error = !out.error().empty() ? out.error() : drawn ? out.commit() : "";
    return {std::move(drawn), std::move(error)};
}

Result<size_t> Renderer::render_pdf_to(const Timeline& timeline, const RenderOptions& options,
                                       const std::function<bool(std::string_view)>& sink) {
    if (options.format != Format::pdf) return failure<size_t>("render_pdf_to writes PDF only");
    if (!std::holds_alternative<ChronicleView>(options.view)) {
        Result<LaidOut> laid = lay_out(timeline, options);
        if (!laid) return {std::nullopt, std::move(laid.diagnostics)};
        Result<size_t> drawn = draw_to(*laid, options, 0, sink);
        laid.diagnostics.insert(laid.diagnostics.end(), drawn.diagnostics.begin(), drawn.diagnostics.end());
        return {drawn.value, std::move(laid.diagnostics)};
    }
    return guarded<size_t>([&] {
        size_t size = 0;
        PdfDocument pdf(pdf_options(options, impl_->pdf_fonts), [&](std::string_view piece) {
            size += piece.size();
            return sink(piece);
        });
        std::optional<Result<size_t>> refused;
        // Checked at the first page, as draw() checks a laid-out chronicle's: nothing is drawn.
        auto add_page = [&](Page& page, size_t pages) {
            if (pages > options.max_pages) {
                refused = failure<size_t>("the output would have " + std::to_string(pages) +
                                              " pages, more than the limit of " + std::to_string(options.max_pages),
                                          {}, Option::max_pages);
                return false;
            }
            pdf.add_page(page);
            return pdf.taken();
        };
        Result<LaidOut> laid = lay_out_with(impl_->fonts, timeline, options, add_page);
        if (!laid) return Result<size_t>{std::nullopt, std::move(laid.diagnostics)};
        if (!refused && pdf.taken()) pdf.finish(laid->impl().layout.scene);
        if (!refused && !pdf.taken()) refused = failure<size_t>("the output took only " + std::to_string(size) + " bytes");
        if (refused) {
            laid.diagnostics.insert(laid.diagnostics.end(), refused->diagnostics.begin(), refused->diagnostics.end());
            return Result<size_t>{std::nullopt, std::move(laid.diagnostics)};
        }
        return Result<size_t>{size, std::move(laid.diagnostics)};
    });
}

Result<Rendered> Renderer::render(const Timeline& timeline, const RenderOptions& options) {
    Result<LaidOut> laid = lay_out(timeline, options);
    if (!laid) return {std::nullopt, std::move(laid.diagnostics)};
    Rendered out{{}, *laid};
    for (size_t file = 0, files = laid->files(options.format); file < files; ++file) {
        Result<std::string> drawn = draw(*laid, options, file);
        if (!drawn) {
            laid.diagnostics.insert(laid.diagnostics.end(), drawn.diagnostics.begin(), drawn.diagnostics.end());
            return {std::nullopt, std::move(laid.diagnostics)};
        }
        out.files.push_back(std::move(*drawn));
    }
    return {std::move(out), std::move(laid.diagnostics)};
}

}  // namespace tarikh
