#!/usr/bin/env bash
# A chronicle's PDF written into its file as it is laid out (issue 19): the same bytes as the
# PDF made whole (which --layout-json still takes, needing the whole layout), and a write that
# fails midway leaves no file and an earlier one as it was.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

python3 "$root/tests/cli/make_long_chronicle.py" 300 > "$work/long.json"

for lang in en en+ar ar; do
    check "a $lang chronicle streamed is the PDF made whole" bash -c "
'$tarikh' render '$work/long.json' --layout chronicle --lang $lang -o '$work/streamed.pdf' 2>'$work/streamed.err' &&
'$tarikh' render '$work/long.json' --layout chronicle --lang $lang -o '$work/whole.pdf' --layout-json '$work/boxes.json' 2>'$work/whole.err' &&
cmp '$work/streamed.pdf' '$work/whole.pdf' && cmp '$work/streamed.err' '$work/whole.err'"
done
check "an archival chronicle streamed is the PDF made whole" bash -c "
'$tarikh' render '$work/long.json' --layout chronicle --lang en+ar --pdf-standard a-2u,ua-1 -o '$work/streamed.pdf' &&
'$tarikh' render '$work/long.json' --layout chronicle --lang en+ar --pdf-standard a-2u,ua-1 -o '$work/whole.pdf' --layout-json '$work/boxes.json' &&
cmp '$work/streamed.pdf' '$work/whole.pdf' && [ \$(stat -c %s '$work/streamed.pdf') -gt 300000 ]"
for layout in chart calendar radial; do
    check "a $layout's PDF drawn once its timeline is let go is the PDF made whole" bash -c "
'$tarikh' render '$root/timelines/idlib-sochi-2018.json' --layout $layout -o '$work/streamed.pdf' 2>'$work/streamed.err' &&
'$tarikh' render '$root/timelines/idlib-sochi-2018.json' --layout $layout -o '$work/whole.pdf' --layout-json '$work/boxes.json' 2>'$work/whole.err' &&
cmp '$work/streamed.pdf' '$work/whole.pdf' && cmp '$work/streamed.err' '$work/whole.err'"
done

# A file size limit (ulimit -f, in KB) the PDF outgrows after its first pieces: the write
# fails with EFBIG (SIGXFSZ ignored) while pages are still being laid out.
mkdir -p "$work/out"
midway() {
    (trap '' XFSZ; ulimit -f 100; "$tarikh" render "$work/long.json" --layout chronicle --lang en+ar -o "$work/out/long.pdf")
}
check "a write failing midway: exit 3, the file's error said" bash -c "
$(declare -f midway); tarikh='$tarikh' work='$work'
midway 2>'$work/midway.err'; [ \$? -eq 3 ] && grep -q 'cannot write .*long.pdf: File too large' '$work/midway.err' &&
! grep -q 'took only' '$work/midway.err'"
check "a write failing midway leaves no file, nor a temporary" bash -c "[ -z \"\$(ls -A '$work/out')\" ]"
echo "an earlier render" > "$work/out/long.pdf"
midway 2>/dev/null
check "a write failing midway leaves the earlier file as it was" grep -qx "an earlier render" "$work/out/long.pdf"

finish
