// Line metrics of tarikh's font maps (text/line_metrics.hpp): Pango's own numbers, without the
// sample-text layout that measured approximate widths.
#include <doctest/doctest.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <string>

#include "text/font_database.hpp"
#include "text/line_metrics.hpp"

using namespace tarikh;

namespace {

const std::string kFonts = std::string(TARIKH_SOURCE_DIR) + "/fonts";

// A font map of the same files that tarikh did not make: Pango's metrics, untouched.
PangoFontMap* pangos_own_map(const FontDatabase& fonts) {
    FcConfig* config = FcConfigCreate();
    for (const auto& file : fonts.files()) FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()));
    PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    FcConfigDestroy(config);
    return map;
}

// The metrics of `family` at `size` for `language`, as the layout's contexts ask for them.
PangoFontMetrics* metrics_of(PangoFontMap* map, const char* family, double size, bool bold, const char* language) {
    PangoContext* context = pango_font_map_create_context(map);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    PangoLanguage* lang = pango_language_from_string(language);
    pango_context_set_language(context, lang);
    PangoFontDescription* desc = pango_font_description_new();
    pango_font_description_set_family(desc, family);
    pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
    pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    PangoFont* font = pango_font_map_load_font(map, context, desc);
    REQUIRE(font);
    PangoFontMetrics* metrics = pango_font_get_metrics(font, lang);
    g_object_unref(font);
    pango_font_description_free(desc);
    g_object_unref(context);
    return metrics;
}

}  // namespace

TEST_CASE("line metrics of tarikh's fonts are Pango's own, every font, size and language") {
    FontDatabase fonts(kFonts);
    PangoFontMap* own = pangos_own_map(fonts);
    const char* families[] = {"Noto Sans", "Amiri", "Noto Nastaliq Urdu", "Noto Sans Hebrew", "Noto Sans Symbols"};
    for (const char* family : families)
        for (double size : {7.5, 11.0, 13.2, 24.0})
            for (bool bold : {false, true})
                for (const char* language : {"en", "ar", "ur", "he"}) {
                    CAPTURE(family);
                    CAPTURE(size);
                    CAPTURE(bold);
                    CAPTURE(language);
                    PangoFontMetrics* ours = metrics_of(fonts.font_map(), family, size, bold, language);
                    PangoFontMetrics* pangos = metrics_of(own, family, size, bold, language);
                    CHECK(pango_font_metrics_get_ascent(ours) == pango_font_metrics_get_ascent(pangos));
                    CHECK(pango_font_metrics_get_descent(ours) == pango_font_metrics_get_descent(pangos));
                    CHECK(pango_font_metrics_get_height(ours) == pango_font_metrics_get_height(pangos));
                    CHECK(pango_font_metrics_get_underline_position(ours) == pango_font_metrics_get_underline_position(pangos));
                    CHECK(pango_font_metrics_get_underline_thickness(ours) == pango_font_metrics_get_underline_thickness(pangos));
                    CHECK(pango_font_metrics_get_strikethrough_position(ours) == pango_font_metrics_get_strikethrough_position(pangos));
                    CHECK(pango_font_metrics_get_strikethrough_thickness(ours) == pango_font_metrics_get_strikethrough_thickness(pangos));
                    pango_font_metrics_unref(ours);
                    pango_font_metrics_unref(pangos);
                }
    g_object_unref(own);
}

TEST_CASE("line metrics of tarikh's fonts skip Pango's sample-text widths") {
    // Pango lays out a sample sentence per font and language to measure these (a tenth of a
    // 10-event render): tarikh reads neither, so its fonts leave them 0.
    FontDatabase fonts(kFonts);
    PangoFontMetrics* metrics = metrics_of(fonts.font_map(), "Amiri", 11.0, false, "ar");
    CHECK(pango_font_metrics_get_approximate_char_width(metrics) == 0);
    CHECK(pango_font_metrics_get_approximate_digit_width(metrics) == 0);
    CHECK(pango_font_metrics_get_ascent(metrics) > 0);
    pango_font_metrics_unref(metrics);

    // A font map tarikh did not make keeps Pango's own, widths and all.
    PangoFontMap* own = pangos_own_map(fonts);
    PangoFontMetrics* pangos = metrics_of(own, "Amiri", 11.0, false, "ar");
    CHECK(pango_font_metrics_get_approximate_char_width(pangos) > 0);
    pango_font_metrics_unref(pangos);
    g_object_unref(own);
}

TEST_CASE("line metrics replace Pango's only under the Pango version they copy") {
    // Under another Pango (or one without the two functions they look up) Pango's own stay.
    FontDatabase fonts(kFonts);
    bool in_use = use_line_metrics(fonts.font_map());
    CHECK(in_use == (pango_version() == PANGO_VERSION));
    PangoFontMetrics* metrics = metrics_of(fonts.font_map(), "Amiri", 11.0, false, "ar");
    CHECK((pango_font_metrics_get_approximate_char_width(metrics) == 0) == in_use);
    pango_font_metrics_unref(metrics);
}
