// PDF for printing (DESIGN §4): embedded subset fonts, metadata, fixed creation date,
// links, and a qpdf pass so that the file passes `qpdf --check`.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "scene/scene.hpp"

namespace tarikh {

struct PdfOptions {
    // Seconds since 1970 for /CreationDate; none: $SOURCE_DATE_EPOCH, else 0.
    std::optional<std::int64_t> creation_time;
};

// The PDF bytes; throws std::runtime_error when cairo or qpdf fail.
std::string render_pdf(const Scene& scene, const PdfOptions& options = {});

}  // namespace tarikh
