#include "render/pdf_writer.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "render/pdf/archival.hpp"
#include "render/pdf/page_content.hpp"
#include "render/pdf/pdf_fonts.hpp"
#include "render/pdf/structure.hpp"

namespace tarikh {
namespace {

using namespace pdf;

constexpr double kPointsPerPx = 72.0 / 96.0;

std::string ref(int id) {
    std::string s;
    append_integer(s, id);
    return s + " 0 R";
}

std::string numbers(std::initializer_list<double> values, int decimals = 2) {
    std::string s;
    for (double v : values) {
        if (!s.empty()) s += ' ';
        append_number(s, v, decimals);
    }
    return s;
}

// The link annotations of a page, written now; returns their references.
std::string write_links(File& file, Structure& structure, const std::vector<LinkArea>& links, double page_height) {
    std::string refs;
    for (const LinkArea& link : links) {
        int id = file.reserve();
        const Box& b = link.box;
        std::string uri = literal_string(link.url);
        std::string tagged;
        if (link.element >= 0) tagged = "/StructParent " + std::to_string(structure.annotation(link.element, id));
        file.write(id, "<</Type/Annot/Subtype/Link/Rect[" +
                           numbers({b.x * kPointsPerPx, page_height - b.bottom() * kPointsPerPx,
                                    b.right() * kPointsPerPx, page_height - b.y * kPointsPerPx}) +
                           "]/Border[0 0 0]/F 4/Contents" + uri + tagged + "/A<</S/URI/URI" + uri + ">>>>");
        refs += (refs.empty() ? "" : " ") + ref(id);
    }
    return refs;
}

// The scene's outline as bookmarks, nested as it says, each closed over what it holds.
int write_outline(File& file, const Scene& scene, const std::vector<int>& pages, const std::vector<double>& heights) {
    const auto& entries = scene.outline;
    if (entries.empty()) return 0;
    int root = file.reserve();
    std::vector<int> ids;
    for (size_t i = 0; i < entries.size(); ++i) ids.push_back(file.reserve());
    auto parent_of = [&](size_t i) {
        int p = entries[i].parent;
        return p >= 0 && static_cast<size_t>(p) < i ? p : -1;
    };
    std::vector<std::vector<size_t>> children(entries.size() + 1);  // the last: the root's
    for (size_t i = 0; i < entries.size(); ++i) {
        int p = parent_of(i);
        children[p < 0 ? entries.size() : static_cast<size_t>(p)].push_back(i);
    }
    auto first_last = [&](const std::vector<size_t>& kids) {
        return kids.empty() ? std::string() : "/First " + ref(ids[kids.front()]) + "/Last " + ref(ids[kids.back()]);
    };
    for (size_t i = 0; i < entries.size(); ++i) {
        const OutlineEntry& e = entries[i];
        int p = parent_of(i);
        const auto& siblings = children[p < 0 ? entries.size() : static_cast<size_t>(p)];
        size_t at = static_cast<size_t>(std::find(siblings.begin(), siblings.end(), i) - siblings.begin());
        size_t page = static_cast<size_t>(std::clamp(e.page, 1, static_cast<int>(pages.size()))) - 1;
        double height = heights[page];
        std::string dict = "<</Title" + text_string(e.title) + "/Parent " + ref(p < 0 ? root : ids[static_cast<size_t>(p)]);
        if (at > 0) dict += "/Prev " + ref(ids[siblings[at - 1]]);
        if (at + 1 < siblings.size()) dict += "/Next " + ref(ids[siblings[at + 1]]);
        dict += first_last(children[i]);
        if (!children[i].empty()) dict += "/Count -" + std::to_string(children[i].size());
        dict += "/Dest[" + ref(pages[page]) + "/XYZ " + numbers({e.at.x * kPointsPerPx, height - e.at.y * kPointsPerPx}) +
                " 0]>>";
        file.write(ids[i], dict);
    }
    file.write(root, "<</Type/Outlines" + first_last(children.back()) + "/Count " +
                         std::to_string(children.back().size()) + ">>");
    return root;
}

}  // namespace

struct PdfDocument::Impl {
    Impl(const PdfOptions& asked, std::function<bool(std::string_view)> sink)
        : options(asked), file(std::move(sink)), fonts(file, asked.font_cache ? *asked.font_cache : own_fonts),
          structure(file) {}

