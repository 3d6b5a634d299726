#include "text/pango_shaper.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <thread>

#include "text/bound_spaces.hpp"

namespace tarikh {
namespace {

double px(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

// Everything that changes a shaping result, as a map key.
std::string cache_key(const std::string& text, const TextStyle& style) {
    // The style's numbers as their bytes: a key is only compared, and printing them cost more
    // than shaping a short label.
    std::string key;
    key.reserve(64 + style.language.size() + style.families.size() + text.size());
    const auto add = [&key](const auto& value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
    add(style.size);
    add(style.max_width);
    add(style.max_lines);
    const char flags[] = {style.bold, style.rtl, static_cast<char>(style.reads_rtl ? 1 + *style.reads_rtl : 0), style.justify};
    add(flags);
    key += style.language;
    key += '\0';
    key += style.families;
    key += '\0';
    key += text;
    return key;
}

// Below this many strings per thread, starting threads costs more than it saves.
constexpr size_t kRequestsPerThread = 64;
constexpr size_t kRecentLimit = 4096;

// Where a language is written in its own style of its script: Urdu reads in Nastaliq, not in
// the Naskh that Arabic and Persian share. The face must be among the theme's families.
struct LanguageFace {
    const char* language;  // primary subtag
    const char* family;
};
constexpr LanguageFace kLanguageFaces[] = {{"ur", "Noto Nastaliq Urdu"}};

bool same_family(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return g_ascii_tolower(x) == g_ascii_tolower(y); });
}

// `families` (comma separated) with the language's own face, if listed, moved to the front.
std::string families_for(const std::string& families, const std::string& language) {
    std::string_view primary = std::string_view(language).substr(0, language.find_first_of("-_"));
    for (const auto& face : kLanguageFaces) {
        if (!same_family(primary, face.language)) continue;
        std::string rest;
        bool listed = false;
        for (size_t start = 0; start <= families.size();) {
            size_t end = std::min(families.find(',', start), families.size());
            std::string_view family = std::string_view(families).substr(start, end - start);
            if (same_family(family, face.family)) listed = true;
            else rest += (rest.empty() ? "" : ",") + std::string(family);
            start = end + 1;
        }
        if (listed) return std::string(face.family) + "," + rest;
    }
    return families;
}

// Text with Arabic letters is set without kerning (its Latin words too). Amiri kerns the letter
// after a reh, waw or alef under its tail by most of an em; a PDF places that glyph far from
// where its width in the font says, and pdftotext (what Evince and Okular search and copy with) breaks the word there
// ("تشر ين"). Cairo's /ActualText spans cannot carry it instead: poppler reverses right-to-left
// text inside them.
bool has_arabic_letters(const std::string& text) {
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p))
        if (g_unichar_get_script(g_utf8_get_char(p)) == G_UNICODE_SCRIPT_ARABIC) return true;
    return false;
}

// Marks that steer the bidi algorithm (LRM, RLM, ALM, embeddings, overrides, isolates). Layout
// may use them to place runs; a reader copying the text must not get them (a URL copied with
// U+2066 in front no longer opens), so runs carry the text without them.
bool is_bidi_mark(gunichar c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Takes the bidi marks out of a run's text, moving its glyphs' clusters to match.
void drop_bidi_marks(GlyphRun& run) {
    std::string kept;
    std::vector<std::uint32_t> moved(run.text.size() + 1);  // old byte offset -> new
    for (const char* p = run.text.c_str(); *p;) {
        const char* next = g_utf8_next_char(p);
        for (const char* q = p; q < next; ++q) moved[static_cast<size_t>(q - run.text.c_str())] = static_cast<std::uint32_t>(kept.size());
        if (!is_bidi_mark(g_utf8_get_char(p))) kept.append(p, next);
        p = next;
    }
    if (kept.size() == run.text.size()) return;
    moved[run.text.size()] = static_cast<std::uint32_t>(kept.size());
    for (auto& glyph : run.glyphs) glyph.cluster = moved[std::min<size_t>(glyph.cluster, run.text.size())];
    run.text = std::move(kept);
}

// A ZWNJ or ZWJ has no glyph (Pango hides it), so a PDF's text lost it or, folded into the
// letter before, put it first ("م‌یکند" for "می‌کند"). It is drawn as the font's space, which
// has no ink, standing for the joiner in the PDF's text, in the joiner's place.
PangoGlyph joiner_glyph(const PangoItem* item, const char* at) {
    gunichar c = g_utf8_get_char(at);
    hb_codepoint_t glyph = 0;
    if ((c == 0x200C || c == 0x200D) && hb_font_get_nominal_glyph(pango_font_get_hb_font(item->analysis.font), ' ', &glyph))
        return glyph;
    return PANGO_GLYPH_EMPTY;
}

std::string utf8_char_at(const char* text, int offset) {
    const char* start = text + offset;
    const char* end = g_utf8_next_char(start);
    return std::string(start, end);
}

}  // namespace

