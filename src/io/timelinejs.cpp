#include "io/timelinejs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "io/csv.hpp"
#include "io/html_text.hpp"
#include "io/web_link.hpp"
#include "time/calendar.hpp"
#include "time/iso_date.hpp"

namespace tarikh {
namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

// A field that TimelineJS writes as a number or a numeric string ("05", 5, ""). `bad` is set
// when the field is there but holds no number ("May", "1e99").
std::optional<long long> number_field(const json& o, const char* key, bool& bad) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return std::nullopt;
    if (it->is_number_integer()) return it->get<long long>();
    if (it->is_number_float() && std::abs(it->get<double>()) < 9e18) return static_cast<long long>(it->get<double>());
    std::string s = it->is_string() ? it->get<std::string>() : "?";
    s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
    if (s.empty()) return std::nullopt;
    size_t start = s[0] == '-' || s[0] == '+' ? 1 : 0;
    if (s.size() > 19 || start == s.size() ||
        !std::all_of(s.begin() + start, s.end(), [](unsigned char c) { return std::isdigit(c); })) {
        bad = true;
        return std::nullopt;
    }
    return std::stoll(s);
}

std::string pad(long long v, int width) {
    std::string s = std::to_string(v < 0 ? -v : v);
    while (static_cast<int>(s.size()) < width) s = "0" + s;
    return s;
}

// ISO 8601 at the precision the fields give: "1908", "1908-05", "1908-05-13T06:45".
std::optional<std::string> iso_date(std::optional<long long> year, std::optional<long long> month,
                                    std::optional<long long> day, std::optional<long long> hour,
                                    std::optional<long long> minute, std::optional<long long> second) {
    if (!year) return std::nullopt;
    for (auto part : {month, day, hour, minute, second})
        if (part && *part < 0) return std::nullopt;
    std::string out = *year < 0 ? "-" + pad(*year, 4) : *year > 9999 ? "+" + pad(*year, 4) : pad(*year, 4);
    if (!month) return out;
    out += "-" + pad(*month, 2);
    if (!day) return out;
    out += "-" + pad(*day, 2);
    if (!hour) return out;
    out += "T" + pad(*hour, 2) + ":" + pad(minute.value_or(0), 2);
    if (second) out += ":" + pad(*second, 2);
    return out;
}

// A value as a diagnostic quotes it: JSON, control characters escaped, at most 60 bytes. Only
// flat values are written out: dumping hostile nesting would recurse without bound.
std::string shown(const json& v) {
    if (std::any_of(v.begin(), v.end(), [](const json& child) { return child.is_structured(); }))
        return v.is_object() ? "{…}" : "[…]";
    std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() <= 60) return text;
    size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    return text.substr(0, cut) + "…";
}

Origin at(const std::string& pointer) { return {pointer, std::nullopt}; }

struct Field {
    std::string text;
    Origin from;
};

// A date as TimelineJS wrote it, and as ISO 8601 when its parts are numbers.
struct DateField {
    bool present = false;
    std::optional<std::string> iso;
    std::string written;  // for messages, already quoted
    Origin from;
};

DateField v3_date(const json& event, const char* key, const std::string& pointer) {
    DateField date;
    auto it = event.find(key);
    if (it == event.end() || it->is_null()) return date;
    date.written = shown(*it);
    date.from = at(pointer + "/" + key);
    if (!it->is_object()) {
        date.present = true;
        return date;
    }
    const json& d = *it;
    bool bad = false;
    auto year = number_field(d, "year", bad), month = number_field(d, "month", bad), day = number_field(d, "day", bad),
         hour = number_field(d, "hour", bad), minute = number_field(d, "minute", bad),
         second = number_field(d, "second", bad);
    date.present = bad || year || month || day || hour || minute || second;  // Sheets write {"year": ""} for none
    if (!bad) date.iso = iso_date(year, month, day, hour, minute, second);
    return date;
}

// v2 and CSV dates: "1932,8,9" or "1932" or "1932/8/9".
DateField comma_date(const std::string& text, Origin from) {
    DateField date;
    date.present = std::any_of(text.begin(), text.end(), [](unsigned char c) { return !std::isspace(c) && c != ','; });
    date.written = shown(text.substr(0, text.find_last_not_of(',') + 1));  // CSV's empty month and day unsaid
    date.from = std::move(from);
    std::vector<std::optional<long long>> parts;
    std::string field;
    bool bad = false;
    auto flush = [&] {
        json holder = {{"v", field}};
        parts.push_back(number_field(holder, "v", bad));
        field.clear();
    };
    for (char c : text) {
        if (c == ',' || c == '/') flush();
        else field += c;
    }
    flush();
    parts.resize(6);
    if (!bad) date.iso = iso_date(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    return date;
}

Field string_at(const json& o, const char* key, const std::string& pointer) {
    auto it = o.find(key);
    return {it != o.end() && it->is_string() ? it->get<std::string>() : std::string(), at(pointer + "/" + key)};
}

std::string slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '-';
    return out.empty() ? "group" : out;
}

