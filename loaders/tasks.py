"""Assignments: the bodies a task is handed to, its partners and its deadline, in every form a task
names them (Giao X chủ trì …, X chủ trì …, labelled blocks, a lead in parentheses, task table rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import patterns as P
from loaders.bodies import bodies_list_at, body_at, body_ref, find_bodies, listed_bodies, opens_group
from loaders.dates import cell_deadline, find_deadline
from loaders.model import BodyRef, Span
from loaders.read import Source


@dataclass(frozen=True)
class Assignment:
    leads: tuple[BodyRef, ...]
    partners: tuple[BodyRef, ...]
    deadline: str | None


def row_assignment(
    source: Source, cells: tuple[Span, ...], header: tuple[str, ...], *, since: str | None = None
) -> tuple[Assignment | None, tuple]:
    """Lead bodies, partners and deadline of a task table row, by its header (or, without one, by
    what the cells hold); also the (deadline, phrase, ongoing) of the deadline cell."""
    text = source.match
    lead_col, partner_col, deadline_col = _columns(text, cells, header)

    def bodies(col: int | None) -> list[BodyRef]:
        if col is None or col >= len(cells):
            return []
        a, b = cells[col]
        return [body_ref(*found) for found in listed_bodies(text, a, b)]

    due = (
        cell_deadline(text[cells[deadline_col][0] : cells[deadline_col][1]], since=since)
        if deadline_col is not None and deadline_col < len(cells)
        else (None, None, False)
    )
    # a cell of labelled lines: "Chủ trì: X / Phối hợp: Y / Thời gian: Quý IV/2025", in any order
    labels = task_labels(text, *cells[lead_col]) if lead_col is not None and lead_col < len(cells) else []
    if any(label.field == "lead" for label in labels):
        due = next(
            (cell_deadline(text[slice(*label.value)], since=since) for label in labels if label.field == "deadline"),
            due,
        )
        return label_assignment(text, labels), due
    leads = bodies(lead_col)
    if not leads:
        return None, due
    return Assignment(
        tuple(leads), tuple(b for b in bodies(partner_col) if b.name not in {ln.name for ln in leads}), due[0]
    ), due


def _columns(text: str, cells: tuple[Span, ...], header: tuple[str, ...]) -> tuple[int | None, int | None, int | None]:
    """The lead, partners' and deadline columns of a task table row, by its header or by what the cells hold."""

    def column(pattern) -> int | None:
        return next((i for i, h in enumerate(header) if pattern.search(h)), None)

    if not header:  # no header: the first cells naming bodies are lead then partners; the last is the deadline
        with_bodies = [
            i for i, (a, b) in enumerate(cells) if i > 0 and body_at(text, a + len(text[a:b]) - len(text[a:b].lstrip()))
        ]
        return (with_bodies or [None])[0], (with_bodies[1:] or [None])[0], len(cells) - 1
    # the lead column: one saying "chủ trì", else the first naming bodies that is not the partners'
    lead_col = column(re.compile("chủ trì", re.I))
    if lead_col is None:
        lead_col = next(
            (i for i, h in enumerate(header) if P.LEAD_COLUMN_RE.search(h) and not P.PARTNER_COLUMN_RE.search(h)),
            None,
        )
    # the deadline column: the one of completion where the time is split ("Bắt đầu | Hoàn thành"), not the start's
    due = [i for i, h in enumerate(header) if P.DEADLINE_COLUMN_RE.search(h) and not P.START_COLUMN_RE.search(h)]
    return lead_col, column(P.PARTNER_COLUMN_RE), (due or [column(P.DEADLINE_COLUMN_RE)])[0]


def group_row(source: Source, cells: tuple[Span, ...]) -> bool:
    """A table row that titles a group of rows: a bold or capitalised title and nothing else but its number
    ("| **1** | **Công tác tuyên truyền** | | | |")."""
    shown = [source.text[a:b].strip() for a, b in cells]
    filled = [c for c in shown[1:] if c]
    return len(filled) == 1 and (re.fullmatch(r"(\*\*|__).+\1", filled[0]) is not None or filled[0].isupper())


