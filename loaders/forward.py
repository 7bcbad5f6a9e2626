"""Stage 4a — the forward-looking part: the units that set tasks (items, sentences of a direction, table rows),
split where they address different bodies, carry out different documents or have different deadlines, and
the tasks built from them with their leads, partners, deadlines and the documents they carry out."""

from __future__ import annotations

import dataclasses
import re

from loaders import bodies as B
from loaders import dates as D
from loaders import patterns as P
from loaders import projects as PR
from loaders import tasks as T
from loaders.carried import carried_out
from loaders.model import NEWS, BodyRef, Span, Task
from loaders.read import Source
from loaders.structure import Block, Structure
from loaders.units import task_units


# --- tasks ------------------------------------------------------------------------------------------------
def _attach_labels(
    text: str, st: Structure, units: list[tuple[Block, Span, int]]
) -> list[tuple[Block, Span, int, list[T.Label]]]:
    """Labelled lines ("- Cơ quan chủ trì: …", "- Thời hạn: …") belong to the task above them, with no
    heading in between; they are not tasks themselves, nor is a "Nội dung: …" line among them."""
    headings = [b.start for b in st.blocks if b.kind == "heading"]
    numbered = [b for b in st.blocks if b.kind == "heading" and b.marker and b.marker[:1].isdigit()]
    out: list[tuple[Block, Span, int, list[T.Label]]] = []
    for b, span, part in units:
        labels = T.task_labels(text, *span)
        after_heading = out and any(out[-1][1][1] <= h < span[0] for h in headings)
        if labels and out and not after_heading:
            out[-1][3].extend(labels)
            continue
        if out and out[-1][3] and not after_heading and P.CONTENT_LABEL_RE.match(text, span[0], span[1]):
            last = out[-1]  # "Nội dung: …" between a task's labelled lines: the task's own text
            out[-1] = (last[0], (last[1][0], span[1]), last[2], last[3])
            continue
        if labels:  # under a heading with no task of its own: the labelled line stands for the heading's task, and
            # a numbered heading right above it is the task's own text ("2. Thành lập Quỹ … theo Nghị định số …")
            above = next((h for h in reversed(numbered) if h.end <= span[0]), None)
            if above is not None and not text[above.end : span[0]].strip():
                span = (above.start, span[1])
            out.append((b, span, part, labels))
            continue
        out.append((b, span, part, T.closing_labels(text, *span)))
    return out


def _group_lead(b: Block, lead_in: tuple[Block, list[T.Assignment]] | None) -> list[T.Assignment]:
    """The assignment stated once for a group ("a) Ban Tuyên giáo Tỉnh ủy chủ trì:" then dash bullets),
    for a unit inside that group."""
    if lead_in is None:
        return []
    head, assignments = lead_in
    if head.marker is None:  # an unnumbered lead-in ("Đồng chí Bí thư yêu cầu X … các nhiệm vụ sau:"): its bullets
        inside = b.start > head.start and b.kind == "item" and b.level >= 6 and b.path == head.path
    else:
        inside = b.start > head.start and b.path[: len(head.path) + 1] == (*head.path, head.marker)
    return assignments if inside else []


def _duties_of(source: Source, b: Block, start: int) -> list[T.Assignment]:
    """The bodies an enclosing heading gives these duties to: "Điều 9. Trách nhiệm của Ban Nội chính Tỉnh ủy …",
    or a heading that is only their names ("a) Ban Tuyên giáo Tỉnh ủy:", "Đối với Ủy ban nhân dân tỉnh")."""
    text = source.match
    for c in reversed(b.context):
        m = P.DUTIES_OF_RE.match(c) or P.BODY_HEADING_RE.match(c)
        if not m:
            continue
        at = text.rfind(c[:60], 0, start)
        if at < 0:
            return []
        pos, bodies = B.bodies_list_at(text, at + m.end())
        if m.re is P.BODY_HEADING_RE and not P.BODY_HEADING_END_RE.fullmatch(text[pos : at + len(c)]):
            continue  # a heading that says more than whose the duties are
        leads = [B.body_ref(*x) for x in bodies if not x[2].is_group]
        return [T.Assignment(tuple(leads), (), None)] if leads else []
    return []


