#include "render/pdf/archival.hpp"

#include <ctime>
#include <stdexcept>

#include "render/markup.hpp"
#include "render/pdf/srgb_profile.hpp"

namespace tarikh::pdf {
namespace {

std::string date(std::int64_t seconds, const char* format) {
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

const std::string kTool = "tarikh " TARIKH_VERSION;

}  // namespace

std::string info_dictionary(const DocumentInfo& info) {
    const std::string when = date(info.created, "D:%Y%m%d%H%M%SZ");
    std::string dict = "<</Title" + text_string(info.title);
    if (!info.subject.empty()) dict += "/Subject" + text_string(info.subject);
    if (!info.author.empty()) dict += "/Author" + text_string(info.author);
    return dict + "/Creator" + text_string(kTool) + "/Producer" + text_string(kTool) + "/CreationDate(" + when +
           ")/ModDate(" + when + ")>>";
}

std::string xmp_packet(const DocumentInfo& info, const Claims& claims) {
    const std::string when = date(info.created, "%Y-%m-%dT%H:%M:%SZ");
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
        " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
        "<dc:format>application/pdf</dc:format>\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape_markup(info.title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!info.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape_markup(info.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    if (!info.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + escape_markup(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!info.language.empty())
        x += "<dc:language><rdf:Bag><rdf:li>" + escape_markup(info.language) + "</rdf:li></rdf:Bag></dc:language>\n";
    x += "<xmp:CreateDate>" + when + "</xmp:CreateDate>\n<xmp:ModifyDate>" + when + "</xmp:ModifyDate>\n"
         "<xmp:CreatorTool>" + kTool + "</xmp:CreatorTool>\n<pdf:Producer>" + kTool + "</pdf:Producer>\n";
    if (claims.pdfa)
        x += std::string("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>") + claims.pdfa + "</pdfaid:conformance>\n";
    if (claims.ua) x += "<pdfuaid:part>1</pdfuaid:part>\n";
    x += "</rdf:Description>\n";
    if (claims.pdfa && claims.ua)  // PDF/A knows pdfuaid only from a schema the file describes
        x += "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
             " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
             "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
             "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
             "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
             "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
             "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
             "<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
             "<pdfaProperty:category>internal</pdfaProperty:category>"
             "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
             "</rdf:li></rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
    x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

int write_output_intent(File& file) {
    if (srgb_profile().empty())
        throw std::runtime_error("this tarikh was built without an sRGB profile (Debian: colord-data), which PDF/A needs");
    int profile = file.reserve(), intent = file.reserve();
    file.write_stream(profile, "/N 3", srgb_profile());
    std::string dict = "<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)/Info(sRGB IEC61966-2.1)"
                       "/DestOutputProfile ";
    append_integer(dict, profile);
    file.write(intent, dict + " 0 R>>");
    return intent;
}

}  // namespace tarikh::pdf
