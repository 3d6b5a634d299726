#include "io/event_table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "io/csv.hpp"
#include "io/json_checks.hpp"
#include "io/text_clean.hpp"
#include "io/web_link.hpp"
#include "time/iso_date.hpp"

namespace tarikh {
namespace {

using ordered = nlohmann::ordered_json;

// More lanes than this and the smallest are drawn as one "other" lane: a chart of forty
// actors' bands says nothing.
constexpr size_t kMaxLanes = 12;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trimmed(std::string_view s) {
    size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string_view::npos ? std::string() : std::string(s.substr(a, b - a + 1));
}

// "a; b;; c" → {"a", "b", "c"}: ACLED's tags and both datasets' source lists.
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    for (size_t start = 0; start <= text.size();) {
        size_t end = std::min(text.find(';', start), text.size());
        if (std::string item = trimmed(std::string_view(text).substr(start, end - start)); !item.empty()) out.push_back(item);
        start = end + 1;
    }
    return out;
}

// A JSON string; the CSV reader let only UTF-8 through.
std::string json_string(std::string_view s) {
    std::string out = "\"";
    out.reserve(s.size() + 2);
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20) {
            static const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xF];
            out += hex[c & 0xF];
        } else out += c;
    }
    return out + "\"";
}

std::string json_strings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
    return out + "]";
}

struct Day {
    int year = 0, month = 1, day = 1;
    int ordinal() const { return (year * 13 + month) * 32 + day; }  // orders days; not a count of them
};

std::string pad(int v, int width) {
    std::string s = std::to_string(v);
    return std::string(s.size() < size_t(width) ? width - s.size() : 0, '0') + s;
}

std::optional<int> whole_number(std::string_view s, int low, int high) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < low || v > high) return std::nullopt;
    return v;
}

std::optional<Day> checked(int y, int m, int d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Day{y, m, d};
}

// "2019-05-16", or ACLED's "16 May 2025" (also "16-May-2025", "16 September 2018").
std::optional<Day> read_day(const std::string& cell) {
    std::string s = trimmed(cell);
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        auto y = whole_number(std::string_view(s).substr(0, 4), 1, 9999), m = whole_number(std::string_view(s).substr(5, 2), 1, 12),
             d = whole_number(std::string_view(s).substr(8, 2), 1, 31);
        return y && m && d ? checked(*y, *m, *d) : std::nullopt;
    }
    std::replace(s.begin(), s.end(), '-', ' ');
    size_t a = s.find(' '), b = s.rfind(' ');
    if (a == std::string::npos || a == b) return std::nullopt;
    static const char* months[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};
    std::string name = lower(trimmed(std::string_view(s).substr(a + 1, b - a - 1)));
    int month = 0;
    for (int i = 0; i < 12; ++i)
        if (name.size() >= 3 && std::string_view(months[i]).substr(0, name.size()) == name) month = i + 1;
    auto d = whole_number(std::string_view(s).substr(0, a), 1, 31), y = whole_number(std::string_view(s).substr(b + 1), 1, 9999);
    return d && y && month && s.size() - b - 1 == 4 ? checked(*y, month, *d) : std::nullopt;
}

// How finely a date is known, as the format v1 date says it.
enum class Grain { day, month, year };

std::string iso(const Day& d, Grain g) {
    std::string out = pad(d.year, 4);
    if (g != Grain::year) out += "-" + pad(d.month, 2);
    if (g == Grain::day) out += "-" + pad(d.day, 2);
    return out;
}

// The first and last day a date at its grain covers, for --between.
std::pair<int, int> span_of(const Day& d, Grain g) {
    if (g == Grain::day) return {d.ordinal(), d.ordinal()};
    if (g == Grain::month) return {Day{d.year, d.month, 1}.ordinal(), Day{d.year, d.month, 31}.ordinal()};
    return {Day{d.year, 1, 1}.ordinal(), Day{d.year, 12, 31}.ordinal()};
}

// A date as --between gives it: "2018-09-17", "2018-09" or "2018", as the span it covers.
std::optional<std::pair<int, int>> between_bound(const std::string& text) {
    auto parsed = parse_iso_date(text);
    auto* date = std::get_if<CivilDate>(&parsed);
    if (!date || date->year < 1 || date->year > 9999 || date->precision > Precision::day || date->approximate ||
        date->uncertain)
        return std::nullopt;
    Day d{int(date->year), date->month, date->day};
    return span_of(d, date->precision == Precision::year ? Grain::year
                      : date->precision == Precision::month ? Grain::month
                                                            : Grain::day);
}

