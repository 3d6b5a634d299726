// Writing a qpdf document to bytes, the same bytes for the same document.
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>

namespace tarikh {

inline std::string write_deterministic_pdf(QPDF& pdf) {
    std::string bytes;
    Pl_String to_string("pdf bytes", nullptr, bytes);  // straight into the result: no buffer to copy
    QPDFWriter writer(pdf);
    writer.setOutputPipeline(&to_string);
    writer.setDeterministicID(true);  // an /ID from the content, not from the clock
    writer.write();
    return bytes;
}

}  // namespace tarikh
