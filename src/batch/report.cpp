#include "batch/report.hpp"

#include <nlohmann/json.hpp>

#include <tarikh/tarikh.hpp>

namespace tarikh {
namespace {

using json = nlohmann::ordered_json;

json diagnostic_json(const Diagnostic& d) {
    json out{{"file", d.file}, {"line", d.line}, {"column", d.column}, {"pointer", d.pointer}, {"message", d.message}};
    if (!d.hints.empty()) out["hints"] = d.hints;
    return out;
}

}  // namespace

const char* status_name(InputStatus status) {
    switch (status) {
        case InputStatus::rendered: return "rendered";
        case InputStatus::skipped: return "skipped";
        case InputStatus::failed: return "failed";
        case InputStatus::interrupted: return "interrupted";
        case InputStatus::not_started: return "not started";
    }
    return "";
}

BatchCounts count(const BatchResult& result) {
    BatchCounts counts;
    for (const auto& input : result.inputs) {
        switch (input.status) {
            case InputStatus::rendered: ++counts.rendered; break;
            case InputStatus::skipped: ++counts.skipped; break;
            case InputStatus::failed: ++counts.failed; break;
            case InputStatus::interrupted: ++counts.interrupted; break;
            case InputStatus::not_started: ++counts.not_started; break;
        }
        for (const auto& output : input.outputs) counts.outputs += !output.skipped;
    }
    return counts;
}

std::string batch_report_json(const BatchResult& result) {
    BatchCounts counts = count(result);
    json report;
    report["version"] = version();
    report["summary"] = {{"inputs", result.inputs.size()}, {"rendered", counts.rendered},
                         {"failed", counts.failed},        {"skipped", counts.skipped},
                         {"not_started", counts.not_started}, {"interrupted_inputs", counts.interrupted},
                         {"outputs_written", counts.outputs},
                         {"seconds", result.seconds},      {"interrupted", result.interrupted}};
    report["problems"] = json::array();
    for (const auto& d : result.problems) {
        json problem = diagnostic_json(d);
        problem["severity"] = d.severity == Severity::error ? "error" : "warning";
        report["problems"].push_back(std::move(problem));
    }
    report["inputs"] = json::array();
    for (const auto& input : result.inputs) {
        json entry{{"path", input.input.path}, {"status", status_name(input.status)}, {"seconds", input.seconds}};
        entry["outputs"] = json::array();
        for (const auto& output : input.outputs)
            entry["outputs"].push_back({{"path", output.path}, {"format", format_name(output.format)},
                                        {"lang", output.lang}, {"skipped", output.skipped}});
        entry["errors"] = json::array();
        entry["warnings"] = json::array();
        for (const auto& d : input.diagnostics)
            entry[d.severity == Severity::error ? "errors" : "warnings"].push_back(diagnostic_json(d));
        report["inputs"].push_back(std::move(entry));
    }
    return report.dump(1, '\t', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tarikh
