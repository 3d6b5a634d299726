#include "render/svg_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/glyph_outlines.hpp"
#include "render/markup.hpp"

namespace tarikh {
namespace {

// Stands for the id prefix until the body is complete; XML text never holds it (escaped out).
constexpr char kPrefixMark = '\x01';

// Appends v with at most two decimals and no trailing zeros: 12.5, 3, -0.25.
void append_num(std::string& out, double v) {
    if (std::abs(v) < 0.005) v = 0;
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    out.append(buf, end);
}

std::string num(double v) {
    std::string s;
    append_num(s, v);
    return s;
}

std::string color(const Color& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

std::string paint(const char* attribute, const Color& c) {
    std::string out = std::string(" ") + attribute + "=\"" + color(c) + "\"";
    if (c.a != 255) out += std::string(" ") + attribute + "-opacity=\"" + num(c.a / 255.0) + "\"";
    return out;
}

std::string stroke_attributes(const Stroke& s) {
    std::string out = paint("stroke", s.color) + " stroke-width=\"" + num(s.width) + "\"";
    if (!s.dash.empty()) {
        out += " stroke-dasharray=\"";
        for (size_t i = 0; i < s.dash.size(); ++i) {
            if (i) out += ' ';
            out += num(s.dash[i]);
        }
        out += "\"";
    }
    return out;
}

// Goes on from `h` so that pieces hash as their concatenation does.
std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

// A string to append to with <<, without ostream's locale and sentry costs.
struct Out {
    std::string s;
    Out& operator<<(std::string_view v) { s.append(v); return *this; }
    Out& operator<<(char c) { s += c; return *this; }
};

class SvgBody {
public:
    explicit SvgBody(bool real_text) : real_text_(real_text) {}

    Out out;
    Out defs;

    void item(const Item& item) { std::visit([this](const auto& i) { draw(i); }, item); }

private:
    void draw(const RectItem& r) {
        out << "<rect x=\"" << num(r.box.x) << "\" y=\"" << num(r.box.y) << "\" width=\"" << num(r.box.width)
            << "\" height=\"" << num(r.box.height) << "\"";
        if (r.radius > 0) out << " rx=\"" << num(r.radius) << "\"";
        out << (r.fill ? paint("fill", *r.fill) : std::string(" fill=\"none\""));
        if (r.stroke) out << stroke_attributes(*r.stroke);
        out << "/>\n";
    }

    void draw(const LineItem& l) {
        if (l.points.size() < 2) return;
        out << "<path d=\"";
        for (size_t i = 0; i < l.points.size(); ++i)
            out << (i ? "L" : "M") << num(l.points[i].x) << " " << num(l.points[i].y);
        out << "\" fill=\"none\"" << stroke_attributes(l.stroke) << "/>\n";
        if (l.arrow_end) arrowhead(l);
    }

    void arrowhead(const LineItem& l) {
        const Point& tip = l.points.back();
        const Point& from = l.points[l.points.size() - 2];
        double angle = std::atan2(tip.y - from.y, tip.x - from.x);
        double size = 4 + 2 * l.stroke.width;
        auto corner = [&](double turn) {
            return num(tip.x - size * std::cos(angle + turn)) + " " + num(tip.y - size * std::sin(angle + turn));
        };
        out << "<path d=\"M" << num(tip.x) << " " << num(tip.y) << "L" << corner(0.45) << "L" << corner(-0.45)
            << "Z\"" << paint("fill", l.stroke.color) << "/>\n";
    }

    void draw(const CircleItem& c) {
        if (c.shape != MarkerShape::circle) return draw_polygon(c);
        out << "<circle cx=\"" << num(c.center.x) << "\" cy=\"" << num(c.center.y) << "\" r=\"" << num(c.radius) << "\"";
        out << (c.fill ? paint("fill", *c.fill) : std::string(" fill=\"none\""));
        if (c.stroke) out << stroke_attributes(*c.stroke);
        out << "/>\n";
    }

    void draw_polygon(const CircleItem& c) {
        out << "<path d=\"";
        const char* verb = "M";
        for (const Point& p : marker_corners(c)) {
            out << verb << num(p.x) << " " << num(p.y);
            verb = "L";
        }
        out << "Z\"" << (c.fill ? paint("fill", *c.fill) : std::string(" fill=\"none\""));
        if (c.stroke) out << stroke_attributes(*c.stroke);
        out << "/>\n";
    }

    // A run is a group scaled to font units; its glyphs are <use>s placed in those units.
    void draw(const TextItem& t) {
        out << "<g" << paint("fill", t.color) << ">\n";
        for (const auto& run : t.runs) {
            double scale = run.size / outlines_.units_per_em(run.font);
            size_t font = font_number(run.font);
            out << "<g transform=\"matrix(" << num4(scale) << " 0 0 " << num4(-scale) << ' ';
            append_num(out.s, t.origin.x);
            out << ' ';
            append_num(out.s, t.origin.y);
            out << ")\">\n";
            for (const auto& g : run.glyphs) {
                const std::string& id = glyph_id(run.font, font, g.id);
                if (id.empty()) continue;
                out << "<use xlink:href=\"#" << id << "\" x=\"";
                append_font_units(out.s, g.x / scale);
                out << "\" y=\"";
                append_font_units(out.s, -g.y / scale);
                out << "\"/>\n";
            }
            out << "</g>\n";
        }
        if (real_text_) text_layer(t);
        out << "</g>\n";
    }

    // The item's words as one transparent <text> over its outlines (on top, so that a pointer
    // selects them), a run per <tspan> in reading order, each placed and stretched over its
    // glyphs so that a selection highlights what is drawn. Transparent, not hidden: find,
    // selection and screen readers skip display:none and visibility:hidden.
    void text_layer(const TextItem& t) {
        std::vector<const GlyphRun*> runs;
        for (const auto& run : t.runs)
            if (!run.text.empty() && !run.glyphs.empty()) runs.push_back(&run);
        if (runs.empty()) return;
        std::stable_sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) { return a->offset < b->offset; });
        double size = runs.front()->size;
        out << "<text fill-opacity=\"0\" font-size=\"" << num(size) << "\"";
        if (!t.lang.empty()) out << " xml:lang=\"" << escape_markup(t.lang) << "\"";
        // The structure's words for a screen reader: headings by level, page furniture unread.
        if (artifact_) out << " aria-hidden=\"true\"";
        else if (heading_level_ > 0) out << " role=\"heading\" aria-level=\"" << std::to_string(heading_level_) << "\"";
        if (runs.size() == 1) {
            text_span(t, *runs.front(), size);
        } else {
            out << ">";
            for (const GlyphRun* run : runs) {
                out << "<tspan";
                text_span(t, *run, size);
                out << "</tspan>";
            }
        }
        out << "</text>\n";
    }

