#!/usr/bin/env bash
# The SVG in a real browser (headless Chromium, no network): its words are text that find-in-page
# finds and a selection copies, in English and in Arabic, while it draws as before; a responsive
# SVG fills a report's 680 px column; an HTML page fits a phone's width.
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

chrome() {  # chrome ARGS... URL: the flags of browser.sh, then ARGS
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --force-device-scale-factor=1 --user-data-dir="$work/profile-$RANDOM" "$@" 2>/dev/null
}

example=$root/timelines/idlib-sochi-2018.json
for lang in en ar; do
    "$tarikh" render "$example" --lang "$lang" -o "$work/$lang.svg"
    "$tarikh" render "$example" --lang "$lang" --svg-text outlines -o "$work/$lang-outlines.svg"
done

check "every SVG is well-formed XML" xmllint --noout "$work/en.svg" "$work/ar.svg" "$work/en-outlines.svg"

# One page inlining both editions; a script finds and selects titles and leaves its answers
# as JSON in the document's title, which --dump-dom prints.
make_page() {  # make_page SUFFIX PAGE
    /usr/bin/python3 - "$work" "$1" "$2" <<'PY'
import sys
work, suffix, page = sys.argv[1:]
svg = {lang: open(f"{work}/{lang}{suffix}.svg").read() for lang in ("en", "ar")}
script = r"""
const titles = {en: "Idlib's Sochi deal at the verge of collapse",
                en_wrapped: "Attack on a Jaysh al-Izza post at al-Zalaqiat",
                ar: "اتفاق سوتشي في إدلب على حافة الانهيار",
                ar_wrapped: "هيئة تحرير الشام (HTS) تعلن قتل عناصر من قوات الأسد وروسيا قرب حلفايا"};
const selection = getSelection();
// Found, and found inside an SVG (not in this page's own words).
function found(text) {
  selection.removeAllRanges();
  const ok = window.find(text, false, false, true);
  return ok && selection.anchorNode !== null && selection.anchorNode.parentElement.closest("svg") !== null;
}
// The text element drawing `text`, selected whole, as a copy would read it.
function copied(id, text) {
  const element = [...document.querySelectorAll(`#${id} text`)]
      .find(t => t.textContent.replace(/\s+/g, " ").trim() === text);
  if (!element) return null;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString().replace(/\s+/g, " ").trim();
}
// Each text element's box against its outlines' (the other children of its group), on screen:
// the same width give or take the glyphs' side bearings, and most of their height, so that a
// selection highlights what is drawn.
function misplaced() {
  const out = [];
  for (const text of document.querySelectorAll("svg text")) {
    let ink = null;
    for (const g of text.parentElement.children) {
      if (g.tagName !== "g") continue;
      const r = g.getBoundingClientRect();
      ink = ink ? {left: Math.min(ink.left, r.left), right: Math.max(ink.right, r.right),
                   top: Math.min(ink.top, r.top), bottom: Math.max(ink.bottom, r.bottom)} : r;
    }
    const box = text.getBoundingClientRect();
    const shared = Math.min(box.bottom, ink.bottom) - Math.max(box.top, ink.top);
    if (Math.abs(box.left - ink.left) > 4 || Math.abs(box.right - ink.right) > 4 || shared < 0.6 * (ink.bottom - ink.top))
      out.push([text.textContent, box.left - ink.left, box.right - ink.right, shared / (ink.bottom - ink.top)]);
  }
  return out;
}
const result = {found: {}, copied: {}, texts: document.querySelectorAll("svg text").length, misplaced: misplaced()};
for (const [key, text] of Object.entries(titles)) {
  result.found[key] = found(text);
  result.copied[key] = copied(key.slice(0, 2), text) === text;
}
document.title = JSON.stringify(result);
"""
html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>pending</title></head><body>"
        f"<div id='en'>{svg['en']}</div><div id='ar' dir='rtl' lang='ar'>{svg['ar']}</div><script>{script}</script></body></html>")