// Collects the converted document, one TimelineJS slide at a time, with where each field came from.
class Converter {
public:
    // `original`: the JSON text, to find where a pointer is; empty for a CSV, whose origins carry it.
    Converter(ImportResult& result, const ImportOptions& options, std::string_view original = {})
        : result_(result), strict_(options.strict), original_(original), cap_(options.max_diagnostics) {}

    void title(const Field& headline_html, const Field& text_html) {
        std::string headline = html_to_text(headline_html.text).text, text = html_to_text(text_html.text).text;
        if (!headline.empty()) set("/title", headline, headline_html.from);
        else if (!text.empty()) set("/title", text.substr(0, text.find('\n')), text_html.from);
        if (!headline.empty() && !text.empty()) set("/subtitle", text, text_html.from);
    }

    struct Slide {
        Origin from;
        DateField date, end;
        Field id, headline_html, text_html, group, place;
        Field media_url, media_caption, media_credit;
    };

    void event(const Slide& s) {
        if (!s.date.present) {
            skipped_++;
            return;
        }
        std::string why;
        std::optional<std::string> date = readable(s.date, why);
        if (!date) {
            report(Severity::error, s.date.from, "expected a date, found " + s.date.written, {why});
            return;
        }
        std::optional<std::string> end = s.end.present ? readable(s.end, why) : std::nullopt;
        if (s.end.present && !end) left_out(s.end.from, "expected a date, found " + s.end.written, why);
        if (end && before(*end, *date)) {
            left_out(s.end.from, "expected an end on or after the start (" + s.date.written + "), found " + s.end.written, "");
            end.reset();
        }
        ordered e;
        std::string ptr = "/events/" + std::to_string(events_.size());
        std::string id = s.id.text.empty() || !ids_.insert(s.id.text).second ? "e" + std::to_string(count_) : s.id.text;
        ids_.insert(id);
        ++count_;
        result_.origins[ptr] = s.from;
        e["id"] = id;
        if (!s.id.text.empty()) result_.origins[ptr + "/id"] = s.id.from;
        e["date"] = *date;
        result_.origins[ptr + "/date"] = s.date.from;
        if (end && *end != *date) {
            e["end"] = *end;
            result_.origins[ptr + "/end"] = s.end.from;
        }
        PlainText headline = html_to_text(s.headline_html.text), text = html_to_text(s.text_html.text);
        e["title"] = headline.text.empty() ? text.text.substr(0, text.text.find('\n')) : headline.text;
        result_.origins[ptr + "/title"] = headline.text.empty() ? s.text_html.from : s.headline_html.from;
        if (!text.text.empty()) put(e, ptr, "text", text.text, s.text_html.from);
        if (!s.place.text.empty()) put(e, ptr, "place", s.place.text, s.place.from);
        if (!s.group.text.empty()) put(e, ptr, "lane", lane(s.group), s.group.from);
        ordered sources = ordered::array();
        auto add_source = [&](const std::string& url, const std::string& name, const Origin& from) {
            result_.origins[ptr + "/sources/" + std::to_string(sources.size())] = from;
            sources.push_back(source(url, name, from));
        };
        // Links in the text other than web and mail links ("#top", "javascript:") are left in the
        // text only; their words stay.
        for (const auto& link : text.links)
            if (JudgedLink kept = judge_link(link); !kept.url.empty()) add_source(kept.url, kept.url, s.text_html.from);
        // Media are kept as a source link with caption and credit; they are never downloaded.
        std::string caption = html_to_text(s.media_caption.text).text, credit = html_to_text(s.media_credit.text).text;
        JudgedLink media = judge_link(s.media_url.text);
        if (!media.url.empty()) {
            std::string name = caption.empty() ? (credit.empty() ? media.url : credit) : caption;
            if (!credit.empty() && !caption.empty()) name += " (" + credit + ")";
            add_source(media.url, name, s.media_url.from);
        } else if (!s.media_url.text.empty()) {  // an embed (a quote, a tweet) or a file name: said, not an error
            report(Severity::warning, s.media_url.from, media.problem,
                   {"tarikh keeps media only as links; this one is left out"});
        }
        if (!sources.empty()) e["sources"] = sources;
        events_.push_back(std::move(e));
    }

