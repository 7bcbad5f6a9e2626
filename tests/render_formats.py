"""Render one document's text in the forms documents come in: hard-wrapped text, CRLF, NFD,
Markdown, an HTML portal page, Word (.docx, with Word list numbering, a borderless header table
and its tasks as a Word table), a PDF with a text layer (two-column header, running header,
page numbers, ruled tables) and a scanned PDF (page images only). Used by the format tests, the
format-invariance test and bench/bench_extract.py."""

from __future__ import annotations

import html
import io
import re
import textwrap
import unicodedata
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian fonts-dejavu-core
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
RULE_RE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")
RIGHT_HEADER_RE = re.compile(r"ĐẢNG CỘNG SẢN|CỘNG HÒA|CỘNG HOÀ|Độc lập|ngày\s+\d+\s+tháng|, ngày", re.I)
KIND_RE = re.compile(
    r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|KẾT LUẬN|THÔNG BÁO|CHỈ THỊ|BÁO CÁO|QUYẾT ĐỊNH|"
    r"QUY ĐỊNH|HƯỚNG DẪN|CÔNG VĂN|ĐỀ ÁN|TỜ TRÌNH)\b"
)
NUMBERED_RE = re.compile(r"^(?P<n>\d{1,2})\.\s+(?=\S)")
LETTERED_RE = re.compile(r"^(?P<l>[a-zđ])\)\s+(?=\S)")
BULLET_RE = re.compile(r"^[-+•]\s+(?=\S)")


def blocks_of(text: str) -> list[str]:
    """Paragraph blocks (blank-line separated), each with its lines."""
    return [b.strip("\n") for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]


