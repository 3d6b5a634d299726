#!/usr/bin/env bash
# A report as users write one: a 680 px text column holding two charts made with
# --width 680px, one English and one Arabic, inlined in HTML and opened in headless Chromium.
# Each chart is exactly the column's width, nothing spills out of the column, and the
# smallest text of each is at least 9 px.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

example=$root/timelines/idlib-sochi-2018.json
for lang in en ar; do
    "$tarikh" render "$example" --lang "$lang" --width 680px -o "$work/$lang.svg" \
        --quality-json "$work/$lang.quality.json" 2>>"$work/warnings.txt"
done
check "both charts are made" test -s "$work/en.svg" -a -s "$work/ar.svg"
for lang in en ar; do
    check "the $lang chart's smallest text is at least 9 px" /usr/bin/python3 -c "
import json, sys
q = json.load(open('$work/$lang.quality.json'))
assert q['min_text_px'] >= 9, q['min_text_px']"
done

/usr/bin/python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
svg = {lang: open(f"{work}/{lang}.svg").read() for lang in ("en", "ar")}
page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><style>"
        "body{margin:0;background:#fff} main{width:680px;margin:0 20px} figure{margin:0 0 24px 0}"
        "p{font:16px/1.5 serif;margin:0 0 16px 0}</style></head><body><main>"
        "<p>The Sochi memorandum of September 2018 drew a demilitarised zone around Idlib.</p>"
        f"<figure id='en'>{svg['en']}</figure>"
        "<p>The same chronology, in Arabic:</p>"
        f"<figure id='ar' lang='ar'>{svg['ar']}</figure>"
        "</main><script>"
        "const sizes = ['en', 'ar'].map(id => {"
        "  const box = document.querySelector('#' + id + ' svg').getBoundingClientRect();"
        "  return id + '=' + Math.round(box.width) + 'x' + Math.round(box.height); });"
        "document.title = sizes.join(' ') + ' page=' + document.documentElement.scrollWidth;"
        "</script></body></html>")
open(f"{work}/report.html", "w").write(page)
PY

chrome() {  # chrome ARGS...: headless Chromium, no network, a window 720 px wide
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --force-device-scale-factor=1 --user-data-dir="$work/profile-$RANDOM" "$@" 2>/dev/null
}
chrome --window-size=720,1400 --dump-dom "file://$work/report.html" > "$work/dom.html"
check "each chart is as wide as the column, and the page no wider than the window" /usr/bin/python3 - "$work" <<'PY'
import re, sys
dom = open(f"{sys.argv[1]}/dom.html").read()
title = re.search(r"<title>([^<]*)</title>", dom).group(1)
print(title)
sizes = dict(part.split("=") for part in title.split())
for lang in ("en", "ar"):
    width, height = map(int, sizes[lang].split("x"))
    assert width == 680 and height > 100, (lang, width, height)
assert int(sizes["page"]) <= 720, sizes["page"]
PY

chrome --window-size=720,2400 --screenshot="$work/report.png" "file://$work/report.html" >/dev/null
check "the screenshot shows both charts in the column and nothing beside it" /usr/bin/python3 - "$work" <<'PY'
import sys
from PIL import Image
shot = Image.open(f"{sys.argv[1]}/report.png").convert("L")
width, height = shot.size
beside = shot.crop((701, 0, width, height)).getextrema()
assert beside[0] > 250, f"something is drawn right of the column: {beside}"
column = shot.crop((20, 0, 700, height))
inked = sum(1 for v in column.getdata() if v < 128)
assert inked > 0.01 * 680 * height / 4, inked
PY
[ -n "${TARIKH_KEEP_SCREENSHOT:-}" ] && cp "$work/report.png" "$TARIKH_KEEP_SCREENSHOT"
finish
