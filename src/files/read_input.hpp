// Reading an input's bytes, bounded whatever the file is (docs/security.md): one reader for
// render, validate, batch and import, for files and for stdin.
#pragma once
#include <string>
#include <variant>

#include "core/diagnostic.hpp"

namespace tarikh {

// The bytes of `path` ("-": stdin), at most `max_bytes` of them. A directory, a FIFO, a device
// or a socket is refused without being read (a FIFO would block, /dev/zero never ends):
// streams are read only through "-". Too large, unreadable or refused: an error naming `path`.
std::variant<std::string, Diagnostic> read_input(const std::string& path, size_t max_bytes);

}  // namespace tarikh
