#include "io/parse.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "io/json_checks.hpp"
#include "io/json_positions.hpp"
#include "io/theme_file.hpp"
#include "io/text_clean.hpp"
#include "io/text_encoding.hpp"
#include "io/web_link.hpp"
#include "time/calendar.hpp"
#include "time/iso_date.hpp"

namespace tarikh {
namespace {

using json = nlohmann::json;

std::string type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

// A short rendering of what was found: the string itself, or the value's type.
std::string found(const json& v) {
    if (v.is_string()) return quote(v.get<std::string>());
    if (v.is_number() || v.is_boolean() || v.is_null()) return type_name(v) + " (" + v.dump() + ")";
    return type_name(v);
}

class Reader {
public:
    Reader(std::string_view text, std::string file, const ParseLimits& parse_limits)
        : limits(parse_limits), text_(text), positions_(text), file_(std::move(file)) {}

    const ParseLimits& limits;

    // Problems are kept by place, so that those shown are the first in the file whatever
    // order they are found in (nlohmann objects iterate by key name).
    void report(Severity severity, const std::string& pointer, std::string message,
                std::vector<std::string> hints = {}, bool at_key = false) {
        size_t offset = at_key ? positions_.key_offset(pointer) : positions_.value_offset(pointer);
        cap_.add(offset, {severity, file_, 0, 0, pointer, std::move(message), std::move(hints)});
    }
    void warn_at_offset(size_t offset, const std::string& pointer, std::string message) {
        cap_.add(offset, {Severity::warning, file_, 0, 0, pointer, std::move(message), {}});
    }
    const std::vector<DuplicateKey>& duplicate_keys() const { return positions_.duplicate_keys(); }
    // The file's folder, absolute (the current one for stdin): where its theme's font files are found.
    std::string folder() const {
        std::filesystem::path parent = file_ == "-" ? "" : std::filesystem::path(file_).parent_path();
        std::error_code error;
        std::filesystem::path whole = std::filesystem::absolute(parent.empty() ? "." : parent, error);
        return (error ? parent : whole).lexically_normal().string();
    }
    bool has_errors() const { return cap_.has_errors(); }
    // Everything reported, in document order, then what the cap left out.
    Diagnostics finish() {
        LineCounter lines(text_);
        return cap_.finish(file_, [&](size_t offset, Diagnostic& d) {
            TextPosition p = lines.at(offset);
            d.line = p.line;
            d.column = p.column;
        });
    }
    void error(const std::string& ptr, std::string msg, std::vector<std::string> hints = {}) {
        report(Severity::error, ptr, std::move(msg), std::move(hints));
    }
    // An error that the option `limit` would lift; the front end words the hint.
    void over_limit(const std::string& ptr, std::string msg, Option limit) {
        cap_.add(positions_.value_offset(ptr), {Severity::error, file_, 0, 0, ptr, std::move(msg), {}, limit});
    }

    bool expect(const json& v, json::value_t type, const std::string& ptr, const char* what) {
        bool ok = v.type() == type || (type == json::value_t::number_float && v.is_number());
        if (!ok) error(ptr, std::string("expected ") + what + ", found " + found(v));
        return ok;
    }

    // Warns about keys outside `known`, with the nearest known key as a hint.
    void check_keys(const json& obj, const std::string& ptr, const std::vector<std::string>& known) {
        for (const auto& [key, value] : obj.items()) {
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            std::vector<std::string> hints;
            if (auto near = nearest(key, known)) hints.push_back("did you mean " + quote(*near) + "?");
            report(Severity::warning, ptr + "/" + pointer_token(key), "unknown key " + quote(key) + " is ignored",
                   hints, true);
        }
    }

    std::string raw_string_at(const json& obj, const char* key, const std::string& ptr) {
        auto it = obj.find(key);
        if (it == obj.end()) return {};
        if (!expect(*it, json::value_t::string, ptr + "/" + key, "a string")) return {};
        return it->get<std::string>();
    }
    // Ids, references, tags, the author: they reach outputs too (titles, ids, HTML), so they
    // are cleaned like texts.
    std::string string_at(const json& obj, const char* key, const std::string& ptr) {
        return clean(raw_string_at(obj, key, ptr), ptr + "/" + key);
    }