def find_tasks(
    source: Source,
    st: Structure,
    kind: str,
    key_of_span: dict[Span, tuple[str, int | None]],
    *,
    since: str | None = None,
    central: bool = False,
) -> list[Task]:
    """The tasks of the forward-looking part, with their bodies, deadlines and the documents they carry out.

    Long: one pass over the units carries what the next unit may inherit (the lead of the clause before, the group a
    lead-in opened); the reading of each unit is in the named steps it calls."""
    tasks: list[Task] = []
    text = source.match
    previous_leads: tuple[BodyRef, ...] = ()
    lead_in: tuple[Block, list[T.Assignment]] | None = None
    units = task_units(source, st, kind, key_of_span, since=since)
    for b, (start, end), part, labels in _attach_labels(text, st, units):
        assignments, row_due = _read_assignments(source, b, (start, end), kind, since=since, central=central)
        labelled = T.label_assignment(text, labels)
        if labelled is not None:
            assignments = [labelled]
        if not assignments and P.APPENDIX_POINTER_RE.fullmatch(text, start, end):
            continue  # "(Kèm theo …)", "… tại Phụ lục kèm theo": the appendix's tasks are read where they stand
        if text[start:end].rstrip(" *").endswith(":"):
            if not assignments:
                continue  # a lead-in ("… một số nhiệm vụ sau:") introduces tasks, it is not one
            lead_in = (b, assignments)  # "Giao X chủ trì:" is a task, and its bullets go to X too
            if T.topic_line(text, start):
                continue  # "Đối với X:" names whom the items below are for; it is no task itself
        assignments, form = _with_stated_lead(source, b, start, assignments, labelled is not None, lead_in)
        leads: list[BodyRef] = []
        partners: list[BodyRef] = []
        task_deadline = None
        continues = part > 0 or (b.kind == "row" and T.continues_row(text, b.cells, b.header))
        if continues and not assignments and previous_leads and not T.opens_with_group(text, start, end):
            # "…; chỉ đạo …" goes on with the same lead (not "…; Đảng ủy các xã còn lại …", a group of its own)
            leads.extend(previous_leads)
        for a in assignments:
            leads.extend(a.leads)
            partners.extend(a.partners)
            task_deadline = task_deadline or a.deadline
        deadline, deadline_text, ongoing = (
            row_due if row_due and (row_due[0] or row_due[2]) else D.find_deadline(text[start:end], since=since)
        )
        label_due = next(
            (D.cell_deadline(text[slice(*ln.value)], since=since) for ln in labels if ln.field == "deadline"), None
        )
        # a "Thời hạn: …" line below the task: its deadline (with no lead of its own, when the text gives none)
        if label_due and (labelled is not None or not (task_deadline or deadline or ongoing)):
            deadline, deadline_text, ongoing = label_due
            task_deadline = label_due[0]
        implements, impl_spans = carried_out(text, (start, end), key_of_span)
        previous_leads = tuple(leads)
        # each lead keeps its own clause's deadline; with a single assignment, the task's
        single = len(assignments) <= 1
        pairs = [
            (
                ln,
                a.deadline
                or (task_deadline or deadline if single and _reaches(text, start, deadline_text, ln) else None),
            )
            for a in assignments
            for ln in a.leads
        ]
        if not assignments:
            pairs = [(ln, task_deadline or deadline) for ln in leads]
        tasks.append(
            Task(
                position=len(tasks) + 1,
                span=(start, end),
                text=P.FOOTNOTE_LINE_RE.sub("", source.text[start:end]),
                section=b.path,
                leads=tuple(B.unique_bodies(leads)),
                partners=tuple(B.unique_bodies(partners)),
                deadline=task_deadline or deadline,
                deadline_text=deadline_text,
                ongoing=ongoing and not deadline,
                implements=tuple(implements),
                implements_spans=tuple(impl_spans),
                projects=tuple(PR.find_projects(source, [(start, end)])),
                assignments=tuple(pairs),
                form=form,
            )
        )
    return _without_group_openings(tasks)


