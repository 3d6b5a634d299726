// PDF for printing (DESIGN §4): embedded subset fonts, metadata, fixed creation date,
// links and outline, written from the scene itself (src/render/pdf/).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

struct PdfOptions {
    // Seconds since 1970 for /CreationDate; none: $SOURCE_DATE_EPOCH, else 0.
    std::optional<std::int64_t> creation_time;
    char pdfa = 0;    // claim PDF/A-2 conformance 'B' or 'U' (XMP, sRGB output intent); 0: none
    bool ua = false;  // claim PDF/UA-1 (XMP)
};

// The PDF bytes; throws std::runtime_error when a font cannot be read.
std::string render_pdf(const Scene& scene, const PdfOptions& options = {});

}  // namespace tarikh
