#include <doctest/doctest.h>

#include "text/bound_spaces.hpp"

using namespace tarikh;

namespace {
const std::string kNoBreak = "\u00A0";
}

TEST_CASE("the space inside guillemets binds to them") {
    CHECK(bind_spaces_to_guillemets("appelle à une « bataille décisive »") ==
          "appelle à une «" + kNoBreak + "bataille décisive" + kNoBreak + "»");
    CHECK(bind_spaces_to_guillemets("‹ mot › et « a » « b »") ==
          "‹" + kNoBreak + "mot" + kNoBreak + "› et «" + kNoBreak + "a" + kNoBreak + "» «" + kNoBreak + "b" +
              kNoBreak + "»");
    // A breadcrumb's "›" closes nothing it follows, but nothing may start a line with it.
    CHECK(bind_spaces_to_guillemets("Idleb › Hama") == "Idleb" + kNoBreak + "› Hama");
    // Quotations inside brackets, and a closing one before punctuation.
    CHECK(bind_spaces_to_guillemets("(« oui ») et « non » !") ==
          "(«" + kNoBreak + "oui" + kNoBreak + "») et «" + kNoBreak + "non" + kNoBreak + "» !");
    // Arabic writes them too, in the same logical order.
    CHECK(bind_spaces_to_guillemets("هجوم على « موقع »؟") == "هجوم على «" + kNoBreak + "موقع" + kNoBreak + "»؟");
}

TEST_CASE("other spaces are left as they were written") {
    for (const char* text : {"Attack on a post at al-Zalaqiat", "Jaych al-Izza : des forces", "vraiment ? oui !",
                             "« ", " »", "«  b", "b  »", "\u00AB\u202Fbataille\u202F\u00BB", "«b»", "", " ",
                             // Guillemets that point the other way round: German's quotation marks.
                             "er sagte »Faust« und ging", "sagte ›so‹ oder"}) {
        CAPTURE(text);
        CHECK(bind_spaces_to_guillemets(text) == text);
    }
}