    std::string required_id(const json& obj, const std::string& ptr) {
        if (!obj.contains("id")) {
            error(ptr, "expected an \"id\" member, found none");
            return {};
        }
        std::string id = string_at(obj, "id", ptr);
        if (obj["id"].is_string() && id.empty()) error(ptr + "/id", "expected a non-empty id, found \"\"");
        return id;
    }

    // A text field: a string (the same in every language) or {lang: string}.
    LocalizedText text_at(const json& obj, const char* key, const std::string& parent) {
        LocalizedText out;
        auto it = obj.find(key);
        if (it == obj.end()) return out;
        std::string ptr = parent + "/" + key;
        if (it->is_string()) {
            out.values.emplace_back("*", clean(it->get<std::string>(), ptr));
        } else if (it->is_object()) {
            for (const auto& [lang, value] : it->items()) {
                std::string vptr = ptr + "/" + pointer_token(lang);
                if (!language_tag_ok(lang, vptr, true)) continue;
                if (!expect(value, json::value_t::string, vptr, "a string")) continue;
                if (!languages_.empty() && std::find(languages_.begin(), languages_.end(), lang) == languages_.end())
                    report(Severity::warning, vptr, "language " + quote(lang) + " is not in \"languages\"", {}, true);
                out.values.emplace_back(lang, clean(value.get<std::string>(), vptr));
            }
        } else {
            error(ptr, "expected a string or an object of language → string, found " + found(*it));
        }
        return out;
    }

    // The text without control characters, with a warning naming what was removed; an
    // error when it is longer than the limit.
    std::string clean(const std::string& text, const std::string& ptr) {
        CleanText c = clean_text(text);
        if (c.length > limits.max_text_length) {
            over_limit(ptr, "expected a text of at most " + std::to_string(limits.max_text_length) + " characters, found " +
                           std::to_string(c.length), Option::max_text_length);
            return {};
        }
        auto names = [](const std::vector<char32_t>& list) {
            std::string out;
            for (char32_t ch : list) out += (out.empty() ? "" : ", ") + code_point_name(ch);
            return out;
        };
        if (!c.removed_controls.empty())
            report(Severity::warning, ptr,
                   "removed control characters that could hide or reorder text: " + names(c.removed_controls));
        if (!c.removed_noncharacters.empty())
            report(Severity::warning, ptr,
                   "removed noncharacters, which no output can hold: " + names(c.removed_noncharacters));
        return std::move(c.text);
    }

    // A BCP 47 tag, or an error at it (`at_key`: the tag is an object's key). Tags name
    // output files, so nothing else may pass.
    bool language_tag_ok(const std::string& tag, const std::string& ptr, bool at_key) {
        if (is_language_tag(tag)) return true;
        report(Severity::error, ptr, "expected a BCP 47 language tag such as \"en\" or \"fa-IR\", found " + quote(tag),
               {}, at_key);
        return false;
    }

    // Links are judged once, here (io/web_link), so that every writer can use them as given.
    std::string url_at(const json& obj, const std::string& ptr) {
        std::string url = raw_string_at(obj, "url", ptr);
        if (url.empty()) return url;
        JudgedLink link = judge_link(url);
        if (!link.problem.empty()) report(Severity::warning, ptr + "/url", link.problem);
        return link.url;
    }

