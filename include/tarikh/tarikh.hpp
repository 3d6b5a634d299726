// tarikh, the library: `#include <tarikh/tarikh.hpp>`, link `tarikh::tarikh`.
//
//   tarikh::ParseResult parsed = tarikh::load_file("idlib.json");   // or load_string(text, name)
//   if (!parsed.timeline) { for (auto& d : parsed.diagnostics) print(tarikh::format_diagnostic(d)); }
//   tarikh::Renderer renderer;                                       // fonts: $TARIKH_FONT_DIR or the installed ones
//   tarikh::RenderOptions options;                                   // format, lang ("ar", "en+ar"), layout, page…
//   options.format = tarikh::Format::pdf;
//   tarikh::Rendered out = renderer.render(*parsed.timeline, options);
//   if (out.bytes) write(*out.bytes);                                // else out.diagnostics says why
//
// Problems come back as diagnostics (severity, file, line, column, JSON pointer, message,
// hints), never as exceptions. A Renderer holds a font database: make one per thread.
#pragma once

#include "api/tarikh.hpp"
#include "layout/layout_json.hpp"
