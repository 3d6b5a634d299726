#!/usr/bin/env bash
# End-to-end checks of the tarikh command line, with the tools users check outputs with:
# exit codes, no partial files, qpdf --check, xmllint, pdftotext of the Arabic edition.
set -u
tarikh=$1
root=$2
example=$root/timelines/idlib-sochi-2018.json
source "$root/tests/cli/lib.sh"



for lang in en ar; do
    for format in svg pdf png; do
        check "render $lang $format" exit_code 0 "$tarikh" render "$example" -o "$work/idlib-$lang.$format" --lang "$lang"
    done
done
check "layout json" exit_code 0 "$tarikh" render "$example" -o "$work/x.svg" --layout-json "$work/boxes.json"
check "layout json is JSON with boxes" python3 -c "
import json, sys
d = json.load(open('$work/boxes.json'))
kinds = {b['kind'] for b in d['boxes']}
need = {'title', 'subtitle', 'legend', 'lane', 'lane-label', 'era', 'era-label', 'axis', 'tick', 'marker', 'label', 'link'}
assert need <= kinds, need - kinds
ids = [b['event'] for b in d['boxes'] if b['kind'] == 'label']
assert len(ids) == len(set(ids)) == 11, ids
assert all(b['page'] == 1 for b in d['boxes'])
"
check "quality json" exit_code 0 "$tarikh" render "$example" -o "$work/x.pdf" --lang ar --quality-json "$work/quality.json"
check "quality json: no overlap, every event labelled, rows at the bound" python3 -c "
import json
q = json.load(open('$work/quality.json'))
assert q['label_overlap_area'] == 0 and q['labelled'] == q['events'] == 11, q
assert q['rows_used'] == q['rows_lower_bound'] and q['leader_crossings'] == 0 and q['layout_ms'] > 0, q
"
for layout in chart chronicle calendar radial; do
    check "$layout of a pale era and pale lanes: every text reads at 4.5:1" bash -c "
    '$tarikh' render '$root/tests/contrast/pale-era.json' --layout $layout -o '$work/pale.svg' --quality-json '$work/pale.json' &&
    python3 -c \"import json; q = json.load(open('$work/pale.json')); assert q['min_contrast'] >= 4.5, q\""
done
check "EDTF dates render as given, never more precise" bash -c "
'$tarikh' render '$root/tests/dates/edtf.json' --layout chronicle -o '$work/edtf.pdf' &&
pdftotext '$work/edtf.pdf' - > '$work/edtf.txt' &&
for date in 'since November 25, 2018' 'until September 20, 2018' 'November 15, 2018?' 'c. November 20, 2018' \\
            'September – November 2018' 'September 17 – October 15, 2018' 'October 2018' \\
            'from October 20, 2018, end unknown' 'November 1, 2018 at 12:00 AM' 'date unknown'; do
    grep -qF \"\$date\" '$work/edtf.txt' || { echo \"missing: \$date\"; exit 1; }
done
! grep -q 'October 1, 2018' '$work/edtf.txt' && ! grep -q 'since October 20' '$work/edtf.txt' && ! grep -q '1970' '$work/edtf.txt'"
check "EDTF dates nobody knows are listed under the chart, not placed on it" bash -c "
'$tarikh' render '$root/tests/dates/edtf.json' -o '$work/edtf.svg' --layout-json '$work/edtf.layout.json' &&
grep -qF 'date unknown: A raid nobody dates; A meeting on an unknown day' '$work/edtf.svg' &&
python3 -c \"import json; boxes = json.load(open('$work/edtf.layout.json'))['boxes']
assert not [b for b in boxes if b.get('event') in ('date-unknown', 'day-unknown-entirely')], 'placed'\""
check "a calendar and a ring say which events nobody dates, and nothing of illegible text" bash -c "
printf '{\"format\":\"tarikh/1\",\"events\":[{\"id\":\"a\",\"date\":\"XXXX\"},{\"id\":\"b\",\"after\":{\"event\":\"a\",\"offset\":\"PT3H\"}}]}' > '$work/undated.json' &&
'$tarikh' render '$work/undated.json' --layout calendar -o '$work/undated.svg' 2> '$work/undated.err' &&
grep -qF '2 events have no known date (XXXX) and no place on the calendar' '$work/undated.err' &&
! grep -q 'too small to read' '$work/undated.err' &&
'$tarikh' render '$work/undated.json' --layout radial -o '$work/undated-ring.svg' 2>&1 | grep -qF 'no place on the ring'"
check "EDTF dates in Arabic" bash -c "
'$tarikh' render '$root/tests/dates/edtf.json' --lang ar --layout chronicle -o '$work/edtf-ar.pdf' &&
pdftotext '$work/edtf-ar.pdf' - > '$work/edtf-ar.txt' && grep -q 'منذ' '$work/edtf-ar.txt' &&
grep -qF 'تاريخ غير معروف' '$work/edtf-ar.txt' && grep -qF 'والنهاية غير معروفة' '$work/edtf-ar.txt'"
for option in "--scale collapsed" "--scale sequential" "--scale relative" "--scale log" "--scale auto" "--facet none" \
              "--segment month" "--segment era --lang ar"; do
    check "chart $option" bash -c "'$tarikh' render '$example' $option -o '$work/variant.svg' --quality-json '$work/variant.json' &&
        xmllint --noout '$work/variant.svg' &&
        python3 -c \"import json; q = json.load(open('$work/variant.json')); assert q['label_overlap_area'] == 0 and q['labelled'] == 11, q\""