    // A date string read by `parse` (ISO 8601, or EDTF for an event's date), or an error there.
    template <typename Date, typename Parse>
    std::optional<Date> parsed_date_at(const json& v, const std::string& ptr, Parse parse) {
        if (!expect(v, json::value_t::string, ptr, "an ISO 8601 date")) return std::nullopt;
        auto parsed = parse(v.get<std::string>());
        if (auto* reason = std::get_if<std::string>(&parsed)) {
            error(ptr, "expected an ISO 8601 date, found " + found(v), {*reason});
            return std::nullopt;
        }
        return std::get<Date>(parsed);
    }
    std::optional<CivilDate> date_at(const json& v, const std::string& ptr) {
        return parsed_date_at<CivilDate>(v, ptr, parse_iso_date);
    }
    // An event's date: EDTF level 1 (spans, seasons, intervals, open ends) on top of ISO 8601.
    std::optional<EdtfDate> edtf_at(const json& v, const std::string& ptr) {
        return parsed_date_at<EdtfDate>(v, ptr, parse_edtf);
    }

    std::optional<Color> color_at(const json& obj, const std::string& ptr) {
        auto it = obj.find("color");
        if (it == obj.end()) return std::nullopt;
        std::string p = ptr + "/color";
        if (!expect(*it, json::value_t::string, p, "a colour like \"#8e2c2c\"")) return std::nullopt;
        std::string s = it->get<std::string>();
        bool ok = s.size() == 7 && s[0] == '#' &&
                  std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        if (!ok) {
            error(p, "expected a colour like \"#8e2c2c\", found " + found(*it));
            return std::nullopt;
        }
        auto hex = [&](int i) { return static_cast<unsigned char>(std::stoi(s.substr(i, 2), nullptr, 16)); };
        return Color{hex(1), hex(3), hex(5), 255};
    }

    // Calls `read(item, pointer)` for each object of the array `parent_json[key]`.
    template <typename F>
    void each(const json& parent_json, const char* key, F&& read, const std::string& parent = "") {
        auto it = parent_json.find(key);
        if (it == parent_json.end()) return;
        std::string ptr = parent + "/" + key;
        if (!expect(*it, json::value_t::array, ptr, "an array")) return;
        for (size_t i = 0; i < it->size(); ++i) {
            std::string item = ptr + "/" + std::to_string(i);
            if (expect((*it)[i], json::value_t::object, item, "an object")) read((*it)[i], item);
        }
    }

    // The array of strings `obj[key]` (tags, source ids), each cleaned like a text.
    std::vector<std::string> strings_at(const json& obj, const char* key, const std::string& parent,
                                        const char* array_what, const char* item_what) {
        std::vector<std::string> out;
        auto it = obj.find(key);
        std::string ptr = parent + "/" + key;
        if (it == obj.end() || !expect(*it, json::value_t::array, ptr, array_what)) return out;
        for (size_t i = 0; i < it->size(); ++i)
            if (std::string item = ptr + "/" + std::to_string(i); expect((*it)[i], json::value_t::string, item, item_what))
                out.push_back(clean((*it)[i].get<std::string>(), item));
        return out;
    }

