#!/usr/bin/env bash
# Every language's script: words come out of the PDF whole, no bidi control character
# reaches the text a reader copies (PDF, SVG, HTML).
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

idlib="$root/timelines/idlib-sochi-2018.json"
"$tarikh" render "$idlib" --lang ar --layout chronicle -o "$work/ar.pdf"
# Each of these came out of pdftotext in two pieces, broken after a reh, waw or alef that Amiri
# kerned the next letter under ("تحر ير", "إ يران").
check "Arabic words after a reh or an alef come out of the PDF whole" words_in_pdf "$work/ar.pdf" \
    تحرير ريف إيران إيرانية الإيراني إيجابية آخرين بالرؤية تريد للتحرير تشرين

# A word a line ends with came out with its last letter apart ("ואחרי ם"): the space the line
# broke at was copied as part of that letter.
"$tarikh" render "$root/timelines/idlib-twelve-languages.json" --lang he --layout chronicle -o "$work/he.pdf"
check "Hebrew words that end a line come out of the PDF whole" words_in_pdf "$work/he.pdf" ואחרים מאנשי

# The twelve-language story's words, out of each edition's PDF, as pdftotext -layout, MuPDF
# (mutool draw -F txt) and pdfminer (pdf2txt) give them (tests/cli/pdf_words.py): every word whole
# in every language, Sorani, Arabic, Persian (marks over a letter such as the hamza of "آستانهٔ",
# ZWNJ of "می‌کند"), Urdu (Nastaliq: mutool and pdfminer read none of its words whole while a
# drawn glyph said nothing and one space glyph said every letter) and Hebrew among them.
twelve="$root/timelines/idlib-twelve-languages.json"
whole_words() {  # whole_words EXTRACTOR LANG LAYOUT LEAST
    "$tarikh" render "$twelve" --lang "$2" --layout "$3" -o "$work/words-$2-$3.pdf" 2>/dev/null &&
    "$tarikh" render "$twelve" --lang "$2" --layout "$3" -o "$work/words-$2-$3.svg" 2>/dev/null &&
    python3 "$root/tests/cli/pdf_words.py" --extractor "$1" "$twelve" "$2" "$work/words-$2-$3.pdf" "$work/words-$2-$3.svg" "$4"
}
for extractor in pdftotext mutool pdfminer; do
    for lang in en ar fa tr ru he ku fr de es ur ckb; do
        for layout in chart chronicle; do
            check "every $lang word of the $layout comes out of the PDF whole ($extractor)" whole_words $extractor $lang $layout all
        done
    done
done
# A glyph drawn that says nothing came out of MuPDF as U+FFFD (Sorani's "پێشێلکردنی", drawn with a
# kashida; after each Urdu word, drawn in a font whose map gave its glyphs no text): such glyphs
# are shapes, not text. The PDFs are those whole_words wrote above.
no_replacement_character() {  # no_replacement_character PDF
    mutool draw -q -F txt -o "$work/mutool.txt" "$1" 2>/dev/null && ! LC_ALL=C.UTF-8 grep -q $'\xef\xbf\xbd' "$work/mutool.txt"
}
for lang in ur ckb ar fa; do
    for layout in chart chronicle; do
        check "no U+FFFD in the $lang $layout's text from MuPDF" no_replacement_character "$work/words-$lang-$layout.pdf"
    done
done
# Under PDF/A-2u a glyph shown as text must say a character: Nastaliq's drawn glyphs are shapes,
# and Urdu's words stay whole (a silent glyph saying U+2060 among the letters left 24 of 95).
archival_words() {  # archival_words EXTRACTOR LANG LAYOUT
    "$tarikh" render "$twelve" --lang "$2" --layout "$3" --pdf-standard a-2u -o "$work/a2u-$2-$3.pdf" 2>/dev/null &&
    "$tarikh" render "$twelve" --lang "$2" --layout "$3" -o "$work/a2u-$2-$3.svg" 2>/dev/null &&
    python3 "$root/tests/cli/pdf_words.py" --extractor "$1" "$twelve" "$2" "$work/a2u-$2-$3.pdf" "$work/a2u-$2-$3.svg" all
}
for extractor in pdftotext mutool pdfminer; do
    for lang in ur ckb; do
        check "every $lang word of the chart comes out of a PDF/A-2u whole ($extractor)" archival_words $extractor $lang chart
    done
done

# Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) in text a reader copies. pdftotext
# adds U+202A…U+202C around right-to-left lines itself, so those are looked for with mutool.
marks=$'[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]'
marks_not_from_pdftotext=$'[\u061C\u200E\u200F\u2066-\u2069]'
no_marks() {  # no_marks FILE: none in the file's text (an SVG's or an HTML page's), read as UTF-8
    ! LC_ALL=C.UTF-8 grep -qP "$marks" "$1"
}
for lang in en ar; do
    for layout in chart chronicle; do
        for format in pdf svg html; do
            "$tarikh" render "$idlib" --lang $lang --layout $layout -o "$work/$lang-$layout.$format" 2>/dev/null
        done
        pdf="$work/$lang-$layout.pdf"
        check "no bidi control in the $lang $layout's PDF text (pdftotext)" bash -c "
            ! pdftotext '$pdf' - | LC_ALL=C.UTF-8 grep -qP '$marks_not_from_pdftotext'"
        check "no bidi control in the $lang $layout's PDF text (mutool)" bash -c "
            mutool draw -q -F txt -o '$work/mutool.txt' '$pdf' 2>/dev/null && ! LC_ALL=C.UTF-8 grep -qP '$marks' '$work/mutool.txt'"
        check "no bidi control in the $lang $layout's SVG" no_marks "$work/$lang-$layout.svg"
        check "no bidi control in the $lang $layout's HTML" no_marks "$work/$lang-$layout.html"
    done
done
check "the Arabic chronicle's source URL is copied whole, after the dash" bash -c "
    pdftotext '$work/ar-chronicle.pdf' - | LC_ALL=C sed 's/\xe2\x80[\xaa-\xac]//g' | grep -q '— https://english.enabbaladi.net/'"

# The Idlib story in twelve languages: it validates, and each language's chart and chronicle, as
# PDF and PNG, render with no warning (a missing glyph would be one).
twelve="$root/timelines/idlib-twelve-languages.json"
check "the twelve-language timeline validates" "$tarikh" validate "$twelve"
for lang in en ar fa tr ru he ckb ku fr de es ur; do
    for layout in chart chronicle; do
        check "$lang $layout renders as PDF and PNG without a warning" bash -c "
            '$tarikh' render '$twelve' --lang $lang --layout $layout -o '$work/$lang-$layout-12.pdf' 2>'$work/twelve.err' &&
            '$tarikh' render '$twelve' --lang $lang --layout $layout -o '$work/$lang-$layout-12.png' 2>>'$work/twelve.err' &&
            test ! -s '$work/twelve.err' || { cat '$work/twelve.err'; false; }"
    done
done

finish
