// tarikh: the command line, on top of the library façade.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "api/tarikh.hpp"
#include "files/atomic_file.hpp"
#include "layout/layout_json.hpp"

namespace {

namespace fs = std::filesystem;
using namespace tarikh;

enum Exit { kOk = 0, kInputError = 1, kUsageError = 2, kOutputError = 3 };

const char* kExitCodes =
    "Exit codes:\n"
    "  0  success (warnings may have been printed)\n"
    "  1  input error: the timeline is unreadable or invalid\n"
    "  2  usage error: bad command line\n"
    "  3  output error: the output could not be rendered or written\n";

void print(const Diagnostics& diagnostics, const std::string& file) {
    for (Diagnostic d : diagnostics) {
        if (d.file.empty()) d.file = file;
        std::cerr << format_diagnostic(d) << "\n";
    }
}

// A failed or interrupted run never leaves a partial output. "-" writes to stdout.
bool write_output(const std::string& path, const std::string& bytes) {
    if (path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return static_cast<bool>(std::cout);
    }
    std::string error = write_file_atomically(path, bytes);
    if (!error.empty()) std::cerr << "tarikh: error: cannot write " << path << ": " << error << "\n";
    return error.empty();
}

ParseResult load(const std::string& input) {
    if (input != "-") return load_file(input);
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return load_string(text, "-");
}

int run_render(const std::string& input, const std::string& output, const std::string& format_name,
               const std::string& lang, double dpi, const std::string& layout_json_path) {
    std::optional<Format> format = format_name.empty() ? format_from_path(output) : format_from_name(format_name);
    if (!format) {
        std::cerr << "tarikh: error: cannot tell the output format of \"" << output
                  << "\"; name it .svg, .pdf or .png, or pass --format\nTry 'tarikh render --help'.\n";
        return kUsageError;
    }
    ParseResult parsed = load(input);
    print(parsed.diagnostics, input);
    if (!parsed.timeline) return kInputError;

    Renderer renderer;
    Rendered rendered = renderer.render(*parsed.timeline, RenderOptions{*format, lang, dpi});
    print(rendered.diagnostics, input);
    if (!rendered.bytes) return kOutputError;
    if (!layout_json_path.empty() && !write_output(layout_json_path, layout_json(rendered.layout))) return kOutputError;
    return write_output(output, *rendered.bytes) ? kOk : kOutputError;
}

int run_validate(const std::vector<std::string>& inputs) {
    int status = kOk;
    for (const auto& input : inputs) {
        ParseResult parsed = load(input);
        print(parsed.diagnostics, input);
        if (!parsed.timeline) status = kInputError;
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"tarikh " TARIKH_VERSION " — timelines of events to SVG, PDF and PNG, in English and Arabic", "tarikh"};
    app.footer(std::string("Example:\n  tarikh render timelines/idlib-sochi-2018.json -o out/idlib.svg --lang ar\n\n") + kExitCodes);
    app.set_version_flag("--version", "tarikh " TARIKH_VERSION);
    app.require_subcommand(1);

    std::string input, output, format, lang, layout, layout_json_path;
    double dpi = 96;
    auto* render = app.add_subcommand("render", "render a timeline to SVG, PDF or PNG");
    render->add_option("INPUT", input, "timeline file (format tarikh/1), or - for stdin")->required();
    render->add_option("-o,--output", output, "output file; its extension picks the format; - for stdout")->required();
    render->add_option("--format", format, "svg, pdf or png (default: from OUTPUT's extension)")
        ->check(CLI::IsMember({"svg", "pdf", "png"}));
    render->add_option("--lang", lang, "language of the edition, e.g. ar (default: the file's first language)");
    render->add_option("--layout", layout, "layout: chart")->check(CLI::IsMember({"chart"}))->default_val("chart");
    render->add_option("--dpi", dpi, "PNG resolution (96: one pixel per px)")->check(CLI::Range(12.0, 1200.0));
    render->add_option("--layout-json", layout_json_path, "also write every placed box as JSON to this file");
    render->footer("Example:\n  tarikh render timelines/idlib-sochi-2018.json -o out/idlib-ar.png --lang ar --dpi 192");

    std::vector<std::string> inputs;
    auto* validate = app.add_subcommand("validate", "check timeline files and report every problem");
    validate->add_option("INPUT", inputs, "timeline files")->required();
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
        return run_render(input, output, format, lang, dpi, layout_json_path);
    }
    return run_validate(inputs);
}