    PdfOptions options;
    FontCache own_fonts;
    File file;
    const int catalog = file.reserve(), page_tree = file.reserve(), info = file.reserve();
    Fonts fonts;
    Structure structure;
    std::vector<int> pages;      // each page's object number
    std::vector<double> heights;  // and height in points, for the outline's destinations
};

PdfDocument::PdfDocument(const PdfOptions& options, std::function<bool(std::string_view)> sink)
    : impl_(std::make_unique<Impl>(options, std::move(sink))) {}
PdfDocument::~PdfDocument() = default;

bool PdfDocument::taken() const { return impl_->file.taken(); }

// Its content is written and let go before the next is drawn.
void PdfDocument::add_page(const Page& page) {
    Impl& d = *impl_;
    const double width = page.width * kPointsPerPx, height = page.height * kPointsPerPx;
    int id = d.file.reserve(), contents = d.file.reserve();
    int key = d.structure.begin_page(id);
    PageContent content = page_content(page, d.fonts, d.structure);
    d.file.write_stream(contents, "", content.stream);
    std::string dict = "<</Type/Page/Parent " + ref(d.page_tree) + "/MediaBox[0 0 " + numbers({width, height}, 3) +
                       "]/Contents " + ref(contents) + "/Resources" + content.resources + "/StructParents " +
                       std::to_string(key) + "/Tabs/S";
    std::string links = write_links(d.file, d.structure, content.links, height);
    if (!links.empty()) dict += "/Annots[" + links + "]";
    d.file.write(id, dict + ">>");
    d.pages.push_back(id);
    d.heights.push_back(height);
}

std::string PdfDocument::finish(const Scene& scene) {
    Impl& d = *impl_;
    File& file = d.file;
    if (d.pages.empty()) throw std::runtime_error("nothing to draw");
    d.fonts.write_all(d.options.pdfa == 'U');
    std::string kids;
    for (int id : d.pages) kids += (kids.empty() ? "" : " ") + ref(id);
    file.write(d.page_tree, "<</Type/Pages/Kids[" + kids + "]/Count " + std::to_string(d.pages.size()) + ">>");
    int outline = write_outline(file, scene, d.pages, d.heights);
    int tree = d.structure.write();

    const DocumentInfo about{scene.title, scene.description, scene.author, scene.language, creation_time(d.options)};
    file.write_plain(d.info, info_dictionary(about));  // readable without inflating
    const Claims claims{d.options.pdfa, d.options.ua};
    std::string claimed;  // what the catalog says of the standards met
    if (claims.pdfa || claims.ua) {
        int metadata = file.reserve();
        file.write_stream(metadata, "/Type/Metadata/Subtype/XML", xmp_packet(about, claims), false);
        claimed = "/Metadata " + ref(metadata);
    }
    if (claims.pdfa) claimed += "/OutputIntents[" + ref(write_output_intent(file)) + "]";

    std::string dict = "<</Type/Catalog/Pages " + ref(d.page_tree);
    if (outline) dict += "/Outlines " + ref(outline) + "/PageMode/UseOutlines";
    dict += claimed;
    if (!scene.language.empty()) dict += "/Lang" + text_string(scene.language);
    dict += "/StructTreeRoot " + ref(tree) + "/MarkInfo<</Marked true>>/ViewerPreferences<</DisplayDocTitle true>>>>";
    file.write(d.catalog, dict);
    return file.finish(d.catalog, d.info);
}

PdfOptions pdf_options(const std::vector<PdfStandard>& standards) {
    PdfOptions out;
    for (PdfStandard standard : standards) {
        if (standard == PdfStandard::a_2u) out.pdfa = 'U';
        if (standard == PdfStandard::a_2b && out.pdfa == 0) out.pdfa = 'B';
        if (standard == PdfStandard::ua_1) out.ua = true;
    }
    return out;
}

std::int64_t creation_time(const PdfOptions& options) {
    if (options.creation_time) return *options.creation_time;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long value = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && value >= 0) return value;
    }
    return 0;
}

std::string render_pdf(const Scene& scene, const PdfOptions& options) {
    if (scene.pages.empty()) throw std::runtime_error("nothing to draw");
    PdfDocument pdf(options);
    for (const Page& page : scene.pages) pdf.add_page(page);
    return pdf.finish(scene);
}

bool write_pdf(const Scene& scene, const PdfOptions& options, const std::function<bool(std::string_view)>& sink) {
    if (scene.pages.empty()) throw std::runtime_error("nothing to draw");
    PdfDocument pdf(options, sink);
    for (const Page& page : scene.pages) {
        pdf.add_page(page);
        if (!pdf.taken()) return false;
    }
    pdf.finish(scene);
    return pdf.taken();
}

}  // namespace tarikh
