// Which fonts installed on this machine have some characters — to name in a warning about
// characters no loaded font has, never to draw with: only the fonts a render is given are used.
#pragma once
#include <string>
#include <vector>

namespace tarikh {

struct InstalledFont {
    std::string family, file;
    std::vector<std::string> chars;  // those asked for that it has, in the order asked
};

// The fewest installed fonts (fontconfig's configuration; $FONTCONFIG_FILE names another) that
// between them have the most of `chars` (each one UTF-8 character), picked greedily: the font
// with the most first, ties to upright regular faces, then by family and file, so that the
// answer is the same each time. At most `most` fonts. An answer is remembered for the process:
// one look-up per distinct `chars`. Safe to call from several threads.
std::vector<InstalledFont> installed_fonts_having(const std::vector<std::string>& chars, size_t most = 3);

}  // namespace tarikh
