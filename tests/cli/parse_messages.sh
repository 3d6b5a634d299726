#!/usr/bin/env bash
# What the parser says reaches the terminal safely and in proportion: no escape sequence from
# a file ever reaches stderr, many warnings never refuse a file, a timeline without events is
# refused by every command, a language tag cannot lead a batch out of its folder, and far
# offsets print the dates they mean.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

no_raw_controls() {  # no_raw_controls FILE: no ESC, BEL, CSI or bidi override byte sequence
    ! LC_ALL=C grep -q $'\x1b\|\x07\|\xc2\x9b\|\xe2\x80\xae' "$1"
}

hostile=$root/tests/hostile/terminal-escapes.json
check "validate: terminal escapes are refused" exit_code 1 "$tarikh" validate "$hostile"
check "validate: stderr holds no escape sequence" no_raw_controls "$work/err.txt"
check "validate: the key is shown escaped" grep -qF 'unknown key "\u001b]0;pwned\u0007" is ignored' "$work/err.txt"
check "render: terminal escapes are refused" exit_code 1 "$tarikh" render "$hostile" -o "$work/x.svg"
check "render: stderr holds no escape sequence" no_raw_controls "$work/err.txt"

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for n in (101, 1000):
    event = {"id": "a", "date": "2018-11-09", "title": "x"}
    event.update({"extra%d" % i: i for i in range(n)})
    json.dump({"format": "tarikh/1", "events": [event]}, open("%s/keys-%d.json" % (work, n), "w"))
events = [{"id": "e%d" % i, "date": "2018-11-09", "title": "\u202bx"} for i in range(101)]
json.dump({"format": "tarikh/1", "events": events}, open(work + "/bidi-101.json", "w"))
PY
check "101 unknown keys: still valid" exit_code 0 "$tarikh" validate "$work/keys-101.json"
check "101 unknown keys: one line sums up the rest" grep -qx "$work/keys-101.json: warning: 1 more warning not shown" "$work/err.txt"
check "1000 unknown keys: still valid" exit_code 0 "$tarikh" validate "$work/keys-1000.json"
check "1000 unknown keys: 100 shown, then the count" bash -c "
[ \$(grep -c 'unknown key' '$work/err.txt') -eq 100 ] &&
grep -qx '$work/keys-1000.json: warning: 900 more warnings not shown' '$work/err.txt'"
check "a valid file: one line on stdout says so, with its events" bash -c "
'$tarikh' validate '$work/keys-101.json' '$work/bidi-101.json' 2>/dev/null >'$work/valid.txt' &&
printf '%s\\n' '$work/keys-101.json: valid, 1 event' '$work/bidi-101.json: valid, 101 events' | diff - '$work/valid.txt'"
check "an invalid file: no line for it, the valid one still has its" bash -c "! '$tarikh' validate '$work/keys-101.json' '$root/tests/hostile/terminal-escapes.json' 2>/dev/null >'$work/valid.txt' &&
[ \"\$(cat '$work/valid.txt')\" = '$work/keys-101.json: valid, 1 event' ]"
cp "$work/keys-101.json" "$work/name"$'\e'"[31m"$'\a'".json"
check "a valid file's name with control characters is written escaped, as in a diagnostic" bash -c "
'$tarikh' validate \"\$1\" 2>/dev/null | grep -qF 'name\\u001b[31m\\u0007.json: valid, 1 event' &&
! '$tarikh' validate \"\$1\" 2>/dev/null | LC_ALL=C grep -q \$'\\e'" _ "$work/name"$'\e'"[31m"$'\a'".json"
check "101 bidi marks: still renders" exit_code 0 "$tarikh" render "$work/bidi-101.json" -o "$work/bidi.svg"

echo '{"format": "tarikh/1", "title": "Empty", "events": []}' >"$work/empty.json"
check "no events: validate refuses" exit_code 1 "$tarikh" validate "$work/empty.json"
check "no events: the message" grep -qF '/events: expected at least one event, found none' "$work/err.txt"
check "no events: render refuses" exit_code 1 "$tarikh" render "$work/empty.json" -o "$work/empty.svg"
check "no events: render writes nothing" test ! -e "$work/empty.svg"
mkdir -p "$work/in" && cp "$work/empty.json" "$work/in/"
"$tarikh" batch "$work/in" -o "$work/out" >"$work/batch.out" 2>"$work/batch.err"
check "no events: batch reports it" grep -qF 'expected at least one event, found none' "$work/batch.err"
check "no events: batch renders nothing" bash -c "[ -z \"\$(find '$work/out' -type f ! -name .tarikh-batch.json 2>/dev/null)\" ]"

# Deep enough that the tag's "../" steps stay inside $work: what escaped -o is found, not lost.
deep=$work/tags/a/b/c/d
mkdir -p "$deep/in"
echo '{"format": "tarikh/1", "languages": ["/../../../../elsewhere/index"], "events": [{"id": "a", "date": "2018"}]}' \
    >"$deep/in/t.json"
check "a language tag holding a path is an error at its place" exit_code 1 "$tarikh" validate "$deep/in/t.json"
check "  with its line and column" grep -qF "t.json:1:38: error: /languages/0: expected a BCP 47 language tag" "$work/err.txt"
"$tarikh" batch "$deep/in" -o "$deep/out" >/dev/null 2>&1
check "  and batch writes nothing outside -o" bash -c "[ -z \"\$(find '$work/tags' -path '$deep/out' -prune -o -name 'index*' -print)\" ]"

# 2018-01-01 + 5,000,000 and + 6,000,000 days, by proleptic Gregorian arithmetic in python3.
cat >"$work/far.json" <<'JSON'
{"format": "tarikh/1", "events": [{"id": "a", "date": "2018-01-01", "title": "start"},
 {"id": "b", "after": {"event": "a", "offset": "P5000000D"}, "title": "five"},
 {"id": "c", "after": {"event": "a", "offset": "P6000000D"}, "title": "six"}]}
JSON
check "far offsets: render" exit_code 0 "$tarikh" render "$work/far.json" -o "$work/far.svg"
check "far offsets: 5 million days print their date" grep -qF '<title>July 16, 15707 — five</title>' "$work/far.svg"
check "far offsets: 6 million days print theirs" grep -qF '<title>June 11, 18445 — six</title>' "$work/far.svg"
sed 's/P6000000D/P300000000000Y/' "$work/far.json" >"$work/huge.json"
check "an offset of 300 billion years is an error at its place" exit_code 1 "$tarikh" validate "$work/huge.json"
check "  with its line and column" grep -qF 'huge.json:3:48: error: /events/2/after/offset: expected a duration of at most 100000000000 years' "$work/err.txt"

finish
