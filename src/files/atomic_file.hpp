// Writing output files so that a reader never sees half of one, even if the process dies.
#pragma once
#include <string>
#include <string_view>

namespace tarikh {

// Writes `bytes` to `path`, which is then either as before or complete. The data goes to an
// unnamed file in the target folder (O_TMPFILE) that is named only once it is whole, then
// renamed over `path`. Returns an error message, or "" on success.
std::string write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace tarikh
