#include "layout/calendar_print.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "layout/contrast.hpp"
#include "layout/edition.hpp"
#include "layout/print_cut.hpp"
#include "layout/structure.hpp"

namespace tarikh {
namespace {

// A band of the one-page calendar that goes onto a page whole: the header, a month's heading
// with what is listed under it and its weekday names, or one week of its grid.
struct Piece {
    double top = 0, bottom = 0;  // source y
    bool starts_group = false;   // a month (or a year's list) begins: kept with its weeks
    std::vector<Item> items;
    int page = 0;
    double y = 0;                // page y of its top
};

Box unite(const Box& a, const Box& b) {
    if (a.width == 0 && a.height == 0) return b;
    double x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

double top_of(const Item& item) {
    struct Top {
        double operator()(const RectItem& r) const { return r.box.y; }
        double operator()(const TextItem& t) const { return t.origin.y; }
        double operator()(const CircleItem& c) const { return c.center.y - c.radius; }
        double operator()(const LineItem& l) const {
            double y = HUGE_VAL;
            for (const auto& p : l.points) y = std::min(y, p.y);
            return y;
        }
        double operator()(const Group& g) const {
            double y = HUGE_VAL;
            for (const auto& i : g.items) y = std::min(y, top_of(i) * g.scale + g.offset.y);
            return y;
        }
    };
    return std::visit(Top{}, item);
}

void add_to_piece(const Item& item, std::vector<Piece>& pieces);

// The pieces, cut where no text crosses: above each heading and each week of a grid.
std::vector<Piece> cut_pieces(const Layout& calendar, Box& content) {
    content = {};
    std::set<double> group_starts, week_starts;
    for (const auto& b : calendar.boxes) {
        content = unite(content, b.box);
        if (b.kind == BoxKind::heading) group_starts.insert(b.box.y);
        if (b.kind == BoxKind::day) week_starts.insert(b.box.y);
    }
    std::vector<Piece> pieces;
    pieces.push_back({content.y, content.y, true, {}});  // the title and subtitle
    std::set<double> cuts = group_starts;
    cuts.insert(week_starts.begin(), week_starts.end());
    for (double y : cuts) {
        if (y <= content.y) continue;
        pieces.back().bottom = y;
        pieces.push_back({y, y, group_starts.count(y) > 0, {}});
    }
    pieces.back().bottom = content.bottom();
    const auto& items = calendar.scene.pages.at(0).items;
    for (size_t i = 1; i < items.size(); ++i) add_to_piece(items[i], pieces);  // the first is the paper
    return pieces;
}

// The piece `item` begins in; the document and its figure opened up (each page is read as
// the calendar's figure, read_as_figure).
void add_to_piece(const Item& item, std::vector<Piece>& pieces) {
    if (const auto* g = as_group(item); g && (g->role == Role::document || g->role == Role::figure)) {
        for (const auto& inner : g->items) add_to_piece(inner, pieces);
        return;
    }
    double y = top_of(item);
    auto it = std::upper_bound(pieces.begin(), pieces.end(), y, [](double v, const Piece& p) { return v < p.top; });
    Piece& piece = it == pieces.begin() ? pieces.front() : *std::prev(it);
    piece.items.push_back(item);
}

// The pieces onto pages from `top` to `bottom`, at `scale`: a group moves on whole when it
// fits on an empty page. Returns the number of pages.
int flow(std::vector<Piece>& pieces, double top, double bottom, double scale) {
    int page = 1;
    double y = top;
    for (size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].starts_group) {
            double group = 0;
            for (size_t j = i; j < pieces.size() && (j == i || !pieces[j].starts_group); ++j)
                group += (pieces[j].bottom - pieces[j].top) * scale;
            if (y > top && y + group > bottom && group <= bottom - top) {
                ++page;
                y = top;
            }
        }
        double h = (pieces[i].bottom - pieces[i].top) * scale;
        if (y > top && y + h > bottom) {
            ++page;
            y = top;
        }
        pieces[i].page = page;
        pieces[i].y = y;
        y += h;
    }
    return page;
}

}  // namespace

double calendar_print_width(const PageSetup& page, const Theme& theme) {
    return page.width - 2 * page.margin + 2 * theme.margin;
}

