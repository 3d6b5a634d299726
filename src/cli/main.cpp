// tarikh: the command line, on top of the library façade.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <thread>

#include <iostream>

#include "api/tarikh.hpp"
#include "batch/jobs.hpp"
#include "cli/batch_command.hpp"
#include "cli/common.hpp"
#include "cli/schema_text.hpp"
#include "files/read_input.hpp"
#include "layout/layout_json.hpp"
#include "layout/quality.hpp"

namespace {

using namespace tarikh;
using namespace tarikh::cli;

// --from: what the inputs are, when their name and shape do not tell.
void add_from_option(CLI::App* command, InputFormat& from) {
    static const std::map<std::string, InputFormat> names{{"auto", InputFormat::automatic},
                                                         {"tarikh", InputFormat::tarikh},
                                                         {"timelinejs", InputFormat::timelinejs},
                                                         {"timelinejs-csv", InputFormat::timelinejs_csv}};
    command->add_option("--from", from, "input format: auto (default), tarikh, timelinejs or timelinejs-csv")
        ->transform(CLI::CheckedTransformer(names, CLI::ignore_case));
}

// A number that is finite and above zero: CLI11's ranges let "nan" through (every comparison
// with it is false), and unsigned options would wrap "-1" around.
const CLI::Validator kPositive(
    [](const std::string& text) {
        char* end = nullptr;
        double value = std::strtod(text.c_str(), &end);
        bool ok = !text.empty() && end == text.c_str() + text.size() && std::isfinite(value) && value > 0;
        return ok ? std::string() : "expected a finite number above zero, found \"" + text + "\"";
    },
    "POSITIVE");

// The limits a user can raise or lower, shared by every command (docs/security.md).
struct Limits {
    InputFormat from = InputFormat::automatic;  // not a limit, but read with them
    ParseLimits parse;
    size_t max_file_mb = ParseLimits{}.max_file_bytes >> 20;
    double max_pixels = RenderOptions{}.max_pixels;
    size_t max_pages = RenderOptions{}.max_pages;

