#include "io/web_link.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"
#include "io/text_clean.hpp"

namespace tarikh {

JudgedLink judge_link(const std::string& url) {
    size_t colon = url.find(':');
    std::string scheme = url.substr(0, colon == std::string::npos ? 0 : colon + 1);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string rest = url.substr(scheme.size());
    bool scheme_ok = ((scheme == "https:" || scheme == "http:") && rest.rfind("//", 0) == 0) || scheme == "mailto:";
    if (!scheme_ok) return {"", "only http, https and mailto links are kept; " + quote(url) + " is dropped"};
    if (auto unsafe = first_unsafe_in_url(url))
        return {"", "a link cannot hold spaces, control or invisible characters, found " + code_point_name(*unsafe) +
                        "; it is dropped"};
    return {scheme + rest, ""};
}

}  // namespace tarikh
