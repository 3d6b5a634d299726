#!/usr/bin/env bash
# ACLED and UCDP GED tables on the command line: `import acled|ucdp-ged`, render and batch reading
# them directly (told by the header row, or --from), the choice of rows and lanes, and errors
# at the cell with nothing written. Every row is synthetic (tests/import/, bench/make_acled_like.py).
set -u
tarikh=$1
root=$2
data=$root/tests/import
source "$root/tests/cli/lib.sh"

# fails_with CODE LINE COMMAND...: exit CODE within 20 seconds, LINE among the lines of stderr.
fails_with() {
    local code=$1 line=$2
    shift 2
    timeout -k 2 20 "$@" >"$work/out.txt" 2>"$work/err.txt"
    local got=$?
    [ "$got" -eq "$code" ] || { echo "exit $got, expected $code"; cat "$work/err.txt"; return 1; }
    grep -qxF -- "$line" "$work/err.txt" || { echo "no line: $line"; cat "$work/err.txt"; return 1; }
}

check "import acled" "$tarikh" import acled "$data/acled_small.csv" -o "$work/acled.json"
check "the import is valid format v1" "$tarikh" validate "$work/acled.json"
check "import ucdp-ged keeps low and high" bash -c "'$tarikh' import ucdp-ged '$data/ged_small.csv' -o - | grep -q '\"low\": 10'"
check "render reads an ACLED table directly" "$tarikh" render "$data/acled_small.csv" -o "$work/acled.svg"
check "render --from ucdp-ged reads stdin" bash -c "'$tarikh' render - --from ucdp-ged -o '$work/ged.svg' < '$data/ged_small.csv'"
check "batch renders tables beside timelines" "$tarikh" batch "$data/acled_small.csv" "$data/ged_small.csv" -o "$work/batch" --format svg -q
check "batch wrote both" test -s "$work/batch/acled_small.en.svg" -a -s "$work/batch/ged_small.en.svg"

# The chronicle writes a disputed count with its bounds; the HTML card shows it on hover.
check "chronicle writes best, low and high" bash -c "'$tarikh' render '$data/ged_small.csv' --layout chronicle -o '$work/ged.svg' &&
    grep -q 'fatalities: best 12, between 10 and 19' '$work/ged.svg'"
check "the HTML card holds the range" bash -c "'$tarikh' render '$data/ged_small.csv' -o '$work/ged.html' &&
    grep -q '<p dir=\"auto\">fatalities: best 12, between 10 and 19 — Test Wire B' '$work/ged.html'"

# Choosing what is shown.
check "--where and --title" bash -c "'$tarikh' import acled '$data/acled_small.csv' --where admin1=Hama --title 'Hama' -o - |
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert [e[\"id\"] for e in d[\"events\"]] == [\"XSY0004\"] and d[\"title\"] == \"Hama\"'"
check "--between and --min-fatalities" bash -c "'$tarikh' import acled '$data/acled_small.csv' --between 2018-09-18..2018-10-31 --min-fatalities 1 -o - |
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert [e[\"id\"] for e in d[\"events\"]] == [\"XSY0004\"]'"
check "--lanes event_type" bash -c "'$tarikh' import acled '$data/acled_small.csv' --lanes event_type -o - | grep -q '\"label\": \"Battles\"'"

# --help lists the table options and the density bands', and import's shows how to start.
check "render --help groups the table and band options" bash -c "'$tarikh' render --help > '$work/help.txt' &&
    grep -qx 'Event tables (ACLED, UCDP GED):' '$work/help.txt' && grep -qx 'Many events: density bands (docs/aggregate.md):' '$work/help.txt' &&
    grep -q 'an ACLED or UCDP GED CSV export' '$work/help.txt' && grep -qF -- \"--label-where 'fatalities>=10'\" '$work/help.txt'"
check "import --help shows the tables' commands" bash -c "'$tarikh' import --help | grep -q '^  tarikh import acled acled-syria.csv --where admin1=Idlib'"

# Usage errors: exit 2, nothing written.
check "an unknown --where column is a usage error" fails_with 2 'hint: did you mean "admin1"?' \
    "$tarikh" import acled "$data/acled_small.csv" --where admn1=Idlib -o "$work/none.json"
check "a --where without = is a usage error" exit_code 2 "$tarikh" render "$data/acled_small.csv" --where Idlib -o "$work/none.svg"
check "a bad --between is a usage error" exit_code 2 "$tarikh" import acled "$data/acled_small.csv" --between 2018-09-40..2018-10-01 -o "$work/none.json"
check "table options on a timeline are refused" exit_code 2 "$tarikh" render "$root/timelines/idlib-sochi-2018.json" --lanes none -o "$work/none.svg"
check "nothing written" test ! -e "$work/none.json" -a ! -e "$work/none.svg"

# Input errors: at the cell, exit 1, nothing written.
check "low above best is located" fails_with 1 "$data/ged_low_above_best.csv:2:383: error: low: expected low at most best (12), found 14" \
    "$tarikh" import ucdp-ged "$data/ged_low_above_best.csv" -o "$work/bad.json"
check "no partial output" test ! -e "$work/bad.json"
printf 'event_id_cnty,event_date,fatalities\nX1,2018-09-17,"unclosed\n' >"$work/open.csv"
check "an unclosed quote is located" fails_with 1 "$work/open.csv:2:15: error: expected a closing quote for the cell opened here, found the end of the file" \
    "$tarikh" render "$work/open.csv" -o "$work/open.svg"
printf 'event_id_cnty,event_date,fatalities\nX1,2018-09-17,1\0\n' >"$work/nul.csv"
check "a NUL is located" fails_with 1 "$work/nul.csv:2:16: error: expected text, found a NUL byte" \
    "$tarikh" import acled "$work/nul.csv" -o "$work/nul.json"
python3 -c "print('event_id_cnty,event_date,notes'); print('X1,2018-09-17,' + 'x' * 50000)" >"$work/huge.csv"
check "a huge cell stops at --max-text-length" fails_with 1 "hint: raise the limit with --max-text-length" \
    "$tarikh" import acled "$work/huge.csv" -o "$work/huge.json"

# The generator: seeded, so the same N gives the same bytes.
check "the generator is deterministic" bash -c "cmp <(python3 '$root/bench/make_acled_like.py' 300) <(python3 '$root/bench/make_acled_like.py' 300)"
python3 "$root/bench/make_acled_like.py" 2000 >"$work/acled-2000.csv"
check "2,000 generated rows import to a file validate accepts without a warning" bash -c "'$tarikh' import acled '$work/acled-2000.csv' --lanes none -o '$work/acled-2000.json' 2>'$work/import.err' &&
    '$tarikh' validate '$work/acled-2000.json' 2>'$work/validate.err' && test ! -s '$work/import.err' -a ! -s '$work/validate.err'"
check "2,000 events crowding a 680 px chart: the warning points to --aggregate" bash -c "'$tarikh' render '$work/acled-2000.csv' --width 680 \
    -o '$work/crowded.svg' 2>&1 | grep -q '^hint: draw the events as density bands with --aggregate week'"
check "with --aggregate, to fewer labels" bash -c "'$tarikh' render '$work/acled-2000.csv' --width 680 --aggregate week --label-where fatalities\>=0 \
    -o '$work/crowded.svg' 2>&1 | grep -q '^hint: label fewer events (--label-where, --label-top)'"
check "2,000 generated rows render as a chronicle" "$tarikh" render "$work/acled-2000.csv" --where sub_event_type=Air/drone\ strike \
    --min-fatalities 3 --layout chronicle -o "$work/idlib.pdf"

finish
