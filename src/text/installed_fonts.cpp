#include "text/installed_fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <glib.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <tuple>

namespace tarikh {
namespace {

struct Candidate {
    std::string family, file;
    int slant = 0, weight = 0, width = 0;
    std::vector<size_t> has;  // indexes into the chars asked for
    // Upright, regular weight and width first: the face a reader would add.
    auto rank() const {
        return std::make_tuple(slant != FC_SLANT_ROMAN, std::abs(weight - FC_WEIGHT_REGULAR),
                               std::abs(width - FC_WIDTH_NORMAL), family, file);
    }
};

std::string string_of(FcPattern* font, const char* object) {
    FcChar8* value = nullptr;
    return FcPatternGetString(font, object, 0, &value) == FcResultMatch ? reinterpret_cast<char*>(value) : "";
}

int integer_of(FcPattern* font, const char* object, int otherwise) {
    int value = otherwise;
    FcPatternGetInteger(font, object, 0, &value);
    return value;
}

// Every installed font that has at least one of `chars`.
std::vector<Candidate> candidates(const std::vector<std::string>& chars) {
    std::vector<Candidate> out;
    FcConfig* config = FcInitLoadConfigAndFonts();  // the system's, apart from the one Pango draws with
    if (!config) return out;
    FcPattern* any = FcPatternCreate();
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_CHARSET, FC_SLANT, FC_WEIGHT, FC_WIDTH, nullptr);
    FcFontSet* fonts = FcFontList(config, any, objects);
    for (int f = 0; fonts && f < fonts->nfont; ++f) {
        FcPattern* font = fonts->fonts[f];
        FcCharSet* charset = nullptr;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch) continue;
        Candidate c{string_of(font, FC_FAMILY), string_of(font, FC_FILE), integer_of(font, FC_SLANT, FC_SLANT_ROMAN),
                    integer_of(font, FC_WEIGHT, FC_WEIGHT_REGULAR), integer_of(font, FC_WIDTH, FC_WIDTH_NORMAL), {}};
        for (size_t i = 0; i < chars.size(); ++i)
            if (FcCharSetHasChar(charset, g_utf8_get_char(chars[i].c_str()))) c.has.push_back(i);
        if (!c.has.empty() && !c.file.empty()) out.push_back(std::move(c));
    }
    if (fonts) FcFontSetDestroy(fonts);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(any);
    FcConfigDestroy(config);
    return out;
}

std::vector<InstalledFont> look_up(const std::vector<std::string>& chars, size_t most) {
    std::vector<Candidate> fonts = candidates(chars);
    std::vector<bool> named(chars.size(), false);
    std::vector<InstalledFont> out;
    while (out.size() < most) {
        auto still_missing = [&](const Candidate& c) {
            return std::count_if(c.has.begin(), c.has.end(), [&](size_t i) { return !named[i]; });
        };
        const Candidate* best = nullptr;
        long best_count = 0;
        for (const auto& c : fonts) {
            long count = still_missing(c);
            if (count > best_count || (count == best_count && count > 0 && c.rank() < best->rank())) {
                best = &c;
                best_count = count;
            }
        }
        if (!best) break;
        InstalledFont font{best->family, best->file, {}};
        for (size_t i : best->has)
            if (!named[i]) {
                named[i] = true;
                font.chars.push_back(chars[i]);
            }
        out.push_back(std::move(font));
    }
    return out;
}

}  // namespace

std::vector<InstalledFont> installed_fonts_having(const std::vector<std::string>& chars, size_t most) {
    static std::mutex mutex;
    static std::map<std::pair<std::vector<std::string>, size_t>, std::vector<InstalledFont>> answers;
    constexpr size_t kAnswersKept = 256;  // a long batch of varied timelines stays bounded
    auto key = std::make_pair(chars, most);
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (auto found = answers.find(key); found != answers.end()) return found->second;
    }
    std::vector<InstalledFont> answer = look_up(chars, most);
    std::lock_guard<std::mutex> lock(mutex);
    if (answers.size() >= kAnswersKept) answers.clear();
    answers.emplace(std::move(key), answer);
    return answer;
}

}  // namespace tarikh