done
check "calendar layout, English and Arabic" bash -c "
'$tarikh' render '$example' --layout calendar -o '$work/calendar.pdf' && pdftotext '$work/calendar.pdf' - | grep -q 'November 2018' &&
'$tarikh' render '$example' --layout calendar --lang ar -o '$work/calendar-ar.svg' && xmllint --noout '$work/calendar-ar.svg'"
check "radial layout, English and Arabic, sequential" bash -c "
'$tarikh' render '$example' --layout radial -o '$work/radial.svg' --quality-json '$work/radial.json' && xmllint --noout '$work/radial.svg' &&
'$tarikh' render '$example' --layout radial --lang ar --scale sequential -o '$work/radial-ar.pdf' && qpdf --check '$work/radial-ar.pdf' >/dev/null &&
python3 -c \"import json; q = json.load(open('$work/radial.json')); assert q['label_overlap_area'] == 0 and q['labelled'] == 11, q\""
for layout in calendar radial; do
    check "$layout as a web page: a card for every event" bash -c "
'$tarikh' render '$example' --layout $layout -o '$work/$layout.html' && test \$(grep -o 'id=\"event-' '$work/$layout.html' | wc -l) -eq 11"
done
check "unknown scale refused" exit_code 2 "$tarikh" render "$example" --scale radial -o "$work/x.svg"
check "stdout needs --format" exit_code 2 "$tarikh" render "$example" -o -
check "render to stdout" bash -c "'$tarikh' render '$example' -o - --format svg | xmllint --noout -"
check "SVG well-formed (en)" xmllint --noout "$work/idlib-en.svg"
check "SVG well-formed (ar)" xmllint --noout "$work/idlib-ar.svg"
check "SVG has no script or foreign object" bash -c "! grep -qiE '<script|foreignObject|onload=' '$work/idlib-en.svg'"
check "SVG renders with librsvg" rsvg-convert -o "$work/rsvg.png" "$work/idlib-ar.svg"
check "qpdf --check (en)" qpdf --check "$work/idlib-en.pdf"
check "qpdf --check (ar)" qpdf --check "$work/idlib-ar.pdf"
check "PDF has a bookmark per event, in time order" bash -c "qpdf --json --json-key=outlines '$work/idlib-en.pdf' | python3 -c '
import json, sys
titles = [o[\"title\"] for o in json.load(sys.stdin)[\"outlines\"]]
assert len(titles) == 11, titles
assert titles[0].startswith(\"17 September 2018\"), titles[0]
'"
check "PDF fonts embedded" bash -c "pdffonts '$work/idlib-ar.pdf' | awk 'NR>2 && \$(NF-4) != \"yes\" {bad=1} END {exit bad}'"
check "PDF title metadata" bash -c "pdfinfo '$work/idlib-ar.pdf' | grep -q 'Title: *اتفاق سوتشي في إدلب على حافة الانهيار'"
check "PDF creation date is fixed" bash -c "pdfinfo '$work/idlib-en.pdf' | grep -q 'CreationDate: *Thu Jan  1 00:00:00 1970'"
check "SOURCE_DATE_EPOCH sets the creation date" bash -c "SOURCE_DATE_EPOCH=1541714400 '$tarikh' render '$example' -o '$work/dated.pdf' && pdfinfo '$work/dated.pdf' | grep -q 'CreationDate: *Thu Nov  8 22:00:00 2018'"
# Words come back out of the PDFs (bidi marks stripped; words compared, not lines).
# Known limit: pdftotext splits Amiri words after a final-form reh ("تشر ين"), as it does
# for pango-view's PDFs; see docs/fonts.md. Those words are left out here.
check "Arabic text extracts" words_in_pdf "$work/idlib-ar.pdf" الزلاقيات سوتشي إدلب حلفايا جيش العزة أردوغان الثاني ٢٠١٨ روسيا عنب بلدي هجوم
check "English text extracts" words_in_pdf "$work/idlib-en.pdf" Attack Jaysh al-Izza Halfaya Erdoğan November 2018 Sochi
check "byte-identical SVG" bash -c "'$tarikh' render '$example' -o '$work/again.svg' && cmp '$work/x.svg' '$work/again.svg'"
check "byte-identical PDF" bash -c "'$tarikh' render '$example' -o '$work/again.pdf' && cmp '$work/idlib-en.pdf' '$work/again.pdf'"
check "validate ok" exit_code 0 "$tarikh" validate "$example"
check "validate bad input exits 1" exit_code 1 "$tarikh" validate "$root/tests/invalid/bad-date.json"
check "missing input exits 1" exit_code 1 "$tarikh" validate "$work/nope.json"
check "unknown option exits 2" exit_code 2 "$tarikh" render "$example" -o "$work/y.svg" --frobnicate
check "unknown extension exits 2" exit_code 2 "$tarikh" render "$example" -o "$work/y.gif"
check "failed render leaves no file" bash -c "
'$tarikh' render '$root/tests/invalid/bad-date.json' -o '$work/bad.svg' 2>/dev/null; [ \$? -eq 1 ] && [ ! -e '$work/bad.svg' ]"
check "unwritable output exits 3 and leaves nothing" bash -c "
'$tarikh' render '$example' -o '$work/no/such/folder/x.svg' 2>/dev/null; [ \$? -eq 3 ] && [ ! -e '$work/no' ]"
check "no temporary files left" bash -c "! ls -A '$work' | grep -q '^\.tarikh-.*\.tmp$'"
check "error names file, line, column and pointer" bash -c "
'$tarikh' validate '$root/tests/invalid/bad-date.json' 2>&1 | grep -qF 'bad-date.json:4:25: error: /events/0/date: expected an ISO 8601 date, found \"2018-13-01\"'"
check "help lists exit codes" bash -c "'$tarikh' --help | grep -qE '^  3 +output error'"
# A word that names no subcommand is a usage error that names it, never the main help with exit 0.
check "a misspelt subcommand exits 2" exit_code 2 "$tarikh" valdate "$example"
check "it names the word, the subcommands and the nearest" bash -c "
grep -qF 'tarikh: error: expected a subcommand (render, batch, import, schema, validate), found \"valdate\"' '$work/err.txt' &&
grep -qxF 'hint: did you mean \"validate\"?' '$work/err.txt' && grep -qxF \"Try 'tarikh --help'.\" '$work/err.txt'"
check "an unknown subcommand with --help exits 2" exit_code 2 "$tarikh" convert --help
check "and prints no help" bash -c "test ! -s '$work/out.txt' && ! grep -q 'hint:' '$work/err.txt' && grep -qF 'found \"convert\"' '$work/err.txt'"
check "a misspelt import format exits 2 with the nearest" exit_code 2 "$tarikh" import aclde x.csv -o x.json
check "it names import's formats" bash -c "
grep -qF 'expected a subcommand (timelinejs, acled, ucdp-ged), found \"aclde\"' '$work/err.txt' &&
grep -qxF 'hint: did you mean \"acled\"?' '$work/err.txt' && grep -qxF \"Try 'tarikh import --help'.\" '$work/err.txt'"
check "a known subcommand's --help still exits 0" exit_code 0 "$tarikh" validate --help
check "version" bash -c "'$tarikh' --version | grep -q '^tarikh '"

finish
