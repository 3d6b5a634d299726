#!/usr/bin/env bash
# How inputs are read, by every command: bounded whatever the file is (/dev/zero, a FIFO, a
# directory, stdin), in UTF-8 with or without a byte order mark or in UTF-16/32 with one, with
# lines counted for "\n", "\r\n" and "\r"; TimelineJS problems located in the original file.
set -u
tarikh=$1
root=$2
example=$root/timelines/idlib-sochi-2018.json
source "$root/tests/cli/lib.sh"

# fails_with LINE COMMAND...: exit 1 within 10 seconds, LINE among the lines of stderr.
fails_with() {
    local line=$1
    shift
    timeout -k 2 10 "$@" >"$work/out.txt" 2>"$work/err.txt"
    local got=$?
    [ "$got" -eq 1 ] || { echo "exit $got, expected 1"; cat "$work/err.txt"; return 1; }
    grep -qxF -- "$line" "$work/err.txt" || { echo "no line: $line"; cat "$work/err.txt"; return 1; }
}

# Files that are not regular files are refused before they are read.
device="/dev/zero: error: is not a regular file (a character device)"
check "render /dev/zero" fails_with "$device" "$tarikh" render /dev/zero -o "$work/zero.svg"
check "validate /dev/zero" fails_with "$device" "$tarikh" validate /dev/zero
check "import /dev/zero" fails_with "$device" "$tarikh" import timelinejs /dev/zero -o "$work/zero.json"
check "nothing written" test ! -e "$work/zero.svg" -a ! -e "$work/zero.json"

mkfifo "$work/pipe.json"
fifo="$work/pipe.json: error: is not a regular file (a FIFO)"
check "render a FIFO returns" fails_with "$fifo" "$tarikh" render "$work/pipe.json" -o "$work/pipe.svg"
check "validate a FIFO returns" fails_with "$fifo" "$tarikh" validate "$work/pipe.json"
check "import a FIFO returns" fails_with "$fifo" "$tarikh" import timelinejs "$work/pipe.json" -o "$work/p.json"
check "batch a FIFO returns" fails_with "$fifo" "$tarikh" batch "$work/pipe.json" -o "$work/pipe-out"
check "the FIFO says how to read a stream" grep -qxF "hint: pass it as - to read a stream: - < $work/pipe.json" "$work/err.txt"

mkdir "$work/folder.json"
check "render a directory" fails_with "$work/folder.json: error: expected a file, found a directory" \
    "$tarikh" render "$work/folder.json" -o "$work/folder.svg"
check "validate a directory" fails_with "$work/folder.json: error: expected a file, found a directory" "$tarikh" validate "$work/folder.json"

# stdin is a stream: read, but never past the limit.
too_large="-: error: expected a file of at most 1048576 bytes (1 MB), found more"
check "render - < /dev/zero stops at the limit" fails_with "$too_large" \
    bash -c "'$tarikh' render - -o '$work/z.svg' --max-file-size 1 < /dev/zero"
check "import - < /dev/zero stops at the limit" fails_with "$too_large" \
    bash -c "'$tarikh' import timelinejs - -o '$work/z.json' --max-file-size 1 < /dev/zero"
head -c 2097152 /dev/zero | tr '\0' ' ' >"$work/large.json"
check "import has --max-file-size" fails_with \
    "$work/large.json: error: expected a file of at most 1048576 bytes (1 MB), found 2097152 bytes" \
    "$tarikh" import timelinejs "$work/large.json" -o "$work/z.json" --max-file-size 1
check "a FIFO read as - works" bash -c "cat '$example' > '$work/pipe.json' & '$tarikh' validate - < '$work/pipe.json'"

# Encodings: a UTF-8 byte order mark is skipped; UTF-16 and UTF-32 with one are converted.
python3 - "$example" "$work" <<'EOF'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
bad = text.replace('"date": "2018-11-09"', '"date": "2018-13-09"', 1)
for name, encoding in [('utf-8-sig', 'utf-8-sig'), ('utf-16-le', 'utf-16-le'), ('utf-16-be', 'utf-16-be'),
                       ('utf-32-le', 'utf-32-le'), ('utf-32-be', 'utf-32-be')]:
    for kind, content in [('good', text), ('bad', bad)]:
        bom = '' if encoding == 'utf-8-sig' else '\ufeff'
        open(f'{sys.argv[2]}/{kind}-{name}.json', 'wb').write((bom + content).encode(encoding))
