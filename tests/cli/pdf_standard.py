#!/usr/bin/python3
"""Checks the parts of PDF/A-2 and PDF/UA-1 that can be checked without veraPDF.

usage: pdf_standard.py FILE.pdf [--pdfa 2b|2u] [--pdfua 1]

Exit 0 when every check passes; else 1, one line per failure ("FILE: rule: what is wrong").
Exit 2 on a usage error or a file qpdf cannot read. Reads the objects through `qpdf --json`,
the fonts through `pdffonts`, the text through `pdfinfo -struct-text` and `pdftotext`
(Debian: qpdf, poppler-utils). docs/pdf.md lists what is checked and what is not.

PDF/A-2 (b: the file looks the same forever; u: and every character maps to Unicode):
  XMP metadata present and parsed, pdfaid:part 2 and the conformance asked (or a higher one:
  a -2u file is a -2b file too); dc:title,
  xmp:CreateDate and pdf:Producer equal /Info's Title, CreationDate (as instants) and Producer;
  an /OutputIntents entry /GTS_PDFA1 whose embedded ICC profile says RGB; every font embedded
  (a FontFile, FontFile2 or FontFile3, or Type 3; and pdffonts says "emb"); no encryption; no
  external references (a stream's /F, /Launch, /GoToR) nor other actions PDF/A-2 forbids; no
  JavaScript; no transfer functions (/TR, /TR2 but /Default) and only the standard blend modes
  (transparency itself is allowed); with 2u, every font has a /ToUnicode map.
PDF/UA-1: /MarkInfo /Marked true, /StructTreeRoot, /Lang on the catalog, /ViewerPreferences
  /DisplayDocTitle true, dc:title and pdfuaid:part 1 in the XMP; every Figure element has /Alt;
  every /Link annotation has /Contents and /StructParent; every page /StructParents and /Tabs /S;
  headings start at H1 and never skip a level on the way down; the structure's text
  (pdfinfo -struct-text) equals the pages' (pdftotext) without the artifacts' (page furniture),
  compared in order with whitespace ignored.
"""
import argparse
import base64
import datetime
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}
# ISO 19005-2, 6.6.1: actions a PDF/A-2 file may not hold; GoToR is an external reference.
FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide", "/SetOCGState",
                     "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript", "/GoToR"}
STANDARD_BLEND_MODES = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten",
                        "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion",
                        "/Hue", "/Saturation", "/Color", "/Luminosity"}
STANDARD_TYPES = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
                  "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
                  "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
                  "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
                  "Formula", "Form"}


def run(*args):
    done = subprocess.run(args, capture_output=True)
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


