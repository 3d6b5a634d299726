// Keys given twice in one JSON object, which a JSON library keeps one of without a word.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

struct DuplicateKey {
    std::string key;
    std::string pointer;  // of the member, e.g. "/events/3/date"
    size_t offset;        // byte offset of the second (or later) occurrence of the key
};

// Every repeated key of `text`, in document order; meant for valid JSON (parse it first), and
// safe on any bytes. One pass, linear in the text.
std::vector<DuplicateKey> find_duplicate_keys(std::string_view text);

}  // namespace tarikh