struct PangoShaper::Worker {
    FontDatabase fonts;
    PangoShaper shaper;
    explicit Worker(const FontSet& set) : fonts(set), shaper(fonts) {}
};

PangoShaper::PangoShaper(const FontDatabase& fonts, int threads) : font_set_(fonts.set()) {
    set_threads(threads);
    context_ = pango_font_map_create_context(fonts.font_map());
    // Unrounded positions (the font map's fonts are unhinted): the same layout for SVG, PDF and PNG.
    pango_context_set_round_glyph_positions(context_, FALSE);
}

PangoShaper::~PangoShaper() {
    if (context_) g_object_unref(context_);
}

ShapedText PangoShaper::shape(const std::string& text, const TextStyle& style) {
    std::string key = cache_key(text, style);
    ShapedText shaped;
    if (auto it = prepared_.find(key); it != prepared_.end()) {
        if (--it->second.uses > 0) return it->second.shaped;
        shaped = std::move(it->second.shaped);
        prepared_.erase(it);
    } else if (auto known = recent_.find(key); known != recent_.end()) {
        return known->second;
    } else {
        ++shaped_;
        shaped = shape_uncached(text, style);
    }
    // Kept, prepared or not: the next file of a batch asks for many of the same (dates, ticks).
    if (recent_.size() >= kRecentLimit) recent_.clear();
    recent_.emplace(std::move(key), shaped);
    return shaped;
}

void PangoShaper::prepare(const std::vector<ShapeRequest>& requests) {
    // A string asked for twice (two events of one day) is shaped once and handed out twice.
    std::vector<std::pair<std::string, const ShapeRequest*>> todo;
    std::unordered_map<std::string, int> uses;
    for (const auto& request : requests) {
        std::string key = cache_key(request.text, request.style);
        if (auto it = prepared_.find(key); it != prepared_.end()) {
            ++it->second.uses;
            continue;
        }
        if (recent_.count(key) || ++uses[key] > 1) continue;
        todo.emplace_back(std::move(key), &request);
    }
    size_t threads = std::min<size_t>(static_cast<size_t>(threads_), todo.size() / kRequestsPerThread);
    std::vector<ShapedText> results(todo.size());
    shaped_ += todo.size();
    auto shape_share = [&](PangoShaper& shaper, size_t share, size_t shares) {
        for (size_t i = share; i < todo.size(); i += shares)
            results[i] = shaper.shape_uncached(todo[i].second->text, todo[i].second->style);
    };
    if (threads <= 1) {
        shape_share(*this, 0, 1);
    } else {
        while (workers_.size() < threads - 1) workers_.push_back(std::make_unique<Worker>(font_set_));
        std::vector<std::thread> running;
        for (size_t w = 1; w < threads; ++w)
            running.emplace_back([&, w] { shape_share(workers_[w - 1]->shaper, w, threads); });
        shape_share(*this, 0, threads);
        for (auto& thread : running) thread.join();
    }
    for (size_t i = 0; i < todo.size(); ++i) {
        const int asked = uses[todo[i].first];
        prepared_.emplace(std::move(todo[i].first), Prepared{std::move(results[i]), asked});
    }
}

// One record per font for all the runs this shaper makes.
FontRef PangoShaper::font_ref(PangoFont* font) {
    if (!PANGO_IS_FC_FONT(font)) return {};
    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch) return {};
    FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
    const std::string_view path(reinterpret_cast<const char*>(file));
    for (const FontRef& known : fonts_)
        if (known.file() == path && known.index() == index) return known;
    return fonts_.emplace_back(std::string(path), index);
}

ShapedText PangoShaper::shape_uncached(const std::string& text, const TextStyle& style) {
    ShapedText first = shape_once(text, style);
    if (first.missing_chars.empty()) return first;
    // A visible stand-in (U+FFFD, which Noto Sans has) where no font has the character.
    std::string replaced;
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
        const char* next = g_utf8_next_char(p);
        std::string ch(p, next);
        bool missing = std::find(first.missing_chars.begin(), first.missing_chars.end(), ch) != first.missing_chars.end();
        replaced += missing ? "\uFFFD" : ch;
    }
    ShapedText second = shape_once(replaced, style);
    second.missing_chars = std::move(first.missing_chars);
    return second;
}

