#include "batch/batch.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include <tarikh/files.hpp>

#include "batch/manifest.hpp"

namespace tarikh {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string number(auto value) { return std::to_string(static_cast<int>(value)); }

std::string page_stamp(const Paper& page) {
    return " page=" + number(page.size) + (page.landscape ? " landscape" : "");
}

// The view's options, each by its number: enough to tell two runs apart.
struct ViewStamp {
    std::string operator()(const ChartView& v) const {
        std::string stamp = " layout=chart scale=" + number(v.scale) + (v.one_band ? " facet=none" : "") +
                            " segment=" + number(v.segment);
        if (v.print) stamp += page_stamp(v.print->page) + (v.print->fit ? " fit" : "");
        return stamp;
    }
    std::string operator()(const ChronicleView& v) const { return " layout=chronicle" + page_stamp(v.page); }
    std::string operator()(const CalendarView&) const { return " layout=calendar"; }
    std::string operator()(const RadialView& v) const { return " layout=radial scale=" + number(v.scale); }
};

// What an output depends on besides its input: a rerun with another stamp renders again.
std::string stamp_for(const std::string& lang, Format format, const BatchOptions& options) {
    const RenderOptions& d = options.drawing;
    std::string stamp = "tarikh " + version() + " lang=" + lang + " calendar=" + calendars_name(d.calendar);
    stamp += std::visit(ViewStamp{}, d.view);
    if (format == Format::png) stamp += " dpi=" + std::to_string(d.dpi);
    if (d.width) stamp += " width=" + std::to_string(d.width->value) + " unit=" + number(d.width->unit);
    if (d.text_size) stamp += " text-size=" + std::to_string(*d.text_size);
    if (format == Format::svg) stamp += " svg-size=" + number(d.svg_size);
    if (format == Format::svg || format == Format::html) stamp += d.svg_text ? " svg-text=real" : " svg-text=outlines";
    if (format == Format::pdf)
        for (PdfStandard standard : d.pdf_standards) stamp += " pdf-standard=" + number(standard);
    if (!d.theme.empty()) stamp += " theme=" + d.theme;  // a theme file's edits are not seen: its path is
    for (const auto& folder : d.font_dirs) stamp += " font-dir=" + folder;
    if (!d.catalogue.empty()) stamp += " catalogue=" + d.catalogue;  // its path, as a theme file's
    if (d.digits != Digits::locale) stamp += " digits=" + number(d.digits);
    if (const Aggregation& a = d.aggregate; a.period != AggregatePeriod::none) {
        stamp += " aggregate=" + number(a.period) + " measure=" + number(a.measure);
        if (a.label_min_fatalities) stamp += " label-where=" + std::to_string(*a.label_min_fatalities);
        if (a.label_top) stamp += " label-top=" + std::to_string(*a.label_top);
    }
    return stamp;
}

std::string output_key(const BatchInput& input, const std::string& lang, Format format) {
    return input.relative + "." + lang + "." + format_name(format);
}

// The files recorded for the output `key`: itself, then its pages 2, 3, … as the record holds them.
std::vector<std::string> recorded_files(const std::string& key, const BatchManifest& manifest) {
    std::vector<std::string> keys{key};
    while (!manifest.stamp(paged_path(key, keys.size())).empty()) keys.push_back(paged_path(key, keys.size()));
    return keys;
}

// Every file of the output `key` was made with `stamp`, is there, and is newer than the input.
bool up_to_date(const fs::path& output_dir, const fs::path& input, const std::string& key, const std::string& stamp,
                const BatchManifest& manifest) {
    std::error_code ec;
    auto input_time = fs::last_write_time(input, ec);
    if (ec) return false;
    for (const auto& file : recorded_files(key, manifest)) {
        if (manifest.stamp(file) != stamp) return false;
        auto output_time = fs::last_write_time(output_dir / file, ec);
        if (ec || output_time < input_time) return false;
    }
    return true;
}

// What each input is recorded with in DIR/.tarikh-batch.json, saved as inputs finish so that
// a killed batch loses little. Saving rewrites the whole record, so the next save waits the
// longer of a second and nine times what this one took: a killed batch loses about a second
// of work, and saving costs at most a tenth of the run (a thousand small files were saved 139
// times, 5 % of their time, when only the second rule held). Not thread-safe: the caller holds
// a lock.
class Recorder {
    static constexpr std::chrono::seconds kLeastBetweenSaves{1};

public:
    Recorder(const BatchManifest& previous, const BatchOptions& options) : record_(previous), options_(options) {}

