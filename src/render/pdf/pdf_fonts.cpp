#include "render/pdf/pdf_fonts.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <stdexcept>

namespace tarikh::pdf {

struct Fonts::Face {
    FontRef ref;
    std::string name;  // F0, F1…
    int object = 0;
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    double per_unit = 1;                            // thousandths of an em per font unit
    std::map<std::uint32_t, long> widths;           // used glyphs, thousandths of an em
    std::map<std::uint32_t, std::string> unicode;   // what each glyph stands for
    bool silent = false;                            // every glyph stands for no text
};

Fonts::Fonts(File& file) : file_(file) {}

Fonts::~Fonts() {
    for (auto& [key, face] : faces_) {
        hb_font_destroy(face->font);
        hb_face_destroy(face->face);
        hb_blob_destroy(face->blob);
    }
}

Fonts::Face& Fonts::face(const FontRef& font) { return face(font, false); }

Fonts::Face& Fonts::silent(const Face& face) { return this->face(face.ref, true); }

Fonts::Face& Fonts::face(const FontRef& font, bool silent) {
    auto& slot = faces_[{font.file, font.index, silent}];
    if (slot) return *slot;
    auto face = std::make_unique<Face>();
    face->ref = font;
    face->silent = silent;
    face->blob = hb_blob_create_from_file_or_fail(font.file.c_str());
    if (!face->blob) {
        faces_.erase({font.file, font.index, silent});
        throw std::runtime_error("cannot read the font " + font.file);
    }
    face->face = hb_face_create(face->blob, static_cast<unsigned>(font.index));
    face->font = hb_font_create(face->face);
    face->per_unit = 1000.0 / std::max(1u, hb_face_get_upem(face->face));
    face->name = "F" + std::to_string(order_.size());
    face->object = file_.reserve();
    order_.push_back(face.get());
    slot = std::move(face);
    return *slot;
}

const std::string& Fonts::name(const Face& face) { return face.name; }
int Fonts::object(const Face& face) { return face.object; }
hb_font_t* Fonts::hb(const Face& face) { return face.font; }

double Fonts::advance(Face& face, std::uint32_t glyph) {
    auto [it, added] = face.widths.try_emplace(glyph, 0);
    if (added) it->second = std::lround(hb_font_get_glyph_h_advance(face.font, glyph) * face.per_unit);
    return static_cast<double>(it->second);
}

bool Fonts::stands_for(Face& face, std::uint32_t glyph, std::string_view text) {
    auto [it, added] = face.unicode.try_emplace(glyph, text);
    return added || it->second == text;
}

void Fonts::write_all(bool every_glyph_mapped) {
    for (Face* face : order_) write(*face, every_glyph_mapped);
}

namespace {

// A PostScript name's characters only: the embedded font's /BaseFont.
std::string postscript_name(hb_face_t* face) {
    char buf[128];
    unsigned size = sizeof buf;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buf);
    std::string out;
    for (const char* p = buf; *p; ++p)
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')
            out += *p;
    return out.empty() ? "Font" : out;
}

// Six capitals from the glyphs kept: a subset's tag, the same for the same subset.
std::string subset_tag(const std::map<std::uint32_t, long>& widths, const std::string& name) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    for (const auto& [glyph, width] : widths) h = (h ^ glyph) * 1099511628211ULL;
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
    return tag;
}

std::string subset_bytes(hb_face_t* face, const std::map<std::uint32_t, long>& widths) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) throw std::runtime_error("harfbuzz cannot start a font subset");
    hb_set_t* glyphs = hb_subset_input_glyph_set(input);
    hb_set_add(glyphs, 0);
    for (const auto& [glyph, width] : widths) hb_set_add(glyphs, glyph);
    hb_set_clear(hb_subset_input_unicode_set(input));
    // Content streams name glyphs by their ids, and a PDF reader shapes nothing: layout tables go.
    hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "DSIG", "meta"})
        hb_set_add(dropped, hb_tag_from_string(tag, 4));
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t* subset = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    // A font the subsetter refuses is embedded whole: larger, but every glyph drawn.
    hb_blob_t* blob = subset ? hb_face_reference_blob(subset) : hb_face_reference_blob(face);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::string out(data, length);
    hb_blob_destroy(blob);
    if (subset) hb_face_destroy(subset);
    return out;
}

bool has_table(hb_face_t* face, const char* tag) {
    hb_blob_t* blob = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
    bool found = hb_blob_get_length(blob) > 0;
    hb_blob_destroy(blob);
    return found;
}

