#include "render/qpdf_module.hpp"

#include "core/module_loader.hpp"
#include "render/pdf_booklet.hpp"
#include "render/pdf_writer.hpp"

namespace tarikh {
namespace {

Module<QpdfModule>& loader() {
    static Module<QpdfModule> qpdf("tarikh-qpdf.so", "tarikh_qpdf_module", "PDF");
    return qpdf;
}

}  // namespace

const QpdfModule& qpdf_module() { return loader().table(); }

std::string qpdf_module_path() { return loader().path(); }

std::string merge_pdfs(const std::vector<BookletPart>& parts, const std::string& title,
                       const std::vector<PdfStandard>& standards) {
    const PdfOptions options = pdf_options(standards);
    BookletMetadata metadata{};
    metadata.about.title = title;
    metadata.about.created = creation_time(options);
    metadata.claims = {options.pdfa, options.ua};
    metadata.info_dictionary = &pdf::info_dictionary;
    metadata.xmp_packet = &pdf::xmp_packet;
    return qpdf_module().combine_pdfs(parts, metadata);
}

}  // namespace tarikh
