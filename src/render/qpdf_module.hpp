// The passes that need libqpdf live in a module of their own (tarikh-qpdf.so), loaded on
// first use: only a booklet (batch --combine) loads qpdf and the crypto libraries it pulls in
// (about 5 ms of a 20 ms start-up); a PDF is written without it (render/pdf_writer.hpp).
#pragma once
#include <string>
#include <vector>

#include "render/pdf_booklet.hpp"

namespace tarikh {

struct QpdfModule {
    // See merge_pdfs.
    std::string (*combine_pdfs)(const std::vector<BookletPart>& parts, const std::string& title);
};

// Loads the module once (thread-safe); throws std::runtime_error naming where it looked.
const QpdfModule& qpdf_module();
// Where it was loaded from; empty before.
std::string qpdf_module_path();

}  // namespace tarikh
