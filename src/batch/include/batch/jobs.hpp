// How many inputs a batch renders at once when --jobs is not given: one per core, as long as
// the memory lasts.
#pragma once
#include <cstdint>
#include <optional>

namespace tarikh {

// What one worker may need at the default limits: a 100,000-event timeline (the most
// --max-events allows) peaked at 1.7 GB while laid out and drawn as SVG, PDF and PNG
// (docs/scale-out.md). Small timelines need far less; --jobs overrides.
inline constexpr std::uint64_t kMemoryPerJob = 2ULL << 30;

// min(cores, available / kMemoryPerJob), at least 1; unknown memory limits nothing.
int default_jobs(unsigned cores, std::optional<std::uint64_t> available_bytes);

// The memory this process may still use: MemAvailable, or what its cgroup (a container's
// limit) leaves when that is less. Nothing when neither can be read.
std::optional<std::uint64_t> available_memory();

}  // namespace tarikh
