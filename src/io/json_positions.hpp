// Where each value of a JSON text starts, by JSON pointer, so diagnostics can give line:col.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tarikh {

struct TextPosition {
    int line = 1, column = 1;  // 1-based; column counts code points
};

// Positions of byte offsets met in increasing order, in one pass over the text: the one
// line and column rule. "\n", "\r" and "\r\n" each end a line.
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : text_(text) {}
    TextPosition at(size_t offset);  // an offset before the last one asked starts over

private:
    std::string_view text_;
    size_t offset_ = 0;
    TextPosition here_;
};

// Position of a byte offset in `text`.
TextPosition position_of(std::string_view text, size_t offset);

// A key given twice in one JSON object, which a JSON library keeps the last of without a word.
struct DuplicateKey {
    std::string key;
    std::string pointer;  // of the member, e.g. "/events/3/date"
    size_t offset;        // byte offset of the second (or later) occurrence of the key
};

class JsonPositions {
public:
    // Indexes `text`, which must be valid JSON (parse it first). Of a repeated key, the last
    // occurrence is indexed, as nlohmann keeps the last value.
    explicit JsonPositions(std::string_view text);
    // Position of the value at `pointer`, or of its nearest indexed ancestor.
    TextPosition find(const std::string& pointer) const { return position_of(text_, value_offset(pointer)); }
    // Position of the key naming the member at `pointer` (for unknown-key warnings).
    TextPosition find_key(const std::string& pointer) const { return position_of(text_, key_offset(pointer)); }
    // The same as byte offsets.
    size_t value_offset(std::string pointer) const;
    size_t key_offset(const std::string& pointer) const;
    // Every repeated key, in document order.
    const std::vector<DuplicateKey>& duplicate_keys() const { return duplicates_; }

private:
    void index() const;  // at the first position asked: a file without problems never needs one

    std::string_view text_;
    mutable bool indexed_ = false;
    mutable std::unordered_map<std::string, size_t> values_, keys_;
    std::vector<DuplicateKey> duplicates_;
};

// Escapes a JSON pointer token ("~" → "~0", "/" → "~1").
std::string pointer_token(const std::string& key);

}  // namespace tarikh
