"""Words placed on pages (a PDF's text layer, or OCR) → text in reading order.

Shared by the PDF and OCR readers. Each word is a dict with ``text``, ``x0``, ``x1``, ``top``,
``bottom`` (points from the top left). The steps, each on plain geometry, never on a name:

* lines: words on one baseline, split into segments where a wide gap separates them;
* two-column blocks (the header: issuer and number at the left, motto and place-date at the
  right; the recipients beside the signature): the left column's lines first, then the right's;
* page headers, footers and page numbers: lone numbers ("2", "- 2 -", "Trang 2/5") in the top or
  bottom margin, and lines repeated at the same place on several pages;
* paragraphs: lines joined (a symbol "21-KL/" + "TW" broken at the line end reads whole), a new
  paragraph at a vertical gap, an indented first line, a list marker after a finished sentence,
  an all-capitals heading; tables (given as blocks with their top) placed in reading order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

PAGE_NUMBER_RE = re.compile(r"[-–—\s]*(?:(?:Trang|Page)\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?[-–—\s]*", re.I)
MARKER_RE = re.compile(r"(?:[IVXLC]+[.-]|\d+(?:\.\d+)*[.)-]|[a-zđ][).]|[-+•*]|\([a-z0-9]+\))\s", re.I)
TERMINAL = '.;:!?…)"”'
SEGMENT_GAP = 20.0  # points between two words of one line that belong to different columns


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    segments: list = field(default_factory=list)  # (x0, x1, text) of the parts split by wide gaps

    @property
    def height(self) -> float:
        return self.bottom - self.top


def lines_of(words: list[dict], page: int) -> list[Line]:
    """Words grouped into lines (by their vertical middle), left to right, split into segments."""
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        if rows:
            last = rows[-1]
            last_mid = sum((x["top"] + x["bottom"]) / 2 for x in last) / len(last)
            if abs(mid - last_mid) <= max(2.0, 0.35 * (w["bottom"] - w["top"])):
                last.append(w)
                continue
        rows.append([w])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segments, current = [], [row[0]]
        for w in row[1:]:
            height = max(1.0, w["bottom"] - w["top"])
            if w["x0"] - current[-1]["x1"] > max(SEGMENT_GAP, 2.2 * height):
                segments.append(current)
                current = [w]
            else:
                current.append(w)
        segments.append(current)
        segs = [(s[0]["x0"], s[-1]["x1"], " ".join(w["text"] for w in s)) for s in segments]
        out.append(
            Line(
                page,
                min(w["top"] for w in row),
                max(w["bottom"] for w in row),
                row[0]["x0"],
                row[-1]["x1"],
                " ".join(s[2] for s in segs),
                segs,
            )
        )
    return out


def drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Without page numbers and running headers/footers (top or bottom 10% of the page)."""

    def margin(line: Line, h: float) -> bool:
        return line.bottom < 0.1 * h or line.top > 0.9 * h

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    repeated = Counter(
        key(ln) for page, h in zip(pages, heights) for ln in {key(x): x for x in page if margin(x, h)}.values()
    )
    out = []
    for page, h in zip(pages, heights):
        out.append(
            [
                ln
                for ln in page
                if not (
                    margin(ln, h)
                    and (PAGE_NUMBER_RE.fullmatch(ln.text) or (len(pages) >= 2 and repeated[key(ln)] >= 2))
                )
            ]
        )
    return out


def _narrow(line: Line, x0: float, x1: float, width: float) -> bool:
    """A line that may belong to a two-column block: no part wide, not centred on the page."""
    segs = line.segments
    centred = len(segs) == 1 and abs((segs[0][0] + segs[0][1]) / 2 - (x0 + x1) / 2) < 0.06 * width
    return len(segs) <= 2 and not centred and all(s[1] - s[0] < 0.55 * (x1 - x0) for s in segs)


def regions(lines: list[Line], width: float) -> list[tuple[str, list]]:
    """A page's lines cut into runs of text ("text", lines) and two-column blocks such as the
    header and the recipients/signature block ("columns", [left lines, right lines]): a block
    starts at a line split in two narrow parts and goes on while lines stay narrow and close."""
    if not lines:
        return []
    x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    mid = (x0 + x1) / 2
    out: list[tuple[str, list]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line.segments) == 2 and _narrow(line, x0, x1, width):
            left: list[str] = []
            right: list[str] = []
            widest_gap = 2.0
            while i < len(lines) and _narrow(lines[i], x0, x1, width):
                gap = lines[i].top - lines[i - 1].bottom if left or right else 0.0
                segs = lines[i].segments
                signature = right and len(segs) == 1 and (segs[0][0] + segs[0][1]) / 2 > mid + 0.1 * width
                if gap > 8 + 1.5 * widest_gap and not signature:  # the space after the block: a heading or text
                    break
                widest_gap = max(widest_gap, gap)
                for s in lines[i].segments:
                    (left if (s[0] + s[1]) / 2 < mid else right).append(s[2])
                i += 1
            out.append(("columns", [left, right]))
            continue
        if out and out[-1][0] == "text":
            out[-1][1].append(line)
        else:
            out.append(("text", [line]))
        i += 1
    return out


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _join(a: str, b: str) -> str:
    """Two lines of one paragraph: a symbol or number broken after "-" or "/" is joined whole."""
    if re.search(r"[^\s][-/]$", a) and re.match(r"[\w]", b) and not re.search(r"\s-$", a):
        return a + b
    return a + " " + b


