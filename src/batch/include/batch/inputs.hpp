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

struct CollectedInputs {
    std::vector<BatchInput> inputs;   // in argument order; each folder's files sorted
    std::vector<std::string> errors;  // "PATH: reason" for arguments that lead nowhere
};

// Files are taken as they are; folders are searched recursively for *.json, keeping their
// structure; "-" reads one path per line from `list`. Two inputs that would write the same
// outputs are an error for the second.
CollectedInputs collect_inputs(const std::vector<std::string>& arguments, std::istream& list);

// Shard k of n (1-based): a stable hash of the output stem, so that n machines with the same
// inputs render each exactly once, and adding a file moves no other.
bool in_shard(const BatchInput& input, int k, int n);

}  // namespace tarikh
