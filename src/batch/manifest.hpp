// What a batch wrote and how, kept in the output folder so that --incremental can tell an
// up-to-date output from one made by another version or with other options.
#pragma once
#include <map>
#include <string>

namespace tarikh {

class BatchManifest {
public:
    static constexpr const char* kFileName = ".tarikh-batch.json";
    // As large as an input may be by default: about 600,000 outputs.
    static constexpr long long kMaxBytes = 64LL << 20;

    // Reads DIR/.tarikh-batch.json. Missing, it is an empty manifest; unreadable (not a
    // regular file, too large, damaged) it is an empty one too, and `warning` says why.
    // Never blocks: a FIFO there is refused, not opened for reading.
    static BatchManifest load(const std::string& output_dir, std::string& warning);
    // Writes it back atomically; returns an error message or "".
    std::string save(const std::string& output_dir) const;

    // The stamp an output was made with ("" when unknown), keyed by its path under DIR.
    std::string stamp(const std::string& relative) const;
    void set(const std::string& relative, const std::string& stamp) { stamps_[relative] = stamp; }
    void erase(const std::string& relative) { stamps_.erase(relative); }

private:
    std::map<std::string, std::string> stamps_;
};

}  // namespace tarikh
