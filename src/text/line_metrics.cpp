#include "text/line_metrics.hpp"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <pango/pango.h>
#include <pango/pangofc-font.h>

#include <dlfcn.h>

#include <mutex>

namespace tarikh {
namespace {

// Two functions Pango exports but has not declared since 1.44, looked up rather than declared
// so that a Pango without them leaves its own get_metrics in place. In the global scope (a
// dlopen of the library by name costs 0.5 M instructions): a tarikh loaded with RTLD_LOCAL does
// not find them there, and keeps Pango's own.
using GetType = GType (*)();
using NewMetrics = PangoFontMetrics* (*)();
NewMetrics pango_font_metrics_new = nullptr;

using GetMetrics = PangoFontMetrics* (*)(PangoFont*, PangoLanguage*);
GetMetrics pango_get_metrics = nullptr;  // Pango's own, for every other font

GQuark ours() { return g_quark_from_static_string("tarikh-line-metrics"); }

// A copy of Pango 1.50.12's get_face_metrics (pangofc-font.c; it changed within 1.44–1.50, so
// use_line_metrics installs it under that version alone): the same numbers, the widths left 0.
PangoFontMetrics* face_metrics(PangoFont* font) {
    hb_font_t* hb = pango_font_get_hb_font(font);
    hb_font_extents_t extents;
    hb_font_get_extents_for_direction(hb, HB_DIRECTION_LTR, &extents);
    PangoFontMetrics* m = pango_font_metrics_new();
    FcMatrix* matrix = nullptr;
    bool transformed = FcPatternGetMatrix(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_MATRIX, 0, &matrix) == FcResultMatch &&
                       (matrix->xx != 1 || matrix->xy != 0 || matrix->yx != 0 || matrix->yy != 1);
    if (transformed) {
        m->descent = static_cast<int>(-extents.descender * matrix->yy);
        m->ascent = static_cast<int>(extents.ascender * matrix->yy);
        m->height = static_cast<int>((extents.ascender - extents.descender + extents.line_gap) * matrix->yy);
    } else {
        m->descent = -extents.descender;
        m->ascent = extents.ascender;
        m->height = extents.ascender - extents.descender + extents.line_gap;
    }
    auto position = [&](hb_ot_metrics_tag_t tag, int fallback) {
        hb_position_t value = 0;
        return hb_ot_metrics_get_position(hb, tag, &value) && value != 0 ? value : fallback;
    };
    m->underline_thickness = position(HB_OT_METRICS_TAG_UNDERLINE_SIZE, PANGO_SCALE);
    m->underline_position = position(HB_OT_METRICS_TAG_UNDERLINE_OFFSET, -PANGO_SCALE);
    m->strikethrough_thickness = position(HB_OT_METRICS_TAG_STRIKEOUT_SIZE, PANGO_SCALE);
    m->strikethrough_position = position(HB_OT_METRICS_TAG_STRIKEOUT_OFFSET, m->ascent / 2);
    return m;
}

PangoFontMetrics* line_metrics(PangoFont* font, PangoLanguage* language) {
    PangoFontMap* map = pango_font_get_font_map(font);
    if (!map || !g_object_get_qdata(G_OBJECT(map), ours()) || !PANGO_IS_FC_FONT(font))
        return pango_get_metrics(font, language);
    // The same for every language, so kept once per font (a font belongs to one thread's map).
    auto* kept = static_cast<PangoFontMetrics*>(g_object_get_qdata(G_OBJECT(font), ours()));
    if (!kept) {
        kept = face_metrics(font);
        g_object_set_qdata_full(G_OBJECT(font), ours(), kept, reinterpret_cast<GDestroyNotify>(pango_font_metrics_unref));
    }
    return pango_font_metrics_ref(kept);
}

}  // namespace

bool use_line_metrics(PangoFontMap* font_map) {
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] {
        // face_metrics copies this Pango's code: under another, Pango's own get_metrics stays.
        if (pango_version() != PANGO_VERSION) return;
        auto font_type = reinterpret_cast<GetType>(dlsym(RTLD_DEFAULT, "pango_ft2_font_get_type"));
        pango_font_metrics_new = reinterpret_cast<NewMetrics>(dlsym(RTLD_DEFAULT, "pango_font_metrics_new"));
        if (!font_type || !pango_font_metrics_new) return;
        // The class is kept (never unreferenced) so that the method stays replaced.
        auto* font_class = static_cast<PangoFontClass*>(g_type_class_ref(font_type()));
        pango_get_metrics = font_class->get_metrics;
        font_class->get_metrics = line_metrics;
        installed = true;
    });
    if (installed) g_object_set_qdata(G_OBJECT(font_map), ours(), GINT_TO_POINTER(1));
    return installed;
}

}  // namespace tarikh
