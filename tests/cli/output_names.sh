#!/usr/bin/env bash
# What a command's outputs are named: never an input, never another of its outputs (refused
# before anything is read or written); a batch that tells the truth about what it did.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

timeline() {  # timeline PATH [LANGUAGE]: a small valid timeline
    local lang=${2:-en}
    mkdir -p "$(dirname "$1")"
    cat >"$1" <<EOF
{"format": "tarikh/1", "title": {"$lang": "T"}, "languages": ["$lang"],
 "events": [{"id": "e1", "date": "2018-01-02", "title": {"$lang": "One"}},
            {"id": "e2", "date": "2018-03-04", "title": {"$lang": "Two"}}]}
EOF
}
cd "$work" || exit 1
timeline in.json
cp in.json in.orig
ln -s in.json link.json
ln in.json hard.json

# render: an output that names the input, however spelt, or another output.
for output in in.json ./in.json link.json hard.json "$work/in.json"; do
    check "render -o $output (the input) is refused" exit_code 2 "$tarikh" render in.json -o "$output" --format svg
    check "the refusal of -o $output names both" grep -q "^tarikh: error: -o $output names the input in.json" err.txt
    check "the input survives -o $output" cmp in.json in.orig
    rm -f in.json hard.json && cp in.orig in.json && ln in.json hard.json  # each case on its own
done
check "an output named twice is refused" exit_code 2 "$tarikh" render in.json -o same.svg --layout-json same.svg
check "the refusal names both options" grep -q -- "--layout-json same.svg and -o same.svg name the same file" err.txt
check "nothing written when refused" test ! -e same.svg
check "--layout-json and --quality-json into one file are refused" \
    exit_code 2 "$tarikh" render in.json -o q.svg --layout-json q.json --quality-json ./q.json
check "that refusal names both" grep -q -- "--quality-json ./q.json and --layout-json q.json name the same file" err.txt
# Pages 2, 3, … of an SVG or PNG go beside it, and stale ones there are removed.
check "a side file named as a page of the output is refused" \
    exit_code 2 "$tarikh" render in.json -o paged.svg --layout-json paged-2.svg
check "that refusal says which page" grep -q -- "--layout-json paged-2.svg names page 2 of -o paged.svg" err.txt
cp in.json story-2.json
check "an input named as a page of the output is refused" exit_code 2 "$tarikh" render story-2.json -o story.json --format svg
check "that refusal says which page" grep -q "^tarikh: error: the input story-2.json is named as page 2 of -o story.json" err.txt
echo '{}' >look.json
check "an output that names the theme file is refused" exit_code 2 "$tarikh" render in.json -o look.json --format svg --theme look.json
check "an output that names the catalogue is refused" \
    exit_code 2 "$tarikh" render in.json -o fine.svg --quality-json ./look.json --catalogue look.json
check "that refusal names both" grep -q -- "--quality-json ./look.json names the input look.json" err.txt
check "the theme file survives" grep -qx '{}' look.json
check "two outputs to stdout are refused" exit_code 2 "$tarikh" render in.json -o - --format svg --layout-json -
check "that refusal says why" grep -q -- "--layout-json - and -o - both write to stdout" err.txt
check "distinct names still render" exit_code 0 "$tarikh" render in.json -o fine.svg --layout-json fine.json --quality-json -

# batch: the booklet and the report name neither an input nor an output of the batch.
timeline stories/cuba.json
timeline stories/mai.json fr
cp -r stories stories.orig
"$tarikh" batch stories -o dup --format pdf -q
cp dup/cuba.en.pdf cuba.orig
check "--combine naming an output of the batch is refused" \
    exit_code 2 "$tarikh" batch stories -o dup --format pdf --combine dup/cuba.en.pdf
check "that refusal names both" grep -q "^tarikh: error: --combine dup/cuba.en.pdf names an output of the batch" err.txt
check "the output it named is kept" cmp dup/cuba.en.pdf cuba.orig
check "--combine naming a page of an output is refused" \
    exit_code 2 "$tarikh" batch stories -o dup --format pdf --combine ./dup/cuba.en-2.pdf
