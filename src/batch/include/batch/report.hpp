// --report: a batch's summary as JSON, for machines (CI dashboards, job schedulers).
#pragma once
#include <string>

#include "batch/batch.hpp"

namespace tarikh {

struct BatchCounts {
    size_t rendered = 0, failed = 0, skipped = 0, interrupted = 0, not_started = 0, outputs = 0;
};

BatchCounts count(const BatchResult& result);

// "rendered", "skipped", "failed", "interrupted", "not started": as the report and the progress
// lines name it.
const char* status_name(InputStatus status);

// {"version", "summary": {...}, "problems": [...],
//  "inputs": [{"path", "status", "seconds", "outputs", "errors", "warnings"}]}
std::string batch_report_json(const BatchResult& result);

}  // namespace tarikh