// The columns one dataset's mapping reads.
struct Dataset {
    const char* name;     // in messages and the default title
    const char* credit;   // the subtitle: who made the data
    const char* id;
    const char* date;
    const char* end;        // GED's date_end; ACLED has none
    const char* precision;  // time_precision, date_prec
    const char* count;      // fatalities, best
    std::vector<std::pair<std::string, const char*>> lanes;  // --lanes word → column
};

const Dataset kAcled{"ACLED", "Data: Armed Conflict Location & Event Data (ACLED), acleddata.com", "event_id_cnty",
                     "event_date", nullptr, "time_precision", "fatalities",
                     {{"actor1", "actor1"}, {"side", "actor1"}, {"event_type", "event_type"}, {"admin1", "admin1"},
                      {"country", "country"}}};
const Dataset kGed{"UCDP GED", "Data: UCDP Georeferenced Event Dataset (GED), ucdp.uu.se", "id", "date_start",
                   "date_end", "date_prec", "best",
                   {{"actor1", "side_a"}, {"side", "side_a"}, {"event_type", "type_of_violence"}, {"admin1", "adm_1"},
                    {"country", "country"}}};

// GED's type_of_violence, in the codebook's words.
std::string violence_type(const std::string& code) {
    if (code == "1") return "State-based conflict";
    if (code == "2") return "Non-state conflict";
    if (code == "3") return "One-sided violence";
    return code;
}

class TableImport {
public:
    TableImport(std::string_view text, const std::string& file, EventDataset which, const TableChoice& choice,
                const TableLimits& limits, ImportResult& result)
        : file_(file), set_(which == EventDataset::acled ? kAcled : kGed), acled_(which == EventDataset::acled),
          choice_(choice), limits_(limits), result_(result), cap_(limits.max_diagnostics) {
        CsvTable table = read_csv(text, file, {SIZE_MAX, limits.max_cell_chars});
        if (table.error) {
            result_.diagnostics.push_back(*table.error);
            return;
        }
        rows_ = std::move(table.rows);
        if (rows_.empty()) {
            result_.diagnostics.push_back(
                {Severity::error, file, 1, 1, "", std::string("expected an ") + set_.name + " CSV with a header row, found nothing", {}});
            return;
        }
        for (size_t i = 0; i < rows_[0].size(); ++i) column_.emplace(lower(trimmed(rows_[0][i].text)), i);
        if (understood_choice())
            for (size_t r = 1; r < rows_.size(); ++r) read_row(r);
        finish();
    }

private:
    struct Cell {
        const std::string* text;
        Origin from;
    };

    // A kept row, read.
    struct Kept {
        size_t row;
        Day start, end;
        Grain grain = Grain::day;
        bool approximate = false, has_end = false;
        std::optional<long long> count, low, high;
        std::string lane;
    };

    std::optional<size_t> index(std::string_view name) const {
        auto it = column_.find(name);
        return it == column_.end() ? std::nullopt : std::optional(it->second);
    }

    const std::string& text(size_t r, const char* name) const {
        static const std::string none;
        auto i = index(name);
        return i && *i < rows_[r].size() ? rows_[r][*i].text : none;
    }

    // The cell and where it is: its column's name as the header writes it, at its place.
    Origin origin(size_t r, const char* name) const {
        auto i = index(name);
        if (!i || *i >= rows_[r].size()) return {i ? rows_[0][*i].text : std::string(name), rows_[r].front().at};
        return {rows_[0][*i].text, rows_[r][*i].at};
    }

    void report(Severity severity, const Origin& from, std::string message, std::vector<std::string> hints = {},
                Option option = Option::none) {
        TextPosition at = from.at.value_or(TextPosition{1, 1});
        cap_.add((size_t(at.line) << 32) + size_t(at.column),
                 {severity, file_, at.line, at.column, from.pointer, std::move(message), std::move(hints), option});
    }

    std::vector<std::string> header_names() const {
        std::vector<std::string> names;
        for (const auto& c : rows_[0]) names.push_back(lower(trimmed(c.text)));
        return names;
    }

    void choice_error(std::string message, const std::string& near = "") {
        std::vector<std::string> hints;
        if (!near.empty()) hints.push_back("did you mean " + quote(near) + "?");
        report(Severity::error, {"", TextPosition{1, 1}}, std::move(message), std::move(hints), Option::table_choice);
    }

