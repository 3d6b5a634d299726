#include "render/pdf/page_content.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <hb.h>

#include "render/pdf/text_pieces.hpp"

namespace tarikh::pdf {
namespace {

// The one character `text` holds (valid UTF-8), or 0 when it holds more or fewer.
char32_t sole_character(std::string_view text) {
    if (text.empty()) return 0;
    const auto lead = static_cast<unsigned char>(text[0]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (text.size() != length) return 0;
    char32_t c = length == 1 ? lead : lead & (0xFFu >> (length + 1));
    for (size_t i = 1; i < length; ++i) c = (c << 6) | (static_cast<unsigned char>(text[i]) & 0x3Fu);
    return c;
}

constexpr double kPointsPerPx = 72.0 / 96.0;
constexpr double kCircle = 0.5522847498;  // a quarter circle's Bézier control distance, per radius

// What the operators set last; a group's q/Q saves and restores it.
struct State {
    std::string fill, stroke, dash = "[]0 d";
    int fill_alpha = 255, stroke_alpha = 255;
    double line_width = 1;
    // Text state, kept across text objects: glyphs unseen (3 Tr), glyphs stretched (Tz, percent).
    bool unseen = false;
    double stretch = 100;
};

// A box that grows to hold what is drawn, in page px.
struct Bounds {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    void add(Point p) {
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
    bool empty() const { return x0 > x1; }
};

// A run's em boxes, about (a glyph's advance taken as an em at most).
Bounds run_bounds(const TextItem& t, const GlyphRun& run) {
    Bounds out;
    for (const auto& g : run.glyphs) {
        out.add({t.origin.x + g.x - 0.1 * run.size, t.origin.y + g.y - 0.8 * run.size});
        out.add({t.origin.x + g.x + run.size, t.origin.y + g.y + 0.25 * run.size});
    }
    return out;
}

// Where an item draws, about: a box that holds its ink (text: its glyphs' em boxes, widened).
Bounds bounds_of(const Item& item);

Bounds bounds_of(const Group& g) {
    Bounds out;
    for (const auto& child : g.items) {
        Bounds b = bounds_of(child);
        if (b.empty()) continue;
        out.add({g.offset.x + g.scale * b.x0, g.offset.y + g.scale * b.y0});
        out.add({g.offset.x + g.scale * b.x1, g.offset.y + g.scale * b.y1});
    }
    return out;
}

Bounds bounds_of(const Item& item) {
    Bounds out;
    if (const auto* r = std::get_if<RectItem>(&item)) {
        double w = r->stroke ? r->stroke->width : 0;
        out.add({r->box.x - w, r->box.y - w});
        out.add({r->box.right() + w, r->box.bottom() + w});
    } else if (const auto* l = std::get_if<LineItem>(&item)) {
        double w = 5 + 3 * l->stroke.width;  // and an arrowhead
        for (const Point& p : l->points) out.add({p.x - w, p.y - w}), out.add({p.x + w, p.y + w});
    } else if (const auto* c = std::get_if<CircleItem>(&item)) {
        double reach = 1.5 * c->radius + (c->stroke ? c->stroke->width : 0);
        out.add({c->center.x - reach, c->center.y - reach});
        out.add({c->center.x + reach, c->center.y + reach});
    } else if (const auto* t = std::get_if<TextItem>(&item)) {
        for (const auto& run : t->runs) {
            Bounds b = run_bounds(*t, run);
            if (!b.empty()) out.add({b.x0, b.y0}), out.add({b.x1, b.y1});
        }
    } else if (const auto* g = as_group(item)) {
        out = bounds_of(*g);
    }
    return out;
}

bool outside(const Bounds& b, const Box& clip) {
    return b.empty() || b.x1 < clip.x || b.x0 > clip.right() || b.y1 < clip.y || b.y0 > clip.bottom();
}

class Painter {
public:
    Painter(Fonts& fonts, Structure& structure) : fonts_(fonts), structure_(structure) {}

    PageContent content;

    void item(const Item& item) { std::visit([this](const auto& i) { draw(i); }, item); }

    std::string resources() const {
        std::string out = "<<";
        if (!fonts_used_.empty()) {
            out += "/Font<<";
            for (const auto* face : fonts_used_) {
                out += '/' + Fonts::name(*face) + ' ';
                append_integer(out, Fonts::object(*face));
                out += " 0 R";
            }
            out += ">>";
        }
        if (!forms_used_.empty()) {
            out += "/XObject<<";
            for (const auto* form : forms_used_) {
                out += '/' + form->name + ' ';
                append_integer(out, form->object);
                out += " 0 R";
            }
            out += ">>";
        }
        if (!alphas_.empty()) {
            out += "/ExtGState<<";
            for (const auto& [stroke, alpha] : alphas_) {
                out += alpha_name(stroke, alpha) + (stroke ? "<</CA " : "<</ca ");
                append_number(out, alpha / 255.0, 3);
                out += ">>";
            }
            out += ">>";
        }
        return out + ">>";
    }

    // A shape the page draws once, not yet a form, written where it is drawn: as a form it cost
    // a stream object of its own, a hundred bytes around its outline (a third of the Urdu chart's
    // shapes; a shape once on each of two pages costs less written twice). Every other is a form,
    // in the page's resources. Call once, last.
    void settle_forms() {
        std::vector<std::pair<const FormUse*, const Fonts::GlyphForm*>> here;  // written where drawn
        std::vector<Fonts::GlyphForm*> forms;
        for (Fonts::GlyphForm* form : forms_used_) {
            const FormUse& use = form_uses_[form];
            if (use.count == 1 && !form->object) {
                here.emplace_back(&use, form);
            } else {
                fonts_.form_object(*form);
                forms.push_back(form);
            }
        }
        // The content copied once, each such `/Gn Do` replaced by its path on the way: replacing
        // them in place moved the rest of a large page once for each.
        std::sort(here.begin(), here.end(), [](const auto& a, const auto& b) { return a.first->at < b.first->at; });
        if (!here.empty()) {
            std::string settled;
            std::size_t from = 0;
            for (const auto& [use, form] : here) {
                settled.append(out(), from, use->at - from);
                const std::string path = Fonts::outline(*use->face, *form);
                if (!path.empty()) settled += path + "f";
                from = use->at + form->name.size() + 4;  // past "/Gn Do"
            }
            settled.append(out(), from, std::string::npos);
            out() = std::move(settled);
        }
        forms_used_ = std::move(forms);
    }

    // Ends the marked content open, if any.
    void close_marked() {
        if (marked_.open) out() += "EMC\n";
        marked_.open = false;
    }

private:
    std::string& out() { return content.stream; }

    // What the next item's marks belong to: the element around it, or an artifact (page
    // furniture, and shapes outside a figure: boxes, rules, grid lines).
    void begin_marked(bool text, const std::string& lang) {
        bool artifact = artifact_ || (!text && !structure_.is_figure(element_));
        if (marked_.open && marked_.artifact == artifact && (artifact || (marked_.element == element_ && marked_.lang == lang)))
            return;
        close_marked();
        marked_ = {true, artifact, element_, lang};
        if (artifact) {
            out() += "/Artifact BMC\n";
            return;
        }
        open_marks(structure_.type(element_), "");
    }
    // A marked-content sequence of the element open, with a new MCID; `extra` adds to its properties.
    void open_marks(const std::string& tag, const std::string& extra) {
        out() += '/' + tag + "<</MCID ";
        append_integer(out(), structure_.mark(marked_.element));
        if (!marked_.lang.empty()) out() += "/Lang" + text_string(marked_.lang);
        out() += extra + ">>BDC\n";
    }
    void num(double v) {
        append_number(out(), v);
        out() += ' ';
    }
    void point(Point p) {
        num(p.x);
        num(p.y);
        mark(p);
    }
    // Grows the areas of the links being drawn.
    void mark(Point p) {
        for (Bounds* b : links_) b->add({offset_.x + scale_ * p.x, offset_.y + scale_ * p.y});
    }

    static std::string alpha_name(bool stroke, int alpha) { return (stroke ? "/A" : "/a") + std::to_string(alpha); }

    static std::string rgb(const Color& c) {
        std::string s;
        for (int v : {c.r, c.g, c.b}) {
            append_number(s, v / 255.0, 3);
            s += ' ';
        }
        return s;
    }

    void set_alpha(bool stroke, int alpha) {
        int& current = stroke ? state_.stroke_alpha : state_.fill_alpha;
        if (current == alpha) return;
        current = alpha;
        alphas_.insert({stroke, alpha});
        out() += alpha_name(stroke, alpha) + " gs\n";
    }

    void set_fill(const Color& c) {
        std::string s = rgb(c) + "rg\n";
        if (s != state_.fill) out() += state_.fill = s;
        set_alpha(false, c.a);
    }

    void set_stroke(const Stroke& st) {
        std::string s = rgb(st.color) + "RG\n";
        if (s != state_.stroke) out() += state_.stroke = s;
        set_alpha(true, st.color.a);
        if (st.width != state_.line_width) {
            state_.line_width = st.width;
            num(st.width);
            out() += "w\n";
        }
        std::string dash = "[";
        for (size_t i = 0; i < st.dash.size(); ++i) {
            if (i) dash += ' ';
            append_number(dash, st.dash[i]);
        }
        dash += "]0 d";
        if (dash != state_.dash) out() += (state_.dash = dash) + '\n';
    }

    // Paints the path just built.
    void paint(const std::optional<Color>& fill, const std::optional<Stroke>& stroke) {
        if (fill) set_fill(*fill);
        if (stroke) set_stroke(*stroke);
        out() += fill && stroke ? "B\n" : fill ? "f\n" : stroke ? "S\n" : "n\n";
    }

    void curve(Point c1, Point c2, Point to) {
        point(c1), point(c2), point(to);
        out() += "c\n";
    }

    void draw(const RectItem& r) {
        begin_marked(false, "");
        const Box& b = r.box;
        double radius = std::min({r.radius, b.width / 2, b.height / 2});
        if (radius <= 0) {
            num(b.x), num(b.y), num(b.width), num(b.height);
            mark({b.x, b.y});
            mark({b.right(), b.bottom()});
            out() += "re\n";
        } else {
            const double k = radius * (1 - kCircle);
            point({b.right() - radius, b.y});
            out() += "m\n";
            curve({b.right() - k, b.y}, {b.right(), b.y + k}, {b.right(), b.y + radius});
            point({b.right(), b.bottom() - radius});
            out() += "l\n";
            curve({b.right(), b.bottom() - k}, {b.right() - k, b.bottom()}, {b.right() - radius, b.bottom()});
            point({b.x + radius, b.bottom()});
            out() += "l\n";
            curve({b.x + k, b.bottom()}, {b.x, b.bottom() - k}, {b.x, b.bottom() - radius});
            point({b.x, b.y + radius});
            out() += "l\n";
            curve({b.x, b.y + k}, {b.x + k, b.y}, {b.x + radius, b.y});
            out() += "h\n";
        }
        paint(r.fill, r.stroke);
    }

    void draw(const CircleItem& c) {
        begin_marked(false, "");
        if (c.shape == MarkerShape::circle) {
            const double r = c.radius, k = r * kCircle, x = c.center.x, y = c.center.y;
            point({x + r, y});
            out() += "m\n";
            curve({x + r, y + k}, {x + k, y + r}, {x, y + r});
            curve({x - k, y + r}, {x - r, y + k}, {x - r, y});
            curve({x - r, y - k}, {x - k, y - r}, {x, y - r});
            curve({x + k, y - r}, {x + r, y - k}, {x + r, y});
            out() += "h\n";
        } else {
            const char* op = "m\n";
            for (const Point& p : marker_corners(c)) {
                point(p);
                out() += op;
                op = "l\n";
            }
            out() += "h\n";
        }
        paint(c.fill, c.stroke);
    }

    void draw(const LineItem& l) {
        begin_marked(false, "");
        if (l.points.size() < 2) return;
        const char* op = "m\n";
        for (const Point& p : l.points) {
            point(p);
            out() += op;
            op = "l\n";
        }
        paint(std::nullopt, l.stroke);
        if (!l.arrow_end) return;
        const Point& tip = l.points.back();
        const Point& from = l.points[l.points.size() - 2];
        double angle = std::atan2(tip.y - from.y, tip.x - from.x);
        double size = 4 + 2 * l.stroke.width;
        point(tip);
        out() += "m\n";
        point({tip.x - size * std::cos(angle + 0.45), tip.y - size * std::sin(angle + 0.45)});
        out() += "l\n";
        point({tip.x - size * std::cos(angle - 0.45), tip.y - size * std::sin(angle - 0.45)});
        out() += "l\nh\n";
        paint(l.stroke.color, std::nullopt);
    }

    void draw(const TextItem& t) {
        if (t.runs.empty()) return;
        begin_marked(true, t.lang.empty() ? lang_ : t.lang);
        set_fill(t.color);
        out() += "BT\n";
        // Runs in reading order (by their place in the text, as the SVG's text layer has them):
        // extractors that read the content in its order, and the structure tree, get a line of
        // Arabic with numbers in it as it is read, not as its runs lie from left to right.
        std::vector<const GlyphRun*> runs;
        for (const auto& run : t.runs) runs.push_back(&run);
        std::stable_sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) { return a->offset < b->offset; });
        for (const GlyphRun* ordered : runs) {
            const GlyphRun& run = *ordered;
            if (run.glyphs.empty()) continue;
            if (clip_) {  // a line the clip hides, in page px
                Bounds b = run_bounds(t, run);
                b = {offset_.x + scale_ * b.x0, offset_.y + scale_ * b.y0, offset_.x + scale_ * b.x1,
                     offset_.y + scale_ * b.y1};
                if (outside(b, *clip_)) continue;
            }
            Fonts::Face& face = fonts_.face(run.font);
            select(face, run.size);
            glyphs_ = Glyphs{};
            for (const TextPiece& piece : text_pieces(run, t.origin, Fonts::hb(face))) show(piece, face, run.size);
            seen_again();
            close_array();
            // A link's area: the run's em box, its glyphs' advances read from HarfBuzz
            // (Fonts::advance would count a glyph drawn as a form as used in the font's subset).
            hb_font_t* font = Fonts::hb(face);
            const double scale = run.size / std::max(1u, hb_face_get_upem(hb_font_get_face(font)));
            for (const auto& g : run.glyphs) {
                mark({t.origin.x + g.x, t.origin.y + g.y - 0.8 * run.size});
                mark({t.origin.x + g.x + hb_font_get_glyph_h_advance(font, g.id) * scale, t.origin.y + g.y + 0.25 * run.size});
            }
        }
        out() += "ET\n";
    }

    // Where the text operators left the pen, and what of a TJ array is open.
    struct Glyphs {
        bool placed = false, array = false, string = false;
        double x = 0, y = 0;
        bool line = false;  // where the text line matrix is, as written (page px), once set in this text object
        double line_x = 0, line_y = 0;
    };

    void close_string() {
        if (glyphs_.string) out() += '>';
        glyphs_.string = false;
    }
    void close_array() {
        close_string();
        if (glyphs_.array) out() += "]TJ\n";
        glyphs_.array = false;
    }

    void select(Fonts::Face& face, double size) {
        if (std::find(fonts_used_.begin(), fonts_used_.end(), &face) == fonts_used_.end()) fonts_used_.push_back(&face);
        out() += '/' + Fonts::name(face) + ' ';
        num(size);
        out() += "Tf\n";
    }

    // Glyphs seen again (0 Tr) at a run's end: within it the unseen pieces follow one another, and
    // a "0 Tr 3 Tr" between each two came to a tenth of the Urdu chart's text operators.
    void seen_again() {
        if (!state_.unseen) return;
        close_array();
        out() += "0 Tr\n";
        state_.unseen = false;
    }
    // Glyphs stretched by `percent` (Tz) from here on.
    void stretch(double percent) {
        std::string tz;
        append_number(tz, percent, 2);
        double rounded = 100;
        std::from_chars(tz.data(), tz.data() + tz.size(), rounded);
        if (rounded == state_.stretch) return;
        state_.stretch = rounded;
        out() += tz + " Tz\n";
    }
    // The text matrix at `g`, y down: with `step`, a Td from where the line matrix is when `g` is
    // on its line (the letters that say a Nastaliq word, each in its own place), else a Tm.
    void move_to(const PlacedGlyph& g, bool step) {
        std::string x, y;
        append_number(x, g.x);
        append_number(y, g.y);
        double at_x = 0, at_y = 0;
        std::from_chars(x.data(), x.data() + x.size(), at_x);
        std::from_chars(y.data(), y.data() + y.size(), at_y);
        if (step && glyphs_.line && at_y == glyphs_.line_y) {
            append_number(out(), at_x - glyphs_.line_x);
            out() += " 0 Td\n";
        } else {
            out() += "1 0 0 -1 " + x + ' ' + y + " Tm\n";
        }
        glyphs_.line = true;
        glyphs_.line_x = at_x;
        glyphs_.line_y = at_y;
    }

    // A piece's glyphs; wrapped in an /ActualText span unless the ToUnicode map says its text.
    void show(const TextPiece& piece, Fonts::Face& face, double size) {
        if (piece.glyphs.empty()) return;  // text without a glyph: a line's last space
        // Glyphs that must say nothing (their text is written by other glyphs, or they have
        // none) are drawn as glyph forms: a glyph shown as text always says something.
        if (piece.voice == TextPiece::Voice::drawn || piece.text.empty())
            return draw_forms(piece, face, size);
        const bool mapped = piece.glyphs.size() == 1 && fonts_.stands_for(face, piece.glyphs[0].id, piece.text);
        if (!mapped && piece.voice == TextPiece::Voice::plain && piece.glyphs.size() == 1) {
            // A bracket mirrored in right-to-left text: its glyph says the other bracket, and
            // extractors that read no /ActualText (pdfinfo -struct-text, MuPDF) would write that.
            // Drawn as a glyph form, said by its own character's glyph, unseen.
            hb_codepoint_t own = 0;
            char32_t c = sole_character(piece.text);
            if (c && hb_unicode_mirroring(hb_unicode_funcs_get_default(), c) != c &&
                hb_font_get_nominal_glyph(Fonts::hb(face), c, &own) && own != piece.glyphs[0].id &&
                fonts_.stands_for(face, own, piece.text)) {
                draw_forms(piece, face, size);
                return show({piece.text, {{own, piece.glyphs[0].x, piece.glyphs[0].y}}, TextPiece::Voice::invisible}, face, size);
            }
        }
        const bool invisible = piece.voice == TextPiece::Voice::invisible;
        if (invisible != state_.unseen) {  // left as it is after the piece: the next is often alike
            close_array();
            out() += invisible ? "3 Tr\n" : "0 Tr\n";
            state_.unseen = invisible;
        }
        // Inside an element's marks the span takes an MCID of its own, not a nested sequence:
        // poppler (pdfinfo -struct-text) ends the element's text at the first EMC inside it.
        const bool own_marks = !mapped && marked_.open && !marked_.artifact;
        if (!mapped) {
            close_array();
            if (own_marks) {
                out() += "EMC\n";
                open_marks("Span", "/ActualText" + text_string(piece.text));
            } else {
                out() += "/Span<</ActualText" + text_string(piece.text) + ">>BDC\n";
            }
        }
        for (const PlacedGlyph& g : piece.glyphs) {
            if (!invisible) fonts_.seen(face, g.id);
            if (g.width > 0) {  // stretched to the width (Tz), moved from the glyph before on its line (Td)
                close_array();
                const double advance = fonts_.advance(face, g.id) * size / 1000;
                stretch(advance > 0 ? 100 * g.width / advance : 100);
                move_to(g, true);
                out() += "[<";
                append_hex16(out(), g.id);
                out() += ">]TJ\n";
                glyphs_.placed = false;
                continue;
            }
            if (!glyphs_.placed || std::abs(g.y - glyphs_.y) > 0.001) {
                close_array();
                stretch(100);
                move_to(g, false);
                glyphs_.placed = true;
                glyphs_.x = g.x;
                glyphs_.y = g.y;
            }
            if (!glyphs_.array) out() += '[';
            glyphs_.array = true;
            double move = g.x - glyphs_.x;
            if (std::abs(move) > 0.001) {
                std::string adjust;
                append_number(adjust, -move * 1000 / size, 0);  // a thousandth of an em: 0.012 px at 12 px
                double back = 0;
                std::from_chars(adjust.data(), adjust.data() + adjust.size(), back);
                // A move under half a unit rounds to none: the string goes on (a "0" between
                // each two glyphs was a fifth of a Latin title's operators).
                if (back != 0) {
                    close_string();
                    out() += adjust;
                    glyphs_.x -= back * size / 1000;
                }
            }
            if (!glyphs_.string) out() += '<';
            glyphs_.string = true;
            append_hex16(out(), g.id);
            glyphs_.x += fonts_.advance(face, g.id) * size / 1000;
        }
        if (!mapped) {
            close_array();
            out() += "EMC\n";
            if (own_marks) open_marks(structure_.type(marked_.element), "");
        }
    }

    // Glyphs drawn as forms, outside the text object: what they say is written elsewhere.
    void draw_forms(const TextPiece& piece, Fonts::Face& face, double size) {
        close_array();
        out() += "ET\n";
        const double scale = size / std::max(1u, hb_face_get_upem(hb_font_get_face(Fonts::hb(face))));
        // The first glyph placed in page px, in font units; each next one moved from the one
        // before in whole font units (a thousandth of an em, as TJ's adjustments): the piece's
        // shapes drew a third more content with each its own `q s 0 0 -s x y cm … Q`.
        const PlacedGlyph* first = nullptr;
        long at_x = 0, at_y = 0;  // font units from the first glyph, y up
        for (const PlacedGlyph& g : piece.glyphs) {
            Fonts::GlyphForm* form = fonts_.glyph_form(face, g.id);
            if (!form) continue;
            FormUse& use = form_uses_[form];
            if (use.count++ == 0) forms_used_.push_back(form), use.face = &face;
            if (!first) {
                first = &g;
                out() += "q ";
                append_number(out(), scale, 6);
                out() += " 0 0 ";
                append_number(out(), -scale, 6);
                out() += ' ';
                num(g.x);
                num(g.y);
            } else {
                const long x = std::lround((g.x - first->x) / scale), y = std::lround((first->y - g.y) / scale);
                out() += "\n1 0 0 1 ";
                append_integer(out(), x - at_x);
                out() += ' ';
                append_integer(out(), y - at_y);
                out() += ' ';
                at_x = x, at_y = y;
            }
            out() += "cm ";
            if (use.count == 1) use.at = out().size();
            out() += '/' + form->name + " Do";
        }
        if (first) out() += " Q\n";
        out() += "BT\n";
        glyphs_.placed = glyphs_.line = false;  // BT starts the text matrices again
    }

    void draw(const Group& g) {
        Bounds area;
        if (!g.url.empty()) links_.push_back(&area);
        const int saved_element = element_;
        const bool saved_artifact = artifact_;
        const std::string saved_lang = lang_;
        if (g.role == Role::artifact) {
            artifact_ = true;
        } else if (g.role != Role::none && !artifact_) {
            element_ = structure_.open(element_, g);
            if (!g.lang.empty()) lang_.clear();  // the element says it
        } else if (!g.lang.empty()) {
            lang_ = g.lang;
        }
        int link_element = -1;
        if (!g.url.empty() && !artifact_) element_ = link_element = structure_.open_link(element_, g.url);
        bool transformed = g.clip || g.scale != 1 || g.offset.x != 0 || g.offset.y != 0;
        State saved = state_;
        Point saved_offset = offset_;
        std::optional<Box> saved_clip = clip_;
        double saved_scale = scale_;
        if (transformed) {
            close_marked();  // marked content and q/Q nest, never overlap
            out() += "q\n";
            if (g.clip) {
                num(g.clip->x), num(g.clip->y), num(g.clip->width), num(g.clip->height);
                out() += "re W n\n";
                Box c{offset_.x + scale_ * g.clip->x, offset_.y + scale_ * g.clip->y, scale_ * g.clip->width,
                      scale_ * g.clip->height};
                if (clip_) {  // the two clips' overlap
                    double x0 = std::max(c.x, clip_->x), y0 = std::max(c.y, clip_->y);
                    double x1 = std::min(c.right(), clip_->right()), y1 = std::min(c.bottom(), clip_->bottom());
                    c = {x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0)};
                }
                clip_ = c;
            }
            if (g.scale != 1 || g.offset.x != 0 || g.offset.y != 0) {
                append_number(out(), g.scale, 4);
                out() += " 0 0 ";
                append_number(out(), g.scale, 4);
                out() += ' ';
                num(g.offset.x);
                num(g.offset.y);
                out() += "cm\n";
            }
            offset_ = {offset_.x + scale_ * g.offset.x, offset_.y + scale_ * g.offset.y};
            scale_ *= g.scale;
        }
        for (const auto& child : g.items) {
            // What the clip hides is not written: a chart printed across pages would repeat
            // whole on each, and text extractors read hidden text.
            if (g.clip) {
                Bounds b = bounds_of(child);
                b = {g.offset.x + g.scale * b.x0, g.offset.y + g.scale * b.y0, g.offset.x + g.scale * b.x1,
                     g.offset.y + g.scale * b.y1};
                if (outside(b, *g.clip)) continue;
            }
            item(child);
        }
        if (transformed) {
            close_marked();
            out() += "Q\n";
            state_ = saved;
            offset_ = saved_offset;
            scale_ = saved_scale;
            clip_ = saved_clip;
        }
        element_ = saved_element;
        artifact_ = saved_artifact;
        lang_ = saved_lang;
        if (!g.url.empty()) {
            links_.pop_back();
            if (!area.empty())
                content.links.push_back({{area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0}, g.url, link_element});
        }
    }

