#include "render/pdf/unseen_outlines.hpp"

#include <hb.h>

#include <cstdint>
#include <vector>

namespace tarikh::pdf {

std::string font_table(hb_face_t* face, const char* tag) {
    hb_blob_t* blob = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::string out(data ? data : "", data ? length : 0);
    hb_blob_destroy(blob);
    return out;
}

namespace {

unsigned big_endian(std::string_view bytes, std::size_t at, int size) {
    unsigned v = 0;
    for (int i = 0; i < size; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
}

void append_big_endian(std::string& out, unsigned v, int size) {
    for (int i = size - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// The glyphs a composite glyph (fewer than 0 contours) in glyf[begin, end) is built of.
std::vector<std::uint32_t> components(std::string_view glyf, std::size_t begin, std::size_t end) {
    std::vector<std::uint32_t> out;
    if (begin > end || end > glyf.size() || end - begin < 10 || !(big_endian(glyf, begin, 2) & 0x8000)) return out;
    std::size_t at = begin + 10;
    for (unsigned flags = 0x20; (flags & 0x20) && at + 4 <= end;) {  // MORE_COMPONENTS
        flags = big_endian(glyf, at, 2);
        out.push_back(big_endian(glyf, at + 2, 2));
        at += 4 + ((flags & 0x1) ? 4 : 2) +                                   // the offsets: words or bytes
              ((flags & 0x8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0);  // a scale, two, or a 2×2
    }
    return out;
}

}  // namespace

std::string without_outlines(std::string_view font, const std::set<std::uint32_t>& glyphs) {
    hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    const std::string glyf = font_table(face, "glyf"), loca = font_table(face, "loca"), head = font_table(face, "head");
    // loca: each glyph's offset in glyf, and glyf's end; in halves (2 bytes each) or bytes (4).
    const int size = head.size() >= 54 && big_endian(head, 50, 2) ? 4 : 2;
    const std::size_t count = loca.size() / static_cast<std::size_t>(size);
    if (glyf.empty() || head.size() < 54 || count < 2 || glyphs.empty()) {
        hb_face_destroy(face);
        return std::string(font);
    }
    std::string new_glyf, new_loca;
    auto offset = [&](std::size_t glyph) {
        return static_cast<std::size_t>(big_endian(loca, glyph * static_cast<std::size_t>(size), size)) * (size == 2 ? 2 : 1);
    };
    // A glyph drawn whole may be built of others (Amiri's letters with marks are): those stay
    // whole too, however else they are shown.
    std::set<std::uint32_t> cut = glyphs;
    std::vector<std::uint32_t> whole;
    for (std::uint32_t glyph = 0; glyph + 1 < count; ++glyph)
        if (!cut.count(glyph)) whole.push_back(glyph);
    while (!whole.empty()) {
        const std::uint32_t glyph = whole.back();
        whole.pop_back();
        for (std::uint32_t part : components(glyf, offset(glyph), offset(glyph + 1)))
            if (cut.erase(part)) whole.push_back(part);
    }
    if (cut.empty()) {
        hb_face_destroy(face);
        return std::string(font);
    }
    for (std::size_t glyph = 0; glyph + 1 < count; ++glyph) {
        append_big_endian(new_loca, static_cast<unsigned>(size == 2 ? new_glyf.size() / 2 : new_glyf.size()), size);
        const std::size_t begin = offset(glyph), end = offset(glyph + 1);
        if (begin > end || end > glyf.size()) continue;
        if (cut.count(static_cast<std::uint32_t>(glyph)) && end - begin >= 10) {
            // Its box, from its header: one contour of two points, corner to corner.
            const std::string_view box = std::string_view(glyf).substr(begin + 2, 8);
            const auto coordinate = [&](std::size_t i) { return static_cast<std::int16_t>(big_endian(box, 2 * i, 2)); };
            new_glyf += std::string("\0\1", 2);
            new_glyf += box;
            new_glyf += std::string("\0\1\0\0\1\1", 6);  // last point 1, no instructions, on the curve
            for (int axis = 0; axis < 2; ++axis) {           // x from 0, then y: the low corner, the high one
                append_big_endian(new_glyf, static_cast<std::uint16_t>(coordinate(static_cast<std::size_t>(axis))), 2);
                append_big_endian(new_glyf,
                                  static_cast<std::uint16_t>(coordinate(static_cast<std::size_t>(axis) + 2) -
                                                             coordinate(static_cast<std::size_t>(axis))),
                                  2);
            }
            continue;
        }
        new_glyf.append(glyf, begin, end - begin);
        if (new_glyf.size() % 2) new_glyf += '\0';  // offsets in halves are even
    }
    append_big_endian(new_loca, static_cast<unsigned>(size == 2 ? new_glyf.size() / 2 : new_glyf.size()), size);
    // A box is 24 bytes, more than the smallest outlines: offsets in halves could overflow.
    if (size == 2 && new_glyf.size() / 2 > 0xFFFF) {
        hb_face_destroy(face);
        return std::string(font);
    }

    hb_face_t* builder = hb_face_builder_create();
    std::vector<hb_tag_t> tags(64);
    for (unsigned start = 0;; start += static_cast<unsigned>(tags.size())) {
        unsigned n = static_cast<unsigned>(tags.size());
        hb_face_get_table_tags(face, start, &n, tags.data());
        for (unsigned i = 0; i < n; ++i) {
            const hb_tag_t tag = tags[i];
            const std::string* replaced = tag == HB_TAG('g', 'l', 'y', 'f')   ? &new_glyf
                                          : tag == HB_TAG('l', 'o', 'c', 'a') ? &new_loca
                                                                              : nullptr;
            hb_blob_t* data = replaced ? hb_blob_create(replaced->data(), static_cast<unsigned>(replaced->size()),
                                                        HB_MEMORY_MODE_READONLY, nullptr, nullptr)
                                       : hb_face_reference_table(face, tag);
            hb_face_builder_add_table(builder, tag, data);
            hb_blob_destroy(data);
        }
        if (n < tags.size()) break;
    }
    hb_blob_t* built = hb_face_reference_blob(builder);
    unsigned length = 0;
    const char* bytes = hb_blob_get_data(built, &length);
    std::string out(bytes ? bytes : "", bytes ? length : 0);
    hb_blob_destroy(built);
    hb_face_destroy(builder);
    hb_face_destroy(face);
    return out.empty() ? std::string(font) : out;
}

}  // namespace tarikh::pdf