    void add(const BatchInputResult& input) {
        for (const auto& output : input.outputs) {
            if (output.skipped) continue;
            // A first page forgets the pages an earlier render of it recorded.
            if (output.key == output_key(input.input, output.lang, output.format))
                for (const auto& file : recorded_files(output.key, record_)) record_.erase(file);
            record_.set(output.key, stamp_for(output.lang, output.format, options_));
            dirty_ = true;
        }
        if (Clock::now() >= next_save_) save();
    }

    // The last save, whatever the time; "" or why it failed (once).
    std::string finish() {
        save();
        return error_;
    }

private:
    void save() {
        if (!dirty_ || !error_.empty()) return;
        auto start = Clock::now();
        error_ = record_.save(options_.output_dir);
        dirty_ = false;
        next_save_ = Clock::now() + std::max<Clock::duration>(9 * (Clock::now() - start), kLeastBetweenSaves);
    }

    BatchManifest record_;
    const BatchOptions& options_;
    bool dirty_ = false;
    std::string error_;
    Clock::time_point next_save_{};
};

class Worker {
public:
    Worker(const BatchOptions& options, const fs::path& real_output_dir, const BatchManifest& previous,
           const std::atomic<bool>& stop)
        : options_(options), real_output_dir_(real_output_dir), previous_(previous), stop_(stop) {}

    void render(BatchInputResult& result) {
        auto start = Clock::now();
        Result<Timeline> parsed = load_file(result.input.path, options_.reading);
        result.diagnostics = std::move(parsed.diagnostics);
        for (auto& d : result.diagnostics)
            if (d.file.empty()) d.file = result.input.path;
        if (!parsed) {
            result.status = InputStatus::failed;
            result.seconds = seconds_since(start);
            return;
        }
        const Timeline& timeline = *parsed;
        const auto& languages = options_.languages.empty() ? timeline.languages : options_.languages;
        bool failed = false, wrote = false, stopped = false;
        for (const auto& lang : languages) {
            Outcome outcome = render_language(timeline, lang, result, wrote);
            failed |= outcome == Outcome::failed;
            stopped = outcome == Outcome::stopped;
            if (stopped) break;
        }
        result.status = failed    ? InputStatus::failed
                        : stopped ? InputStatus::interrupted
                        : wrote   ? InputStatus::rendered
                                  : InputStatus::skipped;
        result.seconds = seconds_since(start);
    }

private:
    enum class Outcome { done, failed, stopped };

