#include "batch_command.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <tarikh/booklet.hpp>
#include <tarikh/files.hpp>

#include "batch/report.hpp"
#include "common.hpp"

namespace tarikh::cli {
namespace {

std::atomic<bool> g_stop{false};
volatile std::sig_atomic_t g_quiet = 0;

// The first signal stops the batch before its next output; a second one ends it at once,
// which leaves every output whole as they are written atomically.
void request_stop(int) {
    if (g_stop.exchange(true)) ::_exit(kInterrupted);
    static constexpr char kNote[] = "\ntarikh: stopping after the current output; signal again to stop at once\n";
    if (!g_quiet) {
        ssize_t written = ::write(STDERR_FILENO, kNote, sizeof kNote - 1);
        (void)written;  // nothing to be done about a failed note
    }
}

// With --quiet only errors are printed.
void print_problems(const Diagnostics& diagnostics, const std::string& file, bool quiet) {
    Diagnostics shown;
    for (const auto& d : diagnostics)
        if (!quiet || d.severity == Severity::error) shown.push_back(d);
    print(shown, file);
}

// A bar with count, rate and ETA on a terminal; one line per input otherwise.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool quiet) : quiet_(quiet), terminal_(::isatty(STDERR_FILENO)) {}

    void operator()(const BatchInputResult& result, size_t done, size_t total) {
        // Problems are always reported, with their locations (errors only, with --quiet).
        if (terminal_ && !quiet_) std::cerr << "\r\033[K";
        print_problems(result.diagnostics, result.input.path, quiet_);
        if (quiet_) return;
        if (!terminal_) {
            std::cerr << "[" << done << "/" << total << "] " << result.input.path << ": " << status(result) << "\n";
            return;
        }
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        double rate = elapsed > 0 ? done / elapsed : 0;
        double eta = rate > 0 ? (total - done) / rate : 0;
        constexpr int kWidth = 30;
        int filled = static_cast<int>(kWidth * done / std::max<size_t>(total, 1));
        char line[160];
        std::snprintf(line, sizeof line, "[%s%s] %zu/%zu  %.1f files/s  ETA %.0f s", std::string(filled, '#').c_str(),
                      std::string(kWidth - filled, '-').c_str(), done, total, rate, eta);
        std::cerr << line << std::flush;
        if (done == total) std::cerr << "\r\033[K";
    }

private:
    // What a rendered input wrote, or its status as the report names it; "up to date" says why
    // it was skipped.
    static std::string status(const BatchInputResult& result) {
        if (result.status == InputStatus::skipped) return "up to date";
        if (result.status != InputStatus::rendered) return status_name(result.status);
        size_t written = 0;
        for (const auto& output : result.outputs) written += !output.skipped;
        return std::to_string(written) + (written == 1 ? " file written" : " files written");
    }

