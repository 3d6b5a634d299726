#include "render/svg_writer.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/content_hash.hpp"
#include "core/number_text.hpp"
#include "render/glyph_outlines.hpp"
#include "render/markup.hpp"

namespace tarikh {
namespace {

// Holds the id prefix's place ("tk" and ten hex digits) until the document is hashed, then is
// overwritten where it is: as wide as the prefix, so nothing moves. XML text never holds the
// byte 1 (escaped out).
constexpr std::string_view kPrefixHole = "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01";

// Writes `prefix` (as wide as kPrefixHole) over every hole in `text`, which holds them whole:
// they are appended in one piece, and text is handed on only between pieces.
void fill_prefix(std::string& text, std::string_view prefix) {
    assert(prefix.size() == kPrefixHole.size());
    for (char* at = text.data(), *end = at + text.size();
         (at = static_cast<char*>(std::memchr(at, kPrefixHole[0], static_cast<size_t>(end - at))));
         at += kPrefixHole.size()) {
        assert(std::string_view(at, std::min<size_t>(kPrefixHole.size(), static_cast<size_t>(end - at))) == kPrefixHole);
        prefix.copy(at, kPrefixHole.size());
    }
}

// Appends v with at most two decimals and no trailing zeros: 12.5, 3, -0.25.
void append_num(std::string& out, double v) {
    append_decimal(out, std::abs(v) < 0.005 ? 0 : v, 2);
}

std::string num(double v) {
    std::string s;
    append_num(s, v);
    return s;
}

std::string paint(const char* attribute, const Color& c) {
    std::string out = std::string(" ") + attribute + "=\"" + hex_color(c) + "\"";
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

// Bytes handed on at a time: large enough that each hand-over is cheap, small beside a large file.
constexpr size_t kChunk = size_t{1} << 18;

// A string to append to with <<, without ostream's locale and sentry costs; with a `spill`, what
// it holds is handed on whenever it passes kChunk, so that a large body is never held whole.
struct Out {
    std::string s;
    std::function<void(std::string&)> spill;  // may take the string, leaving it empty
    Out& operator<<(std::string_view v) {
        s.append(v);
        if (spill && s.size() >= kChunk) flush();
        return *this;
    }
    Out& operator<<(char c) { s += c; return *this; }
    void flush() {
        if (spill && !s.empty()) spill(s);
        s.clear();
    }
};

class SvgBody {
public:
    SvgBody(bool real_text, GlyphOutlines* outlines) : real_text_(real_text), outlines_(outlines ? *outlines : own_outlines_) {}

    Out out;
    Out defs;

    void item(const Item& item) { std::visit([this](const auto& i) { draw(i); }, item); }

    // Writes `defs` for everything under `item` ahead of drawing it, in the order drawing meets
    // them (glyph outlines, clip paths), so that the body can be drawn after the defs are known.
    void collect_defs(const Item& item) {
        if (const auto* t = std::get_if<TextItem>(&item)) {
            for (const auto& run : t->runs) {
                size_t font = font_number(run.font);
                for (const auto& g : run.glyphs) glyph_id(run.font, font, g.id);
            }
        } else if (const auto* g = as_group(item)) {
            if (g->clip)
                defs << "<clipPath id=\"" << clip_id(defined_clips_++) << "\"><rect x=\"" << num(g->clip->x) << "\" y=\""
                     << num(g->clip->y) << "\" width=\"" << num(g->clip->width) << "\" height=\"" << num(g->clip->height)
                     << "\"/></clipPath>\n";
            for (const auto& child : g->items) collect_defs(child);
        }
    }

    // Ready to draw the body again (its clip paths numbered from the first again).
    void restart() { clips_ = 0; }

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

    // A run is a group scaled to font units, placed on its line's baseline; its glyphs are
    // <use>s placed in those units, with a y only when off that line (a mark GPOS raised):
    // most of a chart's bytes are these <use>s, and a y on each was a tenth of the file.
    void draw(const TextItem& t) {
        out << "<g" << paint("fill", t.color) << ">\n";
        for (const auto& run : t.runs) {
            double scale = run.size / outlines_.units_per_em(run.font);
            size_t font = font_number(run.font);
            double line = baseline(run);
            out << "<g transform=\"matrix(" << num4(scale) << " 0 0 " << num4(-scale) << ' ';
            append_num(out.s, t.origin.x);
            out << ' ';
            append_num(out.s, t.origin.y + line);
            out << ")\">\n";
            for (const auto& g : run.glyphs) {
                const std::string& id = glyph_id(run.font, font, g.id);
                if (id.empty()) continue;
                out << "<use xlink:href=\"#" << id << "\" x=\"";
                append_font_units(out.s, g.x / scale);
                if (double y = (line - g.y) / scale; std::abs(y) >= kLeastFontUnit) {
                    out << "\" y=\"";
                    append_font_units(out.s, y);
                }
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
        if (run.glyphs.empty()) return 0;
        std::map<double, int> count;
        for (const auto& g : run.glyphs) ++count[g.y];
        return std::max_element(count.begin(), count.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    }

    // Font units to one decimal: a hundredth of a pixel at any size tarikh uses.
    static constexpr double kLeastFontUnit = 0.05;  // less is written as 0
    static void append_font_units(std::string& out, double v) {
        append_decimal(out, std::abs(v) < kLeastFontUnit ? 0 : v, 1);
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
        if (!g.event_id.empty()) out << " id=\"" << kPrefixHole << "-ev-" << id_token(g.event_id) << "\" class=\"event\"";
        if (g.clip) out << " clip-path=\"url(#" << clip_id(clips_++) << ")\"";
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

    static std::string clip_id(int n) { return std::string(kPrefixHole) + "-clip" + std::to_string(n); }

    static std::string num4(double v) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
        return std::string(buf, end);
    }

    size_t font_number(const FontRef& font) {
        return font_numbers_.try_emplace(font.file() + "#" + std::to_string(font.index()), font_numbers_.size()).first->second;
    }

    // Each glyph outline once, in <defs>; returns "" for blank glyphs.
    const std::string& glyph_id(const FontRef& font, size_t font_number, std::uint32_t glyph) {
        auto [it, added] = glyph_ids_.try_emplace((std::uint64_t{font_number} << 32) | glyph);
        if (!added) return it->second;
        const std::string& d = outlines_.path(font, glyph);
        if (!d.empty()) {
            it->second = std::string(kPrefixHole) + "-g" + std::to_string(font_number) + "-" + std::to_string(glyph);
            defs << "<path id=\"" << it->second << "\" d=\"" << d << "\"/>\n";
        }
        return it->second;
    }

    bool real_text_;
    int heading_level_ = 0;  // inside a heading of this level
    bool artifact_ = false;  // inside page furniture
    GlyphOutlines own_outlines_;
    GlyphOutlines& outlines_;
    int clips_ = 0, defined_clips_ = 0;
    std::map<std::string, size_t> font_numbers_;
    std::unordered_map<std::uint64_t, std::string> glyph_ids_;
};

// One page as a document whose ids are prefixed by a hash of its bytes (with holes where the
// prefix goes), which are known only once the body is drawn, while the defs come before the
// body. So the defs are collected first, then the body drawn and hashed, and kept if small; a
// large one is drawn a second time straight into the sink, never held whole (100,000 events:
// 346 MB; docs/performance.md).
class SvgDocument {
public:
    SvgDocument(const Scene& scene, size_t page_index, const SvgOptions& options)
        : page_(scene.pages.at(page_index)), body_(options.real_text, options.outlines) {
        head(scene, options);
        for (const auto& item : page_.items) body_.collect_defs(item);
        ContentHash hash;
        for (std::string_view part : {std::string_view(head_.s), std::string_view(body_.defs.s), kClosingDefs}) hash.add(part);
        size_ = head_.s.size() + body_.defs.s.size() + kClosingDefs.size() + kClosingSvg.size();
        body_.out.s.reserve(2 * kChunk);  // spilled at kChunk: never grown by doubling
        body_.out.spill = [&](std::string& chunk) {
            hash.add(chunk);
            size_ += chunk.size();
            // A body shorter than a chunk comes whole, in one: taken, not copied.
            if (kept_.empty() && chunk.size() < kChunk) return kept_.swap(chunk);
            // Reserved whole at the first full chunk (a small body comes in one short one): grown
            // by doubling, it touched twice the memory.
            if (chunk.size() >= kChunk && kept_.capacity() < kKeepAtMost) kept_.reserve(kKeepAtMost);
            if (kept_.size() + chunk.size() <= kKeepAtMost) kept_.append(chunk);
            else whole_ = false;
        };
        draw_body();
        body_.out.spill = nullptr;  // it holds this constructor's locals
        hash.add(kClosingSvg);
        if (!whole_) std::string().swap(kept_);
        prefix_ = "tk";
        append_hex(prefix_, hash.value(), kPrefixHole.size() - 2);
    }

    // The document's size in bytes.
    size_t size() const { return size_; }

    // Hands the document to `sink`, in pieces of at most kChunk; false when the sink refused one.
    bool write(const SvgSink& sink) {
        bool taken = true;
        auto hand = [&](std::string& text) {
            fill_prefix(text, prefix_);
            for (size_t at = 0; taken && at < text.size(); at += kChunk)
                taken = sink(std::string_view(text).substr(at, kChunk));
        };
        // The closing tags joined to what they close: a small document in three writes.
        hand(head_.s);
        body_.defs.s += kClosingDefs;
        hand(body_.defs.s);
        body_.defs.s.resize(body_.defs.s.size() - kClosingDefs.size());
        if (whole_) {
            kept_ += kClosingSvg;
            hand(kept_);
            kept_.resize(kept_.size() - kClosingSvg.size());
            return taken;
        }
        if (taken) {
            body_.restart();
            body_.out.spill = hand;
            draw_body();
            body_.out.spill = nullptr;
        }
        return taken && sink(kClosingSvg);
    }

private:
    static constexpr std::string_view kClosingDefs = "</defs>\n", kClosingSvg = "</svg>\n";
    // A body up to this size is kept from the hashing pass, not drawn twice.
    static constexpr size_t kKeepAtMost = size_t{16} << 20;

    void draw_body() {
        for (const auto& item : page_.items) body_.item(item);
        body_.out.flush();
    }

    void head(const Scene& scene, const SvgOptions& options) {
        const double per = length_px(Length{1, options.unit});
        const char* unit = unit_name(options.unit);
        Out& svg = head_;
        svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"";
        if (options.responsive) svg << " width=\"100%\"";
        else svg << " width=\"" << num(page_.width / per) << unit << "\" height=\"" << num(page_.height / per) << unit << "\"";
        // A picture, unless its words are there as text: role="img" would hide them from screen readers.
        svg << " viewBox=\"0 0 " << num(page_.width) << " " << num(page_.height) << "\" role=\""
            << (options.real_text ? "graphics-document" : "img") << "\" aria-labelledby=\"" << kPrefixHole
            << "-title " << kPrefixHole << "-desc\"";
        if (!scene.language.empty()) svg << " xml:lang=\"" << escape_markup(scene.language) << "\"";
        // Text runs are placed from their left end unless they say rtl: not from a host page's dir="rtl".
        if (options.real_text) svg << " direction=\"ltr\"";
        svg << ">\n<title id=\"" << kPrefixHole << "-title\">" << escape_markup(scene.title) << "</title>\n<desc id=\""
            << kPrefixHole << "-desc\">" << escape_markup(scene.description) << "</desc>\n<defs>\n";
    }

    const Page& page_;
    SvgBody body_;
    Out head_;
    std::string kept_;  // the body, when it is small enough to keep
    bool whole_ = true;
    std::string prefix_;  // "tk" and ten hex digits of the bytes' hash
    size_t size_ = 0;
};

}  // namespace

bool write_svg(const Scene& scene, size_t page_index, const SvgOptions& options, const SvgSink& sink) {
    return SvgDocument(scene, page_index, options).write(sink);
}

std::string render_svg(const Scene& scene, size_t page_index, const SvgOptions& options) {
    SvgDocument document(scene, page_index, options);
    std::string result;
    result.reserve(document.size());
    document.write([&](std::string_view piece) {
        result.append(piece);
        return true;
    });
    return result;
}

}  // namespace tarikh
