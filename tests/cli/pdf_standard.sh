#!/usr/bin/env bash
# Every example timeline as a chart and as a chronicle, in English and Arabic (and the
# bilingual chronicle), written with --pdf-standard a-2u,ua-1 and held to what
# tests/cli/pdf_standard.py can check of PDF/A-2u and PDF/UA-1 (docs/pdf.md); qpdf --check
# clean too.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

checker=$root/tests/cli/pdf_standard.py
for timeline in "$root"/timelines/*.json; do
    name=$(basename "$timeline" .json)
    for layout in chart chronicle; do
        for lang in en ar; do
            pdf=$work/$name-$layout-$lang.pdf
            check "$name $layout $lang renders with --pdf-standard a-2u,ua-1" \
                "$tarikh" render "$timeline" --layout "$layout" --lang "$lang" --pdf-standard a-2u,ua-1 -o "$pdf"
            [ -s "$pdf" ] || continue
            check "$name $layout $lang: PDF/A-2u and PDF/UA-1" /usr/bin/python3 "$checker" "$pdf" --pdfa 2u --pdfua 1
            check "$name $layout $lang: qpdf --check" qpdf --check "$pdf"
        done
    done
    pdf=$work/$name-chronicle-en+ar.pdf
    check "$name bilingual chronicle renders" \
        "$tarikh" render "$timeline" --layout chronicle --lang en+ar --pdf-standard a-2u,ua-1 -o "$pdf"
    [ -s "$pdf" ] && check "$name bilingual chronicle: PDF/A-2u and PDF/UA-1" \
        /usr/bin/python3 "$checker" "$pdf" --pdfa 2u --pdfua 1
done
# Each level alone asks only its own.
pdf=$work/a2b.pdf
check "--pdf-standard a-2b renders" "$tarikh" render "$root/timelines/idlib-sochi-2018.json" --pdf-standard a-2b -o "$pdf"
check "--pdf-standard a-2b: PDF/A-2b" /usr/bin/python3 "$checker" "$pdf" --pdfa 2b
pdf=$work/ua1.pdf
check "--pdf-standard ua-1 renders" "$tarikh" render "$root/timelines/idlib-sochi-2018.json" --layout chronicle --pdf-standard ua-1 -o "$pdf"
check "--pdf-standard ua-1: PDF/UA-1" /usr/bin/python3 "$checker" "$pdf" --pdfua 1

# A booklet (batch --combine) of an English and an Arabic part keeps the same promises as a
# whole: the checker and qpdf --check on it, the same bytes from the same input, one output
# intent, each part read in turn, in its own language.
mkdir -p "$work/booklet-in"
cp "$root/timelines/idlib-sochi-2018.json" "$work/booklet-in/"
booklet() {  # booklet LEVELS OUT.pdf
    SOURCE_DATE_EPOCH=1700000000 "$tarikh" batch "$work/booklet-in" -o "$work/parts-$(basename "$2" .pdf)" --format pdf \
        --lang en --lang ar --pdf-standard "$1" --combine "$2" --combine-title "Idlib, two editions" --quiet
}
pdf=$work/booklet.pdf
check "a booklet renders with --pdf-standard a-2u,ua-1" booklet a-2u,ua-1 "$pdf"
check "the booklet: PDF/A-2u and PDF/UA-1" /usr/bin/python3 "$checker" "$pdf" --pdfa 2u --pdfua 1
check "the booklet: qpdf --check without a warning" bash -c "qpdf --check '$pdf' >'$work/check.txt' && ! grep -qi warning '$work/check.txt'"
check "the booklet again" booklet a-2u,ua-1 "$work/again.pdf"
check "the booklet: the same bytes again" cmp "$pdf" "$work/again.pdf"
check "the booklet: one output intent, the document in English, the Arabic part's Document in Arabic" /usr/bin/python3 -c "
import json, subprocess
objects = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', '$pdf'], capture_output=True, text=True).stdout)['qpdf'][1]
value = lambda ref: objects['obj:' + ref].get('value') or objects['obj:' + ref]['stream']['dict']
root = value(objects['trailer']['value']['/Root'])
assert root['/Lang'] == 'u:en', root.get('/Lang')
dicts = [v.get('value') or v.get('stream', {}).get('dict') for v in objects.values()]
assert sum(isinstance(d, dict) and d.get('/Type') == '/OutputIntent' for d in dicts) == 1
assert sum(isinstance(d, dict) and '/N' in d and d.get('/Type') != '/ObjStm' and d.get('/Length', 0) > 1000 for d in dicts) == 1  # the ICC profile
parts = value(value(root['/StructTreeRoot'])['/K'])['/K']
assert [value(p).get('/Lang') for p in parts] == [None, 'u:ar'], [value(p).get('/Lang') for p in parts]
"
check "the booklet reads the English part, then the Arabic one" /usr/bin/python3 -c "
import subprocess
tree = subprocess.run(['pdfinfo', '-struct-text', '$pdf'], capture_output=True, text=True).stdout.splitlines()
parts = [i for i, line in enumerate(tree) if line == '  Document']
assert tree[0] == 'Document' and len(parts) == 2, tree[:3]
titles = [tree[i + 2].strip() for i in parts]
assert titles == ['\"Idlib\'s Sochi deal at the verge of collapse\"', '\"اتفاق سوتشي في إدلب على حافة الانهيار\"'], titles
"
pdf=$work/booklet-a2b.pdf
check "a booklet renders with --pdf-standard a-2b" booklet a-2b "$pdf"
check "that booklet: PDF/A-2b" /usr/bin/python3 "$checker" "$pdf" --pdfa 2b
pdf=$work/booklet-ua1.pdf
check "a booklet renders with --pdf-standard ua-1" booklet ua-1 "$pdf"
check "that booklet: PDF/UA-1" /usr/bin/python3 "$checker" "$pdf" --pdfua 1
finish
