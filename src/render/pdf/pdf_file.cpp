#include "render/pdf/pdf_file.hpp"

#include <zlib.h>

#include "core/number_text.hpp"

#include <charconv>
#include <cmath>
#include <algorithm>
#include <stdexcept>

namespace tarikh::pdf {

void append_number(std::string& out, double v, int decimals) {
    const double least = decimals >= 3 ? 0.0005 : decimals == 2 ? 0.005 : 0.05;
    append_decimal(out, std::abs(v) < least || !std::isfinite(v) ? 0 : v, decimals);
}

void append_integer(std::string& out, long long v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

std::string literal_string(std::string_view bytes) {
    std::string out = "(";
    for (char c : bytes) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        if (c == '\r') out += "\\r";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + ")";
}

namespace {

// UTF-8 to code points; a malformed byte stands for U+FFFD.
std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

std::u16string utf16(std::string_view utf8) {
    std::u16string out;
    for (char32_t cp : code_points(utf8)) {
        if (cp >= 0x10000) {
            out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
            out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            out += static_cast<char16_t>(cp);
        }
    }
    return out;
}

}  // namespace

void append_hex16(std::string& out, unsigned v) { append_hex(out, v, 4, true); }

std::string utf16_hex(std::string_view utf8) {
    std::string out;
    for (char16_t unit : utf16(utf8)) append_hex16(out, unit);
    return out;
}

std::string text_string(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != 0;
    if (ascii) return literal_string(utf8);
    // UTF-16BE after its byte order mark, as the bytes of a literal: half the size of hex digits,
    // and fewer bytes to compress (an Arabic chart's outline and /Alt are most of its objects).
    std::string bytes = "\xFE\xFF";
    for (char16_t unit : utf16(utf8)) {
        bytes += static_cast<char>(unit >> 8);
        bytes += static_cast<char>(unit & 0xFF);
    }
    return literal_string(bytes);
}

namespace {

// One compressor a thread, reset for each stream: made for each, its 256 KB of tables were
// allocated and faulted in again every time (a 1.6 KB stream took 336 µs so, 12 µs reset).
// A reset compressor writes the same bytes as a new one.
class Compressor {
public:
    Compressor() {
        if (deflateInit(&z_, kDeflateLevel) != Z_OK) throw std::runtime_error("zlib cannot start");
    }
    ~Compressor() { deflateEnd(&z_); }
    Compressor(const Compressor&) = delete;
    Compressor& operator=(const Compressor&) = delete;
    z_stream& reset() {
        if (deflateReset(&z_) != Z_OK) throw std::runtime_error("zlib cannot start");
        return z_;
    }

private:
    z_stream z_{};
};

}  // namespace

// Into a string grown piece by piece: one of deflateBound's size, zeroed when made, would be as
// large as the data (a 100,000-event chart's page: 115 MB, for 14 MB compressed).
std::string deflate(std::string_view data) {
    thread_local Compressor compressor;
    z_stream& z = compressor.reset();
    const std::size_t piece = std::min<std::size_t>(deflateBound(&z, static_cast<uLong>(data.size())), 1 << 16);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    std::string out;
    int status = Z_OK;
    while (status == Z_OK) {
        const std::size_t had = out.size();
        out.resize(had + piece);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + had);
        z.avail_out = static_cast<uInt>(piece);
        status = ::deflate(&z, Z_FINISH);
        out.resize(had + piece - z.avail_out);
    }
    if (status != Z_STREAM_END) throw std::runtime_error("zlib cannot compress a stream");
    return out;
}

File::File(ByteSink sink) : sink_(std::move(sink)), hashes_{ContentHash(), ContentHash(0x9E3779B97F4A7C15ULL)} {
    bytes_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
}

void File::hand_over(std::size_t at_least) {
    if (!sink_ || bytes_.size() < at_least) return;
    for (ContentHash& h : hashes_) h.add(bytes_);
    taken_ = taken_ && sink_(bytes_);
    handed_ += bytes_.size();
    bytes_.clear();
}

int File::reserve() {
    entries_.emplace_back();
    return static_cast<int>(entries_.size());
}

void File::write(int id, std::string_view body) {
    entries_.at(static_cast<std::size_t>(id - 1));  // a number reserved
    pending_ids_.emplace_back(id, pending_.size());
    pending_.append(body);
    pending_ += '\n';
    if (pending_ids_.size() >= 100) flush_objects();
}

void File::write_plain(int id, std::string_view body) {
    entries_.at(static_cast<std::size_t>(id - 1)) = {0, offset()};
    append_integer(bytes_, id);
    bytes_ += " 0 obj\n";
    bytes_.append(body);
    bytes_ += "\nendobj\n";
}

void File::flush_objects() {
    if (pending_ids_.empty()) return;
    int stream = reserve();
    std::string index;
    for (std::size_t i = 0; i < pending_ids_.size(); ++i) {
        auto [id, offset] = pending_ids_[i];
        entries_[static_cast<std::size_t>(id - 1)] = {stream, i};
        append_integer(index, id);
        index += ' ';
        append_integer(index, static_cast<long long>(offset));
        index += ' ';
    }
    std::string dict = "/Type/ObjStm/N ";
    append_integer(dict, static_cast<long long>(pending_ids_.size()));
    dict += "/First ";
    append_integer(dict, static_cast<long long>(index.size()));
    index += pending_;
    pending_.clear();
    pending_ids_.clear();
    write_stream(stream, dict, index);
}

void File::write_stream(int id, std::string_view dict, std::string_view data, bool compress) {
    if (compress) write_deflated_stream(id, dict, deflate(data));
    else write_stream_object(id, dict, data);
}

void File::write_deflated_stream(int id, std::string_view dict, std::string_view packed) {
    write_stream_object(id, std::string(dict) + "/Filter/FlateDecode", packed);
}

void File::write_stream_object(int id, std::string_view head, std::string_view bytes) {
    entries_.at(static_cast<std::size_t>(id - 1)) = {0, offset()};
    append_integer(bytes_, id);
    bytes_ += " 0 obj\n<<";
    bytes_ += head;
    bytes_ += "/Length ";
    append_integer(bytes_, static_cast<long long>(bytes.size()));
    bytes_ += ">>\nstream\n";
    bytes_.append(bytes);
    bytes_ += "\nendstream\nendobj\n";
    hand_over(1 << 16);  // pieces of at least 64 KB: a write worth its call, a few pages
}

namespace {

// A cross-reference stream's row: type (1 byte), offset or object stream (4), generation or index (2).
void append_row(std::string& out, int type, std::size_t field2, std::size_t field3) {
    out += static_cast<char>(type);
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((field2 >> shift) & 0xFF);
    out += static_cast<char>((field3 >> 8) & 0xFF);
    out += static_cast<char>(field3 & 0xFF);
}

}  // namespace

std::string File::finish(int root, int info) {
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].in_stream < 0 && !std::any_of(pending_ids_.begin(), pending_ids_.end(),
                                                       [&](const auto& p) { return p.first == static_cast<int>(i + 1); }))
            write(static_cast<int>(i + 1), "null");  // reserved, never used
    flush_objects();
    const int xref = reserve();
    entries_.back() = {0, offset()};
    std::string rows;
    append_row(rows, 0, 0, 65535);
    for (const Entry& e : entries_) {
        if (e.in_stream == 0) append_row(rows, 1, e.where, 0);
        else append_row(rows, 2, static_cast<std::size_t>(e.in_stream), e.where);
    }
    // Two differently seeded hashes of everything written: the same content, the same /ID.
    std::string id;
    for (ContentHash everything : hashes_) {
        everything.add(bytes_);
        append_hex(id, everything.value(), 16, true);
    }
    std::string dict = "/Type/XRef/W[1 4 2]/Size ";
    append_integer(dict, static_cast<long long>(entries_.size() + 1));
    dict += "/Root ";
    append_integer(dict, root);
    dict += " 0 R/Info ";
    append_integer(dict, info);
    dict += " 0 R/ID[<" + id + "><" + id + ">]";
    const std::size_t start = offset();
    write_stream(xref, dict, rows);
    bytes_ += "startxref\n";
    append_integer(bytes_, static_cast<long long>(start));
    bytes_ += "\n%%EOF\n";
    hand_over(0);
    return std::move(bytes_);
}

}  // namespace tarikh::pdf
