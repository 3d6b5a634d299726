#!/usr/bin/env bash
# Printing on pages, as a new user does it (issue 14): a chart across pages (paper size,
# title whole on page 1, a running head and the lanes' names on every page), --fit on one
# page, a calendar on pages, a booklet's nested outline and single paper size, and the
# chronicle's era bookmarks holding only their own events.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

example=$root/timelines/idlib-sochi-2018.json
python3 "$root/tests/cli/make_long_chronicle.py" 300 > "$work/long.json"

sizes() {  # sizes PDF: one "W x H" line per page
    pdfinfo -f 1 -l 9999 "$1" | sed -n 's/^Page *[0-9]* size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p'
}
every_page() {  # every_page PDF "W x H": every page has that size, and there is one at least
    local got
    got=$(sizes "$1" | sort -u)
    [ "$got" = "$2" ] || { echo "page sizes: $got"; return 1; }
}
pages_of() { qpdf --show-npages "$1"; }
declare -f sizes every_page > "$work/helpers.sh"  # for the checks run in a shell of their own

for spec in "A4::595.276 x 841.89" "A4:--landscape:841.89 x 595.276" "Letter::612 x 792" "A3:--landscape:1190.55 x 841.89"; do
    IFS=: read -r page flag size <<<"$spec"
    check "a chart on $page $flag: every page the paper size" bash -c "
'$tarikh' render '$example' --page $page $flag -o '$work/chart.pdf' && source '$work/helpers.sh' && every_page '$work/chart.pdf' '$size'"
    check "--fit on $page $flag: exactly one page of the paper size" bash -c "
'$tarikh' render '$example' --page $page $flag --fit -o '$work/fit.pdf' && [ \$(qpdf --show-npages '$work/fit.pdf') -eq 1 ] &&
source '$work/helpers.sh' && every_page '$work/fit.pdf' '$size'"
done

check "--fit on a chart whose width rounds over the page: one page (was two)" bash -c "
'$tarikh' render '$root/tests/timelinejs/women_in_computing.json' --page A4 --landscape --fit --segment era -o '$work/wic.pdf' &&
[ \$(qpdf --show-npages '$work/wic.pdf') -eq 1 ]"

"$tarikh" render "$example" --page A4 -o "$work/a4.pdf" --layout-json "$work/a4.json"
"$tarikh" render "$example" --page A4 --lang ar -o "$work/a4-ar.pdf" --layout-json "$work/a4-ar.json"
for lang in en ar; do
    json=$work/a4.json
    [ $lang = ar ] && json=$work/a4-ar.json
    check "$lang chart on A4: the title, subtitle and legend once, whole, on page 1" python3 -c "
import json
d = json.load(open('$json'))
page = {p['page']: p for p in d['pages']}
head = [b for b in d['boxes'] if b['kind'] in ('title', 'subtitle', 'legend')]
assert sum(b['kind'] == 'title' for b in head) == 1 and sum(b['kind'] == 'subtitle' for b in head) == 1, head
assert sum(b['kind'] == 'legend' for b in head) == 8, len(head)
margin = 15 * 96 / 25.4
for b in head:
    assert b['page'] == 1 and b['x'] >= margin - 0.01 and b['x'] + b['width'] <= page[1]['width'] - margin + 0.01, b
"
    check "$lang chart on A4: each page names its lanes, has the time axis and a running head, every page filled" python3 -c "
import json
d = json.load(open('$json'))
pages = [p['page'] for p in d['pages']]
assert len(pages) > 1, pages
margin = 15 * 96 / 25.4
assert sum(b['kind'] == 'lane-label' for b in d['boxes']) >= 5
for n in pages:
    boxes = [b for b in d['boxes'] if b['page'] == n]
    names, lanes = sum(b['kind'] == 'lane-label' for b in boxes), sum(b['kind'] == 'lane' for b in boxes)
    assert names >= 1 and names == lanes, (n, names, lanes)
    assert sum(b['kind'] == 'axis' for b in boxes) == 1, n
    assert n == 1 or sum(b['kind'] == 'header' for b in boxes) == 2, n
    content = [b for b in boxes if b['kind'] not in ('header', 'footer')]
    height = d['pages'][n - 1]['height'] - 2 * margin
    used = (max(b['y'] + b['height'] for b in content) - margin) / height
    assert used > 0.67 or n == pages[-1], (n, used)
