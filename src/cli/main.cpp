// tarikh: the command line, on the public API (<tarikh/tarikh.hpp>) and the batch runner.
#include <CLI/CLI.hpp>

#include <tarikh/files.hpp>
#include <tarikh/tarikh.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <thread>
#if defined(__GLIBC__)
#include <malloc.h>  // malloc_trim
#endif

#include "batch/jobs.hpp"
#include "batch_command.hpp"
#include "common.hpp"
#include "cli/schema_text.hpp"

namespace {

using namespace tarikh;
using namespace tarikh::cli;

// A word of the command line → its value; `--help` lists the words as TEXT:{a,b,…}.
template <class T>
CLI::Option* add_choice(CLI::App* command, const std::string& name, std::string& word,
                        const std::vector<std::pair<std::string, T>>& choices, const std::string& help) {
    std::vector<std::string> words;
    for (const auto& [w, value] : choices) words.push_back(w);
    return command->add_option(name, word, help)->check(CLI::IsMember(words, CLI::ignore_case));
}

template <class T>
T chosen(const std::string& word, const std::vector<std::pair<std::string, T>>& choices) {
    for (const auto& [w, value] : choices)
        if (std::equal(w.begin(), w.end(), word.begin(), word.end(),
                       [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            return value;
    return choices.front().second;
}

const std::vector<std::pair<std::string, InputFormat>> kInputFormats{
    {"auto", InputFormat::automatic}, {"tarikh", InputFormat::tarikh}, {"timelinejs", InputFormat::timelinejs},
    {"timelinejs-csv", InputFormat::timelinejs_csv}, {"acled", InputFormat::acled}, {"ucdp-ged", InputFormat::ucdp_ged}};
const std::vector<std::pair<std::string, Scale>> kScales{
    {"chronological", Scale::chronological}, {"collapsed", Scale::collapsed}, {"sequential", Scale::sequential},
    {"relative", Scale::relative},           {"log", Scale::log},             {"auto", Scale::automatic}};
const std::vector<std::pair<std::string, bool>> kFacets{{"lanes", false}, {"none", true}};
const std::vector<std::pair<std::string, Segment>> kSegments{
    {"none", Segment::none}, {"era", Segment::era}, {"month", Segment::month}, {"year", Segment::year}};
const std::vector<std::pair<std::string, PageSize>> kPages{
    {"A4", PageSize::a4}, {"A3", PageSize::a3}, {"Letter", PageSize::letter}, {"Legal", PageSize::legal}};
const std::vector<std::pair<std::string, SvgSize>> kSvgSizes{{"fixed", SvgSize::fixed},
                                                             {"responsive", SvgSize::responsive}};
const std::vector<std::pair<std::string, bool>> kSvgTexts{{"real", true}, {"outlines", false}};
const std::vector<std::pair<std::string, std::optional<PdfStandard>>> kPdfStandards{
    {"none", std::nullopt}, {"a-2b", PdfStandard::a_2b}, {"a-2u", PdfStandard::a_2u}, {"ua-1", PdfStandard::ua_1}};
const std::vector<std::pair<std::string, Digits>> kDigits{
    {"locale", Digits::locale}, {"latn", Digits::latn}, {"arab", Digits::arab}, {"arabext", Digits::arabext}};
const std::vector<std::pair<std::string, AggregatePeriod>> kAggregates{{"none", AggregatePeriod::none},
                                                                      {"week", AggregatePeriod::week},
                                                                      {"month", AggregatePeriod::month},
                                                                      {"auto", AggregatePeriod::automatic}};
const std::vector<std::pair<std::string, Measure>> kMeasures{{"count", Measure::count}, {"fatalities", Measure::fatalities}};
enum class Layout { chart, chronicle, calendar, radial };
const std::vector<std::pair<std::string, Layout>> kLayouts{
    {"chart", Layout::chart}, {"chronicle", Layout::chronicle}, {"calendar", Layout::calendar}, {"radial", Layout::radial}};

// "svg", "pdf", …: what --format accepts.
std::vector<std::string> format_names(const std::vector<Format>& formats) {
    std::vector<std::string> names;
    for (Format format : formats) names.push_back(format_name(format));
    return names;
}
const std::vector<std::string> kFormatNames = format_names({std::begin(kFormats), std::end(kFormats)});

// A finite number in [low, high]: CLI11's ranges let "nan" through (every comparison with it
// is false), and unsigned options would wrap "-1" around.
CLI::Validator number_in(double low, double high, const std::string& description) {
    return CLI::Validator(
        [=](const std::string& text) {
            char* end = nullptr;
            double value = std::strtod(text.c_str(), &end);
            bool ok = !text.empty() && end == text.c_str() + text.size() && std::isfinite(value) && value >= low &&
                      value <= high;
            return ok ? std::string() : "expected " + description + ", found \"" + text + "\"";
        },
        description);
}
const CLI::Validator kPositive = number_in(std::numeric_limits<double>::min(), HUGE_VAL, "a finite number above zero");
const CLI::Validator kDpi = number_in(12, 1200, "a number from 12 to 1200");
const CLI::Validator kLength = CLI::Validator(
    [](const std::string& text) {
        return parse_length(text) ? std::string()
                                  : "expected a length such as 680px, 170mm, 6.5in, 400pt or 680 (px), found \"" + text + "\"";
    },
    "LENGTH");
const CLI::Validator kLabelWhere = CLI::Validator(
    [](const std::string& text) {
        return parse_label_where(text) ? std::string()
                                       : "expected fatalities>=N with N a number of 0 or more, found \"" + text + "\"";
    },
    "FILTER");
const CLI::Validator kLabelTop = CLI::Validator(
    [](const std::string& text) {
        bool digits = !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
        return digits && std::stoul(text) > 0 ? std::string()
                                              : "expected a whole number from 1 to 999999999, found \"" + text + "\"";
    },
    "N");

const CLI::Validator kCalendars = CLI::Validator(
    [](const std::string& text) {
        Result<Calendars> calendars = parse_calendars(text);
        return calendars ? std::string() : calendars.diagnostics.front().message;
    },
    "CALENDAR[+CALENDAR]");

// The limits a user can raise or lower, shared by every command (docs/security.md).
struct Limits {
    std::string from = "auto";
    ReadOptions read;
    size_t max_file_mb = ReadOptions{}.max_file_bytes >> 20;
    double max_pixels = RenderOptions{}.max_pixels;
    size_t max_pages = RenderOptions{}.max_pages;

    void add_to(CLI::App* command, bool rendering) {
        add_choice(command, "--from", from, kInputFormats, "input format (default: told by each input's name and shape)");
        command->add_option("--max-file-size", max_file_mb, "largest input, in MB")->capture_default_str()
            ->check(CLI::Range(size_t{1}, size_t{4096}))->group("Limits");
        command->add_option("--max-events", read.max_events, "most events in one file")->capture_default_str()
            ->check(kPositive)->group("Limits");
        command->add_option("--max-text-length", read.max_text_length, "longest text, in characters")
            ->capture_default_str()->check(kPositive)->group("Limits");
        command->add_option("--max-depth", read.max_depth, "deepest JSON nesting")->capture_default_str()
            ->check(CLI::Range(8, 512))->group("Limits");
        command->add_flag("--strict", read.strict,
                          "a TimelineJS field that cannot be read (an end date, an era) is an error, not left out");
        if (!rendering) return;
        command->add_option("--max-pixels", max_pixels, "largest PNG, width × height")->capture_default_str()
            ->check(kPositive)->group("Limits");
        command->add_option("--max-pages", max_pages, "most pages in one output")->capture_default_str()
            ->check(kPositive)->group("Limits");
    }
    ReadOptions read_options() const {
        ReadOptions options = read;
        options.from = chosen(from, kInputFormats);
        options.max_file_bytes = max_file_mb << 20;
        return options;
    }
    void apply_to(RenderOptions& options) const {
        options.max_pixels = max_pixels;
        options.max_pages = max_pages;
    }
};

// What a timeline made from an ACLED or UCDP GED table shows (docs/import.md).
struct TableArgs {
    std::string lanes, between, title;
    std::vector<std::string> where;
    std::optional<double> min_fatalities;

    void add_to(CLI::App* command) {
        const std::string group = "Event tables (ACLED, UCDP GED)";
        command->add_option("--lanes", lanes,
                            "one lane per actor1 (ACLED actor1, GED side_a; side says the same), event_type, admin1 or "
                            "country, the busiest first, the rest in \"Other\" past 12; or none (default: actor1)")
            ->check(CLI::IsMember({"actor1", "side", "event_type", "admin1", "country", "none"}, CLI::ignore_case))
            ->group(group);
        command->add_option("--where", where,
                            "keep the rows whose column FIELD holds VALUE (any column, case ignored); repeatable: the "
                            "same FIELD twice keeps either value, different FIELDs must all match")
            ->type_name("FIELD=VALUE")
            ->allow_extra_args(false)
            ->check(CLI::Validator(
                [](const std::string& text) {
                    size_t eq = text.find('=');
                    return eq != std::string::npos && eq > 0 ? std::string()
                                                             : "expected FIELD=VALUE, found \"" + text + "\"";
                },
                ""))
            ->group(group);
        command->add_option("--between", between,
                            "keep the events that overlap these days, both included: 2018-09-17..2018-11-30 (a side may "
                            "be a month or a year, or left open: 2018-09..)")
            ->type_name("FROM..TO")
            ->check(CLI::Validator(
                [](const std::string& text) {
                    return text.find("..") != std::string::npos && text != ".."
                               ? std::string()
                               : "expected FROM..TO such as 2018-09-17..2018-11-30, found \"" + text + "\"";
                },
                ""))
            ->group(group);
        command->add_option("--min-fatalities", min_fatalities, "keep the events with at least N fatalities (GED: best)")
            ->type_name("N")
            ->check(number_in(0, 1e12, "a number from 0"))
            ->group(group);
        command->add_option("--title", title, "the timeline's title (default: the --where values and the dataset)")
            ->group(group);
    }

    TableChoice choice() const {
        TableChoice out{lanes, {}, std::nullopt, std::nullopt, min_fatalities, title};
        for (const auto& w : where) {
            size_t eq = w.find('=');
            out.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
        }
        if (size_t dots = between.find(".."); dots != std::string::npos) {
            if (dots > 0) out.from = between.substr(0, dots);
            if (dots + 2 < between.size()) out.to = between.substr(dots + 2);
        }
        return out;
    }
};

// How an edition looks, as words, for render and batch alike.
struct EditionArgs {
    std::string layout = "chart", page, scale, facet, segment, calendar, width, svg_size, svg_text, theme, catalogue,
                digits, aggregate, measure, label_where, label_top;
    double text_size = 0;  // 0: the theme's
    bool fit = false, landscape = false;
    std::vector<std::string> font_dirs, pdf_standards;

    void add_to(CLI::App* command) {
        add_choice(command, "--layout", layout, kLayouts,
                   "chart (a time axis), chronicle (the story, paginated), calendar (month grids, events in their "
                   "days) or radial (time around a ring)")
            ->capture_default_str();
        add_choice(command, "--page", page, kPages,
                   "paper size: a chronicle's pages (A4 unless given); a chart given one is printed across pages "
                   "(--fit: on one), a calendar's months flow across them");
        add_choice(command, "--scale", scale, kScales,
                   "time axis of a chart or a ring: chronological (time in proportion, the default), collapsed (long "
                   "quiet gaps cut out), sequential (events evenly spaced in order), relative (each lane from its "
                   "first event, in elapsed time), log (orders of magnitude back from the latest event) or auto "
                   "(collapsed when gaps dwarf the rest); a ring draws chronological and sequential only");
        add_choice(command, "--facet", facet, kFacets,
                   "chart bands: lanes (one band per lane, the default) or none (one band, lanes told by colour)");
        add_choice(command, "--segment", segment, kSegments,
                   "chart panels: none (the default), era, month or year (one panel each, its own axis)");
        command->add_flag("--fit", fit, "print a chart on one page, scaled down to fit");
        command->add_flag("--landscape", landscape, "turn the page sideways");
        command->add_option("--calendar", calendar,
                            "dates written in: gregorian, islamic-umalqura, islamic-civil, persian or hebrew, or two "
                            "joined by + (gregorian+persian: both, and a chart's second tick row); wins over the "
                            "file's \"calendar\" and the locale's (default: the file's, else the locale's)")
            ->check(kCalendars);
        command->add_option("--width", width,
                            "lay a chart, calendar or ring out for this width: 680px, 170mm, 6.5in, 400pt (a bare number "
                            "is px; 96 px to the inch; 240 px at least); labels wrap and rows stack rather than text "
                            "shrinking (default: as wide as the content needs)")
            ->check(CLI::Validator(kLength).description(""))
            ->type_name("LENGTH");
        command->add_option("--text-size", text_size,
                            "an event title's size in px, from 9 to 72; every other text scales with it (default: the "
                            "theme's, 12 in the default theme)")
            ->check(CLI::Validator(kPositive).description(""))
            ->type_name("PX");
        add_choice(command, "--svg-size", svg_size, kSvgSizes,
                   "an SVG's size: fixed (width and height in --width's unit, else px; the default) or responsive "
                   "(width=\"100%\" and no height, to fill any column; an HTML page's SVGs always are)");
        add_choice(command, "--svg-text", svg_text, kSvgTexts,
                   "an SVG's words: real (transparent text over the outlines, for find, copy and screen readers; "
                   "the default) or outlines (glyph outlines only)");
        command->add_option("--pdf-standard", pdf_standards,
                            "what a PDF meets and claims: a-2b or a-2u (PDF/A-2, archival: XMP metadata, an sRGB output "
                            "intent; 2u: every glyph maps to Unicode), ua-1 (PDF/UA-1, accessible), or none (the "
                            "default: tagged all the same); repeatable or a comma list: a-2u,ua-1 (docs/pdf.md)")
            ->delimiter(',')
            ->check(CLI::IsMember({"none", "a-2b", "a-2u", "ua-1"}, CLI::ignore_case))
            ->type_name("LEVEL")
            ->allow_extra_args(false);
        command->add_option("--theme", theme,
                            "the look: default, print (greys, lanes told by marker shape), dark, compact, or a theme "
                            "file (docs/themes.md; `tarikh schema --theme`); wins over the file's \"theme\"")
            ->type_name("NAME|FILE");
        command->add_option("--catalogue", catalogue,
                            "the words tarikh writes itself (legend, \"page 1 of 3\", \"c.\") for the first --lang, from "
                            "FILE (messages/en.json's shape); messages it lacks are English, with a warning")
            ->type_name("FILE");
        add_choice(command, "--digits", digits, kDigits,
                   "digits of every number: locale (the locale's own, the default), latn (0123), arab (٠١٢٣) or "
                   "arabext (۰۱۲۳)");
        // Together in --help, beside the event tables' options: thousands of events want both.
        const std::string bands = "Many events: density bands (docs/aggregate.md)";
        add_choice(command, "--aggregate", aggregate, kAggregates,
                   "a chart's or a chronicle's events counted per period rather than drawn one by one: none (the "
                   "default), week (ISO weeks), month, or auto (by week, each lane with more events than fit as "
                   "labelled markers at the chart's width)")
            ->group(bands);
        add_choice(command, "--measure", measure, kMeasures,
                   "what a bar measures with --aggregate: count (events, the default) or fatalities (the sum of the "
                   "events' figures of kind \"fatalities\"; an event without one counts 0)")
            ->group(bands);
        command->add_option("--label-where", label_where,
                            "with --aggregate, events with at least N fatalities keep a labelled marker over the band "
                            "(and their entry in a chronicle)")
            ->check(kLabelWhere)
            ->group(bands);
        command->add_option("--label-top", label_top,
                            "with --aggregate, the N events with the most fatalities keep a labelled marker (with "
                            "--label-where: the N with the most among those)")
            ->check(kLabelTop)
            ->group(bands);
        command->add_option("--font-dir", font_dirs,
                            "also use the fonts in DIR (not its subfolders), e.g. for a script the built-in fonts "
                            "lack; repeatable. Only these and tarikh's own fonts are used, never the system's")
            ->type_name("DIR")
            ->allow_extra_args(false);  // one folder per --font-dir: "--font-dir DIR INPUT" keeps INPUT
    }

    // The SVG or PDF option given that none of `formats` has a use for, if any: refused rather than ignored.
    std::string unused_svg_option(const std::vector<Format>& formats) const {
        auto has = [&](Format f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
        if (!svg_size.empty() && !has(Format::svg)) return "--svg-size";
        if (!svg_text.empty() && !has(Format::svg) && !has(Format::html)) return "--svg-text";
        if (!pdf_standards.empty() && !has(Format::pdf)) return "--pdf-standard";
        return "";
    }

    // A theme file's or a catalogue's problems, printed; false when one cannot be used (an input error).
    bool theme_usable() const {
        if (!catalogue.empty()) {
            Diagnostics problems = check_catalogue(catalogue);
            print(problems, catalogue);
            if (has_errors(problems)) return false;
        }
        if (theme.empty()) return true;
        Diagnostics problems = check_theme(theme);
        print(problems, theme);
        return !has_errors(problems);
    }

    // The option given that `layout` has no use for, if any: refused rather than ignored.
    std::string unused_option() const {
        Layout chosen_layout = chosen(layout, kLayouts);
        bool chart = chosen_layout == Layout::chart, paged = chosen_layout != Layout::radial;
        if (!scale.empty() && !chart && chosen_layout != Layout::radial) return "--scale";
        if (!facet.empty() && !chart) return "--facet";
        if (!segment.empty() && !chart) return "--segment";
        if (fit && !chart) return "--fit";
        if (!page.empty() && !paged) return "--page";
        if (landscape && !paged) return "--landscape";
        if (!width.empty() && chosen_layout == Layout::chronicle) return "--width";
        if (!aggregate.empty() && (chosen_layout == Layout::calendar || chosen_layout == Layout::radial))
            return "--aggregate";
        return "";
    }

    View view() const {
        Paper sheet{page.empty() ? PageSize::a4 : chosen(page, kPages), landscape};
        Scale time = scale.empty() ? Scale::chronological : chosen(scale, kScales);
        switch (chosen(layout, kLayouts)) {
            case Layout::chronicle: return ChronicleView{sheet};
            case Layout::calendar: return CalendarView{page.empty() && !landscape ? std::nullopt : std::optional(sheet)};
            case Layout::radial: return RadialView{time};
            case Layout::chart: break;
        }
        ChartView chart{time, !facet.empty() && chosen(facet, kFacets),
                        segment.empty() ? Segment::none : chosen(segment, kSegments)};
        if (!page.empty() || fit || landscape) chart.print = PrintOptions{sheet, fit};
        return chart;
    }

    // The options for `languages`, or the first usage error's message in `refused`.
    RenderOptions options(std::vector<std::string> languages, std::string& refused) const {
        RenderOptions out;
        out.view = view();
        out.languages = std::move(languages);
        if (!calendar.empty()) out.calendar = *parse_calendars(calendar);
        if (!width.empty()) out.width = parse_length(width);
        if (text_size > 0) out.text_size = text_size;
        if (!svg_size.empty()) out.svg_size = chosen(svg_size, kSvgSizes);
        if (!svg_text.empty()) out.svg_text = chosen(svg_text, kSvgTexts);
        for (const auto& word : pdf_standards) {
            std::optional<PdfStandard> standard = chosen(word, kPdfStandards);
            if (!standard) out.pdf_standards.clear();  // none
            else if (std::find(out.pdf_standards.begin(), out.pdf_standards.end(), *standard) == out.pdf_standards.end())
                out.pdf_standards.push_back(*standard);
        }
        out.theme = theme;
        out.font_dirs = font_dirs;
        out.catalogue = catalogue;
        if (!digits.empty()) out.digits = chosen(digits, kDigits);
        if (!aggregate.empty()) out.aggregate.period = chosen(aggregate, kAggregates);
        if (!measure.empty()) out.aggregate.measure = chosen(measure, kMeasures);
        if (!label_where.empty()) out.aggregate.label_min_fatalities = parse_label_where(label_where);
        if (!label_top.empty()) out.aggregate.label_top = std::stoul(label_top);
        Diagnostics unusable = check_options(out);
        if (std::string unused = unused_option(); !unused.empty())
            refused = "a " + layout + " has no use for " + unused;
        else if (!unusable.empty())
            refused = unusable.front().message;
        return out;
    }
};

// Sanitized builds end as any program does, so that their checks at exit (leaks) still run.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)  // GCC
constexpr bool kSanitized = true;
#elif defined(__has_feature)  // clang
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(leak_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// A render whose files are in place ends the process here, before its command returns: the
// system takes its memory back at once, where freeing the font maps, caches and scene one
// object at a time was a tenth of a 10-event render (docs/performance.md, eleventh round).
// Called inside the command, while what it made is still alive; a failure returns.
int exit_now_if_written(int code) {
    if (code == kOk && !kSanitized) {
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(kOk);
    }
    return code;
}

// `tarikh render`
struct RenderCommand {
    std::string input, output, format, lang, layout_json_path, quality_json_path;
    double dpi = RenderOptions{}.dpi;
    EditionArgs edition;
    Limits limits;
    TableArgs table;

    CLI::App* add_to(CLI::App& app) {
        auto* render = app.add_subcommand("render", "render a timeline to SVG, PDF, PNG or HTML");
        render->add_option("INPUT", input,
                           "timeline file (format tarikh/1, TimelineJS JSON or CSV, an ACLED or UCDP GED CSV export), "
                           "or - for stdin")
            ->required();
        render->add_option("-o,--output", output, "output file; its extension picks the format; - for stdout")->required();
        render->add_option("--format", format, "the output's format (default: from OUTPUT's extension)")
            ->check(CLI::IsMember(kFormatNames));
        render->add_option("--lang", lang,
                           "language of the edition, e.g. ar, or en+ar for a bilingual chronicle (default: the file's first)");
        edition.add_to(render);
        render->add_option("--dpi", dpi, "PNG resolution (96: one pixel per px)")->check(kDpi);
        render->add_option("--layout-json", layout_json_path, "also write every placed box as JSON to this file");
        render->add_option("--quality-json", quality_json_path,
                           "also write the layout's quality (overlaps, rows, leaders, order kept, smallest text) as JSON to this file");
        limits.add_to(render, true);
        table.add_to(render);
        render->footer("Examples:\n  tarikh render timelines/idlib-sochi-2018.json -o out/idlib-ar.png --lang ar --dpi 192\n"
                       "  tarikh render acled-syria.csv --where admin1=Idlib --width 680 --aggregate week "
                       "--label-where 'fatalities>=10' -o out/idlib.png");
        return render;
    }

    // Every file of the render or none: what was written is removed when a later write fails
    // (`written`: pages already in place); pages left beside the output by an earlier render
    // with more pages go once it succeeded.
    int write(const Timeline& timeline, Rendered& rendered) const {
        std::vector<std::pair<std::string, std::string>> files;
        for (size_t file = 0; file < rendered.files.size(); ++file)
            files.emplace_back(paged_path(output, file), std::move(rendered.files[file]));
        return write(&timeline, rendered.layout, std::move(files), {});
    }
    int write(const Timeline* timeline, const LaidOut& layout, std::vector<std::pair<std::string, std::string>> files,
              const std::vector<std::string>& written) const {
        size_t pages = written.size() + files.size();
        auto remove_written = [&] {
            for (const auto& path : written) std::remove(path.c_str());
        };
        std::vector<std::pair<const std::string*, Result<std::string>>> reports;
        if (!layout_json_path.empty()) reports.emplace_back(&layout_json_path, layout.boxes_json());
        if (!quality_json_path.empty()) reports.emplace_back(&quality_json_path, quality_json(*timeline, layout));
        for (auto& [path, json] : reports) {
            print(json.diagnostics, *path);
            if (json) continue;
            remove_written();
            return kOutputError;
        }
        for (auto& [path, json] : reports) files.emplace_back(*path, std::move(*json));
        if (!write_outputs(files)) {
            remove_written();
            return kOutputError;
        }
        for (const auto& stale : remove_stale_pages(output, pages))
            std::cerr << "tarikh: note: removed " << stale << ", a page of an earlier render with more pages\n";
        return kOk;
    }

    // An SVG drawn straight into its files, never held whole (a 100,000-event chart is 346 MB),
    // each named only once complete, and the timeline let go once laid out unless a report
    // needs it: the same files and messages as render() then write(), with a third of the memory.
    int stream_svg(Result<Timeline>& timeline, Renderer& renderer, const RenderOptions& options) const {
        Result<LaidOut> laid = renderer.lay_out(*timeline, options);
        print(laid.diagnostics, input);
        if (!laid) return kOutputError;
        if (quality_json_path.empty()) timeline.value.reset();
        std::vector<std::string> written;
        for (size_t file = 0, files = laid->files(options.format); file < files; ++file) {
            std::string path = paged_path(output, file);
            auto [drawn, error] = renderer.draw_into_file(*laid, options, file, path, Devices::written_into);
            if (!drawn && error.empty()) print(drawn.diagnostics, input);
            if (!error.empty()) std::cerr << "tarikh: error: cannot write " << path << ": " << error << "\n";
            if (!drawn || !error.empty()) {
                for (const auto& done : written) std::remove(done.c_str());
                return kOutputError;
            }
            written.push_back(path);
        }
        return write(timeline ? &*timeline : nullptr, *laid, {}, written);
    }

    // A PDF written into its file as it is made, named only once complete: a chronicle's pages
    // as they are laid out, so that its memory does not grow with its pages; another layout's
    // after its timeline is let go, as an SVG's. The same file and messages as render() then
    // write() (which the reports, needing the whole layout, still take).
    int stream_pdf(Result<Timeline>& timeline, Renderer& renderer, const RenderOptions& options) const {
        AtomicFile out(output, Devices::written_into);
        auto sink = [&](std::string_view piece) { return out.write(piece); };
        Result<size_t> drawn = std::holds_alternative<ChronicleView>(options.view)
                                   ? renderer.render_pdf_to(*timeline, options, sink)
                                   : lay_out_and_draw(timeline, renderer, options, sink);
        std::string error = !out.error().empty() ? out.error() : drawn ? out.commit() : "";
        Diagnostics said = drawn.diagnostics;
        if (!out.error().empty())  // the sink's refusal is said as the file's error
            std::erase_if(said, [](const Diagnostic& d) { return d.severity == Severity::error; });
        print(said, input);
        if (!error.empty()) std::cerr << "tarikh: error: cannot write " << output << ": " << error << "\n";
        if (!drawn || !error.empty()) return kOutputError;
        for (const auto& stale : remove_stale_pages(output, 1))
            std::cerr << "tarikh: note: removed " << stale << ", a page of an earlier render with more pages\n";
        return kOk;
    }

    // What render_pdf_to does for a layout other than the chronicle, with the timeline, the
    // boxes and the notes (no report is asked for) let go before the drawing (a 100,000-event
    // chart's: 60 and ~50 MB).
    static Result<size_t> lay_out_and_draw(Result<Timeline>& timeline, Renderer& renderer, const RenderOptions& options,
                                           const std::function<bool(std::string_view)>& sink) {
        RenderOptions lean = options;
        lean.keep_reports = false;
        Result<LaidOut> laid = renderer.lay_out(*timeline, lean);
        if (!laid) return {std::nullopt, std::move(laid.diagnostics)};
        timeline.value.reset();
#ifdef __GLIBC__
        // What the layout freed in small blocks stays resident in malloc's arena, and the page's
        // content (one large block) cannot reuse it: handed back, it is not counted twice.
        malloc_trim(0);
#endif
        Result<size_t> drawn = renderer.draw_to(*laid, options, 0, sink);
        laid.diagnostics.insert(laid.diagnostics.end(), drawn.diagnostics.begin(), drawn.diagnostics.end());
        return {drawn.value, std::move(laid.diagnostics)};
    }

    int run() const {
        // Refused before anything is read: an output replacing the input, or another output.
        std::vector<NamedOutput> outputs{{"-o", output, true}};
        if (!layout_json_path.empty()) outputs.push_back({"--layout-json", layout_json_path});
        if (!quality_json_path.empty()) outputs.push_back({"--quality-json", quality_json_path});
        std::vector<std::string> inputs = style_files(edition.theme, edition.catalogue);
        inputs.insert(inputs.begin(), input);
        if (std::string clash = clashing_names(inputs, outputs); !clash.empty()) return usage_error("render", clash);
        if (format.empty() && output == "-") return usage_error("render", "writing to stdout needs --format");
        std::optional<Format> chosen_format = format.empty() ? format_from_path(output) : format_from_name(format);
        if (!chosen_format)
            return usage_error("render", "cannot tell the output format of \"" + output +
                                             "\"; name it .svg, .pdf, .png or .html, or pass --format");
        std::string refused;
        // No --lang: the file's first language.
        RenderOptions options = edition.options(lang.empty() ? std::vector<std::string>{} : edition_languages(lang), refused);
        if (!refused.empty()) return usage_error("render", refused);
        if (std::string unused = edition.unused_svg_option({*chosen_format}); !unused.empty())
            return usage_error("render", unused + " is for " +
                                             (unused == "--svg-text" ? "svg and html" : unused == "--pdf-standard" ? "pdf" : "svg") +
                                             " output, found " + format_name(*chosen_format));
        if (!edition.theme_usable()) return kInputError;
        options.format = *chosen_format;
        options.dpi = dpi;
        options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        limits.apply_to(options);

        ReadOptions reading = limits.read_options();
        reading.table = table.choice();
        Result<Timeline> timeline = load_file(input, reading);  // "-": stdin, within the limit too
        print(timeline.diagnostics, input);
        if (!timeline) return read_failure(timeline.diagnostics);
        if (Diagnostics unknown = check_languages(*timeline, options); !unknown.empty())
            return usage_error("render", unknown.front().message + "\nhint: " + unknown.front().hints.front());
        Result<Renderer> renderer = Renderer::create();
        if (renderer && options.format == Format::svg && output != "-")
            return exit_now_if_written(stream_svg(timeline, *renderer, options));
        if (renderer && options.format == Format::pdf && output != "-" && layout_json_path.empty() && quality_json_path.empty())
            return exit_now_if_written(stream_pdf(timeline, *renderer, options));
        Result<Rendered> rendered = renderer ? renderer->render(*timeline, options) : Result<Rendered>{};
        print(renderer ? rendered.diagnostics : renderer.diagnostics, input);
        if (!rendered) return kOutputError;
        if (rendered->files.size() > 1 && output == "-")
            return usage_error("render", "this layout has " + std::to_string(rendered->files.size()) + " pages and " +
                                             (options.format == Format::png ? "a PNG" : "an SVG") +
                                             " holds one, so it cannot go to stdout; write it to a file (pages 2 and on "
                                             "are written beside it as NAME-2, NAME-3, …) or pass --format pdf or html");
        return exit_now_if_written(write(*timeline, *rendered));
    }
};

// Each word once, where it first came.
void keep_first_of_each(std::vector<std::string>& words) {
    std::vector<std::string> kept;
    for (auto& word : words)
        if (std::find(kept.begin(), kept.end(), word) == kept.end()) kept.push_back(std::move(word));
    words = std::move(kept);
}

// `tarikh batch`
struct BatchArgs {
    BatchCommand command;
    std::vector<std::string> formats = format_names(BatchOptions{}.formats);
    std::vector<std::string> languages;
    std::string shard;
    double dpi = RenderOptions{}.dpi;
    EditionArgs edition;
    Limits limits;
    TableArgs table;

    CLI::App* add_to(CLI::App& app) {
        command.options.jobs = default_jobs(std::thread::hardware_concurrency(), available_memory());
        auto* batch = app.add_subcommand("batch", "render many timelines, in parallel, into a folder");
        batch->add_option("INPUTS", command.inputs,
                          "timeline files, folders (searched for *.json and *.csv, but for tarikh's own .tarikh-batch.json "
                          "and --report) or - for a list of paths on stdin")
            ->required();
        batch->add_option("-o,--output", command.options.output_dir,
                          "output folder: DIR/NAME.LANG.EXT, keeping the inputs' folder structure")
            ->required();
        batch->add_option("--format", formats, "formats to write (default: svg,pdf,png)")
            ->delimiter(',')
            ->check(CLI::IsMember(kFormatNames));
        batch->add_option("--lang", languages, "languages, e.g. en,ar (default: each file's own)")->delimiter(',');
        batch->add_option("--jobs,-j", command.options.jobs,
                          "parallel workers (default: the number of cores, at most one per 2 GB of available memory)")
            ->check(CLI::Range(1, 256));
        batch->add_option("--dpi", dpi, "PNG resolution")
            ->check(kDpi);
        batch->add_flag("--incremental", command.options.incremental,
                        "skip outputs newer than their input, made by this version with the same options");
        batch->add_option("--combine", command.combine,
                          "also merge every PDF of the run into this booklet; with --pdf-standard, the booklet as a "
                          "whole meets it");
        batch->add_option("--combine-title", command.combine_title,
                          "the booklet's title, shown by viewers and read first by screen readers (default: its file's name)");
        batch->add_option("--shard", shard, "render only share K of N (1-based), e.g. 2/3, for several machines");
        batch->add_option("--report", command.report, "write a JSON summary (inputs, outputs, errors, timings)");
        batch->add_flag("--quiet,-q", command.quiet, "no progress and no summary; errors are still printed");
        edition.add_to(batch);
        limits.add_to(batch, true);
        table.add_to(batch);
        batch->footer("Examples:\n  tarikh batch timelines -o out --format pdf --lang en,ar --combine out/booklet.pdf\n"
                      "  find . -name '*.json' | tarikh batch - -o out --incremental\n"
                      "  tarikh batch timelines -o out --shard 2/3    # on the second of three machines");
        return batch;
    }

    bool read_shard() {
        if (shard.empty()) return true;
        int k = 0, n = 0;
        char extra = 0;
        if (std::sscanf(shard.c_str(), "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n) return false;
        command.shard_index = k;
        command.shard_count = n;
        return true;
    }

    int run() {
        if (!read_shard())
            return usage_error("batch", "--shard expects K/N with 1 <= K <= N, found \"" + shard + "\"");
        // A repeat asks for nothing more (--format svg,svg; --lang fr,fr): merged, not refused, so
        // that a script may join a default list with a user's, as it would the words of a path.
        keep_first_of_each(formats);
        keep_first_of_each(languages);
        command.options.formats.clear();
        for (const auto& name : formats) command.options.formats.push_back(*format_from_name(name));
        bool has_pdf = std::find(formats.begin(), formats.end(), "pdf") != formats.end();
        if (!command.combine.empty() && !has_pdf) return usage_error("batch", "--combine needs pdf among --format");
        if (!command.combine_title.empty() && command.combine.empty())
            return usage_error("batch", "--combine-title needs --combine");
        std::string refused;
        // Each of --lang is one edition: each must be one the view can show.
        for (const auto& lang : languages) {
            edition.options(edition_languages(lang), refused);
            if (!refused.empty()) return usage_error("batch", refused);
        }
        command.options.drawing = edition.options({}, refused);
        if (!refused.empty()) return usage_error("batch", refused);
        if (std::string unused = edition.unused_svg_option(command.options.formats); !unused.empty())
            return usage_error("batch", unused + " needs " + (unused == "--pdf-standard" ? "pdf" : "svg") +
                                            (unused == "--svg-text" ? " or html" : "") +
                                            " among --format");
        if (!edition.theme_usable()) return kInputError;
        command.options.drawing.dpi = dpi;
        command.options.languages = languages;
        command.options.reading = limits.read_options();
        command.options.reading.table = table.choice();
        limits.apply_to(command.options.drawing);
        return run_batch_command(command);
    }
};

// `tarikh import timelinejs`
int run_import(const std::string& input, const std::string& output, const Limits& limits) {
    // Checked as `validate` would; every diagnostic names a place in the input.
    Result<std::string> converted = convert_timelinejs_file(input, limits.read_options());
    print(converted.diagnostics, input);
    if (!converted) return kInputError;
    return write_output(output, *converted) ? kOk : kOutputError;
}

// `tarikh import acled`, `tarikh import ucdp-ged`
int run_import_table(const std::string& input, const std::string& output, const Limits& limits, InputFormat dataset,
                     const TableArgs& table) {
    ReadOptions reading = limits.read_options();
    reading.from = dataset;
    reading.table = table.choice();
    Result<std::string> converted = convert_event_table_file(input, reading);
    print(converted.diagnostics, input);
    if (!converted) return read_failure(converted.diagnostics);
    return write_output(output, *converted) ? kOk : kOutputError;
}

int run_validate(const std::vector<std::string>& inputs, const Limits& limits) {
    int status = kOk;
    for (const auto& input : inputs) {
        Result<Timeline> timeline = load_file(input, limits.read_options());
        print(timeline.diagnostics, input);
        if (!timeline) status = kInputError;
        // Said on stdout, so that a reader can tell a file checked from nothing happening.
        else std::cout << escape_controls(input) << ": valid, " << timeline->events.size()
                       << (timeline->events.size() == 1 ? " event\n" : " events\n");
    }
    return status;
}

int run(int argc, char** argv) {
    skip_system_fontconfig();
    CLI::App app{"tarikh " + version() + " — timelines of events to SVG, PDF, PNG and HTML, in twelve languages and more", "tarikh"};
    app.footer(std::string("Examples:\n  tarikh render timelines/idlib-sochi-2018.json -o out/idlib.svg --lang ar\n"
                           "  tarikh batch timelines -o out\n\n") + kExitCodes);
    app.set_version_flag("--version", "tarikh " + version());
    app.require_subcommand(1);

    // Only the subcommand asked for is set up: CLI11 makes every option of every subcommand
    // (1.7 M instructions of a 10-event render's 56 M went to the four unused). All of them
    // when the first word is an option (--help), so that help lists all.
    const std::string asked = argc > 1 ? argv[1] : "";
    if (auto unknown = unknown_subcommand(asked, {"render", "batch", "import", "schema", "validate"}))
        return usage_error("", *unknown);
    if (auto unknown = unknown_subcommand(asked == "import" && argc > 2 ? argv[2] : "", {"timelinejs", "acled", "ucdp-ged"}))
        return usage_error("import", *unknown);
    const bool every = asked.empty() || asked[0] == '-';
    auto wanted = [&](const char* name) { return every || asked == name; };

    RenderCommand render_command;
    CLI::App* render = wanted("render") ? render_command.add_to(app) : nullptr;
    BatchArgs batch_args;
    CLI::App* batch = wanted("batch") ? batch_args.add_to(app) : nullptr;

    std::string import_input, import_output;
    Limits import_limits;
    TableArgs import_table;
    CLI::App *import = nullptr, *import_acled = nullptr, *import_ged = nullptr;
    if (wanted("import")) {
        import = app.add_subcommand("import", "convert a timeline from another tool to format v1");
        import->footer("Examples:\n  tarikh import acled acled-syria.csv --where admin1=Idlib -o idlib.json\n"
                       "  tarikh import ucdp-ged ged-syria.csv --lanes side --min-fatalities 5 -o ged.json\n"
                       "  tarikh import timelinejs women_in_computing.json -o women.json\n"
                       "Each subcommand's --help lists its options (tarikh import acled --help)");
        auto* import_timelinejs =
            import->add_subcommand("timelinejs", "TimelineJS JSON (v3 or v2) or its Google Sheet CSV");
        import->require_subcommand(1);
        import_timelinejs->add_option("INPUT", import_input, "TimelineJS file (.json or .csv), or - for stdin")
            ->required();
        import_timelinejs->add_option("-o,--output", import_output, "the tarikh file to write; - for stdout")
            ->required();
        import_limits.add_to(import_timelinejs, false);
        import_timelinejs->footer("Example:\n  tarikh import timelinejs women_in_computing.json -o women.json");
        auto add_table_import = [&](const char* name, const char* what, const char* example) {
            auto* command = import->add_subcommand(name, what);
            command->add_option("INPUT", import_input, "the CSV export, or - for stdin")->required();
            command->add_option("-o,--output", import_output, "the tarikh file to write; - for stdout")->required();
            import_limits.add_to(command, false);
            // The dataset is the subcommand's, and nothing in a table is left out leniently.
            command->remove_option(command->get_option("--from"));
            command->remove_option(command->get_option("--strict"));
            import_table.add_to(command);
            command->footer(std::string("Example:\n  ") + example + "\nThe mapping, column by column: docs/import.md");
            return command;
        };
        import_acled = add_table_import("acled", "an ACLED export (CSV) of conflict events",
                                        "tarikh import acled acled-syria.csv --where admin1=Idlib -o idlib.json");
        import_ged = add_table_import(
            "ucdp-ged", "a UCDP Georeferenced Event Dataset table (CSV)",
            "tarikh import ucdp-ged ged-syria.csv --between 2018-09-17..2018-11-30 -o ged.json");
    }

    bool theme_schema = false;
    CLI::App* schema = nullptr;
    if (wanted("schema")) {
        schema = app.add_subcommand("schema", "print the JSON Schema (draft 2020-12) of format v1");
        schema->add_flag("--theme", theme_schema, "the schema of a theme file instead (docs/themes.md)");
        schema->footer("Examples:\n  tarikh schema > tarikh.schema.json\n  tarikh schema --theme > theme.schema.json");
    }

    std::vector<std::string> inputs;
    Limits validate_limits;
    if (wanted("validate")) {
        auto* validate = app.add_subcommand("validate", "check timeline files and report every problem");
        validate->add_option("INPUT", inputs, "timeline files")->required();
        validate_limits.add_to(validate, false);
        validate->footer("Prints \"FILE: valid, N events\" on stdout for each file without errors; problems go to stderr.\n\n"
                         "Example:\n  tarikh validate timelines/*.json");
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kUsageError;
    }
    if (render && *render) return render_command.run();
    if (batch && *batch) return batch_args.run();
    if (import_acled && *import_acled)
        return run_import_table(import_input, import_output, import_limits, InputFormat::acled, import_table);
    if (import_ged && *import_ged)
        return run_import_table(import_input, import_output, import_limits, InputFormat::ucdp_ged, import_table);
    if (import && *import) return run_import(import_input, import_output, import_limits);
    if (schema && *schema) {
        std::cout << (theme_schema ? kThemeSchemaText : kSchemaText);
        return std::cout ? kOk : kOutputError;
    }
    return run_validate(inputs, validate_limits);
}

}  // namespace

int main(int argc, char** argv) {
    // Every expected failure is a diagnostic; this catches what was not expected (an allocation
    // that failed, a library that threw), so that no exception ends the process with an abort.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "tarikh: error: unexpected failure: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "tarikh: error: unexpected failure\n";
    }
    return kOutputError;
}
