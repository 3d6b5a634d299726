// What a batch wrote and how, kept in the output folder so that --incremental can tell an
// up-to-date output from one made by another version or with other options.
#pragma once
#include <map>
#include <string>

namespace tarikh {

class BatchManifest {
public:
    static constexpr const char* kFileName = ".tarikh-batch.json";

    // Reads DIR/.tarikh-batch.json; a missing or damaged file is an empty manifest.
    static BatchManifest load(const std::string& output_dir);
    // Writes it back atomically; returns an error message or "".
    std::string save(const std::string& output_dir) const;

    // The stamp an output was made with ("" when unknown), keyed by its path under DIR.
    std::string stamp(const std::string& relative) const;
    void set(const std::string& relative, const std::string& stamp) { stamps_[relative] = stamp; }

private:
    std::map<std::string, std::string> stamps_;
};

}  // namespace tarikh
