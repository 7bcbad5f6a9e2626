"""Stage 4a (part) — the units of the forward-looking part that set tasks: items, sentences of a direction and table
rows, split where they carry out different documents, address different bodies or have different deadlines."""

from __future__ import annotations

import re

from loaders import bodies as B
from loaders import dates as D
from loaders import patterns as P
from loaders import tasks as T
from loaders.model import NEWS, Span
from loaders.parts import item_class
from loaders.read import Source
from loaders.structure import Block, Structure

__all__ = ["sentences", "task_units"]


def task_units(
    source: Source, st: Structure, kind: str, key_of_span: dict, *, since: str | None = None
) -> list[tuple[Block, Span, int]]:
    """The units that set tasks, each with the number of its part (0 = the first part of its block)."""
    text = source.match
    by_target = _split_by_target(text, _units(source, st, kind), key_of_span)
    return _split_by_deadline(text, _split_by_addressee(text, by_target), since=since)


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans between ``start`` and ``end``."""
    out, pos = [], start
    for m in P.SENTENCE_END_RE.finditer(text, start, end):
        if text[pos : m.start() + 1].strip():
            out.append((pos, m.start() + 1))
        pos = m.end()
    if text[pos:end].strip():
        out.append((pos, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out]


def _units(source: Source, st: Structure, kind: str) -> list[tuple[Block, Span]]:
    """The forward-looking units of a document: blocks, or in a press report the sentences of a
    direction from the directing sentence on, then the list items that follow it."""
    units: list[tuple[Block, Span]] = []
    lead_in_seen = False
    continuing = False
    text = source.match
    purpose_seen, plan_parts = False, set()
    lead_in_at: Block | None = None
    for b in st.blocks:
        if b.kind == "heading" or (b.kind == "row" and T.group_row(source, b.cells)):
            # a plan's "II. NỘI DUNG" after its "I. MỤC ĐÍCH, YÊU CẦU": what is to be done
            title = P.ITEM_RE.sub("", b.text, count=1).strip(" *") if purpose_seen else ""
            if title and P.PLAN_CONTENT_HEADING_RE.fullmatch(title):
                plan_parts.add(title)
            purpose_seen = purpose_seen or bool(P.PURPOSE_HEADING_RE.match(b.text))
            continue  # (a table row titling a group of rows is a heading too)
        cls = item_class(b.text) if b.marker and b.level <= 4 else None
        if cls is None:
            cls = _context_class(b, plan_parts)
        directive = P.DIRECTIVE_RE.search(text, b.start, b.end)
        tail = b.text.rstrip(" *")
        lead_in = _is_lead_in(tail, cls)
        # the items right under a lead-in are directions, whatever part they stand in
        under = lead_in_at is not None and b.kind == "item" and b.level >= 6 and b.path == lead_in_at.path
        lead_in_at = b if lead_in else lead_in_at if under else None
        lead_in_seen = lead_in_seen or (cls != "past" and T.topic_line(text, b.start))
        if kind != NEWS:
            lead_in_seen = lead_in_seen or lead_in
            if lead_in and not directive and not P.GIAO_RE.search(text, b.start, b.end) and b.kind == "paragraph":
                continue  # "… ban hành Kế hoạch thực hiện … như sau:" introduces the tasks, it sets none
            # a row of a task table (one naming a lead column) is a task wherever the table stands
            task_row = b.kind == "row" and any(P.LEAD_COLUMN_RE.search(h) for h in b.header)
            # (or a paragraph whose subject is a body and what it must do: "Đảng đoàn HĐND tỉnh lãnh đạo … trong tháng 9")
            forward = (
                task_row
                or under
                or cls == "forward"
                or (cls is None and (lead_in_seen or bool(directive) or _opens_sentence_direction(text, b.start)))
            )
            if forward:
                units.append((b, (b.start, b.end)))
            continue
        # press reports
        subheading = len(b.text) < 120 and b.text.rstrip()[-1:] not in ".;:!?…"
        if cls == "forward" or (
            continuing and not directive and not subheading and not P.NARRATIVE_START_RE.match(b.text)
        ):
            units.append((b, (b.start, b.end)))
            continue
        continuing = False
        if directive:
            for s, e in sentences(text, b.start, b.end):
                if e <= directive.start():
                    continue
                units.append((b, (s, e)))
            continuing = True
    return units


def _is_lead_in(tail: str, cls: str | None) -> bool:
    """A block introducing the directions below it: it ends with ":" after a directing verb; in a part on the past,
    only when its last sentence directs ("… còn chậm. Ban Thường vụ Tỉnh ủy yêu cầu:")."""
    return (
        tail.rstrip()[-1:] == ":"
        and bool(P.LEAD_IN_RE.search(tail))
        and (cls != "past" or bool(P.DIRECTIVE_RE.search(re.split(r"[.;]\s", tail)[-1])))
    )


def _context_class(b: Block, plan_parts: set[str]) -> str | None:
    """forward | past | None: the part a block stands in, by the nearest heading or item above it that says."""
    for c in reversed(b.context):
        if c in plan_parts:
            return "forward"
        cls = item_class(c)
        if cls:
            # a matter a meeting concluded on ("4. Về kết quả kiểm tra …"): its paragraph that assigns ("… Giao Ủy ban
            # Kiểm tra Tỉnh ủy theo dõi …") directs, whatever its heading says
            if cls == "past" and P.MATTER_HEADING_RE.match(c) and P.MATTER_DIRECTION_RE.search(b.text):
                return None
            return cls
    return None


def _opens_sentence_direction(text: str, pos: int) -> bool:
    """A block at ``pos`` that opens a sentence (not one a hard wrap cut) with a direction to a body."""
    i = pos  # the last character before it that is not a space (not a copy of the text before it: a block each)
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i and text[i - 1] not in ".:;!?*":
        return False
    return T.topic_line(text, pos) or _opens_direction(text, pos)


def _split_by_target(
    text: str, units: list[tuple[Block, Span]], key_of_span: dict[Span, tuple[str, int | None]]
) -> list[tuple[Block, Span]]:
    """A unit whose sentences carry out different documents becomes one task per sentence, so
    that each task's implementation edges are exact."""
    out: list[tuple[Block, Span]] = []
    for b, (start, end) in units:
        parts = sentences(text, start, end)
        targets = []
        for s, e in parts:
            cited = {
                k
                for span, k in key_of_span.items()
                if s <= span[0] < e and P.IMPLEMENT_VERB_RE.search(text[s : span[0]])
            }
            if cited:
                targets.append(frozenset(cited))
        if len(set(targets)) >= 2:
            out.extend((b, p) for p in parts)
        else:
            out.append((b, (start, end)))
    return out