    void era(const Origin& from, const DateField& start, const DateField& end, const Field& headline) {
        if (!start.present || !end.present) {
            std::vector<std::string> hints;
            if (!strict_) hints.push_back("the era is left out");
            report(strict_ ? Severity::error : Severity::warning, from, "expected an era with a start and an end date",
                   hints, Option::strict);
            return;
        }
        std::string why;
        std::optional<std::string> first = readable(start, why);
        if (!first) return left_out(start.from, "expected a date, found " + start.written, why, "the era is left out");
        std::optional<std::string> last = readable(end, why);
        if (!last) return left_out(end.from, "expected a date, found " + end.written, why, "the era is left out");
        if (before(*last, *first))
            return left_out(end.from, "expected an end on or after the start (" + start.written + "), found " + end.written, "",
                            "the era is left out");
        std::string ptr = "/eras/" + std::to_string(eras_.size());
        ordered era{{"id", "era" + std::to_string(eras_.size())}, {"start", *first}, {"end", *last}};
        result_.origins[ptr] = from;
        result_.origins[ptr + "/start"] = start.from;
        result_.origins[ptr + "/end"] = end.from;
        std::string label = html_to_text(headline.text).text;
        if (!label.empty()) put(era, ptr, "label", label, headline.from);
        eras_.push_back(std::move(era));
    }

    // The document, or nothing when there were errors or no event at all.
    void finish(const Origin& events_from) {
        if (skipped_)
            report(Severity::warning, events_from,
                   skipped_ == 1 ? "1 slide without a start date was left out"
                                 : std::to_string(skipped_) + " slides without a start date were left out",
                   {});
        if (events_.empty() && !cap_.has_errors())
            report(Severity::error, events_from, "expected at least one slide with a start date, found none",
                   {"TimelineJS keeps its slides in \"events\" (v3) or in \"timeline\": {\"date\": […]} (v2)"});
        LineCounter lines(original_);
        result_.diagnostics = cap_.finish("", [&](size_t place, Diagnostic& d) {
            if (d.line > 0) return;  // a CSV cell, placed when reported
            TextPosition p = lines.at(place);
            d.line = p.line;
            d.column = p.column;
        });
        if (has_errors(result_.diagnostics)) return;
        result_.origins["/events"] = events_from;
        if (!sources_.empty()) doc_["sources"] = sources_;
        if (!lanes_.empty()) doc_["lanes"] = lanes_;
        if (!eras_.empty()) doc_["eras"] = eras_;
        doc_["events"] = events_;
        result_.tarikh_json = doc_.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
    }

private:
    // The ISO text of a date the format v1 reader accepts, or nothing and the reason in `why`.
    static std::optional<std::string> readable(const DateField& date, std::string& why) {
        if (!date.iso) {
            why = "expected numbers for the year, month, day, hour, minute and second";
            return std::nullopt;
        }
        auto parsed = parse_iso_date(*date.iso);
        if (auto* reason = std::get_if<std::string>(&parsed)) {
            why = *reason;
            return std::nullopt;
        }
        return date.iso;
    }

    // Whether the end (ISO text the v1 reader accepts) ends before the start begins, as it checks.
    bool before(const std::string& end, const std::string& start) {
        auto first = std::get<CivilDate>(parse_iso_date(start)), last = std::get<CivilDate>(parse_iso_date(end));
        return calendar_.end_of(last) <= calendar_.start_of(first);
    }

    // An optional field that cannot be used: left out with a warning, or an error with --strict.
    void left_out(const Origin& from, std::string message, const std::string& why,
                  const std::string& kept = "the slide is kept without its end date") {
        std::vector<std::string> hints;
        if (!why.empty()) hints.push_back(why);
        if (!strict_) hints.push_back(kept);
        report(strict_ ? Severity::error : Severity::warning, from, std::move(message), hints, Option::strict);
    }