class Pdf:
    """The file's objects as qpdf's JSON (version 2) gives them, references followed on demand."""

    def __init__(self, path):
        code, out, err = run("qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                             "--decode-level=generalized", path)
        if code not in (0, 3):  # 3: read with warnings
            raise SystemExit(f"{path}: qpdf cannot read it: {err.strip()}")
        self.objects = json.loads(out)["qpdf"][1]
        self.trailer = self.objects["trailer"]["value"]
        code, _, _ = run("qpdf", "--is-encrypted", path)
        self.encrypted = code == 0

    def get(self, value):
        """`value`, or the object it refers to: a stream as {"dict": …, "data": bytes}."""
        if isinstance(value, str) and re.fullmatch(r"\d+ \d+ R", value):
            entry = self.objects.get("obj:" + value)
            if entry is None:
                return None
            if "stream" in entry:
                s = entry["stream"]
                return {"dict": s.get("dict", {}), "data": base64.b64decode(s.get("data", ""))}
            return entry.get("value")
        return value

    def dict_of(self, value):
        v = self.get(value)
        if isinstance(v, dict) and "dict" in v and "data" in v:
            return v["dict"]
        return v if isinstance(v, dict) else {}

    def every_dict(self):
        """Every dictionary in the file, stream dictionaries too, with whether it is a stream's."""
        def walk(v, stream):
            if isinstance(v, dict):
                yield v, stream
                for x in v.values():
                    yield from walk(x, False)
            elif isinstance(v, list):
                for x in v:
                    yield from walk(x, False)
        for key, entry in self.objects.items():
            if "stream" in entry:
                yield from walk(entry["stream"].get("dict", {}), True)
            else:
                yield from walk(entry.get("value"), False)

    def catalog(self):
        return self.dict_of(self.trailer.get("/Root"))

    def pages(self):
        out = []
        def walk(node):
            d = self.dict_of(node)
            if d.get("/Type") == "/Pages" or "/Kids" in d:
                for kid in d.get("/Kids", []):
                    walk(kid)
            else:
                out.append(d)
        walk(self.catalog().get("/Pages"))
        return out


def text(value):
    """A PDF string from qpdf's JSON as text."""
    if not isinstance(value, str):
        return None
    if value.startswith("u:"):
        return value[2:]
    if value.startswith("b:"):
        raw = bytes.fromhex(value[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be", "replace")
        return raw.decode("latin-1")
    return value


def pdf_date(value):
    """D:YYYYMMDDHHmmSSOHH'mm' as an aware datetime (no offset: UTC)."""
    m = re.fullmatch(r"(?:D:)?(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:([Zz+-])(\d\d)?'?(\d\d)?'?)?", value or "")
    if not m:
        return None
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    offset = datetime.timedelta(hours=int(oh or 0), minutes=int(om or 0))
    tz = datetime.timezone(-offset if sign == "-" else offset)
    return datetime.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0), tzinfo=tz)


def xmp_date(value):
    if not value:
        return None
    v = value.strip().replace("z", "Z")
    if v.endswith("Z"):
        v = v[:-1] + "+00:00"
    try:
        d = datetime.datetime.fromisoformat(v)
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=datetime.timezone.utc)


def xmp_value(root, prefix, name):
    """A property written as an attribute of rdf:Description or as an element (rdf:Alt/Seq/Bag: its first item)."""
    uri = NS[prefix]
    for desc in root.iter("{%s}Description" % NS["rdf"]):
        if "{%s}%s" % (uri, name) in desc.attrib:
            return desc.attrib["{%s}%s" % (uri, name)]
        el = desc.find("{%s}%s" % (uri, name))
        if el is not None:
            li = el.find(".//{%s}li" % NS["rdf"])
            return (li.text if li is not None else el.text) or ""
    return None


