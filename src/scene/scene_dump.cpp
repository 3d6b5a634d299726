#include "scene/scene_dump.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace tarikh {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
    return buf;
}

std::string hex(const Color& c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
    return buf;
}

std::string box(const Box& b) { return num(b.x) + " " + num(b.y) + " " + num(b.width) + " " + num(b.height); }

class Dumper {
public:
    std::ostringstream out;
    int depth = 0;

    void item(const Item& i) { std::visit([this](const auto& v) { line(v); }, i); }

private:
    std::string indent() const { return std::string(depth * 2, ' '); }
    static std::string paint(const std::optional<Color>& fill, const std::optional<Stroke>& stroke) {
        std::string s = " fill=" + (fill ? hex(*fill) : std::string("none"));
        if (stroke) s += " stroke=" + hex(stroke->color) + "/" + num(stroke->width) + (stroke->dash.empty() ? "" : "/dashed");
        return s;
    }
    void line(const RectItem& r) { out << indent() << "rect " << box(r.box) << paint(r.fill, r.stroke) << "\n"; }
    void line(const CircleItem& c) {
        out << indent() << "circle " << num(c.center.x) << " " << num(c.center.y) << " r=" << num(c.radius)
            << paint(c.fill, c.stroke) << shape(c.shape) << "\n";
    }
    static const char* role_name(Role r) {
        static constexpr const char* kNames[] = {"none",  "artifact", "document", "section", "heading",  "paragraph",
                                                 "quote", "list",     "list_item", "figure", "caption"};
        return kNames[static_cast<int>(r)];
    }
    static std::string shape(MarkerShape s) {
        static constexpr const char* kNames[] = {"", " square", " triangle", " diamond"};
        return kNames[static_cast<int>(s)];
    }
    void line(const LineItem& l) {
        out << indent() << "line";
        if (!l.points.empty())
            out << " " << num(l.points.front().x) << " " << num(l.points.front().y) << " → " << num(l.points.back().x)
                << " " << num(l.points.back().y) << " (" << l.points.size() << " points)";
        out << paint(std::nullopt, l.stroke) << (l.arrow_end ? " arrow" : "") << "\n";
    }
    void line(const TextItem& t) {
        for (const auto& run : t.runs) {
            out << indent() << "text " << num(t.origin.x + (run.glyphs.empty() ? 0 : run.glyphs.front().x)) << " "
                << num(t.origin.y + (run.glyphs.empty() ? 0 : run.glyphs.front().y)) << " size=" << num(run.size)
                << (run.rtl ? " rtl" : "") << (t.lang.empty() ? "" : " lang=" + t.lang) << " glyphs=" << run.glyphs.size() << " \"" << run.text << "\"\n";
        }
    }
    void line(const Group& g) {
        // A structure group says what it is first; a plain group keeps its old line.
        if (g.role != Role::none) {
            out << indent() << role_name(g.role) << (g.level != 0 ? " level=" + std::to_string(g.level) : "")
                << (g.lang.empty() ? "" : " lang=" + g.lang) << (g.continued ? " continued" : "")
                << (g.event_id.empty() ? "" : " event=" + g.event_id) << (g.url.empty() ? "" : " url=" + g.url)
                << (g.alt.empty() ? "" : " alt=\"" + g.alt + "\"");
        } else {
            out << indent() << "group event=" << g.event_id << (g.url.empty() ? "" : " url=" + g.url) << " alt=\"" << g.alt
                << "\"";
        }
        if (g.scale != 1 || g.offset.x != 0 || g.offset.y != 0)
            out << " offset=" << num(g.offset.x) << "," << num(g.offset.y) << " scale=" << num(g.scale);
        if (g.clip) out << " clip=" << box(*g.clip);
        out << "\n";
        ++depth;
        for (const auto& child : g.items) item(child);
        --depth;
    }
};

}  // namespace

std::string dump_scene(const Scene& scene) {
    Dumper d;
    d.out << "scene lang=" << scene.language << (scene.rtl ? " rtl" : "") << " title=\"" << scene.title << "\"\n";
    for (size_t i = 0; i < scene.pages.size(); ++i) {
        const Page& page = scene.pages[i];
        d.out << "page " << i + 1 << " " << num(page.width) << " × " << num(page.height) << "\n";
        d.depth = 1;
        for (const auto& item : page.items) d.item(item);
    }
    return d.out.str();
}

}  // namespace tarikh
