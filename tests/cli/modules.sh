#!/usr/bin/env bash
# What a render maps (issue 19): an SVG or a PDF maps neither module, nor cairo and the pixman
# and X11 libraries it brings; a PNG maps the PNG module, and cairo with it. A module that
# cannot be loaded is an error naming it for the format that needs it, and the others render.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"
example=$root/timelines/idlib-sochi-2018.json

# The files the dynamic loader maps for a render to OUTPUT, one a line, from its own record.
mapped() {  # mapped OUTPUT
    LD_DEBUG=files "$tarikh" render "$example" -o "$1" 2>&1 >/dev/null |
        sed -n 's/.*file=\([^ ]*\) \[0\];  \(needed\|dynamically loaded\) by .*/\1/p' | sort -u
}
for format in svg pdf png; do mapped "$work/ten.$format" > "$work/$format.maps"; done
cairo_libraries='libcairo\.|libpangocairo|libpixman|libX11\.|libxcb\.'

for format in svg pdf; do
    check "a $format render maps no cairo, pixman or X11" bash -c "
    grep -q '^libpango-' '$work/$format.maps' && ! grep -E '$cairo_libraries|tarikh-png|tarikh-qpdf' '$work/$format.maps'"
done
check "a PNG render maps the PNG module, and cairo with it" bash -c "
grep -q '/tarikh-png\.so$' '$work/png.maps' && grep -q '^libcairo\.' '$work/png.maps' && ! grep tarikh-qpdf '$work/png.maps'"

# Without its module, a PNG is refused with the module's path; SVG and PDF never needed it.
check "without the module a PNG is an error naming it" bash -c "
TARIKH_MODULE_DIR='$work/none' '$tarikh' render '$example' -o '$work/none.png' 2> '$work/none.err'
[ \$? -eq 3 ] && [ ! -e '$work/none.png' ] &&
grep -qF \"cannot load tarikh's PNG module $work/none/tarikh-png.so (absent)\" '$work/none.err' || { cat '$work/none.err'; false; }"
for format in svg pdf; do
    check "without the modules a $format renders the same bytes" bash -c "
    TARIKH_MODULE_DIR='$work/none' '$tarikh' render '$example' -o '$work/none.$format' && cmp '$work/none.$format' '$work/ten.$format'"
done
finish
