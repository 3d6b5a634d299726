#!/usr/bin/env bash
# `tarikh batch` against hostile inputs and rough handling: nothing written outside -o, a
# record that is not a file, kills and signals, long names, --quiet.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

timeline() {  # timeline LANGUAGES [EXTRA_KEY]: a small valid timeline
    echo "{\"format\": \"tarikh/1\", \"title\": {\"en\": \"T\"}, \"languages\": $1, ${2:-}
 \"events\": [{\"id\": \"e0\", \"date\": \"2018-01-01\", \"title\": {\"en\": \"E\"}}]}"
}
# Every file under $1 but those under $1/in and $1/out.
strays() { (cd "$1" && find . -mindepth 1 -not -path './in*' -not -path './out*' | sort); }

# Names built from a language tag or a link stay inside -o.
mkdir -p "$work/lang/in" "$work/lang/a/b/c"
timeline '["en"]' >"$work/lang/in/t.json"
check "--lang ../../x is an error of the input" \
    exit_code 1 "$tarikh" batch "$work/lang/in" -o "$work/lang/a/b/c/out" --lang ../../x --format svg
check "--lang ../../x writes nothing" test -z "$(find "$work/lang" -type f -not -path '*/in/*' -not -name .tarikh-batch.json)"
timeline '["/../../../../elsewhere/index"]' >"$work/lang/in/t.json"
"$tarikh" batch "$work/lang/in" -o "$work/lang/a/b/c/out" --format svg >/dev/null 2>&1
check "a declared language /../../../../elsewhere/index writes nothing outside -o" \
    test -z "$(find "$work/lang" -type f -not -path '*/in/*' -not -name .tarikh-batch.json)"

mkdir -p "$work/link/in" "$work/link/elsewhere/deep"
timeline '["en"]' >"$work/link/elsewhere/deep/evil.json"
ln -s ../elsewhere/deep/evil.json "$work/link/in/innocent.json"
check "a linked input renders" exit_code 0 "$tarikh" batch "$work/link/in" -o "$work/link/out" --format svg
check "a linked input is named as listed" test -f "$work/link/out/innocent.en.svg"
check "nothing is written next to a link's target" test "$(ls -A "$work/link/elsewhere/deep")" = evil.json

# The record of --incremental: a folder or a FIFO in its place neither crashes nor hangs.
mkdir -p "$work/rec/in" "$work/rec/folder/.tarikh-batch.json" "$work/rec/fifo"
timeline '["en"]' >"$work/rec/in/t.json"
check "a record that is a folder is an output error" \
    exit_code 3 "$tarikh" batch "$work/rec/in" -o "$work/rec/folder" --format svg
check "... that says why" grep -q "error: cannot record the outputs in $work/rec/folder/.tarikh-batch.json" "$work/err.txt"
check "... after rendering every input" test -f "$work/rec/folder/t.en.svg"
mkfifo "$work/rec/fifo/.tarikh-batch.json"
check "a record that is a FIFO does not block" \
    exit_code 0 timeout -k 2 20 "$tarikh" batch "$work/rec/in" -o "$work/rec/fifo" --format svg --incremental
check "... and is a warning" grep -q "warning: ignored .*(not a regular file)" "$work/err.txt"

# A name of 240 characters fits, and so does its temporary.
long=$(printf 'n%.0s' $(seq 240))
mkdir -p "$work/long/in"
timeline '["en"]' >"$work/long/in/$long.json"
check "a 240-character input name renders" exit_code 0 "$tarikh" batch "$work/long/in" -o "$work/long/out" --format svg,png
check "... to its 247-character output" test -f "$work/long/out/$long.en.svg"

# A name that is not UTF-8 is kept in the record as well as it can be, never an exception.
mkdir -p "$work/utf8/in"
timeline '["en"]' >"$work/utf8/in/bad$(printf '\xff').json"
check "an input name that is not UTF-8 renders" exit_code 0 "$tarikh" batch "$work/utf8/in" -o "$work/utf8/out" --format svg

# --quiet prints errors, and nothing else.
mkdir -p "$work/quiet/in"
timeline '["en"]' '"colour": "red",' >"$work/quiet/in/warned.json"
echo '{"format": "tarikh/1"' >"$work/quiet/in/broken.json"
"$tarikh" batch "$work/quiet/in" -o "$work/quiet/out" --format svg --quiet 2>"$work/quiet.err"
check "--quiet prints the errors" grep -q "broken.json:.*error: " "$work/quiet.err"
check "--quiet prints no warning" bash -c "! grep -q 'warning' '$work/quiet.err'"
"$tarikh" batch "$work/quiet/in" -o "$work/quiet/out2" --format svg 2>"$work/loud.err"
check "without --quiet the warning is printed" grep -q "warned.json:.*warning: " "$work/loud.err"

