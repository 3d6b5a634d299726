#include "render/pdf/pdf_fonts.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "render/pdf/glyph_paths.hpp"
#include "render/pdf/unseen_outlines.hpp"

namespace tarikh::pdf {

struct Fonts::Face {
    FontRef ref;
    std::string name;  // F0, F1…
    int object = 0;
    std::shared_ptr<const FontFace> loaded;  // the renderer's, shared with its other documents
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    double per_unit = 1;  // thousandths of an em per font unit
    // What a page asks of a glyph, a few times for each it shows: a slot each, found by the
    // glyph's id (maps looked up four times a glyph were 4 % of a batch's PDF). Ordered by id
    // only when the font is written.
    struct GlyphUse {
        std::uint32_t glyph = 0;
        long width = 0;  // thousandths of an em
        bool measured = false, seen = false, mapped = false;
        std::string text;  // what it stands for, when mapped
    };
    std::vector<std::int32_t> slots;  // by glyph id: its place in `used`, or -1
    std::vector<GlyphUse> used;
    std::map<std::uint32_t, GlyphForm> forms;  // glyphs drawn as shapes; no name: blank

    GlyphUse& use(std::uint32_t glyph) {
        if (slots.empty()) slots.assign(hb_face_get_glyph_count(face), -1);
        if (glyph >= slots.size()) {  // past the font's glyphs (a cmap may say so): searched, not a table that large
            for (GlyphUse& known : used)
                if (known.glyph == glyph) return known;
            return used.emplace_back(GlyphUse{.glyph = glyph, .text = {}});
        }
        std::int32_t& slot = slots[glyph];
        if (slot < 0) {
            slot = static_cast<std::int32_t>(used.size());
            used.push_back({.glyph = glyph, .text = {}});
        }
        return used[static_cast<std::size_t>(slot)];
    }
};

Fonts::Fonts(File& file, FontCache& cache) : file_(file), cache_(cache) {}

Fonts::~Fonts() = default;

Fonts::Face& Fonts::face(const FontRef& font) {
    auto& slot = faces_[{font.file(), font.index()}];
    if (slot) return *slot;
    auto face = std::make_unique<Face>();
    face->ref = font;
    face->loaded = cache_.face(font.file(), font.index());
    if (!face->loaded) {
        faces_.erase({font.file(), font.index()});
        throw std::runtime_error("cannot read the font " + font.file());
    }
    face->face = face->loaded->face;
    face->font = face->loaded->font;
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
    Face::GlyphUse& use = face.use(glyph);
    if (!use.measured) use.width = std::lround(hb_font_get_glyph_h_advance(face.font, glyph) * face.per_unit);
    use.measured = true;
    return static_cast<double>(use.width);
}

void Fonts::seen(Face& face, std::uint32_t glyph) { face.use(glyph).seen = true; }

bool Fonts::stands_for(Face& face, std::uint32_t glyph, std::string_view text) {
    Face::GlyphUse& use = face.use(glyph);
    if (!use.mapped) use.text = text;
    use.mapped = true;
    return use.text == text;
}

namespace {

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

}  // namespace

Fonts::GlyphForm* Fonts::glyph_form(Face& face, std::uint32_t glyph) {
    auto [it, added] = face.forms.try_emplace(glyph);
    if (added) {
        hb_glyph_extents_t ink{};
        const bool measured = hb_font_get_glyph_extents(face.font, glyph, &ink);
        const bool inked = measured ? ink.width != 0 && ink.height != 0 : !glyph_path(face.font, glyph).empty();
        if (!inked) return nullptr;
        if (!measured) {  // the font's box, then
            const std::vector<int> font = font_box(face.face);
            ink = {font[0], font[3], font[2] - font[0], font[1] - font[3]};
        }
        it->second = {"G" + std::to_string(forms_++), 0,
                      {std::min(ink.x_bearing, ink.x_bearing + ink.width), std::min(ink.y_bearing, ink.y_bearing + ink.height),
                       std::max(ink.x_bearing, ink.x_bearing + ink.width), std::max(ink.y_bearing, ink.y_bearing + ink.height)},
                      glyph};
    }
    return it->second.name.empty() ? nullptr : &it->second;
}

int Fonts::form_object(GlyphForm& form) {
    if (!form.object) form.object = file_.reserve();
    return form.object;
}

std::string Fonts::outline(const Face& face, const GlyphForm& form) { return glyph_path(face.font, form.glyph); }

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

// Six capitals from the glyphs kept: a subset's tag, the same for the same subset. `name` is the
// font file's name without its folder, and the face's index ("NotoSansCJK.ttc#2"): where fonts
// are installed does not change the bytes.
std::string subset_tag(const std::map<std::uint32_t, long>& widths, const std::string& name) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    for (const auto& [glyph, width] : widths) h = (h ^ glyph) * 1099511628211ULL;
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
    return tag;
}

