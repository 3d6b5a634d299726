#include "render/pdf_writer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include "render/cairo_painter.hpp"
#include "render/qpdf_module.hpp"

namespace tarikh {
namespace {

constexpr double kPointsPerPx = 72.0 / 96.0;

std::int64_t creation_time(const PdfOptions& options) {
    if (options.creation_time) return *options.creation_time;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long value = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && value >= 0) return value;
    }
    return 0;
}

std::string iso_date(std::int64_t seconds) {
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The scene's outline as PDF bookmarks, nested as the scene says.
void add_outline(cairo_surface_t* surface, const std::vector<OutlineEntry>& outline) {
    std::vector<int> ids;
    for (const auto& entry : outline) {
        char destination[96];
        std::snprintf(destination, sizeof destination, "page=%d pos=[%.2f %.2f]", entry.page,
                      entry.at.x * kPointsPerPx, entry.at.y * kPointsPerPx);
        int parent = entry.parent >= 0 && entry.parent < static_cast<int>(ids.size()) ? ids[entry.parent]
                                                                                    : CAIRO_PDF_OUTLINE_ROOT;
        ids.push_back(cairo_pdf_surface_add_outline(surface, parent, entry.title.c_str(), destination,
                                                    cairo_pdf_outline_flags_t(0)));
    }
}

}  // namespace

std::string render_pdf(const Scene& scene, const PdfOptions& options) {
    if (scene.pages.empty()) throw std::runtime_error("nothing to draw");
    std::string bytes;
    const Page& first = scene.pages.front();
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, first.width * kPointsPerPx,
                                                                   first.height * kPointsPerPx);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, scene.description.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, scene.author.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "tarikh " TARIKH_VERSION);
    std::string date = iso_date(creation_time(options));
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    {
        CairoFonts fonts;
        cairo_t* cr = cairo_create(surface);
        for (const Page& page : scene.pages) {
            cairo_pdf_surface_set_size(surface, page.width * kPointsPerPx, page.height * kPointsPerPx);
            cairo_save(cr);
            cairo_scale(cr, kPointsPerPx, kPointsPerPx);
            paint_page(cr, page, fonts, PaintOptions{true});
            cairo_restore(cr);
            cairo_show_page(cr);
        }
        add_outline(surface, scene.outline);
        cairo_status_t status = cairo_status(cr);
        cairo_destroy(cr);
        cairo_surface_finish(surface);
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
        cairo_surface_destroy(surface);
        if (status != CAIRO_STATUS_SUCCESS)
            throw std::runtime_error(std::string("cairo cannot write the PDF: ") + cairo_status_to_string(status));
    }
    return qpdf_module().finish_pdf(bytes, scene.language);
}

}  // namespace tarikh
