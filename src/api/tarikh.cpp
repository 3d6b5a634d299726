// The library's boundary: public values in, internal modules called, every exception caught.
#include <tarikh/tarikh.hpp>

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>

#include "api/guarded.hpp"
#include "api/laid_out.hpp"
#include "files/read_input.hpp"
#include "io/parse.hpp"
#include "io/event_table.hpp"
#include "io/text_encoding.hpp"
#include "io/timelinejs.hpp"
#include "layout/layout_json.hpp"
#include "layout/quality.hpp"
#include "render/pdf_booklet.hpp"
#include "render/qpdf_module.hpp"

namespace tarikh {

std::string version() { return TARIKH_VERSION; }

const char* format_name(Format format) {
    switch (format) {
        case Format::svg: return "svg";
        case Format::pdf: return "pdf";
        case Format::png: return "png";
        case Format::html: return "html";
    }
    return "";
}

std::optional<Format> format_from_name(const std::string& name) {
    for (Format format : kFormats)
        if (name == format_name(format)) return format;
    return std::nullopt;
}

std::optional<Format> format_from_path(const std::string& path) {
    auto dot = path.rfind('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return format_from_name(ext);
}

namespace {

ParseLimits parse_limits(const ReadOptions& options) {
    return ParseLimits{options.max_file_bytes, options.max_events, options.max_text_length, options.strict,
                       options.max_depth, options.max_diagnostics};
}

Result<Timeline> as_result(ParseResult parsed) {
    return {std::move(parsed.timeline), std::move(parsed.diagnostics)};
}

// A table choice for an input that is not an event table: refused rather than ignored.
std::optional<Diagnostic> unused_table_choice(const ReadOptions& options, InputFormat format) {
    if (options.table.empty() || format == InputFormat::acled || format == InputFormat::ucdp_ged) return std::nullopt;
    return Diagnostic{Severity::error, "", 0, 0, "",
                      "--lanes, --where, --between, --min-fatalities and --title are for ACLED and UCDP GED tables, "
                      "and this input is not one",
                      {"a table is told by its header row, or by --from acled or --from ucdp-ged"}, Option::table_choice};
}

InputFormat detect(const std::string& text, const std::string& name, InputFormat from) {
    if (from != InputFormat::automatic) return from;
    std::string ext = name.size() > 4 ? name.substr(name.size() - 4) : "";
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv") {  // Excel on Windows may write ".CSV"
        if (auto dataset = event_dataset_of(text))
            return *dataset == EventDataset::acled ? InputFormat::acled : InputFormat::ucdp_ged;
        return InputFormat::timelinejs_csv;
    }
    return looks_like_timelinejs(text) ? InputFormat::timelinejs : InputFormat::tarikh;
}

// TimelineJS text converted, and the result checked as `validate` would, every problem at its
// place in the original file (the converted text is never shown to anyone).
std::pair<ImportResult, ParseResult> import_checked(const std::string& text, const std::string& name,
                                                    const ParseLimits& limits, InputFormat format,
                                                    const TableChoice& choice) {
    ImportOptions options{limits.strict, limits.max_diagnostics};
    bool table = format == InputFormat::acled || format == InputFormat::ucdp_ged;
    ImportResult imported =
        table ? import_event_table(text, name, format == InputFormat::acled ? EventDataset::acled : EventDataset::ucdp_ged,
                                   choice, {limits.max_text_length, limits.max_events, limits.max_diagnostics})
        : format == InputFormat::timelinejs_csv ? import_timelinejs_csv(text, name, options)
                                                : import_timelinejs_json(text, name, options);
    ParseResult parsed;
    if (imported.tarikh_json) {
        ParseLimits checked = limits;
        checked.max_file_bytes = SIZE_MAX;  // the original's size was checked; the conversion may be longer
        parsed = parse_timeline(*imported.tarikh_json, name, checked);
        locate_in_original(parsed.diagnostics, imported, text, name);
    }
    parsed.diagnostics.insert(parsed.diagnostics.begin(), imported.diagnostics.begin(), imported.diagnostics.end());
    return {std::move(imported), std::move(parsed)};
}

ParseResult load_bytes(std::string bytes, const std::string& name, const ReadOptions& options) {
    ParseLimits limits = parse_limits(options);
    if (bytes.size() > limits.max_file_bytes) return parse_timeline(bytes, name, limits);  // the error names the limit
    auto decoded = utf8_text(std::move(bytes), name);
    if (auto* error = std::get_if<Diagnostic>(&decoded)) return {std::nullopt, {*error}};
    const std::string& text = std::get<std::string>(decoded);
    InputFormat format = detect(text, name, options.from);
    if (auto refused = unused_table_choice(options, format)) return {std::nullopt, {*refused}};
    if (format == InputFormat::tarikh) return parse_timeline(text, name, limits);
    return import_checked(text, name, limits, format, options.table).second;
}

// What `format` is when the caller wants a conversion (an `import` command): a TimelineJS file
// or an event table, never format v1 itself.
InputFormat conversion_of(InputFormat detected, bool tables) {
    bool table = detected == InputFormat::acled || detected == InputFormat::ucdp_ged;
    if (tables) return table ? detected : InputFormat::acled;
    return detected == InputFormat::timelinejs_csv ? InputFormat::timelinejs_csv : InputFormat::timelinejs;
}

ImportResult convert(const std::string& bytes, const std::string& name, const ReadOptions& options, bool tables) {
    ParseLimits limits = parse_limits(options);
    if (bytes.size() > limits.max_file_bytes) return {std::nullopt, parse_timeline(bytes, name, limits).diagnostics, {}};
    auto decoded = utf8_text(bytes, name);
    if (auto* error = std::get_if<Diagnostic>(&decoded)) return {std::nullopt, {*error}, {}};
    const std::string& text = std::get<std::string>(decoded);
    InputFormat format = conversion_of(detect(text, name, options.from), tables);
    if (auto refused = unused_table_choice(options, format)) return {std::nullopt, {*refused}, {}};
    // A table's conversion writes only what the format v1 reader accepts (io/event_table.hpp):
    // read a second time, 50,000 rows took three times as long to import.
    if (tables)
        return import_event_table(text, name, format == InputFormat::acled ? EventDataset::acled : EventDataset::ucdp_ged,
                                  options.table, {limits.max_text_length, limits.max_events, limits.max_diagnostics});
    auto [imported, parsed] = import_checked(text, name, limits, format, options.table);
    imported.diagnostics = std::move(parsed.diagnostics);
    if (!parsed.timeline) imported.tarikh_json.reset();
    return imported;
}

Result<std::string> as_result(ImportResult imported) {
    return {std::move(imported.tarikh_json), std::move(imported.diagnostics)};
}

}  // namespace

Result<std::string> convert_timelinejs(const std::string& bytes, const std::string& name, const ReadOptions& options) {
    return guarded<std::string>([&] { return as_result(convert(bytes, name, options, false)); });
}

Result<std::string> convert_timelinejs_file(const std::string& path, const ReadOptions& options) {
    return guarded<std::string>([&]() -> Result<std::string> {
        auto bytes = read_input(path, options.max_file_bytes);
        if (auto* error = std::get_if<Diagnostic>(&bytes)) return {std::nullopt, {*error}};
        return as_result(convert(std::get<std::string>(bytes), path, options, false));
    });
}

Result<std::string> convert_event_table_file(const std::string& path, const ReadOptions& options) {
    return guarded<std::string>([&]() -> Result<std::string> {
        auto bytes = read_input(path, options.max_file_bytes);
        if (auto* error = std::get_if<Diagnostic>(&bytes)) return {std::nullopt, {*error}};
        return as_result(convert(std::get<std::string>(bytes), path, options, true));
    });
}

Result<Timeline> load_string(const std::string& text, const std::string& name, const ReadOptions& options) {
    return guarded<Timeline>([&] { return as_result(load_bytes(text, name, options)); });
}

Result<Timeline> load_file(const std::string& path, const ReadOptions& options) {
    return guarded<Timeline>([&]() -> Result<Timeline> {
        auto bytes = read_input(path, options.max_file_bytes);
        if (auto* error = std::get_if<Diagnostic>(&bytes)) return {std::nullopt, {*error}};
        return as_result(load_bytes(std::move(std::get<std::string>(bytes)), path, options));
    });
}

Result<std::string> combine_pdfs(const std::vector<BookletPart>& parts, const std::string& title,
                                 const std::vector<PdfStandard>& standards) {
    return guarded<std::string>([&] { return Result<std::string>{merge_pdfs(parts, title, standards), {}}; });
}

std::string pdf_module_path() { return qpdf_module_path(); }

void skip_system_fontconfig() {
    // FcInit, which Pango runs when a font map is made, does nothing once a current config exists.
    FcConfig* empty = FcConfigCreate();
    FcConfigSetCurrent(empty);
    FcConfigDestroy(empty);  // fontconfig keeps its own reference to the current config
}

std::string paged_path(const std::string& path, size_t file) {
    if (file == 0) return path;
    std::string suffix = "-" + std::to_string(file + 1);
    auto slash = path.rfind('/');
    size_t name_start = slash == std::string::npos ? 0 : slash + 1;
    auto dot = path.rfind('.');
    bool has_extension = dot != std::string::npos && dot > name_start;  // ".hidden" has none
    return has_extension ? path.substr(0, dot) + suffix + path.substr(dot) : path + suffix;
}

std::vector<std::string> remove_stale_pages(const std::string& path, size_t files) {
    std::vector<std::string> removed;
    if (path == "-") return removed;
    for (size_t file = std::max<size_t>(files, 1);; ++file) {
        std::string stale = paged_path(path, file);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(stale, ec) || !std::filesystem::remove(stale, ec)) break;
        removed.push_back(stale);
    }
    return removed;
}

LaidOut::LaidOut(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

size_t LaidOut::pages() const { return impl_->layout.scene.pages.size(); }

size_t LaidOut::files(Format format) const {
    bool one_file = format == Format::pdf || format == Format::html;
    return one_file ? 1 : std::max<size_t>(1, pages());
}

Result<std::string> LaidOut::boxes_json() const {
    if (auto gone = reports_gone(*impl_)) return failure<std::string>(*gone);
    return guarded<std::string>([&] { return Result<std::string>{layout_json(impl_->layout), {}}; });
}

double LaidOut::seconds() const { return impl_->seconds; }

Result<std::string> quality_json(const Timeline& timeline, const LaidOut& layout) {
    if (auto gone = reports_gone(layout.impl())) return failure<std::string>(*gone);
    return guarded<std::string>([&] {
        LayoutQuality quality = measure_quality(timeline, layout.impl().layout, layout.impl().theme);
        quality.layout_ms = layout.seconds() * 1000;
        return Result<std::string>{quality_json(quality), {}};
    });
}

}  // namespace tarikh
