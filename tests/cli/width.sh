#!/usr/bin/env bash
# --width and --text-size (issue 14): units, the width laid out for, refusals and their exit codes.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"
example="$root/timelines/idlib-sochi-2018.json"

# The page width (px) --layout-json reports for: render ARGS...
page_width() {
    "$tarikh" render "$example" -o "$work/w.svg" --layout-json "$work/w.json" "$@" 2>"$work/w.err" &&
        python3 -c "import json, sys; print(round(json.load(open(sys.argv[1]))['pages'][0]['width'], 2))" "$work/w.json"
}

width_is() {  # width_is PX ARGS...
    local expected=$1
    shift
    local got
    got=$(page_width "$@") || { cat "$work/w.err"; return 1; }
    [ "$got" = "$expected" ] || { echo "width $got, expected $expected"; return 1; }
}

check "680px is 680 px" width_is 680.0 --width 680px
check "a bare number is px" width_is 680.0 --width 680
check "6.5in is 624 px" width_is 624.0 --width 6.5in
check "170mm is 642.52 px" width_is 642.52 --width 170mm
check "400pt is 533.33 px" width_is 533.33 --width 400pt
check "the Arabic chart too" width_is 680.0 --width 680px --lang ar
check "a segmented chart" width_is 680.0 --width 680px --segment month
check "a calendar" width_is 680.0 --width 680px --layout calendar
check "a ring" width_is 680.0 --width 680px --layout radial
check "no --width: as wide as before" bash -c "[ \"\$(cd '$work' && '$tarikh' render '$example' -o a.svg --layout-json a.json && python3 -c \"import json; print(json.load(open('a.json'))['pages'][0]['width'])\")\" != 680 ]"

refused() {  # refused MESSAGE ARGS...: exit 2, MESSAGE on stderr, no output written
    local message=$1
    shift
    exit_code 2 "$tarikh" "$@" && grep -qF -- "$message" "$work/err.txt" && ! ls "$work"/refused* >/dev/null 2>&1 ||
        { cat "$work/err.txt"; return 1; }
}
check "an unknown unit" refused 'expected a length such as 680px, 170mm, 6.5in, 400pt or 680 (px), found "680em"' \
    render "$example" --width 680em -o "$work/refused.svg"
check "no number" refused "expected a length" render "$example" --width px -o "$work/refused.svg"
check "a negative width" refused "expected a length" render "$example" --width=-680px -o "$work/refused.svg"
check "too narrow" refused "tarikh: error: expected a width from 240 to 20000 px, found 200 px" \
    render "$example" --width 200px -o "$work/refused.svg"
check "too narrow in mm" refused "found 226.8 px" render "$example" --width 60mm -o "$work/refused.svg"
check "too wide" refused "expected a width from 240 to 20000 px" render "$example" --width 300in -o "$work/refused.svg"
check "a chronicle has its pages" refused "tarikh: error: a chronicle has no use for --width" \
    render "$example" --layout chronicle --width 680px -o "$work/refused.pdf"
check "batch refuses as render does" refused "expected a width from 240 to 20000 px, found 100 px" \
    batch "$example" --width 100 -o "$work/refused-batch"
check "a text size under 9 px" refused "tarikh: error: expected a text size from 9 to 72 px, found 8 px" \
    render "$example" --text-size 8 -o "$work/refused.svg"
check "a text size that is no number" refused "text-size: expected a finite number above zero, found \"big\"" render "$example" --text-size big -o "$work/refused.svg"

check "batch draws at the width" bash -c "
'$tarikh' batch '$example' -o '$work/batch' --format svg --width 6.5in -q && grep -q 'viewBox=\"0 0 624 ' '$work/batch/idlib-sochi-2018.en.svg'"

min_text() {  # the quality report's min_text_px for: render ARGS...
    "$tarikh" render "$example" -o "$work/q.svg" --quality-json "$work/q.json" "$@" 2>"$work/q.err" &&
        python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['min_text_px'])" "$work/q.json"
}
at_least() {  # at_least PX ARGS...
    local floor=$1
    shift
    local got
    got=$(min_text "$@") || { cat "$work/q.err"; return 1; }
    python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$got" "$floor" ||
        { echo "min_text_px $got, expected at least $floor"; return 1; }
}
check "min_text_px at 680 px" at_least 9 --width 680px
check "min_text_px in Arabic at 400 px" at_least 9 --width 400px --lang ar
check "--text-size 18 makes the smallest text larger" at_least 15 --text-size 18
check "a calendar's smallest text is legible" at_least 9 --layout calendar
check "a chart shrunk to fit a page says its text is too small" bash -c "
'$tarikh' render '$example' --fit --page A4 -o '$work/fit.pdf' 2>&1 | grep -q 'too small to read'"

finish
