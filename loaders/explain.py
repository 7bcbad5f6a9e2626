"""A review aid: what the extraction read from one document, task by task, and the forward-looking
sentences it could not turn into an assignment — so a reader can see what was not understood.

>>> from loaders import extract_source
>>> from loaders.read import from_text
>>> text = ("KẾ HOẠCH\\n\\nI. NHIỆM VỤ\\n\\n1. Giao Văn phòng Tỉnh ủy theo dõi, hoàn thành trước ngày 15/4/2024.\\n\\n"
...         "2. Rà soát quy chế làm việc, hoàn thành trong quý II/2024.\\n")
>>> print(explain(extract_source(from_text(text, name="x.txt"))))  # doctest: +NORMALIZE_WHITESPACE
x.txt: 2 tasks, 1 with a lead
task 1 [running text] section I
  sentence: 1. Giao Văn phòng Tỉnh ủy theo dõi, hoàn thành trước ngày 15/4/2024.
  lead: Văn phòng Tỉnh ủy · partners: — · deadline: 2024-04-15
task 2 [no lead read] section I
  sentence: 2. Rà soát quy chế làm việc, hoàn thành trong quý II/2024.
  lead: — · partners: — · deadline: 2024-06-30
forward-looking sentences that gave no assignment:
  - 2. Rà soát quy chế làm việc, hoàn thành trong quý II/2024.
"""

from __future__ import annotations

import re

from loaders.model import Document, Task

# Words of a direction: a sentence holding one of them in the forward part should have given an assignment.
_DIRECTION_RE = re.compile(
    r"\b(?:giao|chủ trì|đề nghị|yêu cầu|có trách nhiệm|tham mưu|phối hợp|hoàn thành|thời hạn|"
    r"trước ngày|quý|tháng \d)",
    re.I,
)


def _line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def unread_sentences(doc: Document) -> list[str]:
    """Forward-looking sentences (the tasks' own text) that name a direction or a deadline but gave no
    assignment to a named body."""
    return [_line(t.text) for t in doc.tasks if not t.leads and _DIRECTION_RE.search(t.text)]


def _task_lines(t: Task) -> list[str]:
    lead = ", ".join(b.name for b in t.leads) or "—"
    partners = ", ".join(b.name for b in t.partners) or "—"
    deadline = t.deadline or ("recurring" if t.ongoing else "—")
    return [
        f"task {t.position} [{t.form or 'no lead read'}] section {'.'.join(t.section) or '—'}",
        f"  sentence: {_line(t.text)}",
        f"  lead: {lead} · partners: {partners} · deadline: {deadline}",
    ]


def explain(doc: Document) -> str:
    """A plain-text account of one extracted document: per task the sentence, the form its lead was read
    from, lead, partners and deadline; then the forward-looking sentences that gave no assignment."""
    led = sum(1 for t in doc.tasks if t.leads)
    lines = [f"{doc.file}: {len(doc.tasks)} tasks, {led} with a lead"]
    for t in doc.tasks:
        lines.extend(_task_lines(t))
    unread = unread_sentences(doc)
    if unread:
        lines.append("forward-looking sentences that gave no assignment:")
        lines.extend(f"  - {s}" for s in unread)
    return "\n".join(lines)