def table_rows(block: str) -> list[list[str]] | None:
    """The cells of a pipe-table block, None when the block is not a table."""
    lines = [l for l in block.split("\n") if l.strip()]
    if len(lines) < 2 or not all(ROW_RE.match(l) or RULE_RE.match(l) for l in lines):
        return None
    return [
        [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", l.strip())[1:-1]]
        for l in lines
        if not RULE_RE.match(l)
    ]


def header_split(blocks: list[str]) -> tuple[list[str], list[str], int]:
    """The document header before its kind heading: (left lines, right lines, blocks it took)."""
    for i, block in enumerate(blocks[:8]):
        if KIND_RE.match(block.strip(" *#")):
            lines = [l.strip() for b in blocks[:i] for l in b.split("\n") if l.strip()]
            if not lines or len(lines) > 12:
                return [], [], 0
            right_start = next((j for j, l in enumerate(lines) if RIGHT_HEADER_RE.search(l)), None)
            if right_start is None:
                return [], [], 0
            right = [
                l
                for j, l in enumerate(lines)
                if j >= right_start and (RIGHT_HEADER_RE.search(l) or not re.search(r"\w", l))
            ]
            left = [l for l in lines if l not in right]
            return left, right, i
    return [], [], 0


# --- text forms -------------------------------------------------------------------------------


def wrapped(text: str, width: int) -> str:
    """Hard-wrapped at ``width`` columns (table rows kept whole)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width or ROW_RE.match(line):
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def markdown(text: str) -> str:
    """Markdown: the kind heading as ``#``, other all-capitals headings bold."""
    out = []
    for block in blocks_of(text):
        line = block.strip()
        if "\n" not in line and KIND_RE.match(line):
            out.append(f"# {line}")
        elif (
            "\n" not in line and line.isupper() and len(line) < 120 and re.search(r"\w", line) and not table_rows(line)
        ):
            out.append(f"**{line}**")
        else:
            out.append(block)
    return "\n\n".join(out) + "\n"


def html_page(text: str, title: str = "Văn bản") -> str:
    """An HTML page of a Party portal: menu, breadcrumb, posting date, the article, related news,
    share bar and footer."""
    body = []
    for block in blocks_of(text):
        rows = table_rows(block)
        if rows:
            head = "".join(f"<th>{html.escape(c)}</th>" for c in rows[0])
            trs = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
            body.append(f'<table border="1"><thead><tr>{head}</tr></thead><tbody>{trs}</tbody></table>')
        else:
            body.append("<p>" + "<br>".join(html.escape(l) for l in block.split("\n")) + "</p>")
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<script>var tracking = "Nghị quyết số 99-NQ/TW";</script></head><body>
<div id="top-bar"><span class="today">Thứ Hai, 04/11/2024</span> <a href="/lien-he">Liên hệ</a></div>
<header id="banner"><p class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH</p></header>
<nav id="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a>
<ul><li><a href="/nq">Quán triệt Nghị quyết số 57-NQ/TW</a></li></ul></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/vb">Văn bản</a></div>
<div id="content"><article class="news-detail"><h1 class="title">{html.escape(title)}</h1>
<div class="meta"><span class="date">Cập nhật: 12/05/2025 10:30</span> | <span class="views">Lượt xem: 120</span></div>
<div class="content-detail">{"".join(body)}</div>
<div class="share"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a></div></article>
<section class="box"><h3>Tin liên quan</h3><ul><li><a href="/a">Triển khai Chỉ thị số 45-CT/TW</a></li>
<li><a href="/b">Sơ kết Nghị quyết số 36-NQ/TW</a></li></ul></section></div>
<footer id="footer"><p>Giấy phép số 250/GP-BTTTT. Số 1 Quảng trường, ngày 01 tháng 01 năm 2020.</p></footer>
</body></html>"""


# --- Word ------------------------------------------------------------------------------------

SUPERSCRIPT_RE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
FOOTNOTE_LINE_RE = re.compile(r"^(?P<n>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s+(?P<body>.+)$")
TASK_HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]


def task_rows(text: str, document, blocks: list[str]) -> dict[int, tuple[list[list[str]], list[int]]]:
    """Rows of Word task tables for runs of list items ("-", "a)") that hold tasks with a lead
    (from ``document``, the extracted Document): {first block: (rows, blocks of the run)}."""
    if document is None:
        return {}
    spans, pos = [], 0
    for b in blocks:
        start = text.find(b, pos)
        spans.append((start, start + len(b)))
        pos = max(pos, start + len(b))
    runs: dict[int, tuple[list[list[str]], list[int]]] = {}
    first = None
    for i, (b, (s, e)) in enumerate(zip(blocks, spans)):
        tasks = [t for t in document.tasks if t.leads and s <= t.span[0] < e]
        if s < 0 or not tasks or not (BULLET_RE.match(b) or LETTERED_RE.match(b)) or "\n" in b.strip():
            first = None
            continue
        if first is None:
            first = i
            runs[first] = ([], [])
        rows, members = runs[first]
        members.append(i)
        for t in tasks:
            body = b[re.match(r"\S+\s+", b).end() :] if len(tasks) == 1 else t.text
            rows.append(
                [
                    str(len(rows) + 1),
                    body,
                    ", ".join(text[x.span[0] : x.span[1]] for x in t.leads),
                    ", ".join(text[x.span[0] : x.span[1]] for x in t.partners),
                    t.deadline_text or "",
                ]
            )
    return runs


class _WordNumbering:
    """Word list numbering added to a python-docx document: every "N." or "a)" item its own list
    starting at its number (so Word shows what was typed), bullets one shared list."""

    def __init__(self, document) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self.parse, self.ns = parse_xml, nsdecls("w")
        self.numbering = document.part.numbering_part.element
        for aid, fmt, text in ((90, "decimal", "%1."), (91, "lowerLetter", "%1)"), (92, "bullet", "-")):
            self.numbering.insert(
                0,
                parse_xml(
                    f'<w:abstractNum {self.ns} w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/>'
                    f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                    f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
                ),
            )
        self.next_id = 900
        self.bullets = self._num(92, None)

    def _num(self, abstract: int, start: int | None) -> int:
        self.next_id += 1
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>' if start is not None else ""
        )
        self.numbering.append(
            self.parse(
                f'<w:num {self.ns} w:numId="{self.next_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
            )
        )
        return self.next_id

    def apply(self, paragraph, line: str) -> str:
        """Number the paragraph as its typed marker showed; the line without the marker."""
        m = NUMBERED_RE.match(line) or LETTERED_RE.match(line) or BULLET_RE.match(line)
        if not m or (BULLET_RE.match(line) and not line.startswith("-")):
            return line
        if "n" in m.groupdict():
            num = self._num(90, int(m.group("n")))
        elif "l" in m.groupdict():
            num = self._num(91, ord(m.group("l")) - ord("a") + 1) if m.group("l") != "đ" else None
            if num is None:
                return line
        else:
            num = self.bullets
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(self.parse(f'<w:numPr {self.ns}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'))
        return line[m.end() :]


def _runs_with_footnotes(paragraph, line: str, notes: dict[str, str], used: list[str]) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    pos = 0
    for m in SUPERSCRIPT_RE.finditer(line):
        if m.group(0) not in notes:
            continue
        paragraph.add_run(line[pos : m.start()])
        used.append(m.group(0))
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(used)}"/></w:r>'
            )
        )
        pos = m.end()
    paragraph.add_run(line[pos:])


def _add_footnotes(data: bytes, bodies: list[str]) -> bytes:
    """The .docx with a footnotes part holding these notes (ids 1, 2 …)."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {html.escape(b)}</w:t></w:r></w:p>'
        f"</w:footnote>"
        for i, b in enumerate(bodies, 1)
    )
    part = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
        f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{notes}</w:footnotes>"
    )
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            content = src.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="'
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes"
                    b'+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                    b'Target="footnotes.xml"/></Relationships>',
                )
            z.writestr(item, content)
        z.writestr("word/footnotes.xml", part.encode("utf-8"))
    return out.getvalue()