check "--combine naming the batch's record is refused" \
    exit_code 2 "$tarikh" batch stories -o dup --format pdf --combine dup/.tarikh-batch.json
check "--combine naming an input is refused" exit_code 2 "$tarikh" batch stories -o dup --format pdf --combine stories/mai.json
check "that refusal names the input" grep -q "^tarikh: error: --combine stories/mai.json names the input stories/mai.json" err.txt
check "--report naming an input is refused" \
    exit_code 2 "$tarikh" batch stories/cuba.json stories/mai.json -o dup --format pdf --report stories/cuba.json
check "--report naming the theme file is refused" exit_code 2 "$tarikh" batch stories -o dup --theme look.json --report look.json
check "--report and --combine into one file are refused" \
    exit_code 2 "$tarikh" batch stories -o dup --format pdf --combine r.pdf --report ./r.pdf
check "the inputs survive" grep -q '"tarikh/1"' stories/cuba.json stories/mai.json

rm -rf stories && cp -r stories.orig stories

# The recipe of docs/scale-out.md, twice: the batch's record and report are not inputs.
cp -r stories recipe
check "the scale-out recipe renders and combines" exit_code 0 \
    "$tarikh" batch recipe -o recipe --format pdf --incremental --combine booklet.pdf --report recipe/report.json
check "the recipe's booklet has both parts" bash -c "pdfinfo booklet.pdf | grep -q '^Pages: *2$'"
check "the recipe run again is up to date" exit_code 0 \
    "$tarikh" batch recipe -o recipe --format pdf --incremental --combine booklet.pdf --report recipe/report.json
check "the second run skips both and reads nothing else" grep -q '^batch: 0 rendered, 0 failed, 2 skipped; 0 files written' err.txt

# A share with no input writes no booklet and is no failure; a missing input is counted in one
# share only.
for k in 1 2 3; do
    check "shard $k/3 of two inputs with --combine succeeds" exit_code 0 \
        "$tarikh" batch stories -o shards --format pdf --shard $k/3 --combine shards/booklet-$k.pdf --quiet
done
check "the shards' booklets hold both inputs" bash -c "[ \$(for b in shards/booklet-*.pdf; do qpdf --show-npages \$b; done | awk '{s += \$1} END {print s}') -eq 2 ]"
shard_failures=0
for k in 1 2; do
    "$tarikh" batch stories/nope.json stories -o shards2 --format svg --shard $k/2 --report shard-$k.json 2>/dev/null
    shard_failures=$((shard_failures + $(python3 -c "import json; print(json.load(open('shard-$k.json'))['summary']['failed'])")))
done
check "a missing input is counted in one share of two" test "$shard_failures" -eq 1

# --combine with no PDF to combine writes no booklet; a missing folder is found before rendering.
mkdir bad
echo '{"format": "tarikh/1",' >bad/broken.json
check "a batch with no PDF writes no booklet" exit_code 1 "$tarikh" batch bad -o bad-out --format pdf --combine bad-out/booklet.pdf
check "and says so" grep -q "no PDF was rendered: no booklet written to bad-out/booklet.pdf" err.txt
check "no booklet is left" test ! -e bad-out/booklet.pdf
check "--combine into a missing folder fails before rendering" \
    exit_code 3 "$tarikh" batch stories -o early --format pdf --combine nodir/booklet.pdf
check "that failure names the folder" grep -q "cannot write nodir/booklet.pdf: its folder nodir does not exist" err.txt
check "nothing was rendered" test ! -e early
check "--combine into the output folder the batch makes is fine" \
    exit_code 0 "$tarikh" batch stories -o fresh --format pdf --combine fresh/booklet.pdf
check "--report into a missing folder fails before rendering" \
    exit_code 3 "$tarikh" batch stories -o early --format pdf --report nodir/r.json
check "nothing was rendered for that report" test ! -e early