open(f"{work}/{page}", "w").write(html)
PY
}
make_page "" text.html
make_page "-outlines" outlines.html
chrome --dump-dom "file://$work/text.html" > "$work/text.dom"
chrome --dump-dom "file://$work/outlines.html" > "$work/outlines.dom"

answers() {  # answers DOM EXPECTED: the script's answers, each as expected
    /usr/bin/python3 - "$@" <<'PY'
import html, json, re, sys
dom, expected = open(sys.argv[1]).read(), sys.argv[2] == "true"
title = re.search(r"<title>(.*?)</title>", dom, re.S)
assert title, "no title in the dumped DOM"
result = json.loads(html.unescape(title.group(1)))
print(result)
wrong = [f"{what} {key}" for what in ("found", "copied") for key, ok in result[what].items() if ok != expected]
assert not wrong, wrong
PY
}
check "window.find() finds English and Arabic titles, one-line and wrapped, and a selected title copies as its text" \
    answers "$work/text.dom" true
# The control: with outlines only, the same script finds and copies nothing.
check "with --svg-text outlines nothing is found or copied" answers "$work/outlines.dom" false
check "every text element covers the glyphs it stands for" /usr/bin/python3 - "$work/text.dom" <<'PY'
import html, json, re, sys
result = json.loads(html.unescape(re.search(r"<title>(.*?)</title>", open(sys.argv[1]).read(), re.S).group(1)))
assert result["texts"] > 100 and not result["misplaced"], (result["texts"], result["misplaced"][:5])
PY

check "the text layer leaves the drawing as it was (rsvg-convert)" /usr/bin/python3 - "$work" <<'PY'
import subprocess, sys
from PIL import Image, ImageChops
work = sys.argv[1]
for lang in ("en", "ar"):
    for name in (lang, f"{lang}-outlines"):
        subprocess.run(["rsvg-convert", f"{work}/{name}.svg", "-o", f"{work}/{name}.png"], check=True)
    a = Image.open(f"{work}/{lang}.png").convert("RGBA")
    b = Image.open(f"{work}/{lang}-outlines.png").convert("RGBA")
    assert a.size == b.size and ImageChops.difference(a, b).getbbox() is None, lang
PY

# A report's 680 px column holding a responsive SVG: the SVG's box is the column's width, and
# the screenshot shows the chart scaled to it (as rsvg-convert draws it 680 px wide).
"$tarikh" render "$example" --svg-size responsive -o "$work/responsive.svg"
check "a responsive SVG has a viewBox, width 100% and no height" /usr/bin/python3 - "$work/responsive.svg" <<'PY'
import re, sys
root = re.search(r"<svg[^>]*>", open(sys.argv[1]).read()).group(0)
assert ' width="100%"' in root and " height=" not in root and " viewBox=" in root, root
PY
/usr/bin/python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
svg = open(f"{work}/responsive.svg").read()
script = ("document.title = JSON.stringify({width: document.querySelector('svg').getBoundingClientRect().width, "
          "scroll: document.documentElement.scrollWidth});")
html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>pending</title><style>body{margin:0;background:#fff}"
        f".column{{width:680px;line-height:0}}</style></head><body><div class='column'>{svg}</div>"
        f"<script>{script}</script></body></html>")