    // `option`: what would change the outcome; only a warning that strict reading makes an
    // error names it.
    void report(Severity severity, const Origin& from, std::string message, std::vector<std::string> hints,
                Option option = Option::none) {
        if (severity == Severity::error) option = Option::none;
        Diagnostic d{severity, "", 0, 0, from.pointer, std::move(message), std::move(hints), option};
        if (from.at) {  // a CSV cell: ordered by line, then column
            d.line = from.at->line;
            d.column = from.at->column;
            return cap_.add((size_t(from.at->line) << 32) + size_t(from.at->column), std::move(d));
        }
        if (!positions_) positions_.emplace(original_);
        cap_.add(positions_->value_offset(from.pointer), std::move(d));
    }

    void set(const std::string& ptr, const std::string& value, const Origin& from) {
        doc_[ptr.substr(1)] = value;
        result_.origins[ptr] = from;
    }

    void put(ordered& object, const std::string& ptr, const char* key, const std::string& value, const Origin& from) {
        object[key] = value;
        result_.origins[ptr + "/" + key] = from;
    }

    std::string lane(const Field& group) {
        auto [it, fresh] = lane_ids_.emplace(group.text, slug(group.text) + "-" + std::to_string(lane_ids_.size()));
        if (fresh) {
            result_.origins["/lanes/" + std::to_string(lanes_.size())] = group.from;
            lanes_.push_back({{"id", it->second}, {"label", group.text}});
        }
        return it->second;
    }

    std::string source(const std::string& url, const std::string& name, const Origin& from) {
        auto [it, fresh] = source_ids_.emplace(url, "s" + std::to_string(source_ids_.size()));
        if (fresh) {
            result_.origins["/sources/" + std::to_string(sources_.size())] = from;
            sources_.push_back({{"id", it->second}, {"name", name}, {"url", url}});
        }
        return it->second;
    }

    ImportResult& result_;
    bool strict_;
    Calendar calendar_{"UTC"};  // the converted document has no time zone: the v1 reader reads it as UTC
    std::string_view original_;
    std::optional<JsonPositions> positions_;  // indexed at the first problem
    ordered doc_ = {{"format", "tarikh/1"}};
    ordered events_ = ordered::array(), eras_ = ordered::array(), lanes_ = ordered::array(), sources_ = ordered::array();
    std::map<std::string, std::string> lane_ids_, source_ids_;
    std::set<std::string> ids_;
    DiagnosticCap cap_;
    size_t count_ = 0, skipped_ = 0;
};

Converter::Slide v3_slide(const json& e, const std::string& ptr) {
    Converter::Slide s;
    s.from = at(ptr);
    s.date = v3_date(e, "start_date", ptr);
    s.end = v3_date(e, "end_date", ptr);
    s.id = string_at(e, "unique_id", ptr);
    if (auto text = e.find("text"); text != e.end() && text->is_object()) {
        s.headline_html = string_at(*text, "headline", ptr + "/text");
        s.text_html = string_at(*text, "text", ptr + "/text");
    }
    s.group = string_at(e, "group", ptr);
    if (auto media = e.find("media"); media != e.end() && media->is_object()) {
        s.media_url = string_at(*media, "url", ptr + "/media");
        s.media_caption = string_at(*media, "caption", ptr + "/media");
        s.media_credit = string_at(*media, "credit", ptr + "/media");
    }
    if (auto location = e.find("location"); location != e.end() && location->is_object())
        s.place = string_at(*location, "name", ptr + "/location");
    return s;
}

Converter::Slide v2_slide(const json& d, const std::string& ptr) {
    Converter::Slide s;
    s.from = at(ptr);
    s.date = comma_date(string_at(d, "startDate", ptr).text, at(ptr + "/startDate"));
    s.end = comma_date(string_at(d, "endDate", ptr).text, at(ptr + "/endDate"));
    s.headline_html = string_at(d, "headline", ptr);
    s.text_html = string_at(d, "text", ptr);
    s.group = string_at(d, "tag", ptr);
    if (auto asset = d.find("asset"); asset != d.end() && asset->is_object()) {
        s.media_url = string_at(*asset, "media", ptr + "/asset");
        s.media_caption = string_at(*asset, "caption", ptr + "/asset");
        s.media_credit = string_at(*asset, "credit", ptr + "/asset");
    }
    return s;
}

