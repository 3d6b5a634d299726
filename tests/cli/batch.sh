#!/usr/bin/env bash
# End-to-end checks of `tarikh batch`: a bad file never stops the batch, outputs do not
# depend on --jobs, a killed batch leaves no partial file, shards cover every input once,
# the booklet has a page and an outline entry per PDF, --incremental skips what is done.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"


python3 "$root/tests/cli/make_batch_inputs.py" "$work/in" 50
outputs_of() { (cd "$1" && find . -type f ! -name '.tarikh-batch.json' | sort); }

"$tarikh" batch "$work/in" -o "$work/j1" --jobs 1 --report "$work/report.json" >"$work/j1.out" 2>"$work/j1.err"
echo $? >"$work/j1.rc"
"$tarikh" batch "$work/in" -o "$work/j2" --jobs 2 >/dev/null 2>&1

check "a failed input makes the exit code 1" test "$(cat "$work/j1.rc")" -eq 1
# 47 valid inputs: 24 declare en only, 23 also ar; 3 formats each.
check "every valid input × language × format written" test "$(outputs_of "$work/j1" | wc -l)" -eq $(((24 + 23 * 2) * 3))
check "outputs keep the inputs' folder structure" test -f "$work/j1/sub/t005.en.pdf" -a -f "$work/j1/t001.ar.svg"
check "three errors with their locations" bash -c "
grep -cE '^$work/in/t04[789]\.json:[0-9]+:[0-9]+: error: ' '$work/j1.err' | grep -qx 3"
check "the summary closes the run" grep -q '^batch: 47 rendered, 3 failed, 0 skipped; 210 files written in' "$work/j1.err"
check "one progress line per input when not a terminal" test "$(grep -c '^\[[0-9]*/50\] ' "$work/j1.err")" -eq 50
check "--jobs 1 and --jobs 2 write the same bytes" diff -r -x .tarikh-batch.json "$work/j1" "$work/j2"
check "the report counts and locates" python3 -c "
import json
r = json.load(open('$work/report.json'))
s = r['summary']
assert (s['inputs'], s['rendered'], s['failed'], s['outputs_written']) == (50, 47, 3, 210), s
bad = [i for i in r['inputs'] if i['status'] == 'failed']
assert [i['path'][-9:] for i in bad] == ['t047.json', 't048.json', 't049.json'], bad
assert all(e['line'] > 0 and e['column'] > 0 for i in bad for e in i['errors']), bad
assert bad[2]['errors'][0]['pointer'] == '/events/0/date'
"

check "--incremental skips what is up to date" bash -c "
'$tarikh' batch '$work/in' -o '$work/j1' --incremental 2>&1 | grep -q '^batch: 0 rendered, 3 failed, 47 skipped; 0 files written'"
touch "$work/in/t001.json"
check "--incremental renders a changed input again" bash -c "
'$tarikh' batch '$work/in' -o '$work/j1' --incremental 2>&1 | grep -q '^batch: 1 rendered, 3 failed, 46 skipped; 6 files written'"
check "--incremental renders again with other options" bash -c "
'$tarikh' batch '$work/in' -o '$work/j1' --incremental --format png --dpi 48 2>&1 | grep -q '^batch: 47 rendered'"
check "--incremental renders SVGs again with other SVG options" bash -c "
'$tarikh' batch '$work/in' -o '$work/j1' --incremental --format svg 2>&1 | grep -q '^batch: 0 rendered' &&
'$tarikh' batch '$work/in' -o '$work/j1' --incremental --format svg --svg-size responsive 2>&1 | grep -q '^batch: 47 rendered' &&
'$tarikh' batch '$work/in' -o '$work/j1' --incremental --format svg,html --svg-text outlines 2>&1 | grep -q '^batch: 47 rendered'"

# Waits until the batch writing into $1 has finished a few files (at most 20 s).
wait_for_outputs() {
    for _ in $(seq 200); do
        [ "$(find "$1" -type f 2>/dev/null | wc -l)" -ge 3 ] && return
        sleep 0.1
    done
}

# Kill a batch in the middle: every file left is complete, no temporary file remains.
"$tarikh" batch "$work/in" -o "$work/killed" --jobs 2 --dpi 300 >/dev/null 2>&1 &
pid=$!
wait_for_outputs "$work/killed"
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "the kill landed in the middle" test "$(outputs_of "$work/killed" | wc -l)" -gt 0 -a "$(outputs_of "$work/killed" | wc -l)" -lt 210
check "no temporary file left after a kill" test -z "$(find "$work/killed" -name '.tarikh-*.tmp')"
check "every file left by the kill is complete" python3 -c "
import pathlib, subprocess, sys
for f in pathlib.Path('$work/killed').rglob('*.*'):
    data = f.read_bytes()
    if f.suffix == '.png': assert data.endswith(b'IEND\xaeB\x60\x82'), f
    if f.suffix == '.pdf': assert data.rstrip().endswith(b'%%EOF') and subprocess.run(['qpdf', '--check', str(f)], capture_output=True).returncode == 0, f
    if f.suffix == '.svg': assert data.endswith(b'</svg>\n'), f
"

