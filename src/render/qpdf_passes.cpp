// The qpdf module (see qpdf_module.hpp): built as tarikh-qpdf.so, the one place that links libqpdf.
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "render/qpdf_module.hpp"
#include "render/qpdf_output.hpp"

namespace tarikh {
namespace {

// Where each of a part's pages went in the booklet.
using PageMap = std::map<QPDFObjGen, QPDFObjectHandle>;

// The destination `dest` of a part's bookmark, pointing at the booklet's copy of its page;
// null when it names no page of the part (a named destination, a broken one).
QPDFObjectHandle moved_destination(QPDFObjectHandle dest, const PageMap& pages) {
    if (!dest.isArray() || dest.getArrayNItems() < 1) return QPDFObjectHandle::newNull();
    auto page = pages.find(dest.getArrayItem(0).getObjGen());
    if (page == pages.end()) return QPDFObjectHandle::newNull();
    QPDFObjectHandle out = QPDFObjectHandle::newArray();
    out.appendItem(page->second);
    for (int i = 1; i < dest.getArrayNItems(); ++i) {
        QPDFObjectHandle item = dest.getArrayItem(i);
        if (item.isNumber() || item.isName() || item.isNull()) out.appendItem(item);  // /XYZ x y zoom: plain values
    }
    return out;
}

// `items` become `parent`'s children in this order: linked to each other and to it.
void link_children(QPDFObjectHandle parent, std::vector<QPDFObjectHandle>& items) {
    if (items.empty()) return;
    for (size_t i = 1; i < items.size(); ++i) {
        items[i].replaceKey("/Prev", items[i - 1]);
        items[i - 1].replaceKey("/Next", items[i]);
    }
    parent.replaceKey("/First", items.front());
    parent.replaceKey("/Last", items.back());
}

// The part's bookmarks under `parent`, nested as they were and pointing at the booklet's
// pages; returns how many show when every one is open. Cycles and depth are bounded: a
// part is a file on disk, so its outline is read as untrusted.
int copy_outline(QPDF& booklet, QPDFObjectHandle first, QPDFObjectHandle parent, const PageMap& pages,
                 std::set<QPDFObjGen>& seen, int depth) {
    std::vector<QPDFObjectHandle> items;
    int shown = 0;
    for (QPDFObjectHandle node = first; node.isDictionary() && depth < 32 && items.size() < 100000;
         node = node.getKey("/Next")) {
        if (node.isIndirect() && !seen.insert(node.getObjGen()).second) break;
        QPDFObjectHandle item = booklet.makeIndirectObject(QPDFObjectHandle::newDictionary());
        QPDFObjectHandle title = node.getKey("/Title");
        item.replaceKey("/Title", title.isString() ? QPDFObjectHandle::newString(title.getStringValue())
                                                   : QPDFObjectHandle::newString(""));
        item.replaceKey("/Parent", parent);
        QPDFObjectHandle dest = node.getKey("/Dest");
        if (!dest.isArray() && node.getKey("/A").isDictionary()) dest = node.getKey("/A").getKey("/D");
        QPDFObjectHandle moved = moved_destination(dest, pages);
        if (!moved.isNull()) item.replaceKey("/Dest", moved);
        int below = copy_outline(booklet, node.getKey("/First"), item, pages, seen, depth + 1);
        QPDFObjectHandle count = node.getKey("/Count");
        bool open = count.isInteger() && count.getIntValue() > 0;
        if (below > 0) item.replaceKey("/Count", QPDFObjectHandle::newInteger(open ? below : -below));
        shown += 1 + (open ? below : 0);
        items.push_back(item);
    }
    link_children(parent, items);
    return shown;
}

// Adds `by` to a copied page's /StructParents and to its link annotations' /StructParent: the
// booklet's ParentTree holds every part's keys, one part after the other.
void shift_keys(QPDFObjectHandle page, long long by) {
    if (page.getKey("/StructParents").isInteger())
        page.replaceKey("/StructParents", QPDFObjectHandle::newInteger(page.getKey("/StructParents").getIntValue() + by));
    QPDFObjectHandle annotations = page.getKey("/Annots");
    if (!annotations.isArray()) return;
    for (int i = 0; i < annotations.getArrayNItems(); ++i) {
        QPDFObjectHandle annotation = annotations.getArrayItem(i);
        if (annotation.isDictionary() && annotation.getKey("/StructParent").isInteger())
            annotation.replaceKey("/StructParent",
                                  QPDFObjectHandle::newInteger(annotation.getKey("/StructParent").getIntValue() + by));
    }
}

// An object of a part, as the booklet's: indirect objects copied (once: a page copied before
// keeps its copy), direct arrays item by item.
QPDFObjectHandle copied(QPDF& booklet, QPDFObjectHandle object) {
    if (object.isIndirect()) return booklet.copyForeignObject(object);
    if (!object.isArray()) return object.isScalar() ? object.shallowCopy() : QPDFObjectHandle::newNull();
    QPDFObjectHandle out = QPDFObjectHandle::newArray();
    for (int i = 0; i < object.getArrayNItems(); ++i) out.appendItem(copied(booklet, object.getArrayItem(i)));
    return out;
}

// The document's language, its catalog's /Lang; "" when it names none.
std::string language_of(QPDF& pdf) {
    QPDFObjectHandle language = pdf.getRoot().getKey("/Lang");
    return language.isString() ? language.getUTF8Value() : "";
}

// What a part's XMP claims, as tarikh writes it; "" when it has no XMP that can be read as it
// is (a filtered or an outsized stream: a part is read as untrusted).
std::string claims_of(QPDF& part) {
    QPDFObjectHandle metadata = part.getRoot().getKey("/Metadata");
    if (!metadata.isStream()) return "";
    QPDFObjectHandle dict = metadata.getDict(), length = dict.getKey("/Length");
    if (dict.hasKey("/Filter") || !length.isInteger() || length.getIntValue() > (1 << 20)) return "";
    std::shared_ptr<Buffer> data = metadata.getRawStreamData();
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// A booklet is what its parts are: it claims a standard only when every part does (a -2u part
// is a -2b part too); throws naming the part that does not.
void require_claims(QPDF& part, const std::string& path, const pdf::Claims& claims) {
    if (!claims.pdfa && !claims.ua) return;
    const std::string xmp = claims_of(part);
    auto says = [&](const std::string& property) { return xmp.find(property) != std::string::npos; };
    bool pdfa = says("<pdfaid:part>2</pdfaid:part>") &&
                (says("<pdfaid:conformance>U</pdfaid:conformance>") ||
                 (claims.pdfa == 'B' && says("<pdfaid:conformance>B</pdfaid:conformance>")));
    const std::string level = claims.pdfa == 'U' ? "2u" : "2b";
    if (claims.pdfa && !pdfa)
        throw std::runtime_error(path + " does not claim PDF/A-" + level +
                                 ", which the booklet is to: render it with --pdf-standard a-" + level);
    if (claims.ua && !says("<pdfuaid:part>1</pdfuaid:part>"))
        throw std::runtime_error(path + " does not claim PDF/UA-1, which the booklet is to: render it with "
                                 "--pdf-standard ua-1");
}

// The booklet's catalog entries a standard wants, besides its structure tree: its language,
// its title shown, the XMP that says what /Info says and what it claims, the parts' output
// intent (one copy: each part's is the same sRGB), its pages numbered part by part.
void describe(QPDF& booklet, const BookletMetadata& metadata, const std::string& language, QPDFObjectHandle intents,
              QPDFObjectHandle page_labels) {
    QPDFObjectHandle root = booklet.getRoot();
    pdf::DocumentInfo about = metadata.about;
    about.language = language;
    booklet.getTrailer().replaceKey("/Info",
                                    booklet.makeIndirectObject(QPDFObjectHandle::parse(metadata.info_dictionary(about))));
    if (!language.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
    root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
    if (page_labels.getArrayNItems() > 0) {
        root.replaceKey("/PageLabels", QPDFObjectHandle::newDictionary());
        root.getKey("/PageLabels").replaceKey("/Nums", page_labels);
    }
    if (!metadata.claims.pdfa && !metadata.claims.ua) return;
    QPDFObjectHandle xmp = QPDFObjectHandle::newStream(&booklet, metadata.xmp_packet(about, metadata.claims));
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", xmp);
    if (metadata.claims.pdfa) root.replaceKey("/OutputIntents", intents);
}

// The booklet's structure tree: one Document holding each part's elements (a Document per part,
// in its language), their ParentTree keys shifted past the parts before.
struct BookletStructure {
    QPDFObjectHandle root = QPDFObjectHandle::newNull(), document = QPDFObjectHandle::newNull(),
                     kids = QPDFObjectHandle::newArray(), nums = QPDFObjectHandle::newArray();
    long long next_key = 0;

    // After the part's pages were added (`pages`: the copies); a part in another language than
    // the booklet's says its own on its elements.
    void add(QPDF& booklet, QPDF& part, const std::vector<QPDFObjectHandle>& pages, const std::string& language) {
        QPDFObjectHandle tree = part.getRoot().getKey("/StructTreeRoot");
        QPDFObjectHandle part_nums = tree.isDictionary() ? tree.getKey("/ParentTree").getKey("/Nums") : QPDFObjectHandle::newNull();
        if (!tree.isDictionary() || !part_nums.isArray()) return;  // untagged, or a tree tarikh does not write
        if (root.isNull()) {
            root = booklet.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /StructTreeRoot >>"));
            document = booklet.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /StructElem /S /Document >>"));
            document.replaceKey("/P", root);
        }
        long long most = -1;
        for (int i = 0; i + 1 < part_nums.getArrayNItems() && i < 2000000; i += 2) {
            QPDFObjectHandle key = part_nums.getArrayItem(i);
            if (!key.isInteger() || key.getIntValue() < 0) continue;
            nums.appendItem(QPDFObjectHandle::newInteger(key.getIntValue() + next_key));
            nums.appendItem(copied(booklet, part_nums.getArrayItem(i + 1)));
            most = std::max(most, key.getIntValue());
        }
        QPDFObjectHandle elements = tree.getKey("/K");
        const std::string part_language = language_of(part);
        for (int i = 0; i < (elements.isArray() ? elements.getArrayNItems() : 1); ++i) {
            QPDFObjectHandle element = elements.isArray() ? elements.getArrayItem(i) : elements;
            if (!element.isIndirect() || !element.isDictionary()) continue;
            QPDFObjectHandle copy = booklet.copyForeignObject(element);
            copy.replaceKey("/P", document);
            if (!copy.hasKey("/Lang") && !part_language.empty() && part_language != language)
                copy.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(part_language));
            kids.appendItem(copy);
        }
        for (const auto& page : pages) shift_keys(page, next_key);
        next_key += most + 1;
    }

    void finish(QPDF& booklet) {
        if (root.isNull()) return;
        document.replaceKey("/K", kids);
        root.replaceKey("/K", document);
        QPDFObjectHandle parent_tree = booklet.makeIndirectObject(QPDFObjectHandle::newDictionary());
        parent_tree.replaceKey("/Nums", nums);
        root.replaceKey("/ParentTree", parent_tree);
        root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(next_key));
        booklet.getRoot().replaceKey("/StructTreeRoot", root);
        booklet.getRoot().replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    }
};

std::string combine(const std::vector<BookletPart>& parts, const BookletMetadata& metadata) {
    QPDF booklet;
    booklet.emptyPDF();
    QPDFPageDocumentHelper pages(booklet);
    std::vector<std::unique_ptr<QPDF>> sources;  // must outlive the write: pages are copied lazily
    struct Entry {
        std::string title;
        QPDFObjectHandle first_page;
        QPDFObjectHandle outline;  // the part's own /Outlines, or null
        PageMap pages;
    };
    std::vector<Entry> entries;
    BookletStructure structure;
    std::string language;  // the first part's
    QPDFObjectHandle intents = QPDFObjectHandle::newNull(), page_labels = QPDFObjectHandle::newArray();
    long long page_count = 0;
    for (const auto& part : parts) {
        auto source = std::make_unique<QPDF>();
        source->setSuppressWarnings(true);
        try {
            source->processFile(part.pdf_path.c_str());
        } catch (const std::exception& e) {
            throw std::runtime_error("cannot read " + part.pdf_path + ": " + e.what());
        }
        require_claims(*source, part.pdf_path, metadata.claims);
        if (sources.empty()) language = language_of(*source);
        if (metadata.claims.pdfa && intents.isNull()) {
            intents = copied(booklet, source->getRoot().getKey("/OutputIntents"));
            if (!intents.isArray() || intents.getArrayNItems() == 0 || !intents.getArrayItem(0).isDictionary())
                throw std::runtime_error(part.pdf_path + " has no output intent, which PDF/A needs");
        }
        Entry entry{part.title, QPDFObjectHandle::newNull(), source->getRoot().getKey("/Outlines"), {}};
        std::vector<QPDFObjectHandle> copies;
        for (auto& page : QPDFPageDocumentHelper(*source).getAllPages()) {
            // Copied first, so that the copy is known without listing every page added so far.
            QPDFObjectHandle copy = booklet.copyForeignObject(page.getObjectHandle());
            pages.addPage(QPDFPageObjectHelper(copy), false);
            if (entry.first_page.isNull()) entry.first_page = copy;
            entry.pages.emplace(page.getObjectHandle().getObjGen(), copy);
            copies.push_back(copy);
        }
        structure.add(booklet, *source, copies, language);
        if (!copies.empty()) {  // each part's pages numbered from 1, as they are printed
            page_labels.appendItem(QPDFObjectHandle::newInteger(page_count));
            page_labels.appendItem(QPDFObjectHandle::parse("<< /S /D >>"));
            page_count += static_cast<long long>(copies.size());
        }
        if (!entry.first_page.isNull()) entries.push_back(std::move(entry));
        sources.push_back(std::move(source));
    }

    // The outline: one entry per part, pointing at its first page, closed over the part's
    // own bookmarks, nested as they were.
    QPDFObjectHandle outlines = booklet.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
    std::vector<QPDFObjectHandle> items;
    for (auto& entry : entries) {
        QPDFObjectHandle item = booklet.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(entry.title));
        item.replaceKey("/Parent", outlines);
        item.replaceKey("/Dest", QPDFObjectHandle::parse("[null /Fit]"));
        item.getKey("/Dest").setArrayItem(0, entry.first_page);
        if (entry.outline.isDictionary()) {
            std::set<QPDFObjGen> seen;
            int below = copy_outline(booklet, entry.outline.getKey("/First"), item, entry.pages, seen, 0);
            if (below > 0) item.replaceKey("/Count", QPDFObjectHandle::newInteger(-below));
        }
        items.push_back(item);
    }
    link_children(outlines, items);
    if (!items.empty()) {
        outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<long long>(items.size())));
        QPDFObjectHandle root = booklet.getRoot();
        root.replaceKey("/Outlines", outlines);
        root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
    }
    structure.finish(booklet);
    describe(booklet, metadata, language, intents, page_labels);

    std::vector<std::string> versions;
    for (const auto& source : sources) versions.push_back(source->getPDFVersion());
    return write_deterministic_pdf(booklet, versions);
}

}  // namespace
}  // namespace tarikh

extern "C" __attribute__((visibility("default"))) const tarikh::QpdfModule* tarikh_qpdf_module() {
    static const tarikh::QpdfModule module{&tarikh::combine};
    return &module;
}