def continues_row(text: str, cells: tuple[Span, ...], header: tuple[str, ...]) -> bool:
    """A table row whose lead cell is blank or "nt" (như trên) under a row with one, with partners or a deadline of
    its own: the lead of the row above (a merged cell, exported as blank)."""
    lead_col, partner_col, deadline_col = _columns(text, cells, header)
    if lead_col is None or lead_col >= len(cells):
        return False
    lead = text[slice(*cells[lead_col])].strip(" *_.-").lower()
    own = [text[slice(*cells[c])].strip(" *_") for c in (partner_col, deadline_col) if c is not None and c < len(cells)]
    return lead in ("", "nt", "như trên") and any(own)


@dataclass(frozen=True)
class Label:
    """A labelled line under a task: its field (lead | partner | deadline) and what it says."""

    field: str
    value: Span


def task_labels(text: str, start: int, end: int) -> list[Label]:
    """The labels of a labelled line at ``start:end`` — one or several ("- Chủ trì: Sở Tài chính; phối hợp:
    Sở Nội vụ; thời gian: Quý II/2025") — or none when it is not one.

    >>> task_labels("- Thời hạn: trước 30/11/2019.", 0, 29)
    [Label(field='deadline', value=(12, 29))]
    >>> [l.field for l in task_labels("- Chủ trì: Sở Tài chính; phối hợp: Sở Nội vụ; thời gian: Quý II/2025", 0, 69)]
    ['lead', 'partner', 'deadline']
    """
    m = P.TASK_LABEL_RE.match(text, start, end)
    if not m:
        return []
    if re.match(r"Giao|Phân công", m.group("lead") or "", re.I) and not _only_bodies(text, m.start("value"), end):
        return []  # "Giao: Sở Nội vụ chủ trì, …; hoàn thành …" is a sentence that assigns, read as running text
    labels: list[Label] = []
    pos, field = m.start("value"), next(f for f in ("lead", "partner", "deadline") if m.group(f))
    for nxt in P.NEXT_TASK_LABEL_RE.finditer(text, pos, end):
        labels.append(Label(field, (pos, nxt.start())))
        pos, field = nxt.end(), next(f for f in ("lead", "partner", "deadline") if nxt.group(f))
    labels.append(Label(field, (pos, end)))
    return labels


def closing_labels(text: str, start: int, end: int) -> list[Label]:
    """The labels of a bracketed block closing a task at ``start:end`` ("… [Chủ trì: X; thời gian: quý IV/2024]"),
    or none.

    >>> [l.field for l in closing_labels("Giữ vững an ninh. (Thời gian: thường xuyên; chủ trì: Công an huyện)", 0, 67)]
    ['deadline', 'lead']
    """
    m = P.LABEL_BLOCK_RE.search(text, start, end)
    return task_labels(text, m.start("inner"), m.end("inner")) if m else []


def _only_bodies(text: str, start: int, end: int) -> bool:
    """The text at ``start:end`` names bodies and nothing else ("Ban Tổ chức Đảng ủy Khối", "Sở A, Sở B.")."""
    found = listed_bodies(text, start, end)
    return bool(found) and not text[max(e for _, e, _, _ in found) : end].strip(" .;,*_")


def label_assignment(text: str, labels: list[Label]) -> Assignment | None:
    """The lead, partners and deadline that a task's labelled lines state (any order, any subset)."""
    leads: list[BodyRef] = []
    partners: list[BodyRef] = []
    deadline = None
    for label in labels:
        a, b = label.value
        if label.field == "deadline":
            deadline = deadline or cell_deadline(text[a:b])[0]
        elif label.field == "lead" and (joined := re.search(r"\s+phối hợp(?:\s+với)?\s+", text[a:b])):
            # "Đơn vị chủ trì: Văn phòng Thị ủy phối hợp với Ban Tổ chức Thị ủy": the first leads, the rest partner
            leads.extend(body_ref(*f) for f in listed_bodies(text, a, a + joined.start()))
            partners.extend(body_ref(*f) for f in listed_bodies(text, a + joined.end(), b))
        else:
            (leads if label.field == "lead" else partners).extend(body_ref(*f) for f in listed_bodies(text, a, b))
    if not leads:
        return None
    names = {lead.name for lead in leads}
    return Assignment(tuple(leads), tuple(p for p in partners if p.name not in names), deadline)


