#include "render/html_writer.hpp"

#include <cctype>
#include <cstdio>
#include <set>
#include <sstream>
#include <stdexcept>

#include "render/markup.hpp"

namespace tarikh {
namespace {

std::string percent(double part, double whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f%%", whole > 0 ? 100 * part / whole : 0);
    return buf;
}

// `a` a `part` of the way to `b`: a card's frame, between the paper and the muted colour.
Color mix(const Color& a, const Color& b, double part) {
    auto one = [part](unsigned char x, unsigned char y) { return static_cast<unsigned char>(x + (y - x) * part + 0.5); };
    return {one(a.r, b.r), one(a.g, b.g), one(a.b, b.b), 255};
}

// The page in the theme's colours (a dark theme's page is dark around the chart and in its
// cards too). Cards open below their event and stay inside the chart's side they start from.
std::string style(const Scene& scene) {
    const std::string paper = hex_color(scene.paper), ink = hex_color(scene.ink), link = hex_color(scene.link);
    return "\nbody { background: " + paper + "; }\n"
           ".tk { margin: 0; font: 15px/1.45 \"Noto Sans\", \"Amiri\", sans-serif; color: " + ink + "; }\n"
           ".tk + .tk { margin-top: 24px; }\n"
           ".tk-chart { position: relative; }\n"
           ".tk-chart > svg { display: block; width: 100%; height: auto; }\n"
           ".tk-hot { position: absolute; outline: none; border-radius: 3px; }\n"
           ".tk-hot:hover, .tk-hot:focus { box-shadow: 0 0 0 2px " + link + "; }\n"
           ".tk-card { display: none; position: absolute; top: 100%; inset-inline-start: 0; z-index: 2; width: 24em;\n"
           "           max-width: 80vw; margin-top: 6px; padding: .7em .9em; background: " + paper + "; color: " + ink +
           "; border: 1px solid " + hex_color(mix(scene.paper, scene.muted, 0.4)) + ";\n"
           "           border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.18); font-size: 14px; }\n"
           ".tk-hot:hover .tk-card, .tk-hot:focus .tk-card, .tk-hot:focus-within .tk-card, .tk-hot:target .tk-card { display: block; }\n"
           ".tk-card h3 { margin: 0 0 .4em; font-size: 15px; }\n"
           ".tk-card p { margin: 0 0 .4em; white-space: pre-line; }\n"
           ".tk-card ul { margin: .3em 0 0; padding-inline-start: 1.2em; }\n"
           ".tk-card a { color: " + link + "; }\n";
}

// One page: its SVG inline, and over each event drawn on it a card that opens on hover or focus.
void write_page(std::ostringstream& out, const Scene& scene, size_t index, const std::string& svg,
                std::set<std::string>& ids) {
    const Page& page = scene.pages[index];
    out << "<figure class=\"tk\" style=\"max-width:" << page.width << "px\">\n<div class=\"tk-chart\">\n" << svg;
    for (const auto& note : scene.notes) {
        if (note.page != static_cast<int>(index) + 1) continue;
        // An id per event, so that a report can link straight to it (page.html#event-ID); an
        // event drawn on two pages takes it on the first.
        std::string id = "event-" + id_token(note.event_id);
        out << "<div class=\"tk-hot\"";
        if (ids.insert(id).second) out << " id=\"" << id << "\"";
        out << " tabindex=\"0\" aria-label=\"" << escape_markup(note.heading) << "\" style=\"left:"
            << percent(note.hot.x, page.width) << ";top:" << percent(note.hot.y, page.height)
            << ";width:" << percent(note.hot.width, page.width) << ";height:" << percent(note.hot.height, page.height)
            << "\"><div class=\"tk-card\" role=\"tooltip\"><h3>" << escape_markup(note.heading) << "</h3>";
        // A line may be in another language than the page's (a text the edition lacks): its own
        // first strong letter sets its direction, not the page's dir.
        for (const auto& line : note.lines) out << "<p dir=\"auto\">" << escape_markup(line) << "</p>";
        if (!note.links.empty()) {
            out << "<ul>";
            for (const auto& [name, url] : note.links) {
                out << "<li>";
                if (!url.empty()) out << "<a href=\"" << escape_markup(url) << "\" rel=\"noopener\">" << escape_markup(name) << "</a>";
                else out << escape_markup(name);
                out << "</li>";
            }
            out << "</ul>";
        }
        out << "</div></div>\n";
    }
    out << "</div>\n</figure>\n";
}

}  // namespace

std::string render_html(const Scene& scene, const std::vector<std::string>& svg_pages) {
    if (svg_pages.size() != scene.pages.size())
        throw std::invalid_argument("render_html: " + std::to_string(svg_pages.size()) + " SVG pages for " +
                                    std::to_string(scene.pages.size()) + " pages");
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << escape_markup(scene.language) << "\" dir=\"" << (scene.rtl ? "rtl" : "ltr")
        << "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << escape_markup(scene.title) << "</title>\n<style>" << style(scene) << "</style>\n</head>\n<body>\n";
    std::set<std::string> ids;
    for (size_t index = 0; index < scene.pages.size(); ++index) write_page(out, scene, index, svg_pages[index], ids);
    out << "</body>\n</html>\n";
    return out.str();
}

}  // namespace tarikh
