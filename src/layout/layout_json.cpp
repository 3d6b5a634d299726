#include "layout/layout_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace tarikh {
namespace {

double round2(double v) { return std::round(v * 100) / 100; }

// An array of the document's top level, in the text that dumping the whole document (a tab per
// level) gives, made one element at a time: a 100,000-event chart's 300,000 boxes as one JSON
// tree held ~150 MB for a file of 27 MB.
class Array {
public:
    Array(std::string& out, const char* key) : out_(out) { out_ += std::string("\t\"") + key + "\": ["; }
    ~Array() { out_ += empty_ ? "]" : "\n\t]"; }

    void add(const nlohmann::ordered_json& element) {
        out_ += empty_ ? "\n\t\t" : ",\n\t\t";
        empty_ = false;
        // A dumped string holds no raw line break (it is escaped), so every one starts a line.
        for (char c : element.dump(1, '\t', false, nlohmann::json::error_handler_t::replace)) {
            out_ += c;
            if (c == '\n') out_ += "\t\t";
        }
    }

private:
    std::string& out_;
    bool empty_ = true;
};

}  // namespace

std::string layout_json(const Layout& layout) {
    std::string out = "{\n";
    {
        Array pages(out, "pages");
        for (size_t i = 0; i < layout.scene.pages.size(); ++i) {
            const Page& page = layout.scene.pages[i];
            pages.add({{"page", i + 1}, {"width", round2(page.width)}, {"height", round2(page.height)}});
        }
    }
    out += ",\n";
    {
        Array boxes(out, "boxes");
        for (const auto& b : layout.boxes) {
            nlohmann::ordered_json box{{"kind", box_kind_name(b.kind)}};
            if (!b.event.empty()) box["event"] = b.event;
            box["page"] = b.page;
            box["x"] = round2(b.box.x);
            box["y"] = round2(b.box.y);
            box["width"] = round2(b.box.width);
            box["height"] = round2(b.box.height);
            boxes.add(box);
        }
    }
    // Only a chart with a density band has bars: every other layout's JSON is as it was.
    if (!layout.bars.empty()) {
        out += ",\n";
        Array bars(out, "bars");
        for (const auto& b : layout.bars) {
            nlohmann::ordered_json bar{{"lane", b.lane}, {"period", b.period}, {"value", round2(b.value)},
                                       {"events", b.events}, {"fatalities", round2(b.fatalities)}, {"page", b.page}};
            bar["x"] = round2(b.box.x);
            bar["y"] = round2(b.box.y);
            bar["width"] = round2(b.box.width);
            bar["height"] = round2(b.box.height);
            bars.add(bar);
        }
    }
    return out + "\n}\n";
}

}  // namespace tarikh