open(f'{sys.argv[2]}/cut-utf-16-le.json', 'wb').write(('\ufeff' + text).encode('utf-16-le') + b'{')
EOF
bad_line=$(grep -n '"date": "2018-11-09"' "$example" | head -1 | cut -d: -f1)
bad_column=$(grep '"date": "2018-11-09"' "$example" | head -1 | python3 -c "import sys; print(sys.stdin.read().index('\"2018-11-09\"') + 1)")
for name in utf-8-sig utf-16-le utf-16-be utf-32-le utf-32-be; do
    check "$name is read" "$tarikh" validate "$work/good-$name.json"
    check "$name renders" "$tarikh" render "$work/good-$name.json" -o "$work/$name.svg"
    check "$name: an error at its line and column" grep -q "^$work/bad-$name.json:$bad_line:$bad_column: error: " \
        <("$tarikh" validate "$work/bad-$name.json" 2>&1)
done
check "a cut UTF-16 text is an error at its end" fails_with \
    "$work/cut-utf-16-le.json:$(($(wc -l <"$example") + 1)):1: error: expected UTF-16 (little-endian) text, found a character cut short at the end" \
    "$tarikh" validate "$work/cut-utf-16-le.json"

# Without a byte order mark UTF-16 and UTF-32 are not guessed, but the error says what the file looks like.
python3 - "$example" "$work" <<'EOF'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
for encoding in ['utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be']:
    open(f'{sys.argv[2]}/unmarked-{encoding}.json', 'wb').write(text.encode(encoding))
EOF
for name in utf-16-le utf-16-be utf-32-le utf-32-be; do
    wide=$(echo "${name:0:6}" | tr a-z A-Z)
    check "$name without a byte order mark: the hint names it" fails_with \
        "hint: the file looks like $wide without a byte order mark; save it as UTF-8" \
        "$tarikh" validate "$work/unmarked-$name.json"
done

# Lines end with "\r" alone, too (classic Mac OS exports).
printf '{\r"format": "tarikh/1",\r"events": [\r{"id": "a", "date": "2018-13"}\r]\r}\r' >"$work/cr.json"
check "CR-only lines are counted" fails_with \
    "$work/cr.json:4:21: error: /events/0/date: expected an ISO 8601 date, found \"2018-13\"" "$tarikh" validate "$work/cr.json"

# TimelineJS: every location is in the original file, never in the converted one.
python3 - "$root/tests/timelinejs/legacy-v2.json" "$work" <<'EOF'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
text = text.replace('"startDate": "2018,11", "endDate": "2018,12"', '"startDate": "2018,11", "endDate": "196002152034"')
open(f'{sys.argv[2]}/v2-bad-end.json', 'w', encoding='utf-8').write(text)
EOF
end_warning="$work/v2-bad-end.json:10:41: warning: /timeline/date/2/endDate: expected a date, found \"196002152034\""
check "import keeps a slide whose end cannot be read" bash -c "
'$tarikh' import timelinejs '$work/v2-bad-end.json' -o '$work/v2.json' 2>'$work/v2.err' &&
grep -qxF '$end_warning' '$work/v2.err' && python3 -c \"
import json; d = json.load(open('$work/v2.json')); assert len(d['events']) == 3 and 'end' not in d['events'][2], d\""
check "--strict makes it an error" fails_with "${end_warning/warning:/error:}" \
    "$tarikh" import timelinejs "$work/v2-bad-end.json" -o "$work/v2s.json" --strict
check "render --strict too" fails_with "${end_warning/warning:/error:}" \
    "$tarikh" render "$work/v2-bad-end.json" -o "$work/v2s.svg" --strict
check "nothing written with --strict" test ! -e "$work/v2s.json" -a ! -e "$work/v2s.svg"
# A problem only the format v1 reader sees (a bidi override) is named in the original too.
printf '{"events": [\n {"start_date": {"year": 2018},\n  "text": {"headline": "a\\u202eb"}}]}\n' >"$work/bidi.json"
check "import names the input, never the output" bash -c "
'$tarikh' import timelinejs '$work/bidi.json' -o '$work/named.json' 2>&1 | tee '$work/named.err' | grep -q . &&
! grep -q named.json '$work/named.err' &&
grep -q '^$work/bidi.json:3:24: warning: /events/0/text/headline: removed control characters' '$work/named.err'"

finish
