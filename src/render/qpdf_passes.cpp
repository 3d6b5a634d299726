// The qpdf module (see qpdf_module.hpp): built as tarikh-qpdf.so, the one place that links libqpdf.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <memory>
#include <stdexcept>

#include "render/qpdf_module.hpp"
#include "render/qpdf_output.hpp"

namespace tarikh {
namespace {

std::string finish(const std::string& pdf, const std::string& language) {
    QPDF qpdf;
    qpdf.setSuppressWarnings(true);
    qpdf.processMemoryFile("tarikh.pdf", pdf.data(), pdf.size());
    // cairo cannot set the document language; readers use it to pick voices and hyphenation.
    if (!language.empty()) qpdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
    return write_deterministic_pdf(qpdf);
}

std::string combine(const std::vector<BookletPart>& parts, const std::string& title) {
    QPDF booklet;
    booklet.emptyPDF();
    QPDFPageDocumentHelper pages(booklet);
    std::vector<std::unique_ptr<QPDF>> sources;  // must outlive the write: pages are copied lazily
    std::vector<std::pair<std::string, QPDFObjectHandle>> entries;
    for (const auto& part : parts) {
        auto source = std::make_unique<QPDF>();
        source->setSuppressWarnings(true);
        try {
            source->processFile(part.pdf_path.c_str());
        } catch (const std::exception& e) {
            throw std::runtime_error("cannot read " + part.pdf_path + ": " + e.what());
        }
        bool first = true;
        for (auto& page : QPDFPageDocumentHelper(*source).getAllPages()) {
            pages.addPage(page, false);
            if (first) entries.emplace_back(part.title, pages.getAllPages().back().getObjectHandle());
            first = false;
        }
        sources.push_back(std::move(source));
    }

    // The outline: one entry per part, pointing at its first page.
    QPDFObjectHandle outlines = booklet.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
    std::vector<QPDFObjectHandle> items;
    for (const auto& [name, page] : entries) {
        QPDFObjectHandle item = booklet.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(name));
        item.replaceKey("/Parent", outlines);
        item.replaceKey("/Dest", QPDFObjectHandle::parse("[null /Fit]"));
        item.getKey("/Dest").setArrayItem(0, page);
        if (!items.empty()) {
            item.replaceKey("/Prev", items.back());
            items.back().replaceKey("/Next", item);
        }
        items.push_back(item);
    }
    if (!items.empty()) {
        outlines.replaceKey("/First", items.front());
        outlines.replaceKey("/Last", items.back());
        outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<long long>(items.size())));
        QPDFObjectHandle root = booklet.getRoot();
        root.replaceKey("/Outlines", outlines);
        root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
    }
    QPDFObjectHandle info = booklet.makeIndirectObject(QPDFObjectHandle::newDictionary());
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title));
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString("tarikh " TARIKH_VERSION));
    booklet.getTrailer().replaceKey("/Info", info);

    return write_deterministic_pdf(booklet);
}

}  // namespace
}  // namespace tarikh

extern "C" __attribute__((visibility("default"))) const tarikh::QpdfModule* tarikh_qpdf_module() {
    static const tarikh::QpdfModule module{&tarikh::finish, &tarikh::combine};
    return &module;
}
