#include "render/cairo_painter.hpp"

#include <cairo-ft.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace tarikh {
namespace {

void set_color(cairo_t* cr, const Color& c) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void apply_stroke(cairo_t* cr, const Stroke& s) {
    set_color(cr, s.color);
    cairo_set_line_width(cr, s.width);
    cairo_set_dash(cr, s.dash.empty() ? nullptr : s.dash.data(), static_cast<int>(s.dash.size()), 0);
}

void fill_and_stroke(cairo_t* cr, const std::optional<Color>& fill, const std::optional<Stroke>& stroke) {
    if (fill) {
        set_color(cr, *fill);
        stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
    }
    if (stroke) {
        apply_stroke(cr, *stroke);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

void rounded_rect(cairo_t* cr, const Box& b, double r) {
    r = std::min({r, b.width / 2, b.height / 2});
    if (r <= 0) {
        cairo_rectangle(cr, b.x, b.y, b.width, b.height);
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc(cr, b.right() - r, b.y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, b.right() - r, b.bottom() - r, r, 0, M_PI / 2);
    cairo_arc(cr, b.x + r, b.bottom() - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

}  // namespace

CairoFonts::CairoFonts() = default;

CairoFonts::~CairoFonts() {
    for (auto& [key, face] : faces_) cairo_font_face_destroy(face);
}

cairo_font_face_t* CairoFonts::face(const FontRef& font) {
    auto key = std::make_pair(font.file(), font.index());
    if (auto it = faces_.find(key); it != faces_.end()) return it->second;
    // A pattern naming the file: cairo loads and owns the FreeType face itself.
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(font.file().c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, font.index());
    cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    faces_.emplace(key, face);
    return face;
}

namespace {

class Painter {
public:
    Painter(cairo_t* cr, CairoFonts& fonts) : cr_(cr), fonts_(fonts) {
        font_options_ = cairo_font_options_create();
        cairo_font_options_set_hint_style(font_options_, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(font_options_, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_antialias(font_options_, CAIRO_ANTIALIAS_GRAY);
    }
    ~Painter() { cairo_font_options_destroy(font_options_); }

    void item(const Item& item) { std::visit([this](const auto& i) { draw(i); }, item); }

private:
    void draw(const RectItem& r) {
        rounded_rect(cr_, r.box, r.radius);
        fill_and_stroke(cr_, r.fill, r.stroke);
    }

    void draw(const CircleItem& c) {
        cairo_new_sub_path(cr_);
        if (c.shape == MarkerShape::circle) {
            cairo_arc(cr_, c.center.x, c.center.y, c.radius, 0, 2 * M_PI);
        } else {
            for (const Point& p : marker_corners(c)) cairo_line_to(cr_, p.x, p.y);
            cairo_close_path(cr_);
        }
        fill_and_stroke(cr_, c.fill, c.stroke);
    }

    void draw(const LineItem& l) {
        if (l.points.size() < 2) return;
        cairo_move_to(cr_, l.points[0].x, l.points[0].y);
        for (size_t i = 1; i < l.points.size(); ++i) cairo_line_to(cr_, l.points[i].x, l.points[i].y);
        apply_stroke(cr_, l.stroke);
        cairo_stroke(cr_);
        if (!l.arrow_end) return;
        const Point& tip = l.points.back();
        const Point& from = l.points[l.points.size() - 2];
        double angle = std::atan2(tip.y - from.y, tip.x - from.x);
        double size = 4 + 2 * l.stroke.width;
        cairo_move_to(cr_, tip.x, tip.y);
        cairo_line_to(cr_, tip.x - size * std::cos(angle + 0.45), tip.y - size * std::sin(angle + 0.45));
        cairo_line_to(cr_, tip.x - size * std::cos(angle - 0.45), tip.y - size * std::sin(angle - 0.45));
        cairo_close_path(cr_);
        set_color(cr_, l.stroke.color);
        cairo_fill(cr_);
    }

    void draw(const TextItem& t) {
        set_color(cr_, t.color);
        std::vector<cairo_glyph_t> glyphs;
        for (const auto& run : t.runs) {
            cairo_set_font_face(cr_, fonts_.face(run.font));
            cairo_set_font_size(cr_, run.size);
            cairo_set_font_options(cr_, font_options_);
            glyphs.clear();
            for (const auto& g : run.glyphs) glyphs.push_back({g.id, t.origin.x + g.x, t.origin.y + g.y});
            cairo_show_glyphs(cr_, glyphs.data(), static_cast<int>(glyphs.size()));
        }
    }

    void draw(const Group& g) {
        bool transformed = g.clip || g.scale != 1 || g.offset.x != 0 || g.offset.y != 0;
        if (transformed) {
            cairo_save(cr_);
            if (g.clip) {
                cairo_rectangle(cr_, g.clip->x, g.clip->y, g.clip->width, g.clip->height);
                cairo_clip(cr_);
            }
            cairo_translate(cr_, g.offset.x, g.offset.y);
            cairo_scale(cr_, g.scale, g.scale);
        }
        for (const auto& child : g.items) item(child);
        if (transformed) cairo_restore(cr_);
    }

    cairo_t* cr_;
    CairoFonts& fonts_;
    cairo_font_options_t* font_options_;
};

}  // namespace

void paint_page(cairo_t* cr, const Page& page, CairoFonts& fonts) {
    Painter painter(cr, fonts);
    for (const auto& item : page.items) painter.item(item);
}

}  // namespace tarikh
