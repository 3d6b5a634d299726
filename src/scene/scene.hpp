// The scene: a display list per page, in px with the origin at the top left. Layout
// writes it, backends draw it; it depends on nothing but core.
#pragma once
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.hpp"

namespace tarikh {

// A font file on disk; backends load it themselves. The runs of one font share one record (a
// large chart has a million runs): a copy is a pointer's, not a path's.
class FontRef {
public:
    FontRef() = default;
    explicit FontRef(std::string file, int index = 0) : face_(std::make_shared<const Face>(Face{std::move(file), index})) {}
    const std::string& file() const {
        static const std::string none;
        return face_ ? face_->file : none;
    }
    int index() const { return face_ ? face_->index : 0; }
    bool operator==(const FontRef& other) const {
        return face_ == other.face_ || (file() == other.file() && index() == other.index());
    }

private:
    struct Face {
        std::string file;
        int index = 0;
    };
    std::shared_ptr<const Face> face_;
};

// The two integers side by side: 24 bytes, not 32 with padding (a large chart holds millions).
struct Glyph {
    std::uint32_t id = 0;
    std::uint32_t cluster = 0;   // byte offset of its characters in the run's text
    double x = 0, y = 0;         // pen position of the glyph origin, relative to the run origin
};

// Shaped glyphs of one font, ready to draw: no backend shapes or measures.
struct GlyphRun {
    FontRef font;
    double size = 0;   // px per em
    bool rtl = false;  // glyphs are in visual order; clusters run backwards when rtl
    std::string text;  // the characters the glyphs came from, for text extraction
    std::vector<Glyph> glyphs;
    // Where its characters sit, for a text layer over the outlines (SVG): byte offset of `text`
    // in the shaped block (runs sorted by it read in logical order, across lines too), and the
    // run's logical extent along its line, px from the item's origin.
    std::size_t offset = 0;
    double x = 0, width = 0;
};

struct Stroke {
    Color color;
    double width = 1;
    std::vector<double> dash;  // empty: solid
};

struct RectItem {
    Box box;
    std::optional<Color> fill;
    std::optional<Stroke> stroke;
    double radius = 0;
};

struct LineItem {
    std::vector<Point> points;  // a polyline
    Stroke stroke;
    bool arrow_end = false;     // an arrowhead at the last point
};

// A marker's outline: lanes told apart by shape when colour cannot tell them (a print).
enum class MarkerShape { circle, square, triangle, diamond };

// A circle, or a marker of another shape that fits it (same centre, same size).
struct CircleItem {
    Point center;
    double radius = 0;
    std::optional<Color> fill;
    std::optional<Stroke> stroke;
    MarkerShape shape = MarkerShape::circle;
};

// The corners of a marker that is not a circle, to be joined in order and closed: each shape
// about as heavy as the circle it stands for.
inline std::vector<Point> marker_corners(const CircleItem& c) {
    const double r = c.radius, x = c.center.x, y = c.center.y;
    switch (c.shape) {
        case MarkerShape::square: return {{x - 0.89 * r, y - 0.89 * r}, {x + 0.89 * r, y - 0.89 * r},
                                          {x + 0.89 * r, y + 0.89 * r}, {x - 0.89 * r, y + 0.89 * r}};
        case MarkerShape::triangle: return {{x, y - 1.3 * r}, {x + 1.13 * r, y + 0.65 * r}, {x - 1.13 * r, y + 0.65 * r}};
        case MarkerShape::diamond: return {{x, y - 1.25 * r}, {x + 1.25 * r, y}, {x, y + 1.25 * r}, {x - 1.25 * r, y}};
        case MarkerShape::circle: break;
    }
    return {};
}

struct TextItem {
    Point origin;  // where run glyph positions are measured from
    Color color;
    std::vector<GlyphRun> runs;
    std::string lang{};  // its language, when not the scene's (a bilingual chronicle's second column)
};

// What a group is in the document's structure, for readers who do not see the page (a tagged
// PDF's structure tree; roles in SVG). PDF-neutral names; a backend maps them to its own.
enum class Role {
    none,       // no element of its own: its items belong to the element around it
    artifact,   // page furniture: running heads, page numbers, rules, grid lines; not read aloud
    document,   // the whole story (a booklet holds one per part)
    section,    // an era, an event, a period: a heading and what follows it
    heading,    // with Group::level, 1 (the title) to 6
    paragraph,  // body text, a date line, a place, a figure's line
    quote,      // a quotation, with its speaker
    list,       // sources, a legend
    list_item,
    figure,     // a drawing (a chart): read as Group::alt, which names its events in order
    caption,    // the words that go with a figure
};

// A value kept on the heap, copied with it (as C++26's std::indirect): a variant is as large as
// its largest alternative, and a Group (232 bytes) would make every rect and line of a large
// chart that large. It reads as the value it holds: a visitor's `const Group&` overload takes it
// as it is (a catch-all template overload would take it first). Moved from, it holds nothing
// (as std::indirect): it may be assigned to or destroyed, and reading it is a bug.
template <class T>
class Indirect {
public:
    Indirect() : value_(std::make_unique<T>()) {}
    Indirect(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: an Item is made from a Group
    Indirect(const Indirect& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    Indirect(Indirect&&) noexcept = default;
    Indirect& operator=(const Indirect& other) {
        if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
        return *this;
    }
    Indirect& operator=(Indirect&&) noexcept = default;
    ~Indirect() = default;

    bool valueless_after_move() const noexcept { return !value_; }
    operator const T&() const { return **this; }  // NOLINT: read as the value
    operator T&() { return **this; }              // NOLINT
    const T& operator*() const {
        assert(value_);
        return *value_;
    }
    T& operator*() {
        assert(value_);
        return *value_;
    }
    const T* operator->() const { return &**this; }
    T* operator->() { return &**this; }

private:
    std::unique_ptr<T> value_;
};

struct Group;
using Item = std::variant<RectItem, LineItem, CircleItem, TextItem, Indirect<Group>>;

// The group `item` is, or null: what std::get_if<Group> was before groups went out of line.
inline const Group* as_group(const Item& item);
inline Group* as_group(Item& item);

// A group carries meaning: which event it draws, where it links, what it says aloud; and
// it can show its items moved, scaled and clipped (a chart printed across pages).
struct Group {
    std::string event_id;
    std::string url;  // a link target (http, https or mailto only)
    std::string alt;  // the group's text alternative
    Role role = Role::none;
    int level = 0;     // a heading's level, 1 to 6
    std::string lang;  // the language of its text, when not the scene's (BCP 47)
    // A page break cut this element: it goes on from the last group of the same role, depth and
    // lang on the previous page (an event, a paragraph read on across pages is one element).
    bool continued = false;
    std::vector<Item> items;
    Point offset;              // items are drawn at offset + scale × their own position
    double scale = 1;
    std::optional<Box> clip;   // in page coordinates
};

inline const Group* as_group(const Item& item) {
    const auto* g = std::get_if<Indirect<Group>>(&item);
    return g ? &**g : nullptr;
}
inline Group* as_group(Item& item) {
    auto* g = std::get_if<Indirect<Group>>(&item);
    return g ? &**g : nullptr;
}

// `items` shown moved, scaled and clipped (a printed page showing part of a larger drawing).
inline Group shown_as(std::vector<Item> items, Point offset, double scale, std::optional<Box> clip) {
    Group g;
    g.items = std::move(items);
    g.offset = offset;
    g.scale = scale;
    g.clip = clip;
    return g;
}

struct Page {
    double width = 0, height = 0;
    std::vector<Item> items;
};

// A bookmark: where it lands, and under which other bookmark (-1: top level).
struct OutlineEntry {
    std::string title;
    int page = 1;
    Point at;
    int parent = -1;  // index of an earlier entry
};

// What an event says in full, for a page that shows it on hover and focus (HTML).
struct EventNote {
    std::string event_id;
    int page = 1;
    Box hot;                                // where on the page the event is drawn
    std::string heading;                    // date — title
    std::vector<std::string> lines;         // place, text, figures, quotes
    std::vector<std::pair<std::string, std::string>> links;  // name, URL
};

struct Scene {
    std::string title, description, language, author;
    bool rtl = false;
    // The theme's colours, for what a backend puts around the pages (an HTML page and its cards).
    Color paper{255, 255, 255}, ink{33, 37, 41}, muted{96, 100, 106}, link{31, 84, 150};
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<EventNote> notes;
};

}  // namespace tarikh
