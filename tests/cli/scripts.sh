#!/usr/bin/env bash
# Every language's script: words come out of the PDF whole, and no bidi control character
# reaches the text a reader copies.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

idlib="$root/timelines/idlib-sochi-2018.json"
"$tarikh" render "$idlib" --lang ar --layout chronicle -o "$work/ar.pdf"
# Each of these came out of pdftotext in two pieces, broken after a reh, waw or alef that Amiri
# kerned the next letter under ("تحر ير", "إ يران").
check "Arabic words after a reh or an alef come out of the PDF whole" words_in_pdf "$work/ar.pdf" \
    تحرير ريف إيران إيرانية الإيراني إيجابية آخرين بالرؤية تريد للتحرير تشرين

finish
