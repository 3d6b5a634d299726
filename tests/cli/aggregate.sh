#!/usr/bin/env bash
# End-to-end checks of --aggregate, --measure, --label-where and --label-top: bad values and
# options a view has no use for are usage errors (exit 2); a density band's bars reach the
# layout JSON and the HTML page's hover cards; automatic aggregation says so.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

python3 "$root/tests/aggregate/make_timeline.py" --events 600 --seed 3 --out "$work/t.json"
t=$work/t.json

for bad in "--aggregate daily" "--measure deaths" "--label-where fatalities>10" "--label-where deaths>=3" \
           "--label-where fatalities>=-1" "--label-top 0" "--label-top -3" "--label-top x" "--label-top 1e3"; do
    # shellcheck disable=SC2086
    check "$bad is a usage error" exit_code 2 "$tarikh" render "$t" -o "$work/x.svg" $bad
done
check "a measure without --aggregate is a usage error" exit_code 2 "$tarikh" render "$t" -o "$work/x.svg" --measure fatalities
check "--label-top without --aggregate is a usage error" exit_code 2 "$tarikh" render "$t" -o "$work/x.svg" --label-top 3
check "a calendar has no use for --aggregate" exit_code 2 "$tarikh" render "$t" -o "$work/x.svg" --layout calendar --aggregate week
check "a ring has no use for --aggregate" exit_code 2 "$tarikh" render "$t" -o "$work/x.svg" --layout radial --aggregate week
check "a band needs time in proportion" exit_code 2 "$tarikh" render "$t" -o "$work/x.svg" --aggregate week --scale sequential
check "a band is drawn along one axis" exit_code 2 "$tarikh" render "$t" -o "$work/x.svg" --aggregate week --segment month
check "no file is written after a usage error" test ! -e "$work/x.svg"

check "--aggregate month renders" exit_code 0 "$tarikh" render "$t" -o "$work/month.svg" --aggregate month --measure fatalities \
    --label-top 4 --layout-json "$work/month.json"
check "the bars count every event, the four kept ones drawn too" python3 -c "
import json
d = json.load(open('$work/month.json'))
assert sum(b['events'] for b in d['bars']) == 600, sum(b['events'] for b in d['bars'])
assert len([b for b in d['boxes'] if b['kind'] == 'marker']) == 4
assert all(b['period'] for b in d['bars'])
"
check "auto at 680 px counts the lanes and says so" exit_code 0 "$tarikh" render "$t" -o "$work/auto.html" --aggregate auto --width 680
check "the note names the lane and the threshold" grep -q "more than the 24 that fit as labelled markers at 680 px" "$work/err.txt"
check "each bar's period and totals are on hover in the HTML" grep -q "Week of 21 January 2019 — Government of Syria</h3><p dir=\"auto\">[0-9]* events" "$work/auto.html"
check "auto without a width keeps 600 events one by one" exit_code 0 "$tarikh" render "$t" -o "$work/none.svg" --aggregate auto \
    --layout-json "$work/none.json"
check "no bars when no lane is past the threshold" python3 -c "
import json; assert 'bars' not in json.load(open('$work/none.json'))"
check "a chronicle writes a paragraph per period" exit_code 0 "$tarikh" render "$t" -o "$work/c.pdf" --layout chronicle \
    --aggregate week --label-where 'fatalities>=30'
check "the paragraphs are in the PDF" words_in_pdf "$work/c.pdf" Week events fatalities
# A batch rerun with other aggregation options renders again, rather than keeping the outputs.
mkdir -p "$work/in" && cp "$t" "$work/in/"
"$tarikh" batch "$work/in" -o "$work/out" --format svg --width 680 -q --incremental 2>/dev/null
cp "$work/out/t.en.svg" "$work/plain.svg" 2>/dev/null || cp "$(ls "$work"/out/*.svg | head -1)" "$work/plain.svg"
check "batch takes --aggregate" exit_code 0 "$tarikh" batch "$work/in" -o "$work/out" --format svg --width 680 -q --incremental \
    --aggregate week --label-top 3
check "and renders again with it" bash -c "! cmp -s '$work/plain.svg' \$(ls '$work'/out/*.svg | head -1)"
check "a batch rerun with another --label-top renders again too" bash -c "
'$tarikh' batch '$work/in' -o '$work/out' --format svg --width 680 -q --incremental --aggregate week --label-top 3 2>/dev/null
cp \$(ls '$work'/out/*.svg | head -1) '$work/three.svg'
'$tarikh' batch '$work/in' -o '$work/out' --format svg --width 680 -q --incremental --aggregate week --label-top 5 2>/dev/null
! cmp -s '$work/three.svg' \$(ls '$work'/out/*.svg | head -1)"
finish
