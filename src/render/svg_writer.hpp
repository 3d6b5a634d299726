// SVG for embedding (DESIGN §4): self-contained, glyphs as outlines with the words over them as
// transparent text, ids prefixed per document.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include <tarikh/options.hpp>

#include "render/glyph_outlines.hpp"
#include "scene/scene.hpp"

namespace tarikh {

// How the document states its size, and whether it carries its words as text.
struct SvgOptions {
    LengthUnit unit = LengthUnit::px;  // of width and height
    bool responsive = false;  // width="100%" and no height: the viewBox scales to fill any column
    bool real_text = true;    // transparent <text> over the outlines, for find, copy and screen readers
    GlyphOutlines* outlines = nullptr;  // shared by the documents of one thread (a Renderer's); else the document's own
};

// One page of the scene as an SVG document. The id prefix is a hash of the content, so the
// same scene always gives the same bytes and two different scenes never share an id.
std::string render_svg(const Scene& scene, size_t page_index = 0, const SvgOptions& options = {});

// Takes a document's bytes a piece at a time, in order; false: stop (a write failed).
using SvgSink = std::function<bool(std::string_view)>;
// The same document handed to `sink` as it is drawn, never held whole; false when the sink
// refused a piece.
bool write_svg(const Scene& scene, size_t page_index, const SvgOptions& options, const SvgSink& sink);

}  // namespace tarikh
