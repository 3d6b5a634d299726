#include "batch/batch.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "batch/manifest.hpp"
#include "files/atomic_file.hpp"

namespace tarikh {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// What an output depends on besides its input: a rerun with another stamp renders again.
std::string stamp_for(const std::string& lang, Format format, const BatchOptions& options) {
    const RenderOptions& d = options.drawing;
    std::string stamp = "tarikh " TARIKH_VERSION " lang=" + lang + " calendar=" + d.calendar;
    switch (d.layout) {
        case LayoutKind::calendar: stamp += " layout=calendar"; break;
        case LayoutKind::radial: stamp += " layout=radial scale=" + std::to_string(static_cast<int>(d.scale)); break;
        case LayoutKind::chronicle: stamp += " layout=chronicle page=" + d.page + (d.landscape ? " landscape" : ""); break;
        case LayoutKind::chart:
            stamp += " layout=chart scale=" + std::to_string(static_cast<int>(d.scale)) + (d.unified ? " facet=none" : "") +
                     " segment=" + std::to_string(static_cast<int>(d.segment));
            break;
    }
    if (d.layout == LayoutKind::chart && (d.print_chart || d.fit))
        stamp += " page=" + d.page + (d.landscape ? " landscape" : "") + (d.fit ? " fit" : "");
    if (format == Format::png) stamp += " dpi=" + std::to_string(options.drawing.dpi);
    return stamp;
}

std::string output_key(const BatchInput& input, const std::string& lang, Format format) {
    return input.relative + "." + lang + "." + extension_of(format);
}

bool up_to_date(const fs::path& output, const fs::path& input, const std::string& key, const std::string& stamp,
                const BatchManifest& manifest) {
    std::error_code ec;
    if (manifest.stamp(key) != stamp || !fs::exists(output, ec)) return false;
    auto output_time = fs::last_write_time(output, ec);
    if (ec) return false;
    auto input_time = fs::last_write_time(input, ec);
    return !ec && output_time >= input_time;
}

class Worker {
public:
    Worker(const BatchOptions& options, const BatchManifest& manifest, const std::atomic<bool>& stop)
        : options_(options), manifest_(manifest), stop_(stop) {}

    void render(BatchInputResult& result) {
        auto start = Clock::now();
        ParseResult parsed = load_file(result.input.path, options_.limits, options_.from);
        result.diagnostics = std::move(parsed.diagnostics);
        for (auto& d : result.diagnostics)
            if (d.file.empty()) d.file = result.input.path;
        if (!parsed.timeline) {
            result.status = InputStatus::failed;
            result.seconds = seconds_since(start);
            return;
        }
        const Timeline& timeline = *parsed.timeline;
        const auto& languages = options_.languages.empty() ? timeline.languages : options_.languages;
        bool failed = false, wrote = false;
        for (const auto& lang : languages) {
            if (stop_) break;
            failed |= !render_language(timeline, lang, result, wrote);
        }
        result.status = failed ? InputStatus::failed : wrote ? InputStatus::rendered : InputStatus::skipped;
        result.seconds = seconds_since(start);
    }

private:
    // Lays out once per language, then writes each format; false when any output failed.
    bool render_language(const Timeline& timeline, const std::string& lang, BatchInputResult& result, bool& wrote) {
        std::optional<Layout> layout;
        const std::string* title_text = timeline.title.find(lang);
        std::string title = title_text && !title_text->empty() ? *title_text : result.input.relative;
        bool ok = true;
        for (Format format : options_.formats) {
            std::string key = output_key(result.input, lang, format);
            fs::path path = fs::path(options_.output_dir) / key;
            std::string stamp = stamp_for(lang, format, options_);
            if (options_.incremental && up_to_date(path, result.input.path, key, stamp, manifest_)) {
                result.outputs.push_back({path.string(), format, lang, title, true});
                continue;
            }
            if (!layout) {
                Renderer* renderer = this->renderer(result);
                if (!renderer) return false;
                RenderOptions edition = options_.drawing;
                edition.lang = lang;
                layout = renderer->lay_out(timeline, edition);
                for (Diagnostic d : layout->diagnostics) {
                    d.file = result.input.path;
                    result.diagnostics.push_back(std::move(d));
                }
            }
            RenderOptions drawing = options_.drawing;
            drawing.format = format;
            auto drawn = renderer_->draw(*layout, drawing);
            std::string error;
            if (auto* bytes = std::get_if<std::string>(&drawn)) {
                std::error_code ec;
                fs::create_directories(path.parent_path(), ec);
                error = write_file_atomically(path.string(), *bytes);
                if (!error.empty()) error = "cannot write " + path.string() + ": " + error;
            } else {
                error = std::get<Diagnostic>(drawn).message;
            }
            if (!error.empty()) {
                result.diagnostics.push_back({Severity::error, result.input.path, 0, 0, "", error, {}});
                result.output_error = true;
                ok = false;
                continue;
            }
            result.outputs.push_back({path.string(), format, lang, title, false});
            wrote = true;
        }
        return ok;
    }

    // One font database and shaper per worker, made when first needed.
    Renderer* renderer(BatchInputResult& result) {
        if (!renderer_) {
            try {
                renderer_ = std::make_unique<Renderer>();
            } catch (const std::exception& e) {
                result.diagnostics.push_back({Severity::error, "", 0, 0, "", e.what(), {}});
                result.output_error = true;
                return nullptr;
            }
        }
        return renderer_.get();
    }

    const BatchOptions& options_;
    const BatchManifest& manifest_;
    const std::atomic<bool>& stop_;
    std::unique_ptr<Renderer> renderer_;
};

}  // namespace

const char* extension_of(Format format) {
    switch (format) {
        case Format::svg: return "svg";
        case Format::pdf: return "pdf";
        case Format::png: return "png";
        case Format::html: return "html";
    }
    return "out";
}

BatchResult run_batch(const std::vector<BatchInput>& inputs, const BatchOptions& asked,
                      const std::atomic<bool>& stop, const BatchProgress& progress) {
    auto start = Clock::now();
    int jobs = std::max(1, std::min<int>(asked.jobs, static_cast<int>(inputs.size())));
    BatchOptions options = asked;
    // The cores the workers leave idle shape large timelines.
    options.drawing.threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / jobs);
    BatchManifest manifest = BatchManifest::load(options.output_dir);
    BatchResult result;
    result.inputs.resize(inputs.size());
    for (size_t i = 0; i < inputs.size(); ++i) result.inputs[i].input = inputs[i];

    std::atomic<size_t> next{0};
    std::mutex progress_mutex;
    size_t done = 0;
    auto work = [&] {
        Worker worker(options, manifest, stop);
        for (size_t i; !stop && (i = next++) < inputs.size();) {
            worker.render(result.inputs[i]);
            std::lock_guard lock(progress_mutex);
            ++done;
            if (progress) progress(result.inputs[i], done, inputs.size());
        }
    };
    std::vector<std::thread> threads;
    for (int j = 1; j < jobs; ++j) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();

    // Remember how each output was made, for the next --incremental run.
    for (const auto& input : result.inputs)
        for (const auto& output : input.outputs)
            manifest.set(output_key(input.input, output.lang, output.format), stamp_for(output.lang, output.format, options));
    manifest.save(options.output_dir);

    result.interrupted = stop;
    result.seconds = seconds_since(start);
    return result;
}

}  // namespace tarikh
