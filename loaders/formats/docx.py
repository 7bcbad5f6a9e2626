"""Word .docx → text: paragraphs and tables in document order, Word list numbering as the
markers it displays ("1.", "1.1.", "a)", "-"), data tables as Markdown pipe tables, borderless
header and signature tables flattened to lines, footnotes as ``¹ text`` lines after the body.

Read straight from the package's XML (document.xml, numbering.xml, styles.xml, footnotes.xml)
with lxml: python-docx gives neither numbering nor the order of tables among paragraphs."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from lxml import etree

from core.errors import InputError
from loaders.formats.common import render_table, superscript

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_BULLETS = {"+": "+", "-": "-"}
_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(n: int, fmt: str) -> str:
    """A counter in a numFmt: decimal 3, lowerLetter c, upperRoman III …"""
    if fmt in ("lowerLetter", "upperLetter"):
        s = chr(ord("a") + (n - 1) % 26) * (1 + (n - 1) // 26)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


class Numbering:
    """Word list numbering: the marker each numbered paragraph displays, counted per list."""

    def __init__(self, numbering: bytes | None, styles: bytes | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (fmt, lvlText, start)
        self.list_key: dict[str, str] = {}  # numId → the counter it shares (its abstractNum unless restarted)
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, list[int]] = {}
        if numbering:
            self._read_numbering(etree.fromstring(numbering, _PARSER))
        if styles:
            self._read_styles(etree.fromstring(styles, _PARSER))

    def _read_numbering(self, root) -> None:
        abstract = {}
        for a in root.findall(W + "abstractNum"):
            abstract[a.get(W + "abstractNumId")] = {
                int(lvl.get(W + "ilvl", "0")): (
                    _val(lvl, "numFmt", "decimal"),
                    _val(lvl, "lvlText", ""),
                    int(_val(lvl, "start", "1") or 1),
                )
                for lvl in a.findall(W + "lvl")
            }
        for num in root.findall(W + "num"):
            num_id, abstract_id = num.get(W + "numId"), _val(num, "abstractNumId")
            levels = dict(abstract.get(abstract_id, {}))
            restarted = False
            for override in num.findall(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = _val(override, "startOverride")
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = (
                        _val(lvl, "numFmt", "decimal"),
                        _val(lvl, "lvlText", ""),
                        int(_val(lvl, "start", "1")),
                    )
                if start is not None and ilvl in levels:
                    levels[ilvl] = (*levels[ilvl][:2], int(start))
                restarted = restarted or start is not None or lvl is not None
            self.levels[num_id] = levels
            self.list_key[num_id] = f"num{num_id}" if restarted else f"abstract{abstract_id}"

    def _read_styles(self, root) -> None:
        based_on, own = {}, {}
        for style in root.findall(W + "style"):
            sid = style.get(W + "styleId")
            based_on[sid] = _val(style, "basedOn")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                ilvl = _val(num_pr, "ilvl")
                own[sid] = (_val(num_pr, "numId"), int(ilvl) if ilvl is not None else None)
        for sid in based_on:
            seen, cur = set(), sid
            while cur and cur not in own and cur not in seen:
                seen.add(cur)
                cur = based_on.get(cur)
            if cur in own:
                self.style_num[sid] = own[cur]

    def marker(self, p_pr) -> str | None:
        """The marker of a paragraph with these properties, counting it; None when not numbered."""
        num_id, ilvl = self.style_num.get(_val(p_pr, "pStyle"), (None, None))
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr, "numId", num_id)
            ilvl = int(_val(num_pr, "ilvl")) if _val(num_pr, "ilvl") is not None else ilvl
        levels = self.levels.get(num_id or "")
        if not levels:
            return None
        ilvl = ilvl or 0
        fmt, text, _ = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        counts = self.counters.setdefault(self.list_key[num_id], [0] * 10)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else levels.get(ilvl, ("", "", 1))[2]
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        if fmt == "bullet":
            return _BULLETS.get(text.strip(), "-")
        if fmt == "none":
            return None
        for level in range(9, -1, -1):
            if f"%{level + 1}" in text:
                lfmt, _, lstart = levels.get(level, ("decimal", "", 1))
                text = text.replace(f"%{level + 1}", _format(counts[level] or lstart, lfmt))
        return text.strip() or None


class _Reader:
    def __init__(self, zf: zipfile.ZipFile) -> None:
        names = set(zf.namelist())
        self.numbering = Numbering(
            zf.read("word/numbering.xml") if "word/numbering.xml" in names else None,
            zf.read("word/styles.xml") if "word/styles.xml" in names else None,
        )
        self.notes: dict[tuple[str, str], int] = {}  # (part, footnote id) → its number in the text
        self.note_xml: dict[tuple[str, str], Any] = {}
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            if part in names:
                for note in etree.fromstring(zf.read(part), _PARSER).findall(W + tag):
                    if note.get(W + "type") in (None, "normal"):
                        self.note_xml[(tag, note.get(W + "id"))] = note

    def runs(self, p) -> str:
        """The text of a paragraph as displayed, footnote references as ¹ ²."""
        out = []
        for el in p.iter():
            tag = el.tag
            if tag == W + "t":
                out.append(el.text or "")
            elif tag in (W + "tab", W + "ptab"):
                out.append(" ")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                key = (tag[len(W) : -len("Reference")], el.get(W + "id"))
                if key in self.note_xml:
                    self.notes.setdefault(key, len(self.notes) + 1)
                    out.append(superscript(self.notes[key]))
        return "".join(out)

    def paragraph(self, p) -> str:
        text = "\n".join(line.strip() for line in self.runs(p).replace("\xa0", " ").split("\n")).strip()
        if not text:
            return ""
        marker = self.numbering.marker(p.find(W + "pPr"))
        return f"{marker} {text}" if marker else text

    def cell(self, tc) -> str:
        parts = []
        for el in tc:
            if el.tag == W + "p":
                parts.append(self.paragraph(el))
            elif el.tag == W + "tbl":
                parts.extend(line for row in self.grid(el) for line in row)
            elif el.tag == W + "sdt":
                parts.extend(self.cell(c) for c in el.iter(W + "sdtContent"))
        return "\n".join(p for p in parts if p)

    def grid(self, tbl) -> list[list[str]]:
        """Rows of a table with merged cells repeated: every row has one cell per grid column."""
        rows: list[list[str]] = []
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:
                continue  # a row of a nested table
            row: list[str] = []
            for tc in tr.findall(W + "tc"):
                pr = tc.find(W + "tcPr")
                span = int(_val(pr, "gridSpan", "1") or 1)
                merge = pr.find(W + "vMerge") if pr is not None else None
                if merge is not None and merge.get(W + "val", "continue") == "continue" and rows:
                    above = rows[-1]
                    text = above[len(row)] if len(row) < len(above) else ""
                else:
                    text = self.cell(tc)
                row.extend([text] * span)
            rows.append(row)
        width = max((len(r) for r in rows), default=0)
        return [r + [""] * (width - len(r)) for r in rows]

    def blocks(self, parent) -> list[str]:
        out: list[str] = []
        for el in parent:
            if el.tag == W + "p":
                out.append(self.paragraph(el))
            elif el.tag == W + "tbl":
                out.extend(render_table(self.grid(el)))
            elif el.tag == W + "sdt":
                for content in el.findall(W + "sdtContent"):
                    out.extend(self.blocks(content))
        return [b for b in out if b.strip()]

    def footnotes(self) -> list[str]:
        out = []
        for key, n in sorted(self.notes.items(), key=lambda kv: kv[1]):
            text = " ".join(self.runs(p).strip() for p in self.note_xml[key].iter(W + "p")).strip()
            out.append(f"{superscript(n)} {' '.join(text.split())}")
        return out


def _unreadable(name: str, e: Exception) -> InputError:
    return InputError(name, f"unreadable .docx ({e.__class__.__name__}: truncated or not a Word file)")


def docx_to_text(data: bytes, name: str, max_bytes: int) -> str:
    """The text of a .docx in the reading contract (see the module's docstring)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError) as e:
        raise _unreadable(name, e) from e
    if unpacked > max_bytes:
        raise InputError(name, f".docx unpacks to {unpacked / 1e6:.0f} MB: too large (a zip bomb?)")
    try:
        root = etree.fromstring(zf.read("word/document.xml"), _PARSER)
        for fallback in list(root.iter(MC_FALLBACK)):  # drawn shapes: keep one copy of their text
            fallback.getparent().remove(fallback)
        reader = _Reader(zf)
        body = root.find(W + "body")
        if body is None:
            raise ValueError("no document body")
        blocks = reader.blocks(body)
        notes = reader.footnotes()
    except (KeyError, ValueError, EOFError, OSError, zipfile.BadZipFile, zlib.error, etree.XMLSyntaxError) as e:
        raise _unreadable(name, e) from e
    return "\n\n".join(blocks + notes) + "\n"
