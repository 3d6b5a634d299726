// Which timelines a batch renders and under which names: from file names only, never from
// anything inside a file.
#pragma once
#include <istream>
#include <string>
#include <vector>

namespace tarikh {

struct BatchInput {
    std::string path;      // as given or found
    std::string relative;  // output stem under the output folder: "idlib", "syria/idlib"
};

// An input that cannot be rendered, found before rendering: a failed input all the same.
struct RefusedInput {
    std::string path;
    std::string reason;  // "no such file or folder", …
};

struct CollectedInputs {
    std::vector<BatchInput> inputs;     // in argument order; each folder's files sorted
    std::vector<RefusedInput> refused;  // arguments that lead nowhere, inputs whose outputs clash
};

// Files are taken as they are; folders are searched recursively for *.json and *.csv (tarikh
// files, TimelineJS files and sheets, ACLED and UCDP GED tables), keeping their structure, but
// for what batches write there themselves: their records (.tarikh-batch.json) and `own` (this
// batch's report), so that a batch into its input folder reads none of them as a timeline.
// "-" reads one path per line from `list`. Two inputs that would write the same outputs are an
// error for the second; one file given twice, however spelt, is one input.
CollectedInputs collect_inputs(const std::vector<std::string>& arguments, std::istream& list,
                               const std::vector<std::string>& own = {});

// What `path` is to a batch of `inputs` into `output_dir`, however spelt: "the input PATH", "an
// output of the batch (of PATH)" (DIR/NAME.LANG.EXT or one of its pages, in any language and
// format), "the batch's record DIR/.tarikh-batch.json", or "" when none of its files.
std::string batch_file_named(const std::string& path, const std::vector<BatchInput>& inputs,
                             const std::string& output_dir);

// Shard k of n (1-based): a stable hash of the output stem, so that n machines with the same
// inputs render each exactly once, and adding a file moves no other.
bool in_shard(const BatchInput& input, int k, int n);

}  // namespace tarikh
