#include "core/diagnostic.hpp"

#include <algorithm>
#include <cstdio>

namespace tarikh {
namespace {

// Characters a terminal acts on or that reorder a line: C0, DEL, C1, bidi marks,
// embeddings, overrides and isolates; noncharacters, which are not text at all.
bool must_escape(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || (c >= 0xFDD0 && c <= 0xFDEF) ||
           (c & 0xFFFE) == 0xFFFE;
}

// Length of the well-formed UTF-8 sequence at `i` and its code point, or 0 when malformed.
size_t decode(std::string_view s, size_t i, char32_t& c) {
    unsigned char lead = static_cast<unsigned char>(s[i]);
    size_t n = lead < 0x80 ? 1 : (lead >= 0xC2 && lead < 0xE0) ? 2 : (lead >= 0xE0 && lead < 0xF0) ? 3
             : (lead >= 0xF0 && lead < 0xF5) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    c = n == 1 ? lead : n == 2 ? lead & 0x1F : n == 3 ? lead & 0x0F : lead & 0x07;
    for (size_t k = 1; k < n; ++k) {
        unsigned char b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        c = (c << 6) | (b & 0x3F);
    }
    bool overlong = (n == 3 && c < 0x800) || (n == 4 && c < 0x10000);
    if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return n;
}

std::string escaped(std::string_view s, size_t max_length, bool in_quotes, bool keep_newlines) {
    std::string out;
    char buf[16];
    size_t count = 0;
    for (size_t i = 0; i < s.size(); ++count) {
        if (count == max_length) return out + "…";
        char32_t c = 0;
        size_t n = decode(s, i, c);
        if (n == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i]));
            out += buf;
            ++i;
            continue;
        }
        if (must_escape(c) && !(keep_newlines && c == '\n')) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            if (in_quotes && (c == '"' || c == '\\')) out += '\\';
            out.append(s, i, n);
        }
        i += n;
    }
    return out;
}

}  // namespace

std::string quote(std::string_view text, size_t max_length) {
    return "\"" + escaped(text, max_length, true, false) + "\"";
}

std::string escape_controls(std::string_view text, bool keep_newlines) {
    return escaped(text, std::string_view::npos, false, keep_newlines);
}

bool has_errors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += escape_controls(d.file) + ":";
        if (d.line > 0) out += std::to_string(d.line) + ":" + std::to_string(d.column) + ":";
        out += " ";
    }
    out += d.severity == Severity::error ? "error: " : "warning: ";
    if (!d.pointer.empty()) out += escape_controls(d.pointer) + ": ";
    out += escape_controls(d.message, true);  // some messages list one item per line
    for (const auto& hint : d.hints) out += "\nhint: " + escape_controls(hint, true);
    return out;
}

Diagnostic file_too_large(const std::string& file, size_t max_bytes, std::optional<size_t> found) {
    constexpr size_t kMB = size_t{1} << 20;
    std::string limit = std::to_string(max_bytes) + " bytes";
    if (max_bytes > 0 && max_bytes % kMB == 0) limit += " (" + std::to_string(max_bytes / kMB) + " MB)";
    return {Severity::error, file, 0, 0, "",
            "expected a file of at most " + limit + ", found " + (found ? std::to_string(*found) + " bytes" : "more"),
            {}, Option::max_file_bytes};
}

void DiagnosticCap::add(size_t place, Diagnostic diagnostic) {
    bool error = diagnostic.severity == Severity::error;
    auto& heap = error ? errors_ : warnings_;
    auto& dropped = error ? errors_dropped_ : warnings_dropped_;
    Kept kept{place, added_++, std::move(diagnostic)};
    if (heap.size() == max_) {
        ++dropped;
        if (heap.empty() || !(kept < heap.front())) return;
        std::pop_heap(heap.begin(), heap.end());
        heap.pop_back();
    }
    heap.push_back(std::move(kept));
    std::push_heap(heap.begin(), heap.end());
}

Diagnostics DiagnosticCap::finish(const std::string& file, const std::function<void(size_t, Diagnostic&)>& locate) {
    std::vector<Kept> all = std::move(errors_);
    all.insert(all.end(), std::make_move_iterator(warnings_.begin()), std::make_move_iterator(warnings_.end()));
    std::sort(all.begin(), all.end());
    Diagnostics out;
    for (Kept& k : all) {
        locate(k.place, k.diagnostic);
        out.push_back(std::move(k.diagnostic));
    }
    if (errors_dropped_ > 0)
        out.push_back({Severity::error, file, 0, 0, "", "too many problems; stopping after " + std::to_string(max_), {}});
    if (warnings_dropped_ > 0)
        out.push_back({Severity::warning, file, 0, 0, "",
                       std::to_string(warnings_dropped_) + " more warning" + (warnings_dropped_ == 1 ? "" : "s") +
                           " not shown", {}});
    errors_.clear();
    warnings_.clear();
    return out;
}

}  // namespace tarikh
