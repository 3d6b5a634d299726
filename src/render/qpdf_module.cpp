#include "render/qpdf_module.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "core/install_dirs.hpp"
#include "render/pdf_booklet.hpp"
#include "render/pdf_writer.hpp"

namespace tarikh {
namespace {

constexpr const char* kModuleFile = "tarikh-qpdf.so";

std::mutex g_mutex;
std::string g_loaded_from;  // guarded by g_mutex

const QpdfModule* load() {
    std::string path = module_path(kModuleFile);
    std::string why = "absent";
    if (std::filesystem::exists(path)) {
        void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);  // never closed: its code is in use
        using Entry = const QpdfModule* (*)();
        auto entry = handle ? reinterpret_cast<Entry>(dlsym(handle, "tarikh_qpdf_module")) : nullptr;
        if (entry) {
            g_loaded_from = path;
            return entry();
        }
        why = handle ? "no entry point" : dlerror();
    }
    throw std::runtime_error("cannot load tarikh's PDF module " + path + " (" + why + ")");
}

}  // namespace

const QpdfModule& qpdf_module() {
    static const QpdfModule* module = nullptr;
    std::lock_guard lock(g_mutex);  // a failed load is tried again by the next caller
    if (!module) module = load();
    return *module;
}

std::string qpdf_module_path() {
    std::lock_guard lock(g_mutex);
    return g_loaded_from;
}

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
