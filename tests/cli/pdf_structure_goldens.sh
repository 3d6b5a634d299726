#!/usr/bin/env bash
# The structure tree of the example chronicles as a screen reader meets it (`pdfinfo
# -struct-text`), against tests/golden/*.struct.txt: English, Arabic and both side by side. A
# changed tree is written beside its golden as .actual, for tests/bless to show.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

same_tree() {  # same_tree NAME LANG LAYOUT
    local golden=$root/tests/golden/$1.struct.txt pdf=$work/$1.pdf
    "$tarikh" render "$root/timelines/idlib-sochi-2018.json" --lang "$2" --layout "$3" -o "$pdf" 2>/dev/null || return 1
    pdfinfo -struct-text "$pdf" >"$work/$1.struct.txt" || return 1
    if cmp -s "$golden" "$work/$1.struct.txt"; then
        rm -f "$golden.actual"
        return 0
    fi
    cp "$work/$1.struct.txt" "$golden.actual"
    diff -u "$golden" "$golden.actual" | head -40
    return 1
}
check "the English chronicle's structure tree is its golden" same_tree idlib-chronicle-en en chronicle
check "the Arabic chronicle's structure tree is its golden" same_tree idlib-chronicle-ar ar chronicle
check "the en+ar chronicle's structure tree is its golden" same_tree idlib-chronicle-en+ar en+ar chronicle
check "the Arabic chart's structure tree is its golden" same_tree idlib-chart-ar ar chart
finish
