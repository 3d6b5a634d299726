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

// Position of a byte offset in `text`; "\n", "\r" and "\r\n" each end a line.
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
    TextPosition find(const std::string& pointer) const;
    // Position of the key naming the member at `pointer` (for unknown-key warnings).
    TextPosition find_key(const std::string& pointer) const;
    // Every repeated key, in document order.
    const std::vector<DuplicateKey>& duplicate_keys() const { return duplicates_; }

private:
    std::string_view text_;
    std::unordered_map<std::string, size_t> values_, keys_;
    std::vector<DuplicateKey> duplicates_;
};

// Escapes a JSON pointer token ("~" → "~0", "/" → "~1").
std::string pointer_token(const std::string& key);

}  // namespace tarikh