    bool quiet_, terminal_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The booklet and the report, checked before anything is rendered: neither may name a file of
// the batch or the other (a usage error), and each one's folder must be there, or be the output
// folder, which the batch makes (else an output error, as `render` has at its end).
int check_side_files(const BatchCommand& command, const std::vector<BatchInput>& inputs) {
    std::vector<NamedOutput> side;
    if (!command.combine.empty()) side.push_back({"--combine", command.combine});
    if (!command.report.empty()) side.push_back({"--report", command.report});
    for (const auto& file : side)
        if (std::string named = batch_file_named(file.path, inputs, command.options.output_dir); !named.empty())
            return usage_error("batch", file.option + " " + escape_controls(file.path) + " names " + escape_controls(named));
    const RenderOptions& drawing = command.options.drawing;
    if (std::string clash = clashing_names(style_files(drawing.theme, drawing.catalogue), side); !clash.empty())
        return usage_error("batch", clash);
    for (const auto& file : side) {
        std::filesystem::path folder = std::filesystem::path(file.path).parent_path();
        std::error_code ec;
        if (file.path == "-" || folder.empty() || std::filesystem::is_directory(folder, ec) ||
            same_file(folder.string(), command.options.output_dir))
            continue;
        std::cerr << "tarikh: error: cannot write " << file.path << ": its folder " << folder.string()
                  << (std::filesystem::exists(folder, ec) ? " is not a folder" : " does not exist") << "\n";
        return kOutputError;
    }
    return kOk;
}

// An input refused before rendering (missing, or its outputs clashing with another's) failed
// all the same: counted in the summary and listed in the report, first, with its reason.
void add_refused(const std::vector<RefusedInput>& refused, BatchResult& result) {
    std::vector<BatchInputResult> failed(refused.size());
    for (size_t i = 0; i < refused.size(); ++i) {
        failed[i].input = {refused[i].path, ""};
        failed[i].status = InputStatus::failed;
        failed[i].diagnostics.push_back({Severity::error, refused[i].path, 0, 0, "", refused[i].reason, {}});
    }
    result.inputs.insert(result.inputs.begin(), failed.begin(), failed.end());
}

std::vector<BookletPart> pdfs_of(const BatchResult& result) {
    std::vector<BookletPart> parts;
    for (const auto& input : result.inputs)
        for (const auto& output : input.outputs)
            if (output.format == Format::pdf) parts.push_back({output.path, output.title});
    return parts;
}

// The booklet meets the standards its parts were rendered to; untitled, it is called by its
// file's name (a viewer shows the title in its window, a screen reader reads it first).
bool combine(const std::vector<BookletPart>& parts, const BatchCommand& command) {
    const std::string title = !command.combine_title.empty() ? command.combine_title
                              : command.combine == "-"     ? "booklet"  // to stdout: no file name to go by
                                                           : std::filesystem::path(command.combine).stem().string();
    const std::string& path = command.combine;
    Result<std::string> booklet = combine_pdfs(parts, title, command.options.drawing.pdf_standards);
    if (booklet) return write_output(path, *booklet);
    std::cerr << "tarikh: error: cannot combine the PDFs into " << path << ": " << booklet.diagnostics.back().message
              << "\n";
    return false;
}

int render_batch(const BatchCommand& command) {
    // A report is JSON, as inputs are: a folder search takes neither this run's nor the last's.
    std::vector<std::string> own;
    if (!command.report.empty()) own.push_back(command.report);
    CollectedInputs collected = collect_inputs(command.inputs, std::cin, own);
    if (int refused = check_side_files(command, collected.inputs); refused != kOk) return refused;
    std::vector<BatchInput> inputs;
    for (const auto& input : collected.inputs)
        if (in_shard(input, command.shard_index, command.shard_count)) inputs.push_back(input);
    // A refused input is in one share, as any input is: counted once over all the shards.
    std::vector<RefusedInput> refused;
    for (const auto& input : collected.refused)
        if (in_shard({input.path, input.path}, command.shard_index, command.shard_count)) refused.push_back(input);
    for (const auto& input : refused) print({{Severity::error, input.path, 0, 0, "", input.reason, {}}}, "");

    g_quiet = command.quiet;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    ProgressPrinter progress(command.quiet);
    BatchResult result = run_batch(inputs, command.options, g_stop,
                                   [&](const BatchInputResult& r, size_t done, size_t total) { progress(r, done, total); });
    // No output of the batch is left to stop before: from here a signal ends the run at once,
    // with the batch's exit code for it (the booklet and report are written atomically). The
    // handler stays, so that a second signal racing the end of the batch is no plain kill.
    g_stop = true;
    print_problems(result.problems, "tarikh", command.quiet);
    add_refused(refused, result);

    bool output_ok = !has_errors(result.problems);
    if (!command.combine.empty() && !result.interrupted) {
        std::vector<BookletPart> parts = pdfs_of(result);
        // A booklet of no page is no PDF a reader opens: none is written. That alone is no
        // failure (a shard may have no input); inputs that failed say so in the exit code.
        if (parts.empty())
            std::cerr << "tarikh: no PDF was rendered: no booklet written to " << escape_controls(command.combine) << "\n";
        else
            output_ok &= combine(parts, command);
    }
    if (!command.report.empty()) output_ok &= write_output(command.report, batch_report_json(result));

    BatchCounts counts = count(result);
    if (!command.quiet) {
        char line[200];
        std::snprintf(line, sizeof line, "batch: %zu rendered, %zu failed, %zu skipped%s; %zu %s written in %.2f s (%.1f files/s)",
                      counts.rendered, counts.failed, counts.skipped,
                      result.interrupted ? ", interrupted" : "", counts.outputs, counts.outputs == 1 ? "file" : "files",
                      result.seconds, result.seconds > 0 ? counts.outputs / result.seconds : 0.0);
        std::cerr << line << "\n";
    }
    if (result.interrupted) return kInterrupted;
    bool output_failed = !output_ok;
    for (const auto& input : result.inputs) output_failed |= input.output_error;
    if (output_failed) return kOutputError;
    return counts.failed > 0 ? kInputError : kOk;
}

}  // namespace

int run_batch_command(const BatchCommand& command) {
    try {
        return render_batch(command);
    } catch (const std::exception& e) {
        std::cerr << "tarikh: error: batch stopped: " << e.what() << "\n";
        return kOutputError;
    }
}

}  // namespace tarikh::cli
