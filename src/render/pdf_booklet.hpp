// Merging PDFs into one print-ready booklet, with one outline entry per part (libqpdf).
#pragma once
#include <string>
#include <vector>

#include <tarikh/booklet.hpp>

namespace tarikh {

// The booklet's bytes, parts in the given order; throws std::runtime_error when a part
// cannot be read.
std::string merge_pdfs(const std::vector<BookletPart>& parts, const std::string& title);

}  // namespace tarikh