def _clause_starts(text: str, start: int, end: int, *, addressed: bool) -> list[int]:
    """Where a clause opens in ``start:end``: the unit's own start (after its marker and an inline
    title), and after each ". " and "; "."""
    # (after a time or a topic word: "Thời gian tới, Ban Thường vụ …", "Riêng Đảng bộ Công ty …:", "Đối với Ban Tổ
    # chức Tỉnh ủy: …")
    lead_in = re.match(
        r"\s*(?:[-+•*]\s+|\d+(?:\.\d+)*\s*[.)-]\s*|\(\d+\)\s*|[a-zđ]\)\s*"
        r"|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là\s*[,:]\s*)?"  # "Bốn là, Ủy ban Kiểm tra …"
        rf"(?:{P.TIME_OPENER}(?=[A-ZĐỦ]))?(?:(?:Riêng|Đối với|Về phía)\s+(?=[A-ZĐỦ]))?(?:{P.HEAD_FOR_BODY}(?=[A-ZĐỦ]))?",
        text[start:end],
    )
    first = start + (lead_in.end() if lead_in else 0)
    out = [first]
    if body_at(text, first) is None and addressed:  # "1. Công tác tuyên truyền. Ban Tuyên giáo …"
        title = re.match(r"[^.:\n]{3,90}[.:]\s+", text[first:end])
        if title:
            out.append(first + title.end())
    out.extend(start + m.end() for m in re.finditer(r"(?:[.!?;]|:\s*\n)\s+(?:[-+•]\s+)?", text[start:end]))
    # a lead in parentheses with its verb: "… trước 30/6 (Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo)"
    out.extend(start + m.end() for m in re.finditer(r"\(\s*", text[start:end]))
    return out


def opens_with_body_label(text: str, start: int, end: int) -> bool:
    """A unit opening with a body and a colon over its sub-items: "1. Ban Tổ chức Tỉnh ủy:" / "- Tham mưu …"."""
    first = _clause_starts(text, start, end, addressed=False)[0]
    after, bodies = bodies_list_at(text, first)
    return bool(bodies) and re.match(r"\s*:", text[after : after + 3]) is not None


def topic_line(text: str, pos: int) -> bool:
    """A line at ``pos`` that names the body the items below it are for: "Đối với Ban cán sự đảng UBND tỉnh:"."""
    topic = P.TOPIC_RE.match(text, pos)
    if topic is None:
        return False
    after, bodies = bodies_list_at(text, topic.end())
    return bool(bodies) and re.match(r"[ \t]*:[ \t]*(?:\n|$)", text[after : after + 4]) is not None


def opens_with_group(text: str, start: int, end: int) -> bool:
    """A unit whose subject is a group of its own ("Đảng ủy các xã, thị trấn còn lại tổ chức …"): it takes no lead
    from the clause before it."""
    first = _clause_starts(text, start, end, addressed=False)[0]
    _, bodies = bodies_list_at(text, first)
    head = text[first : first + 40]
    return any(b[2].is_group for b in bodies) or re.match(r"(?:Các|Những)\s", head) is not None or opens_group(head)


