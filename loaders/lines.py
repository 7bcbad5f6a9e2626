"""Stage 2a — lines: the document's lines with footnotes and page furniture blanked, hard-wrapped and
line-per-paragraph text detected, and lines grouped into the raw blocks that structure then classifies."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import patterns as P
from loaders.bodies import body_at

TERMINAL = ".;:!?…\"')»”"


@dataclass
class Line:
    start: int
    end: int
    text: str  # matching text of the line (stripped span)


def lines_of(match: str, start: int, end: int) -> list[Line]:
    out, pos = [], start
    for raw in match[start:end].split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(s + lead, s + lead + len(stripped), stripped))
        else:
            out.append(Line(s, s, ""))
    return out


def is_allcaps(text: str) -> bool:
    return text.isupper() and sum(1 for c in text if c.isalpha()) >= 3


def _single_spaced(lines: list[Line]) -> list[Line]:
    """Printed lines each made a paragraph (text copied line by line from a PDF into Word): where nearly every
    line is followed by one blank line and the lines run to one width, a blank line after a line that does
    not end its sentence is no paragraph break."""
    texts = [i for i, line in enumerate(lines) if line.text]
    if len(texts) < 12:
        return lines
    single = sum(1 for a, b in zip(texts, texts[1:]) if b == a + 2)
    if single < 0.8 * (len(texts) - 1) or not hard_wrapped([lines[i] for i in texts]):
        return lines
    out: list[Line] = []
    for i, line in enumerate(lines):
        if (
            not line.text
            and 0 < i < len(lines) - 1
            and lines[i - 1].text
            and lines[i + 1].text
            and lines[i - 1].text[-1] not in TERMINAL
            and not is_allcaps(lines[i - 1].text)
        ):
            continue
        out.append(line)
    return out


def hard_wrapped(lines: list[Line]) -> bool:
    """Text broken into lines of about one width (table rows and headings in capitals do not count)."""
    lengths = [len(ln.text) for ln in lines if ln.text and not is_row(ln.text) and not is_allcaps(ln.text)]
    if len(lengths) < 8:
        return False
    longest = sorted(lengths)[int(len(lengths) * 0.9) - 1]
    if longest > 110:
        return False
    near = sum(1 for n in lengths if n >= 0.75 * longest)
    return near / len(lengths) > 0.5


def is_row(text: str) -> bool:
    """A line of a table: cells separated by "|" (Markdown, or a .docx table as read)."""
    return text.count("|") >= 2


def _inside_paragraph(lines: list[Line], j: int) -> bool:
    """Line ``j`` stands between two lines of text, the first of which does not end its sentence; with blank
    lines around it, the text after it must also go on in lower case ("… vi phạm" / "2" / "đối với …")."""
    before = lines[j - 1] if j > 0 else None
    after = lines[j + 1] if j + 1 < len(lines) else None
    if before and after and before.text and after.text:
        return before.text[-1] not in TERMINAL
    before = next((ln for ln in reversed(lines[:j]) if ln.text), None)
    after = next((ln for ln in lines[j + 1 :] if ln.text), None)
    return bool(before and after and before.text[-1] not in TERMINAL and after.text[:1].islower())


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


def _note_lines(lines: list[Line], j: int) -> int:
    """How many lines the footnote starting at ``lines[j]`` runs over: the lines that go on with it (no
    blank line, no other note, no item), wrapped where its text plainly continues."""
    n = 1
    while j + n < len(lines):
        line, prev = lines[j + n], lines[j + n - 1]
        if (
            not line.text
            or P.FOOTNOTE_LINE_RE.match(line.text)
            or P.ITEM_RE.match(line.text)
            or is_allcaps(line.text)
            or prev.text[-1:] in ".;:!?"
        ):  # a note ending its sentence ends
            break
        n += 1
    return n


def body_lines(text: str, body_end: int) -> tuple[list[Line], dict[str, tuple[int, int]], re.Match | None]:
    """The lines of the body (and of an appendix after the signature), with footnotes and page furniture
    blanked; the footnotes by their marker; the appendix."""
    lines = lines_of(text, 0, body_end)
    appendix = P.APPENDIX_RE.search(text, body_end)  # "PHỤ LỤC" after the signature: tasks, often a table
    if appendix:
        lines += [Line(appendix.start(), appendix.start(), "")] + lines_of(text, appendix.start(), len(text))
    footnotes: dict[str, tuple[int, int]] = {}
    tail = lines_of(text, body_end, len(text))
    for j, line in enumerate(tail):  # notes printed after the signature block, also "(1) Nghị quyết số …"
        fm = P.FOOTNOTE_LINE_RE.match(line.text) if line.text else None
        marker = (fm.group("sup") or fm.group("md") or fm.group("br")) if fm else None
        pm = P.TAIL_NOTE_RE.match(line.text) if line.text and not marker else None
        marker = marker or (pm.group("n") if pm else None)
        if marker:
            footnotes[marker] = (
                line.start,
                tail[j + _note_lines(tail, j) - 1].end,
            )
    lines = _single_spaced(lines)
    kept: list[Line] = []
    in_note = 0
    in_recipients = False  # a recipients list inside the body: a decision's own, before the rules it issues
    skip_blank = False  # blank lines after a page number printed inside a paragraph
    for j, line in enumerate(lines):
        opening = P.RECIPIENTS_RE.match(line.text) if line.text else None
        rest = line.text[opening.end() :].strip(" *_:") if opening else ""
        if opening and (not rest or is_allcaps(rest)):  # "Nơi nhận:" as a heading, not "Nơi nhận hồ sơ: …"
            in_recipients = True
        elif not line.text or not P.RECIPIENT_LINE_RE.match(line.text):
            in_recipients = False
        if in_recipients:
            kept.append(Line(line.start, line.start, ""))
            continue
        if in_note:  # a footnote wrapped over several lines is the note's, not the body's
            in_note -= 1
            kept.append(Line(line.start, line.start, ""))
            continue
        fm = P.FOOTNOTE_LINE_RE.match(line.text) if line.text else None
        if fm and (fm.group("sup") or fm.group("md") or fm.group("br")):
            n = _note_lines(lines, j)
            footnotes[fm.group("sup") or fm.group("md") or fm.group("br")] = (line.start, lines[j + n - 1].end)
            kept.append(Line(line.start, line.start, ""))
            in_note = n - 1
            continue
        if line.text and P.PAGE_NUMBER_LINE_RE.fullmatch(line.text) and _inside_paragraph(lines, j):
            while kept and not kept[-1].text:  # and the blank lines around it: the paragraph goes on
                kept.pop()
            skip_blank = True
            continue  # a page number printed inside a paragraph: page furniture, not a break
        if skip_blank and not line.text:
            continue
        skip_blank = False
        if line.text and P.SEPARATOR_RE.fullmatch(line.text):
            kept.append(Line(line.start, line.start, ""))
            continue
        kept.append(line)
    return kept, footnotes, appendix


def _bare_part(text: str) -> bool:
    """A part or chapter marker alone on its line ("Phần thứ nhất", "CHƯƠNG II"): its title follows."""
    part = P.ITEM_RE.match(text)
    return bool(part and part.group("chapter") and not text[part.end() :].strip())


def grouped(kept: list[Line], wrapped: bool, width: int, text: str = "") -> list[list[Line]]:
    """Lines grouped into raw blocks: a line joins the one before when the text was wrapped there, or when it is
    indented under a list item ("- Tập trung …" / "  Giao: Ban cán sự đảng UBND tỉnh chỉ đạo; …")."""
    raw: list[list[Line]] = []
    current: list[Line] = []
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
        # a name wrapped at its dash: "… Phòng Văn hóa" / "- Xã hội." (a short end, not a new dash item)
        dash_wrap = (
            wrapped
            and prev is not None
            and prev.text[-1] not in TERMINAL
            and len(prev.text) >= 0.75 * width
            and len(line.text) < 40
            and bool(re.match(rf"-\s+[{P.UPPER}][^:]*$", line.text))
        )
        marked = (bool(P.ITEM_RE.match(line.text)) and not mid_sentence and not dash_wrap) or is_row(line.text)
        # "Cơ quan chủ trì: …" / "Nội dung: …" on lines of their own
        starts_item = marked or bool(P.LABEL_LINE_RE.match(line.text))
        caps = is_allcaps(line.text)
        join = (
            prev is not None
            and wrapped
            and not starts_item
            and not caps
            and not is_allcaps(prev.text)
            and not is_row(prev.text)
            and not _new_paragraph(current, line.text, width)
        )
        if prev is not None and not join and not wrapped:
            join = not starts_item and not caps and _plainly_goes_on(prev.text, line.text, alone=len(current) == 1)
        if prev is not None and not join and not caps and text:
            join = _indented_under_item(text, current[0], line) and (not marked or _opens_sub_items(current))
        join = join or (caps and len(current) == 1 and _bare_part(current[0].text))  # "Phần thứ nhất" / "KẾT QUẢ …"
        if join:
            current.append(line)
        else:
            if current:
                raw.append(current)
            current = [line]
    if current:
        raw.append(current)
    return raw


def _new_paragraph(current: list[Line], line: str, width: int) -> bool:
    """In hard-wrapped text, whether ``line`` opens a paragraph after the lines of ``current``: a short line that ends
    a sentence, then a capital; or a short numbered heading on a line of its own ("2. Sở Tư pháp"), then a capital
    (the paragraph under it)."""
    prev = current[-1].text
    if not line[0].isupper():
        return False
    if prev[-1] in ".:!?" and len(prev) < 0.85 * width:
        return True
    return len(current) == 1 and bool(P.ITEM_RE.match(prev)) and len(prev) < 0.6 * width and prev[-1] not in ",;"


def _plainly_goes_on(prev: str, line: str, *, alone: bool) -> bool:
    """In unwrapped text, ``line`` continues ``prev`` only when it plainly goes on: a lower-case start, a dangling
    word, a citation, a name broken over the lines — not after a section title alone on its line ("3. Tổ chức thực
    hiện" / "Văn phòng Đảng ủy xã theo dõi …")."""
    # (nor after a short numbered title when a body opens the next line: "3. Phát triển hạ tầng số" / "Ban cán sự …")
    titled = alone and P.ITEM_RE.match(prev) is not None and len(prev) < 70 and body_at(line, 0) is not None
    return (
        not (alone and _section_title(prev))
        and not (titled and not _name_goes_on(prev, line))
        and not is_allcaps(prev)
        and prev[-1] not in TERMINAL
        and (
            line[0].islower()
            or prev.rsplit(None, 1)[-1] in P.DANGLING_WORDS
            or bool(P.CONTINUES_WITH_CITATION_RE.match(line))
            or _name_goes_on(prev, line)
        )
    )


def _section_title(text: str) -> bool:
    """A numbered line that is only a section's title ("3. Tổ chức thực hiện", "II. Nhiệm vụ và giải pháp")."""
    m = P.ITEM_RE.match(text)
    return m is not None and P.FORWARD_HEADING_RE.fullmatch(text[m.end() :].strip(" *_.")) is not None


def _indent(text: str, start: int) -> int:
    """How far the line holding ``start`` is indented (spaces and tabs before its text)."""
    return start - (text.rfind("\n", 0, start) + 1)


def _indented_under_item(text: str, item: Line, line: Line) -> bool:
    """``line`` is indented further than the list item that opens its block: it goes on with that item."""
    return bool(P.ITEM_RE.match(item.text)) and _indent(text, line.start) > _indent(text, item.start)


def _opens_sub_items(block: list[Line]) -> bool:
    """A bullet whose sub-bullets are its own: it ends with ":" ("- Nội dung:", "- Riêng Đảng bộ X:") or names a
    body and nothing else ("- Ủy ban Kiểm tra Đảng ủy Khối" over "  - cung cấp thông tin …")."""
    first = P.ITEM_RE.sub("", block[0].text, count=1).strip(" *_")
    if not first or first.endswith(":"):
        return True
    hit = body_at(first, 0)
    return hit is not None and not first[hit[0] :].strip(" .")


def mended(raw: list[list[Line]]) -> list[list[Line]]:
    """Paragraphs split by a page break or a footnote mended: no end punctuation, next starts lower-case — or the
    paragraph stops inside a parenthesis the next one closes ("(…; thời gian: trong quý" / "III/2025).")."""
    merged: list[list[Line]] = []
    for group in raw:
        last = " ".join(ln.text for ln in merged[-1]) if merged else ""
        open_paren = last.count("(") > last.count(")") and ")" in group[0].text.split("(")[0]
        if (
            merged
            and merged[-1][-1].text[-1] not in TERMINAL
            and (group[0].text[0].islower() or open_paren)
            and not is_row(group[0].text)
            and not is_row(merged[-1][-1].text)
            and not P.ITEM_RE.match(group[0].text)
            and not is_allcaps(merged[-1][-1].text)
        ):
            merged[-1].extend(group)
        else:
            merged.append(group)
    return merged
