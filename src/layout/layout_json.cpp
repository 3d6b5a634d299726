#include "layout/layout_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace tarikh {
namespace {

double round2(double v) { return std::round(v * 100) / 100; }

}  // namespace

std::string layout_json(const Layout& layout) {
    nlohmann::ordered_json out;
    out["pages"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < layout.scene.pages.size(); ++i) {
        const Page& page = layout.scene.pages[i];
        out["pages"].push_back({{"page", i + 1}, {"width", round2(page.width)}, {"height", round2(page.height)}});
    }
    out["boxes"] = nlohmann::ordered_json::array();
    for (const auto& b : layout.boxes) {
        nlohmann::ordered_json box{{"kind", box_kind_name(b.kind)}};
        if (!b.event.empty()) box["event"] = b.event;
        box["page"] = b.page;
        box["x"] = round2(b.box.x);
        box["y"] = round2(b.box.y);
        box["width"] = round2(b.box.width);
        box["height"] = round2(b.box.height);
        out["boxes"].push_back(std::move(box));
    }
    return out.dump(1, '\t', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tarikh
