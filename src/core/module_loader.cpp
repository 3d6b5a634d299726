#include "core/module_loader.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <stdexcept>

namespace tarikh {

void* open_module(const std::string& path, const char* entry, const char* what) {
    std::string why = "absent";
    if (std::filesystem::exists(path)) {
        void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);  // never closed: its code is in use
        if (void* function = handle ? dlsym(handle, entry) : nullptr) return function;
        why = handle ? "no entry point" : dlerror();
    }
    throw std::runtime_error(std::string("cannot load tarikh's ") + what + " module " + path + " (" + why + ")");
}

}  // namespace tarikh
