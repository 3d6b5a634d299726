#include "text/font_database.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>


namespace tarikh {

FontDatabase::FontDatabase(const std::string& folder) : folder_(folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        auto ext = entry.path().extension().string();
        if (ext == ".ttf" || ext == ".otf") files_.push_back(entry.path().string());
    }
    std::sort(files_.begin(), files_.end());  // the same order on every machine

    // File by file: FcConfigAppFontAddDir on an empty config warns about cache folders.
    FcConfig* config = FcConfigCreate();
    size_t loaded = 0;
    for (const auto& file : files_)
        loaded += FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str())) ? 1 : 0;
    if (loaded == 0) {
        FcConfigDestroy(config);
        throw std::runtime_error("no fonts found in " + folder);
    }
    font_map_ = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_), config);
    FcConfigDestroy(config);  // the font map holds its own reference
}

FontDatabase::~FontDatabase() {
    if (font_map_) g_object_unref(font_map_);
}


}  // namespace tarikh