class Checker:
    def __init__(self, path, pdfa, pdfua):
        self.path, self.pdfa, self.pdfua = path, pdfa, pdfua
        self.failures = []
        self.pdf = Pdf(path)
        self.xmp = None

    def fail(self, rule, what):
        self.failures.append(f"{self.path}: {rule}: {what}")

    def run(self):
        self.read_xmp()
        if self.pdfa:
            self.check_pdfa()
        if self.pdfua:
            self.check_pdfua()
        return self.failures

    def read_xmp(self):
        meta = self.pdf.get(self.pdf.catalog().get("/Metadata"))
        if not isinstance(meta, dict) or "data" not in meta:
            return
        try:
            self.xmp = ET.fromstring(meta["data"])
        except ET.ParseError as e:
            self.xmp_error = str(e)

    # PDF/A-2

    def check_pdfa(self):
        part, conformance = self.pdfa[0], self.pdfa[1:].upper()
        if self.xmp is None:
            self.fail("pdfa-xmp", "no XMP metadata stream that parses" +
                      (f" ({self.xmp_error})" if hasattr(self, "xmp_error") else " (/Metadata absent)"))
        else:
            if xmp_value(self.xmp, "pdfaid", "part") != part:
                self.fail("pdfa-id", f"pdfaid:part is {xmp_value(self.xmp, 'pdfaid', 'part')!r}, expected {part!r}")
            # A level promises the one below it: a -2u (or -2a) file is a -2b file too.
            found = (xmp_value(self.xmp, "pdfaid", "conformance") or "").upper()
            if found not in {"B": ("B", "U", "A"), "U": ("U", "A")}[conformance]:
                self.fail("pdfa-id", f"pdfaid:conformance is {found!r}, expected {conformance!r}")
            self.check_info_matches_xmp()
        self.check_output_intent()
        self.check_fonts(conformance == "U")
        if self.pdf.encrypted or "/Encrypt" in self.pdf.trailer:
            self.fail("pdfa-encrypt", "the file is encrypted")
        self.check_forbidden()

    def check_info_matches_xmp(self):
        info = self.pdf.dict_of(self.pdf.trailer.get("/Info"))
        for key, prefix, name in (("/Title", "dc", "title"), ("/Producer", "pdf", "Producer")):
            a, b = text(info.get(key)), xmp_value(self.xmp, prefix, name)
            if a is not None and a != b:
                self.fail("pdfa-info-xmp", f"/Info {key} {a!r} differs from XMP {prefix}:{name} {b!r}")
        created = text(info.get("/CreationDate"))
        if created is not None:
            a, b = pdf_date(created), xmp_date(xmp_value(self.xmp, "xmp", "CreateDate"))
            if a is None or b is None or a != b:
                self.fail("pdfa-info-xmp", f"/Info /CreationDate {created!r} is not the instant of XMP xmp:CreateDate "
                                           f"{xmp_value(self.xmp, 'xmp', 'CreateDate')!r}")

    def check_output_intent(self):
        intents = [self.pdf.dict_of(i) for i in self.pdf.get(self.pdf.catalog().get("/OutputIntents")) or []]
        ours = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
        if not ours:
            self.fail("pdfa-output-intent", "no /OutputIntents entry with /S /GTS_PDFA1")
            return
        profile = self.pdf.get(ours[0].get("/DestOutputProfile"))
        data = profile.get("data", b"") if isinstance(profile, dict) else b""
        if len(data) < 128 or data[36:40] != b"acsp":
            self.fail("pdfa-output-intent", "the output intent has no embedded ICC profile")
        elif data[16:20] != b"RGB ":
            self.fail("pdfa-output-intent", f"the output intent's ICC profile is {data[16:20].decode('latin-1')!r}, not RGB")

    def fonts(self):
        """Every font dictionary, with its name, and the descriptor that says where its program is."""
        for d, _ in self.pdf.every_dict():
            if d.get("/Type") != "/Font":
                continue
            yield d

    def check_fonts(self, unicode):
        for font in self.fonts():
            subtype, name = font.get("/Subtype"), font.get("/BaseFont", "(Type 3)")
            if subtype == "/Type0":
                if unicode and "/ToUnicode" not in font:
                    self.fail("pdfa-unicode", f"font {name} has no /ToUnicode")
                continue  # its program is its descendant's
            if subtype != "/Type3":
                descriptor = self.pdf.dict_of(font.get("/FontDescriptor"))
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    self.fail("pdfa-fonts", f"font {name} is not embedded")
            if unicode and subtype not in ("/CIDFontType0", "/CIDFontType2") and "/ToUnicode" not in font:
                self.fail("pdfa-unicode", f"font {name} has no /ToUnicode")
        code, out, _ = run("pdffonts", self.path)
        for line in out.splitlines()[2:]:
            cols = line.split()
            # name type… encoding emb sub uni object ID: "emb" is the fifth column from the end.
            if len(cols) >= 7 and cols[-5] == "no":
                self.fail("pdfa-fonts", f"pdffonts: {cols[0]} is not embedded")

    def check_forbidden(self):
        for d, stream in self.pdf.every_dict():
            if stream and ("/F" in d or "/FFilter" in d):
                self.fail("pdfa-external", "a stream's data is in an external file (/F)")
            if d.get("/S") in FORBIDDEN_ACTIONS:
                rule = "pdfa-javascript" if d["/S"] == "/JavaScript" else "pdfa-external" if d["/S"] in ("/Launch", "/GoToR") else "pdfa-action"
                self.fail(rule, f"a {d['/S'][1:]} action")
            if "/JS" in d or "/JavaScript" in d:
                self.fail("pdfa-javascript", "JavaScript (/JS or a /JavaScript name tree)")
            if "/TR" in d or d.get("/TR2", "/Default") != "/Default":
                self.fail("pdfa-transfer", "a transfer function (/TR or /TR2) in a graphics state")
            bm = d.get("/BM")
            for mode in bm if isinstance(bm, list) else [bm] if bm else []:
                if mode not in STANDARD_BLEND_MODES:
                    self.fail("pdfa-blend", f"blend mode {mode} is not one of ISO 32000-1's")

    # PDF/UA-1

    def check_pdfua(self):
        catalog = self.pdf.catalog()
        if self.pdf.dict_of(catalog.get("/MarkInfo")).get("/Marked") is not True:
            self.fail("pdfua-marked", "no /MarkInfo /Marked true")
        root = self.pdf.dict_of(catalog.get("/StructTreeRoot"))
        if not root:
            self.fail("pdfua-struct-tree", "no /StructTreeRoot")
        if not text(catalog.get("/Lang")):
            self.fail("pdfua-lang", "no /Lang on the catalog")
        if self.pdf.dict_of(catalog.get("/ViewerPreferences")).get("/DisplayDocTitle") is not True:
            self.fail("pdfua-title-shown", "no /ViewerPreferences /DisplayDocTitle true")
        if self.xmp is None or not (xmp_value(self.xmp, "dc", "title") or "").strip():
            self.fail("pdfua-title", "no dc:title in the XMP metadata")
        if self.xmp is None or xmp_value(self.xmp, "pdfuaid", "part") != "1":
            self.fail("pdfua-id", "no pdfuaid:part 1 in the XMP metadata")
        for n, page in enumerate(self.pdf.pages(), 1):
            if "/StructParents" not in page:
                self.fail("pdfua-page", f"page {n} has no /StructParents")
            if page.get("/Tabs") != "/S":
                self.fail("pdfua-page", f"page {n} has no /Tabs /S")
            for annot in self.pdf.get(page.get("/Annots")) or []:
                a = self.pdf.dict_of(annot)
                if a.get("/Subtype") != "/Link":
                    continue
                if not text(a.get("/Contents")):
                    self.fail("pdfua-link", f"a link on page {n} has no /Contents")
                if "/StructParent" not in a:
                    self.fail("pdfua-link", f"a link on page {n} has no /StructParent")
        if root:
            self.check_elements(root)
            self.check_text()

    def check_elements(self, root):
        role_map = {k[1:]: v[1:] for k, v in self.pdf.dict_of(root.get("/RoleMap")).items() if isinstance(v, str)}

        def standard(s):
            seen = set()
            while s not in STANDARD_TYPES and s in role_map and s not in seen:
                seen.add(s)
                s = role_map[s]
            return s

        deepest, order = 0, []

        def walk(kids, depth):
            for kid in kids if isinstance(kids, list) else [kids]:
                d = self.pdf.get(kid)
                if not isinstance(d, dict) or "/S" not in d or d.get("/Type") in ("/MCR", "/OBJR"):
                    continue
                if depth > 200:
                    return
                order.append(d)
                walk(d.get("/K", []), depth + 1)

        walk(root.get("/K", []), 0)
        for d in order:
            s = standard(d["/S"][1:])
            if s == "Figure" and not text(d.get("/Alt")):
                self.fail("pdfua-alt", "a Figure element has no /Alt")
            if re.fullmatch(r"H[1-6]", s):
                level = int(s[1])
                if level > deepest + 1:
                    self.fail("pdfua-headings", f"H{level} follows H{deepest}" if deepest else f"the first heading is H{level}")
                deepest = level

    # The structure's text against the pages'.

    def check_text(self):
        code, out, err = run("pdfinfo", "-struct-text", self.path)
        if code != 0:
            self.fail("pdfua-text", f"pdfinfo -struct-text failed: {err.strip()}")
            return
        tagged = "".join(quoted_lines(out))
        pages = []
        for n, page in enumerate(self.pdf.pages(), 1):
            _, page_text, _ = run("pdftotext", "-raw", "-nopgbrk", "-f", str(n), "-l", str(n), "-enc", "UTF-8", self.path, "-")
            page_text = squeeze(page_text)
            for artifact in ArtifactText(self.pdf, page).spans():
                page_text = without(page_text, artifact)
            pages.append(page_text)
        shown = "".join(pages)
        tagged = squeeze(tagged)
        if tagged != shown:
            at = next((i for i, (a, b) in enumerate(zip(tagged, shown)) if a != b), min(len(tagged), len(shown)))
            self.fail("pdfua-text", f"the structure's text differs from the pages' at character {at}: "
                                    f"structure {tagged[max(0, at - 20):at + 20]!r}, pages {shown[max(0, at - 20):at + 20]!r}")


