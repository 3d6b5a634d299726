// PDF for printing (DESIGN §4): embedded subset fonts, metadata, fixed creation date,
// links and outline, written from the scene itself (src/render/pdf/).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tarikh/options.hpp>

#include "scene/scene.hpp"

namespace tarikh {
namespace pdf {
class FontCache;
}

struct PdfOptions {
    // Seconds since 1970 for /CreationDate; none: $SOURCE_DATE_EPOCH, else 0.
    std::optional<std::int64_t> creation_time;
    char pdfa = 0;    // claim PDF/A-2 conformance 'B' or 'U' (XMP, sRGB output intent); 0: none
    bool ua = false;  // claim PDF/UA-1 (XMP)
    // What the documents of one renderer keep of their fonts; none: the document's own.
    pdf::FontCache* font_cache = nullptr;
};

// What --pdf-standard asks of a render or a booklet, as the writer's options.
PdfOptions pdf_options(const std::vector<PdfStandard>& standards);
// The creation date a PDF claims (PdfOptions::creation_time).
std::int64_t creation_time(const PdfOptions& options);

// A PDF made a page at a time: each page's content written and let go as it comes, the
// bytes handed to a sink as they are made. What waits for the end is small a page: the page's
// object number and height, its structure elements and marked content, the fonts' glyph sets
// and every object's place (the xref). Throws std::runtime_error when a font cannot be read.
class PdfDocument {
public:
    // `sink` takes the bytes in order (false: it takes no more); none: finish() returns them.
    explicit PdfDocument(const PdfOptions& options, std::function<bool(std::string_view)> sink = {});
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    void add_page(const Page& page);
    // The fonts, page tree, outline, structure tree and metadata (from `scene`, whose pages are
    // not read: they were added); returns the bytes not handed to the sink. False from taken()
    // then: the sink refused some, the file is incomplete.
    std::string finish(const Scene& scene);
    bool taken() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The PDF bytes of the scene's pages; throws std::runtime_error when a font cannot be read.
std::string render_pdf(const Scene& scene, const PdfOptions& options = {});
// The same bytes handed to `sink` as they are made; false when it refused some.
bool write_pdf(const Scene& scene, const PdfOptions& options, const std::function<bool(std::string_view)>& sink);

}  // namespace tarikh
