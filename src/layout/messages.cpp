#include "layout/messages.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <mutex>

#include "io/builtin_messages.hpp"

namespace tarikh {
namespace {

Catalogue read_builtin(const std::string& lang) {
    Catalogue out{lang, {}};
    // Compiled in and checked by the table test: a broken file fails the build's tests, not a user.
    for (const auto& [id, pattern] : nlohmann::json::parse(builtin_messages_text(lang)).get<std::map<std::string, std::string>>())
        out.messages.emplace(id, pattern);
    return out;
}

// A language's catalogue, parsed on first use: a render needs one or two of the twelve, and
// parsing all of them was 4 % of a 10-event chart's start-up. Entries are never erased, so the
// references handed out stay valid; the lock is for batch jobs on several threads.
const Catalogue* builtin(const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::string, Catalogue> parsed;
    const auto& known = builtin_catalogue_languages();
    if (std::find(known.begin(), known.end(), lang) == known.end()) return nullptr;
    std::lock_guard<std::mutex> lock(mutex);
    auto found = parsed.find(lang);
    if (found == parsed.end()) found = parsed.emplace(lang, read_builtin(lang)).first;
    return &found->second;
}

}  // namespace

const std::vector<std::string>& message_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        // nlohmann's ordered_json keeps the file's order, which the table test lists.
        auto english = nlohmann::ordered_json::parse(builtin_messages_text("en"));
        for (auto member = english.begin(); member != english.end(); ++member) out.push_back(member.key());
        return out;
    }();
    return ids;
}

const std::vector<std::string>& builtin_catalogue_languages() {
    static const std::vector<std::string> kLanguages{"en", "ar", "fa", "tr", "ru", "he", "ckb", "ku", "fr", "de", "es", "ur"};
    return kLanguages;
}

const Catalogue* builtin_catalogue(const std::string& tag) {
    std::string language = tag.substr(0, tag.find_first_of("-_"));
    std::transform(language.begin(), language.end(), language.begin(), [](unsigned char c) { return std::tolower(c); });
    return builtin(language);
}

const Catalogue& english_catalogue() { return *builtin("en"); }

std::vector<std::string> placeholders(const std::string& pattern) {
    // Only the outermost braces name an argument: "{count, plural, one {# event} other {# events}}"
    // has one, "count", whatever the branches a language's plural rules need.
    std::vector<std::string> out;
    int depth = 0;
    for (size_t at = 0; at < pattern.size(); ++at) {
        if (pattern[at] == '}' && depth > 0) --depth;
        if (pattern[at] != '{') continue;
        if (depth++ > 0) continue;
        size_t end = pattern.find_first_of(",}", at + 1);
        if (end == std::string::npos) break;
        std::string name = pattern.substr(at + 1, end - at - 1);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace tarikh
