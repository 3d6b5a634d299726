#include "render/qpdf_module.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace tarikh {
namespace {

constexpr const char* kModuleFile = "tarikh-qpdf.so";

// $TARIKH_MODULE_DIR, the build tree's copy, lib/tarikh beside the running program's bin/,
// then the installed one.
std::vector<std::string> candidates() {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    if (const char* dir = std::getenv("TARIKH_MODULE_DIR"); dir && *dir) out.push_back(fs::path(dir) / kModuleFile);
    out.push_back(TARIKH_BUILD_QPDF_MODULE);
    std::error_code ec;
    fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) out.push_back(program.parent_path().parent_path() / "lib" / "tarikh" / kModuleFile);
    out.push_back(fs::path(TARIKH_INSTALLED_MODULE_DIR) / kModuleFile);
    return out;
}

const QpdfModule* load() {
    std::string tried;
    for (const auto& path : candidates()) {
        if (!std::filesystem::exists(path)) {
            tried += "\n  " + path + " (absent)";
            continue;
        }
        void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);  // never closed: its code is in use
        if (!handle) {
            tried += "\n  " + path + " (" + dlerror() + ")";
            continue;
        }
        using Entry = const QpdfModule* (*)();
        if (auto entry = reinterpret_cast<Entry>(dlsym(handle, "tarikh_qpdf_module"))) return entry();
        tried += "\n  " + path + " (no entry point)";
    }
    throw std::runtime_error("cannot load tarikh's PDF module " + std::string(kModuleFile) + "; tried:" + tried);
}

}  // namespace

const QpdfModule& qpdf_module() {
    static std::mutex mutex;
    static const QpdfModule* module = nullptr;
    std::lock_guard lock(mutex);  // a failed load is tried again by the next caller
    if (!module) module = load();
    return *module;
}

std::string combine_pdfs(const std::vector<BookletPart>& parts, const std::string& title) {
    return qpdf_module().combine_pdfs(parts, title);
}

}  // namespace tarikh
