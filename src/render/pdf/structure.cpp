#include "render/pdf/structure.hpp"

#include <algorithm>

namespace tarikh::pdf {
namespace {

std::string ref(int id) {
    std::string s;
    append_integer(s, id);
    return s + " 0 R";
}

const char* type_of(Role role) {
    switch (role) {
        case Role::document: return "Document";
        case Role::section: return "Sect";
        case Role::heading: return "H";
        case Role::paragraph: return "P";
        case Role::quote: return "BlockQuote";
        case Role::list: return "L";
        case Role::list_item: return "LI";
        case Role::figure: return "Figure";
        case Role::caption: return "Caption";
        case Role::none:
        case Role::artifact: break;
    }
    return "Div";
}

}  // namespace

Structure::Structure(File& file) : file_(file), root_object_(file.reserve()) { add(-1, "Document"); }

int Structure::add(int parent, std::string type) {
    Element e;
    e.type = std::move(type);
    e.parent = parent;
    e.object = file_.reserve();
    elements_.push_back(std::move(e));
    int id = static_cast<int>(elements_.size()) - 1;
    if (parent >= 0) elements_[static_cast<size_t>(parent)].kids.push_back({id, 0, -1, 0});
    return id;
}

int Structure::open(int parent, const Group& group) {
    // The scene's document is the tree's Document (a booklet's parts would each be one).
    if (group.role == Role::document && parent == kRoot && (elements_[kRoot].kids.empty() || group.continued)) {
        if (!group.lang.empty() && !group.continued) elements_[kRoot].lang = group.lang;
        return kRoot;
    }
    std::string type = type_of(group.role);
    if (group.role == Role::heading) type = "H" + std::to_string(std::clamp(group.level, 1, 6));
    // A group a page break cut goes on in the element it began: the last of its type and
    // language under the same parent (itself joined the same way).
    if (group.continued)
        for (auto kid = elements_[static_cast<size_t>(parent)].kids.rbegin(); kid != elements_[static_cast<size_t>(parent)].kids.rend(); ++kid) {
            if (kid->element < 0) continue;
            const Element& cut = elements_[static_cast<size_t>(kid->element)];
            if (cut.type != type || cut.lang != group.lang) continue;
            return type == "LI" && !cut.kids.empty() ? cut.kids.back().element : kid->element;
        }
    int id = add(parent, type);
    Element& e = elements_[static_cast<size_t>(id)];
    e.lang = group.lang;
    e.alt = group.alt;
    if (group.role == Role::list_item) return add(id, "LBody");
    return id;
}

int Structure::open_link(int parent, const std::string& url) {
    int id = add(parent, "Link");
    elements_[static_cast<size_t>(id)].alt = url;
    return id;
}

int Structure::begin_page(int page_object) {
    page_ = page_object;
    parents_.emplace_back();
    is_page_.push_back(true);
    return static_cast<int>(parents_.size()) - 1;
}

int Structure::mark(int element) {
    auto& page = parents_.back();
    int mcid = static_cast<int>(page.size());
    page.push_back(element);
    elements_[static_cast<size_t>(element)].kids.push_back({-1, page_, mcid, 0});
    return mcid;
}

int Structure::annotation(int element, int annotation_object) {
    elements_[static_cast<size_t>(element)].kids.push_back({-1, page_, -1, annotation_object});
    parents_.push_back({element});
    is_page_.push_back(false);
    return static_cast<int>(parents_.size()) - 1;
}

int Structure::write() {
    for (const Element& e : elements_) {
        std::string dict = "<</Type/StructElem/S/" + e.type + "/P " +
                           ref(e.parent >= 0 ? elements_[static_cast<size_t>(e.parent)].object : root_object_);
        if (!e.lang.empty()) dict += "/Lang" + text_string(e.lang);
        if (!e.alt.empty()) dict += (e.type == "Link" ? "/Contents" : "/Alt") + text_string(e.alt);
        dict += "/K[";
        for (const Kid& k : e.kids) {
            if (k.element >= 0) {
                dict += ref(elements_[static_cast<size_t>(k.element)].object) + ' ';
            } else if (k.object) {
                dict += "<</Type/OBJR/Pg " + ref(k.page) + "/Obj " + ref(k.object) + ">> ";
            } else {
                dict += "<</Type/MCR/Pg " + ref(k.page) + "/MCID ";
                append_integer(dict, k.mcid);
                dict += ">> ";
            }
        }
        if (dict.back() == ' ') dict.pop_back();
        file_.write(e.object, dict + "]>>");
    }
    std::string nums;
    for (size_t key = 0; key < parents_.size(); ++key) {
        append_integer(nums, static_cast<long long>(key));
        if (is_page_[key]) {
            nums += " [";
            for (int element : parents_[key]) nums += ref(elements_[static_cast<size_t>(element)].object) + ' ';
            if (nums.back() == ' ') nums.pop_back();
            nums += "] ";
        } else {
            nums += ' ' + ref(elements_[static_cast<size_t>(parents_[key].front())].object) + ' ';
        }
    }
    int parent_tree = file_.reserve();
    file_.write(parent_tree, "<</Nums[" + nums + "]>>");
    file_.write(root_object_, "<</Type/StructTreeRoot/K " + ref(elements_[kRoot].object) + "/ParentTree " +
                                  ref(parent_tree) + "/ParentTreeNextKey " + std::to_string(parents_.size()) + ">>");
    return root_object_;
}

}  // namespace tarikh::pdf