// Legacy v2: {"timeline": {"headline", "text", "date": [slides], "era": [eras]}}.
void read_v2(const json& tl, const std::string& base, Converter& convert) {
    convert.title(string_at(tl, "headline", base), string_at(tl, "text", base));
    if (auto dates = tl.find("date"); dates != tl.end() && dates->is_array())
        for (size_t i = 0; i < dates->size(); ++i)
            if ((*dates)[i].is_object()) convert.event(v2_slide((*dates)[i], base + "/date/" + std::to_string(i)));
    if (auto eras = tl.find("era"); eras != tl.end() && eras->is_array())
        for (size_t i = 0; i < eras->size(); ++i) {
            const json& e = (*eras)[i];
            std::string ptr = base + "/era/" + std::to_string(i);
            if (e.is_object())
                convert.era(at(ptr), comma_date(string_at(e, "startDate", ptr).text, at(ptr + "/startDate")),
                            comma_date(string_at(e, "endDate", ptr).text, at(ptr + "/endDate")),
                            string_at(e, "headline", ptr));
        }
}

// v3: {"title": slide, "events": [slides], "eras": [eras]}, at the top or inside "timeline".
void read_v3(const json& tl, const std::string& base, Converter& convert) {
    if (auto title = tl.find("title"); title != tl.end() && title->is_object())
        if (auto text = title->find("text"); text != title->end() && text->is_object())
            convert.title(string_at(*text, "headline", base + "/title/text"), string_at(*text, "text", base + "/title/text"));
    if (auto events = tl.find("events"); events != tl.end() && events->is_array())
        for (size_t i = 0; i < events->size(); ++i)
            if ((*events)[i].is_object()) convert.event(v3_slide((*events)[i], base + "/events/" + std::to_string(i)));
    if (auto eras = tl.find("eras"); eras != tl.end() && eras->is_array())
        for (size_t i = 0; i < eras->size(); ++i) {
            const json& e = (*eras)[i];
            std::string ptr = base + "/eras/" + std::to_string(i);
            if (!e.is_object()) continue;
            Field headline;
            if (auto text = e.find("text"); text != e.end() && text->is_object())
                headline = string_at(*text, "headline", ptr + "/text");
            convert.era(at(ptr), v3_date(e, "start_date", ptr), v3_date(e, "end_date", ptr), headline);
        }
}

}  // namespace

namespace {

// Reads the JSON's events (SAX) without building it, and stops at a top-level "format", which only
// tarikh's own files have (usually their first key): the test costs nothing for them.
class TimelineJsSigns : public nlohmann::json_sax<json> {
public:
    bool shaped_like_timelinejs() const {
        return complete_ && !failed_ && !has_format_ && (timeline_object_ || dated_event_);
    }

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override {
        if (depth_ == 1 && key_ == "timeline") timeline_object_ = true;
        if (depth_ == 2 && in_events_) event_open_ = true;
        return open();
    }
    bool end_object() override {
        if (--depth_ == 2) event_open_ = false;
        complete_ = depth_ == 0;
        return true;
    }
    bool start_array(std::size_t) override {
        if (depth_ == 0) return false;  // not an object: not TimelineJS
        if (depth_ == 1 && key_ == "events") in_events_ = true;
        return open();
    }
    bool end_array() override {
        if (--depth_ == 1) in_events_ = false;
        return true;
    }
    bool key(string_t& name) override {
        if (depth_ == 1) {
            if (name == "format") has_format_ = true;
            // Of a key given twice the last value counts, as nlohmann keeps it.
            if (name == "timeline") timeline_object_ = false;
            if (name == "events") dated_event_ = false;
            key_ = name;
        }
        if (depth_ == 3 && event_open_ && name == "start_date") dated_event_ = true;
        return !has_format_;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        failed_ = true;
        return false;
    }

private:
    bool open() {
        ++depth_;
        return true;
    }
    bool value() const { return depth_ > 0; }

    int depth_ = 0;
    std::string key_;  // the top-level key whose value is being read
    bool in_events_ = false, event_open_ = false;
    bool timeline_object_ = false, dated_event_ = false, has_format_ = false, complete_ = false, failed_ = false;
};

}  // namespace

bool looks_like_timelinejs(std::string_view text) {
    TimelineJsSigns signs;
    json::sax_parse(text, &signs);
    return signs.shaped_like_timelinejs();
}

