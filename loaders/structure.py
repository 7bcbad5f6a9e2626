"""Stage 2 — structure: a ``Source`` → header, kind, title, blocks with their section path,
footnotes, the recipients list and the signature block.

Blocks are paragraphs, list items and headings, with spans into the source text. Hard-wrapped
lines are joined, and a paragraph broken by a page break or a footnote is mended.

>>> from loaders.read import from_text
>>> s = parse(from_text("KẾT LUẬN\\n\\nSau khi thảo luận, kết luận như sau:\\n\\n1. Về nhiệm vụ\\n\\n- Giao Văn phòng Tỉnh ủy theo dõi.\\n", name="x.txt"))
>>> s.kind, [b.kind for b in s.blocks]
('conclusion', ['heading', 'paragraph', 'heading', 'item'])
>>> s.blocks[-1].path
('1',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders import patterns as P
from loaders.lines import TERMINAL, body_lines, grouped, hard_wrapped, is_allcaps, is_row, mended
from loaders.read import Source
from loaders.signature import Signature, recipients_and_signature

__all__ = ["Block", "Signature", "Structure", "TERMINAL", "parse"]


@dataclass(frozen=True)
class Block:
    """A paragraph, list item or heading, with its span in the source text."""

    start: int
    end: int
    kind: str  # heading | paragraph | item
    marker: str | None  # "2.1", "II", "a", "-", "Một là" …
    level: int  # depth of the marker: roman 1, "1" 2, "1.1" 3, letters 5, bullets 6
    path: tuple[str, ...]  # section numbers of the enclosing headings/items, outermost first
    context: tuple[str, ...]  # their texts (for telling the forward-looking part from the rest)
    text: str  # the block's text as printed (wrapped lines joined)
    cells: tuple[tuple[int, int], ...] = ()  # a table row: the span of each cell
    header: tuple[str, ...] = ()  # a table row: the header of its table, one name per cell

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(frozen=True)
class Structure:
    kind: str | None  # from a heading line: conclusion, program, … (None: decide later)
    kind_heading: tuple[int, int] | None
    title: str | None
    title_span: tuple[int, int] | None
    header_symbol: tuple[int, int] | None  # span of "Số 27-CTr/TU" symbol in the header
    place_date: tuple[int, int] | None  # span of "Huế, ngày 23 tháng 8 năm 2017"
    blocks: list[Block]
    body_end: int
    footnotes: dict[str, tuple[int, int]] = field(default_factory=dict)
    recipients: tuple[int, int] | None = None
    signature: Signature | None = None
    hard_wrapped: bool = False
    appendix: tuple[int, int] | None = None  # an appendix printed after the signature block


_HEADER_SYMBOL_RE = re.compile(r"(?:^|[|\s*_])Số\s*:?\s*(?=\d)", re.M)


def _header(text: str, blocks: list[Block]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The document's own number ("Số 27-CTr/TU") and its place and date, in the header lines
    (before the body starts, also inside a header table)."""
    limit = blocks[min(12, len(blocks) - 1)].end if blocks else 0
    limit = min(limit, 1500)
    symbol = None
    m = _HEADER_SYMBOL_RE.search(text, 0, limit)
    if m:
        sym = P.SYMBOL_RE.match(text, m.end())
        symbol = (sym.start(), sym.end()) if sym else None
    pd = P.PLACE_DATE_RE.search(text, 0, limit)
    return symbol, ((pd.start(), pd.end()) if pd else None)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cells of a table row."""
    spans, pos = [], start
    line = text[start:end]
    inner_start = start + (1 if line.lstrip().startswith("|") else 0) + (len(line) - len(line.lstrip()))
    pos = inner_start
    for part in text[inner_start:end].rstrip().rstrip("|").split("|"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _marker_level(m: re.Match) -> tuple[str, int]:
    if m.group("chapter"):
        return m.group("chapter"), 0
    if m.group("article"):
        return m.group("article"), 1
    if m.group("roman"):
        return m.group("roman"), 1
    if m.group("num"):
        num = m.group("num").rstrip(".")
        return num, 2 + num.count(".")
    if m.group("letter"):
        return m.group("letter"), 5
    if m.group("paren"):
        return f"({m.group('paren')})", 6
    if m.group("ordinal"):
        return m.group("ordinal"), 4
    return m.group("bullet"), 7


def _second_header_row(header: tuple[str, ...], names: tuple[str, ...]) -> bool:
    """A row right under a table's header that names columns too (a two-row header: "Cơ quan thực hiện" over
    "Phối hợp | Chủ trì"): the same width, the first cell repeated or empty, short cells naming columns."""
    return (
        bool(header)
        and len(names) == len(header)
        and names[0] in (header[0], "")
        and names != header
        and all(len(n) < 40 for n in names)
        and sum(
            bool(P.TABLE_HEADER_RE.search(n) or P.START_COLUMN_RE.search(n) or P.DEADLINE_COLUMN_RE.search(n))
            for n in names
            if n not in header
        )
        >= 1  # also "Thời gian" over "Bắt đầu | Hoàn thành"
    )


def parse(source: Source) -> Structure:
    """The structure of one document: its lines without footnotes and page furniture, grouped into blocks
    (hard-wrapped lines joined, paragraphs split by a page break mended), then classified.

    Long: the classification is one pass over the blocks that carries the stack of enclosing sections, the
    table being read and the kind and title found so far; split up, that state would travel between functions."""
    text = source.match
    body_end, recipients, signature = recipients_and_signature(source)
    kept, footnotes, appendix = body_lines(text, body_end)
    wrapped = hard_wrapped(kept)
    lengths = sorted(len(line.text) for line in kept if line.text and not is_row(line.text))
    width = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else 80  # the width text was wrapped at
    merged = mended(grouped(kept, wrapped, width, text))

    # 3. classify blocks, keep a stack of enclosing numbered items/headings
    blocks: list[Block] = []
    stack: list[tuple[int, str, str]] = []  # (level, marker, text)
    kind = None
    kind_heading = None
    kind_block = 0  # how many blocks came before the kind heading
    title = title_span = None
    header_symbol = place_date = None
    original = source.text
    header: tuple[str, ...] = ()
    in_table = False
    for i, group in enumerate(merged):
        start, end = group[0].start, group[-1].end
        if len(group) == 1 and is_row(group[0].text):
            if P.TABLE_SEPARATOR_RE.fullmatch(group[0].text):
                continue
            cells = _cells(text, start, end)
            names = tuple(text[a:b].strip(" *") for a, b in cells)
            if not in_table:  # the first row of a table is its header when it names columns
                in_table = True
                header = ()
                if P.TABLE_HEADER_RE.search(group[0].text) and not names[0][:1].isdigit():
                    header = names
                    continue
            elif _second_header_row(header, names):  # merged header cells over "Phối hợp | Chủ trì"
                header = tuple(h if n == h else f"{h} {n}" for h, n in zip(header, names))
                continue
            blocks.append(
                Block(
                    start,
                    end,
                    "row",
                    None,
                    8,
                    tuple(s[1] for s in stack),
                    tuple(s[2] for s in stack),
                    original[start:end],
                    tuple(cells),
                    header,
                )
            )
            continue
        in_table = False
        joined = " ".join(ln.text for ln in group)
        display = " ".join(original[ln.start : ln.end] for ln in group)
        m = P.ITEM_RE.match(joined)
        marker, level = _marker_level(m) if m else (None, 9)
        content = joined[m.end() :] if m else joined
        # the line as printed from its start (a Markdown heading's "#" marks are blanked in the matching text)
        first_original = original[original.rfind("\n", 0, group[0].start) + 1 : group[0].end].lstrip()
        last_end = original.find("\n", end)
        last_original = original[end : last_end if last_end >= 0 else len(original)].rstrip()  # "**" after the text
        is_heading = (
            first_original.startswith("#")
            or (
                first_original.startswith(("**", "__"))
                and (original[end - 2 : end] in ("**", "__") or last_original in ("**", "__"))
                and len(joined) < 250
            )
            or (is_allcaps(content) and len(content) < 200)
            or (
                m is not None
                and level <= 4
                and marker not in ("-", "+", "•", "*")
                and len(content) < 160
                and content.rstrip()[-1:] not in ".;:"
                and not re.search(r"[.;]\s", content)  # a sentence and a remark: "… Bính Ngọ. (Giao: Công an phường)"
                and i + 1 < len(merged)
            )
            # "A. Công tác quán triệt, tuyên truyền": a section lettered in capitals (a task table's group row)
            or (
                m is None
                and re.match(r"[A-ZĐ]\.\s+[A-ZĐ]", joined.strip(" *#"))
                and len(joined) < 120
                and joined.rstrip()[-1:] not in ".;:"
                and i + 1 < len(merged)
            )
            # "II- Về dự thảo Báo cáo …": a numbered title "about …", however long, with no sentence in it
            or (
                m is not None
                and level <= 5
                and re.match(r"Về\s", content.strip(" *"))
                and not re.search(r"[.;:]\s", content)
                and content.rstrip()[-1:] not in ".;:"
                and i + 1 < len(merged)
            )
        )
        if kind is None and is_allcaps(joined) and len(joined) < 60:
            for heading, k in P.KIND_HEADINGS.items():
                if re.fullmatch(rf"{heading}\b.*", joined.strip(" *_#")) and len(blocks) < 12:
                    kind, kind_heading, kind_block = k, (start, end), len(blocks)
                    break
        if (
            kind_heading
            and title is None
            and (start, end) != kind_heading
            and len(blocks) < 14
            and len(blocks) <= kind_block + 2
            # a decision's title opens with what it does: "Ban hành Quy chế …", "Phê duyệt Đề án …", "V/v …"
            and (
                re.match(
                    r"(?:của|về|thực hiện|triển khai|tổ chức|tiếp tục|HỘI NGHỊ|\(|ban hành|phê duyệt|thành lập|kiện toàn|"
                    r"sửa đổi|điều chỉnh|công nhận|V/v)",
                    joined.strip(" #*"),
                    re.I,
                )
                # the lines right under the kind, in lower case: "HƯỚNG DẪN / tuyên truyền Nghị quyết số 66-NQ/TW …"
                or (len(blocks) == kind_block + 1 and joined.strip(" #*_")[:1].islower() and len(joined) < 300)
            )
        ):
            title, title_span = display.strip(" #*"), (start, end)

        # a label over the items below it, inside the section ("**Ủy ban nhân dân thành phố:**"), not a section
        label = is_heading and marker is None and content.rstrip(" *_").endswith(":") and not is_allcaps(content)
        if marker is not None and level < 7:
            while stack and stack[-1][0] >= level:
                stack.pop()
        elif is_heading and marker is None:
            while stack and stack[-1][0] >= (6 if label else 1):
                stack.pop()
        path = tuple(s[1] for s in stack)
        context = tuple(s[2] for s in stack)
        blocks.append(
            Block(
                start,
                end,
                "heading" if is_heading else ("item" if m else "paragraph"),
                marker,
                level,
                path,
                context,
                display,
            )
        )
        if marker is not None and level < 7:
            # an article keeps its number in the context: "Điều 8. Trách nhiệm của …" reads as an article
            stack.append((level, marker, (joined if m.group("article") else content)[:160]))
        elif (
            is_heading
            and marker is None
            and (not is_allcaps(content) or (kind_heading is not None and start > kind_heading[1]))
        ):
            stack.append(
                (6 if label else 1, "", content[:160])
            )  # a section heading (also in capitals, after the kind's own)
    header_symbol, place_date = _header(text, blocks)
    return Structure(
        kind,
        kind_heading,
        title,
        title_span,
        header_symbol,
        place_date,
        blocks,
        body_end,
        footnotes,
        recipients,
        signature,
        wrapped,
        (appendix.start(), len(text)) if appendix else None,
    )
