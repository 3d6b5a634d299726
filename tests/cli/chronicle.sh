#!/usr/bin/env bash
# End-to-end checks of the chronicle and of print PDFs: every title once across the pages,
# nothing outside the margins, real page sizes, nested bookmarks, links, qpdf --check clean,
# the Arabic and bilingual editions by text extraction.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"


example=$root/timelines/idlib-sochi-2018.json
python3 "$root/tests/cli/make_long_chronicle.py" 300 > "$work/long.json"
"$tarikh" render "$work/long.json" --layout chronicle -o "$work/long.pdf" --layout-json "$work/long.boxes.json" 2>"$work/long.err"

check "the 300-event chronicle renders without warnings" test ! -s "$work/long.err"
check "every title is extracted exactly once across the pages" python3 -c "
import re, subprocess
text = subprocess.run(['pdftotext', '$work/long.pdf', '-'], capture_output=True, text=True).stdout
counts = [len(re.findall(r'\bEntry %03d title\b' % i, text)) for i in range(300)]
bad = [(i, c) for i, c in enumerate(counts) if c != 1]
assert not bad, bad[:10]
"
check "entries break across pages with a (continued) mark" bash -c "pdftotext '$work/long.pdf' - | grep -q '(continued)'"
check "every box lies inside the margins, on a real page" python3 -c "
import json, subprocess
d = json.load(open('$work/long.boxes.json'))
pages = {p['page']: p for p in d['pages']}
npages = int(subprocess.run(['qpdf', '--show-npages', '$work/long.pdf'], capture_output=True, text=True).stdout)
assert len(pages) == npages > 20, (len(pages), npages)
margin = 15 * 96 / 25.4
for b in d['boxes']:
    p = pages[b['page']]
    assert b['x'] >= margin - 0.01 and b['y'] >= margin - 0.01, b
    assert b['x'] + b['width'] <= p['width'] - margin + 0.01 and b['y'] + b['height'] <= p['height'] - margin + 0.01, b
markers = [b['event'] for b in d['boxes'] if b['kind'] == 'marker']
assert sorted(markers) == ['e%03d' % i for i in range(300)], len(markers)
"
check "footers count the pages" bash -c "pdftotext -f 3 -l 3 '$work/long.pdf' - | grep -qE '^page 3 of [0-9]+$'"

for spec in "A4::595.276 x 841.89" "Letter::612 x 792" "A3:--landscape:1190.55 x 841.89" "Legal::612 x 1008"; do
    IFS=: read -r page flag size <<<"$spec"
    check "page size $page $flag" bash -c "
'$tarikh' render '$example' --layout chronicle --page $page $flag -o '$work/size.pdf' &&
pdfinfo '$work/size.pdf' | grep -q 'Page size: *$size pts'"
done

"$tarikh" render "$example" --layout chronicle -o "$work/en.pdf"
"$tarikh" render "$example" --layout chronicle --lang ar -o "$work/ar.pdf"
"$tarikh" render "$example" --layout chronicle --lang en+ar --page Letter -o "$work/enar.pdf"
for pdf in en ar enar; do
    check "qpdf --check is clean ($pdf)" bash -c "qpdf --check '$work/$pdf.pdf' > '$work/check.txt' && ! grep -qi warning '$work/check.txt'"
done
check "bookmarks nest events under their era" python3 -c "
import json, subprocess
out = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', '$work/en.pdf'], capture_output=True, text=True).stdout)['outlines']
assert [o['title'] for o in out] == ['Sochi deal in force'], [o['title'] for o in out]
kids = out[0]['kids']
assert len(kids) == 11 and kids[0]['title'].startswith('17 September 2018 — Turkey and Russia'), kids[0]['title']
"
check "Arabic bookmarks" bash -c "qpdf --json --json-key=outlines '$work/ar.pdf' | grep -q 'اتفاق سوتشي ساري المفعول'"
check "source links are clickable" bash -c "
qpdf --qdf --object-streams=disable '$work/en.pdf' '$work/qdf.pdf' && [ \$(grep -ac '/URI (https://english.enabbaladi.net/)' '$work/qdf.pdf') -ge 11 ]"
check "document language and title" bash -c "
qpdf --show-object=1 '$work/ar.pdf' | grep -q '/Lang (ar)' && pdfinfo '$work/ar.pdf' | grep -q 'Title: *اتفاق سوتشي'"

check "Arabic chronicle words" words_in_pdf "$work/ar.pdf" الزلاقيات سوتشي حلفايا أردوغان الثاني ٢٠١٨ عنب بلدي صفحة الحرس الثوري
check "bilingual chronicle has both languages" words_in_pdf "$work/enar.pdf" al-Zalaqiat Halfaya الزلاقيات حلفايا Erdoğan أردوغان
check "Hijri dates beside Gregorian ones" bash -c "
'$tarikh' render '$example' --layout chronicle --calendar gregorian+islamic-umalqura -o '$work/hijri.pdf' &&
pdftotext '$work/hijri.pdf' - | grep -q '17 September 2018 (7 Muharram 1440 AH)'"
check "the chart prints as a PDF too" bash -c "'$tarikh' render '$example' -o '$work/chart.pdf' && qpdf --check '$work/chart.pdf'"

python3 -c "
import json
events = [{'id': 'e%03d' % i, 'date': '2018-%02d-%02d' % (9 + i // 28 % 4, 1 + i % 28),
           'headline': ['Shelling near Khan Shaykhun', 'قصف على ريف إدلب الجنوبي'][i % 2] + ' %d' % i} for i in range(200)]
print(json.dumps({'title': 'A wide chart', 'events': events}, ensure_ascii=False))" > "$work/events.json"
python3 "$root/bench/peer_events_to_tarikh.py" "$work/events.json" > "$work/wide.json"
"$tarikh" render "$work/wide.json" --page A4 --landscape -o "$work/wide.pdf" --layout-json "$work/wide.boxes.json"
check "a wide chart splits across pages along the time axis" python3 -c "
import json, subprocess
pages = int(subprocess.run(['qpdf', '--show-npages', '$work/wide.pdf'], capture_output=True, text=True).stdout)
d = json.load(open('$work/wide.boxes.json'))
assert pages >= 2 and len(d['pages']) == pages, pages
ticks = {b['page'] for b in d['boxes'] if b['kind'] == 'tick'}
assert ticks == set(range(1, pages + 1)), ticks   # the axis on every page
labelled = {b['event'] for b in d['boxes'] if b['kind'] == 'label'}
assert len(labelled) == 200, len(labelled)        # every event on some page
margin = 15 * 96 / 25.4
for b in d['boxes']:
    p = d['pages'][b['page'] - 1]
    # A tick label is centred on its tick: one at the plot's edge may reach half its width into the margin.
    spill = b['width'] / 2 if b['kind'] == 'tick' else 0
    assert b['x'] >= margin - spill - 0.01 and b['x'] + b['width'] <= p['width'] - margin + spill + 0.01, b
"
check "the split chart passes qpdf --check" qpdf --check "$work/wide.pdf"
check "--fit prints the chart on one page" bash -c "
'$tarikh' render '$work/wide.json' --fit --page Letter -o '$work/fit.pdf' && [ \$(qpdf --show-npages '$work/fit.pdf') -eq 1 ] &&
pdfinfo '$work/fit.pdf' | grep -q 'Page size: *612 x 792 pts'"

finish