    // The columns the mapping needs and the ones the choice names, or errors.
    bool understood_choice() {
        std::vector<std::string> names = header_names();
        if (!index(set_.date)) {
            auto near = nearest(set_.date, names);
            report(Severity::error, {"", TextPosition{1, 1}},
                   std::string("expected an ") + set_.name + " column " + quote(set_.date) + ", found none",
                   near ? std::vector<std::string>{"did you mean " + quote(*near) + "?"} : std::vector<std::string>{});
        }
        for (const auto& [field, value] : choice_.where) {
            std::string key = lower(trimmed(field));
            if (auto i = index(key)) where_[*i].insert(lower(trimmed(value)));
            else choice_error("--where names the column " + quote(field) + ", which this " + set_.name + " file lacks",
                              nearest(key, names).value_or(""));
        }
        std::string lanes = choice_.lanes.empty() ? "actor1" : lower(choice_.lanes);
        if (lanes != "none") {
            auto it = std::find_if(set_.lanes.begin(), set_.lanes.end(), [&](const auto& l) { return l.first == lanes; });
            if (it == set_.lanes.end()) choice_error("--lanes expects actor1, side, event_type, admin1, country or none, found " + quote(choice_.lanes));
            else lane_column_ = it->second;
        }
        if (choice_.from && !(from_ = between_bound(*choice_.from)))
            choice_error("--between expects dates such as 2018-09-17..2018-11-30, found " + quote(*choice_.from));
        if (choice_.to && !(to_ = between_bound(*choice_.to)))
            choice_error("--between expects dates such as 2018-09-17..2018-11-30, found " + quote(*choice_.to));
        if (from_ && to_ && to_->second < from_->first)
            choice_error("--between expects its end on or after its start, found " + quote(*choice_.from + ".." + *choice_.to));
        return !cap_.has_errors();
    }

    bool wanted(size_t r) const {
        for (const auto& [i, values] : where_) {
            std::string cell = i < rows_[r].size() ? lower(trimmed(rows_[r][i].text)) : "";
            if (!values.count(cell)) return false;
        }
        return true;
    }

