#!/usr/bin/env bash
# tarikh's own PDF writer (issue 16): each page looks like the PNG path's (pdftoppm at 96 dpi,
# within a small tolerance), the same input gives the same bytes (pdftotext, mutool and pdfminer
# read every word whole: scripts.sh), --pdf-standard claims what it says, and the
# structure tree reads the Arabic in logical order.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"
example="$root/timelines/idlib-sochi-2018.json"
twelve="$root/timelines/idlib-twelve-languages.json"

# like_png NAME: every page of NAME.pdf against NAME.png, NAME-2.png…: mean difference under 4
# of 255, and under 2 % of the pixels off by more than 96 (text antialiased by poppler vs cairo).
like_png() {
    pdftoppm -r 96 -png "$work/$1.pdf" "$work/$1-pdf" && /usr/bin/python3 - "$work" "$1" <<'PY'
import glob, sys
from PIL import Image, ImageChops
work, name = sys.argv[1:]
pages = sorted(glob.glob(f"{work}/{name}-pdf-*.png"))
assert pages, "no page"
for k, page in enumerate(pages, 1):
    png = f"{work}/{name}.png" if k == 1 else f"{work}/{name}-{k}.png"
    a, b = Image.open(png).convert("RGB"), Image.open(page).convert("RGB")
    assert a.size == b.size, (k, a.size, b.size)
    h = ImageChops.difference(a, b).convert("L").histogram()
    total = sum(h)
    mean, off = sum(i * c for i, c in enumerate(h)) / total, sum(h[97:]) / total
    print(f"page {k}: mean {mean:.2f}, {100 * off:.2f} % off by more than 96")
    assert mean < 4 and off < 0.02, (k, mean, off)
PY
}
"$tarikh" render "$example" -o "$work/chart.pdf" && "$tarikh" render "$example" -o "$work/chart.png"
check "the chart's PDF looks like its PNG" like_png chart
"$tarikh" render "$example" --lang ar --layout chronicle -o "$work/ar.pdf" &&
    "$tarikh" render "$example" --lang ar --layout chronicle -o "$work/ar.png"
check "each page of the Arabic chronicle's PDF looks like its PNG" like_png ar
# Urdu: a Nastaliq word's glyphs drawn as shapes (form XObjects), its letters written unseen.
"$tarikh" render "$twelve" --lang ur --layout chronicle -o "$work/ur.pdf" &&
    "$tarikh" render "$twelve" --lang ur --layout chronicle -o "$work/ur.png"
check "each page of the Urdu chronicle's PDF looks like its PNG" like_png ur

check "the same input gives the same bytes" bash -c "
'$tarikh' render '$example' --lang ar --layout chronicle -o '$work/again.pdf' && cmp '$work/ar.pdf' '$work/again.pdf'"
check "qpdf --check is clean" bash -c "qpdf --check '$work/ar.pdf' > '$work/check.txt' && ! grep -qi warning '$work/check.txt'"
check "the structure tree reads the Arabic title in logical order" bash -c "
pdfinfo -struct-text '$work/ar.pdf' | grep -qF 'اتفاق سوتشي في إدلب على حافة الانهيار'"
check "the structure tree keeps the words of two lines apart (the space a line broke at)" bash -c "
'$tarikh' render '$example' --layout chronicle -o '$work/en.pdf' &&
pdfinfo -struct-text '$work/en.pdf' | grep -qF 'have not been clarified so far'"
check "tagged, with the document's language" bash -c "
pdfinfo '$work/ar.pdf' | grep -q 'Tagged: *yes' && qpdf --show-object=1 '$work/ar.pdf' | grep -q '/Lang (ar)'"
check "fonts are embedded subsets with a ToUnicode map" bash -c "
pdffonts '$work/ar.pdf' | tail -n +3 | awk '{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\" || \$(NF-2) != \"yes\") exit 1 }'"

# --pdf-standard
"$tarikh" render "$example" --lang ar --layout chronicle --pdf-standard a-2u,ua-1 -o "$work/ua.pdf"
check "a-2u,ua-1: qpdf --check is clean" qpdf --check "$work/ua.pdf"
check "a-2u,ua-1: the XMP claims PDF/A-2u and PDF/UA-1 and matches the document information" /usr/bin/python3 -c "
import json, subprocess, xml.etree.ElementTree as ET
info = dict(l.split(':', 1) for l in subprocess.run(['pdfinfo', '$work/ua.pdf'], capture_output=True, text=True).stdout.splitlines() if ':' in l)
xmp = subprocess.run(['pdfinfo', '-meta', '$work/ua.pdf'], capture_output=True, text=True).stdout
root = ET.fromstring(xmp[xmp.index('<x:xmpmeta'):xmp.index('</x:xmpmeta>') + 12])
ns = {'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'dc': 'http://purl.org/dc/elements/1.1/',
      'pdfaid': 'http://www.aiim.org/pdfa/ns/id/', 'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
      'pdf': 'http://ns.adobe.com/pdf/1.3/'}
assert root.find('.//pdfaid:part', ns).text == '2' and root.find('.//pdfaid:conformance', ns).text == 'U'
assert root.find('.//pdfuaid:part', ns).text == '1'
assert root.find('.//dc:title/rdf:Alt/rdf:li', ns).text == info['Title'].strip()
assert root.find('.//pdf:Producer', ns).text == info['Producer'].strip()
assert root.find('.//dc:language/rdf:Bag/rdf:li', ns).text == 'ar'
"
check "a-2u: an sRGB output intent" bash -c "qpdf --show-object=1 '$work/ua.pdf' | grep -q '/OutputIntents'"
check "--pdf-standard none claims nothing" bash -c "
'$tarikh' render '$example' --pdf-standard a-2b --pdf-standard none -o '$work/none.pdf' &&
[ \"\$(pdfinfo '$work/none.pdf' | sed -n 's/^Metadata Stream: *//p')\" = no ]"
check "--pdf-standard is for pdf" exit_code 2 "$tarikh" render "$example" --pdf-standard ua-1 -o "$work/x.svg"
check "--pdf-standard refuses a level it does not know" exit_code 2 "$tarikh" render "$example" --pdf-standard a-1b -o "$work/x.pdf"

# The bytes do not depend on where the fonts are installed: subset tags name a font by its file's
# name, not its path (a build in another folder gave other bytes).
mkdir -p "$work/fonts-a" "$work/fonts-b/deeper"
cp "$root"/fonts/* "$work/fonts-a/" && cp "$root"/fonts/* "$work/fonts-b/deeper/"
check "the same PDF from fonts in two folders" bash -c "
TARIKH_FONT_DIR='$work/fonts-a' '$tarikh' render '$example' --lang ar -o '$work/fonts-a.pdf' &&
TARIKH_FONT_DIR='$work/fonts-b/deeper' '$tarikh' render '$example' --lang ar -o '$work/fonts-b.pdf' &&
cmp '$work/fonts-a.pdf' '$work/fonts-b.pdf'"

finish
