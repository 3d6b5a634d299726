#!/usr/bin/env bash
# In a real browser: two different timelines' SVGs inlined in one HTML page, screenshot by
# headless Chromium, each region compared with tarikh's own PNG of the same timeline. If the
# SVGs' ids clashed, one would draw the other's glyphs and its region would not match.
# Also: the --format html page is self-contained, script-free, and opens a card on :target.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

chrome() {  # chrome URL PNG WIDTH HEIGHT
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --force-device-scale-factor=1 --user-data-dir="$work/profile-$RANDOM" \
        --window-size="$3,$4" --screenshot="$2" "$1" >/dev/null 2>&1
}

example=$root/timelines/idlib-sochi-2018.json
other=$root/tests/timelinejs/women_in_computing.json
"$tarikh" render "$example" --lang ar -o "$work/a.svg" && "$tarikh" render "$example" --lang ar -o "$work/a.png"
"$tarikh" render "$other" -o "$work/b.svg" && "$tarikh" render "$other" -o "$work/b.png"

/usr/bin/python3 - "$work" <<'PY'
import sys
from PIL import Image
work = sys.argv[1]
a, b = Image.open(f"{work}/a.png"), Image.open(f"{work}/b.png")
width, height = max(a.width, b.width), a.height + b.height
svg_a, svg_b = open(f"{work}/a.svg").read(), open(f"{work}/b.svg").read()
page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{margin:0;background:#fff}"
        "div{line-height:0}</style></head><body>"
        f"<div>{svg_a}</div><div>{svg_b}</div></body></html>")
open(f"{work}/page.html", "w").write(page)
open(f"{work}/size", "w").write(f"{width} {height}")
PY
read -r width height < "$work/size"
chrome "file://$work/page.html" "$work/shot.png" "$width" "$height"

check "Chromium took the screenshot" test -s "$work/shot.png"
check "both inlined SVGs draw as tarikh's own PNGs do" /usr/bin/python3 - "$work" <<'PY'
import sys
from PIL import Image, ImageChops, ImageStat
work = sys.argv[1]
shot = Image.open(f"{work}/shot.png").convert("RGB")
a, b = Image.open(f"{work}/a.png").convert("RGB"), Image.open(f"{work}/b.png").convert("RGB")
def mean_diff(x, y):
    return sum(ImageStat.Stat(ImageChops.difference(x, y)).mean) / 3
region_a = shot.crop((0, 0, a.width, a.height))
region_b = shot.crop((0, a.height, b.width, a.height + b.height))
same_a, same_b = mean_diff(region_a, a), mean_diff(region_b, b)
# The control: the same comparison against the wrong picture is far off.
cross = mean_diff(region_b, a.crop((0, 0, b.width, b.height)).resize((b.width, b.height)))
print(f"mean per-channel difference: first {same_a:.2f}, second {same_b:.2f}, control {cross:.2f}")
assert same_a < 3 and same_b < 3, (same_a, same_b)
assert cross > 4 * max(same_a, same_b), cross
PY

"$tarikh" render "$example" -o "$work/page.html"
check "the HTML page is self-contained and script-free" /usr/bin/python3 - "$work/page.html" <<'PY'
import re, sys
html = open(sys.argv[1]).read()
assert "<script" not in html.lower()
assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), "event handler attribute"
assert not re.search(r"""(src|href)\s*=\s*["'](?!#|https?://|mailto:)""", html), "a reference that is not a link"
assert " src=" not in html and "@import" not in html and "url(" not in html, "an external resource"
assert html.count('class="tk-hot"') == 11, html.count('class="tk-hot"')
assert html.count('tabindex="0"') == 11
PY
# Tall enough not to scroll, so the only change a fragment makes is the card it opens.
chrome "file://$work/page.html#event-zalaqiat" "$work/card.png" 1240 1500
chrome "file://$work/page.html#no-such-event" "$work/nocard.png" 1240 1500
check "a card opens on its event (CSS :target, as on hover and focus), and nothing else changes" \
    /usr/bin/python3 - "$work" <<'PY'
import sys
from PIL import Image, ImageChops
work = sys.argv[1]
a = Image.open(f"{work}/card.png").convert("RGB")
b = Image.open(f"{work}/nocard.png").convert("RGB")
box = ImageChops.difference(a, b).getbbox()
assert box is not None, "no card"
left, top, right, bottom = box
assert (right - left) * (bottom - top) < 0.15 * a.width * a.height, box
PY
finish
