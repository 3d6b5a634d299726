// Characters that must not reach an output: what is removed from texts, what makes a link
// unsafe, what makes a language tag. Pure functions over valid UTF-8.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tarikh {

// Reads the code point at `i` of valid UTF-8 and moves `i` past it.
char32_t next_code_point(std::string_view text, size_t& i);

// Bidi embeddings, overrides and isolates: inside one field they could reorder the text
// around the field (the date beside a place, the page around an SVG title).
bool is_bidi_control(char32_t c);
// C0 and C1 controls and DEL, but tab and newline.
bool is_control(char32_t c);
// U+FDD0–U+FDEF and every U+xxFFFE, U+xxFFFF: never text, and U+FFFE/U+FFFF are not XML.
bool is_noncharacter(char32_t c);

struct CleanText {
    std::string text;
    size_t length = 0;                     // in code points
    std::vector<char32_t> removed_controls;  // distinct controls and bidi controls taken out
    std::vector<char32_t> removed_noncharacters;
};

// Drops controls, bidi controls and noncharacters; tabs become spaces.
CleanText clean_text(std::string_view text);

// The first character a link must not hold: a space, a control, a bidi or other format
// character (they could make the link read as another one), a noncharacter.
std::optional<char32_t> first_unsafe_in_url(std::string_view url);

// True for a well-formed BCP 47 language tag ("en", "fa-IR", "zh-Hant-TW"), as ICU reads it.
bool is_language_tag(std::string_view tag);

// "U+202E".
std::string code_point_name(char32_t c);

}  // namespace tarikh