def _split_by_addressee(text: str, units: list[tuple[Block, Span]]) -> list[tuple[Block, Span]]:
    """A unit whose sentences address different bodies ("… Các cấp ủy … . Giao X … . Đề nghị Y …") becomes one
    task per direction; a sentence that addresses no one goes on with the direction before it."""
    out: list[tuple[Block, Span]] = []
    for b, (start, end) in units:
        parts = sentences(text, start, end)
        marker = P.ITEM_RE.match(text, start)
        opening = [marker.end() if marker else start] + [s for s, _ in parts[1:]]  # the first after its marker
        # a group's clause after a semicolon is a direction of its own: "X đưa …; các huyện ủy … trước ngày …"
        groups = [] if b.kind == "row" else [start + m.end() for m in P.GROUP_CLAUSE_RE.finditer(text[start:end])]
        directing = sorted(s for s in opening if _opens_direction(text, s))
        if len(directing) < 2 and not groups:
            out.append((b, (start, end)))
            continue
        directing = sorted(set(directing if len(directing) >= 2 else []) | set(groups))
        cuts = [start] + [s for s in directing if s > opening[0]] + [end]
        out.extend((b, (a, z)) for a, z in zip(cuts, cuts[1:]) if text[a:z].strip())
    return out


def _opens_direction(text: str, pos: int) -> bool:
    """A sentence at ``pos`` that directs someone: "Giao X …", "Đề nghị X …", or a body or a group of bodies as
    its subject followed by what they must do."""
    if P.GIAO_RE.match(text, pos):
        return True
    hit = B.body_at(text, pos)
    if hit is None:
        return False
    after, _ = B.bodies_list_at(text, pos)
    return (
        re.match(
            r"\s*(?:,\s*)?(?:[a-zđ]\w*\s+){0,4}?(?:chủ trì|chỉ đạo|lãnh đạo|tổ chức|thực hiện|triển khai|"
            r"tham mưu|có trách nhiệm|phối hợp|rà soát|xây dựng|tăng cường|đẩy mạnh|quán triệt)\b",
            text[after : after + 80],
        )
        is not None
    )