    // A count cell: a whole number from 0, or an error; empty: none.
    std::optional<long long> count(size_t r, const char* name, bool& bad) {
        std::string s = trimmed(text(r, name));
        if (s.empty()) return std::nullopt;
        long long v = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size() || v < 0 || v > 1'000'000'000'000LL) {
            report(Severity::error, origin(r, name), "expected a whole number of people from 0, found " + quote(s));
            bad = true;
            return std::nullopt;
        }
        return v;
    }

    std::optional<Day> date(size_t r, const char* name, bool& bad) {
        const std::string& s = text(r, name);
        auto day = read_day(s);
        if (!day) {
            report(Severity::error, origin(r, name),
                   (trimmed(s).empty() ? std::string("expected a date, found nothing") : "expected a date, found " + quote(s)),
                   {acled_ ? "ACLED dates read as 2019-05-16 or 16 May 2019" : "GED dates read as 2019-05-16"});
            bad = true;
        }
        return day;
    }

    void read_row(size_t r) {
        if (!wanted(r)) return;
        bool bad = false;
        Kept k;
        k.row = r;
        std::optional<Day> start = date(r, set_.date, bad);
        std::optional<Day> end = set_.end && !trimmed(text(r, set_.end)).empty() ? date(r, set_.end, bad) : start;
        std::string prec = trimmed(text(r, set_.precision));
        int level = 1;
        if (!prec.empty()) {
            auto p = whole_number(prec, 1, acled_ ? 3 : 5);
            if (!p) {
                report(Severity::error, origin(r, set_.precision),
                       std::string("expected a precision from 1 to ") + (acled_ ? "3" : "5") + ", found " + quote(prec));
                bad = true;
            }
            level = p.value_or(1);
        }
        k.count = count(r, set_.count, bad);
        if (!acled_) {
            k.low = count(r, "low", bad);
            k.high = count(r, "high", bad);
            // A bound on the wrong side of best: the error at the bound's cell, the hint at best's.
            auto misplaced = [&](const char* bound, const char* side, long long value) {
                Origin best = origin(r, "best");
                report(Severity::error, origin(r, bound),
                       std::string("expected ") + bound + " " + side + " best (" + std::to_string(*k.count) + "), found " +
                           std::to_string(value),
                       {"best is at line " + std::to_string(best.at->line) + ", column " + std::to_string(best.at->column)});
                bad = true;
            };
            if (k.count && k.low && *k.low > *k.count) misplaced("low", "at most", *k.low);
            if (k.count && k.high && *k.high < *k.count) misplaced("high", "at least", *k.high);
        }
        if (start && end && end->ordinal() < start->ordinal()) {
            report(Severity::error, origin(r, set_.end), "expected an end on or after " + quote(text(r, set_.date)) +
                                                             ", found " + quote(text(r, set_.end)));
            bad = true;
        }
        if (bad) return;
        k.start = *start;
        k.end = *end;
        // ACLED: 1 the day, 2 a day within a week, 3 a month. GED: 1 the day, 2 within 2–6
        // days, 3 the week, 4 the month, 5 the year (docs/import.md).
        k.grain = acled_ ? (level == 3 ? Grain::month : Grain::day) : level == 5 ? Grain::year : level == 4 ? Grain::month : Grain::day;
        k.approximate = level >= 2;
        k.has_end = iso(k.end, k.grain) != iso(k.start, k.grain);
        auto [first, ignored] = span_of(k.start, k.grain);
        auto [ignored2, last] = span_of(k.end, k.grain);
        (void)ignored, (void)ignored2;
        if ((from_ && last < from_->first) || (to_ && first > to_->second)) return;
        if (choice_.min_fatalities && double(k.count.value_or(0)) < *choice_.min_fatalities) return;
        if (lane_column_) {
            k.lane = checked_text(trimmed(text(r, lane_column_)), r, lane_column_);
            if (!acled_ && std::string_view(lane_column_) == "type_of_violence") k.lane = violence_type(k.lane);
        }
        kept_.push_back(std::move(k));
    }

    // Lane ids by lane name: the most eventful first, the rest of a long tail in "other".
    std::unordered_map<std::string, std::string> lanes() {
        std::unordered_map<std::string, size_t> counts;
        for (const auto& k : kept_)
            if (!k.lane.empty()) ++counts[k.lane];
        std::vector<std::pair<std::string, size_t>> order(counts.begin(), counts.end());
        std::sort(order.begin(), order.end(),
                  [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
        std::unordered_map<std::string, std::string> ids;
        size_t shown = order.size() > kMaxLanes ? kMaxLanes - 1 : order.size();
        ordered list = ordered::array();
        for (size_t i = 0; i < shown; ++i) {
            ids[order[i].first] = "lane-" + std::to_string(i + 1);
            list.push_back({{"id", ids[order[i].first]}, {"label", order[i].first}});
        }
        if (shown < order.size()) {
            size_t events = 0;
            for (size_t i = shown; i < order.size(); ++i) ids[order[i].first] = "other", events += order[i].second;
            list.push_back({{"id", "other"}, {"label", "Other (" + std::to_string(order.size() - shown) + ")"}});
            report(Severity::warning, {rows_[0][index(lane_column_).value_or(0)].text, rows_[0][index(lane_column_).value_or(0)].at},
                   std::to_string(order.size()) + " lanes by " + lane_column_ + " are more than " + std::to_string(kMaxLanes) +
                       ": the " + std::to_string(order.size() - shown) + " with the fewest events (" + std::to_string(events) +
                       " in all) share the lane \"Other\"",
                   {"--where keeps fewer rows; --lanes none draws one band"});
        }
        if (!list.empty()) doc_["lanes"] = std::move(list);
        return ids;
    }

    std::string source(const std::string& name) {
        auto [it, fresh] = source_ids_.emplace(name, "s" + std::to_string(source_ids_.size() + 1));
        if (fresh) {
            ordered s{{"id", it->second}, {"name", name}};
            // A web address is named by its host ("example.org"), so that a page does not write it twice.
            if (JudgedLink link = judge_link(name); !link.url.empty() && name.find(' ') == std::string::npos) {
                if (size_t host = link.url.find("://"); host != std::string::npos)
                    s["name"] = link.url.substr(host + 3, link.url.find('/', host + 3) - host - 3);
                s["url"] = link.url;
            }
            sources_.push_back(std::move(s));
        }
        return it->second;
    }

    static void add_place(std::string& place, const std::string& part) {
        std::string p = trimmed(part);
        if (p.empty() || place == p || place.find(", " + p) != std::string::npos || place.rfind(p + ",", 0) == 0) return;
        place += (place.empty() ? "" : ", ") + p;
    }

    // A text as the format v1 reader keeps it (controls, bidi controls and noncharacters taken
    // out, with a warning; at most --max-text-length characters), so that what is written
    // needs no second reading. Problems are placed at the cell `column` of row `r`.
    std::string checked_text(const std::string& text, size_t r, const char* column) {
        CleanText c = clean_text(text);
        if (c.length > limits_.max_cell_chars) {
            report(Severity::error, origin(r, column),
                   "expected a text of at most " + std::to_string(limits_.max_cell_chars) + " characters, found " +
                       std::to_string(c.length),
                   {}, Option::max_text_length);
            return {};
        }
        if (!c.removed_controls.empty() || !c.removed_noncharacters.empty()) {
            std::string names;
            for (const auto* list : {&c.removed_controls, &c.removed_noncharacters})
                for (char32_t ch : *list) names += (names.empty() ? "" : ", ") + code_point_name(ch);
            report(Severity::warning, origin(r, column), "removed characters that could hide or reorder text: " + names);
        }
        return std::move(c.text);
    }

    // One event as one line of format v1 text: written directly, as a JSON tree of 50,000
    // events took longer to build and print than the CSV took to read.
    std::string event(const Kept& k, size_t n, const std::unordered_map<std::string, std::string>& lane_ids) {
        size_t r = k.row;
        std::string ptr = "/events/" + std::to_string(n);
        std::string id = checked_text(trimmed(text(r, set_.id)), r, set_.id);
        if (id.empty() || !ids_.insert(id).second) id = "row-" + std::to_string(rows_[r].front().at.line);
        // What the format v1 reader might still say of an event (it should say nothing: see
        // checked_text) is placed at its row.
        result_.origins[ptr] = {"", rows_[r].front().at};
        std::string e = "{\"id\": " + json_string(id) + ", \"date\": \"" + iso(k.start, k.grain) + "\"";
        if (k.has_end) e += ", \"end\": \"" + iso(k.end, k.grain) + "\"";
        if (k.approximate) e += ", \"approximate\": true";
        if (auto lane = lane_ids.find(k.lane); lane != lane_ids.end()) e += ", \"lane\": " + json_string(lane->second);
        std::string title, place, body;
        if (acled_) {
            title = trimmed(text(r, "sub_event_type"));
            if (title.empty()) title = trimmed(text(r, "event_type"));
            if (title.empty()) title = "Event";
            if (std::string where = trimmed(text(r, "location")); !where.empty()) title += " in " + where;
            for (const char* part : {"location", "admin2", "admin1", "country"}) add_place(place, text(r, part));
            body = trimmed(text(r, "notes"));
        } else {
            title = trimmed(text(r, "dyad_name"));
            if (title.empty()) title = trimmed(text(r, "conflict_name"));
            if (title.empty()) title = "Event";
            if (std::string where = trimmed(text(r, "where_description")); !where.empty()) title += ", " + where;
            for (const char* part : {"adm_2", "adm_1", "country"}) add_place(place, text(r, part));
            body = ged_deaths(r);
        }
        const char* title_column = acled_ ? "sub_event_type" : "dyad_name";
        e += ", \"title\": " + json_string(checked_text(title, r, title_column));
        if (!body.empty()) e += ", \"text\": " + json_string(checked_text(body, r, acled_ ? "notes" : "deaths_a"));
        if (!place.empty()) e += ", \"place\": " + json_string(checked_text(place, r, acled_ ? "location" : "adm_2"));
        if (acled_) {
            std::vector<std::string> tags = split_list(text(r, "tags"));
            for (auto& tag : tags) tag = checked_text(tag, r, "tags");
            if (!tags.empty()) e += ", \"tags\": " + json_strings(tags);
        }
        std::vector<std::string> sources;
        for (const auto& name : split_list(text(r, acled_ ? "source" : "source_article"))) {
            std::string sid = source(checked_text(name, r, acled_ ? "source" : "source_article"));
            if (std::find(sources.begin(), sources.end(), sid) == sources.end()) sources.push_back(sid);
        }
        // ACLED writes 0 where no death was reported as well as where none happened: no figure then.
        // The label is English's: an edition in another language words the count itself.
        if (k.count && (*k.count > 0 || k.high.value_or(0) > 0)) {
            e += ", \"figures\": [{\"label\": {\"en\": \"fatalities\"}, \"value\": " + std::to_string(*k.count);
            if (k.low) e += ", \"low\": " + std::to_string(*k.low);
            if (k.high) e += ", \"high\": " + std::to_string(*k.high);
            if (!sources.empty()) e += ", \"source\": " + json_string(sources.front());
            e += ", \"kind\": \"fatalities\"}]";
        }
        if (!sources.empty()) e += ", \"sources\": " + json_strings(sources);
        return e + "}";
    }

    // "Deaths: 3 Government of Syria, 2 Syrian insurgents, 5 civilians, 1 unknown."
    std::string ged_deaths(size_t r) const {
        std::string out;
        auto add = [&](const char* column, const std::string& who) {
            std::string n = trimmed(text(r, column));
            if (n.empty() || n == "0" || who.empty()) return;
            out += (out.empty() ? "Deaths: " : ", ") + n + " " + who;
        };
        add("deaths_a", trimmed(text(r, "side_a")));
        add("deaths_b", trimmed(text(r, "side_b")));
        add("deaths_civilians", "civilians");
        add("deaths_unknown", "unknown");
        return out.empty() ? out : out + ".";
    }

    std::string default_title() const {
        std::string title;
        for (const auto& [field, value] : choice_.where) title += (title.empty() ? "" : ", ") + trimmed(value);
        return title.empty() ? std::string(set_.name) + " events" : title + " — " + set_.name + " events";
    }

    void finish() {
        if (kept_.size() > limits_.max_events)
            report(Severity::error, {"", rows_[kept_[limits_.max_events].row].front().at},
                   "expected at most " + std::to_string(limits_.max_events) + " events, found " + std::to_string(kept_.size()),
                   {"--where, --between and --min-fatalities keep fewer"}, Option::max_events);
        if (!cap_.has_errors() && kept_.empty())
            report(Severity::error, {"", rows_.size() > 1 ? rows_[1].front().at : TextPosition{1, 1}},
                   "expected at least one row to show, found none of " + std::to_string(rows_.size() - 1),
                   {choice_.where.empty() && !from_ && !to_ && !choice_.min_fatalities
                        ? "the file has a header row only"
                        : "--where, --between and --min-fatalities left no row"});
        if (!cap_.has_errors()) {
            doc_["title"] = choice_.title.empty() ? default_title() : choice_.title;
            doc_["subtitle"] = set_.credit;
            doc_["languages"] = {"en"};
            auto lane_ids = lanes();
            for (size_t i = 0; i < kept_.size(); ++i) events_ += (i ? ",\n  " : "\n  ") + event(kept_[i], i, lane_ids);
            if (!sources_.empty()) doc_["sources"] = std::move(sources_);
        }
        result_.diagnostics = cap_.finish(file_, [](size_t, Diagnostic&) {});
        if (has_errors(result_.diagnostics)) return;
        std::string head = doc_.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
        head.pop_back();  // the closing brace: the events follow, one a line
        result_.tarikh_json = head + ",\n \"events\": [" + events_ + "\n ]\n}\n";
    }

    const std::string& file_;
    const Dataset& set_;
    bool acled_;
    const TableChoice& choice_;
    TableLimits limits_;
    ImportResult& result_;
    DiagnosticCap cap_;
    std::vector<CsvRow> rows_;
    std::map<std::string, size_t, std::less<>> column_;  // found by const char* names without a copy
    std::map<size_t, std::set<std::string>> where_;  // column → values kept
    const char* lane_column_ = nullptr;
    std::optional<std::pair<int, int>> from_, to_;
    std::vector<Kept> kept_;
    ordered doc_ = {{"format", "tarikh/1"}};
    ordered sources_ = ordered::array();
    std::string events_;
    std::unordered_map<std::string, std::string> source_ids_;
    std::set<std::string> ids_;
};

}  // namespace

std::optional<EventDataset> event_dataset_of(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string header = lower(std::string(text.substr(0, std::min(text.find_first_of("\r\n"), size_t{8192}))));
    std::set<std::string> names;
    for (const auto& name : split_list([&] {
             std::string s = header;
             std::replace(s.begin(), s.end(), ',', ';');
             s.erase(std::remove(s.begin(), s.end(), '"'), s.end());
             return s;
         }()))
        names.insert(name);
    if (names.count("event_id_cnty") && names.count("event_date")) return EventDataset::acled;
    if (names.count("date_start") && names.count("dyad_name")) return EventDataset::ucdp_ged;
    return std::nullopt;
}

ImportResult import_event_table(std::string_view text, const std::string& file, EventDataset dataset,
                                const TableChoice& choice, const TableLimits& limits) {
    ImportResult result;
    TableImport(text, file, dataset, choice, limits, result);
    return result;
}

}  // namespace tarikh
