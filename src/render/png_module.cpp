#include "render/png_module.hpp"

#include <tarikh/tarikh.hpp>

#include "core/module_loader.hpp"

namespace tarikh {
namespace {

Module<PngModule>& loader() {
    static Module<PngModule> png("tarikh-png.so", "tarikh_png_module", "PNG");
    return png;
}

}  // namespace

const PngModule& png_module() { return loader().table(); }

std::string png_module_path() { return loader().path(); }

}  // namespace tarikh