    // A run's placement, then its characters: the attributes of an open element, closed here.
    // Its direction is overridden to the one it was shaped in, so that a browser lays the
    // characters out in Pango's order whatever its own bidi analysis makes of the line.
    void text_span(const TextItem& t, const GlyphRun& run, double size) {
        bool measured = run.width > 0;  // else a scene from a shaper that does not say (tests' fake)
        double start = t.origin.x + (measured ? run.x : run.glyphs.front().x);
        out << " x=\"" << num(run.rtl && measured ? start + run.width : start) << "\" y=\""
            << num(t.origin.y + baseline(run)) << "\"";
        if (run.size != size) out << " font-size=\"" << num(run.size) << "\"";
        if (measured) out << " textLength=\"" << num(run.width) << "\" lengthAdjust=\"spacingAndGlyphs\"";
        if (run.rtl) out << " direction=\"rtl\" unicode-bidi=\"bidi-override\"";
        out << ">" << escape_markup(run.text);
    }

    // Marks sit off the line (y offsets); the line's baseline is the y most glyphs share.
    static double baseline(const GlyphRun& run) {
        std::map<double, int> count;
        for (const auto& g : run.glyphs) ++count[g.y];
        return std::max_element(count.begin(), count.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    }

    // Font units to one decimal: a hundredth of a pixel at any size tarikh uses.
    static void append_font_units(std::string& out, double v) {
        if (std::abs(v) < 0.05) v = 0;
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
        if (end[-1] == '0') end -= 2;
        out.append(buf, end);
    }

    void draw(const Group& g) {
        // A group that only says what its items are in the document's structure (a heading, a
        // section) adds nothing to draw: its items are written as they are. The file's own
        // <title> and <desc> speak for the picture.
        bool plain = g.url.empty() && g.event_id.empty() && !g.clip && g.scale == 1 && g.offset.x == 0 && g.offset.y == 0;
        if (plain && g.role != Role::none) {
            const int level = heading_level_;
            const bool artifact = artifact_;
            if (g.role == Role::heading) heading_level_ = g.level;
            artifact_ = artifact_ || g.role == Role::artifact;
            for (const auto& child : g.items) item(child);
            heading_level_ = level;
            artifact_ = artifact;
            return;
        }
        bool linked = !g.url.empty();
        if (linked) out << "<a xlink:href=\"" << escape_markup(g.url) << "\" target=\"_blank\">\n";
        out << "<g";
        if (!g.event_id.empty()) out << " id=\"" << kPrefixMark << "-ev-" << id_token(g.event_id) << "\" class=\"event\"";
        if (g.clip) {
            std::string clip_id = std::string(1, kPrefixMark) + "-clip" + std::to_string(clips_++);
            defs << "<clipPath id=\"" << clip_id << "\"><rect x=\"" << num(g.clip->x) << "\" y=\"" << num(g.clip->y)
                 << "\" width=\"" << num(g.clip->width) << "\" height=\"" << num(g.clip->height) << "\"/></clipPath>\n";
            out << " clip-path=\"url(#" << clip_id << ")\"";
        }
        out << ">\n";
        bool transformed = g.scale != 1 || g.offset.x != 0 || g.offset.y != 0;
        if (transformed)
            out << "<g transform=\"translate(" << num(g.offset.x) << " " << num(g.offset.y) << ") scale(" << num4(g.scale)
                << ")\">\n";
        if (!g.alt.empty()) out << "<title>" << escape_markup(g.alt) << "</title>\n";
        for (const auto& child : g.items) item(child);
        if (transformed) out << "</g>\n";
        out << "</g>\n";
        if (linked) out << "</a>\n";
    }

    static std::string num4(double v) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
        return std::string(buf, end);
    }