@dataclass(frozen=True)
class Margins:
    """Where the text of the pages runs: its left and right edges, the usual gap between lines."""

    left: float
    right: float
    gap: float

    @classmethod
    def of(cls, lines: list[Line]) -> Margins:
        if not lines:
            return cls(0.0, 1.0, 4.0)
        left = sorted(ln.x0 for ln in lines)[len(lines) // 10]
        right = sorted(ln.x1 for ln in lines)[len(lines) * 9 // 10]
        gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.bottom)
        return cls(left, right, gaps[len(gaps) // 2] if gaps else 4.0)

    def centred(self, line: Line) -> bool:
        """Set in the middle: inset alike from both edges, and well short of the right one."""
        inset_left, inset_right = line.x0 - self.left, self.right - line.x1
        return inset_left > 10 and inset_right > 20 and abs(inset_left - inset_right) < 12


def _starts_paragraph(line: Line, prev: Line, text: str, before: str, m: Margins) -> bool:
    """Whether ``line`` starts a new paragraph after ``prev`` (``before``: the paragraph so far)."""
    gap = line.top - prev.bottom if line.page == prev.page else m.gap
    if (
        gap > m.gap + 0.6 * max(line.height, 6)
        or not any(c.isalnum() for c in text)
        or not any(c.isalnum() for c in before)
    ):
        return True
    finished = before[-1:] in TERMINAL
    if _is_caps(text) != _is_caps(before):
        return True
    if not finished and text[:1].islower() and not _is_caps(before):
        return False  # the sentence plainly goes on
    centred, prev_centred = m.centred(line), m.centred(prev)
    prev_short = prev.x1 < m.right - 0.12 * (m.right - m.left)
    return bool(
        (_is_caps(text) and not (centred and prev_centred))
        or (line.x0 > m.left + 8 and not (centred and prev_centred))
        or (MARKER_RE.match(text) and (finished or prev_short))
        or (prev_short and finished and not (centred and prev_centred))
        or (centred != prev_centred and line.page == prev.page)
    )


def paragraphs(lines: list[Line], margins: Margins | None = None) -> list[str]:
    """Lines (of all pages, in reading order) joined into paragraphs."""
    m = margins or Margins.of(lines)
    out: list[str] = []
    prev: Line | None = None
    for line in lines:
        text = line.text.strip()
        if prev is None or _starts_paragraph(line, prev, text, out[-1], m):
            out.append(text)
        else:
            out[-1] = _join(out[-1], text)
        prev = line
    return out


def _continues(rows: list[list[str]], previous) -> bool:
    """A table at the top of a page that goes on with the table ending the page before (its
    header repeated, or rows of the same width)."""
    return isinstance(previous, list) and bool(rows) and (rows[0] == previous[0] or len(rows[0]) == len(previous[0]))


def page_text(
    pages: list[list[dict]],
    sizes: list[tuple[float, float]],
    tables: list[list[tuple[float, list[list[str]]]]] | None = None,
) -> str:
    """The text of pages of placed words (and tables: (top, rows) per page) in reading order; a
    table going on over a page break is one table."""
    from loaders.formats.common import render_table

    tables = tables or [[] for _ in pages]
    line_pages = drop_furniture([lines_of(w, i) for i, w in enumerate(pages)], [h for _, h in sizes])
    width = sizes[0][0] if sizes else 595.0
    margins = Margins.of([ln for page in line_pages for ln in page])
    blocks: list = []
    run: list[Line] = []

    def flush(table=None) -> None:
        nonlocal run
        blocks.extend(paragraphs(run, margins))
        if table is not None:
            if not run and blocks and _continues(table, blocks[-1]):
                blocks[-1] = blocks[-1] + table[1 if table[0] == blocks[-1][0] else 0 :]
            else:
                blocks.append(table)
        run = []

    for page, page_tables in zip(line_pages, tables):
        pending = sorted(page_tables, key=lambda t: t[0])
        for kind, part in regions(page, width):
            if kind == "columns":
                flush()
                blocks.extend("\n".join(col) for col in part if col)
                continue
            for line in part:
                while pending and pending[0][0] <= line.top:
                    flush(pending.pop(0)[1])
                run.append(line)
        for _, table in pending:
            flush(table)
    flush()
    out = [b for block in blocks for b in (render_table(block) if isinstance(block, list) else [block])]
    return "\n\n".join(b for b in out if b.strip()) + "\n"
