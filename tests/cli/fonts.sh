#!/usr/bin/env bash
# --font-dir: fonts added beside tarikh's own, for render and batch. An Armenian edition (a script
# fonts/ lacks) drawn with fonts-dejavu-core's folder has every letter and no warning; a folder that cannot be used is a
# usage error; without it, the warning names the installed font that has the letters.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

armenian="$root/tests/fonts/armenian.json"
dejavu=/usr/share/fonts/truetype/dejavu
# The fonts installed, as the warning's hint sees them: fonts-dejavu-core's folder alone.
export FONTCONFIG_FILE="$root/tests/fonts/installed.conf"
# Nothing said about fonts or missing letters (tarikh has no Armenian words: that warning may stay).
no_font_warning() { ! grep -q -e 'no font' -e 'font famil' -e 'U+' "$1"; }
export -f no_font_warning

check "an Armenian edition with --font-dir renders without a warning" bash -c "
'$tarikh' render '$armenian' -o '$work/hy.pdf' --lang hy --font-dir $dejavu 2>'$work/hy.err' && no_font_warning '$work/hy.err'"
# The letters are real text in the PDF, from DejaVu Sans, not U+FFFD stand-ins.
check "the Armenian words come back out of the PDF" bash -c "pdftotext '$work/hy.pdf' - | grep -q 'Գրքեր և թերթեր'"
check "the PDF embeds DejaVu Sans" bash -c "pdffonts '$work/hy.pdf' | grep -q DejaVuSans"
check "no U+FFFD in the PDF's text" bash -c "! pdftotext '$work/hy.pdf' - | grep -q $'\uFFFD'"
check "--font-dir before INPUT leaves INPUT an input" bash -c "
'$tarikh' render --font-dir $dejavu '$armenian' -o '$work/hy.svg' --lang hy 2>'$work/hy.err' && no_font_warning '$work/hy.err'"
check "--font-dir is repeatable" bash -c "
'$tarikh' render '$armenian' -o '$work/hy2.svg' --lang hy --font-dir '$root/fonts' --font-dir $dejavu 2>'$work/hy2.err' &&
no_font_warning '$work/hy2.err'"

# Only the Arabic script is drawn larger (Amiri reads small beside Noto Sans): the first text
# of each SVG is its title.
title_size() { grep -o '<text fill-opacity="0" font-size="[0-9.]*"' "$1" | head -1 | grep -o '[0-9.]*"$' | tr -d '"'; }
hebrew="$root/tests/fonts/hebrew.json"
example="$root/timelines/idlib-sochi-2018.json"
"$tarikh" render "$hebrew" -o "$work/he.svg" --lang he 2>/dev/null
"$tarikh" render "$hebrew" -o "$work/en.svg" --lang en 2>/dev/null
"$tarikh" render "$example" -o "$work/idlib-en.svg" --lang en 2>/dev/null
"$tarikh" render "$example" -o "$work/idlib-ar.svg" --lang ar 2>/dev/null
check "a Hebrew title is the size of an English one" bash -c '[ -n "$1" ] && [ "$1" = "$2" ]' _ \
    "$(title_size "$work/he.svg")" "$(title_size "$work/en.svg")"
check "an Arabic title is larger than an English one" awk -v ar="$(title_size "$work/idlib-ar.svg")" \
    -v en="$(title_size "$work/idlib-en.svg")" 'BEGIN { exit !(ar != "" && ar > en * 1.1) }'

"$tarikh" render "$armenian" -o "$work/plain.svg" --lang hy 2>"$work/plain.err"
check "without it, each letter is named in one warning" bash -c "
grep -c '^$armenian: warning: no font has U+0540 (Հ), ' '$work/plain.err' | grep -qx 1"
check "the hint names the installed font that has them and its folder" grep -qxF \
    "hint: DejaVu Sans ($dejavu/DejaVuSans.ttf) has them: add $dejavu to the font folders" "$work/plain.err"
check "the hint names the option" grep -qxF "hint: add a font folder with --font-dir DIR" "$work/plain.err"

mkdir -p "$work/no-fonts/sub"
echo "not a font" >"$work/no-fonts/readme.txt"
cp "$root/fonts/NotoSans-Regular.ttf" "$work/no-fonts/sub/"
check "a missing folder is a usage error" exit_code 2 "$tarikh" render "$armenian" -o "$work/x.svg" --font-dir "$work/nope"
check "naming the folder and why" grep -qxF "tarikh: error: cannot read the font folder \"$work/nope\": No such file or directory" "$work/err.txt"
check "a folder without fonts is a usage error" exit_code 2 "$tarikh" render "$armenian" -o "$work/x.svg" --font-dir "$work/no-fonts"
check "saying it holds none" grep -qF "expected fonts (.ttf, .otf, .ttc, .otc) in the font folder \"$work/no-fonts\", found none (subfolders are not read)" "$work/err.txt"
check "one bad folder among good ones is refused" exit_code 2 "$tarikh" render "$armenian" -o "$work/x.svg" --font-dir $dejavu --font-dir "$work/nope"
check "nothing written when refused" test ! -e "$work/x.svg"

