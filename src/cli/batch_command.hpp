// tarikh batch: many timelines, many formats and languages, in parallel.
#pragma once
#include <string>
#include <vector>

#include "batch/batch.hpp"

namespace tarikh::cli {

struct BatchCommand {
    std::vector<std::string> inputs;
    BatchOptions options;
    std::string combine;  // booklet PDF path, or ""
    std::string combine_title;  // the booklet's title; "": its file's name
    int shard_index = 1, shard_count = 1;
    std::string report;   // report JSON path, or ""
    bool quiet = false;
};

int run_batch_command(const BatchCommand& command);

}  // namespace tarikh::cli
