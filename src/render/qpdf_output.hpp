// Writing a qpdf document to bytes, the same bytes for the same document.
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>
#include <vector>

namespace tarikh {

// `versions`: the PDF versions of the files `pdf` took objects from, the least its own can be.
inline std::string write_deterministic_pdf(QPDF& pdf, const std::vector<std::string>& versions = {}) {
    std::string bytes;
    Pl_String to_string("pdf bytes", nullptr, bytes);  // straight into the result: no buffer to copy
    QPDFWriter writer(pdf);
    for (const auto& version : versions) writer.setMinimumPDFVersion(version);  // keeps the highest
    writer.setOutputPipeline(&to_string);
    writer.setDeterministicID(true);  // an /ID from the content, not from the clock
    // Dictionaries packed into compressed object streams, as tarikh's own writer does: a
    // booklet of two charts at PDF/A-2u was 111 kB without them, 77 kB with them.
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    return bytes;
}

}  // namespace tarikh
