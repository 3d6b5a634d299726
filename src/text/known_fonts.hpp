// The fonts of fonts/ as fontconfig described them when tarikh was built, so that a run need
// not describe them again: fontconfig computes each file's character set and language coverage
// when it is added, a tenth of a small render's instructions.
#pragma once
#include <string>

typedef struct _FcPattern FcPattern;

namespace tarikh {

// fontconfig's pattern for `file` (its FC_FILE set to `file`) when it is one of fonts/ as built
// (the same name, size and table directory, whose checksums cover every table, and the same
// fontconfig), or null: the caller then has fontconfig read the file. The caller owns it.
FcPattern* known_font_pattern(const std::string& file);

}  // namespace tarikh