def _reaches(text: str, start: int, deadline_text: str | None, lead: BodyRef) -> bool:
    """The task's deadline is the lead's too, unless it was said in an earlier clause (before a semicolon): "khởi
    công … trong năm 2026 là nhiệm vụ trọng tâm; giao Sở Y tế … ngay sau khi …"."""
    at = text.rfind(deadline_text, start, lead.span[0]) if deadline_text else -1
    return at < 0 or ";" not in text[at + len(deadline_text or "") : lead.span[0]]


def _without_group_openings(tasks: list[Task]) -> list[Task]:
    """A unit opening a group ("1. Ban Tổ chức Tỉnh ủy:", "X lãnh đạo, chỉ đạo UBND tỉnh:") is no task of its own
    when the items below it take its lead: they are the tasks."""
    kept = [
        t
        for i, t in enumerate(tasks)
        if not (
            t.leads
            and t.text.rstrip(" *_").endswith(":")
            and i + 1 < len(tasks)
            and tasks[i + 1].form == "group lead-in"
        )
    ]
    return [t if t.position == n else dataclasses.replace(t, position=n) for n, t in enumerate(kept, 1)]


def _read_assignments(
    source: Source, b: Block, span: Span, kind: str, *, since: str | None, central: bool
) -> tuple[list[T.Assignment], tuple | None]:
    """The assignments a unit states itself (a table row by its columns, else its running text), and the row's
    (deadline, phrase, ongoing); a provincial or local document hands no task to the centre ("đề nghị Quốc hội")."""
    start, end = span
    row_due = None
    if b.kind == "row":
        row, row_due = T.row_assignment(source, b.cells, b.header, since=since)
        assignments = [row] if row else []
    else:
        in_implementation = any(re.search(r"tổ chức thực hiện|giao nhiệm vụ", c, re.I) for c in b.context)
        numbered = b.kind == "item" and b.marker not in (None, "-", "+", "•", "*")
        addressed = (start == b.start and b.kind == "item" and (in_implementation or (numbered and kind != NEWS))) or (
            kind == NEWS and b.kind == "paragraph" and start > b.start
        )  # a sentence of a speech
        assignments = T.find_assignments(source, start, end, addressed=addressed, since=since)
    if not central:
        local = (
            T.Assignment(tuple(x for x in a.leads if x.level != "central"), a.partners, a.deadline) for a in assignments
        )
        assignments = [a for a in local if a.leads]
    return assignments, row_due


def _with_stated_lead(
    source: Source,
    b: Block,
    start: int,
    assignments: list[T.Assignment],
    labelled: bool,
    lead_in: tuple[Block, list[T.Assignment]] | None,
) -> tuple[list[T.Assignment], str]:
    """The unit's assignments and the form they were read from; a unit without its own takes the lead stated
    once for its group, or by the heading that names whose duties these are."""
    if assignments:
        form = "table row" if b.kind == "row" else "labelled lines" if labelled else "running text"
        return assignments, form
    grouped = _group_lead(b, lead_in)
    if grouped:
        # an item with a time of its own, or recurring, keeps it ("… trình … trong tháng 5/2023; chỉ đạo:" / "- …
        # hoàn thành trong năm 2024", "- Hằng năm, bố trí …"); one without takes the lead-in's
        own, _, recurring = D.find_deadline(source.match[start : b.end])
        if own or recurring:
            grouped = [dataclasses.replace(a, deadline=None) for a in grouped]
        return grouped, "group lead-in"
    # (a unit whose subject is a group of its own takes no lead from the heading: "Các huyện ủy … lựa chọn …")
    duties = [] if T.opens_with_group(source.match, start, b.end) else _duties_of(source, b, start)
    return duties, "duties heading" if duties else ""