"
done
n=$(pages_of "$work/a4.pdf")
check "the example chart needs more than one A4 page" test "$n" -gt 1
check "the title whole on page 1, with the subtitle and the legend" bash -c "
pdftotext -f 1 -l 1 '$work/a4.pdf' - | tr '\n' ' ' | grep -qF \"Idlib's Sochi deal at the verge of collapse\" &&
pdftotext -f 1 -l 1 '$work/a4.pdf' - | grep -qF 'known date'"
for k in $(seq 2 "$n"); do
    check "page $k: a running head with the title and the page number" bash -c "
pdftotext -f $k -l $k '$work/a4.pdf' - | grep -qF \"Idlib's Sochi deal at the verge of collapse\" &&
pdftotext -f $k -l $k '$work/a4.pdf' - | grep -qF 'page $k of $n'"
done
check "every lane's name on the pages" bash -c "
text=\$(pdftotext '$work/a4.pdf' - | tr '\n' ' ')
for lane in 'Assad forces and allies' Russia Turkey 'Opposition factions' \"Hay'at Tahrir al-Sham (HTS)\"; do
    grep -qF \"\$lane\" <<<\"\$text\" || { echo \"no \$lane\"; exit 1; }
done"
check "the Arabic chart on A4: every page A4, the lanes' names on the pages" bash -c "
'$tarikh' render '$example' --lang ar --page A4 -o '$work/ar.pdf' && source '$work/helpers.sh' && every_page '$work/ar.pdf' '595.276 x 841.89' &&
pdftotext '$work/ar.pdf' - | grep -q 'روسيا'"

# Legible on paper: a chart or calendar on pages is laid out for the paper, never scaled below
# 9 px; only --fit may be, and says so.
for spec in "A4:" "A4:--landscape" "Letter:" "A3:"; do
    IFS=: read -r page flag <<<"$spec"
    for input in "$example" "$work/long.json"; do
        for layout in chart calendar; do
            for lang in en ar; do
                check "$layout of $(basename "$input") in $lang on $page $flag: no text under 9 px" bash -c "
'$tarikh' render '$input' --layout $layout --lang $lang --page $page $flag -o '$work/legible.pdf' --quality-json '$work/legible.json' 2> '$work/legible.err' &&
python3 -c \"import json, sys; q = json.load(open('$work/legible.json')); sys.exit(0 if q['min_text_px'] >= 9 else 'min_text_px %s' % q['min_text_px'])\" &&
! grep -q 'too small to read' '$work/legible.err'"
            done
        done
    done
done
for flag in "" --landscape; do
    check "the long chart in monthly panels on A4 $flag: no text under 9 px" bash -c "
'$tarikh' render '$work/long.json' --segment month --page A4 $flag -o '$work/legible.pdf' --quality-json '$work/legible.json' &&
python3 -c \"import json, sys; q = json.load(open('$work/legible.json')); sys.exit(0 if q['min_text_px'] >= 9 else 'min_text_px %s' % q['min_text_px'])\""
done
check "--fit of the long chart on A4: one page, below 9 px, and a warning that says so and what to do" bash -c "
'$tarikh' render '$work/long.json' --page A4 --fit -o '$work/fit-long.pdf' 2> '$work/fit-long.err' &&
[ \$(qpdf --show-npages '$work/fit-long.pdf') -eq 1 ] && grep -q 'too small to read' '$work/fit-long.err' &&
grep -q 'without --fit' '$work/fit-long.err'"

