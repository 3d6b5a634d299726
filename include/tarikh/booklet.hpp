// Merging the PDFs of several timelines into one print-ready booklet.
#pragma once
#include <string>
#include <vector>

#include <tarikh/options.hpp>
#include <tarikh/result.hpp>

namespace tarikh {

// One PDF of one timeline, for a booklet.
struct BookletPart {
    std::string pdf_path;
    std::string title;  // its outline entry
};

// The parts' PDFs merged into one, in the given order, with one outline entry each and its
// pages numbered from 1 in a viewer. `standards`: what the booklet meets and claims, as a
// render's (RenderOptions::pdf_standards; docs/pdf.md), each part rendered to them. An error
// when a part cannot be read or does not claim them, or the PDF module cannot be loaded.
Result<std::string> combine_pdfs(const std::vector<BookletPart>& parts, const std::string& title,
                                 const std::vector<PdfStandard>& standards = {});

}  // namespace tarikh