# An output that cannot be written (a folder in its place; a file size limit it outgrows midway):
# the file's error is said, the other inputs are written, and no part of it is left.
mkdir -p "$work/unwritable/in" "$work/unwritable/out/a.en.svg"
timeline '["en"]' >"$work/unwritable/in/a.json"
timeline '["en"]' >"$work/unwritable/in/b.json"
"$tarikh" batch "$work/unwritable/in" -o "$work/unwritable/out" --format svg --jobs 1 2>"$work/unwritable.err"
check "an output in a folder's place: not 0" test $? -ne 0
check "... the file's error is said" grep -q "a.json: error: cannot write .*a.en.svg: " "$work/unwritable.err"
check "... the other input is written" test -s "$work/unwritable/out/b.en.svg"
check "... and the folder is left as it was" test -d "$work/unwritable/out/a.en.svg"
mkdir -p "$work/limited/in"
timeline '["en"]' >"$work/limited/in/a.json"
(trap '' XFSZ; ulimit -f 4; "$tarikh" batch "$work/limited/in" -o "$work/limited/out" --format svg,pdf --jobs 1 2>"$work/limited.err")
check "a write failing midway: not 0" test $? -ne 0
check "... the file's error is said, not a refusal" bash -c "grep -q 'cannot write .*a.en.svg: File too large' '$work/limited.err' && ! grep -q 'took only' '$work/limited.err'"
check "... and no part of it is left" test -z "$(find "$work/limited/out" -name 'a.*')"

# A kill -9 loses only what was unfinished: a rerun with --incremental skips the rest. With
# one job, an input is recorded before the next one starts: once a second input has written
# (12 files or more) the first is on record.
python3 "$root/tests/cli/make_batch_inputs.py" "$work/many" 50
"$tarikh" batch "$work/many" -o "$work/killed" --jobs 1 --dpi 300 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 300); do
    [ "$(find "$work/killed" -type f -name 't*' 2>/dev/null | wc -l)" -ge 12 ] && break
    sleep 0.1
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "the kill landed in the middle" test "$(find "$work/killed" -name 't*' -type f | wc -l)" -lt 210
check "no temporary is left by the kill" test -z "$(find "$work/killed" -name '.tarikh-*.tmp')"
"$tarikh" batch "$work/many" -o "$work/killed" --jobs 1 --dpi 300 --incremental --report "$work/rerun.json" >/dev/null 2>&1
check "--incremental after a kill skips what was finished" python3 -c "
import json
s = json.load(open('$work/rerun.json'))['summary']
assert s['skipped'] >= 1 and s['rendered'] + s['skipped'] == 47, s
"

# Signals: the first stops before the next output, a second one at once; files stay whole.
python3 -c "
import json
events = [{'id': 'e%d' % k, 'date': '%04d-%02d-%02d' % (1900 + k % 120, 1 + k % 12, 1 + k % 28),
           'title': {'en': 'Event number %d of the big one' % k}} for k in range(20000)]
json.dump({'format': 'tarikh/1', 'title': {'en': 'Big'}, 'languages': ['en'], 'events': events}, open('$work/big.json', 'w'))
"
# Starts a batch of the big input into $1 and waits for its SVG (the PDF comes next).
start_big() {
    "$tarikh" batch "$work/big.json" -o "$1" --format svg,pdf,png --dpi 48 --jobs 1 >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1200); do
        [ -f "$1/big.en.svg" ] && return
        sleep 0.1
    done
}
whole_files() {  # whole_files DIR: every output there is complete
    python3 -c "
import pathlib, subprocess
for f in pathlib.Path('$1').glob('big.*'):
    data = f.read_bytes()
    if f.suffix == '.svg': assert data.endswith(b'</svg>\n'), f
    if f.suffix == '.png': assert data.endswith(b'IEND\xaeB\x60\x82'), f
    if f.suffix == '.pdf': assert subprocess.run(['qpdf', '--check', str(f)], capture_output=True).returncode == 0, f
assert not list(pathlib.Path('$1').glob('.tarikh-*.tmp'))
"
}
start_big "$work/term1"
kill -TERM $pid
wait $pid
rc=$?
check "SIGTERM stops a batch with exit 130" test "$rc" -eq 130
check "SIGTERM stops between two formats of one input" test ! -e "$work/term1/big.en.png"
check "... leaving whole files" whole_files "$work/term1"

start_big "$work/term2"
kill -TERM $pid
sleep 0.3
t0=$(date +%s.%N)
kill -TERM $pid
wait $pid
rc=$?
t1=$(date +%s.%N)
check "a second SIGTERM exits with 130" bash -c "echo 'exit code $rc'; test $rc -eq 130"
check "a second SIGTERM exits at once" python3 -c "assert $t1 - $t0 < 2, $t1 - $t0"
check "... leaving whole files" whole_files "$work/term2"

finish