# Chinese and Japanese through Debian's Noto CJK (fonts-noto-cjk, in scripts/dev's test
# packages): every letter found, none drawn as U+FFFD.
cjk="$root/tests/fonts/cjk.json"
noto_cjk=/usr/share/fonts/opentype/noto
check "fonts-noto-cjk is installed (scripts/dev test packages)" test -f "$noto_cjk/NotoSansCJK-Regular.ttc"
for lang in zh ja; do
    check "a $lang edition with --font-dir $noto_cjk renders as PNG and PDF without a font warning" bash -c "
'$tarikh' render '$cjk' -o '$work/$lang.png' --lang $lang --font-dir $noto_cjk 2>'$work/$lang.err' &&
LSAN_OPTIONS=\"\${LSAN_OPTIONS:-}:suppressions=$root/tests/lsan-cairo-cff.supp\" \\
'$tarikh' render '$cjk' -o '$work/$lang.pdf' --lang $lang --font-dir $noto_cjk 2>>'$work/$lang.err' &&
no_font_warning '$work/$lang.err' || { cat '$work/$lang.err'; false; }"
done
check "the Chinese title comes back out of the PDF" bash -c "pdftotext '$work/zh.pdf' - | grep -q '东亚印刷史'"
check "the Japanese title comes back out of the PDF" bash -c "pdftotext '$work/ja.pdf' - | grep -q '東アジアの印刷の歴史'"
# Noto CJK's CFF subset renumbers its glyphs (kept ids kept the whole font's 65535 charstrings:
# 297 kB), embedded as a bare CFF whose charset keeps each glyph's CID: poppler, MuPDF and
# pdfminer read and draw it as before.
check "the Chinese PDF is under 60 kB" test "$(stat -c %s "$work/zh.pdf")" -lt 60000
check "pdfminer reads the Chinese title" bash -c "pdf2txt '$work/zh.pdf' 2>/dev/null | grep -q '东亚印刷史'"
check "mutool reads the Japanese title" bash -c "mutool draw -q -F txt -o - '$work/ja.pdf' 2>/dev/null | grep -q '東アジアの印刷の歴史'"
same_as_png() {  # same_as_png PNG DRAWN: within a small difference (text antialiased otherwise)
    /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
from PIL import Image, ImageChops
a, b = (Image.open(p).convert("RGB") for p in sys.argv[1:])
assert a.size == b.size, (a.size, b.size)
h = ImageChops.difference(a, b).convert("L").histogram()
mean, off = sum(i * c for i, c in enumerate(h)) / sum(h), sum(h[97:]) / sum(h)
print(f"mean {mean:.2f}, {100 * off:.2f} % off by more than 96")
assert mean < 3 and off < 0.01
PY
}
for lang in zh ja; do
    check "mutool draws the $lang PDF as the PNG is drawn" bash -c "
mutool draw -q -r 96 -o '$work/$lang-mutool.png' '$work/$lang.pdf' 2>/dev/null" &&
    check "poppler draws the $lang PDF" bash -c "pdftoppm -r 96 -png -singlefile '$work/$lang.pdf' '$work/$lang-poppler'"
    check "mutool's $lang drawing is the PNG's" same_as_png "$work/$lang.png" "$work/$lang-mutool.png"
    check "poppler's $lang drawing is the PNG's" same_as_png "$work/$lang.png" "$work/$lang-poppler.png"
done
check "without it, the Chinese letters are missing" bash -c "
'$tarikh' render '$cjk' -o '$work/zh-plain.svg' --lang zh 2>&1 | grep -q 'no font has U+4E1C'"

mkdir -p "$work/in"
cp "$armenian" "$work/in/"
check "batch takes --font-dir" bash -c "
'$tarikh' batch '$work/in' -o '$work/out' --format svg --lang hy --font-dir $dejavu -q 2>'$work/batch.err' &&
test -s '$work/out/armenian.hy.svg' && no_font_warning '$work/batch.err'"
check "batch refuses a folder without fonts" exit_code 2 "$tarikh" batch "$work/in" -o "$work/out2" --font-dir "$work/no-fonts"
check "an --incremental rerun with other folders renders again" bash -c "
'$tarikh' batch '$work/in' -o '$work/out' --format svg --lang hy --font-dir $dejavu --incremental 2>&1 | grep -q '0 rendered, 0 failed, 1 skipped' &&
'$tarikh' batch '$work/in' -o '$work/out' --format svg --lang hy --incremental 2>&1 | grep -q '1 rendered, 0 failed, 0 skipped'"

finish
