#!/usr/bin/env bash
# --calendar (issue 15): every calendar and every pair is honoured over the file's and the
# locale's; an unknown calendar and three calendars are usage errors (exit 2, nothing written).
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

# A Persian edition whose locale carries the Persian calendar, and whose file names none.
cat >"$work/fa.json" <<'JSON'
{"format": "tarikh/1", "languages": ["fa", "en"], "locales": {"fa": "fa-IR", "en": "en-GB"},
 "title": {"fa": "آزمون", "en": "Test"},
 "events": [{"id": "a", "date": "2017-03-25", "title": {"fa": "رویداد", "en": "Event"}}]}
JSON

# The chronicle's text as an SVG carries it (real text), digits and all.
text_of() {  # text_of ARGS...: the words of a rendered chronicle SVG
    "$tarikh" render "$work/fa.json" --layout chronicle "$@" -o "$work/out.svg" >/dev/null 2>&1 &&
        python3 -c "import re,sys; print(' '.join(re.sub('<[^>]+>','',t) for t in re.findall(r'<text[^>]*>(.*?)</text>', open(sys.argv[1]).read(), re.S)))" "$work/out.svg"
}
shows() {  # shows WORD ARGS...: the chronicle rendered with ARGS holds WORD
    local word=$1
    shift
    text_of "$@" | grep -qF "$word" || { echo "no \"$word\" in: $(text_of "$@")"; return 1; }
}
lacks() {
    local word=$1
    shift
    ! text_of "$@" | grep -qF "$word" || { echo "\"$word\" in: $(text_of "$@")"; return 1; }
}

check "fa-IR with no calendar asked: the locale's, Persian" shows "۱۳۹۶" --lang fa
check "--calendar gregorian brings fa-IR back to the Gregorian" shows "۲۰۱۷" --lang fa --calendar gregorian
check "--calendar gregorian: no Persian year left" lacks "۱۳۹۶" --lang fa --calendar gregorian
check "--calendar persian in English" shows "Farvardin 1396" --lang en --calendar persian
check "--calendar hebrew" shows "27 Adar 5777" --lang en --calendar hebrew
check "--calendar islamic-civil" shows "Jumada II 1438" --lang en --calendar islamic-civil
check "--calendar islamic-umalqura" shows "Jumada II 1438" --lang en --calendar islamic-umalqura
check "--calendar gregorian+persian: both" shows "25 March 2017 (5 Farvardin 1396 AP)" --lang en --calendar gregorian+persian
check "--calendar persian+gregorian: the first leads" shows "5 Farvardin 1396 AP (25 March 2017)" --lang en --calendar persian+gregorian

refused() {  # refused MESSAGE ARGS...: exit 2, MESSAGE on stderr, no output written
    local message=$1
    shift
    exit_code 2 "$tarikh" render "$work/fa.json" "$@" -o "$work/refused.svg" && grep -qF -- "$message" "$work/err.txt" &&
        [ ! -e "$work/refused.svg" ] || { cat "$work/err.txt"; return 1; }
}
check "an unknown calendar" refused \
    '--calendar: expected gregorian, islamic-umalqura, islamic-civil, persian or hebrew, found "julian"' --calendar julian
check "three calendars" refused \
    '--calendar: expected one calendar or two joined by "+", found 3 in "gregorian+persian+hebrew"' \
    --calendar gregorian+persian+hebrew
check "one calendar twice" refused 'expected two different calendars, found "persian+persian"' --calendar persian+persian
check "batch refuses as render does" bash -c "
    '$tarikh' batch '$work/fa.json' --calendar julian -o '$work/refused-batch' 2>'$work/err.txt'; [ \$? -eq 2 ] &&
    grep -qF 'found \"julian\"' '$work/err.txt' && [ ! -e '$work/refused-batch' ]"
check "--help lists the calendars" bash -c "'$tarikh' render --help | tr -s ' \n' ' ' | grep -qF 'islamic-civil, persian or hebrew'"

finish