# A chart taller than a page: cut between its lanes, each lane whole with its name, the time
# axis under each page's lanes.
python3 - "$work/lanes.json" <<'EOF'
import json, sys
lanes = [{"id": "l%d" % i, "label": "Lane %d" % i} for i in range(20)]
events = [{"id": "e%d-%d" % (i, k), "date": "2018-%02d-%02d" % (1 + (5 * k + i) % 12, 1 + (7 * k + i) % 28),
           "lane": "l%d" % i, "title": "Event %d of lane %d" % (k, i)} for i in range(20) for k in range(6)]
json.dump({"format": "tarikh/1", "title": "Twenty lanes", "languages": ["en"], "lanes": lanes, "events": events},
          open(sys.argv[1], "w"))
EOF
check "twenty lanes on A4: cut between lanes, each whole with its name, the axis on every page, none under 9 px" bash -c "
'$tarikh' render '$work/lanes.json' --page A4 -o '$work/lanes.pdf' --layout-json '$work/lanes-layout.json' --quality-json '$work/lanes-q.json' &&
python3 -c \"
import json
d = json.load(open('$work/lanes-layout.json'))
assert len(d['pages']) > 1, len(d['pages'])
assert sum(b['kind'] == 'lane' for b in d['boxes']) == 20  # none in two parts
for p in d['pages']:
    boxes = [b for b in d['boxes'] if b['page'] == p['page']]
    assert sum(b['kind'] == 'axis' for b in boxes) == 1, p
    assert sum(b['kind'] == 'lane' for b in boxes) == sum(b['kind'] == 'lane-label' for b in boxes) > 0, p
assert json.load(open('$work/lanes-q.json'))['min_text_px'] >= 9
\""

check "a chart in monthly panels on A4: the panels flow over pages, each page A4 naming its lanes" bash -c "
'$tarikh' render '$work/long.json' --segment month --page A4 -o '$work/seg.pdf' && source '$work/helpers.sh' &&
every_page '$work/seg.pdf' '595.276 x 841.89' && n=\$(qpdf --show-npages '$work/seg.pdf') && [ \$n -gt 5 ] &&
for k in \$(seq 1 \$n); do pdftotext -f \$k -l \$k '$work/seg.pdf' - | grep -qE 'North|South' || { echo no lane names on page \$k; exit 1; }; done"

# The calendar: --page honoured, months flowing over pages, none cut.
check "a calendar on A4: several pages, every one A4" bash -c "
'$tarikh' render '$work/long.json' --layout calendar --page A4 -o '$work/cal.pdf' --layout-json '$work/cal.json' &&
[ \$(qpdf --show-npages '$work/cal.pdf') -gt 2 ] && source '$work/helpers.sh' && every_page '$work/cal.pdf' '595.276 x 841.89'"
check "no month of the calendar is cut between pages" python3 -c "
import json
d = json.load(open('$work/cal.json'))
months = [b for b in d['boxes'] if b['kind'] == 'month']
headings = [b for b in d['boxes'] if b['kind'] == 'heading']
assert len(months) == 11 and len(headings) >= 11, (len(months), len(headings))
pages = {p['page']: p for p in d['pages']}
for b in d['boxes']:
    p = pages[b['page']]
    assert b['y'] >= 0 and b['y'] + b['height'] <= p['height'] + 0.01, b
"
check "a calendar in landscape Letter" bash -c "
'$tarikh' render '$example' --layout calendar --page Letter --landscape -o '$work/cal2.pdf' && source '$work/helpers.sh' && every_page '$work/cal2.pdf' '792 x 612'"

