#include "cli/common.hpp"

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

}  // namespace tarikh::cli
