#!/usr/bin/env bash
# What `render` writes: every page of a paged layout, nothing of a failed render, no option
# outside its domain, no exception that escapes as an abort.
set -u
tarikh=$1
root=$2
example=$root/timelines/idlib-sochi-2018.json
source "$root/tests/cli/lib.sh"

# The Arabic chronicle of the example fills three A4 pages: SVG and PNG write one file each.
check "a paged SVG writes every page" bash -c "
cd '$work' && '$tarikh' render '$example' --layout chronicle --lang ar -o story.svg &&
test -s story.svg -a -s story-2.svg -a -s story-3.svg -a ! -e story-4.svg && xmllint --noout story-3.svg"
check "a paged PNG writes every page" bash -c "
cd '$work' && '$tarikh' render '$example' --layout chronicle --lang ar -o story.png &&
test -s story.png -a -s story-2.png -a -s story-3.png -a ! -e story-4.png"
check "a paged HTML holds every page" bash -c "
cd '$work' && '$tarikh' render '$example' --layout chronicle --lang ar -o story.html &&
test \"\$(grep -c '<figure' story.html)\" -eq 3 -a ! -e story-2.html"
check "a chart printed across pages writes each page" bash -c "
cd '$work' && '$tarikh' render '$example' --page A4 -o printed.svg && test -s printed-2.svg"
check "batch writes every page of a paged SVG" bash -c "
'$tarikh' batch '$example' -o '$work/batch' --layout chronicle --lang ar --format svg,png,html -q &&
cd '$work/batch' && test -s idlib-sochi-2018.ar.svg -a -s idlib-sochi-2018.ar-3.svg -a -s idlib-sochi-2018.ar-3.png &&
test ! -e idlib-sochi-2018.ar-2.html"
# A render with fewer pages than the last one into the same name leaves none of the old pages.
check "a shorter render removes the pages of a longer one" bash -c "
cd '$work' && '$tarikh' render '$example' --layout chronicle --lang ar -o shrink.svg 2>/dev/null && test -e shrink-3.svg &&
'$tarikh' render '$example' --layout chronicle --lang en -o shrink.svg 2>note.txt &&
test -e shrink-2.svg -a ! -e shrink-3.svg && grep -q 'removed .*shrink-3.svg' note.txt &&
'$tarikh' render '$example' -o shrink.svg 2>/dev/null && test ! -e shrink-2.svg"
check "batch records every page: a page deleted is made again by --incremental" bash -c "
'$tarikh' batch '$example' -o '$work/paged' --layout chronicle --format svg -q &&
rm '$work/paged/idlib-sochi-2018.ar-2.svg' &&
'$tarikh' batch '$example' -o '$work/paged' --layout chronicle --format svg --incremental 2>&1 |
    grep -q '^batch: 1 rendered, 0 failed, 0 skipped; 3 files written' &&
test -s '$work/paged/idlib-sochi-2018.ar-2.svg' &&
'$tarikh' batch '$example' -o '$work/paged' --layout chronicle --format svg --incremental 2>&1 | grep -q '1 skipped'"
check "batch removes the pages of an earlier, longer run" bash -c "
'$tarikh' batch '$example' -o '$work/paged' --page A4 --format svg -q && test -e '$work/paged/idlib-sochi-2018.en-2.svg' &&
'$tarikh' batch '$example' -o '$work/paged' --page A4 --fit --format svg -q && test ! -e '$work/paged/idlib-sochi-2018.en-2.svg'"
check "pages cannot go to stdout as SVG" exit_code 2 "$tarikh" render "$example" --layout chronicle --lang ar -o - --format svg
check "the refusal says why and what to do" grep -q "has 3 pages and an SVG holds one" "$work/err.txt"
check "one page still goes to stdout" exit_code 0 "$tarikh" render "$example" -o - --format svg

# A render that fails leaves none of its files, the side files included.
check "a failed write fails the render" exit_code 3 "$tarikh" render "$example" -o "$work/missing/x.svg" \
    --layout-json "$work/failed-boxes.json" --quality-json "$work/failed-quality.json"
check "no side file of a failed render" test ! -e "$work/failed-boxes.json" -a ! -e "$work/failed-quality.json"
check "a failed side file fails the render" exit_code 3 "$tarikh" render "$example" -o "$work/kept.svg" \
    --layout-json "$work/missing/boxes.json"
check "no output of a render whose side file failed" test ! -e "$work/kept.svg"
# SVG pages are drawn straight into their files: the ones written go when a later file fails.
check "a failed side file fails a paged SVG" exit_code 3 "$tarikh" render "$example" --layout chronicle --lang ar \
    -o "$work/unkept.svg" --layout-json "$work/missing/boxes.json"
check "no page of a paged SVG whose side file failed" test ! -e "$work/unkept.svg" -a ! -e "$work/unkept-2.svg"

# Numbers outside their domain are usage errors, "nan" and "inf" included.
for args in "--dpi nan" "--dpi inf" "--dpi -96" "--max-pixels nan" "--max-pixels inf" "--max-pixels 0" \
            "--max-events -1" "--max-events nan" "--max-pages -1" "--max-text-length -5"; do
    # shellcheck disable=SC2086
    check "render $args is refused" exit_code 2 "$tarikh" render "$example" -o "$work/n.png" $args
done
check "validate --max-events -1 is refused" exit_code 2 "$tarikh" validate "$example" --max-events -1
check "batch --dpi nan is refused" exit_code 2 "$tarikh" batch "$example" -o "$work/b" --dpi nan
check "nothing rendered by a refused option" test ! -e "$work/n.png" -a ! -e "$work/b"

finish