# Booklets: each part's bookmarks nested under its entry; with --page, one paper size.
mkdir -p "$work/in"
cp "$example" "$work/in/idlib.json"
cp "$work/long.json" "$work/in/long.json"
"$tarikh" batch "$work/in" -o "$work/out" --format pdf --lang en --layout chronicle --combine "$work/chronicles.pdf" --quiet
check "a booklet keeps every part's outline, nested" python3 -c "
import json, subprocess
out = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', '$work/chronicles.pdf'], capture_output=True, text=True).stdout)['outlines']
assert [o['title'] for o in out] == [\"Idlib's Sochi deal at the verge of collapse\", 'A long chronicle'], [o['title'] for o in out]
era = out[0]['kids'][0]
assert era['title'] == 'Sochi deal in force' and len(era['kids']) == 11, era['title']
assert [k['title'] for k in out[1]['kids']] == ['First half', 'Second half'], [k['title'] for k in out[1]['kids']]
assert [len(k['kids']) for k in out[1]['kids']] == [168, 132], [len(k['kids']) for k in out[1]['kids']]
first = out[0]['destpageposfrom1']
assert era['kids'][0]['destpageposfrom1'] >= first and out[1]['kids'][0]['destpageposfrom1'] > era['kids'][-1]['destpageposfrom1']
"
check "the booklet passes qpdf --check" bash -c "qpdf --check '$work/chronicles.pdf' > '$work/check.txt' && ! grep -qi warning '$work/check.txt'"
check "a booklet's pages are numbered part by part in a viewer, as each part prints them (/PageLabels)" python3 -c "
import json, subprocess
d = json.loads(subprocess.run(['qpdf', '--json', '--json-key=pages', '--json-key=outlines', '$work/chronicles.pdf'], capture_output=True, text=True).stdout)
starts = [o['destpageposfrom1'] - 1 for o in d['outlines']]
labels = [p['label'] for p in d['pages']]
assert None not in labels and all(l['/S'] == '/D' for l in labels), labels[:3]
assert [l['/St'] for l in labels] == [i - max(s for s in starts if s <= i) + 1 for i in range(len(labels))], labels
assert len(labels) > starts[1] + 1 and starts[1] > 1, starts
"
for layout in chart calendar chronicle; do
    check "a booklet of ${layout}s on --page A4: every page A4" bash -c "
'$tarikh' batch '$work/in' -o '$work/out-$layout' --format pdf --lang en,ar --layout $layout --page A4 --combine '$work/$layout.pdf' --quiet &&
source '$work/helpers.sh' && every_page '$work/$layout.pdf' '595.276 x 841.89'"
done

# The chronicle: an event after its era ended is not filed under it.
cat > "$work/eras.json" <<'EOF'
{"format": "tarikh/1", "title": "Eras", "languages": ["en"],
 "eras": [{"id": "spring", "start": "2017-01", "end": "2017-03", "label": "Early 2017"}],
 "events": [{"id": "a", "date": "2017-02-10", "title": "Inside the era"},
            {"id": "b", "date": "2017-10-05", "title": "After the era"}]}
EOF
"$tarikh" render "$work/eras.json" --layout chronicle -o "$work/eras.pdf"
check "an era's bookmark holds only the events inside it" python3 -c "
import json, subprocess
out = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', '$work/eras.pdf'], capture_output=True, text=True).stdout)['outlines']
titles = [(o['title'], [k['title'] for k in o['kids']]) for o in out]
assert titles == [('Early 2017', ['February 10, 2017 — Inside the era']), ('October 5, 2017 — After the era', [])], titles
"

# A width the paper cannot hold is narrowed to the paper's, and said.
check "a width wider than the page is said, not silently narrowed" bash -c "
'$tarikh' render '$example' --page A4 --width 3000px -o '$work/wide-a4.pdf' 2>'$work/wide-a4.err' &&
grep -qF 'the width asked for, 3000 px, is wider than the page holds' '$work/wide-a4.err'"
check "a width the page holds is taken without a word" bash -c "
'$tarikh' render '$example' --page A4 --width 600px -o '$work/narrow-a4.pdf' 2>'$work/narrow-a4.err' &&
! grep -q 'wider than the page' '$work/narrow-a4.err'"

finish
