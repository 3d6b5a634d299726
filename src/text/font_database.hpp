// The font database: the fonts of given folders and files, and nothing else (DESIGN §5).
#pragma once
#include <string>
#include <vector>

typedef struct _PangoFontMap PangoFontMap;

namespace tarikh {

// What a database loads, in this order: each folder's fonts (not its subfolders'), then the
// files. Where two fonts have the same family and style, the one loaded first is used, so
// folders added after fonts/ fill its gaps and never replace its faces.
struct FontSet {
    std::vector<std::string> folders;
    std::vector<std::string> files;
    auto operator<=>(const FontSet&) const = default;
};

class FontDatabase {
public:
    // Loads every .ttf/.otf/.ttc/.otc of `folder`; throws std::runtime_error if none loads.
    explicit FontDatabase(const std::string& folder);
    // Throws std::runtime_error naming a folder without a font that loads, or a file that does not.
    explicit FontDatabase(FontSet set);
    ~FontDatabase();
    FontDatabase(const FontDatabase&) = delete;
    FontDatabase& operator=(const FontDatabase&) = delete;

    PangoFontMap* font_map() const { return font_map_; }
    const std::vector<std::string>& files() const { return files_; }
    const std::string& folder() const { return set_.folders.front(); }
    const FontSet& set() const { return set_; }
    // Whether a loaded font has this family, compared as fontconfig does (case and blanks aside).
    bool has_family(const std::string& family) const;

private:
    PangoFontMap* font_map_ = nullptr;
    FontSet set_;
    std::vector<std::string> files_;
    std::vector<std::string> families_;  // every name of every loaded font's family, folded, sorted
};

// Why `folder` cannot add fonts ("cannot read …", "no fonts in …"), or empty when it can: a
// cheap check (a listing and one font's header) before a database is built.
std::string font_folder_problem(const std::string& folder);

// Families in fallback order: Latin, Arabic, symbols (the default theme's). Named explicitly:
// no aliases exist.
inline constexpr const char* kFontFamilies = "Noto Sans,Amiri,Noto Nastaliq Urdu,Noto Sans Hebrew,Noto Sans Symbols";

}  // namespace tarikh
