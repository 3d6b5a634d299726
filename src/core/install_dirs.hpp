// Where tarikh finds its fonts and its PDF module: beside the library that holds this code,
// so that an installed prefix can be moved; the source and build trees only when this is the
// build tree's own library.
#pragma once
#include <string>

namespace tarikh {

// $TARIKH_FONT_DIR, else LIBDIR/../share/tarikh/fonts (in the build tree: the source's fonts/).
std::string default_font_folder();
// $TARIKH_MODULE_DIR/NAME, else LIBDIR/tarikh/NAME (in the build tree: the module built there).
std::string module_path(const std::string& name);

}  // namespace tarikh
