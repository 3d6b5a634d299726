// What a PDF claims in its metadata: the document information and, for PDF/A-2 and PDF/UA-1,
// the XMP packet that says the same (PDF/A wants the two to match exactly) with the parts and
// conformance claimed, and PDF/A's sRGB output intent.
#pragma once
#include <cstdint>
#include <string>

#include "render/pdf/pdf_file.hpp"

namespace tarikh::pdf {

struct DocumentInfo {
    std::string title, subject, author, language;
    std::int64_t created = 0;  // seconds since 1970, UTC
};

struct Claims {
    char pdfa = 0;    // PDF/A-2 conformance: 'B', 'U', or 0 for none
    bool ua = false;  // PDF/UA-1
};

// The /Info dictionary.
std::string info_dictionary(const DocumentInfo& info);
// The XMP packet, for the catalog's /Metadata.
std::string xmp_packet(const DocumentInfo& info, const Claims& claims);
// Writes the output intent with its ICC profile; returns the intent's object number. Throws
// std::runtime_error when tarikh was built without a profile.
int write_output_intent(File& file);

}  // namespace tarikh::pdf