    // Lays out once per language, then writes each format, checking for a stop before each.
    Outcome render_language(const Timeline& timeline, const std::string& lang, BatchInputResult& result, bool& wrote) {
        std::optional<LaidOut> layout;
        const std::string* title_text = timeline.title.find(lang);
        std::string title = title_text && !title_text->empty() ? *title_text : result.input.relative;
        bool ok = true;
        for (Format format : options_.formats) {
            if (stop_) return Outcome::stopped;
            std::string key = output_key(result.input, lang, format);
            fs::path path = fs::path(options_.output_dir) / key;
            // The name holds a file name and a language tag: prove it stays inside first. The
            // formats differ only in their extension, so one refusal stands for them all.
            if (std::string why = prepare_path_inside(real_output_dir_, key); !why.empty()) {
                result.diagnostics.push_back({Severity::error, result.input.path, 0, 0, "",
                                              "cannot write " + path.string() + ": " + why,
                                              {"the name is the input's path, the language \"" + lang +
                                               "\" and the format: nothing was written in that language"}});
                return Outcome::failed;
            }
            std::string stamp = stamp_for(lang, format, options_);
            if (options_.incremental && up_to_date(options_.output_dir, result.input.path, key, stamp, previous_)) {
                for (const auto& file : recorded_files(key, previous_))
                    result.outputs.push_back({(fs::path(options_.output_dir) / file).string(), file, format, lang, title, true});
                continue;
            }
            if (!layout) {
                Renderer* renderer = this->renderer(result);
                if (!renderer) return Outcome::failed;
                RenderOptions edition = options_.drawing;
                edition.languages = edition_languages(lang);  // "en+ar": one bilingual output
                // A language this file lacks (and tarikh has no words for) is the input's fault.
                const Diagnostics unknown = check_languages(timeline, edition);
                Result<LaidOut> laid = unknown.empty() ? renderer->lay_out(timeline, edition)
                                                       : Result<LaidOut>{std::nullopt, unknown};
                for (Diagnostic d : laid.diagnostics) {
                    d.file = result.input.path;
                    result.diagnostics.push_back(std::move(d));
                }
                if (!laid) {
                    result.output_error = unknown.empty();
                    return Outcome::failed;
                }
                layout = std::move(laid.value);
                if (stop_) return Outcome::stopped;
            }
            if (!draw_files(*layout, format, result, BatchOutput{path.string(), key, format, lang, title, false})) {
                ok = false;
                continue;
            }
            wrote = true;
        }
        return ok ? Outcome::done : Outcome::failed;
    }

    // Every file of `layout` in `format`, each recorded in `result` as `first` is: a paged layout
    // as SVG or PNG writes its pages 2, 3, … beside `first.path` as NAME-2.svg, …, and pages an
    // earlier run left beyond them go; false (with the error in `result`) when one failed.
    bool draw_files(const LaidOut& layout, Format format, BatchInputResult& result, const BatchOutput& first) {
        RenderOptions drawing = options_.drawing;
        drawing.format = format;
        size_t files = layout.files(format);
        for (size_t file = 0; file < files; ++file) {
            std::string file_path = paged_path(first.path, file);
            // Drawn straight into the file: an SVG is never held whole beside its copy.
            Renderer::FileDrawn written_file = renderer_->draw_into_file(layout, drawing, file, file_path);
            Diagnostic error{Severity::error, result.input.path, 0, 0, "", "", {}};
            if (!written_file.write_error.empty()) {
                error.message = "cannot write " + file_path + ": " + written_file.write_error;
            } else if (!written_file.drawn) {
                error = written_file.drawn.diagnostics.back();  // with its limit, for the front end's hint
                error.file = result.input.path;
            }
            if (!error.message.empty()) {
                result.diagnostics.push_back(std::move(error));
                result.output_error = true;
                return false;
            }
            BatchOutput written = first;
            written.path = file_path;
            written.key = paged_path(first.key, file);
            result.outputs.push_back(std::move(written));
        }
        remove_stale_pages(first.path, files);
        return true;
    }

    // One font database and shaper per worker, made when first needed.
    Renderer* renderer(BatchInputResult& result) {
        if (!renderer_) {
            Result<Renderer> made = Renderer::create();
            if (!made) {
                result.diagnostics.insert(result.diagnostics.end(), made.diagnostics.begin(), made.diagnostics.end());
                result.output_error = true;
                return nullptr;
            }
            renderer_ = std::make_unique<Renderer>(std::move(*made));
        }
        return renderer_.get();
    }

    const BatchOptions& options_;
    const fs::path& real_output_dir_;
    const BatchManifest& previous_;
    const std::atomic<bool>& stop_;
    std::unique_ptr<Renderer> renderer_;
};

// An exception from deep inside (out of memory, a library's bug) fails its input, not the batch.
void fail_unexpectedly(BatchInputResult& result, const char* what) {
    result.status = InputStatus::failed;
    result.output_error = true;
    result.diagnostics.push_back(
        {Severity::error, result.input.path, 0, 0, "", std::string("cannot render: ") + what, {}});
}

void render_guarded(Worker& worker, BatchInputResult& input) {
    try {
        worker.render(input);
    } catch (const std::exception& e) {
        fail_unexpectedly(input, e.what());
    } catch (...) {
        fail_unexpectedly(input, "an unknown exception");
    }
}

// What the workers share: the inputs left to take, and the finishing of each (recorded, then
// reported), one at a time.
class Queue {
public:
    Queue(std::vector<BatchInputResult>& inputs, Recorder& recorder, const BatchProgress& progress)
        : inputs_(inputs), recorder_(recorder), progress_(progress) {}