    std::vector<std::string> languages_;

private:
    DiagnosticCap cap_{limits.max_diagnostics};
    std::string_view text_;
    JsonPositions positions_;
    std::string file_;
};

// format, languages, locales, title, subtitle, author, timezone and calendar.
void read_header(const json& root, Reader& r, Timeline& t) {
    if (!root.contains("format")) {
        r.error("", "expected \"format\": \"tarikh/1\", found no format", {"add \"format\": \"tarikh/1\" at the top"});
    } else if (root["format"] != "tarikh/1") {
        r.error("/format", "expected \"tarikh/1\", found " + found(root["format"]));
    }
    if (auto it = root.find("languages"); it != root.end() && r.expect(*it, json::value_t::array, "/languages", "an array")) {
        for (size_t i = 0; i < it->size(); ++i)
            if (std::string ptr = "/languages/" + std::to_string(i);
                r.expect((*it)[i], json::value_t::string, ptr, "a language tag such as \"en\"") &&
                r.language_tag_ok((*it)[i].get<std::string>(), ptr, false))
                t.languages.push_back((*it)[i].get<std::string>());
    }
    if (t.languages.empty()) t.languages.push_back("en");
    r.languages_ = t.languages;
    if (auto it = root.find("locales"); it != root.end() && r.expect(*it, json::value_t::object, "/locales", "an object")) {
        for (const auto& [lang, loc] : it->items())
            if (std::string ptr = "/locales/" + pointer_token(lang);
                r.language_tag_ok(lang, ptr, true) &&
                r.expect(loc, json::value_t::string, ptr, "a locale such as \"ar-SY\"") &&
                r.language_tag_ok(loc.get<std::string>(), ptr, false))
                t.locales.emplace_back(lang, loc.get<std::string>());
    }
    t.title = r.text_at(root, "title", "");
    t.subtitle = r.text_at(root, "subtitle", "");
    t.author = r.string_at(root, "author", "");
    if (root.contains("timezone")) {
        t.timezone = r.string_at(root, "timezone", "");
        if (root["timezone"].is_string() && !is_known_timezone(t.timezone))
            r.error("/timezone", "expected an IANA time zone such as \"Asia/Damascus\", found " + found(root["timezone"]));
    }
    if (root.contains("calendar")) {
        std::string name = r.string_at(root, "calendar", "");
        if (root["calendar"].is_string()) {
            Result<Calendars> calendars = parse_calendars(name);
            if (calendars) t.calendar = *calendars;
            else r.error("/calendar", calendars.diagnostics.front().message);
        }
    }
}

Era read_era(const json& o, const std::string& p, Reader& r) {
    r.check_keys(o, p, {"id", "start", "end", "label", "color"});
    Era era;
    era.id = r.required_id(o, p);
    for (const char* key : {"start", "end"}) {
        if (!o.contains(key)) {
            r.error(p, std::string("expected the \"") + key + "\" date, found none");
            continue;
        }
        if (auto d = r.date_at(o[key], p + "/" + key)) (std::string(key) == "start" ? era.start : era.end) = *d;
    }
    era.label = r.text_at(o, "label", p);
    era.color = r.color_at(o, p);
    return era;
}

// True when there are events to read, within the limit. Nothing to draw is a mistake (an
// import that found nothing, a wrapper not unwrapped), not an empty page.
bool events_to_read(const json& root, Reader& r) {
    auto it = root.find("events");
    if (it == root.end()) {
        r.error("", "expected at least one event, found none", {"add an \"events\" array"});
        return false;
    }
    if (it->is_array() && it->empty()) r.error("/events", "expected at least one event, found none");
    if (it->is_array() && it->size() > r.limits.max_events) {
        r.over_limit("/events", "expected at most " + std::to_string(r.limits.max_events) + " events, found " +
                               std::to_string(it->size()), Option::max_events);
        return false;
    }
    return true;
}

// An event's "after": another event's id and an offset of zero or more.
RelativeDate read_after(const json& a, const std::string& p, Reader& r) {
    r.check_keys(a, p, {"event", "offset"});
    RelativeDate rel;
    rel.event = r.string_at(a, "event", p);
    if (!a.contains("event")) r.error(p, "expected an \"event\" id, found none");
    if (!a.contains("offset") || !r.expect(a["offset"], json::value_t::string, p + "/offset", "an ISO 8601 duration"))
        return rel;
    const json& offset = a["offset"];
    auto d = parse_iso_duration(offset.get<std::string>());
    if (auto* problem = std::get_if<DurationError>(&d); problem && problem->kind == DurationError::Kind::too_long) {
        r.error(p + "/offset", "expected a duration of at most 100000000000 years, found " + found(offset));
    } else if (problem) {
        r.error(p + "/offset", "expected an ISO 8601 duration such as \"PT3H\", found " + found(offset),
                problem->detail.empty() ? std::vector<std::string>{} : std::vector{problem->detail});
    } else if (const Duration& off = std::get<Duration>(d); off.years < 0 || off.months < 0 || off.weeks < 0 ||
                                                           off.days < 0 || off.hours < 0 || off.minutes < 0 ||
                                                           off.seconds < 0) {
        r.error(p + "/offset", "expected a duration of zero or more, found " + found(offset),
                {"\"after\" places an event after another; swap the two events instead"});
    } else {
        rel.offset = off;
    }
    return rel;
}

// When an event happened: "date" (EDTF, maybe a span) or "after", then "end" and "approximate".
DateSpec read_when(const json& o, const std::string& p, Reader& r) {
    DateSpec when;
    bool has_date = o.contains("date"), has_after = o.contains("after");
    if (has_date == has_after)
        r.error(p, has_date ? "expected either \"date\" or \"after\", found both"
                            : "expected a \"date\" or an \"after\", found neither");
    bool date_is_span = false;
    if (has_date) {
        if (auto date = r.edtf_at(o["date"], p + "/date")) {
            when.date = date->start ? date->start : date->end;  // an open start keeps the known end
            if (date->start && date->end) when.end = date->end;
            when.open_start = date->open_start;
            when.open_end = date->open_end;
            when.start_unknown = date->start_unknown;
            when.end_unknown = date->end_unknown;
            when.unknown = date->unknown;
            date_is_span = date->end || date->open_end;
        }
    }
    if (has_after && r.expect(o["after"], json::value_t::object, p + "/after", "an object {\"event\", \"offset\"}"))
        when.after = read_after(o["after"], p + "/after", r);
    if (o.contains("end") && date_is_span)
        r.error(p + "/end", "expected no \"end\": the \"date\" is already a span", {"write the span in one place"});
    else if (o.contains("end") && when.unknown)
        r.error(p + "/end", "expected no \"end\": the \"date\" is unknown (XXXX)",
                {"give the interval in \"date\", with an empty start for one nobody knows (\"/2018\")"});
    else if (o.contains("end"))
        when.end = r.date_at(o["end"], p + "/end");
    if (auto it = o.find("approximate"); it != o.end() && r.expect(*it, json::value_t::boolean, p + "/approximate", "true or false"))
        when.approximate = it->get<bool>();
    if (when.date) when.approximate |= when.date->approximate;
    return when;
}

// A finite number at f[key], or nothing when the key is absent.
std::optional<double> finite_number_at(const json& f, const char* key, const std::string& p, Reader& r) {
    auto it = f.find(key);
    if (it == f.end() || !r.expect(*it, json::value_t::number_float, p + "/" + key, "a number")) return std::nullopt;
    double value = it->get<double>();
    if (std::isfinite(value)) return value;
    r.error(p + "/" + key, "expected a finite number, found " + found(*it));
    return std::nullopt;
}

Figure read_figure(const json& f, const std::string& p, Reader& r) {
    r.check_keys(f, p, {"label", "value", "low", "high", "source", "kind"});
    Figure figure;
    figure.label = r.text_at(f, "label", p);
    figure.source = r.string_at(f, "source", p);
    if (!f.contains("value")) r.error(p, "expected a \"value\" number, found none");
    figure.value = finite_number_at(f, "value", p, r).value_or(0);
    figure.low = finite_number_at(f, "low", p, r);
    figure.high = finite_number_at(f, "high", p, r);
    if (figure.low && *figure.low > figure.value)
        r.error(p + "/low", "expected at most the value " + f["value"].dump() + ", found " + f["low"].dump());
    if (figure.high && *figure.high < figure.value)
        r.error(p + "/high", "expected at least the value " + f["value"].dump() + ", found " + f["high"].dump());
    figure.kind = r.string_at(f, "kind", p);
    return figure;
}

Event read_event(const json& o, const std::string& p, Reader& r) {
    r.check_keys(o, p, {"id", "date", "end", "approximate", "after", "lane", "title", "text", "place",
                        "importance", "tags", "figures", "quotes", "sources"});
    Event e;
    e.id = r.required_id(o, p);
    e.when = read_when(o, p, r);
    e.lane = r.string_at(o, "lane", p);
    e.title = r.text_at(o, "title", p);
    e.text = r.text_at(o, "text", p);
    e.place = r.text_at(o, "place", p);
    if (auto it = o.find("importance"); it != o.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 3)
            r.error(p + "/importance", "expected 1, 2 or 3, found " + found(*it));
        else
            e.importance = it->get<int>();
    }
    e.tags = r.strings_at(o, "tags", p, "an array of strings", "a string");
    e.sources = r.strings_at(o, "sources", p, "an array of source ids", "a source id");
    r.each(o, "figures", [&](const json& f, const std::string& fp) { e.figures.push_back(read_figure(f, fp, r)); }, p);
    r.each(o, "quotes", [&](const json& q, const std::string& qp) {
        r.check_keys(q, qp, {"speaker", "text", "source"});
        e.quotes.push_back({r.text_at(q, "speaker", qp), r.text_at(q, "text", qp), r.string_at(q, "source", qp)});
    }, p);
    return e;
}

Link read_link(const json& o, const std::string& p, Reader& r) {
    r.check_keys(o, p, {"from", "to", "kind", "label"});
    for (const char* key : {"from", "to"})
        if (!o.contains(key)) r.error(p, std::string("expected a \"") + key + "\" event id, found none");
    return {r.string_at(o, "from", p), r.string_at(o, "to", p), r.string_at(o, "kind", p), r.text_at(o, "label", p)};
}

// "theme": a built-in's name, or a theme object checked here, at its place in the file.
void read_theme_choice(const json& root, Reader& r, Timeline& t) {
    auto it = root.find("theme");
    if (it == root.end()) return;
    const auto& names = builtin_theme_names();
    if (it->is_string()) {
        std::string name = it->get<std::string>();
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            t.theme.name = name;
            return;
        }
        std::vector<std::string> hints;
        if (auto near = nearest(name, names)) hints.push_back("did you mean " + quote(*near) + "?");
        r.error("/theme", "expected a built-in theme (default, print, dark or compact) or a theme object, found " +
                              found(*it), hints);
        return;
    }
    if (!it->is_object()) {
        r.error("/theme", "expected a built-in theme's name or a theme object, found " + found(*it));
        return;
    }
    std::vector<ThemeProblem> problems;
    read_theme(*it, "/theme", r.folder(), problems);
    for (auto& p : problems) r.report(Severity::error, p.pointer, std::move(p.message), std::move(p.hints), p.at_key);
    t.theme.object = it->dump();
    t.theme.folder = r.folder();
}