ROMAN_RE = re.compile(r"^[IVXLC]+[.-]\s")


def is_hard_wrapped(text: str) -> bool:
    """Most lines near the longest: text wrapped at a fixed width (as loaders.structure tells it)."""
    lengths = sorted(len(l.strip()) for l in text.split("\n") if l.strip())
    if len(lengths) < 8:
        return False
    longest = lengths[int(len(lengths) * 0.9) - 1]
    return longest <= 110 and sum(1 for n in lengths if n >= 0.75 * longest) / len(lengths) > 0.5


def unwrapped(block: str) -> list[str]:
    """The paragraphs of a hard-wrapped block: a line goes on the one before unless it starts an
    item, a footnote or a heading."""
    out: list[str] = []
    for line in (l.strip() for l in block.split("\n")):
        starts = (
            NUMBERED_RE.match(line)
            or LETTERED_RE.match(line)
            or BULLET_RE.match(line)
            or FOOTNOTE_LINE_RE.match(line)
            or ROMAN_RE.match(line)
            or line.isupper()
        )
        if out and not starts and not out[-1].isupper() and line:
            out[-1] += " " + line
        elif line:
            out.append(line)
    return out


def _footnotes(blocks: list[str]) -> dict[str, str]:
    """Footnotes printed as "¹ text" (with their wrapped lines) that the body refers to: {marker: text}."""
    notes: dict[str, str] = {}
    for block in blocks:
        current = None
        for line in block.split("\n"):
            m = FOOTNOTE_LINE_RE.match(line.strip())
            if m:
                current = m.group("n")
                notes[current] = m.group("body")
            elif current is not None:
                notes[current] += " " + line.strip()
    return {k: v for k, v in notes.items() if any(k in b and not b.startswith(k) for b in blocks)}


def docx_bytes(text: str, document=None) -> bytes:
    """A Word file of the text: the header as a borderless two-column table, typed list markers
    as Word numbering, pipe tables and the tasks of list items (from ``document``, an extracted
    Document) as Word tables, footnotes as Word footnotes."""
    import docx

    d = docx.Document()
    numbering = _WordNumbering(d)
    blocks = blocks_of(text)
    left, right, taken = header_split(blocks)
    if taken:
        t = d.add_table(rows=1, cols=2)
        for cell, lines in zip(t.rows[0].cells, (left, right)):
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    notes = _footnotes(blocks)
    wrapped = is_hard_wrapped(text)  # a Word paragraph is not cut at the end of each printed line
    used: list[str] = []
    tasks = task_rows(text, document, blocks)
    skip = {i for _, members in tasks.values() for i in members}
    for i, block in enumerate(blocks):
        if i in tasks:
            _word_table(d, [TASK_HEADER] + tasks[i][0])
        if i < taken or i in skip:
            continue
        rows = table_rows(block)
        if rows:
            _word_table(d, rows)
            continue
        in_note = False
        for line in unwrapped(block) if wrapped else block.split("\n"):
            m = FOOTNOTE_LINE_RE.match(line.strip())
            in_note = bool(m and m.group("n") in notes) or (in_note and not m)
            if in_note:
                continue
            p = d.add_paragraph()
            _runs_with_footnotes(p, numbering.apply(p, line.strip()), notes, used)
    buf = io.BytesIO()
    d.save(buf)
    return _add_footnotes(buf.getvalue(), [notes[n] for n in used]) if used else buf.getvalue()