    void add_to(CLI::App* command, bool rendering) {
        add_from_option(command, from);
        command->add_option("--max-file-size", max_file_mb, "largest input, in MB")->capture_default_str()
            ->check(CLI::Range(size_t{1}, size_t{4096}))->group("Limits");
        command->add_option("--max-events", parse.max_events, "most events in one file")->capture_default_str()
            ->check(kPositive)->group("Limits");
        command->add_option("--max-text-length", parse.max_text_length, "longest text, in characters")
            ->capture_default_str()->check(kPositive)->group("Limits");
        command->add_option("--max-depth", parse.max_depth, "deepest JSON nesting")->capture_default_str()
            ->check(CLI::Range(8, 512))->group("Limits");
        command->add_flag("--strict", parse.strict,
                          "a TimelineJS field that cannot be read (an end date, an era) is an error, not left out");
        if (!rendering) return;
        command->add_option("--max-pixels", max_pixels, "largest PNG, width × height")->capture_default_str()
            ->check(kPositive)->group("Limits");
        command->add_option("--max-pages", max_pages, "most pages in one output")->capture_default_str()
            ->check(kPositive)->group("Limits");
    }
    ParseLimits parse_limits() const {
        ParseLimits limits = parse;
        limits.max_file_bytes = max_file_mb << 20;
        return limits;
    }
};

// Layout, page and calendar: how an edition looks, for render and batch alike.
LayoutKind layout_kind(const std::string& name) {
    if (name == "chronicle") return LayoutKind::chronicle;
    if (name == "calendar") return LayoutKind::calendar;
    return name == "radial" ? LayoutKind::radial : LayoutKind::chart;
}

void add_edition_options(CLI::App* command, RenderOptions& options, std::string& layout) {
    command->add_option("--layout", layout,
                        "chart (a time axis), chronicle (the story, paginated), calendar (month grids, events in their "
                        "days) or radial (time around a ring; --scale sequential spaces events evenly)")
        ->check(CLI::IsMember({"chart", "chronicle", "calendar", "radial"}))
        ->capture_default_str();
    auto* page = command->add_option("--page", options.page,
                                     "page size: A4, A3, Letter or Legal; a chart given one is printed across pages")
                     ->check(CLI::IsMember({"A4", "A3", "Letter", "Legal"}, CLI::ignore_case))
                     ->capture_default_str();
    page->each([&options](const std::string&) { options.print_chart = true; });
    static const std::map<std::string, ScaleKind> scales{{"auto", ScaleKind::automatic},
                                                         {"chronological", ScaleKind::chronological},
                                                         {"collapsed", ScaleKind::collapsed},
                                                         {"sequential", ScaleKind::sequential},
                                                         {"relative", ScaleKind::relative},
                                                         {"log", ScaleKind::log}};
    command->add_option("--scale", options.scale,
                        "chart axis: chronological (time in proportion, the default), collapsed (long quiet gaps "
                        "cut out), sequential (events evenly spaced in order), relative (each lane from its first event, "
                        "in elapsed time), log (orders of magnitude back from the latest event) or auto (collapsed when gaps "
                        "dwarf the rest)")
        ->transform(CLI::CheckedTransformer(scales, CLI::ignore_case));
    static const std::map<std::string, bool> facets{{"lanes", false}, {"none", true}};
    command->add_option("--facet", options.unified,
                        "chart bands: lanes (one band per lane, the default) or none (one band, lanes told by colour)")
        ->transform(CLI::CheckedTransformer(facets, CLI::ignore_case));
    static const std::map<std::string, SegmentKind> segments{
        {"none", SegmentKind::none}, {"era", SegmentKind::era}, {"month", SegmentKind::month}, {"year", SegmentKind::year}};
    command->add_option("--segment", options.segment,
                        "chart panels: none (the default), era, month or year (one panel each, its own axis)")
        ->transform(CLI::CheckedTransformer(segments, CLI::ignore_case));
    command->add_flag("--fit", options.fit, "print a chart on one page, scaled down to fit");
    command->add_flag("--landscape", options.landscape, "turn the page sideways");
    command->add_option("--calendar", options.calendar,
                        "dates in gregorian, islamic-umalqura (Hijri) or gregorian+islamic-umalqura (default: the file's)")
        ->check(CLI::IsMember({"gregorian", "islamic-umalqura", "gregorian+islamic-umalqura"}));
}

ParseResult load(const std::string& input, const ParseLimits& limits, InputFormat from) {
    return load_file(input, limits, from);  // "-" is stdin, read within the limit too
}

int run_render(const std::string& input, const std::string& output, const std::string& format_name,
               RenderOptions options, const std::string& layout_json_path, const std::string& quality_json_path,
               const Limits& limits) {
    std::optional<Format> format = format_name.empty() ? format_from_path(output) : format_from_name(format_name);
    if (!format) {
        std::cerr << "tarikh: error: cannot tell the output format of \"" << output
                  << "\"; name it .svg, .pdf, .png or .html, or pass --format\nTry 'tarikh render --help'.\n";
        return kUsageError;
    }
    ParseResult parsed = load(input, limits.parse_limits(), limits.from);
    print(parsed.diagnostics, input);
    if (!parsed.timeline) return kInputError;

    Renderer renderer;
    options.format = *format;
    options.max_pixels = limits.max_pixels;
    options.max_pages = limits.max_pages;
    Rendered rendered = renderer.render(*parsed.timeline, options);
    print(rendered.diagnostics, input);
    if (!rendered.bytes) return kOutputError;
    if (!rendered.more_pages.empty() && output == "-") {
        std::cerr << "tarikh: error: this layout has " << rendered.more_pages.size() + 1
                  << " pages and an " << (*format == Format::png ? "PNG" : "SVG")
                  << " holds one, so it cannot go to stdout; write it to a file (pages 2 and on are written "
                     "beside it as NAME-2, NAME-3, …) or pass --format pdf or html\nTry 'tarikh render --help'.\n";
        return kUsageError;
    }
    // Every file of the render or none: what was written is removed when a later write fails.
    std::vector<std::pair<std::string, std::string>> files{{output, std::move(*rendered.bytes)}};
    for (size_t page = 0; page < rendered.more_pages.size(); ++page)
        files.emplace_back(paged_path(output, page + 1), std::move(rendered.more_pages[page]));
    if (!layout_json_path.empty()) files.emplace_back(layout_json_path, layout_json(rendered.layout));
    if (!quality_json_path.empty()) {
        LayoutQuality quality = measure_quality(*parsed.timeline, rendered.layout);
        quality.layout_ms = rendered.layout_seconds * 1000;
        files.emplace_back(quality_json_path, quality_json(quality));
    }
    return write_outputs(files) ? kOk : kOutputError;
}

int run_validate(const std::vector<std::string>& inputs, const Limits& limits) {
    int status = kOk;
    for (const auto& input : inputs) {
        ParseResult parsed = load(input, limits.parse_limits(), limits.from);
        print(parsed.diagnostics, input);
        if (!parsed.timeline) status = kInputError;
    }
    return status;
}

int run(int argc, char** argv) {
    skip_system_fontconfig();
    CLI::App app{"tarikh " TARIKH_VERSION " — timelines of events to SVG, PDF and PNG, in English and Arabic", "tarikh"};
    app.footer(std::string("Examples:\n  tarikh render timelines/idlib-sochi-2018.json -o out/idlib.svg --lang ar\n"
                           "  tarikh batch timelines -o out\n\n") + kExitCodes);
    app.set_version_flag("--version", "tarikh " TARIKH_VERSION);
    app.require_subcommand(1);

    std::string input, output, format, lang, layout_json_path, quality_json_path;
    double dpi = 96;
    Limits limits;
    auto* render = app.add_subcommand("render", "render a timeline to SVG, PDF or PNG");
    render->add_option("INPUT", input, "timeline file (format tarikh/1), or - for stdin")->required();
    render->add_option("-o,--output", output, "output file; its extension picks the format; - for stdout")->required();
    render->add_option("--format", format, "svg, pdf, png or html (default: from OUTPUT's extension)")
        ->check(CLI::IsMember({"svg", "pdf", "png", "html"}));
    render->add_option("--lang", lang,
                       "language of the edition, e.g. ar, or en+ar for a bilingual chronicle (default: the file's first)");
    RenderOptions render_options;
    render_options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::string render_layout = "chart";
    add_edition_options(render, render_options, render_layout);
    render->add_option("--dpi", dpi, "PNG resolution (96: one pixel per px)")->check(kPositive & CLI::Range(12.0, 1200.0));
    render->add_option("--layout-json", layout_json_path, "also write every placed box as JSON to this file");
    render->add_option("--quality-json", quality_json_path,
                       "also write the layout's quality (overlaps, rows, leaders, order kept) as JSON to this file");
    limits.add_to(render, true);
    render->footer("Example:\n  tarikh render timelines/idlib-sochi-2018.json -o out/idlib-ar.png --lang ar --dpi 192");

    BatchCommand batch_command;
    std::vector<std::string> batch_formats{"svg", "pdf", "png"};
    std::string shard;
    batch_command.options.jobs = default_jobs(std::thread::hardware_concurrency(), available_memory());
    auto* batch = app.add_subcommand("batch", "render many timelines, in parallel, into a folder");
    batch->add_option("INPUTS", batch_command.inputs,
                      "timeline files, folders (searched for *.json) or - for a list of paths on stdin")
        ->required();
    batch->add_option("-o,--output", batch_command.options.output_dir,
                      "output folder: DIR/NAME.LANG.EXT, keeping the inputs' folder structure")
        ->required();
    batch->add_option("--format", batch_formats, "formats to write: svg, pdf, png, html (default: svg,pdf,png)")
        ->delimiter(',')
        ->check(CLI::IsMember({"svg", "pdf", "png", "html"}));
    batch->add_option("--lang", batch_command.options.languages, "languages, e.g. en,ar (default: each file's own)")
        ->delimiter(',');
    batch->add_option("--jobs,-j", batch_command.options.jobs,
                      "parallel workers (default: the number of cores, at most one per 2 GB of available memory)")
        ->check(CLI::Range(1, 256));
    batch->add_option("--dpi", batch_command.options.drawing.dpi, "PNG resolution")
        ->check(kPositive & CLI::Range(12.0, 1200.0));
    batch->add_flag("--incremental", batch_command.options.incremental,
                    "skip outputs newer than their input, made by this version with the same options");
    batch->add_option("--combine", batch_command.combine, "also merge every PDF of the run into this booklet");
    batch->add_option("--shard", shard, "render only share K of N (1-based), e.g. 2/3, for several machines");
    batch->add_option("--report", batch_command.report, "write a JSON summary (inputs, outputs, errors, timings)");
    batch->add_flag("--quiet,-q", batch_command.quiet, "no progress and no summary; errors are still printed");
    std::string batch_layout = "chart";
    add_edition_options(batch, batch_command.options.drawing, batch_layout);
    limits.add_to(batch, true);
    batch->footer("Examples:\n  tarikh batch timelines -o out --format pdf --lang en,ar --combine out/booklet.pdf\n"
                  "  find . -name '*.json' | tarikh batch - -o out --incremental\n"
                  "  tarikh batch timelines -o out --shard 2/3    # on the second of three machines");

    std::string import_input, import_output;
    Limits import_limits;
    auto* import = app.add_subcommand("import", "convert a timeline from another tool to format v1");
    auto* import_timelinejs = import->add_subcommand("timelinejs", "TimelineJS JSON (v3 or v2) or its Google Sheet CSV");
    import->require_subcommand(1);
    import_timelinejs->add_option("INPUT", import_input, "TimelineJS file (.json or .csv), or - for stdin")->required();
    import_timelinejs->add_option("-o,--output", import_output, "the tarikh file to write; - for stdout")->required();
    import_limits.add_to(import_timelinejs, false);
    import_timelinejs->footer("Example:\n  tarikh import timelinejs women_in_computing.json -o women.json");

    auto* schema = app.add_subcommand("schema", "print the JSON Schema (draft 2020-12) of format v1");
    schema->footer("Example:\n  tarikh schema > tarikh.schema.json");

    std::vector<std::string> inputs;
    auto* validate = app.add_subcommand("validate", "check timeline files and report every problem");
    validate->add_option("INPUT", inputs, "timeline files")->required();
    limits.add_to(validate, false);
    validate->footer("Example:\n  tarikh validate timelines/*.json");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kUsageError;
    }
    if (*render) {
        if (format.empty() && output == "-") {
            std::cerr << "tarikh: error: writing to stdout needs --format\nTry 'tarikh render --help'.\n";
            return kUsageError;
        }
        render_options.lang = lang;
        render_options.dpi = dpi;
        render_options.layout = layout_kind(render_layout);
        return run_render(input, output, format, render_options, layout_json_path, quality_json_path, limits);
    }
    if (*schema) {
        std::cout << kSchemaText;
        return std::cout ? kOk : kOutputError;
    }
    if (*import) {
        ParseLimits limits_of_import = import_limits.parse_limits();
        auto bytes = read_input(import_input, limits_of_import.max_file_bytes);
        if (auto* error = std::get_if<Diagnostic>(&bytes)) {
            print({*error}, import_input);
            return kInputError;
        }
        // Checked as `validate` would; every diagnostic names a place in the input.
        ImportResult imported =
            convert_timelinejs(std::get<std::string>(bytes), import_input, limits_of_import, import_limits.from);
        print(imported.diagnostics, import_input);
        if (!imported.tarikh_json) return kInputError;
        return write_output(import_output, *imported.tarikh_json) ? kOk : kOutputError;
    }
    if (*batch) {
        if (!shard.empty()) {
            int k = 0, n = 0;
            char extra = 0;
            if (std::sscanf(shard.c_str(), "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n) {
                std::cerr << "tarikh: error: --shard expects K/N with 1 <= K <= N, found \"" << shard
                          << "\"\nTry 'tarikh batch --help'.\n";
                return kUsageError;
            }
            batch_command.shard_index = k;
            batch_command.shard_count = n;
        }
        batch_command.options.formats.clear();
        for (const auto& name : batch_formats) batch_command.options.formats.push_back(*format_from_name(name));
        bool has_pdf = std::find(batch_formats.begin(), batch_formats.end(), "pdf") != batch_formats.end();
        if (!batch_command.combine.empty() && !has_pdf) {
            std::cerr << "tarikh: error: --combine needs pdf among --format\nTry 'tarikh batch --help'.\n";
            return kUsageError;
        }
        batch_command.options.drawing.layout = layout_kind(batch_layout);
        batch_command.options.limits = limits.parse_limits();
        batch_command.options.from = limits.from;
        batch_command.options.drawing.max_pixels = limits.max_pixels;
        batch_command.options.drawing.max_pages = limits.max_pages;
        return run_batch_command(batch_command);
    }
    return run_validate(inputs, limits);
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
