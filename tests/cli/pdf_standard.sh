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
finish