def _split_by_deadline(
    text: str, units: list[tuple[Block, Span]], *, since: str | None = None
) -> list[tuple[Block, Span, int]]:
    """A body's block of sub-items gives one task per item ("1. Ban Tổ chức Tỉnh ủy:" / "- Tham mưu …" / …), and
    ";"-clauses with different deadlines one per clause; the third element numbers the parts (0 = first)."""
    out: list[tuple[Block, Span, int]] = []
    for b, span in units:
        n = 0
        for item in _sub_items(text, span):
            for part in _clauses_by_deadline(text, item, since=since):
                out.append((b, part, n))
                n += 1
    return out


def _sub_items(text: str, span: Span) -> list[Span]:
    """The sub-items of a block that opens with a body and a colon (the first item with the opening), else the
    block."""
    start, end = span
    if not re.search(r":\s+[-–+•]\s", text[start:end]) or not T.opens_with_body_label(text, start, end):
        return [span]
    # the first item stays with the opening; a label ("- thời gian: trong tháng 12/2024") with the item above it
    bullets = [*re.finditer(r"(?<=[.;:])\s+[-–+•]\s+", text[start:end])][1:]
    cuts = [start + m.start() for m in bullets if not T.task_labels(text, start + m.end(), end)]
    bounds = [start, *cuts, end]
    return [(a, z) for a, z in zip(bounds, bounds[1:]) if text[a:z].strip()]


def _clauses_by_deadline(text: str, span: Span, *, since: str | None) -> list[Span]:
    """The ";"-clauses and sentences of a unit as parts, when they carry different deadlines (a clause ends a part
    when it has one; a last sentence with none is a remark on the part before it), else the unit."""
    start, end = span
    clauses, pos = [], start
    for m in P.CLAUSE_END_RE.finditer(text[start:end]):
        clauses.append((pos, start + m.start() + 1))
        pos = start + m.end()
    clauses.append((pos, end))
    # a deadline, or a recurring day ("… trước ngày 20 tháng 12 hằng năm; tham mưu sơ kết … vào quý IV/2027")
    found = [D.find_deadline(text[a:z], since=since) for a, z in clauses]
    deadlines = [d or ("yearly" if ongoing and "ngày" in (phrase or "") else None) for d, phrase, ongoing in found]
    if len({d for d in deadlines if d}) < 2:
        return [span]
    merged: list[tuple[int, int, str | None]] = []
    for (a, z), d in zip(clauses, deadlines):
        if merged and not merged[-1][2]:
            merged[-1] = (merged[-1][0], z, d)
        else:
            merged.append((a, z, d))
    if len(merged) > 1 and not merged[-1][2] and text[merged[-2][1] - 1] == ".":
        merged[-2:] = [(merged[-2][0], merged[-1][1], merged[-2][2])]
    return [(a, z) for a, z, _ in merged]
