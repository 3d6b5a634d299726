#!/usr/bin/env bash
# A text an edition lacks is shown in another language's words: it is tagged and shaped as
# that language (a screen reader's voice; Urdu's Nastaliq), while the edition's own words
# (dates, "page N of M") keep the edition's; a story all in one other language is that
# language's document (PDF /Lang, SVG xml:lang).
set -u
tarikh=$1
root=$2
source "$root/tests/cli/lib.sh"

# From the twelve-language story: an Urdu-only file (its texts {"ur": …}, or plain strings, as
# a file in one language is written); an Arabic-first ar+en file; the same with an Urdu title alone.
python3 - "$root/timelines/idlib-twelve-languages.json" "$work" <<'PY'
import json, sys
story = json.load(open(sys.argv[1]))
every = set(story["languages"])
def keep(node, langs):
    if isinstance(node, dict):
        if node and set(node) <= every:
            return {k: v for k, v in node.items() if k in langs}
        return {k: keep(v, langs) for k, v in node.items()}
    if isinstance(node, list):
        return [keep(v, langs) for v in node]
    return node
def plain(node):
    if isinstance(node, dict):
        return node["ur"] if list(node) == ["ur"] else {k: plain(v) for k, v in node.items()}
    return [plain(v) for v in node] if isinstance(node, list) else node
def write(name, langs, title=None, strings=False):
    t = keep(story, langs)
    if strings:
        t = plain(t)
    t["languages"] = langs
    t["locales"] = {k: v for k, v in story["locales"].items() if k in langs}
    if title:
        t["title"] = title
    json.dump(t, open(f"{sys.argv[2]}/{name}.json", "w"), ensure_ascii=False)
write("urdu", ["ur"])
write("urdu-plain", ["ur"], strings=True)
write("ar-en", ["ar", "en"])
write("ar-en-ur-title", ["ar", "en"], {**keep(story["title"], ["ar", "en"]), "ur": story["title"]["ur"]})
PY

languages() { python3 "$root/tests/cli/pdf_languages.py" "$1"; }
# has PDF PATTERN: some line of the PDF's element languages matches
has() { languages "$1" | grep -qE "$2" || { languages "$1" | sort | uniq -c; return 1; }; }
# none PDF PATTERN: no line matches
none() { ! languages "$1" | grep -E "$2" || { languages "$1" | sort | uniq -c; return 1; }; }
nastaliq() { pdffonts "$1" | grep -q NotoNastaliqUrdu || { pdffonts "$1"; return 1; }; }

for layout in chronicle chart; do
    pdf=$work/urdu-en-$layout.pdf
    "$tarikh" render "$work/urdu.json" --lang en --layout $layout -o "$pdf" 2>/dev/null
    check "$layout: an Urdu-only story in English is an Urdu document" has "$pdf" '^Catalog ur$'
    check "$layout: its title is read in Urdu" has "$pdf" '^H1 ur$'
    check "$layout: no heading is read in English" none "$pdf" '^H[0-9] en$'
    check "$layout: its Urdu is drawn in Nastaliq" nastaliq "$pdf"
done
pdf=$work/urdu-plain-en.pdf
"$tarikh" render "$work/urdu-plain.json" --lang en --layout chronicle -o "$pdf" 2>/dev/null
check "a file in Urdu alone, its texts plain strings, in English is an Urdu document" has "$pdf" '^Catalog ur$'
check "its plain strings are drawn in Nastaliq" nastaliq "$pdf"
check "chronicle: the English edition's dates are read in English" has "$work/urdu-en-chronicle.pdf" '^P en$'
"$tarikh" render "$work/urdu.json" --lang en --layout chart -o "$work/urdu-en.svg" 2>/dev/null
check "svg: an Urdu-only story in English is an Urdu document" grep -q '<svg[^>]* xml:lang="ur"' "$work/urdu-en.svg"
check "svg: its English dates say so" grep -q 'xml:lang="en"' "$work/urdu-en.svg"

# As a user's batch met it: each edition of an Urdu-only file, PDF/UA, read in Urdu and checked.
mkdir -p "$work/in" "$work/out"
cp "$work/urdu.json" "$work/in/"
"$tarikh" batch "$work/in" -o "$work/out" --format pdf --lang en,ar --pdf-standard a-2b,ua-1 2>/dev/null
for lang in en ar; do
    pdf=$work/out/urdu.$lang.pdf
    check "batch $lang edition of an Urdu-only file is an Urdu document" has "$pdf" '^Catalog ur$'
    check "batch $lang edition: PDF/A-2b and PDF/UA-1" /usr/bin/python3 "$root/tests/cli/pdf_standard.py" "$pdf" --pdfa 2b --pdfua 1
done

# Arabic texts in an Urdu edition: Arabic, not Urdu; the Urdu edition's dates Urdu.
pdf=$work/ar-ur.pdf
"$tarikh" render "$work/ar-en.json" --lang ur --layout chronicle -o "$pdf" 2>/dev/null
check "an ar+en story in Urdu is an Arabic document" has "$pdf" '^Catalog ar$'
check "its headings are read in Arabic" none "$pdf" '^H[0-9] (ur|en)$'
check "the Urdu edition's dates are read in Urdu" has "$pdf" '^P ur$'

# One Urdu text (the title): an Urdu document whose Arabic events say they are Arabic.
pdf=$work/ar-ur-title.pdf
"$tarikh" render "$work/ar-en-ur-title.json" --lang ur --layout chronicle -o "$pdf" 2>/dev/null
check "a story with an Urdu title in Urdu is an Urdu document" has "$pdf" '^Catalog ur$'
check "its title is read in Urdu" has "$pdf" '^H1 ur$'
check "its Arabic event titles are read in Arabic" has "$pdf" '^H[23] ar$'
check "no event title is read in Urdu" none "$pdf" '^H[23] ur$'

# The same timeline's own language: nothing changes (no element says a language).
"$tarikh" render "$work/urdu.json" --lang ur --layout chronicle -o "$work/urdu-ur.pdf" 2>/dev/null
check "an Urdu story in Urdu says Urdu once" none "$work/urdu-ur.pdf" ' (en|ar)$'
finish
