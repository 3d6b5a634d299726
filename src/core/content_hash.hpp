// A 64-bit hash of bytes handed over in pieces, the same as of their concatenation: what names
// a document's ids after its content. Eight bytes a step; FNV-1a's one byte a step was a tenth
// of a large SVG's writing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tarikh {

class ContentHash {
public:
    ContentHash() = default;
    // Another seed, another hash of the same bytes: two make a 128-bit one.
    explicit ContentHash(std::uint64_t seed) : state_(seed) {}
    void add(std::string_view bytes);
    // Of everything added so far; more may be added after.
    std::uint64_t value() const;

private:
    void step(std::uint64_t word);

    std::uint64_t state_ = 0x243F6A8885A308D3ULL;  // π's first hexadecimal digits
    std::uint64_t length_ = 0;
    unsigned char tail_[8] = {};  // bytes of a word not yet complete
    std::size_t tail_size_ = 0;
};

}  // namespace tarikh
