// Writing output files so that a reader never sees half of one, even if the process dies
// (declared in <tarikh/files.hpp>).
#pragma once
#include <string>

#include <tarikh/files.hpp>

namespace tarikh {

// The name of temporary `n` of process `pid` of this host.
std::string temporary_file_name(long pid, unsigned n);

}  // namespace tarikh