    BatchInputResult* take() {
        size_t i = next_++;
        return i < inputs_.size() ? &inputs_[i] : nullptr;
    }

    void finish(BatchInputResult& input) {
        std::lock_guard lock(mutex_);
        ++done_;
        try {
            recorder_.add(input);
            if (progress_) progress_(input, done_, inputs_.size());
        } catch (const std::exception& e) {
            fail_unexpectedly(input, e.what());
        }
    }

private:
    std::vector<BatchInputResult>& inputs_;
    Recorder& recorder_;
    const BatchProgress& progress_;
    std::atomic<size_t> next_{0};
    std::mutex mutex_;
    size_t done_ = 0;
};

// Runs `work` on `jobs` threads, this one among them; on fewer when no more are to be had.
void run_on_threads(int jobs, const std::function<void()>& work) {
    std::vector<std::thread> threads;
    try {
        for (int j = 1; j < jobs; ++j) threads.emplace_back(work);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones running do the work.
    }
    work();
    for (auto& t : threads) t.join();
}

// The output folder, made if need be, as its real path, swept of what killed batches left;
// nullopt, with the error in `problems`, when it cannot be made.
std::optional<fs::path> prepare_output_dir(const std::string& dir, Diagnostics& problems) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    fs::path real = fs::canonical(dir, ec);
    if (ec) {
        problems.push_back(
            {Severity::error, "", 0, 0, "", "cannot create the output folder " + dir + ": " + ec.message(), {}});
        return std::nullopt;
    }
    // Temporaries of killed batches would otherwise stay forever.
    sweep_stale_temporaries(real.string());
    return real;
}

// Every input of `result` rendered by `jobs` workers into `real_output_dir`, and recorded.
void render_all(const fs::path& real_output_dir, const BatchOptions& options, int jobs, const std::atomic<bool>& stop,
                const BatchProgress& progress, BatchResult& result) {
    std::string warning;
    const BatchManifest previous = BatchManifest::load(options.output_dir, warning);
    if (!warning.empty()) result.problems.push_back({Severity::warning, "", 0, 0, "", warning, {}});
    Recorder recorder(previous, options);
    Queue queue(result.inputs, recorder, progress);
    run_on_threads(jobs, [&] {
        Worker worker(options, real_output_dir, previous, stop);
        for (BatchInputResult* input; !stop && (input = queue.take());) {
            render_guarded(worker, *input);
            queue.finish(*input);
        }
    });
    if (std::string error = recorder.finish(); !error.empty()) {
        fs::path record = fs::path(options.output_dir) / BatchManifest::kFileName;
        result.problems.push_back({Severity::error, "", 0, 0, "",
                                   "cannot record the outputs in " + record.string() + ": " + error,
                                   {"--incremental will render them again"}});
    }
}

}  // namespace

BatchResult run_batch(const std::vector<BatchInput>& inputs, const BatchOptions& asked,
                      const std::atomic<bool>& stop, const BatchProgress& progress) {
    auto start = Clock::now();
    BatchResult result;
    result.inputs.resize(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) result.inputs[i].input = inputs[i];
    int jobs = std::max(1, std::min<int>(asked.jobs, static_cast<int>(inputs.size())));
    BatchOptions options = asked;
    // The cores the workers leave idle shape large timelines.
    options.drawing.threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / jobs);
    if (auto real_output_dir = prepare_output_dir(options.output_dir, result.problems)) {
        render_all(*real_output_dir, options, jobs, stop, progress, result);
        result.interrupted = stop;
    }
    result.seconds = seconds_since(start);
    return result;
}

}  // namespace tarikh
