// tarikh's modules: the parts that link a large library of their own (qpdf for booklets, cairo
// for PNG), built as shared objects and loaded on first use, so that a render that needs
// neither never maps them (module_path says where they are found).
#pragma once
#include <mutex>
#include <string>

#include "core/install_dirs.hpp"

namespace tarikh {

// The extern "C" function `entry` of the module at `path`, opened for good; throws
// std::runtime_error "cannot load tarikh's WHAT module PATH (why)".
void* open_module(const std::string& path, const char* entry, const char* what);

// One module: its file, the function in it that returns its table of functions (a Table), and
// what it is for in the error ("PDF", "PNG").
template <class Table>
class Module {
public:
    Module(const char* file, const char* entry, const char* what) : file_(file), entry_(entry), what_(what) {}
    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;

    // Loaded once (thread-safe); throws as open_module does. A failed load is tried again by the
    // next caller.
    const Table& table() {
        std::lock_guard lock(mutex_);
        if (!table_) {
            std::string path = module_path(file_);
            table_ = reinterpret_cast<const Table* (*)()>(open_module(path, entry_, what_))();
            path_ = std::move(path);
        }
        return *table_;
    }
    // Where it was loaded from; empty before.
    std::string path() {
        std::lock_guard lock(mutex_);
        return path_;
    }

private:
    const char* file_;
    const char* entry_;
    const char* what_;
    std::mutex mutex_;
    const Table* table_ = nullptr;  // guarded by mutex_, as is path_
    std::string path_;
};

}  // namespace tarikh