def _opens_direction(text: str, pos: int) -> bool:
    """A body opening a clause is the one addressed when a verb of what it must do follows it
    ("Công an phường chủ trì …", "UBND huyện rà soát …"), not a verb of deciding or of the past."""
    after, bodies = bodies_list_at(text, pos)
    if not bodies or bodies[0][2].is_group:
        return False
    if P.COUNCIL_GROUPS_THEN_VERB_RE.match(text, after):
        return True  # "Thường trực HĐND, các Ban của HĐND, các Tổ đại biểu và đại biểu HĐND xã giám sát …"
    if P.GROUP_AFTER_BODY_RE.match(text[after : after + 20]) or P.SUBJECT_VERB_RE.match(text[after : after + 40]):
        return False
    if re.match(r"[ \t]*:[ \t]+[-–+•][ \t]+[^\W\d_]", text[after : after + 30]):  # (in one block)
        return True  # a body over its sub-items: "1. Ban Tổ chức Tỉnh ủy:" / "- Tham mưu …"
    if re.match(rf"[ \t]*:[ \t]+[{P.UPPER}][{P.LOWER}]", text[after : after + 8]):
        return True  # a body and what it must do on one line: "2. Sở Thông tin và Truyền thông: Chủ trì xây dựng …"
    topic = P.TOPIC_BODY_RE.search(text, max(0, pos - 12), pos)
    if topic and topic_line(text, topic.start()):
        return True  # a line naming the body the items below it are for: "Đối với Ban cán sự đảng UBND tỉnh:"
    if len(bodies) >= 2 and re.match(
        r"\s+phối hợp\s+(?!với\b|chặt chẽ\b|thực hiện\b|triển khai\b)[^\W\d_]", text[after : after + 30]
    ):
        return True  # "X và Y phối hợp xây dựng …": both lead, together
    return (
        re.match(
            # "X tham mưu …", and a body over its sub-items: "- X" / "  - cung cấp …", "X: cung cấp …"; a remark
            # on X between them: "X (hai đảng bộ lớn) hoàn thành …", or its unit in charge: "Sở X (Văn phòng Điều
            # phối nông thôn mới tỉnh) tham mưu …"
            r"(?:\s*\((?:\s*[a-zđà-ỹ]|(?:Văn phòng|Phòng|Trung tâm|Chi cục|Cục)\s|[^()]{0,60}?là cơ quan (?:thường trực|đầu mối))[^()]{0,80}\))?(?:\s*:(?:\s+[-–+•])?|\s+[-–+•])?\s+(?:(?:cần|phải|tiếp tục|khẩn trương|sớm|kịp thời|chủ động|có trách nhiệm|"
            r"thường xuyên)\s+)?"
            r"(?!(?:đã|vừa|được(?!\s+(?:giao|chọn|phân công))|cũng đã|là|và|của|với|tại|trong|phối hợp(?!\s+với)|cùng)\b)[a-zđàáảãạăâêôơưèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ"
            r"ằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữự]",
            text[after : after + 120],
        )
        is not None
    )