"$tarikh" batch "$work/in" -o "$work/interrupted" --jobs 2 --dpi 300 >/dev/null 2>&1 &
pid=$!
wait_for_outputs "$work/interrupted"
kill -INT $pid
wait $pid
rc=$?
check "Ctrl-C stops the batch with exit 130" test "$rc" -eq 130
check "Ctrl-C stops before the end" test "$(outputs_of "$work/interrupted" | wc -l)" -lt 210
check "no temporary file left after Ctrl-C" test -z "$(find "$work/interrupted" -name '.tarikh-*.tmp')"

for k in 1 2 3; do "$tarikh" batch "$work/in" -o "$work/shard$k" --shard "$k/3" --format svg --quiet 2>/dev/null; done
check "shards together cover every input exactly once" bash -c "
cat <(cd '$work/shard1' && find . -name '*.svg') <(cd '$work/shard2' && find . -name '*.svg') <(cd '$work/shard3' && find . -name '*.svg') | sort > '$work/sharded'
(cd '$work/j2' && find . -name '*.svg' | sort) > '$work/all'
diff '$work/sharded' '$work/all' && [ -z \"\$(uniq -d '$work/sharded')\" ]"
check "bad --shard is a usage error" bash -c "'$tarikh' batch '$work/in' -o '$work/x' --shard 4/3 2>/dev/null; [ \$? -eq 2 ]"

# The example in docs/scale-out.md: three shards under GNU parallel, into one folder.
check "GNU parallel runs the shards into one folder" bash -c "
parallel '$tarikh' batch '$work/in' -o '$work/parallel' --format svg --quiet --shard {}/3 ::: 1 2 3 2>/dev/null
diff <(cd '$work/parallel' && find . -name '*.svg' | sort) '$work/all'"

check "a list of paths on stdin" bash -c "
find '$work/in/sub' -name '*.json' | '$tarikh' batch - -o '$work/stdin' --format svg --quiet
[ \$(find '$work/stdin' -name '*.svg' | wc -l) -eq 15 ]"

"$tarikh" batch "$work/in/sub" -o "$work/booklet" --format pdf --lang en,ar --combine "$work/booklet.pdf" --quiet 2>/dev/null
check "the booklet passes qpdf --check" qpdf --check "$work/booklet.pdf"
check "the booklet has a page and an outline entry per PDF" python3 -c "
import json, subprocess
pdfs = int(subprocess.run('find $work/booklet -name \"*.pdf\" | wc -l', shell=True, capture_output=True, text=True).stdout)
pages = int(subprocess.run(['qpdf', '--show-npages', '$work/booklet.pdf'], capture_output=True, text=True).stdout)
outline = json.loads(subprocess.run(['qpdf', '--json', '--json-key=outlines', '$work/booklet.pdf'], capture_output=True, text=True).stdout)['outlines']
assert pdfs == 20 and pages == pdfs and len(outline) == pdfs, (pdfs, pages, len(outline))
assert [o['destpageposfrom1'] for o in outline] == list(range(1, pdfs + 1))
assert [o['title'] for o in outline[:3]] == ['Timeline 0', 'الخط الزمني 0', 'Timeline 5'], outline[:3]
"
check "the booklet keeps every part's structure tree: a Document each, their keys apart" /usr/bin/python3 -c "
import json, subprocess
tree = subprocess.run(['pdfinfo', '-struct-text', '$work/booklet.pdf'], capture_output=True, text=True).stdout.splitlines()
assert tree[0] == 'Document' and sum(line == '  Document' for line in tree) == 20, tree[:3]
objects = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', '$work/booklet.pdf'], capture_output=True, text=True).stdout)['qpdf'][1]
value = lambda ref: objects[('obj:' + ref) if not ref.startswith('obj:') else ref]['value']
root = value(objects['trailer']['value']['/Root'])
tree_root = value(root['/StructTreeRoot'])
nums = value(tree_root['/ParentTree'])['/Nums']
keys = nums[0::2]
assert keys == sorted(set(keys)) and tree_root['/ParentTreeNextKey'] == keys[-1] + 1, keys
used = [o['value'].get('/StructParents', o['value'].get('/StructParent')) for o in objects.values()
        if isinstance(o.get('value'), dict) and ('/StructParents' in o['value'] or '/StructParent' in o['value'])]
assert sorted(used) == keys, (sorted(used)[:10], keys[:10])
"
check "the booklet is titled by its file's name" bash -c "pdfinfo '$work/booklet.pdf' | grep -qx 'Title: *booklet'"
"$tarikh" batch "$work/in/sub" -o "$work/booklet2" --format pdf --combine "$work/titled.pdf" --combine-title "Weekly chronologies, week 48" --quiet 2>/dev/null
check "--combine-title titles the booklet" bash -c "pdfinfo '$work/titled.pdf' | grep -qx 'Title: *Weekly chronologies, week 48'"
check "--combine-title needs --combine" bash -c "'$tarikh' batch '$work/in' -o '$work/x' --format pdf --combine-title T 2>/dev/null; [ \$? -eq 2 ]"
check "--combine needs pdf" bash -c "'$tarikh' batch '$work/in' -o '$work/x' --format svg --combine '$work/b.pdf' 2>/dev/null; [ \$? -eq 2 ]"

finish
