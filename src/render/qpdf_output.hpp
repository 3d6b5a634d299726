// Writing a qpdf document to bytes, the same bytes for the same document.
#pragma once
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>

namespace tarikh {

inline std::string write_deterministic_pdf(QPDF& pdf) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);  // an /ID from the content, not from the clock
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace tarikh
