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
from loaders.bodies import body_at
from loaders.read import Source

TERMINAL = ".;:!?…\"')»”"


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
class Signature:
    on_behalf_of: str | None  # "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "TỈNH ỦY"
    capacity: str | None  # "PHÓ BÍ THƯ THƯỜNG TRỰC"
    name: str | None
    span: tuple[int, int]


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


@dataclass
class _Line:
    start: int
    end: int
    text: str  # matching text of the line (stripped span)


def _lines(match: str, start: int, end: int) -> list[_Line]:
    out, pos = [], start
    for raw in match[start:end].split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(s + lead, s + lead + len(stripped), stripped))
        else:
            out.append(_Line(s, s, ""))
    return out


def _is_allcaps(text: str) -> bool:
    return text.isupper() and sum(1 for c in text if c.isalpha()) >= 3


def _single_spaced(lines: list[_Line]) -> list[_Line]:
    """Printed lines each made a paragraph (text copied line by line from a PDF into Word): where nearly every
    line is followed by one blank line and the lines run to one width, a blank line after a line that does
    not end its sentence is no paragraph break."""
    texts = [i for i, line in enumerate(lines) if line.text]
    if len(texts) < 12:
        return lines
    single = sum(1 for a, b in zip(texts, texts[1:]) if b == a + 2)
    if single < 0.8 * (len(texts) - 1) or not _hard_wrapped([lines[i] for i in texts]):
        return lines
    out: list[_Line] = []
    for i, line in enumerate(lines):
        if (
            not line.text
            and 0 < i < len(lines) - 1
            and lines[i - 1].text
            and lines[i + 1].text
            and lines[i - 1].text[-1] not in TERMINAL
            and not _is_allcaps(lines[i - 1].text)
        ):
            continue
        out.append(line)
    return out


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Text broken into lines of about one width (table rows and headings in capitals do not count)."""
    lengths = [len(ln.text) for ln in lines if ln.text and not _is_row(ln.text) and not _is_allcaps(ln.text)]
    if len(lengths) < 8:
        return False
    longest = sorted(lengths)[int(len(lengths) * 0.9) - 1]
    if longest > 110:
        return False
    near = sum(1 for n in lengths if n >= 0.75 * longest)
    return near / len(lengths) > 0.5


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


def _is_row(text: str) -> bool:
    """A line of a table: cells separated by "|" (Markdown, or a .docx table as read)."""
    return text.count("|") >= 2


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


def _recipients_and_signature(source: Source) -> tuple[int, tuple[int, int] | None, Signature | None]:
    text = source.match
    body_end = len(text)
    recipients = None
    found = list(P.RECIPIENTS_RE.finditer(text))
    m = found[-1] if found else None  # the last "Nơi nhận" is the real one
    if m is not None and m.start() > len(text) * 0.3:
        body_end = m.start()
        recipients = (m.start(), _block_end(text, m.end()))
    signature = None
    marks = [m for m in P.SIGNATURE_ON_BEHALF_RE.finditer(text) if m.start() > len(text) * 0.3]
    # "T/M BAN THƯỜNG VỤ" / "K/T BÍ THƯ" / "PHÓ BÍ THƯ" / name: on behalf of the first, capacity after the last
    on_behalf = next((m for m in marks if re.match(r"\s*T\.?/?M\.?\s", m.group(0))), marks[0] if marks else None)
    sig = marks[-1] if marks else None
    if sig is not None:
        rest = [ln for ln in _lines(text, sig.end(), len(text)) if ln.text and not P.RECIPIENTS_RE.match(ln.text)]
        capacity = rest[0].text if rest and _is_allcaps(rest[0].text) else None
        name_line = next(
            (
                ln
                for ln in rest[1 if capacity else 0 :][:3]
                if not _is_allcaps(ln.text) and _SIGNER_NAME_RE.fullmatch(ln.text.strip(" *_"))
            ),
            None,
        )
        signature = Signature(
            on_behalf.group("body").strip(" *_") or None,
            capacity.strip(" *_") if capacity else None,
            name_line.text.strip(" *_") if name_line else None,
            (on_behalf.start(), name_line.end if name_line else sig.end()),
        )
        body_end = min(body_end, on_behalf.start())
    elif recipients is not None and _side_by_side_signature(text, recipients) is not None:
        signature = _side_by_side_signature(text, recipients)
    elif sig is None:  # unsigned "on behalf" block: capacity line then a name at the very end
        tail = [ln for ln in _lines(text, int(len(text) * 0.7), len(text)) if ln.text]
        if (
            len(tail) >= 2
            and _is_allcaps(tail[-2].text)
            and re.fullmatch(P.PERSON_NAME, tail[-1].text.strip(" *_"))
            and re.search(r"BÍ THƯ|CHỦ TỊCH|TRƯỞNG", tail[-2].text)
        ):
            signature = Signature(
                None, tail[-2].text.strip(" *_"), tail[-1].text.strip(" *_"), (tail[-2].start, tail[-1].end)
            )
            body_end = min(body_end, tail[-2].start)
    return body_end, recipients, signature


# Text laid out in two columns and copied line by line: "Nơi nhận: T/M BAN THƯỜNG VỤ", "- Ban Bí thư …, BÍ THƯ",
# "- Các đồng chí Tỉnh ủy viên, Lê Hồng Quang" — the signature block is the right end of the recipients' lines.
_RIGHT_ON_BEHALF_RE = re.compile(r"\s(?P<mark>(?:T/M|TM\.|K/T|KT\.|TL\.|T/L)\s+[^\n]*?)\s*$")
_RIGHT_CAPACITY_RE = re.compile(
    rf"[,\s](?P<cap>(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)[{P.UPPER} ]*?)\s*$"
)


def _side_by_side_signature(text: str, recipients: tuple[int, int]) -> Signature | None:
    lines = [ln for ln in _lines(text, recipients[0], recipients[1]) if ln.text]
    mark = next(((ln, m) for ln in lines[:3] if (m := _RIGHT_ON_BEHALF_RE.search(ln.text))), None)
    if mark is None:
        return None
    line, m = mark
    after = lines[lines.index(line) + 1 :]
    capacity = next((c.group("cap") for ln in after[:3] if (c := _RIGHT_CAPACITY_RE.search(ln.text))), None)
    name = next(
        (
            n.group(0).strip()
            for ln in after[:8]
            if (n := re.search(rf"(?<=,\s)(?:{_SIGNER_NAME_RE.pattern})\s*$", ln.text))
            and not _is_allcaps(n.group(0))
            and not re.search(r"ủy|Ủy|Đảng|Ban|Văn phòng", n.group(0))
        ),
        None,
    )
    body = re.sub(r"^(?:T/M|TM\.|K/T|KT\.|TL\.|T/L)\s+", "", m.group("mark"))
    return Signature(body or None, capacity, name, (line.start + m.start("mark"), line.end))


# The name under a signature: 2–6 capitalised words, also "H' Nga Byă", "Y Thanh Hà Niê Kđăm".
_SIGNER_NAME_RE = re.compile(rf"[{P.UPPER}][{P.LETTER}']*(?:[ -][{P.UPPER}][{P.LETTER}']*){{1,5}}")


def _block_end(text: str, pos: int) -> int:
    m = re.search(r"\n\s*\n\s*(?=[^\s-])", text[pos:])
    return pos + m.start() if m else len(text)


def _inside_paragraph(lines: list[_Line], j: int) -> bool:
    """Line ``j`` stands between two lines of text, the first of which does not end its sentence."""
    before = lines[j - 1] if j > 0 else None
    after = lines[j + 1] if j + 1 < len(lines) else None
    return bool(before and after and before.text and after.text and before.text[-1] not in TERMINAL)


def _name_goes_on(prev: str, line: str) -> bool:
    """A body's name broken over two lines: "… Giao Ban Nội chính" / "Tỉnh ủy chủ trì …"."""
    words = prev.split()[-6:]
    joined = " ".join(words) + " " + line[:60]
    cut = len(" ".join(words))
    pos = 0
    for w in words:
        hit = body_at(joined, pos)
        if hit and hit[0] > cut + 1:
            return True
        pos += len(w) + 1
    return False


