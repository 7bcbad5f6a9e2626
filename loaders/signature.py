"""Stage 2b — the end of a document: the recipients list ("Nơi nhận") and the signature block (on behalf of whom,
in what capacity, by whom), also when the two were copied side by side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import patterns as P
from loaders.lines import Line, is_allcaps, lines_of
from loaders.patterns import meta as M
from loaders.read import Source


@dataclass(frozen=True)
class Signature:
    on_behalf_of: str | None  # "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "TỈNH ỦY"
    capacity: str | None  # "PHÓ BÍ THƯ THƯỜNG TRỰC"
    name: str | None
    span: tuple[int, int]


# the marks of a block signed on behalf of a body or for its head: "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "TL. …"
_MARK = r"(?:T/M|TM\.|K/T|KT\.|TL\.|T/L)"


def _on_behalf_of(marked: str) -> str | None:
    """What a mark's line names without the mark ("T/M BAN THƯỜNG VỤ" → "BAN THƯỜNG VỤ")."""
    return re.sub(rf"^{_MARK}\s+", "", marked).strip() or None


def recipients_and_signature(source: Source) -> tuple[int, tuple[int, int] | None, Signature | None]:
    text = source.match
    body_end = len(text)
    recipients = None
    found = list(P.RECIPIENTS_RE.finditer(text))
    m = found[-1] if found else None  # the last "Nơi nhận" is the real one
    # the real one stands late, or beside a signature block (a decision before the rules it issues)
    signed_beside = m is not None and re.match(
        rf"[^\n]*?\s{_MARK}\s+[^\W\d_]",
        text[m.end() : m.end() + 200],  # on the line of "Nơi nhận:"
    )
    if m is not None and (m.start() > len(text) * 0.3 or (signed_beside and m.start() > len(text) * 0.1)):
        body_end = m.start()
        recipients = (m.start(), _block_end(text, m.end()))
    signature = None
    marks = [m for m in P.SIGNATURE_ON_BEHALF_RE.finditer(text) if m.start() > len(text) * 0.3]
    # "T/M BAN THƯỜNG VỤ" / "K/T BÍ THƯ" / "PHÓ BÍ THƯ" / name: on behalf of the first, capacity after the last
    on_behalf = next((m for m in marks if re.match(r"\s*T\.?/?M\.?\s", m.group(0))), marks[0] if marks else None)
    sig = marks[-1] if marks else None
    beside = _second_block(text, sig) if sig is not None else None
    if beside is not None:  # two signature blocks side by side (a joint document): the right one's signer
        signature = beside
        body_end = min(body_end, sig.start())
    elif sig is not None:
        rest = _signing_column(text, sig.end())
        capacity = rest[0].text if rest and is_allcaps(rest[0].text) else None
        name_line = next(
            (
                ln
                for ln in rest[1 if capacity else 0 :][:3]
                if not is_allcaps(ln.text) and _SIGNER_NAME_RE.fullmatch(ln.text.strip(" *_"))
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
    elif (table := _table_signature(text)) is not None:
        signature, table_start = table
        body_end = min(body_end, table_start)
    elif sig is None:  # unsigned "on behalf" block: capacity line then a name at the very end
        tail = [ln for ln in lines_of(text, int(len(text) * 0.7), len(text)) if ln.text]
        if (
            len(tail) >= 2
            and is_allcaps(tail[-2].text)
            and re.fullmatch(P.PERSON_NAME, tail[-1].text.strip(" *_"))
            and re.search(r"BÍ THƯ|CHỦ TỊCH|TRƯỞNG", tail[-2].text)
        ):
            signature = Signature(
                None, tail[-2].text.strip(" *_"), tail[-1].text.strip(" *_"), (tail[-2].start, tail[-1].end)
            )
            body_end = min(body_end, tail[-2].start)
    return body_end, recipients, signature


def _second_block(text: str, mark: re.Match) -> Signature | None:
    """The right one of two signature blocks printed side by side ("T/M BAN NỘI CHÍNH TỈNH ỦY      T/M ỦY BAN KIỂM
    TRA TỈNH ỦY" / "TRƯỞNG BAN      CHỦ NHIỆM" / … / "Vàng Seo Hùng      Lò Thị Phương"), read by its column."""
    second = re.search(rf"\S\s{{3,}}(?P<m>{_MARK}\s+\S[^\n]*)$", mark.group(0))
    if second is None:
        return None
    line_start = text.rfind("\n", 0, mark.start()) + 1
    column = mark.start() + second.start("m") - line_start
    right = []
    for ln in lines_of(text, mark.end(), min(len(text), mark.end() + 600)):
        line_start = text.rfind("\n", 0, ln.start) + 1
        cut = text[ln.start : ln.end][max(0, line_start + column - 3 - ln.start) :].strip(" *_")
        if cut and not M.SIGNED_MARK_RE.fullmatch(cut):
            right.append(cut)
    capacity = right[0] if right and is_allcaps(right[0]) else None
    name = next((r for r in right[1:4] if not is_allcaps(r) and _SIGNER_NAME_RE.fullmatch(r)), None)
    return Signature(_on_behalf_of(second.group("m")), capacity, name, (mark.start(), mark.end())) if name else None


def _signing_column(text: str, start: int) -> list[Line]:
    """The lines of a signature block after its "T/M …" line: a line of its own, or the right column of a recipients
    line the block was printed beside ("Nơi nhận:      PHÓ BÍ THƯ THƯỜNG TRỰC", "- Các chi bộ trực thuộc,      Hoàng
    Văn Sáng"); "(đã ký)" and recipients without a right column left out."""
    out = []
    for ln in lines_of(text, start, len(text)):
        if ln.text and (P.RECIPIENTS_RE.match(ln.text) or P.RECIPIENT_LINE_RE.match(ln.text)):
            right = M.RIGHT_COLUMN_RE.search(ln.text)
            ln = Line(ln.start + right.start("cell"), ln.start + right.end("cell"), right["cell"]) if right else None
        if ln is not None and ln.text and not M.SIGNED_MARK_RE.fullmatch(ln.text):
            out.append(ln)
    return out


# Text laid out in two columns and copied line by line: "Nơi nhận: T/M BAN THƯỜNG VỤ", "- Ban Bí thư …, BÍ THƯ",
# "- Các đồng chí Tỉnh ủy viên, Lê Hồng Quang" — the signature block is the right end of the recipients' lines.
_RIGHT_ON_BEHALF_RE = re.compile(rf"\s(?P<mark>{_MARK}\s+[^\n]*?)\s*$")


_RIGHT_CAPACITY_RE = re.compile(
    rf"[,\s](?P<cap>(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)[{P.UPPER} ]*?)\s*$"
)


# the capacity of a head signing in his own name, in the right column after a wide gap: "Nơi nhận:      CHỦ TỊCH"
_OWN_CAPACITY = rf"(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|CHÁNH VĂN PHÒNG)[{P.UPPER} ]*"
"""The capacity of a head who signs in his own name, with no mark: "CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ BÍ THƯ"."""
_RIGHT_OWN_CAPACITY_RE = re.compile(rf"\S\s{{4,}}(?P<cap>{_OWN_CAPACITY}?)\s*$")
_OWN_CAPACITY_RE = re.compile(_OWN_CAPACITY)


def _right_column_name(after: list[Line]) -> str | None:
    """The signer's name in the lines under the capacity: after a recipient's comma, after a wide gap, or a line of
    its own."""
    return next(
        (
            n.group(0).strip()
            for ln in after[:8]
            if (n := re.search(rf"(?:(?<=,\s)|(?<=\s\s\s)|^)(?:{_SIGNER_NAME_RE.pattern})\s*$", ln.text))
            and not is_allcaps(n.group(0))
            and not re.search(r"\b(?:ủy|Ủy|Đảng|Ban|Văn phòng)\b", n.group(0))  # (a name may end in "Thủy")
        ),
        None,
    )


def _side_by_side_signature(text: str, recipients: tuple[int, int]) -> Signature | None:
    lines = [ln for ln in lines_of(text, recipients[0], recipients[1]) if ln.text]
    mark = next(((ln, m) for ln in lines[:3] if (m := _RIGHT_ON_BEHALF_RE.search(ln.text))), None)
    if mark is None:  # the head signing in his own name: "Nơi nhận:        CHỦ TỊCH"
        own = next(((ln, c) for ln in lines[:3] if (c := _RIGHT_OWN_CAPACITY_RE.search(ln.text))), None)
        if own is None:
            return None
        line, c = own
        name = _right_column_name(lines[lines.index(line) + 1 :])
        return Signature(None, c.group("cap"), name, (line.start + c.start("cap"), line.end)) if name else None
    line, m = mark
    after = lines[lines.index(line) + 1 :]
    capacity = next(
        (
            c.group("cap")
            for ln in after[:3]
            if (c := _RIGHT_CAPACITY_RE.search(ln.text))
            # "KT. CHỦ TỊCH" signs for the chair: the signer's capacity is the line under it ("PHÓ CHỦ TỊCH")
            and not re.search(r"(?:KT\.|K/T|TL\.|T/L)\s*$", ln.text[: c.start("cap")])
        ),
        None,
    )
    name = _right_column_name(after)
    return Signature(_on_behalf_of(m.group("mark")), capacity, name, (line.start + m.start("mark"), line.end))


def _table_signature(text: str) -> tuple[Signature, int] | None:
    """A signature block laid out as a table beside the recipients ("| Nơi nhận: | T/M BAN THƯỜNG VỤ |", "| - …, |
    K/T BÍ THƯ |", …, "| - Lưu … | **Name** |"): the cells of the column that signs, read as the lines of a block; with
    where the table starts (the body ends there)."""
    rows = [r for r in M.TABLE_ROW_RE.finditer(text, int(len(text) * 0.3)) if not M.TABLE_RULE_RE.fullmatch(r.group(0))]
    columns: dict[int, list[tuple[int, int, str]]] = {}
    for r in rows:
        for i, c in enumerate(M.TABLE_CELL_RE.finditer(text, r.start("cells"), r.end("cells"))):
            columns.setdefault(i, []).append((c.start(), c.end(), c.group(0).strip(" *_")))
    for cells in columns.values():
        marks = [i for i, (_, _, t) in enumerate(cells) if M.SIGNS_FOR_RE.fullmatch(t)]
        if not marks:  # the head signing in his own name: "| Nơi nhận: | GIÁM ĐỐC |" … "| - Lưu … | **Name** |"
            own = next((i for i, (_, _, t) in enumerate(cells) if _OWN_CAPACITY_RE.fullmatch(t)), None)
            name = (
                next((c for c in cells[own + 1 :][:5] if _SIGNER_NAME_RE.fullmatch(c[2])), None)
                if own is not None
                else None
            )
            if own is not None and name is not None:
                start = cells[own][0]
                signature = Signature(None, cells[own][2], name[2], (start, name[1]))
                return signature, next(r.start() for r in rows if r.start() <= start < r.end() + 1)
            continue
        first = next((i for i in marks if re.match(r"T\.?/?M\.?\s", cells[i][2])), marks[0])
        rest = [c for c in cells[marks[-1] + 1 :] if c[2]]
        capacity = rest[0][2] if rest and is_allcaps(rest[0][2]) else None
        name = next((c for c in rest[1 if capacity else 0 :][:3] if _SIGNER_NAME_RE.fullmatch(c[2])), None)
        on_behalf = M.SIGNS_FOR_RE.fullmatch(cells[first][2])
        if name is None or on_behalf is None:
            continue
        signature = Signature(on_behalf.group("body").strip() or None, capacity, name[2], (cells[first][0], name[1]))
        return signature, next(r.start() for r in rows if r.start() <= cells[first][0] < r.end() + 1)
    return None


# The name under a signature: 2–6 capitalised words, also "H' Nga Byă", "Y Thanh Hà Niê Kđăm".
_SIGNER_NAME_RE = re.compile(rf"[{P.UPPER}][{P.LETTER}']*(?:[ -][{P.UPPER}][{P.LETTER}']*){{1,5}}")


def _block_end(text: str, pos: int) -> int:
    m = re.search(r"\n\s*\n\s*(?=[^\s-])", text[pos:])
    return pos + m.start() if m else len(text)
