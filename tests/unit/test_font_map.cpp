// tarikh shapes with Pango's FreeType font map (text/font_database.cpp), not cairo's, so that a
// render without PNG never loads cairo. Both lay text out with HarfBuzz from the same pattern:
// this pins that every glyph, position, line and logical box is the same as the cairo font
// map's, unhinted, gave (the layouts of every SVG, PDF and PNG until then).
#include <doctest/doctest.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <string>

#include "text/font_database.hpp"

using namespace tarikh;

namespace {

const std::string kFonts = std::string(TARIKH_SOURCE_DIR) + "/fonts";

// tarikh's fonts have no approximate character and digit widths (text/line_metrics.hpp), which
// Pango's line breaking reads: cairo's fonts here have none either, as tarikh's had before.
using GetMetrics = PangoFontMetrics* (*)(PangoFont*, PangoLanguage*);
GetMetrics pangos_metrics = nullptr;

PangoFontMetrics* without_widths(PangoFont* font, PangoLanguage* language) {
    PangoFontMetrics* metrics = pangos_metrics(font, language);
    metrics->approximate_char_width = metrics->approximate_digit_width = 0;
    return metrics;
}

// The context tarikh shaped with before: cairo's font map of the same files, unhinted metrics.
PangoContext* cairo_context(const FontDatabase& fonts) {
    FcConfig* config = FcConfigCreate();
    for (const auto& file : fonts.files()) FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()));
    PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    FcConfigDestroy(config);
    PangoContext* context = pango_font_map_create_context(map);
    g_object_unref(map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    return context;
}

// As text/pango_shaper.cpp makes its context.
PangoContext* tarikh_context(const FontDatabase& fonts) {
    PangoContext* context = pango_font_map_create_context(fonts.font_map());
    pango_context_set_round_glyph_positions(context, FALSE);
    return context;
}

struct Setting {
    double size;
    bool bold;
    int width;  // px; 0 for one line
    const char* language;
};

// Everything of a layout that tarikh reads (text/pango_shaper.cpp), in Pango units, as text.
std::string layout_dump(PangoContext* context, const std::string& text, const Setting& s) {
    const bool rtl = std::string(s.language) != "en";
    pango_context_set_base_dir(context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    pango_context_set_language(context, pango_language_from_string(s.language));
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, kFontFamilies);
    pango_font_description_set_absolute_size(desc, s.size * PANGO_SCALE);
    pango_font_description_set_weight(desc, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_auto_dir(layout, FALSE);
    pango_layout_set_alignment(layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    if (s.width > 0) {
        pango_layout_set_width(layout, s.width * PANGO_SCALE);
        pango_layout_set_justify(layout, TRUE);
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_height(layout, -2);
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    std::string out;
    auto add = [&out](const PangoRectangle& r) {
        out += ' ' + std::to_string(r.x) + ',' + std::to_string(r.y) + ',' + std::to_string(r.width) + ',' + std::to_string(r.height);
    };
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    add(logical);
    out += " baseline " + std::to_string(pango_layout_get_baseline(layout)) + '\n';
    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        PangoRectangle rect;
        pango_layout_iter_get_line_extents(iter, nullptr, &rect);
        out += "line";
        add(rect);
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
        if (!run) continue;
        pango_layout_iter_get_run_extents(iter, nullptr, &rect);
        out += " run";
        add(rect);
        out += " baseline " + std::to_string(pango_layout_iter_get_baseline(iter)) + " glyphs";
        for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
            const PangoGlyphInfo& g = run->glyphs->glyphs[i];
            out += ' ' + std::to_string(g.glyph) + '@' + std::to_string(run->glyphs->log_clusters[i]) + ':' +
                   std::to_string(g.geometry.width) + ',' + std::to_string(g.geometry.x_offset) + ',' +
                   std::to_string(g.geometry.y_offset);
        }
        out += '\n';
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    return out;
}

}  // namespace

TEST_CASE("tarikh's font map lays text out as cairo's font map did, glyph for glyph") {
    FontDatabase fonts(kFonts);
    PangoContext* ours = tarikh_context(fonts);
    PangoContext* cairos = cairo_context(fonts);
    PangoFontDescription* desc = pango_font_description_from_string("Noto Sans 12px");
    PangoFont* font = pango_context_load_font(cairos, desc);
    pango_font_description_free(desc);
    REQUIRE(font);
    auto* cairo_fonts = G_TYPE_INSTANCE_GET_CLASS(font, PANGO_TYPE_FONT, PangoFontClass);
    g_object_unref(font);
    pangos_metrics = cairo_fonts->get_metrics;
    cairo_fonts->get_metrics = without_widths;
    // Every font of fonts/, joiners, marks, bidi controls, blank glyphs; no character that no
    // font has, whose box cairo sized from a monospace font's digits and this map leaves 0 wide.
    const char* texts[] = {
        "Sochi agreement takes effect · 17 September 2018",
        "هجوم على نقطة لجيش العزة في الزلاقيات",
        "اتفاق سوتشي ساري المفعول، ١٧ أيلول ٢٠١٨",
        "ریاست\u200cجمهوری می\u200cکند ۱۳۹۷",
        "سوچی معاہدہ نافذ العمل ہو گیا",
        "הסכם סוצ'י נכנס לתוקף",
        "→ ← ↔ ⌀ ① ♈ ⚐ ✝ \u2066ltr\u2069 \u200f\u200e",
        "Turkish İdlib, Kurdish Kurmancî ê û, Русский текст",
        "ǅemal — “quoted” ‘text’ … 2018–2019",
    };
    const char* languages[] = {"en", "ar", "ur"};
    for (const char* text : texts)
        for (double size : {7.5, 11.0, 13.2, 24.0})
            for (bool bold : {false, true})
                for (int width : {0, 90})
                    for (const char* language : languages) {
                        Setting setting{size, bold, width, language};
                        const std::string shown = text;
                        CAPTURE(shown);
                        CAPTURE(size);
                        CAPTURE(bold);
                        CAPTURE(width);
                        const std::string lang = language;
                        CAPTURE(lang);
                        CHECK(layout_dump(ours, text, setting) == layout_dump(cairos, text, setting));
                    }
    cairo_fonts->get_metrics = pangos_metrics;
    g_object_unref(ours);
    g_object_unref(cairos);
}
