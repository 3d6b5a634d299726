#include "io/catalogue_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "files/read_input.hpp"
#include "io/json_checks.hpp"
#include "io/json_positions.hpp"

namespace tarikh {
namespace {

constexpr size_t kMaxCatalogueBytes = 1u << 20;  // a catalogue is a page of words

std::string braced(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "{" : ", {") + name + "}";
    return out.empty() ? "none" : out;
}

}  // namespace

std::variant<Catalogue, Diagnostics> load_catalogue(const std::string& path) {
    auto bytes = read_input(path, kMaxCatalogueBytes);
    if (auto* problem = std::get_if<Diagnostic>(&bytes)) return Diagnostics{*problem};
    const std::string& text = std::get<std::string>(bytes);
    auto fail_at = [&](size_t offset, std::string message, std::vector<std::string> hints = {}) {
        TextPosition p = position_of(text, offset);
        return Diagnostics{{Severity::error, path, p.line, p.column, "", std::move(message), std::move(hints)}};
    };
    if (auto at = too_deep_at(text, 8)) return fail_at(*at, "expected a flat JSON object, found one nested deeper");
    // nlohmann stops at a NUL byte as if the text ended there, dropping what follows.
    if (size_t nul = text.find('\0'); nul != std::string::npos) return fail_at(nul, "expected JSON text, found a NUL byte");
    auto parsed = parse_json(text);
    if (auto* error = std::get_if<JsonSyntaxError>(&parsed)) return fail_at(error->offset, error->message, error->hints);
    const nlohmann::json& root = std::get<nlohmann::json>(parsed);
    if (!root.is_object()) return fail_at(0, "expected an object of messages (id: pattern), found " + std::string(root.type_name()));
    JsonPositions positions(text);
    Diagnostics problems;
    auto problem = [&](const std::string& pointer, bool at_key, std::string message, std::vector<std::string> hints) {
        TextPosition p = at_key ? positions.find_key(pointer) : positions.find(pointer);
        problems.push_back({Severity::error, path, p.line, p.column, pointer, std::move(message), std::move(hints)});
    };
    Catalogue out{path, {}};
    const Catalogue& english = english_catalogue();
    for (auto member = root.begin(); member != root.end(); ++member) {
        std::string pointer = "/" + pointer_token(member.key());
        auto known = english.messages.find(member.key());
        if (known == english.messages.end()) {
            problem(pointer, true, "unknown message " + quote(member.key()),
                    {"the messages are those of messages/en.json, e.g. \"legend.period\""});
        } else if (!member->is_string()) {
            problem(pointer, false, std::string("expected a string, found ") + member->type_name(), {});
        } else {
            std::string pattern = member->get<std::string>();
            auto wanted = placeholders(known->second), found = placeholders(pattern);
            if (found != wanted)
                problem(pointer, false, "expected the placeholders " + braced(wanted) + ", found " + braced(found),
                        {"English's: " + quote(known->second)});
            else
                out.messages.emplace(member.key(), std::move(pattern));
        }
    }
    if (!problems.empty()) return problems;
    return out;
}

}  // namespace tarikh