Timeline read_timeline(const json& root, Reader& r) {
    Timeline t;
    r.check_keys(root, "", {"format", "title", "subtitle", "author", "languages", "locales", "timezone", "calendar",
                            "theme", "sources", "lanes", "eras", "events", "links"});
    read_header(root, r, t);
    read_theme_choice(root, r, t);
    r.each(root, "sources", [&](const json& o, const std::string& p) {
        r.check_keys(o, p, {"id", "name", "url"});
        t.sources.push_back({r.required_id(o, p), r.text_at(o, "name", p), r.url_at(o, p)});
    });
    r.each(root, "lanes", [&](const json& o, const std::string& p) {
        r.check_keys(o, p, {"id", "label", "color"});
        t.lanes.push_back({r.required_id(o, p), r.text_at(o, "label", p), r.color_at(o, p)});
    });
    r.each(root, "eras", [&](const json& o, const std::string& p) { t.eras.push_back(read_era(o, p, r)); });
    if (!events_to_read(root, r)) return t;
    r.each(root, "events", [&](const json& o, const std::string& p) { t.events.push_back(read_event(o, p, r)); });
    r.each(root, "links", [&](const json& o, const std::string& p) { t.links.push_back(read_link(o, p, r)); });
    return t;
}

// References, duplicate ids and `after` cycles: the checks that need the whole document.
void check_references(const Timeline& t, Reader& r) {
    // Ids in order, for "did you mean", and as a set: a file of 100,000 events and sources
    // resolves every reference in linear time.
    struct Ids {
        std::vector<std::string> list;
        std::unordered_set<std::string> set;
    };
    auto ids_of = [](const auto& items) {
        Ids ids;
        for (const auto& item : items) ids.list.push_back(item.id);
        ids.set.insert(ids.list.begin(), ids.list.end());
        return ids;
    };
    auto check_unique = [&](const auto& items, const char* array) {
        std::map<std::string, size_t> first;
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].id.empty()) continue;
            auto [it, fresh] = first.emplace(items[i].id, i);
            if (!fresh)
                r.error(std::string("/") + array + "/" + std::to_string(i) + "/id",
                        "expected a unique id, found " + quote(items[i].id) + " again",
                        {"first used at /" + std::string(array) + "/" + std::to_string(it->second)});
        }
    };
    check_unique(t.sources, "sources");
    check_unique(t.lanes, "lanes");
    check_unique(t.eras, "eras");
    check_unique(t.events, "events");

    const auto lanes = ids_of(t.lanes), sources = ids_of(t.sources), events = ids_of(t.events);
    auto resolve = [&](const std::string& id, const Ids& known, const std::string& ptr, const char* what) {
        if (id.empty() || known.set.count(id)) return;
        std::vector<std::string> hints;
        if (auto near = nearest(id, known.list)) hints.push_back("did you mean " + quote(*near) + "?");
        else if (known.list.empty()) hints.push_back(std::string("the file declares no ") + what + "s");
        r.error(ptr, std::string("expected a known ") + what + " id, found " + quote(id), hints);
    };
    for (size_t i = 0; i < t.events.size(); ++i) {
        const Event& e = t.events[i];
        std::string p = "/events/" + std::to_string(i);
        resolve(e.lane, lanes, p + "/lane", "lane");
        for (size_t s = 0; s < e.sources.size(); ++s) resolve(e.sources[s], sources, p + "/sources/" + std::to_string(s), "source");
        for (size_t f = 0; f < e.figures.size(); ++f) resolve(e.figures[f].source, sources, p + "/figures/" + std::to_string(f) + "/source", "source");
        for (size_t q = 0; q < e.quotes.size(); ++q) resolve(e.quotes[q].source, sources, p + "/quotes/" + std::to_string(q) + "/source", "source");
        if (e.when.after) resolve(e.when.after->event, events, p + "/after/event", "event");
    }
    for (size_t i = 0; i < t.links.size(); ++i) {
        std::string p = "/links/" + std::to_string(i);
        resolve(t.links[i].from, events, p + "/from", "event");
        resolve(t.links[i].to, events, p + "/to", "event");
    }

    // Follow each `after` chain; revisiting an event of the current chain is a cycle.
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < t.events.size(); ++i) index.emplace(t.events[i].id, i);
    std::vector<char> state(t.events.size(), 0);  // 0 new, 1 on the chain, 2 done
    for (size_t start = 0; start < t.events.size(); ++start) {
        std::vector<size_t> chain;
        size_t i = start;
        while (state[i] == 0) {
            state[i] = 1;
            chain.push_back(i);
            const auto& after = t.events[i].when.after;
            auto it = after ? index.find(after->event) : index.end();
            if (it == index.end()) break;
            i = it->second;
            if (state[i] == 1) {
                r.error("/events/" + std::to_string(i) + "/after/event",
                        "expected an event that does not follow itself, found a cycle of \"after\" through " +
                            quote(t.events[i].id));
                break;
            }
        }
        for (size_t c : chain) state[c] = 2;
    }
}