ShapedText PangoShaper::shape_once(const std::string& written, const TextStyle& style) {
    const std::string text = bind_spaces_to_guillemets(written);
    ShapedText out;
    pango_context_set_base_dir(context_, style.reads_rtl.value_or(style.rtl) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    pango_context_set_language(context_, pango_language_from_string(style.language.c_str()));

    PangoLayout* layout = pango_layout_new(context_);
    // set_family, not from_string: a family's last word could read as a size or a style ("Source Serif 4").
    PangoFontDescription* desc = pango_font_description_new();
    std::string families = families_for(style.families.empty() ? kFontFamilies : style.families, style.language);
    pango_font_description_set_family(desc, families.c_str());
    pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
    pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_auto_dir(layout, FALSE);
    pango_layout_set_alignment(layout, style.rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    if (style.max_width > 0) {
        pango_layout_set_width(layout, static_cast<int>(style.max_width * PANGO_SCALE));
        pango_layout_set_justify(layout, style.justify);
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        if (style.max_lines > 0) {
            pango_layout_set_height(layout, -style.max_lines);
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
        }
    }
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    if (has_arabic_letters(text)) {
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_font_features_new("kern 0"));
        pango_layout_set_attributes(layout, attrs);
        pango_attr_list_unref(attrs);
    }
    const char* layout_text = pango_layout_get_text(layout);

    // Block extents: the union of the lines' logical boxes (not the wrap width).
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    double left = px(logical.x);
    out.width = px(logical.width);
    out.height = px(logical.height);
    out.baseline = px(pango_layout_get_baseline(layout)) - px(logical.y);

    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    PangoLayoutLine* current_line = nullptr;
    do {
        if (PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter); line != current_line) {
            PangoRectangle line_rect;
            pango_layout_iter_get_line_extents(iter, nullptr, &line_rect);
            out.lines.push_back({px(line_rect.y) - px(logical.y), px(line_rect.height), out.runs.size()});
            current_line = line;
        }
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
        if (!run) continue;
        PangoRectangle run_rect;
        pango_layout_iter_get_run_extents(iter, nullptr, &run_rect);
        double baseline = px(pango_layout_iter_get_baseline(iter)) - px(logical.y);
        double x = px(run_rect.x) - left;

        const PangoItem* item = run->item;
        GlyphRun glyph_run;
        glyph_run.font = font_ref(item->analysis.font);
        glyph_run.size = style.size;
        glyph_run.rtl = item->analysis.level % 2 == 1;
        // Pango's ellipsis run stands for the text it hides; it reads as "…".
        bool ellipsis = item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS;
        if (ellipsis) glyph_run.text = "…";
        else glyph_run.text.assign(layout_text + item->offset, item->length);
        glyph_run.offset = static_cast<std::size_t>(item->offset);
        glyph_run.x = x;
        glyph_run.width = px(run_rect.width);
        PangoGlyphString* glyphs = run->glyphs;
        for (int i = 0; i < glyphs->num_glyphs; ++i) {
            const PangoGlyphInfo& info = glyphs->glyphs[i];
            if (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
                out.missing_chars.push_back(utf8_char_at(layout_text, item->offset + glyphs->log_clusters[i]));
            } else if (info.glyph != PANGO_GLYPH_EMPTY) {
                glyph_run.glyphs.push_back({.id = info.glyph,
                                            .cluster = ellipsis ? 0u : static_cast<std::uint32_t>(glyphs->log_clusters[i]),
                                            .x = x + px(info.geometry.x_offset),
                                            .y = baseline + px(info.geometry.y_offset)});
            } else if (PangoGlyph joiner = joiner_glyph(item, layout_text + item->offset + glyphs->log_clusters[i]);
                       joiner != PANGO_GLYPH_EMPTY) {
                // A hair left of the edge it stands on, which is a letter's left edge: pdftotext
                // orders a line's letters by their left edges.
                glyph_run.glyphs.push_back({.id = joiner,
                                            .cluster = ellipsis ? 0u : static_cast<std::uint32_t>(glyphs->log_clusters[i]),
                                            .x = x - 0.05,
                                            .y = baseline + px(info.geometry.y_offset)});
            }
            x += px(info.geometry.width);
        }
        drop_bidi_marks(glyph_run);
        if (!glyph_run.glyphs.empty()) out.runs.push_back(std::move(glyph_run));
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    return out;
}

}  // namespace tarikh