// A CFF's big-endian number of `size` bytes at `at`; 0 past its end.
unsigned cff_number(std::string_view cff, std::size_t at, int size) {
    unsigned v = 0;
    for (int i = 0; i < size; ++i)
        v = (v << 8) | (at + static_cast<std::size_t>(i) < cff.size() ? static_cast<unsigned char>(cff[at + static_cast<std::size_t>(i)]) : 0u);
    return v;
}

// A CFF INDEX at `at`: where each of its objects begins and ends (count + 1 offsets); where it ends.
std::vector<std::size_t> cff_index(std::string_view cff, std::size_t at, std::size_t& end) {
    const unsigned count = cff_number(cff, at, 2);
    std::vector<std::size_t> offsets;
    if (count == 0) {
        end = at + 2;
        return offsets;
    }
    const int size = static_cast<int>(cff_number(cff, at + 2, 1));
    if (size < 1 || size > 4) {  // not a CFF's
        end = cff.size();
        return offsets;
    }
    const std::size_t data = at + 3 + (count + 1) * static_cast<std::size_t>(size) - 1;
    for (unsigned i = 0; i <= count; ++i) offsets.push_back(data + cff_number(cff, at + 3 + i * static_cast<std::size_t>(size), size));
    end = offsets.back();
    return offsets;
}

// Whether a CFF is CID-keyed (its Top DICT begins with ROS) and its charset gives every glyph
// the CID of its own number (Noto CJK): then a PDF can name its glyphs by CID, and a subset can
// renumber them, its charset keeping each glyph's CID (PDF readers map CIDs to glyphs through
// the charset of a bare CFF, /FontFile3 /CIDFontType0C).
bool cids_are_glyph_ids(std::string_view cff) {
    if (cff.size() < 4) return false;
    std::size_t at = 0;
    cff_index(cff, cff_number(cff, 2, 1), at);  // names
    std::vector<std::size_t> top = cff_index(cff, at, at);
    if (top.size() < 2 || top[1] > cff.size()) return false;
    bool ros = false, first = true;
    long charset = -1, charstrings = -1;
    std::vector<long> operands;
    for (std::size_t p = top[0]; p < top[1];) {
        const unsigned b = cff_number(cff, p, 1);
        if (b <= 21) {  // an operator
            const unsigned op = b == 12 ? 1200 + cff_number(cff, p + 1, 1) : b;
            p += b == 12 ? 2 : 1;
            if (first) ros = op == 1230;
            first = false;
            if (op == 15 && !operands.empty()) charset = operands.back();
            if (op == 17 && !operands.empty()) charstrings = operands.back();
            operands.clear();
        } else if (b == 28) {
            operands.push_back(static_cast<std::int16_t>(cff_number(cff, p + 1, 2)));
            p += 3;
        } else if (b == 29) {
            operands.push_back(static_cast<std::int32_t>(cff_number(cff, p + 1, 4)));
            p += 5;
        } else if (b == 30) {  // a real: nibbles up to the byte with an 0xf in it
            do ++p;
            while (p < top[1] && (cff_number(cff, p, 1) & 0x0f) != 0x0f && (cff_number(cff, p, 1) >> 4) != 0x0f);
            ++p;
            operands.push_back(0);
        } else if (b >= 32 && b <= 246) {
            operands.push_back(static_cast<long>(b) - 139);
            ++p;
        } else if (b >= 247 && b <= 254) {
            const long w = static_cast<long>(cff_number(cff, p + 1, 1));
            operands.push_back(b <= 250 ? (static_cast<long>(b) - 247) * 256 + w + 108 : -(static_cast<long>(b) - 251) * 256 - w - 108);
            p += 2;
        } else {
            return false;
        }
    }
    // 0-2: the predefined charsets
    if (!ros || charset <= 2 || charstrings <= 0 || static_cast<std::size_t>(std::max(charset, charstrings)) >= cff.size())
        return false;
    const unsigned glyphs = cff_number(cff, static_cast<std::size_t>(charstrings), 2);
    auto at_charset = static_cast<std::size_t>(charset);
    const unsigned format = cff_number(cff, at_charset++, 1);
    for (unsigned glyph = 1; glyph < glyphs;) {
        if (at_charset + 2 > cff.size()) return false;
        const unsigned cid = cff_number(cff, at_charset, 2);
        if (cid != glyph) return false;
        if (format == 0) {
            at_charset += 2;
            ++glyph;
        } else if (format == 1 || format == 2) {
            glyph += 1 + cff_number(cff, at_charset + 2, format == 1 ? 1 : 2);
            at_charset += format == 1 ? 3 : 4;
        } else {
            return false;
        }
    }
    return true;
}

