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
    // Only a chart with a density band has bars: every other layout's JSON is as it was.
    if (!layout.bars.empty()) out["bars"] = nlohmann::ordered_json::array();
    for (const auto& b : layout.bars) {
        nlohmann::ordered_json bar{{"lane", b.lane}, {"period", b.period}, {"value", round2(b.value)},
                                   {"events", b.events}, {"fatalities", round2(b.fatalities)}, {"page", b.page}};
        bar["x"] = round2(b.box.x);
        bar["y"] = round2(b.box.y);
        bar["width"] = round2(b.box.width);
        bar["height"] = round2(b.box.height);
        out["bars"].push_back(std::move(bar));
    }
    return out.dump(1, '\t', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tarikh
