#include "batch_command.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <tarikh/booklet.hpp>

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

// The booklet meets the standards its parts were rendered to.
bool combine(const BatchResult& result, const std::string& path, const std::vector<PdfStandard>& standards) {
    std::vector<BookletPart> parts;
    for (const auto& input : result.inputs)
        for (const auto& output : input.outputs)
            if (output.format == Format::pdf) parts.push_back({output.path, output.title});
    Result<std::string> booklet = combine_pdfs(parts, "tarikh booklet", standards);
    if (booklet) return write_output(path, *booklet);
    std::cerr << "tarikh: error: cannot combine the PDFs into " << path << ": " << booklet.diagnostics.back().message
              << "\n";
    return false;
}

int render_batch(const BatchCommand& command) {
    CollectedInputs collected = collect_inputs(command.inputs, std::cin);
    for (const auto& error : collected.errors) std::cerr << "tarikh: error: " << error << "\n";
    std::vector<BatchInput> inputs;
    for (const auto& input : collected.inputs)
        if (in_shard(input, command.shard_index, command.shard_count)) inputs.push_back(input);

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

    bool output_ok = !has_errors(result.problems);
    if (!command.combine.empty() && !result.interrupted) output_ok &= combine(result, command.combine, command.options.drawing.pdf_standards);
    if (!command.report.empty()) output_ok &= write_output(command.report, batch_report_json(result));

    BatchCounts counts = count(result);
    if (!command.quiet) {
        char line[200];
        std::snprintf(line, sizeof line, "batch: %zu rendered, %zu failed, %zu skipped%s; %zu files written in %.2f s (%.1f files/s)",
                      counts.rendered, counts.failed, counts.skipped,
                      result.interrupted ? ", interrupted" : "", counts.outputs, result.seconds,
                      result.seconds > 0 ? counts.outputs / result.seconds : 0.0);
        std::cerr << line << "\n";
    }
    if (result.interrupted) return kInterrupted;
    bool output_failed = !output_ok;
    for (const auto& input : result.inputs) output_failed |= input.output_error;
    if (output_failed) return kOutputError;
    return counts.failed > 0 || !collected.errors.empty() ? kInputError : kOk;
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
