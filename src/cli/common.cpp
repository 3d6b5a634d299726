#include "common.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include <tarikh/files.hpp>

namespace tarikh::cli {

namespace {

// The library names a limit; the command line says which option raises it.
const char* hint_for(Option option) {
    switch (option) {
        case Option::none: return nullptr;
        case Option::max_file_bytes: return "raise the limit with --max-file-size";
        case Option::max_events: return "raise the limit with --max-events";
        case Option::max_text_length: return "raise the limit with --max-text-length";
        case Option::max_depth: return "raise the limit with --max-depth";
        case Option::max_pages: return "raise the limit with --max-pages";
        case Option::max_pixels: return "lower --dpi or raise --max-pixels";
        case Option::strict: return "--strict makes this an error";
        case Option::font_dirs: return "add a font folder with --font-dir DIR";
        case Option::table_choice: return nullptr;
        case Option::dpi: return "lower --dpi, draw crowded lanes as density bands with --aggregate week, or write a PDF";
    }
    return nullptr;
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

int usage_error(const std::string& command, const std::string& message) {
    std::cerr << "tarikh: error: " << message << "\nTry 'tarikh " << command << (command.empty() ? "" : " ") << "--help'.\n";
    return kUsageError;
}

std::vector<std::string> style_files(const std::string& theme, const std::string& catalogue) {
    std::vector<std::string> files;
    if (theme.find('/') != std::string::npos || theme.ends_with(".json")) files.push_back(theme);
    if (!catalogue.empty()) files.push_back(catalogue);
    return files;
}

std::string clashing_names(const std::vector<std::string>& inputs, const std::vector<NamedOutput>& outputs) {
    for (size_t i = 0; i < outputs.size(); ++i) {
        const NamedOutput& output = outputs[i];
        // Names quoted as diagnostics quote them: a control character cannot drive the terminal.
        std::string named = output.option + " " + escape_controls(output.path);
        for (const auto& input : inputs) {
            if (same_file(output.path, input)) return named + " names the input " + escape_controls(input);
            if (size_t page = output.paged ? page_named(output.path, input) : 0)
                return "the input " + escape_controls(input) + " is named as page " + std::to_string(page) + " of " + named;
        }
        for (size_t earlier = 0; earlier < i; ++earlier) {
            const NamedOutput& other = outputs[earlier];
            std::string other_named = other.option + " " + escape_controls(other.path);
            if (output.path == "-" && other.path == "-") return named + " and " + other_named + " both write to stdout";
            if (same_file(output.path, other.path)) return named + " and " + other_named + " name the same file";
            if (size_t page = other.paged ? page_named(other.path, output.path) : 0)
                return named + " names page " + std::to_string(page) + " of " + other_named;
            if (size_t page = output.paged ? page_named(output.path, other.path) : 0)
                return other_named + " names page " + std::to_string(page) + " of " + named;
        }
    }
    return "";
}

std::optional<std::string> unknown_subcommand(const std::string& word, const std::vector<std::string>& known) {
    if (word.empty() || word[0] == '-' || std::find(known.begin(), known.end(), word) != known.end()) return std::nullopt;
    std::string list, near;
    size_t nearest = std::max<size_t>(2, word.size() / 3) + 1;  // farther than this is no typo
    for (const std::string& name : known) {
        list += (list.empty() ? "" : ", ") + name;
        if (size_t d = edit_distance(word, name); d < nearest) nearest = d, near = name;
    }
    std::string message = "expected a subcommand (" + list + "), found \"" + escape_controls(word) + "\"";
    return near.empty() ? message : message + "\nhint: did you mean \"" + near + "\"?";
}

void print(const Diagnostics& diagnostics, const std::string& file) {
    for (Diagnostic d : diagnostics) {
        if (d.file.empty()) d.file = file;
        if (const char* hint = hint_for(d.option)) d.hints.push_back(hint);
        std::cerr << format_diagnostic(d) << "\n";
    }
}

int read_failure(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error && d.option == Option::table_choice) return kUsageError;
    return kInputError;
}

bool write_output(const std::string& path, const std::string& bytes) {
    if (path == "-") {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::cout.flush();
        return static_cast<bool>(std::cout);
    }
    std::string error = write_file_atomically(path, bytes, Devices::written_into);
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