def squeeze(s):
    return re.sub(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", s)


def without(page, artifact):
    """`page` with one occurrence of `artifact` cut: at its start or end (a running head, a page
    number) if it is there, else the first."""
    a = squeeze(artifact)
    if not a:
        return page
    if page.startswith(a):
        return page[len(a):]
    if page.endswith(a):
        return page[:-len(a)]
    i = page.find(a)
    return page if i < 0 else page[:i] + page[i + len(a):]


def quoted_lines(out):
    """The text pdfinfo -struct-text prints: each element's, in quotes, maybe over several lines."""
    texts, current = [], None
    for line in out.splitlines():
        s = line.strip()
        if current is not None:
            current.append(line)
            if s.endswith('"'):
                texts.append("\n".join(current)[:-1])
                current = None
        elif s.startswith('"'):
            if len(s) > 1 and s.endswith('"'):
                texts.append(s[1:-1])
            else:
                current = [s[1:]]
    return texts


class ArtifactText:
    """The text a page's content stream shows inside /Artifact marked content, through each
    font's /ToUnicode (or its bytes as Latin-1)."""

    TOKEN = re.compile(rb"\s*(?:(%[^\r\n]*)|(\()|(<<|>>|\[|\])|(<[0-9A-Fa-f\s]*>)|(/[^\s/\[\]()<>{}%]*)|([^\s/\[\]()<>{}%]+))")

    def __init__(self, pdf, page):
        self.pdf, self.page = pdf, page
        contents = pdf.get(page.get("/Contents"))
        parts = contents if isinstance(contents, list) else [page.get("/Contents")]
        self.data = b"\n".join(pdf.get(p).get("data", b"") for p in parts if isinstance(pdf.get(p), dict))
        fonts = pdf.dict_of(pdf.dict_of(page.get("/Resources")).get("/Font"))
        self.fonts = {name: pdf.dict_of(ref) for name, ref in fonts.items()}
        self.maps = {}

    def tokens(self):
        data, i = self.data, 0
        while i < len(data):
            m = self.TOKEN.match(data, i)
            if not m or m.end() == i:
                break
            i = m.end()
            comment, paren, delim, hexs, name, word = m.groups()
            if comment:
                continue
            if paren:
                depth, out = 1, bytearray()
                while i < len(data) and depth:
                    c = data[i]
                    if c == 0x5C and i + 1 < len(data):  # backslash
                        n = data[i + 1]
                        esc = {0x6E: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}
                        if n in esc:
                            out.append(esc[n]); i += 2
                        elif 0x30 <= n <= 0x37:
                            m2 = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4])
                            out.append(int(m2.group(), 8) & 255); i += 1 + len(m2.group())
                        elif n in (0x0A, 0x0D):
                            i += 2
                        else:
                            out.append(n); i += 2
                        continue
                    depth += c == 0x28
                    depth -= c == 0x29
                    if depth:
                        out.append(c)
                    i += 1
                yield ("str", bytes(out))
            elif hexs:
                h = re.sub(rb"\s", b"", hexs[1:-1])
                yield ("str", bytes.fromhex((h + b"0" * (len(h) % 2)).decode()))
            elif delim:
                yield ("delim", delim)
            elif name:
                yield ("name", name.decode("latin-1"))
            else:
                yield ("word", word)

    def unicode_map(self, font_name):
        if font_name in self.maps:
            return self.maps[font_name]
        font = self.fonts.get(font_name, {})
        two_bytes = font.get("/Subtype") == "/Type0"
        cmap = {}
        stream = self.pdf.get(font.get("/ToUnicode"))
        if isinstance(stream, dict) and "data" in stream:
            body = stream["data"]
            def utf16(h):
                return bytes.fromhex(h.decode()).decode("utf-16-be", "replace")
            for block in re.findall(rb"beginbfchar(.*?)endbfchar", body, re.S):
                for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
                    cmap[int(src, 16)] = utf16(dst)
            for block in re.findall(rb"beginbfrange(.*?)endbfrange", body, re.S):
                for lo, hi, rest in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
                    lo, hi = int(lo, 16), int(hi, 16)
                    if rest.startswith(b"["):
                        for k, dst in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", rest)):
                            cmap[lo + k] = utf16(dst)
                    else:
                        first = rest[1:-1]
                        base = int(first, 16)
                        for code in range(lo, min(hi, lo + 65535) + 1):
                            cmap[code] = bytes.fromhex("%0*x" % (len(first), base + code - lo)).decode("utf-16-be", "replace")
        self.maps[font_name] = (two_bytes, cmap)
        return self.maps[font_name]

    def decode(self, font, raw):
        two_bytes, cmap = self.unicode_map(font)
        step = 2 if two_bytes else 1
        codes = [int.from_bytes(raw[i:i + step], "big") for i in range(0, len(raw) - step + 1, step)]
        return "".join(cmap.get(c, chr(c) if not two_bytes else "") for c in codes)

    def spans(self):
        """The text of each outermost artifact span, in content order."""
        out, stack, operands, font = [], [], [], None
        current = None
        for kind, value in self.tokens():
            if kind != "word":
                operands.append((kind, value))
                continue
            op = value
            if op in (b"BMC", b"BDC"):
                tag = next((v for k, v in operands if k == "name"), None)
                artifact = tag == "/Artifact" or (stack and stack[-1])
                if tag == "/Artifact" and not (stack and stack[-1]):
                    current = []
                stack.append(bool(artifact))
            elif op == b"EMC":
                if stack:
                    was = stack.pop()
                    if was and not (stack and stack[-1]) and current is not None:
                        out.append("".join(current))
                        current = None
            elif op == b"Tf":
                names = [v for k, v in operands if k == "name"]
                font = names[-1] if names else font
            elif op in (b"Tj", b"'", b'"', b"TJ") and current is not None:
                for k, v in operands:
                    if k == "str":
                        current.append(self.decode(font, v))
            operands = [] if op not in (b"true", b"false", b"null") and not re.fullmatch(rb"[-+.\d]+", op) else operands
        return out


def main():
    parser = argparse.ArgumentParser(description="check a PDF against what can be checked of PDF/A-2 and PDF/UA-1")
    parser.add_argument("file")
    parser.add_argument("--pdfa", choices=["2b", "2u"])
    parser.add_argument("--pdfua", choices=["1"])
    args = parser.parse_args()
    if not args.pdfa and not args.pdfua:
        parser.error("nothing to check: give --pdfa 2b|2u, --pdfua 1 or both")
    failures = Checker(args.file, args.pdfa, args.pdfua).run()
    for line in failures:
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
