#!/usr/bin/env python3
"""pdf_words.py [--extractor pdftotext|mutool|pdfminer] TIMELINE LANG PDF SVG [LEAST]: how many of the
edition's words come out of the PDF whole.

The words are those the timeline gives in LANG (titles, descriptions, quotes, names) that the
edition shows: its SVG (the same layout) has them in its text. A word is whole when the
extractor (`pdftotext -layout`, the default; `mutool draw -F txt`; pdfminer's `pdf2txt`) gives it
back as one word. Prints "LANG whole/total" and the words that came out broken; with LEAST (a
number, or "all"), fails when fewer are whole.
"""
import html
import json
import re
import subprocess
import sys
import unicodedata


def texts(node, lang):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "locales":
                continue
            if key == lang and isinstance(value, str):
                yield value
            else:
                yield from texts(value, lang)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value, lang)


def words(text):
    text = re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", " ", text)  # pdftotext's bidi marks end words
    # Letters, marks and digits, and the joiners inside Persian words (ZWNJ, ZWJ).
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in "\u200c\u200d" else " " for c in text)
    return set(kept.split())


def svg_words(path):
    svg = open(path, encoding="utf-8").read()
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return set().union(*(words(html.unescape(re.sub(r"<[^>]+>", "", line))) for line in lines))


def extracted(extractor, pdf):
    command = {
        "pdftotext": ["pdftotext", "-layout", pdf, "-"],
        "mutool": ["mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf],
        "pdfminer": ["pdf2txt", pdf],
    }[extractor]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


args = sys.argv[1:]
extractor = "pdftotext"
if args[:1] == ["--extractor"]:
    extractor, args = args[1], args[2:]
timeline, lang, pdf, svg = args[:4]
least = args[4] if len(args) > 4 else None
wanted = set()
for text in texts(json.load(open(timeline, encoding="utf-8")), lang):
    wanted |= {w for w in words(text) if not w.isdigit() and not w.startswith("http")}
wanted &= svg_words(svg)
found = words(extracted(extractor, pdf))
broken = sorted(wanted - found)
print(f"{lang} {extractor} {len(wanted) - len(broken)}/{len(wanted)}")
if broken:
    print("broken:", " ".join(broken))
whole = len(wanted) - len(broken)
if least is not None and whole < (len(wanted) if least == "all" else int(least)):
    sys.exit(f"expected {least} whole, found {whole}")