// Ends on or after their starts, for events and eras: needs the zone, so it runs last.
void check_date_order(const Timeline& t, const json& root, Reader& r) {
    Calendar calendar(t.timezone);
    auto check = [&](const CivilDate& start, const CivilDate& end, const std::string& ptr, const json& start_json,
                     const char* start_key) {
        if (calendar.end_of(end) > calendar.start_of(start)) return;
        // The end is an "end" key, or the second half of an interval in the date itself.
        const json& owner = root.at(json::json_pointer(ptr));
        if (!owner.contains("end")) {
            r.error(ptr + "/" + start_key, "expected an interval whose end is on or after its start, found " +
                                              found(start_json));
            return;
        }
        r.error(ptr + "/end", "expected an end on or after the " + std::string(start_key) + " (" + found(start_json) +
                                  "), found " + found(owner["end"]));
    };
    for (size_t i = 0; i < t.events.size(); ++i) {
        const DateSpec& when = t.events[i].when;
        std::string p = "/events/" + std::to_string(i);
        if (when.date && when.end) check(*when.date, *when.end, p, root.at(json::json_pointer(p + "/date")), "date");
    }
    // Offsets are bounded one by one; a chain of them must not carry an event past the years
    // an instant holds either, or it would be drawn somewhere else.
    bool any_after = std::any_of(t.events.begin(), t.events.end(), [](const Event& e) { return e.when.after.has_value(); });
    std::vector<Interval> times = any_after ? resolve_event_times(t, calendar) : std::vector<Interval>{};
    for (size_t i = 0; i < times.size(); ++i) {
        std::int64_t year = mean_year_of(times[i].start);
        if (!t.events[i].when.after || (year <= kMaxYears && year >= -kMaxYears)) continue;
        std::string p = "/events/" + std::to_string(i) + "/after";
        r.error(p, "expected a date between -100000000000 and +100000000000, found year " + std::to_string(year),
                {"shorten the offsets of the chain of \"after\" that leads here"});
        break;  // what follows it is as far
    }
    for (size_t i = 0; i < t.eras.size(); ++i) {
        std::string p = "/eras/" + std::to_string(i);
        const json& era = root.at(json::json_pointer(p));
        if (era.contains("start") && era.contains("end")) check(t.eras[i].start, t.eras[i].end, p, era["start"], "start");
    }
}

}  // namespace