ImportResult import_timelinejs_json(std::string_view text, const std::string& file, const ImportOptions& options) {
    ImportResult result;
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        auto* syntax = dynamic_cast<const json::parse_error*>(&e);
        TextPosition p = position_of(text, syntax && syntax->byte > 0 ? syntax->byte - 1 : 0);
        result.diagnostics.push_back({Severity::error, file, p.line, p.column, "", "expected a TimelineJS JSON file, found invalid JSON", {}});
        return result;
    }
    if (!root.is_object()) {
        result.diagnostics.push_back({Severity::error, file, 1, 1, "", "expected a TimelineJS JSON object", {}});
        return result;
    }
    Converter convert(result, options, text);
    // The TimelineJS site and its Sheet exports wrap v3 in {"timeline": …}, as v2 always did.
    const json* tl = &root;
    std::string base;
    if (auto inner = root.find("timeline"); inner != root.end() && inner->is_object()) {
        tl = &*inner;
        base = "/timeline";
    }
    bool v2 = tl->contains("date") || (!base.empty() && !tl->contains("events"));
    if (v2) read_v2(*tl, base, convert);
    else read_v3(*tl, base, convert);
    const char* slides = v2 ? "date" : "events";
    convert.finish(at(tl->contains(slides) ? base + "/" + slides : base));
    for (auto& d : result.diagnostics) d.file = file;
    return result;
}

ImportResult import_timelinejs_csv(std::string_view text, const std::string& file, const ImportOptions& options) {
    ImportResult result;
    CsvTable table = read_csv(text, file);
    if (table.error) {
        result.diagnostics.push_back(*table.error);
        return result;
    }
    const std::vector<CsvRow>& rows = table.rows;
    if (rows.empty()) {
        result.diagnostics.push_back({Severity::error, file, 0, 0, "", "expected a TimelineJS CSV with a header row, found nothing", {}});
        return result;
    }
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < rows[0].size(); ++i) {
        std::string name = rows[0][i].text;
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        column.emplace(name, i);
    }
    if (!column.count("year") || !column.count("headline")) {
        result.diagnostics.push_back({Severity::error, file, 1, 1, "",
                                      "expected TimelineJS columns (Year, Month, Day, …, Headline, Text), found none", {}});
        return result;
    }
    // A cell, and as its origin the column's name (as the header writes it) at the cell's place.
    auto cell = [&](const CsvRow& row, const char* name) {
        auto it = column.find(name);
        if (it == column.end()) return Field{};
        const std::string& header = rows[0][it->second].text;
        if (it->second >= row.size()) return Field{"", {header, row.front().at}};
        return Field{row[it->second].text, {header, row[it->second].at}};
    };
    auto date = [&](const CsvRow& row, const char* y, const char* m, const char* d, const char* t) {
        std::string time = cell(row, t).text;
        std::string spec = cell(row, y).text + "," + cell(row, m).text + "," + cell(row, d).text;
        if (auto colon = time.find(':'); colon != std::string::npos)
            spec += "," + time.substr(0, colon) + "," + time.substr(colon + 1, 2);
        return comma_date(spec, cell(row, y).from);
    };
    Converter convert(result, options);
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        std::string type = cell(row, "type").text;
        std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
        if (type == "title") {
            convert.title(cell(row, "headline"), cell(row, "text"));
        } else if (type == "era") {
            convert.era({"", row.front().at}, date(row, "year", "month", "day", "time"),
                        date(row, "end year", "end month", "end day", "end time"), cell(row, "headline"));
        } else {
            Converter::Slide s;
            s.from = {"", row.front().at};
            s.date = date(row, "year", "month", "day", "time");
            s.end = date(row, "end year", "end month", "end day", "end time");
            s.headline_html = cell(row, "headline");
            s.text_html = cell(row, "text");
            s.group = cell(row, "group");
            s.media_url = cell(row, "media");
            s.media_caption = cell(row, "media caption");
            s.media_credit = cell(row, "media credit");
            convert.event(s);
        }
    }
    convert.finish({rows[0][column["year"]].text, rows[0][column["year"]].at});
    for (auto& d : result.diagnostics) d.file = file;
    return result;
}

void locate_in_original(Diagnostics& diagnostics, const ImportResult& imported, std::string_view original,
                        const std::string& file) {
    std::optional<JsonPositions> positions;  // indexed only when needed: the original is JSON then
    for (auto& d : diagnostics) {
        d.file = file;
        const Origin* from = nullptr;
        for (std::string p = d.pointer; !p.empty() && !from;) {
            if (auto it = imported.origins.find(p); it != imported.origins.end()) from = &it->second;
            size_t slash = p.rfind('/');
            p.resize(slash == std::string::npos ? 0 : slash);
        }
        if (!from) {
            d.line = d.column = 0;
            continue;
        }
        d.pointer = from->pointer;
        if (!from->at && !positions) positions.emplace(original);
        TextPosition p = from->at ? *from->at : positions->find(from->pointer);
        d.line = p.line;
        d.column = p.column;
    }
}

}  // namespace tarikh