# Every failure is counted and reported, those found before rendering too.
check "a missing input fails the batch" exit_code 1 "$tarikh" batch nope.json stories/mai.json -o o --format svg --report r.json
check "the summary counts it" grep -q '^batch: 1 rendered, 1 failed, 0 skipped; 1 file written' err.txt
check "the report lists it with its message" python3 -c "
import json
r = json.load(open('r.json'))
assert r['summary']['failed'] == 1, r['summary']
bad = [i for i in r['inputs'] if i['status'] == 'failed']
assert [i['path'] for i in bad] == ['nope.json'], bad
assert bad[0]['errors'][0]['file'] == 'nope.json' and 'no such file' in bad[0]['errors'][0]['message'], bad
"
timeline clash/x/a.json
timeline clash/y/a.json
check "an output-name clash fails the batch" exit_code 1 "$tarikh" batch clash/x/a.json clash/y/a.json -o o --format svg --report r.json
check "the summary counts the clash" grep -q '^batch: 1 rendered, 1 failed, 0 skipped' err.txt
check "the report lists the clash" python3 -c "
import json
r = json.load(open('r.json'))
bad = [i for i in r['inputs'] if i['status'] == 'failed']
assert r['summary']['failed'] == 1 and [i['path'] for i in bad] == ['clash/y/a.json'], r
assert 'would overwrite those of clash/x/a.json' in bad[0]['errors'][0]['message'], bad
"
check "one file given twice, spelt two ways, is one input" exit_code 0 "$tarikh" batch in.json ./in.json -o o --format svg

# Repeats in --format and --lang ask for nothing more.
check "repeated formats and languages render once" \
    exit_code 0 "$tarikh" batch stories/mai.json -o rep --format svg,svg --lang fr,fr --report r.json
check "one file written, said in the singular" grep -q '^batch: 1 rendered, 0 failed, 0 skipped; 1 file written' err.txt
check "the report lists it once" python3 -c "
import json
r = json.load(open('r.json'))
assert [o['path'] for o in r['inputs'][0]['outputs']] == ['rep/mai.fr.svg'], r['inputs']
"

# A clash's message quotes the names as diagnostics do: escape sequences cannot reach the terminal.
esc=$(printf 'a\033[31mb.svg')
check "a name with ESC in a clash is refused" exit_code 2 "$tarikh" render in.json -o "$esc" --layout-json "$esc"
check "and written escaped" bash -c "grep -q 'a.u001b.31mb.svg and' err.txt && ! grep -q \$'\\033' err.txt"

# A device, a FIFO or a process's own descriptor is written into, never replaced by a file
# (renaming over one replaced /dev/null with a file). Private ones, so that a failure here
# breaks nothing else on the machine.
mkfifo fifo
(exec timeout 20 cat fifo >from-fifo 2>/dev/null &)  # no render, no hang
sleep 0.2
check "-o FIFO renders into the FIFO" "$tarikh" render in.json -o fifo --format svg
sleep 0.2
check "the FIFO is still a FIFO" test -p fifo
check "its reader got the SVG" grep -q "<svg" from-fifo
check "-o FIFO that nobody reads is an output error, not a hang" timeout 10 bash -c "'$tarikh' render in.json -o fifo --format svg 2>/dev/null; [ \$? -eq 3 ]"
if mknod null c 1 3 2>/dev/null; then
    check "-o a null device renders" "$tarikh" render in.json -o null --format pdf
    check "the null device is still a device" test -c null
fi
check "-o /dev/stdout writes to the pipe" bash -c "'$tarikh' render in.json -o /dev/stdout --format svg | grep -q '<svg'"
ln -s "$work/from-fifo" stays-a-link-target
ln -s stays-a-link-target out-link.svg
check "a link to a file is replaced, not written through" bash -c "'$tarikh' render in.json -o out-link.svg && ! [ -L out-link.svg ] && grep -q '<svg' from-fifo"

# A folder is searched for exactly what --help says.
check "--help says which files a folder search takes" bash -c "'$tarikh' batch --help | grep -q 'searched for \*.json and \*.csv'"

finish