ParseResult parse_timeline(std::string_view text, const std::string& file, const ParseLimits& limits) {
    ParseResult result;
    auto syntax_error = [&](size_t offset, std::string message, std::vector<std::string> hints = {}) {
        TextPosition p = position_of(text, offset);
        result.diagnostics.push_back({Severity::error, file, p.line, p.column, "", std::move(message), std::move(hints)});
        return result;
    };
    if (text.size() > limits.max_file_bytes) {
        result.diagnostics.push_back(file_too_large(file, limits.max_file_bytes, text.size()));
        return result;
    }
    if (auto at = too_deep_at(text, limits.max_depth))
        return syntax_error(*at, "expected JSON nested at most " + std::to_string(limits.max_depth) +
                                     " levels deep, found more");

    // nlohmann stops reading at a NUL byte as if the text ended there: what follows would be
    // dropped without a word. No JSON text holds one.
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
        std::vector<std::string> hints;
        if (auto wide = unmarked_wide_encoding(text))
            hints.push_back("the file looks like " + *wide + " without a byte order mark; save it as UTF-8");
        return syntax_error(nul, "expected JSON text, found a NUL byte", std::move(hints));
    }

    auto parsed = parse_json(text);
    if (auto* error = std::get_if<JsonSyntaxError>(&parsed))
        return syntax_error(error->offset, std::move(error->message), std::move(error->hints));
    const json& root = std::get<json>(parsed);
    Reader reader(text, file, limits);
    if (!root.is_object()) {
        reader.error("", "expected a timeline object, found " + found(root));
        result.diagnostics = reader.finish();
        return result;
    }
    // nlohmann keeps the last of two equal keys (docs/format.md): say so where it happens.
    for (const DuplicateKey& d : reader.duplicate_keys())
        reader.warn_at_offset(d.offset, d.pointer, "key " + quote(d.key) + " is given twice; the last value is used");
    Timeline timeline = read_timeline(root, reader);
    check_references(timeline, reader);
    if (!reader.has_errors()) check_date_order(timeline, root, reader);
    result.diagnostics = reader.finish();
    if (!has_errors(result.diagnostics)) result.timeline = std::move(timeline);
    return result;
}

}  // namespace tarikh
