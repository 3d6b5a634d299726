#include "io/duplicate_keys.hpp"

#include <nlohmann/json.hpp>

#include <unordered_set>

#include "io/json_positions.hpp"

namespace tarikh {
namespace {

// One open array or object: its member keys so far, and the token naming its current child.
struct Frame {
    bool is_object = false;
    size_t index = 0;           // arrays: the current element
    std::string_view key;       // objects: the current key, raw (escapes undecoded)
};

// A raw key as JSON text means it: escapes decoded ("\u0061" is "a").
std::string decoded(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    try {
        return nlohmann::json::parse("\"" + std::string(raw) + "\"").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        return std::string(raw);  // not reached for valid JSON; kept whole so that no input can throw
    }
}

std::string pointer_of(const std::vector<Frame>& frames) {
    std::string out;
    for (const Frame& f : frames)
        out += "/" + (f.is_object ? pointer_token(decoded(f.key)) : std::to_string(f.index));
    return out;
}

}  // namespace

std::vector<DuplicateKey> find_duplicate_keys(std::string_view text) {
    std::vector<DuplicateKey> out;
    std::vector<Frame> frames;
    // Keys seen per open object, by depth; sets are reused so that buckets are not reallocated
    // for each of a hundred thousand small objects.
    std::vector<std::unordered_set<std::string>> seen;
    bool expect_key = false;  // the next string in this object is a key
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            size_t start = ++i;
            while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
            if (!expect_key || frames.empty()) continue;
            std::string_view raw = text.substr(start, i - start);
            frames.back().key = raw;
            std::string key = decoded(raw);
            if (seen[frames.size() - 1].count(key)) out.push_back({key, pointer_of(frames), start - 1});
            else seen[frames.size() - 1].insert(std::move(key));
            expect_key = false;
        } else if (c == '{' || c == '[') {
            frames.push_back({c == '{', 0, {}});
            if (seen.size() < frames.size()) seen.emplace_back();
            auto& keys = seen[frames.size() - 1];
            if (keys.bucket_count() > 64) keys = {};  // clear() would cost every bucket, each time
            else keys.clear();
            expect_key = c == '{';
        } else if (c == '}' || c == ']') {
            if (frames.empty()) break;  // not JSON past here: nothing more to find
            frames.pop_back();
            expect_key = false;
        } else if (c == ',' && !frames.empty()) {
            if (frames.back().is_object) expect_key = true;
            else ++frames.back().index;
        }
    }
    return out;
}

}  // namespace tarikh