    // The marked content open: an artifact, or an element's content in a language.
    struct Marked {
        bool open = false, artifact = false;
        int element = -1;
        std::string lang;
    };

    Fonts& fonts_;
    Structure& structure_;
    int element_ = Structure::kRoot;  // what content belongs to
    bool artifact_ = false;           // inside page furniture
    std::string lang_;                // the language of text under no element of its own
    Marked marked_;
    State state_;
    Glyphs glyphs_;
    Point offset_{0, 0};
    double scale_ = 1;
    std::optional<Box> clip_;  // on the page, px
    std::vector<Bounds*> links_;
    // How often the page draws a shape, and where it drew it first (its `/Gn Do`).
    struct FormUse {
        int count = 0;
        std::size_t at = 0;
        const Fonts::Face* face = nullptr;
    };
    std::vector<Fonts::GlyphForm*> forms_used_;  // shapes drawn, in order of first use
    std::map<const Fonts::GlyphForm*, FormUse> form_uses_;
    std::vector<const Fonts::Face*> fonts_used_;  // in order of first use on the page
    std::set<std::pair<bool, int>> alphas_;
};

// More than the page's operators take, from its glyphs and items: reserved at once, the stream
// never grows by doubling, which touched three times its size (a 1,000-event chart's 1.1 MB).
size_t content_bytes_at_most(const std::vector<Item>& items) {
    size_t bytes = 0;
    for (const auto& item : items) {
        bytes += 128;
        if (const auto* text = std::get_if<TextItem>(&item))
            for (const auto& run : text->runs) bytes += 32 * run.glyphs.size() + 2 * run.text.size();
        else if (const auto* line = std::get_if<LineItem>(&item))
            bytes += 32 * line->points.size();
        else if (const Group* group = as_group(item))
            bytes += content_bytes_at_most(group->items);
    }
    return bytes;
}

}  // namespace

PageContent page_content(const Page& page, Fonts& fonts, Structure& structure) {
    Painter painter(fonts, structure);
    std::string& out = painter.content.stream;
    out.reserve(content_bytes_at_most(page.items));
    // px, y down: the scene's coordinates.
    append_number(out, kPointsPerPx, 4);
    out += " 0 0 ";
    append_number(out, -kPointsPerPx, 4);
    out += " 0 ";
    append_number(out, page.height * kPointsPerPx, 3);
    out += " cm\n";
    for (const auto& item : page.items) painter.item(item);
    painter.close_marked();
    painter.settle_forms();
    painter.content.resources = painter.resources();
    return std::move(painter.content);
}

}  // namespace tarikh::pdf
