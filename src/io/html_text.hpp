// TimelineJS text is HTML: turned into plain text with paragraph breaks, its links kept apart.
#pragma once
#include <string>
#include <vector>

namespace tarikh {

struct PlainText {
    std::string text;
    std::vector<std::string> links;  // href values, in order, duplicates removed
};

// Drops every tag and attribute (<script> and <style> with their content), turns <p>,
// <br>, <li> and block ends into line breaks, decodes entities, collapses spaces.
PlainText html_to_text(const std::string& html);

}  // namespace tarikh
