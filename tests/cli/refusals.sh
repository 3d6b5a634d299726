#!/usr/bin/env bash
# What a view cannot honour is a usage error (exit 2), never silently bent; --help names each
# choice; the limits the library names come with the option that raises them.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"
example="$root/timelines/idlib-sochi-2018.json"

refused() {  # refused MESSAGE ARGS...: exit 2, MESSAGE on stderr, no output written
    local message=$1
    shift
    exit_code 2 "$tarikh" "$@" && grep -qF "tarikh: error: $message" "$work/err.txt" &&
        ! ls "$work"/refused* >/dev/null 2>&1 || { cat "$work/err.txt"; return 1; }
}

check "two languages on a chart" refused "a chart shows one language, found 2" \
    render "$example" --lang en+ar -o "$work/refused.svg"
check "two languages on a calendar" refused "a calendar shows one language, found 2" \
    render "$example" --layout calendar --lang en+ar -o "$work/refused.svg"
check "three languages on a chronicle" refused "a chronicle shows at most two languages, found 3" \
    render "$example" --layout chronicle --lang en+ar+en -o "$work/refused.pdf"
check "a log scale on a ring" refused "a radial view has a chronological or a sequential scale, found another" \
    render "$example" --layout radial --scale log -o "$work/refused.svg"
check "a chart's option on a chronicle" refused "a chronicle has no use for --facet" \
    render "$example" --layout chronicle --facet none -o "$work/refused.pdf"
check "a page on a ring" refused "a radial has no use for --page" \
    render "$example" --layout radial --page A3 -o "$work/refused.svg"
check "batch refuses as render does" refused "a chart shows one language, found 2" \
    batch "$example" --lang en,en+ar -o "$work/refused-batch"
check "batch refuses an empty language before reading any input" refused "expected a language tag, found an empty one" \
    batch "$example" --lang "" -o "$work/refused-batch"
check "batch checks every edition, not only the widest" refused "expected a language tag, found an empty one" \
    batch "$example" --layout chronicle --lang ar+en,en+ -o "$work/refused-batch"
check "an SVG's size on a PNG" refused "--svg-size is for svg output, found png" \
    render "$example" --svg-size responsive -o "$work/refused.png"
check "an SVG's text on a PDF" refused "--svg-text is for svg and html output, found pdf" \
    render "$example" --svg-text outlines -o "$work/refused.pdf"
check "batch refuses an SVG's option with no svg to write" refused "--svg-size needs svg among --format" \
    batch "$example" --format pdf,html --svg-size fixed -o "$work/refused-batch"
check "the SVG options are honoured where they apply" bash -c "
'$tarikh' render '$example' --svg-text outlines -o '$work/page.html' && ! grep -q '<text' '$work/page.html' &&
'$tarikh' render '$example' --svg-size responsive --svg-text real -o '$work/r.svg' && grep -q 'width=\"100%\"' '$work/r.svg' &&
'$tarikh' batch '$example' --format svg --svg-size responsive --svg-text outlines -q -o '$work/b' &&
grep -q 'width=\"100%\"' '$work/b/idlib-sochi-2018.en.svg' && ! grep -q '<text' '$work/b/idlib-sochi-2018.en.svg'"
check "render without --lang draws the file's first language" bash -c "
'$tarikh' render '$example' --lang '' -o '$work/first.svg' 2>/dev/null && test -s '$work/first.svg'"
check "the first refusal is the one reported" refused "a chronicle has no use for --facet" \
    render "$example" --layout chronicle --facet none --lang en+ar+en -o "$work/refused.pdf"
check "a layout named in capitals is that layout, with its own options" \
    "$tarikh" render "$example" --layout Chart --facet none -o "$work/capitals.svg"
check "a bilingual chronicle still renders" bash -c "
'$tarikh' render '$example' --layout chronicle --lang en+ar -o '$work/enar.pdf' && qpdf --check '$work/enar.pdf' >/dev/null"

check "--help names each choice plainly" bash -c "
'$tarikh' render --help > '$work/help.txt' &&
grep -qF -- '--scale TEXT:{chronological,collapsed,sequential,relative,log,auto}' '$work/help.txt' &&
grep -qF -- '--facet TEXT:{lanes,none}' '$work/help.txt' &&
grep -qF -- '--segment TEXT:{none,era,month,year}' '$work/help.txt' &&
grep -qF -- '--page TEXT:{A4,A3,Letter,Legal}' '$work/help.txt' &&
! grep -qE 'BOOLEAN|->[0-9]' '$work/help.txt'"

check "a limit comes with the option that raises it" bash -c "
! '$tarikh' validate '$example' --max-events 2 2> '$work/events.txt' &&
grep -qx 'hint: raise the limit with --max-events' '$work/events.txt'"
check "the page limit too" bash -c "
! '$tarikh' render '$example' --layout chronicle --max-pages 1 -o '$work/pages.pdf' 2> '$work/pages.txt' &&
grep -qx 'hint: raise the limit with --max-pages' '$work/pages.txt' && test ! -e '$work/pages.pdf'"
check "the pixel limit too" bash -c "
! '$tarikh' render '$example' --dpi 1200 -o '$work/big.png' 2> '$work/pixels.txt' &&
grep -qx 'hint: lower --dpi or raise --max-pixels' '$work/pixels.txt'"
check "a PNG wider than any image can be says which limit, and what draws it" bash -c "
! '$tarikh' render '$example' --width 3000 --dpi 1200 --max-pixels 1e12 -o '$work/wide.png' 2> '$work/wide.txt' &&
grep -q 'pixels, wider than the 32767 an image can have on a side\$' '$work/wide.txt' &&
grep -qx 'hint: lower --dpi, draw crowded lanes as density bands with --aggregate week, or write a PDF' '$work/wide.txt' &&
test ! -e '$work/wide.png'"
finish
