#!/usr/bin/env python3
"""The structure elements of a tagged PDF in reading order, each with the language a screen
reader reads it in (its own /Lang, else its parent's, else the document's), from `qpdf --json`:
one line per element, "TYPE LANG"; the first line is the document's, "Catalog LANG"."""
import json
import subprocess
import sys


def main(path):
    objects = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", path], check=True,
                                        capture_output=True).stdout)["qpdf"][1]
    value = lambda ref: objects.get("obj:" + ref, {}).get("value", {})
    text = lambda s: s[2:] if isinstance(s, str) and s[:2] in ("u:", "b:") else s
    catalog = next(v["value"] for v in objects.values()
                   if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
    document_lang = text(catalog.get("/Lang", ""))
    print("Catalog", document_lang)

    def walk(ref, lang):
        element = value(ref)
        if element.get("/Type") != "/StructElem":
            return
        lang = text(element.get("/Lang", lang))
        print(element["/S"][1:], lang)
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, str) and kid.endswith(" R"):
                walk(kid, lang)

    root = value(catalog["/StructTreeRoot"])
    kids = root.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        walk(kid, document_lang)


if __name__ == "__main__":
    main(sys.argv[1])