def find_assignments(
    source: Source, start: int, end: int, *, addressed: bool, since: str | None = None
) -> list[Assignment]:
    """Bodies a task is handed to, in every form of running text: "Giao X (chủ trì, phối hợp với Y)",
    "Đề nghị X …", "X chủ trì …" anywhere (also in parentheses after the task), and a body opening a clause
    with what it must do ("X tham mưu …", "X có trách nhiệm …"); partners "phối hợp với Y" after the lead
    or "Y phối hợp" after it; the deadline in each assignment's own stretch of text.

    >>> from loaders.read import from_text
    >>> src = from_text("Xây dựng đề án (Ban cán sự đảng UBND tỉnh chủ trì; Sở Tài chính phối hợp; thời gian: năm 2025).", name="x")
    >>> [(a.leads[0].name, [p.name for p in a.partners], a.deadline) for a in find_assignments(src, 0, len(src.text), addressed=False)]
    [('Ban cán sự đảng Ủy ban nhân dân tỉnh', ['Sở Tài chính'], '2025-12-31')]
    """
    text = source.match
    addressed_at = {m.end() for m in P.GIAO_RE.finditer(text, start, end)}
    starts: set[int] = set(addressed_at)
    found = find_bodies(text[start:end])
    ends = {e for _s, e, kind in found if not kind.is_group}
    for s, _e, kind in found:  # "X chủ trì" wherever it stands
        after, bodies = bodies_list_at(text, start + s)
        paren = re.search(r"\s*\(\s*$", text[max(start, start + s - 4) : start + s])
        if paren and s - len(paren.group(0)) in ends:
            continue  # a remark on the body before it: "Hội đồng … (Sở Tư pháp là cơ quan thường trực)"
        if bodies and not kind.is_group and P.CHAIR_RE.match(text[after : after + 40]):
            starts.add(start + s)
    for pos in _clause_starts(text, start, end, addressed=addressed):
        if pos < end and _opens_direction(text, pos):
            starts.add(pos)
    starts.update(_leads_in_closing_parenthesis(text, start, end))
    out: list[Assignment] = []
    ordered = sorted(starts)
    for n, s in enumerate(ordered):
        if any(o < s < bodies_list_at(text, o)[0] for o in ordered[:n]):
            continue  # a body inside another's list ("Giao X, Y chủ trì")
        pos, bodies = bodies_list_at(text, s)
        if _a_group(text, pos, addressed=s in addressed_at):
            continue  # "Ban Thường vụ các huyện ủy, thị ủy": a group
        if P.ASKED_ATTENTION_RE.match(text, pos):
            continue  # "Đề nghị Ban Thường vụ Thành ủy … quan tâm bố trí vốn": asking a superior, not assigning
        leads = [body_ref(*b) for b in bodies if not b[2].is_group]
        if not leads:
            continue
        segment_end = next((o for o in ordered[n + 1 :] if o >= pos), end)
        partners = _partners(text, pos, segment_end, end)
        # the deadline of this assignment: in its own stretch of text, up to the next assignment
        sentence_end = re.search(r"(?<!\d)\.(?=\s|$)", text[pos:segment_end])
        deadline, _, _ = find_deadline(
            text[pos : pos + sentence_end.start() if sentence_end else segment_end], since=since
        )
        if deadline is None and out and P.SAME_TIME_RE.search(text, pos, segment_end):
            deadline = out[-1].deadline  # "…, cùng thời gian trên": the deadline of the assignment before
        names = {lead.name for lead in leads}
        out.append(Assignment(tuple(leads), tuple(p for p in partners if p.name not in names), deadline))
    return out


def _a_group(text: str, pos: int, *, addressed: bool) -> bool:
    """Whether the bodies read up to ``pos`` go on into a group ("Ban Thường vụ các huyện ủy, thị ủy"); an addressed
    body with the organisations it leads ("Đề nghị Ủy ban MTTQ tỉnh và các đoàn thể …") is itself addressed."""
    if not P.GROUP_AFTER_BODY_RE.match(text[pos : pos + 12]) or re.match(r"\s*[,;]", text[pos : pos + 2]):
        return False
    return not (addressed and P.WITH_MASS_ORGANISATIONS_RE.match(text, pos))


def _leads_in_closing_parenthesis(text: str, start: int, end: int) -> list[int]:
    """Where a parenthesis closing the task names its leads alone: "… (*Công an huyện; thường xuyên*)."."""
    out = []
    for m in P.PAREN_LEADS_OPEN_RE.finditer(text, start, end):
        after, bodies = bodies_list_at(text, m.end())
        if bodies and not all(b[2].is_group for b in bodies) and P.PAREN_LEADS_CLOSE_RE.match(text[after:end]):
            out.append(m.end())
    return out


def _partners(text: str, pos: int, segment_end: int, end: int) -> list[BodyRef]:
    """Partners of the lead ending at ``pos``: "phối hợp với Y" right after it, or "Y phối hợp" in its stretch."""
    partners: list[BodyRef] = []
    pm = P.PARTNER_RE.match(text[pos : pos + 60])
    if pm:
        _, pbodies = bodies_list_at(text, pos + pm.end())
        partners = [body_ref(*b) for b in pbodies if not b[2].is_group]
    clause_end = text.find(")", pos, end)
    limit = clause_end if 0 <= clause_end else segment_end
    for s, _, _kind in find_bodies(text[pos:limit]):
        after, pbodies = bodies_list_at(text, pos + s)
        if P.PARTNERS_BEFORE_RE.match(text[after : after + 20]):
            partners.extend(body_ref(*b) for b in pbodies if not b[2].is_group)
    return partners
