// The passes that need libqpdf live in a module of their own (tarikh-qpdf.so), loaded on
// first use: only a booklet (batch --combine) loads qpdf and the crypto libraries it pulls in
// (about 5 ms of a 20 ms start-up); a PDF is written without it (render/pdf_writer.hpp).
#pragma once
#include <string>
#include <vector>

#include <tarikh/booklet.hpp>

#include "render/pdf/archival.hpp"

namespace tarikh {

// What a booklet says of itself, with render/pdf/archival's writers to say it: the module
// links only libqpdf, and a booklet's /Info and XMP are a render's, word for word.
struct BookletMetadata {
    pdf::DocumentInfo about;  // its language is left to the module: the first part's
    pdf::Claims claims;       // every part must claim them too
    std::string (*info_dictionary)(const pdf::DocumentInfo& info);
    std::string (*xmp_packet)(const pdf::DocumentInfo& info, const pdf::Claims& claims);
};

struct QpdfModule {
    // See merge_pdfs.
    std::string (*combine_pdfs)(const std::vector<BookletPart>& parts, const BookletMetadata& metadata);
};

// Loads the module once (thread-safe); throws std::runtime_error naming where it looked.
const QpdfModule& qpdf_module();
// Where it was loaded from; empty before.
std::string qpdf_module_path();

}  // namespace tarikh
