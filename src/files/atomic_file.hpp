// Writing output files so that a reader never sees half of one, even if the process dies.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace tarikh {

// Writes `bytes` to `path`, which is then either as before or complete. The data goes to an
// unnamed file in the target folder (O_TMPFILE) that is named only once it is whole: linked
// straight to `path` when that is free, else to a temporary name renamed over `path`.
// Temporaries are named ".tarikh-HOST-PID-N.tmp", whatever `path` is, so any name that fits
// the folder fits its temporary. Returns an error message, or "" on success.
std::string write_file_atomically(const std::string& path, std::string_view bytes);

// Removes, under `folder` and its subfolders, the temporaries that writers of this host left
// when they were killed (their process is gone); a live writer's are kept. Returns how many.
size_t sweep_stale_temporaries(const std::string& folder);

// The name of temporary `n` of process `pid` of this host.
std::string temporary_file_name(long pid, unsigned n);

}  // namespace tarikh
