// A PDF file written object by object: numbered objects, Flate-compressed streams, the xref
// table and a trailer whose /ID is a hash of the content (the same input gives the same bytes).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh::pdf {

// Appends v with at most `decimals` decimals and no trailing zeros (std::to_chars: no locale).
void append_number(std::string& out, double v, int decimals = 2);
void append_integer(std::string& out, long long v);
// A text string (/Title, /Alt, /ActualText…): literal when ASCII, else UTF-16BE hex with a BOM.
std::string text_string(std::string_view utf8);
// UTF-8 as UTF-16BE in hex digits, without a BOM (ToUnicode maps, text strings).
std::string utf16_hex(std::string_view utf8);
// Four hex digits.
void append_hex16(std::string& out, unsigned v);
// An ASCII string as a literal, escaped.
std::string literal_string(std::string_view ascii);

class File {
public:
    File();
    // A number for an object written later (pages point at fonts written at the end).
    int reserve();
    // `id 0 obj body endobj`.
    void write(int id, std::string_view body);
    // A stream object: `dict` holds the entries besides /Length and /Filter (without << >>).
    void write_stream(int id, std::string_view dict, std::string_view data, bool compress = true);
    // The complete file: xref and trailer added; the writer is spent.
    std::string finish(int root, int info);

private:
    std::string bytes_;
    std::vector<std::size_t> offsets_;  // of object i + 1; 0 while reserved
};

// zlib's deflate at its default level.
std::string deflate(std::string_view data);

}  // namespace tarikh::pdf
