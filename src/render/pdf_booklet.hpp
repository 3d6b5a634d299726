// Merging PDFs into one print-ready booklet, with one outline entry per part (libqpdf).
#pragma once
#include <string>
#include <vector>

#include <tarikh/booklet.hpp>

namespace tarikh {

// The booklet's bytes, parts in the given order, meeting `standards` (combine_pdfs); throws
// std::runtime_error when a part cannot be read or does not claim them.
std::string merge_pdfs(const std::vector<BookletPart>& parts, const std::string& title,
                       const std::vector<PdfStandard>& standards);

}  // namespace tarikh
