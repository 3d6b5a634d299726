// The font database: the fonts in one folder and nothing else (DESIGN §5).
#pragma once
#include <string>
#include <vector>

typedef struct _PangoFontMap PangoFontMap;

namespace tarikh {

class FontDatabase {
public:
    // Loads every .ttf/.otf in `folder`; throws std::runtime_error if none loads.
    explicit FontDatabase(const std::string& folder);
    ~FontDatabase();
    FontDatabase(const FontDatabase&) = delete;
    FontDatabase& operator=(const FontDatabase&) = delete;

    PangoFontMap* font_map() const { return font_map_; }
    const std::vector<std::string>& files() const { return files_; }
    const std::string& folder() const { return folder_; }

private:
    PangoFontMap* font_map_ = nullptr;
    std::string folder_;
    std::vector<std::string> files_;
};

// Families in fallback order: Latin, Arabic, symbols. Named explicitly: no aliases exist.
inline constexpr const char* kFontFamilies = "Noto Sans,Amiri,Noto Sans Symbols";

}  // namespace tarikh