def _note_lines(lines: list[_Line], j: int) -> int:
    """How many lines the footnote starting at ``lines[j]`` runs over: the lines that go on with it (no
    blank line, no other note, no item), wrapped where its text plainly continues."""
    n = 1
    while j + n < len(lines):
        line, prev = lines[j + n], lines[j + n - 1]
        if (
            not line.text
            or P.FOOTNOTE_LINE_RE.match(line.text)
            or P.ITEM_RE.match(line.text)
            or _is_allcaps(line.text)
            or prev.text[-1:] in ".;:!?"
        ):  # a note ending its sentence ends
            break
        n += 1
    return n


def parse(source: Source) -> Structure:
    """The structure of one document."""
    text = source.match
    body_end, recipients, signature = _recipients_and_signature(source)
    lines = _lines(text, 0, body_end)
    appendix = P.APPENDIX_RE.search(text, body_end)  # "PHỤ LỤC" after the signature: tasks, often a table
    if appendix:
        lines += [_Line(appendix.start(), appendix.start(), "")] + _lines(text, appendix.start(), len(text))
    footnotes: dict[str, tuple[int, int]] = {}
    tail = _lines(text, body_end, len(text))
    for j, line in enumerate(tail):  # notes printed after the signature block
        fm = P.FOOTNOTE_LINE_RE.match(line.text) if line.text else None
        if fm and (fm.group("sup") or fm.group("md")):
            footnotes[fm.group("sup") or fm.group("md")] = (line.start, tail[j + _note_lines(tail, j) - 1].end)
    lines = _single_spaced(lines)
    kept: list[_Line] = []
    in_note = 0
    for j, line in enumerate(lines):
        if in_note:  # a footnote wrapped over several lines is the note's, not the body's
            in_note -= 1
            kept.append(_Line(line.start, line.start, ""))
            continue
        fm = P.FOOTNOTE_LINE_RE.match(line.text) if line.text else None
        if fm and (fm.group("sup") or fm.group("md")):
            n = _note_lines(lines, j)
            footnotes[fm.group("sup") or fm.group("md")] = (line.start, lines[j + n - 1].end)
            kept.append(_Line(line.start, line.start, ""))
            in_note = n - 1
            continue
        if line.text and P.PAGE_NUMBER_LINE_RE.fullmatch(line.text) and _inside_paragraph(lines, j):
            continue  # a page number printed inside a paragraph: page furniture, not a break
        if line.text and P.SEPARATOR_RE.fullmatch(line.text):
            kept.append(_Line(line.start, line.start, ""))
            continue
        kept.append(line)
    wrapped = _hard_wrapped(kept)
    lengths = sorted(len(line.text) for line in kept if line.text and not _is_row(line.text))
    width = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else 80  # the width text was wrapped at

    # 1. group lines into raw blocks
    raw: list[list[_Line]] = []
    current: list[_Line] = []
    for line in kept:
        if not line.text:
            if current:
                raw.append(current)
                current = []
            continue
        prev = current[-1] if current else None
        # a wrapped sentence that goes on with a number: "(… gọi tắt là Chương trình" / "46), Ủy ban …"
        mid_sentence = (
            wrapped
            and prev is not None
            and prev.text[-1] not in TERMINAL
            and len(prev.text) >= 0.75 * width
            and bool(re.match(rf"\d+(?!(?:\.\d+)*\.\s+[{P.UPPER}])", line.text))
        )
        starts_item = (bool(P.ITEM_RE.match(line.text)) and not mid_sentence) or _is_row(line.text)
        caps = _is_allcaps(line.text)
        join = (
            prev is not None
            and wrapped
            and not starts_item
            and not caps
            and not _is_allcaps(prev.text)
            and not _is_row(prev.text)
            # a short line that ends a sentence, then a capital: a new paragraph of hard-wrapped text
            and not (prev.text[-1] in ".:!?" and len(prev.text) < 0.85 * width and line.text[0].isupper())
        )
        if prev is not None and not join and not wrapped:
            # unwrapped text: a line continues the previous one only when it plainly goes on
            join = (
                not starts_item
                and not caps
                and not _is_allcaps(prev.text)
                and prev.text[-1] not in TERMINAL
                and (
                    line.text[0].islower()
                    or prev.text.rsplit(None, 1)[-1] in P.DANGLING_WORDS
                    or bool(P.CONTINUES_WITH_CITATION_RE.match(line.text))
                    or _name_goes_on(prev.text, line.text)
                )
            )
        if join:
            current.append(line)
        else:
            if current:
                raw.append(current)
            current = [line]
    if current:
        raw.append(current)

    # 2. mend paragraphs split by a page break or a footnote: no end punctuation, next starts lower-case
    merged: list[list[_Line]] = []
    for group in raw:
        if (
            merged
            and merged[-1][-1].text[-1] not in TERMINAL
            and group[0].text[0].islower()
            and not _is_row(group[0].text)
            and not _is_row(merged[-1][-1].text)
            and not P.ITEM_RE.match(group[0].text)
            and not _is_allcaps(merged[-1][-1].text)
        ):
            merged[-1].extend(group)
        else:
            merged.append(group)

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
        if len(group) == 1 and _is_row(group[0].text):
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
        first_original = original[group[0].start : group[0].end].lstrip()
        is_heading = (
            first_original.startswith("#")
            or (
                first_original.startswith(("**", "__"))
                and original[end - 2 : end] in ("**", "__")
                and len(joined) < 250
            )
            or (_is_allcaps(content) and len(content) < 200)
            or (
                m is not None
                and level <= 4
                and marker not in ("-", "+", "•", "*")
                and len(content) < 160
                and content.rstrip()[-1:] not in ".;:"
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
        if kind is None and _is_allcaps(joined) and len(joined) < 60:
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
            and re.match(r"(?:của|về|thực hiện|triển khai|tổ chức|tiếp tục|HỘI NGHỊ|\()", joined.strip(" #*"), re.I)
        ):
            title, title_span = display.strip(" #*"), (start, end)

        if marker is not None and level < 7:
            while stack and stack[-1][0] >= level:
                stack.pop()
        elif is_heading and marker is None:
            while stack and stack[-1][0] >= 1:
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
            and (not _is_allcaps(content) or (kind_heading is not None and start > kind_heading[1]))
        ):
            stack.append((1, "", content[:160]))  # a section heading (also in capitals, after the kind's own)
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
