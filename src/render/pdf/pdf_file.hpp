// A PDF file written object by object: numbered objects, gathered a hundred at a time into
// compressed object streams (a chart's thousands of links and structure elements, mostly
// alike, shrink to a fifth), Flate-compressed streams, and a cross-reference stream whose /ID
// is a hash of the content (the same input gives the same bytes).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content_hash.hpp"

namespace tarikh::pdf {

// Appends v with at most `decimals` decimals and no trailing zeros (std::to_chars: no locale).
void append_number(std::string& out, double v, int decimals = 2);
void append_integer(std::string& out, long long v);
// A text string (/Title, /Alt, /ActualText…): a literal of its ASCII, else of UTF-16BE bytes with a BOM.
std::string text_string(std::string_view utf8);
// UTF-8 as UTF-16BE in hex digits, without a BOM (ToUnicode maps).
std::string utf16_hex(std::string_view utf8);
// Four hex digits.
void append_hex16(std::string& out, unsigned v);
// Bytes as a literal string, escaped.
std::string literal_string(std::string_view bytes);

// Where the bytes go as they are made (false: it took no more); none: kept until finish().
using ByteSink = std::function<bool(std::string_view)>;

class File {
public:
    explicit File(ByteSink sink = {});
    // A number for an object written later (pages point at fonts written at the end).
    int reserve();
    // The object `id` is `body` (in an object stream).
    void write(int id, std::string_view body);
    // The same, outside object streams: `id 0 obj body endobj`, readable as it is (/Info).
    void write_plain(int id, std::string_view body);
    // A stream object: `dict` holds the entries besides /Length and /Filter (without << >>).
    void write_stream(int id, std::string_view dict, std::string_view data, bool compress = true);
    // The same with `packed` deflated already (by deflate()).
    void write_deflated_stream(int id, std::string_view dict, std::string_view packed);
    // The complete file, xref and trailer added, or with a sink what it was not handed yet;
    // the writer is spent.
    std::string finish(int root, int info);
    // False once the sink refused bytes: the file is incomplete.
    bool taken() const { return taken_; }

private:
    // Where object i + 1 is: at `where` in the file (in_stream 0), or the index-th object of
    // object stream `in_stream`; nothing yet while reserved.
    struct Entry {
        int in_stream = -1;  // -1: not written yet
        std::size_t where = 0;
    };
    void flush_objects();
    // `id 0 obj <<head /Length …>> stream … endobj`.
    void write_stream_object(int id, std::string_view head, std::string_view bytes);
    // Offset in the whole file of the next byte written.
    std::size_t offset() const { return handed_ + bytes_.size(); }
    // bytes_ hashed and handed to the sink, once it holds enough to be worth a write.
    void hand_over(std::size_t at_least);

    ByteSink sink_;
    bool taken_ = true;
    std::size_t handed_ = 0;       // bytes already handed to the sink
    ContentHash hashes_[2];        // of the bytes handed over (the /ID: a hash of the content)
    std::string bytes_;
    std::vector<Entry> entries_;
    std::string pending_;                         // bodies of the objects waiting for a stream
    std::vector<std::pair<int, std::size_t>> pending_ids_;  // their ids and offsets in pending_
};

// zlib's level 5, not its default 6: a batch of 1,000 PDFs of 20 events took 4.7 % less time
// for 0.6 % more bytes (level 4: 11 % less time, 2.2 % more bytes; docs/performance.md).
constexpr int kDeflateLevel = 5;

// zlib's deflate at kDeflateLevel.
std::string deflate(std::string_view data);

}  // namespace tarikh::pdf
