#include "render/pdf/pdf_file.hpp"

#include <zlib.h>

#include <charconv>
#include <cmath>
#include <algorithm>
#include <stdexcept>

namespace tarikh::pdf {

void append_number(std::string& out, double v, int decimals) {
    const double least = decimals >= 3 ? 0.0005 : decimals == 2 ? 0.005 : 0.05;
    if (std::abs(v) < least || !std::isfinite(v)) v = 0;
    char buf[48];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    if (decimals > 0) {
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
    }
    out.append(buf, end);
}

void append_integer(std::string& out, long long v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, end);
}

std::string literal_string(std::string_view ascii) {
    std::string out = "(";
    for (char c : ascii) {
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

}  // namespace

void append_hex16(std::string& out, unsigned v) {
    static const char digits[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

std::string utf16_hex(std::string_view utf8) {
    std::string out;
    for (char32_t cp : code_points(utf8)) {
        if (cp >= 0x10000) {
            cp -= 0x10000;
            append_hex16(out, 0xD800 + (cp >> 10));
            append_hex16(out, 0xDC00 + (cp & 0x3FF));
        } else {
            append_hex16(out, cp);
        }
    }
    return out;
}

std::string text_string(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != 0;
    if (ascii) return literal_string(utf8);
    return "<FEFF" + utf16_hex(utf8) + ">";
}

std::string deflate(std::string_view data) {
    z_stream z{};
    if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) throw std::runtime_error("zlib cannot start");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int status = ::deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (status != Z_STREAM_END) throw std::runtime_error("zlib cannot compress a stream");
    return out;
}

File::File() { bytes_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"; }

int File::reserve() {
    offsets_.push_back(0);
    return static_cast<int>(offsets_.size());
}

void File::write(int id, std::string_view body) {
    offsets_.at(static_cast<std::size_t>(id - 1)) = bytes_.size();
    append_integer(bytes_, id);
    bytes_ += " 0 obj\n";
    bytes_.append(body);
    bytes_ += "\nendobj\n";
}

void File::write_stream(int id, std::string_view dict, std::string_view data, bool compress) {
    std::string packed = compress ? deflate(data) : std::string();
    std::string_view written = compress ? std::string_view(packed) : data;
    std::string head = "<<";
    head += dict;
    if (compress) head += "/Filter/FlateDecode";
    head += "/Length ";
    append_integer(head, static_cast<long long>(written.size()));
    head += ">>\nstream\n";
    offsets_.at(static_cast<std::size_t>(id - 1)) = bytes_.size();
    append_integer(bytes_, id);
    bytes_ += " 0 obj\n";
    bytes_ += head;
    bytes_.append(written);
    bytes_ += "\nendstream\nendobj\n";
}

namespace {

std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

void append_hex64(std::string& out, std::uint64_t v) {
    for (int shift = 48; shift >= 0; shift -= 16) append_hex16(out, static_cast<unsigned>((v >> shift) & 0xFFFF));
}

}  // namespace

std::string File::finish(int root, int info) {
    for (std::size_t i = 0; i < offsets_.size(); ++i)
        if (offsets_[i] == 0) write(static_cast<int>(i + 1), "null");  // reserved, never used
    std::size_t xref = bytes_.size();
    bytes_ += "xref\n0 ";
    append_integer(bytes_, static_cast<long long>(offsets_.size() + 1));
    bytes_ += "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets_) {
        std::string digits;
        append_integer(digits, static_cast<long long>(offset));
        bytes_.append(digits.size() < 10 ? 10 - digits.size() : 0, '0');
        bytes_ += digits;
        bytes_ += " 00000 n \n";
    }
    // Two differently seeded hashes of everything written: the same content, the same /ID.
    std::string id;
    append_hex64(id, fnv1a(bytes_, 1469598103934665603ULL));
    append_hex64(id, fnv1a(bytes_, 0x9E3779B97F4A7C15ULL));
    bytes_ += "trailer\n<</Size ";
    append_integer(bytes_, static_cast<long long>(offsets_.size() + 1));
    bytes_ += "/Root ";
    append_integer(bytes_, root);
    bytes_ += " 0 R/Info ";
    append_integer(bytes_, info);
    bytes_ += " 0 R/ID[<" + id + "><" + id + ">]>>\nstartxref\n";
    append_integer(bytes_, static_cast<long long>(xref));
    bytes_ += "\n%%EOF\n";
    return std::move(bytes_);
}

}  // namespace tarikh::pdf
