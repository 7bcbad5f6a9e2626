"""Assignments: the bodies a task is handed to, its partners and its deadline, in every form a task
names them (Giao X chủ trì …, X chủ trì …, labelled blocks, a lead in parentheses, task table rows)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import patterns as P
from loaders.bodies import bodies_list_at, body_at, body_ref
from loaders.dates import cell_deadline, find_deadline
from loaders.model import BodyRef, Span
from loaders.read import Source
from loaders.vocab import vocabulary


@dataclass(frozen=True)
class Assignment:
    leads: tuple[BodyRef, ...]
    partners: tuple[BodyRef, ...]
    deadline: str | None


def row_assignment(source: Source, cells: tuple[Span, ...], header: tuple[str, ...]) -> tuple[Assignment | None, tuple]:
    """Lead bodies, partners and deadline of a task table row, by its header (or, without one, by
    what the cells hold); also the (deadline, phrase, ongoing) of the deadline cell."""
    text = source.match

    def column(pattern) -> int | None:
        return next((i for i, h in enumerate(header) if pattern.search(h)), None)

    lead_col = column(P.LEAD_COLUMN_RE) if header else None
    if header and lead_col is not None and P.PARTNER_COLUMN_RE.search(header[lead_col]) \
            and not re.search("chủ trì", header[lead_col], re.I):
        lead_col = None
    partner_col = column(P.PARTNER_COLUMN_RE) if header else None
    deadline_col = column(P.DEADLINE_COLUMN_RE) if header else None
    if not header:  # no header: the first cells naming bodies are lead then partners; the last is the deadline
        with_bodies = [i for i, (a, b) in enumerate(cells) if i > 0 and body_at(text, a + len(text[a:b]) - len(text[a:b].lstrip()))]
        lead_col = with_bodies[0] if with_bodies else None
        partner_col = with_bodies[1] if len(with_bodies) > 1 else None
        deadline_col = len(cells) - 1

    def bodies(col: int | None) -> list[BodyRef]:
        if col is None or col >= len(cells):
            return []
        a, b = cells[col]
        found = []
        for s, e, kind in vocabulary().find_bodies(text[a:b]):
            if not kind.is_group:
                found.append(body_ref(a + s, a + e, kind, text[a + s:a + e]))
        return found

    due = cell_deadline(text[cells[deadline_col][0]:cells[deadline_col][1]]) \
        if deadline_col is not None and deadline_col < len(cells) else (None, None, False)
    leads = bodies(lead_col)
    if not leads:
        return None, due
    return Assignment(tuple(leads), tuple(b for b in bodies(partner_col) if b.name not in {l.name for l in leads}),
                      due[0]), due


def find_assignments(source: Source, start: int, end: int, *, addressed: bool) -> list[Assignment]:
    """Bodies a task is handed to: "Giao X (chủ trì, phối hợp với Y)", "Đề nghị X", "X chủ trì";
    with ``addressed`` (an item of an implementation section), a body opening the item."""
    text = source.match
    out: list[Assignment] = []
    starts: list[int] = [m.end() for m in P.GIAO_RE.finditer(text, start, end)]
    # "… . Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với …": a sentence opened by the body that leads
    for m in re.finditer(r"[.!?]\s+", text[start:end]):
        pos = start + m.end()
        hit = body_at(text, pos)
        if hit and not hit[1].is_group and P.CHAIR_RE.match(text[bodies_list_at(text, pos)[0]:pos + 200]):
            starts.append(pos)
    # "đề nghị X …; Y tăng cường …": each clause of a direction addressed to a named body
    if starts:
        for m in re.finditer(r";\s*", text[starts[0]:end]):
            pos = starts[0] + m.end()
            hit = body_at(text, pos)
            if hit and not hit[1].is_group and re.match(r"\s+[^\W\d_]", text[hit[0]:hit[0] + 3]):
                starts.append(pos)
    lead_in = re.match(r"\s*(?:[-+•*]\s+|\d+(?:\.\d+)*\s*[.)-]\s*|\(\d+\)\s*|[a-zđ]\)\s*)?", text[start:end])
    first = start + (lead_in.end() if lead_in else 0)
    opening = body_at(text, first)
    if opening is None and addressed:  # "1. Công tác tuyên truyền. Ban Tuyên giáo …": after an inline title
        title = re.match(r"[^.:\n]{3,90}[.:]\s+", text[first:end])
        if title:
            first += title.end()
            opening = body_at(text, first)
    if opening and first not in starts:
        pos, bodies = bodies_list_at(text, first)
        with_group = P.GROUP_AFTER_BODY_RE.match(text[pos:pos + 20])  # "X và các đoàn thể", "Ban Thường vụ các huyện ủy"
        # the body that speaks or decides, not the one addressed: "Ban Chấp hành … đồng ý … và giao …"
        with_group = with_group or P.SUBJECT_VERB_RE.match(text[pos:pos + 40])
        if bodies and (P.CHAIR_RE.match(text[pos:pos + 40]) or addressed) and not bodies[0][2].is_group \
                and not with_group:
            starts.append(first)
    ordered = sorted(set(starts))
    for n, s in enumerate(ordered):
        pos, bodies = bodies_list_at(text, s)
        if P.GROUP_AFTER_BODY_RE.match(text[pos:pos + 12]) and not re.match(r"\s*[,;]", text[pos:pos + 2]):
            continue  # "Ban Thường vụ các huyện ủy, thị ủy": a group
        segment_end = ordered[n + 1] if n + 1 < len(ordered) else end
        leads = [body_ref(*b) for b in bodies if not b[2].is_group]
        if not leads:
            continue
        partners: list[BodyRef] = []
        pm = P.PARTNER_RE.match(text[pos:pos + 60])
        if pm:
            _, pbodies = bodies_list_at(text, pos + pm.end())
            partners = [body_ref(*b) for b in pbodies if not b[2].is_group]
        # the deadline of this assignment: in its own stretch of text, up to the next assignment
        sentence_end = re.search(r"(?<!\d)\.(?=\s|$)", text[pos:segment_end])
        deadline, _, _ = find_deadline(text[pos:pos + sentence_end.start() if sentence_end else segment_end])
        out.append(Assignment(tuple(leads), tuple(partners), deadline))
    return out
