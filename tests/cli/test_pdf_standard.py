#!/usr/bin/python3
"""Tests pdf_standard.py on tiny PDFs written here by hand: one that passes every check of
PDF/A-2u and PDF/UA-1, and one per rule that breaks only that rule, so that the checker can
neither pass everything nor fail what it should pass.

usage: test_pdf_standard.py   (exit 0 when every case behaves; needs qpdf and poppler-utils)
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "pdf_standard.py")

# A Type 3 font (its glyphs are in the file: embedded by construction): every printable ASCII
# code draws a box, and its /ToUnicode maps each code to its own character.
FONT = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << /g {GLYPH} /space {SPACE} >> /Encoding << /Type /Encoding /Differences [32 /space 33 "
        + b"/g " * 94 + b"] >> /FirstChar 32 /LastChar 126 /Widths [" + b"600 " * 95 + b"] /Resources << >>{TOUNICODE} >>")
TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7E> <0020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def xmp(title="A test", producer="tarikh test", created="2026-01-02T03:04:05Z", part="2", conformance="U",
        ua=True, broken=False):
    ua_attr = ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"' if ua else ""
    title_el = f"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>" if title else ""
    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"{ua_attr}
 pdfaid:part="{part}" pdfaid:conformance="{conformance}" xmp:CreateDate="{created}" pdf:Producer="{producer}">
{title_el}</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""
    if broken:
        body = body.replace("</rdf:RDF>", "")
    return body.encode("utf-8")


def icc(space=b"RGB "):
    """The 128-byte header of an ICC profile and an empty tag table: what the checker reads."""
    header = bytearray(132)
    header[0:4] = (132).to_bytes(4, "big")
    header[12:16] = b"mntr"
    header[16:20] = space
    header[20:24] = b"XYZ "
    header[36:40] = b"acsp"
    return bytes(header)


def build(**change):
    """The passing document, with `change` breaking one thing (see CASES)."""
    objs = {}

    def put(n, body):
        objs[n] = body

    def stream(d, data):
        return b"<< " + d + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    h2 = b"H3" if change.get("skip_heading") else b"H2"
    tagged_only = b"" if not change.get("untagged_text") else b"BT /F1 12 Tf 10 650 Td (Loose words) Tj ET\n"
    content = (b"/Artifact BMC BT /F1 12 Tf 280 20 Td (Page 1 of 1) Tj ET EMC\n"
               b"/H1 <</MCID 0>> BDC BT /F1 12 Tf 10 740 Td (The title) Tj ET EMC\n"
               b"/" + h2 + b" <</MCID 1>> BDC BT /F1 12 Tf 10 700 Td (An era) Tj ET EMC\n" + tagged_only +
               b"/P <</MCID 2>> BDC BT /F1 12 Tf 10 600 Td (Some words here) Tj ET EMC\n"
               b"/Figure <</MCID 3>> BDC 0 0 1 rg 10 400 100 100 re f EMC\n"
               b"/Link <</MCID 4>> BDC BT /F1 12 Tf 10 300 Td (A source) Tj ET EMC\n")
    if change.get("transfer"):
        content = b"/GS1 gs\n" + content
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Metadata 14 0 R /OutputIntents [15 0 R]"
    if not change.get("no_marked"):
        catalog += b" /MarkInfo << /Marked true >>"
    if not change.get("no_struct_tree"):
        catalog += b" /StructTreeRoot 6 0 R"
    if not change.get("no_lang"):
        catalog += b" /Lang (en)"
    catalog += b" /ViewerPreferences << /DisplayDocTitle %s >>" % (b"false" if change.get("title_hidden") else b"true")
    if change.get("javascript"):
        catalog += b" /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"
    if change.get("launch"):
        catalog += b" /OpenAction << /S /Launch /F (run.exe) >>"
    if change.get("gotor"):
        catalog += b" /OpenAction << /S /GoToR /F (other.pdf) /D [0 /Fit] >>"
    if change.get("no_metadata"):
        catalog = catalog.replace(b" /Metadata 14 0 R", b"")
    if change.get("no_output_intent"):
        catalog = catalog.replace(b" /OutputIntents [15 0 R]", b"")
    put(1, catalog + b" >>")
    put(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Annots [16 0 R]"
    fonts = b"/F1 5 0 R" + (b" /F2 17 0 R" if change.get("unembedded_font") else b"")
    xobjects = b" /XObject << /X1 18 0 R >>" if change.get("external_stream") else b""
    gstates = b" /ExtGState << /GS1 19 0 R >>" if change.get("transfer") or change.get("blend") else b""
    page += b" /Resources << /Font << " + fonts + b" >>" + xobjects + gstates + b" >>"
    if not change.get("no_struct_parents"):
        page += b" /StructParents 0"
    if not change.get("no_tabs"):
        page += b" /Tabs /S"
    put(3, page + b" >>")
    put(4, stream(b"", content))
    put(5, FONT.replace(b"{GLYPH}", b"10 0 R").replace(b"{SPACE}", b"11 0 R")
        .replace(b"{TOUNICODE}", b"" if change.get("no_to_unicode") else b" /ToUnicode 12 0 R"))
    put(6, b"<< /Type /StructTreeRoot /K [7 0 R] /ParentTree 13 0 R /ParentTreeNextKey 2 >>")
    put(7, b"<< /Type /StructElem /S /Document /P 6 0 R /K [8 0 R 9 0 R 20 0 R 21 0 R 22 0 R] >>")
    put(8, b"<< /Type /StructElem /S /H1 /P 7 0 R /Pg 3 0 R /K 0 >>")
    put(9, b"<< /Type /StructElem /S /" + h2 + b" /P 7 0 R /Pg 3 0 R /K 1 >>")
    put(10, stream(b"", b"600 0 0 0 500 700 d1 0 0 500 700 re f"))
    put(11, stream(b"", b"600 0 d0"))
    put(12, stream(b"", TO_UNICODE))
    put(13, b"<< /Nums [0 [8 0 R 9 0 R 20 0 R 21 0 R 22 0 R] 1 22 0 R] >>")
    info_title = "Another title" if change.get("info_title") else "A test"
    put(14, stream(b"/Type /Metadata /Subtype /XML",
                   xmp(title=None if change.get("no_xmp_title") else "A test",
                       producer="someone else" if change.get("info_producer") else "tarikh test",
                       created="2026-01-02T03:04:06Z" if change.get("info_date") else "2026-01-02T03:04:05Z",
                       part="1" if change.get("pdfa_part") else "2",
                       conformance="B" if change.get("conformance") else "U",
                       ua=not change.get("no_pdfuaid"), broken=change.get("bad_xmp", False))))
    put(15, b"<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) /DestOutputProfile 23 0 R >>")
    link = b"<< /Type /Annot /Subtype /Link /Rect [10 295 80 312] /F 4 /Border [0 0 0] /A << /S /URI /URI (https://example.org/) >>"
    if not change.get("link_no_contents"):
        link += b" /Contents (A source: https://example.org/)"
    if not change.get("link_no_struct_parent"):
        link += b" /StructParent 1"
    put(16, link + b" >>")
    put(17, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        if change.get("unembedded_font") else b"null")
    put(18, stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /F (outside.dat)", b"")
        if change.get("external_stream") else b"null")
    put(19, b"<< /Type /ExtGState" + (b" /TR /Identity" if change.get("transfer") else b"")
        + (b" /BM /Unheard" if change.get("blend") else b"") + b" >>")
    put(20, b"<< /Type /StructElem /S /P /P 7 0 R /Pg 3 0 R /K 2 >>")
    put(21, b"<< /Type /StructElem /S /Figure /P 7 0 R /Pg 3 0 R /K 3"
        + (b"" if change.get("figure_no_alt") else b" /Alt (A blue square)") + b" >>")
    put(22, b"<< /Type /StructElem /S /Link /P 7 0 R /Pg 3 0 R /K [4 << /Type /OBJR /Obj 16 0 R >>] >>")
    put(23, stream(b"/N 3", icc(b"CMYK" if change.get("cmyk_intent") else b"RGB ")))
    put(24, b"<< /Title (" + info_title.encode() + b") /Producer (tarikh test) /CreationDate (D:20260102050405+02'00') >>")

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    count = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for n in range(1, count):
        out += b"%010d 00000 n \n" % offsets[n]
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 24 0 R /ID [<00112233445566778899aabbccddeeff> "
            b"<00112233445566778899aabbccddeeff>] >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref))
    return bytes(out)


# Each broken document, the checker's options, and the rule its one failure names.
BOTH = ["--pdfa", "2u", "--pdfua", "1"]
CASES = [
    ("no_metadata", ["--pdfa", "2b"], "pdfa-xmp"),
    ("bad_xmp", ["--pdfa", "2b"], "pdfa-xmp"),
    ("pdfa_part", ["--pdfa", "2b"], "pdfa-id"),
    ("conformance", ["--pdfa", "2u"], "pdfa-id"),
    ("info_title", ["--pdfa", "2b"], "pdfa-info-xmp"),
    ("info_producer", ["--pdfa", "2b"], "pdfa-info-xmp"),
    ("info_date", ["--pdfa", "2b"], "pdfa-info-xmp"),
    ("no_output_intent", ["--pdfa", "2b"], "pdfa-output-intent"),
    ("cmyk_intent", ["--pdfa", "2b"], "pdfa-output-intent"),
    ("unembedded_font", ["--pdfa", "2b"], "pdfa-fonts"),
    ("external_stream", ["--pdfa", "2b"], "pdfa-external"),
    ("launch", ["--pdfa", "2b"], "pdfa-external"),
    ("gotor", ["--pdfa", "2b"], "pdfa-external"),
    ("javascript", ["--pdfa", "2b"], "pdfa-javascript"),
    ("transfer", ["--pdfa", "2b"], "pdfa-transfer"),
    ("blend", ["--pdfa", "2b"], "pdfa-blend"),
    ("no_to_unicode", ["--pdfa", "2u"], "pdfa-unicode"),
    ("no_marked", ["--pdfua", "1"], "pdfua-marked"),
    ("no_struct_tree", ["--pdfua", "1"], "pdfua-struct-tree"),
    ("no_lang", ["--pdfua", "1"], "pdfua-lang"),
    ("title_hidden", ["--pdfua", "1"], "pdfua-title-shown"),
    ("no_xmp_title", ["--pdfua", "1"], "pdfua-title"),
    ("no_pdfuaid", ["--pdfua", "1"], "pdfua-id"),
    ("figure_no_alt", ["--pdfua", "1"], "pdfua-alt"),
    ("link_no_contents", ["--pdfua", "1"], "pdfua-link"),
    ("link_no_struct_parent", ["--pdfua", "1"], "pdfua-link"),
    ("no_struct_parents", ["--pdfua", "1"], "pdfua-page"),
    ("no_tabs", ["--pdfua", "1"], "pdfua-page"),
    ("skip_heading", ["--pdfua", "1"], "pdfua-headings"),
    ("untagged_text", ["--pdfua", "1"], "pdfua-text"),
]


def check(path, options):
    done = subprocess.run(["/usr/bin/python3", CHECKER, path, *options], capture_output=True, text=True)
    return done.returncode, done.stdout.splitlines(), done.stderr


def main():
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, "good.pdf")
        with open(good, "wb") as f:
            f.write(build())
        qpdf = subprocess.run(["qpdf", "--check", good], capture_output=True, text=True)
        if qpdf.returncode != 0:
            problems.append(f"the passing document is not a clean PDF: {qpdf.stdout}{qpdf.stderr}")
        for options in (BOTH, ["--pdfa", "2b"], ["--pdfa", "2u"], ["--pdfua", "1"]):
            code, lines, err = check(good, options)
            if code != 0 or lines:
                problems.append(f"good.pdf {' '.join(options)}: exit {code}, expected 0: {lines} {err}")
        # Encrypted (qpdf's AES, empty user password): readable, and refused.
        locked = os.path.join(tmp, "encrypted.pdf")
        subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--", good, locked], check=True)
        cases = CASES + [("encrypted", ["--pdfa", "2b"], "pdfa-encrypt")]
        for name, options, rule in cases:
            path = locked if name == "encrypted" else os.path.join(tmp, name + ".pdf")
            if name != "encrypted":
                with open(path, "wb") as f:
                    f.write(build(**{name: True}))
            code, lines, err = check(path, options)
            rules = sorted({line.split(": ")[1] for line in lines if ": " in line})
            if code != 1 or rules != [rule]:
                problems.append(f"{name} {' '.join(options)}: exit {code}, rules {rules}, expected 1 and [{rule!r}]: "
                                f"{lines} {err.strip()}")
        # Usage: nothing asked.
        code, _, _ = check(good, [])
        if code != 2:
            problems.append(f"no option: exit {code}, expected 2")
    for p in problems:
        print("FAIL: " + p)
    print(f"pdf_standard.py: {len(CASES) + 1} broken documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