bool cids_are_glyph_ids(hb_face_t* face) {
    hb_blob_t* blob = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    const bool yes = data && cids_are_glyph_ids(std::string_view(data, length));
    hb_blob_destroy(blob);
    return yes;
}

// `renumbered`: the glyphs renumbered, the bare CFF table (cids_are_glyph_ids); else the whole
// font with its glyph ids kept. Empty when the subsetter refuses a renumbered subset.
std::string subset_bytes(hb_face_t* face, const std::map<std::uint32_t, long>& widths, bool renumbered = false) {
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
    hb_subset_input_set_flags(input, renumbered ? HB_SUBSET_FLAGS_NO_HINTING
                                                : HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t* subset = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    if (renumbered) {
        std::string cff = subset ? font_table(subset, "CFF ") : std::string();
        if (subset) hb_face_destroy(subset);
        return cff;
    }
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

std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& unicode) {
    std::vector<std::pair<std::uint32_t, std::string>> entries;
    for (const auto& [glyph, text] : unicode)
        if (!text.empty() && glyph <= 0xFFFF) entries.emplace_back(glyph, utf16_hex(text));
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

FontProgram make_program(hb_face_t* face, const std::map<std::uint32_t, long>& widths, bool cff,
                         const std::set<std::uint32_t>& unseen) {
    // Noto CJK's CFF keeps every glyph of the font in a subset with its glyph ids kept: renumbered
    // where the content's glyph ids can stand as CIDs.
    std::string program = cff && cids_are_glyph_ids(face) ? subset_bytes(face, widths, true) : "";
    const bool bare_cff = !program.empty();
    if (!bare_cff) program = subset_bytes(face, widths);
    if (!cff) program = without_outlines(program, unseen);
    return {deflate(program), program.size(), bare_cff};
}

}  // namespace

void Fonts::write(Face& face, bool every_glyph_mapped) {
    const bool cff = has_table(face.face, "CFF ");
    std::map<std::uint32_t, long> widths;  // the glyphs shown
    std::map<std::uint32_t, std::string> unicode;
    std::set<std::uint32_t> unseen;
    for (Face::GlyphUse& use : face.used) {
        if (use.measured && every_glyph_mapped && use.text.empty()) {
            use.text = "\u2060";
            use.mapped = true;
        }
        if (use.mapped) unicode.emplace(use.glyph, use.text);
        if (!use.measured) continue;
        widths.emplace(use.glyph, use.width);
        if (!cff && !use.seen) unseen.insert(use.glyph);
    }
    ProgramKey key{face.loaded, {}, {unseen.begin(), unseen.end()}};
    for (const auto& [glyph, width] : widths) key.glyphs.push_back(glyph);
    const FontProgram& program = cache_.program(std::move(key), [&] { return make_program(face.face, widths, cff, unseen); });
    const std::string file_name = std::filesystem::path(face.ref.file()).filename().string();
    std::string base = subset_tag(widths, file_name + '#' + std::to_string(face.ref.index())) + "+" + postscript_name(face.face);

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

    std::string width_array = "[";
    for (auto it = widths.begin(); it != widths.end();) {
        append_integer(width_array, it->first);
        width_array += '[';
        std::uint32_t next = it->first;
        for (bool first = true; it != widths.end() && it->first == next; ++it, ++next, first = false) {
            if (!first) width_array += ' ';
            append_integer(width_array, it->second);
        }
        width_array += ']';
    }
    width_array += ']';
    dict = std::string("<</Type/Font/Subtype/") + (cff ? "CIDFontType0" : "CIDFontType2") + "/BaseFont/" + base +
           "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor " + ref(descriptor) +
           "/DW 0/W " + width_array + (cff ? "" : "/CIDToGIDMap/Identity") + ">>";
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

    std::string stream_dict = program.bare_cff ? "/Subtype/CIDFontType0C"
                              : cff            ? "/Subtype/OpenType"
                                               : "/Length1 " + std::to_string(program.length);
    file_.write_deflated_stream(font_file, stream_dict, program.packed);
    file_.write_deflated_stream(to_unicode, "", cache_.deflated(to_unicode_cmap(unicode)));

    // The glyph forms: a fill of the outline, in the colour of the text around it (a form
    // inherits the graphics state of the page that draws it).
    for (const auto& [glyph, form] : face.forms) {
        if (!form.object) continue;  // blank, or drawn where it is used
        std::string bbox = "/Subtype/Form/BBox[";
        for (int v : {form.box[0] - 1, form.box[1] - 1, form.box[2] + 1, form.box[3] + 1}) {  // a unit wider: extents are rounded
            append_integer(bbox, v);
            bbox += ' ';
        }
        bbox.back() = ']';
        file_.write_stream(form.object, bbox, glyph_path(face.font, glyph) + "f\n");
    }
}

}  // namespace tarikh::pdf
