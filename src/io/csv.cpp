#include "io/csv.hpp"

namespace tarikh {
namespace {

// The length of the UTF-8 sequence at `s[i]`, or 0 when it is not one.
size_t utf8_length(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E && c <= 0xF4 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    unsigned char next = static_cast<unsigned char>(s[i + 1]);
    if (n == 3 && ((c == 0xE0 && next < 0xA0) || (c == 0xED && next >= 0xA0))) return 0;  // overlong, surrogate
    if (n == 4 && ((c == 0xF0 && next < 0x90) || (c == 0xF4 && next >= 0x90))) return 0;  // overlong, past U+10FFFF
    return n;
}

}  // namespace

CsvTable read_csv(std::string_view text, const std::string& file, const CsvLimits& limits) {
    CsvTable table;
    size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    LineCounter lines(text);
    auto fail_at = [&](TextPosition p, std::string message, std::vector<std::string> hints = {},
                       Option option = Option::none) {
        table.error = Diagnostic{Severity::error, file, p.line, p.column, "", std::move(message), std::move(hints), option};
        table.rows.clear();
        return std::move(table);
    };
    auto fail = [&](size_t offset, std::string message, std::vector<std::string> hints = {}) {
        return fail_at(lines.at(offset), std::move(message), std::move(hints));
    };
    auto too_many_rows = [&](const CsvRow& r) {
        return fail_at(r.front().at, "expected at most " + std::to_string(limits.max_rows) + " rows, found more", {},
                       Option::max_events);
    };
    CsvRow row;
    CsvCell cell{{}, lines.at(start)};
    size_t chars = 0, quote_at = 0;
    bool quoted = false;
    auto end_cell = [&](size_t next) {
        row.push_back(std::move(cell));
        cell = CsvCell{{}, lines.at(next)};
        chars = 0;
    };
    for (size_t i = start; i < text.size();) {
        char c = text[i];
        if (c == '\0') return fail(i, "expected text, found a NUL byte", {"a CSV file is text; is this a spreadsheet's binary file?"});
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell.text += '"', i += 2, ++chars;
                continue;
            }
            if (c == '"') {
                quoted = false, ++i;
                continue;
            }
        } else if (c == '"' && cell.text.empty()) {
            quoted = true, quote_at = i++;
            continue;
        } else if (c == ',') {
            end_cell(++i);
            continue;
        } else if (c == '\n' || c == '\r') {
            i += c == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
            end_cell(i);
            bool blank = row.size() == 1 && row.front().text.empty();
            if (!blank) {
                if (table.rows.size() > limits.max_rows) return too_many_rows(row);
                table.rows.push_back(std::move(row));
            }
            row.clear();
            continue;
        }
        size_t n = utf8_length(text, i);
        if (n == 0) return fail(i, "expected UTF-8 text, found the byte " + escape_controls(text.substr(i, 1)));
        if (++chars > limits.max_cell_chars)
            return fail_at(lines.at(i), "expected a cell of at most " + std::to_string(limits.max_cell_chars) +
                                            " characters, found more", {}, Option::max_text_length);
        cell.text.append(text.substr(i, n));
        i += n;
    }
    if (quoted)
        return fail(quote_at, "expected a closing quote for the cell opened here, found the end of the file",
                    {"a quote inside a quoted cell is written twice: \"\""});
    if (!cell.text.empty() || !row.empty()) {
        row.push_back(std::move(cell));
        if (table.rows.size() > limits.max_rows) return too_many_rows(row);
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace tarikh
