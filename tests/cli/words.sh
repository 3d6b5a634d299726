#!/usr/bin/env bash
# The words tarikh writes itself (issue 15): --lang names a language of the file or one with a
# catalogue, --catalogue supplies another's words with located errors and one warning for what
# it lacks, --digits sets the digits of every number, and missing texts are one warning an edition.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"
example="$root/timelines/idlib-sochi-2018.json"

check "an unknown language is a usage error" exit_code 2 "$tarikh" render "$example" --lang zz -o "$work/zz.svg"
check "it names the language and the file's, and writes nothing" bash -c "
grep -qF 'found \"zz\"' '$work/err.txt' && grep -qF '(en, ar)' '$work/err.txt' && test ! -e '$work/zz.svg'"
# A tag in another case or with "_" is the same language (BCP 47 as ICU writes it), and a
# regional one the file's language: the same edition, with no warning.
"$tarikh" render "$example" --lang ar -o "$work/lang-ar.svg"
for tag in AR ar-sy ar_SY; do
    check "--lang $tag is the file's ar" bash -c "
'$tarikh' render '$example' --lang $tag -o '$work/lang-$tag.svg' 2>'$work/lang.err' &&
test ! -s '$work/lang.err' && cmp -s '$work/lang-ar.svg' '$work/lang-$tag.svg'"
done
"$tarikh" render "$example" --lang en -o "$work/lang-en.svg"
check "--lang en_GB is the file's en" bash -c "
'$tarikh' render '$example' --lang en_GB -o '$work/lang-en_GB.svg' 2>'$work/lang.err' &&
test ! -s '$work/lang.err' && cmp -s '$work/lang-en.svg' '$work/lang-en_GB.svg'"
check "an unknown tag is named as BCP 47 writes it" bash -c "
'$tarikh' render '$example' --lang zz_zz -o '$work/zz.svg' 2>&1 | grep -qF 'found \"zz-ZZ\"'"
# In a batch the languages are each file's: one lacking it fails as an input (1), not as an output (3).
mkdir -p "$work/batch-in" && cp "$example" "$work/batch-in/"
check "a batch file without the language fails as bad input" exit_code 1 \
    "$tarikh" batch "$work/batch-in" -o "$work/batch-out" --lang zz --format svg -q
check "a language with a catalogue is accepted, its missing texts one line" bash -c "
'$tarikh' render '$example' --lang fa -o '$work/fa.svg' 2> '$work/fa.txt' &&
test \$(grep -c 'no \"fa\" text' '$work/fa.txt') -eq 1 && grep -qF 'does not declare \"fa\": no \"fa\" text for 53 fields' '$work/fa.txt'"

# A user's catalogue: Swahili, two messages of them.
printf '{\n  "legend.period": "kipindi",\n  "page_of": "ukurasa {page} wa {pages}"\n}\n' > "$work/sw.json"
check "another language's catalogue: accepted, one warning naming what it lacks" bash -c "
'$tarikh' render '$example' --lang sw --catalogue '$work/sw.json' --format svg -o '$work/sw.svg' 2> '$work/sw.txt' &&
test \$(grep -c 'catalogue lacks' '$work/sw.txt') -eq 1 &&
grep -qF 'lacks 27 messages, shown in English: legend.known_date, legend.approximate_date, continued' '$work/sw.txt' &&
grep -qF 'kipindi' '$work/sw.svg'"
printf '{\n  "legend.period": "kipindi",\n  "page_of": "ukurasa {page}"\n}\n' > "$work/bad-placeholder.json"
check "a pattern without English's placeholders is located" bash -c "
'$tarikh' render '$example' --catalogue '$work/bad-placeholder.json' -o '$work/bad.svg' 2> '$work/bad.txt'; test \$? -eq 1 &&
grep -qxF '$work/bad-placeholder.json:3:14: error: /page_of: expected the placeholders {page}, {pages}, found {page}' '$work/bad.txt' &&
test ! -e '$work/bad.svg'"
printf '{\n  "legend.periode": "kipindi"\n}\n' > "$work/bad-key.json"
check "an unknown message is located at its key" bash -c "
'$tarikh' render '$example' --catalogue '$work/bad-key.json' -o '$work/bad.svg' 2> '$work/bad.txt'; test \$? -eq 1 &&
grep -qF '$work/bad-key.json:2:3: error: /legend.periode: unknown message \"legend.periode\"' '$work/bad.txt'"
printf '{\n  "legend.period": "kipindi",\n}\n' > "$work/bad-json.json"
check "a catalogue that is not JSON is located" bash -c "
'$tarikh' render '$example' --catalogue '$work/bad-json.json' -o '$work/bad.svg' 2> '$work/bad.txt'; test \$? -eq 1 &&
grep -qF '$work/bad-json.json:3:1: error: invalid JSON' '$work/bad.txt'"

# Digits: the SVG's real text holds every number tarikh wrote; the file's own Arabic digits
# (its subtitle's year) are made Western first, so that only tarikh's remain.
sed 's/٢٠١٨/2018/g' "$example" > "$work/latn.json"
words_of() { sed 's/<[^>]*>//g' "$1"; }  # the SVG's text, its tspans joined
export -f words_of
check "an Arabic edition with --digits latn has no Arabic-Indic digit" bash -c "
'$tarikh' render '$work/latn.json' --lang ar --digits latn --format svg -o '$work/ar-latn.svg' 2>/dev/null &&
! words_of '$work/ar-latn.svg' | grep -qP '[\x{0660}-\x{0669}]' && words_of '$work/ar-latn.svg' | grep -qF 'نحو 9 تشرين الثاني 2018'"
check "an Arabic edition has Arabic-Indic digits by default" bash -c "
'$tarikh' render '$work/latn.json' --lang ar --format svg -o '$work/ar.svg' 2>/dev/null &&
words_of '$work/ar.svg' | grep -qF 'نحو ٩ تشرين الثاني ٢٠١٨'"
check "a Persian edition has Extended Arabic-Indic digits by its locale" bash -c "
'$tarikh' render '$work/latn.json' --lang fa --digits locale --format svg -o '$work/fa.svg' 2>/dev/null &&
words_of '$work/fa.svg' | grep -qP '\x{06F2}\x{06F0}\x{06F1}\x{06F8}' && ! words_of '$work/fa.svg' | grep -qP '[\x{0660}-\x{0669}]'"
check "a chronicle's page numbers follow --digits arabext" bash -c "
'$tarikh' render '$example' --layout chronicle --lang en --digits arabext --format svg -o '$work/chron.svg' 2>/dev/null &&
words_of '$work/chron.svg' | grep -qP 'page \x{06F1} of \x{06F2}'"
check "batch renders again when only --digits changed" bash -c "
'$tarikh' batch '$work/latn.json' --lang ar --format svg --incremental -o '$work/batch' 2>/dev/null &&
words_of '$work/batch/latn.ar.svg' | grep -qP '[\x{0660}-\x{0669}]' &&
'$tarikh' batch '$work/latn.json' --lang ar --format svg --digits latn --incremental -o '$work/batch' 2>/dev/null &&
! words_of '$work/batch/latn.ar.svg' | grep -qP '[\x{0660}-\x{0669}]'"
check "--digits refuses what it does not know" exit_code 2 "$tarikh" render "$example" --digits roman -o "$work/x.svg"
finish
