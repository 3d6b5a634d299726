#include "io/timelinejs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "io/html_text.hpp"

namespace tarikh {
namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

// A field that TimelineJS writes as a number or a numeric string ("05", 5, "").
std::optional<long long> number_field(const json& o, const char* key) {
    auto it = o.find(key);
    if (it == o.end()) return std::nullopt;
    if (it->is_number_integer()) return it->get<long long>();
    if (it->is_number()) return static_cast<long long>(it->get<double>());
    if (!it->is_string()) return std::nullopt;
    std::string s = it->get<std::string>();
    s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
    if (s.empty() || s.size() > 19) return std::nullopt;
    size_t start = s[0] == '-' || s[0] == '+' ? 1 : 0;
    if (start == s.size() || !std::all_of(s.begin() + start, s.end(), [](unsigned char c) { return std::isdigit(c); }))
        return std::nullopt;
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

std::optional<std::string> v3_date(const json& event, const char* key) {
    auto it = event.find(key);
    if (it == event.end() || !it->is_object()) return std::nullopt;
    const json& d = *it;
    return iso_date(number_field(d, "year"), number_field(d, "month"), number_field(d, "day"), number_field(d, "hour"),
                    number_field(d, "minute"), number_field(d, "second"));
}

// v2 and CSV dates: "1932,8,9" or "1932" or "1932/8/9".
std::optional<std::string> comma_date(const std::string& text) {
    std::vector<std::optional<long long>> parts;
    std::string field;
    auto flush = [&] {
        json holder = {{"v", field}};
        parts.push_back(number_field(holder, "v"));
        field.clear();
    };
    for (char c : text) {
        if (c == ',' || c == '/') flush();
        else field += c;
    }
    flush();
    parts.resize(6);
    return iso_date(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
}

std::string string_at(const json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_web_link(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

std::string slug(const std::string& text) {
    std::string out;
    for (unsigned char c : text) out += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '-';
    return out.empty() ? "group" : out;
}

// Collects the converted document, one TimelineJS slide at a time.
class Converter {
public:
    ordered doc = {{"format", "tarikh/1"}};

    void title(const std::string& headline_html, const std::string& text_html) {
        std::string headline = html_to_text(headline_html).text, text = html_to_text(text_html).text;
        if (!headline.empty()) doc["title"] = headline;
        else if (!text.empty()) doc["title"] = text.substr(0, text.find('\n'));
        if (!headline.empty() && !text.empty()) doc["subtitle"] = text;
    }

    struct Slide {
        std::optional<std::string> date, end;
        std::string id, headline_html, text_html, group, place;
        std::string media_url, media_caption, media_credit;
    };

    void event(const Slide& s) {
        if (!s.date) {
            skipped_++;
            return;
        }
        ordered e;
        std::string id = s.id.empty() || !ids_.insert(s.id).second ? "e" + std::to_string(count_) : s.id;
        ids_.insert(id);
        ++count_;
        e["id"] = id;
        e["date"] = *s.date;
        if (s.end && *s.end != *s.date) e["end"] = *s.end;
        PlainText headline = html_to_text(s.headline_html), text = html_to_text(s.text_html);
        e["title"] = headline.text.empty() ? text.text.substr(0, text.text.find('\n')) : headline.text;
        if (!text.text.empty()) e["text"] = text.text;
        if (!s.place.empty()) e["place"] = s.place;
        if (!s.group.empty()) e["lane"] = lane(s.group);
        ordered sources = ordered::array();
        for (const auto& link : text.links)
            if (is_web_link(link)) sources.push_back(source(link, link));
        // Media are kept as a source link with caption and credit; they are never downloaded.
        std::string caption = html_to_text(s.media_caption).text, credit = html_to_text(s.media_credit).text;
        if (is_web_link(s.media_url)) {
            std::string name = caption.empty() ? (credit.empty() ? s.media_url : credit) : caption;
            if (!credit.empty() && !caption.empty()) name += " (" + credit + ")";
            sources.push_back(source(s.media_url, name));
        }
        if (!sources.empty()) e["sources"] = sources;
        events_.push_back(std::move(e));
    }

    void era(const std::optional<std::string>& start, const std::optional<std::string>& end, const std::string& headline) {
        if (!start || !end) return;
        ordered era{{"id", "era" + std::to_string(eras_.size())}, {"start", *start}, {"end", *end}};
        std::string label = html_to_text(headline).text;
        if (!label.empty()) era["label"] = label;
        eras_.push_back(std::move(era));
    }

    std::string finish(Diagnostics& diagnostics, const std::string& file) {
        if (skipped_)
            diagnostics.push_back({Severity::warning, file, 0, 0, "",
                                   std::to_string(skipped_) + " slides without a start date were left out", {}});
        if (!sources_.empty()) doc["sources"] = sources_;
        if (!lanes_.empty()) doc["lanes"] = lanes_;
        if (!eras_.empty()) doc["eras"] = eras_;
        doc["events"] = events_;
        return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
    }

private:
    std::string lane(const std::string& group) {
        auto [it, fresh] = lane_ids_.emplace(group, slug(group) + "-" + std::to_string(lane_ids_.size()));
        if (fresh) lanes_.push_back({{"id", it->second}, {"label", group}});
        return it->second;
    }

    std::string source(const std::string& url, const std::string& name) {
        auto [it, fresh] = source_ids_.emplace(url, "s" + std::to_string(source_ids_.size()));
        if (fresh) sources_.push_back({{"id", it->second}, {"name", name}, {"url", url}});
        return it->second;
    }

    ordered events_ = ordered::array(), eras_ = ordered::array(), lanes_ = ordered::array(), sources_ = ordered::array();
    std::map<std::string, std::string> lane_ids_, source_ids_;
    std::set<std::string> ids_;
    size_t count_ = 0, skipped_ = 0;
};

Converter::Slide v3_slide(const json& e) {
    Converter::Slide s;
    s.date = v3_date(e, "start_date");
    s.end = v3_date(e, "end_date");
    s.id = string_at(e, "unique_id");
    if (auto text = e.find("text"); text != e.end() && text->is_object()) {
        s.headline_html = string_at(*text, "headline");
        s.text_html = string_at(*text, "text");
    }
    s.group = string_at(e, "group");
    if (auto media = e.find("media"); media != e.end() && media->is_object()) {
        s.media_url = string_at(*media, "url");
        s.media_caption = string_at(*media, "caption");
        s.media_credit = string_at(*media, "credit");
    }
    if (auto location = e.find("location"); location != e.end() && location->is_object())
        s.place = string_at(*location, "name");
    return s;
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, any = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
        any = true;
    }
    if (any && (!field.empty() || !rows.back().empty())) rows.back().push_back(std::move(field));
    while (!rows.empty() && rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

bool looks_like_timelinejs(std::string_view text) {
    json root = json::parse(text, nullptr, false);
    if (!root.is_object()) return false;
    if (root.contains("timeline") && root["timeline"].is_object()) return true;
    if (root.contains("format")) return false;
    auto events = root.find("events");
    return events != root.end() && events->is_array() &&
           std::any_of(events->begin(), events->end(), [](const json& e) { return e.is_object() && e.contains("start_date"); });
}

ImportResult import_timelinejs_json(std::string_view text, const std::string& file) {
    ImportResult result;
    json root = json::parse(text, nullptr, false);
    if (!root.is_object()) {
        result.diagnostics.push_back({Severity::error, file, 0, 0, "", "expected a TimelineJS JSON object", {}});
        return result;
    }
    Converter convert;
    if (root.contains("timeline") && root["timeline"].is_object()) {  // legacy v2
        const json& tl = root["timeline"];
        convert.title(string_at(tl, "headline"), string_at(tl, "text"));
        if (auto dates = tl.find("date"); dates != tl.end() && dates->is_array())
            for (const json& d : *dates) {
                if (!d.is_object()) continue;
                Converter::Slide s;
                s.date = comma_date(string_at(d, "startDate"));
                s.end = comma_date(string_at(d, "endDate"));
                s.headline_html = string_at(d, "headline");
                s.text_html = string_at(d, "text");
                s.group = string_at(d, "tag");
                if (auto asset = d.find("asset"); asset != d.end() && asset->is_object()) {
                    s.media_url = string_at(*asset, "media");
                    s.media_caption = string_at(*asset, "caption");
                    s.media_credit = string_at(*asset, "credit");
                }
                convert.event(s);
            }
        if (auto eras = tl.find("era"); eras != tl.end() && eras->is_array())
            for (const json& e : *eras)
                if (e.is_object())
                    convert.era(comma_date(string_at(e, "startDate")), comma_date(string_at(e, "endDate")), string_at(e, "headline"));
    } else {  // v3
        if (auto title = root.find("title"); title != root.end() && title->is_object() && (*title).contains("text") &&
                                             (*title)["text"].is_object())
            convert.title(string_at((*title)["text"], "headline"), string_at((*title)["text"], "text"));
        if (auto events = root.find("events"); events != root.end() && events->is_array())
            for (const json& e : *events)
                if (e.is_object()) convert.event(v3_slide(e));
        if (auto eras = root.find("eras"); eras != root.end() && eras->is_array())
            for (const json& e : *eras)
                if (e.is_object()) {
                    std::string headline = e.contains("text") && e["text"].is_object() ? string_at(e["text"], "headline") : "";
                    convert.era(v3_date(e, "start_date"), v3_date(e, "end_date"), headline);
                }
    }
    result.tarikh_json = convert.finish(result.diagnostics, file);
    return result;
}

ImportResult import_timelinejs_csv(std::string_view text, const std::string& file) {
    ImportResult result;
    auto rows = parse_csv(text);
    if (rows.empty()) {
        result.diagnostics.push_back({Severity::error, file, 0, 0, "", "expected a TimelineJS CSV with a header row, found nothing", {}});
        return result;
    }
    std::map<std::string, size_t> column;
    for (size_t i = 0; i < rows[0].size(); ++i) {
        std::string name = rows[0][i];
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        column.emplace(name, i);
    }
    if (!column.count("year") || !column.count("headline")) {
        result.diagnostics.push_back({Severity::error, file, 1, 1, "",
                                      "expected TimelineJS columns (Year, Month, Day, …, Headline, Text), found none", {}});
        return result;
    }
    auto cell = [&](const std::vector<std::string>& row, const char* name) {
        auto it = column.find(name);
        return it != column.end() && it->second < row.size() ? row[it->second] : std::string();
    };
    auto date = [&](const std::vector<std::string>& row, const char* y, const char* m, const char* d, const char* t) {
        std::string time = cell(row, t);
        std::string spec = cell(row, y) + "," + cell(row, m) + "," + cell(row, d);
        if (auto colon = time.find(':'); colon != std::string::npos)
            spec += "," + time.substr(0, colon) + "," + time.substr(colon + 1, 2);
        return comma_date(spec);
    };
    Converter convert;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        std::string type = cell(row, "type");
        std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
        if (type == "title") {
            convert.title(cell(row, "headline"), cell(row, "text"));
        } else if (type == "era") {
            convert.era(date(row, "year", "month", "day", "time"), date(row, "end year", "end month", "end day", "end time"),
                        cell(row, "headline"));
        } else {
            Converter::Slide s;
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
    result.tarikh_json = convert.finish(result.diagnostics, file);
    return result;
}

}  // namespace tarikh
