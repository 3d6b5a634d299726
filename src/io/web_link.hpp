// The one rule for links: which an output may hold, and in what form.
#pragma once
#include <string>

namespace tarikh {

struct JudgedLink {
    std::string url;      // as every writer may use it; empty when dropped
    std::string problem;  // why it was dropped, as a warning words it
};

// Only web and mail links are kept, their scheme in lower case ("HTTPS://x" becomes
// "https://x"); a link holding spaces, control or invisible characters is dropped rather than
// cleaned, since a link changed behind the author's back could lead elsewhere.
JudgedLink judge_link(const std::string& url);

}  // namespace tarikh
