#include "io/json_positions.hpp"

#include <nlohmann/json.hpp>

#include <unordered_set>

namespace tarikh {

TextPosition LineCounter::at(size_t offset) {
    if (offset < offset_) *this = LineCounter(text_);
    offset = std::min(offset, text_.size());
    for (; offset_ < offset; ++offset_) {
        unsigned char c = static_cast<unsigned char>(text_[offset_]);
        // "\n", "\r" (classic Mac OS, some exports) and "\r\n" each end one line.
        if (c == '\r' && offset_ + 1 < text_.size() && text_[offset_ + 1] == '\n') continue;
        if (c == '\n' || c == '\r') {
            ++here_.line;
            here_.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++here_.column;  // count code points, not UTF-8 continuation bytes
        }
    }
    return here_;
}

TextPosition position_of(std::string_view text, size_t offset) { return LineCounter(text).at(offset); }

std::string pointer_token(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

// A recursive-descent walk over valid JSON that records where values and keys start, and
// which keys repeat. Texts
// reach it unchecked for depth (a TimelineJS original), so it indexes only kMaxDepth levels.
class Indexer {
public:
    // `values` and `keys`: null to find repeated keys only, which every reading needs, while
    // positions are asked for only when there is something to report.
    Indexer(std::string_view text, std::unordered_map<std::string, size_t>* values,
            std::unordered_map<std::string, size_t>* keys, std::vector<DuplicateKey>* duplicates)
        : s_(text), values_(values), keys_(keys), duplicates_(duplicates) {}

    void run() {
        skip_space();
        value("");
    }

private:
    void skip_space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
            ++pos_;
    }

    std::string string_token() {
        std::string raw;
        ++pos_;  // opening quote
        size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] != '"') pos_ += s_[pos_] == '\\' ? 2 : 1;
        raw = std::string(s_.substr(start, pos_ - start));
        ++pos_;  // closing quote
        if (raw.find('\\') == std::string::npos) return raw;
        // Let nlohmann decode escapes in keys; it has already accepted the whole text.
        return nlohmann::json::parse("\"" + raw + "\"").get<std::string>();
    }

    static constexpr int kMaxDepth = 512;  // --max-depth's largest value

    // Past a container without indexing inside it: iterative, so any nesting is safe.
    void skip_container() {
        int open = 0;
        do {
            char c = s_[pos_];
            if (c == '"')
                for (++pos_; pos_ < s_.size() && s_[pos_] != '"';) pos_ += s_[pos_] == '\\' ? 2 : 1;
            else if (c == '{' || c == '[') ++open;
            else if (c == '}' || c == ']') --open;
            ++pos_;
        } while (open > 0 && pos_ < s_.size());
    }

    void value(const std::string& pointer) {
        if (values_) (*values_)[pointer] = pos_;  // the last of repeated keys wins, as in nlohmann
        if (pos_ >= s_.size()) return;
        char c = s_[pos_];
        if ((c == '{' || c == '[') && depth_ == kMaxDepth) return skip_container();
        ++depth_;
        if (c == '{') {
            ++pos_;
            skip_space();
            std::unordered_set<std::string> seen;
            while (pos_ < s_.size() && s_[pos_] != '}') {
                size_t key_at = pos_;
                std::string key = string_token();
                std::string child = pointer + "/" + pointer_token(key);
                if (keys_) (*keys_)[child] = key_at;
                if (!seen.insert(key).second && duplicates_) duplicates_->push_back({std::move(key), child, key_at});
                skip_space();
                ++pos_;  // colon
                skip_space();
                value(child);
                skip_space();
                if (pos_ < s_.size() && s_[pos_] == ',') ++pos_;
                skip_space();
            }
            ++pos_;
        } else if (c == '[') {
            ++pos_;
            skip_space();
            for (size_t i = 0; pos_ < s_.size() && s_[pos_] != ']'; ++i) {
                value(pointer + "/" + std::to_string(i));
                skip_space();
                if (pos_ < s_.size() && s_[pos_] == ',') ++pos_;
                skip_space();
            }
            ++pos_;
        } else if (c == '"') {
            string_token();
        } else {
            while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '}' && s_[pos_] != ']' && s_[pos_] != ' ' &&
                   s_[pos_] != '\n' && s_[pos_] != '\r' && s_[pos_] != '\t')
                ++pos_;
        }
        --depth_;
    }

    std::string_view s_;
    size_t pos_ = 0;
    int depth_ = 0;
    std::unordered_map<std::string, size_t>* values_;
    std::unordered_map<std::string, size_t>* keys_;
    std::vector<DuplicateKey>* duplicates_;
};

}  // namespace

JsonPositions::JsonPositions(std::string_view text) : text_(text) {
    Indexer(text, nullptr, nullptr, &duplicates_).run();
}

void JsonPositions::index() const {
    if (indexed_) return;
    Indexer(text_, &values_, &keys_, nullptr).run();
    indexed_ = true;
}

size_t JsonPositions::value_offset(std::string pointer) const {
    index();
    for (;;) {
        if (auto it = values_.find(pointer); it != values_.end()) return it->second;
        auto slash = pointer.rfind('/');
        if (slash == std::string::npos) return 0;
        pointer.resize(slash);
    }
}

size_t JsonPositions::key_offset(const std::string& pointer) const {
    index();
    auto it = keys_.find(pointer);
    return it != keys_.end() ? it->second : value_offset(pointer);
}

}  // namespace tarikh
