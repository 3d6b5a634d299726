// A fixed-advance shaper for layout tests: every character is half an em wide, every line
// 1.25 em tall, lines wrap at spaces. Results depend on no font.
#pragma once
#include <string>
#include <vector>

#include "text/shaper.hpp"

namespace tarikh::testing {

class FakeShaper : public Shaper {
public:
    ShapedText shape(const std::string& text, const TextStyle& style) override {
        ShapedText out;
        const double advance = style.size * 0.5, line_height = style.size * 1.25;
        std::vector<std::string> lines{""};
        std::string word;
        auto width_of = [&](const std::string& s) { return code_points(s) * advance; };
        auto flush_word = [&] {
            std::string candidate = lines.back().empty() ? word : lines.back() + " " + word;
            if (style.max_width > 0 && !lines.back().empty() && width_of(candidate) > style.max_width)
                lines.push_back(word);
            else
                lines.back() = candidate;
            word.clear();
        };
        for (char c : text) {
            if (c == ' ') flush_word();
            else word += c;
        }
        flush_word();
        if (style.max_lines > 0 && lines.size() > static_cast<size_t>(style.max_lines)) {
            lines.resize(style.max_lines);
            lines.back() += "…";
        }
        out.baseline = style.size;
        for (size_t i = 0; i < lines.size(); ++i) out.width = std::max(out.width, width_of(lines[i]));
        for (size_t i = 0; i < lines.size(); ++i) {
            out.lines.push_back({i * line_height, line_height, out.runs.size()});
            if (lines[i].empty()) continue;
            GlyphRun run;
            run.font = FontRef("fake");
            run.size = style.size;
            run.rtl = style.reads_rtl.value_or(style.rtl);
            run.text = lines[i];
            double x = style.rtl ? out.width - width_of(lines[i]) : 0;
            for (size_t k = 0, n = code_points(lines[i]); k < n; ++k)
                run.glyphs.push_back({.id = static_cast<std::uint32_t>(k + 1),
                                      .cluster = static_cast<std::uint32_t>(k),
                                      .x = x + k * advance,
                                      .y = i * line_height + style.size});
            out.runs.push_back(std::move(run));
        }
        out.height = lines.size() * line_height;
        return out;
    }

private:
    static size_t code_points(const std::string& s) {
        size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    }
};

}  // namespace tarikh::testing