def _word_table(d, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    t = d.add_table(rows=len(rows), cols=width)
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell


# --- PDF -------------------------------------------------------------------------------------


def _fonts() -> None:
    """The fonts the PDFs use, registered with their family mapping every time: ReportLab's own resets (run by
    other PDF writers in the same process) clear the mapping and keep the fonts."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    registered = pdfmetrics.getRegisteredFontNames()
    for name, path in (("DejaVuSans", DEJAVU), ("DejaVuSans-Bold", DEJAVU_BOLD)):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(name, 0, 0, name)


def pdf_bytes(text: str, footer: str | None = None) -> bytes:
    """A PDF with a text layer: the header in two borderless columns, justified paragraphs with an
    indented first line, headings bold, pipe tables ruled; a page number at the top of every page
    after the first, "Trang N" at the bottom of every page and the running ``footer`` if given."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    body = ParagraphStyle(
        "body", fontName="DejaVuSans", fontSize=11, leading=15, firstLineIndent=24, alignment=TA_JUSTIFY, spaceAfter=5
    )
    line_style = ParagraphStyle("line", parent=body, firstLineIndent=0, spaceAfter=0)
    heading = ParagraphStyle("heading", parent=body, fontName="DejaVuSans-Bold", firstLineIndent=0)
    centred = ParagraphStyle("centred", parent=body, firstLineIndent=0, alignment=TA_CENTER, spaceAfter=0)
    cell = ParagraphStyle("cell", fontName="DejaVuSans", fontSize=8.5, leading=10.5)

    def para(t: str, style) -> Paragraph:
        return Paragraph(html.escape(t), style)

    story = []
    blocks = blocks_of(text)
    left, right, taken = header_split(blocks)
    if taken:
        story.append(
            Table(
                [[[para(l, centred) for l in left], [para(r, centred) for r in right]]],
                colWidths=[230, 250],
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]),
            )
        )
        story.append(Spacer(1, 14))
    for block in blocks[taken:]:
        rows = table_rows(block)
        if rows:
            width = max(len(r) for r in rows)
            widths = [30, 170, 100, 100, 80] if width == 5 else [480 / width] * width
            data = [[para(c, cell) for c in r] + [""] * (width - len(r)) for r in rows]
            story.append(
                Table(
                    data,
                    colWidths=widths,
                    repeatRows=1,
                    style=TableStyle(
                        [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                    ),
                )
            )
            story.append(Spacer(1, 6))
            continue
        lines = block.split("\n")
        if len(lines) > 1:
            story += [para(l, line_style) for l in lines] + [Spacer(1, 5)]
        elif block.isupper() and len(block) < 150:
            story.append(para(block, heading))
        else:
            story.append(para(block, body))

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 9)
        if doc.page > 1:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 40, str(doc.page))
        canvas.drawRightString(A4[0] - 60, 30, f"Trang {doc.page}")
        if footer:
            canvas.drawString(60, 30, footer)
        canvas.restoreState()

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=60, rightMargin=55, topMargin=60, bottomMargin=60).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )
    return buf.getvalue()


def scanned_pdf(pdf: bytes, dpi: int = 300) -> bytes:
    """The PDF's pages as images only (no text layer), as a scanner gives them."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = [doc[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(doc))]
    doc.close()
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


RENDERINGS = {
    "wrap60": (".txt", lambda text, doc: wrapped(text, 60).encode("utf-8")),
    "wrap80": (".txt", lambda text, doc: wrapped(text, 80).encode("utf-8")),
    "crlf": (".txt", lambda text, doc: crlf(text).encode("utf-8")),
    "nfd": (".txt", lambda text, doc: nfd(text).encode("utf-8")),
    "md": (".md", lambda text, doc: markdown(text).encode("utf-8")),
    "html": (".html", lambda text, doc: html_page(text).encode("utf-8")),
    "docx": (".docx", lambda text, doc: docx_bytes(text, doc)),
    "pdf": (".pdf", lambda text, doc: pdf_bytes(text)),
    "scan": (".pdf", lambda text, doc: scanned_pdf(pdf_bytes(text))),
}


def render(kind: str, text: str, document=None) -> tuple[str, bytes]:
    """(suffix, bytes) of the text rendered as ``kind`` (a key of RENDERINGS)."""
    suffix, make = RENDERINGS[kind]
    return suffix, make(text, document)
