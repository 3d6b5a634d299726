#include "core/content_hash.hpp"

#include <algorithm>
#include <cstring>

namespace tarikh {
namespace {

// Little-endian whatever the machine's order, so that a document hashes alike everywhere.
std::uint64_t load(const unsigned char* p) {
    std::uint64_t word = 0;
    for (int i = 7; i >= 0; --i) word = (word << 8) | p[i];
    return word;
}

// MurmurHash3's finaliser: every bit of the state reaches the low ones, which ids are cut from.
std::uint64_t mixed(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

}  // namespace

void ContentHash::step(std::uint64_t word) {
    // The word is spread before it meets the state, off the chain each step waits on.
    word *= 0x9E3779B97F4A7C15ULL;
    word ^= word >> 32;
    state_ = (state_ ^ word) * 0xD6E8FEB86659FD93ULL;
    state_ ^= state_ >> 29;
}

void ContentHash::add(std::string_view bytes) {
    if (bytes.empty()) return;
    auto p = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t n = bytes.size();
    length_ += n;
    if (tail_size_ > 0) {
        size_t take = std::min(sizeof tail_ - tail_size_, n);
        std::memcpy(tail_ + tail_size_, p, take);
        tail_size_ += take, p += take, n -= take;
        if (tail_size_ < sizeof tail_) return;
        step(load(tail_));
        tail_size_ = 0;
    }
    for (; n >= 8; p += 8, n -= 8) step(load(p));
    std::memcpy(tail_, p, n);
    tail_size_ = n;
}

std::uint64_t ContentHash::value() const {
    ContentHash last = *this;
    if (last.tail_size_ > 0) {
        std::memset(last.tail_ + last.tail_size_, 0, sizeof tail_ - last.tail_size_);
        last.step(load(last.tail_));
    }
    return mixed(last.state_ ^ length_);
}

}  // namespace tarikh
