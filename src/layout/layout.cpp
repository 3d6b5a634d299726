#include "layout/layout.hpp"

namespace tarikh {

std::string_view box_kind_name(BoxKind kind) {
    switch (kind) {
        case BoxKind::title: return "title";
        case BoxKind::subtitle: return "subtitle";
        case BoxKind::legend: return "legend";
        case BoxKind::lane: return "lane";
        case BoxKind::lane_label: return "lane-label";
        case BoxKind::era: return "era";
        case BoxKind::era_label: return "era-label";
        case BoxKind::axis: return "axis";
        case BoxKind::tick: return "tick";
        case BoxKind::cut: return "cut";
        case BoxKind::cut_label: return "cut-label";
        case BoxKind::marker: return "marker";
        case BoxKind::label: return "label";
        case BoxKind::link: return "link";
        case BoxKind::entry: return "entry";
        case BoxKind::header: return "header";
        case BoxKind::footer: return "footer";
        case BoxKind::heading: return "heading";
        case BoxKind::day: return "day";
        case BoxKind::month: return "month";
    }
    return "?";
}

bool is_rtl_language(const std::string& lang) {
    std::string base = lang.substr(0, lang.find('-'));
    return base == "ar" || base == "fa" || base == "he" || base == "ur" || base == "ps" || base == "ckb";
}

}  // namespace tarikh