Layout print_calendar(Layout calendar, const CalendarPrintOptions& options, Shaper& shaper) {
    const PageSetup& p = options.page;
    const Theme& theme = options.theme;
    const Box area{p.margin, p.margin, p.width - 2 * p.margin, p.height - 2 * p.margin - theme.print.footer_height};
    Box content;
    std::vector<Piece> pieces = cut_pieces(calendar, content);
    // As wide as the paper at most, and no piece (a week of a very busy month) taller than a page.
    double tallest = 1;
    for (const auto& piece : pieces) tallest = std::max(tallest, piece.bottom - piece.top);
    // (A calendar laid out for the paper fills its width exactly: rounding leaves it at 1.)
    const double scale = std::min({1.0, (area.width + 0.01) / std::max(content.width, 1.0), area.height / tallest});
    const double left = area.x + (area.width - content.width * scale) / 2;
    const int pages = flow(pieces, area.y, area.bottom(), scale);

    Layout out;
    out.diagnostics = std::move(calendar.diagnostics);
    out.scene = calendar.scene;
    out.scene.pages.assign(static_cast<size_t>(pages), Page{p.width, p.height, {}});
    out.scene.outline.clear();
    out.scene.notes.clear();
    for (auto& page : out.scene.pages) page.items.push_back(RectItem{{0, 0, p.width, p.height}, theme.paper, std::nullopt, 0});

    auto piece_at = [&](double y) -> const Piece& {
        auto it = std::upper_bound(pieces.begin(), pieces.end(), y + 0.01, [](double v, const Piece& q) { return v < q.top; });
        return it == pieces.begin() ? pieces.front() : *std::prev(it);
    };
    auto move = [&](const Piece& piece, Point q) { return Point{left + (q.x - content.x) * scale, piece.y + (q.y - piece.top) * scale}; };
    auto moved = [&](const Piece& piece, const Box& b) {
        Point at = move(piece, {b.x, b.y});
        return Box{at.x, at.y, b.width * scale, b.height * scale};
    };
    for (auto& piece : pieces) {
        out.scene.pages[static_cast<size_t>(piece.page - 1)].items.push_back(
            shown_as(std::move(piece.items), move(piece, {0, 0}), scale, std::nullopt));
    }
    // A box spanning several pieces (a month's grid) is cut where the pieces part across pages.
    std::vector<PrintedStretch> stretches;
    for (const auto& piece : pieces) stretches.push_back({piece.page, piece.top, piece.bottom});
    for (const auto& b : calendar.boxes)
        cut_box(b, stretches, [&](size_t i, const Box& part) { return moved(pieces[i], part); }, out.boxes);
    for (const auto& entry : calendar.scene.outline) {
        const Piece& piece = piece_at(entry.at.y);
        out.scene.outline.push_back({entry.title, piece.page, move(piece, entry.at), entry.parent});
    }
    for (auto note : calendar.scene.notes) {
        const Piece& piece = piece_at(note.hot.y);
        note.page = piece.page;
        note.hot = moved(piece, note.hot);
        out.scene.notes.push_back(std::move(note));
    }

    // Page numbers, in the calendar's language and digits.
    Timeline numbers;
    numbers.languages = {options.lang};
    numbers.locales = {{options.lang, options.locale}};
    EditionContext e(numbers, options.lang, "", shaper, out, theme, options.wording);
    for (int n = 1; n <= pages; ++n) {
        std::string words = e.page_of(n, pages);
        ShapedText text = e.shape(words, theme.page_text_size, false);
        Box b{(p.width - text.width) / 2, p.height - p.margin - text.height, text.width, text.height};
        out.scene.pages[static_cast<size_t>(n - 1)].items.push_back(
            role_group(Role::artifact, {TextItem{{b.x, b.y}, readable_on(theme.muted, theme.paper), text.runs}}));
        out.boxes.push_back({BoxKind::footer, "", n, b});
    }
    std::string alt;
    figure_alts(calendar.scene.pages.at(0).items, alt, e.words.list_separator);
    read_as_figure(out.scene.pages, alt);
    e.report_warnings();
    return out;
}

}  // namespace tarikh
