// What the tarikh commands share: exit codes, printing diagnostics, writing outputs.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tarikh/result.hpp>

namespace tarikh::cli {

enum Exit { kOk = 0, kInputError = 1, kUsageError = 2, kOutputError = 3, kInterrupted = 130 };

inline constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0    success (warnings may have been printed)\n"
    "  1    input error: a timeline is unreadable or invalid\n"
    "  2    usage error: bad command line\n"
    "  3    output error: an output could not be rendered or written\n"
    "  130  interrupted (Ctrl-C or SIGTERM); finished outputs are complete, others absent\n";

// "tarikh: error: MESSAGE" and where to read more; returns kUsageError.
int usage_error(const std::string& command, const std::string& message);

// A file the command line names, with the option that names it ("-o", "--layout-json", …);
// `paged`: pages 2, 3, … of it go beside it (and stale ones there are removed).
struct NamedOutput {
    std::string option;
    std::string path;
    bool paged = false;
};

// The files a command reads besides its timelines, which no output may replace: a theme file
// (a built-in theme is a name, not a file: a file's path has a "/" or ends in .json) and a
// catalogue.
std::vector<std::string> style_files(const std::string& theme, const std::string& catalogue);

// Why `outputs` cannot be written as named, or "": one names an input or another output, or a
// page of one, however spelt (same_file). Two "-" both write to stdout.
std::string clashing_names(const std::vector<std::string>& inputs, const std::vector<NamedOutput>& outputs);

// Prints to stderr; diagnostics without a file get `file`, those that ran into a limit the
// option that raises it.
void print(const Diagnostics& diagnostics, const std::string& file);

// The exit status of a failed read: a usage error when the command line asked the input for
// what it lacks (Option::table_choice), else an input error.
int read_failure(const Diagnostics& diagnostics);

// Atomically (no partial file, ever); "-" writes to stdout. Prints the error on failure.
bool write_output(const std::string& path, const std::string& bytes);
// Each (path, bytes) as write_output does; when one fails, the files written before it are
// removed, so that a failed command leaves none of its outputs.
bool write_outputs(const std::vector<std::pair<std::string, std::string>>& files);

// The error for `word` where one of the subcommands `known` was expected, when it names none
// ("valdate"), with the nearest as a hint; none for a known one or an option (-…), which CLI11
// handles. CLI11 itself would say only "A subcommand is required", or print the help of the
// command above with exit 0 when --help follows.
std::optional<std::string> unknown_subcommand(const std::string& word, const std::vector<std::string>& known);

}  // namespace tarikh::cli