    size_t font_number(const FontRef& font) {
        return font_numbers_.try_emplace(font.file + "#" + std::to_string(font.index), font_numbers_.size()).first->second;
    }

    // Each glyph outline once, in <defs>; returns "" for blank glyphs.
    const std::string& glyph_id(const FontRef& font, size_t font_number, std::uint32_t glyph) {
        auto [it, added] = glyph_ids_.try_emplace((std::uint64_t{font_number} << 32) | glyph);
        if (!added) return it->second;
        std::string d = outlines_.path(font, glyph);
        if (!d.empty()) {
            it->second = std::string(1, kPrefixMark) + "-g" + std::to_string(font_number) + "-" + std::to_string(glyph);
            defs << "<path id=\"" << it->second << "\" d=\"" << d << "\"/>\n";
        }
        return it->second;
    }

    bool real_text_;
    int heading_level_ = 0;  // inside a heading of this level
    bool artifact_ = false;  // inside page furniture
    GlyphOutlines outlines_;
    int clips_ = 0;
    std::map<std::string, size_t> font_numbers_;
    std::unordered_map<std::uint64_t, std::string> glyph_ids_;
};

}  // namespace

std::string render_svg(const Scene& scene, size_t page_index, const SvgOptions& options) {
    const Page& page = scene.pages.at(page_index);
    const double per = length_px(Length{1, options.unit});
    const char* unit = unit_name(options.unit);
    SvgBody body(options.real_text);
    for (const auto& item : page.items) body.item(item);

    Out svg;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"";
    if (options.responsive) svg << " width=\"100%\"";
    else svg << " width=\"" << num(page.width / per) << unit << "\" height=\"" << num(page.height / per) << unit << "\"";
    // A picture, unless its words are there as text: role="img" would hide them from screen readers.
    svg << " viewBox=\"0 0 " << num(page.width) << " " << num(page.height) << "\" role=\""
        << (options.real_text ? "graphics-document" : "img") << "\" aria-labelledby=\"" << kPrefixMark
        << "-title " << kPrefixMark << "-desc\"";
    if (!scene.language.empty()) svg << " xml:lang=\"" << escape_markup(scene.language) << "\"";
    // Text runs are placed from their left end unless they say rtl: not from a host page's dir="rtl".
    if (options.real_text) svg << " direction=\"ltr\"";
    svg << ">\n<title id=\"" << kPrefixMark << "-title\">" << escape_markup(scene.title) << "</title>\n<desc id=\"" << kPrefixMark
        << "-desc\">" << escape_markup(scene.description) << "</desc>\n<defs>\n";

    // The file is these pieces in turn, its ids prefixed by a hash of them all. The body, by far
    // the largest, is widened in place into the result (its capacity, grown by doubling, mostly
    // has room), the others copied around it: joining them first held the body three times over
    // at the peak (50,000 events: 1.08 GB of heap, now 0.65 GB; docs/performance.md).
    std::string closing_defs = "</defs>\n", closing_svg = "</svg>\n";
    const std::string* pieces[] = {&svg.s, &body.defs.s, &closing_defs, &body.out.s, &closing_svg};
    std::uint64_t hash = 1469598103934665603ULL;
    size_t marks[5] = {}, i = 0;
    for (const std::string* piece : pieces) {
        hash = fnv1a(*piece, hash);
        marks[i++] = static_cast<size_t>(std::count(piece->begin(), piece->end(), kPrefixMark));
    }
    char prefix[16];
    const size_t grow = static_cast<size_t>(std::snprintf(prefix, sizeof prefix, "tk%010llx",
                                                          static_cast<unsigned long long>(hash & 0xffffffffffULL))) - 1;
    auto widened = [&](size_t piece) { return pieces[piece]->size() + marks[piece] * grow; };
    // Copies `text` to `to` with each mark replaced by the prefix; returns the end.
    auto copy_widened = [&](const std::string& text, char* to) {
        for (size_t from = 0;;) {
            size_t mark = text.find(kPrefixMark, from), end = mark == std::string::npos ? text.size() : mark;
            to = std::copy(text.data() + from, text.data() + end, to);
            if (mark == std::string::npos) return to;
            to = std::copy(prefix, prefix + grow + 1, to);
            from = mark + 1;
        }
    };
    const size_t head = widened(0) + widened(1) + widened(2), body_size = body.out.s.size(), tail = head + widened(3);
    std::string result = std::move(body.out.s);
    result.resize(tail + widened(4));
    // Back to front, so that nothing is overwritten before it is read: the text only moves right.
    char* to = result.data() + tail;
    for (size_t end = body_size; end > 0;) {
        size_t mark = std::string_view(result.data(), end).rfind(kPrefixMark);
        size_t from = mark == std::string_view::npos ? 0 : mark + 1;
        to -= end - from;
        std::memmove(to, result.data() + from, end - from);
        if (mark == std::string_view::npos) break;
        to -= grow + 1;
        std::memcpy(to, prefix, grow + 1);
        end = mark;
    }
    char* at = result.data();
    for (size_t piece : {0, 1, 2}) at = copy_widened(*pieces[piece], at);
    copy_widened(closing_svg, result.data() + tail);
    return result;
}

}  // namespace tarikh
