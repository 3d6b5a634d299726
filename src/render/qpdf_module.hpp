// The passes that need libqpdf live in a module of their own (tarikh-qpdf.so), loaded on
// first use: rendering SVG or PNG never loads qpdf and the crypto libraries it pulls in
// (about 5 ms of a 20 ms start-up), and a PDF render loads it while it lays out.
#pragma once
#include <string>
#include <vector>

#include "render/pdf_booklet.hpp"

namespace tarikh {

struct QpdfModule {
    // cairo's PDF rewritten whole (cairo 1.16 leaves link objects dangling), with /Lang set
    // when `language` is not empty, and an /ID from the content: the same bytes every time.
    std::string (*finish_pdf)(const std::string& pdf, const std::string& language);
    // See merge_pdfs.
    std::string (*combine_pdfs)(const std::vector<BookletPart>& parts, const std::string& title);
};

// Loads the module once (thread-safe); throws std::runtime_error naming where it looked.
const QpdfModule& qpdf_module();
// Where it was loaded from; empty before.
std::string qpdf_module_path();

}  // namespace tarikh
