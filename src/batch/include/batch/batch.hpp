// Rendering many timelines: parallel workers, each with its own font database and shaper,
// atomic outputs, incremental reruns. A bad input never stops the others.
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include <tarikh/tarikh.hpp>

#include "batch/inputs.hpp"

namespace tarikh {

struct BatchOptions {
    std::string output_dir;
    std::vector<Format> formats{Format::svg, Format::pdf, Format::png};
    std::vector<std::string> languages;  // empty: every language each file declares
    int jobs = 1;
    RenderOptions drawing;  // the view, dpi and output limits; its format and languages are not used
    ReadOptions reading;
    bool incremental = false;  // skip outputs newer than their input, made by this version and options
};

// One file written (or up to date): a paged layout as SVG or PNG makes one per page.
struct BatchOutput {
    std::string path;
    std::string key;       // its path under the output folder: the record's key
    Format format = Format::svg;
    std::string lang;
    std::string title;     // the timeline's title in `lang`, for the booklet's outline
    bool skipped = false;  // up to date (--incremental)
};

// interrupted: stopped between two of its outputs.
enum class InputStatus { rendered, skipped, failed, interrupted, not_started };

struct BatchInputResult {
    BatchInput input;
    InputStatus status = InputStatus::not_started;
    std::vector<BatchOutput> outputs;  // in language, then format order
    Diagnostics diagnostics;           // warnings and the errors that made it fail
    bool output_error = false;         // failed while writing, not because of the input
    double seconds = 0;
};

struct BatchResult {
    std::vector<BatchInputResult> inputs;  // in input order, whatever order workers took
    Diagnostics problems;  // of the batch as a whole: its record (warnings), its output folder (errors)
    double seconds = 0;
    bool interrupted = false;
};

// Called from worker threads, one call at a time, after each input.
using BatchProgress = std::function<void(const BatchInputResult&, size_t done, size_t total)>;

// Renders `inputs` with `options.jobs` threads into `options.output_dir`, every output proven
// inside it; once `stop` is set, stops before the next output. Records each finished input
// for --incremental as it lands. Never throws: what goes wrong is in the result.
BatchResult run_batch(const std::vector<BatchInput>& inputs, const BatchOptions& options,
                      const std::atomic<bool>& stop, const BatchProgress& progress);

}  // namespace tarikh