// head's xMin, yMin, xMax, yMax in font units.
std::vector<int> font_box(hb_face_t* face) {
    hb_blob_t* blob = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned length = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob, &length));
    std::vector<int> box{0, -200, 1000, 900};
    if (length >= 44)
        for (int i = 0; i < 4; ++i) box[i] = static_cast<std::int16_t>((data[36 + 2 * i] << 8) | data[37 + 2 * i]);
    hb_blob_destroy(blob);
    return box;
}

// `silent`: a glyph without text maps to none (<>) rather than being left out.
std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& unicode, bool silent) {
    std::vector<std::pair<std::uint32_t, std::string>> entries;
    for (const auto& [glyph, text] : unicode)
        if ((silent || !text.empty()) && glyph <= 0xFFFF) entries.emplace_back(glyph, utf16_hex(text));
    std::string out =
        "/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"
        "/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < entries.size(); i += 100) {
        std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        append_integer(out, static_cast<long long>(n));
        out += " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            out += '<';
            append_hex16(out, entries[k].first);
            out += "><" + entries[k].second + ">\n";
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict/CMap defineresource pop\nend\nend\n";
    return out;
}

}  // namespace

void Fonts::write(Face& face, bool every_glyph_mapped) {
    if (every_glyph_mapped)
        for (const auto& [glyph, width] : face.widths)
            if (std::string& text = face.unicode[glyph]; text.empty()) text = "\u200B";
    const bool cff = has_table(face.face, "CFF ");
    std::string program = subset_bytes(face.face, face.widths);
    std::string base = subset_tag(face.widths, face.ref.file) + "+" + postscript_name(face.face);

    int descendant = file_.reserve(), descriptor = file_.reserve(), font_file = file_.reserve(),
        to_unicode = file_.reserve();
    auto ref = [](int id) {
        std::string s;
        append_integer(s, id);
        return s + " 0 R";
    };
    auto scaled = [&](double units) { return std::lround(units * face.per_unit); };

    std::string dict = "<</Type/Font/Subtype/Type0/BaseFont/" + base + "/Encoding/Identity-H/DescendantFonts[" +
                       ref(descendant) + "]/ToUnicode " + ref(to_unicode) + ">>";
    file_.write(face.object, dict);

    std::string widths = "[";
    for (auto it = face.widths.begin(); it != face.widths.end();) {
        append_integer(widths, it->first);
        widths += '[';
        std::uint32_t next = it->first;
        for (bool first = true; it != face.widths.end() && it->first == next; ++it, ++next, first = false) {
            if (!first) widths += ' ';
            append_integer(widths, it->second);
        }
        widths += ']';
    }
    widths += ']';
    dict = std::string("<</Type/Font/Subtype/") + (cff ? "CIDFontType0" : "CIDFontType2") + "/BaseFont/" + base +
           "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor " + ref(descriptor) +
           "/DW 0/W " + widths + (cff ? "" : "/CIDToGIDMap/Identity") + ">>";
    file_.write(descendant, dict);

    hb_position_t ascender = 0, descender = 0, cap = 0;
    hb_ot_metrics_get_position_with_fallback(face.font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascender);
    hb_ot_metrics_get_position_with_fallback(face.font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descender);
    hb_ot_metrics_get_position_with_fallback(face.font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
    std::vector<int> box = font_box(face.face);
    dict = "<</Type/FontDescriptor/FontName/" + base + "/Flags 4/FontBBox[";
    for (int i = 0; i < 4; ++i) {
        if (i) dict += ' ';
        append_integer(dict, scaled(box[static_cast<std::size_t>(i)]));
    }
    dict += "]/ItalicAngle 0/Ascent ";
    append_integer(dict, scaled(ascender));
    dict += "/Descent ";
    append_integer(dict, scaled(descender));
    dict += "/CapHeight ";
    append_integer(dict, scaled(cap));
    dict += "/StemV 80/";
    dict += cff ? "FontFile3 " : "FontFile2 ";
    dict += ref(font_file) + ">>";
    file_.write(descriptor, dict);

    std::string stream_dict = cff ? "/Subtype/OpenType" : "/Length1 " + std::to_string(program.size());
    file_.write_stream(font_file, stream_dict, program);
    file_.write_stream(to_unicode, "", to_unicode_cmap(face.unicode, face.silent));
}

}  // namespace tarikh::pdf
