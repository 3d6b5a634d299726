#include "cli/common.hpp"

#include <cstdio>
#include <iostream>

#include "files/atomic_file.hpp"

namespace tarikh::cli {

void print(const Diagnostics& diagnostics, const std::string& file) {
    for (Diagnostic d : diagnostics) {
        if (d.file.empty()) d.file = file;
        std::cerr << format_diagnostic(d) << "\n";
    }
}

bool write_output(const std::string& path, const std::string& bytes) {
    if (path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return static_cast<bool>(std::cout);
    }
    std::string error = write_file_atomically(path, bytes);
    if (!error.empty()) std::cerr << "tarikh: error: cannot write " << path << ": " << error << "\n";
    return error.empty();
}

bool write_outputs(const std::vector<std::pair<std::string, std::string>>& files) {
    for (size_t i = 0; i < files.size(); ++i) {
        if (write_output(files[i].first, files[i].second)) continue;
        for (size_t written = 0; written < i; ++written)
            if (files[written].first != "-") std::remove(files[written].first.c_str());
        return false;
    }
    return true;
}

}  // namespace tarikh::cli