open(f"{work}/column.html", "w").write(html)
PY
chrome --window-size=1000,1200 --screenshot="$work/column.png" "file://$work/column.html" >/dev/null
chrome --window-size=1000,1200 --dump-dom "file://$work/column.html" > "$work/column.dom"
rsvg-convert -w 680 "$work/responsive.svg" -o "$work/column-expected.png"
check "the responsive SVG's box is the column's 680 px" /usr/bin/python3 - "$work/column.dom" <<'PY'
import html, json, re, sys
result = json.loads(html.unescape(re.search(r"<title>(.*?)</title>", open(sys.argv[1]).read(), re.S).group(1)))
assert result["width"] == 680, result
PY
check "the screenshot shows the chart at the column's width, and nothing beside it" /usr/bin/python3 - "$work" <<'PY'
import sys
from PIL import Image, ImageChops, ImageStat
work = sys.argv[1]
shot = Image.open(f"{work}/column.png").convert("RGB")
expected = Image.new("RGB", Image.open(f"{work}/column-expected.png").size, "white")
expected.paste(Image.open(f"{work}/column-expected.png").convert("RGBA"), mask=Image.open(f"{work}/column-expected.png").convert("RGBA"))
height = min(expected.height, shot.height)
region = shot.crop((0, 0, 680, height))
diff = sum(ImageStat.Stat(ImageChops.difference(region, expected.crop((0, 0, 680, height)))).mean) / 3
beside = shot.crop((680, 0, shot.width, shot.height)).getextrema()
print(f"mean per-channel difference {diff:.2f}; right of the column {beside}")
assert diff < 3, diff
assert all(low == 255 for low, high in beside), "drawn past the column"
PY

# tarikh's own HTML page on a phone: the chart scales down, the page does not scroll sideways.
# (Headless Chromium's window is at least 500 px wide: the page is measured against its own.)
"$tarikh" render "$example" --lang ar -o "$work/page.html"
/usr/bin/python3 - "$work/page.html" <<'PY'
import sys
page = open(sys.argv[1]).read()
script = ("<script>document.title = JSON.stringify({window: innerWidth, scroll: document.documentElement.scrollWidth, "
          "svg: document.querySelector('svg').getBoundingClientRect().width});</script>")
open(sys.argv[1].replace(".html", "-probe.html"), "w").write(page.replace("</body>", script + "</body>"))
PY
chrome --window-size=390,800 --dump-dom "file://$work/page-probe.html" > "$work/phone.dom"
check "an HTML page fits a phone's width" /usr/bin/python3 - "$work/phone.dom" <<'PY'
import html, json, re, sys
result = json.loads(html.unescape(re.search(r"<title>(.*?)</title>", open(sys.argv[1]).read(), re.S).group(1)))
print(result)
assert result["window"] < 600, result  # narrower than the chart's 1,024 px
assert result["scroll"] <= result["window"] and result["window"] - 40 <= result["svg"] <= result["window"], result
PY
# The document's structure (docs/pdf.md) in the text layer: headings by level, page furniture
# and axis labels hidden from screen readers.
"$tarikh" render "$example" --layout chronicle -o "$work/chronicle.svg"
check "a chronicle's title, era and event titles are headings of their levels" /usr/bin/python3 - "$work" <<'PY'
import re, sys
svg = open(sys.argv[1] + "/chronicle.svg").read()
def level(words):  # of the first text with these words that is read (the running head is not)
    for m in re.finditer(r"<text([^>]*)>" + re.escape(words) + "<", svg):
        if 'aria-hidden="true"' in m.group(1): continue
        found = re.search(r'role="heading" aria-level="(\d)"', m.group(1))
        return found and found.group(1)
got = [level("Idlib&#39;s Sochi deal at the verge of collapse"), level("Sochi deal in force"),
       level("Turkey and Russia sign the Sochi deal on Idlib"), level("been clarified so far.")]
sys.exit(0 if got == ["1", "2", "3", None] else "levels: %s" % got)
PY
check "page numbers and tick labels are hidden from screen readers" /usr/bin/python3 - "$work" <<'PY'
import re, sys
chronicle, chart = (open(sys.argv[1] + name).read() for name in ("/chronicle.svg", "/en.svg"))
def hidden(svg, words):
    m = re.search(r"<text([^>]*)>" + re.escape(words), svg)
    return m is not None and 'aria-hidden="true"' in m.group(1)
got = [hidden(chronicle, "page 1 of 2"), hidden(chart, "15 Sept"), hidden(chart, "Turkey and Russia sign the Sochi")]
sys.exit(0 if got == [True, True, False] else "hidden: %s" % got)
PY
finish
