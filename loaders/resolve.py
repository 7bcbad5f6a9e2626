"""Stage 4 — resolve: mentions → cited documents (symbol + year), re-mentions → their full
mention, the forward-looking part → tasks, and the document's own metadata (kind, symbol,
date, issuer, province, meeting, signer).

>>> from loaders.read import from_text
>>> doc = build(from_text(
...     "KẾT LUẬN\\n\\nBan Thường vụ Tỉnh ủy kết luận như sau:\\n\\n"
...     "1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì quán triệt Kết luận số 21-KL/TW ngày 25/10/2021, "
...     "hoàn thành trước ngày 15/4/2024.\\n", name="x.txt"))
>>> [(t.leads[0].name, t.deadline, t.implements) for t in doc.tasks]
[('Ban Tuyên giáo Tỉnh ủy', '2024-04-15', (('21-KL/TW', 2021),))]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict

from loaders import bodies as B
from loaders import dates as D
from loaders import extract as X
from loaders import patterns as P
from loaders import people as H
from loaders import tasks as T
from loaders.model import (
    BodyRef,
    Citation,
    Document,
    Link,
    Meeting,
    Mention,
    Person,
    Signer,
    Span,
    Task,
)
from loaders.read import Source, normalise
from loaders.structure import Block, Structure, parse
from loaders.vocab import key, vocabulary

NEWS = "news_report"


def build(source: Source) -> Document:
    """Extract one document from a read ``Source``."""
    st = parse(source)
    source = _unwrapped(source, st)
    text = source.match
    body_end = st.body_end
    mentions = X.find_mentions(source, 0, body_end)
    for a, b in st.footnotes.values():
        if a >= body_end:  # notes printed after the signature block
            mentions += X.find_mentions(source, a, b)
    if st.appendix:
        mentions += X.find_mentions(source, *st.appendix)
    kind = _kind(st, source)
    own = _own_symbol(st, source, mentions, kind)
    if own is not None:
        kind = kind if kind != "other" else P.KIND_BY_TYPE_CODE.get(own.type_code, "other")
    cited = [m for m in mentions if own is None or m.symbol != own.symbol]
    citations, key_of = _group(cited)
    key_of_span: dict[Span, tuple[str, int | None]] = {m.span: key_of[id(m)] for m in cited}
    # short re-mentions ("Chỉ thị 13") resolve to the full mention in the same file
    for span, type_word, number in X.find_short_mentions(source, 0, body_end):
        if any(a <= span[0] < b for a, b in key_of_span):
            continue
        match = next((c for c in citations if c.number == number and c.type and key(c.type) == key(type_word)), None)
        if match:
            key_of_span[span] = match.key
    if kind == "other" and _meeting_words(text):
        kind = NEWS
    year = H.dominant_year(text[:body_end])
    meeting = H.find_meeting(source, 0, body_end, default_year=year)
    if meeting and meeting.date is None and source.metadata.get("date"):
        meeting = Meeting(meeting.body, meeting.number, meeting.term, source.metadata["date"], meeting.span)
    if kind == "other" and meeting is not None:
        kind = NEWS
    signer = H.signer_of(source, st.signature)
    date = _date(source, st, kind, meeting)
    central = own is not None and X.level_of(own.issuer_code, own.state) == "central"
    tasks = _tasks(source, st, kind, key_of_span, since=source.metadata.get("date") or date, central=central)
    links = _links(source, st, cited, key_of, citations, kind)
    province = _province(source, st, cited)
    issuer, issuer_kind = _issuer(source, st, kind, meeting)
    persons = H.find_persons(source, 0, body_end)
    if signer and signer.role:
        role = _signer_role(source, st, signer, province)
        persons = _merge_person(persons, Person(signer.name, (role,), (signer.span,)))
    projects = _unique(
        X.find_projects(source, [(b.start, b.end) for b in st.blocks] + list(st.footnotes.values()))
        + [p for fs in st.footnotes.values() for p in X.find_projects_in_list(source, fs)]
    )
    # a name that a longer name of the same work holds ("Đường cao tốc A - B" in "Đường cao tốc A - B kết nối …")
    projects = [p for p in projects if not any(o != p and o.lower().startswith(p.lower() + " ") for o in projects)]
    named = X.find_named_references(source, 0, body_end, [m.full_span for m in mentions])
    title = st.title or _headline(st)
    local = local_committee(source, st)
    return Document(
        file=source.name,
        sha256=source.sha256,
        content_key=source.content_key,
        method=source.method,
        kind=source.metadata.get("kind") or kind,
        symbol=own.symbol if own else None,
        date=source.metadata.get("date") if "date" in source.metadata and not date else date,
        issuer=issuer,
        issuer_kind=issuer_kind,
        province=source.metadata.get("province") or province,
        title=title,
        meeting=meeting,
        signer=signer,
        citations=tuple(citations),
        named_references=tuple(named),
        links=tuple(links),
        tasks=tuple(tasks),
        projects=tuple(projects),
        persons=tuple(persons),
        text=source.text,
        metadata=dict(source.metadata),
        locality=local[1] if local else None,
    )


# --- kind, own symbol -------------------------------------------------------------------------------
def _unwrapped(source: Source, st: Structure) -> Source:
    """The matching text with the line breaks inside each block and footnote made spaces (same length, so every offset
    holds): a citation, a body's name or "chủ trì" wrapped over two lines reads as printed on one."""
    text, parts, pos = source.match, [], 0
    for start, end in sorted([(b.start, b.end) for b in st.blocks] + list(st.footnotes.values())):
        if start >= pos:
            parts += [text[pos:start], text[start:end].replace("\n", " ")]
            pos = end
    parts.append(text[pos:])
    return dataclasses.replace(source, match="".join(parts))


def _meeting_words(text: str) -> bool:
    return bool(re.search(r"\bHội nghị\b|\bhội nghị\b|\bkỳ họp\b|\bphiên họp\b", text))


def _kind(st: Structure, source: Source) -> str:
    if st.kind:
        return st.kind
    # the headline: the first block of some length (a portal's category label "Văn bản" is not one)
    for b in [b for b in st.blocks[:3] if len(b.text.split()) >= 4][:1]:
        first = b.text.strip(" #*")
        for word in sorted(P.KIND_BY_TYPE_WORD, key=len, reverse=True):
            if key(first).startswith(word + " ") and P.KIND_BY_TYPE_WORD[word] not in ("decree", "circular", "law"):
                return P.KIND_BY_TYPE_WORD[word]
    return "other"


def _own_symbol(st: Structure, source: Source, mentions: list[Mention], kind: str) -> Mention | None:
    if st.header_symbol:
        return next((m for m in mentions if m.span == st.header_symbol), None)
    early_end = st.blocks[min(3, len(st.blocks) - 1)].end if st.blocks else 0
    for m in mentions:
        if m.span[0] > early_end:
            break
        before = source.match[max(0, m.full_span[0] - 80) : m.full_span[0]]
        # "… vừa ký ban hành Chỉ thị số 17-CT/TU": the text published here (a document issued earlier,
        # "đã ban hành …", is only cited)
        kind_ok = P.KIND_BY_TYPE_CODE.get(m.type_code) == kind or (kind == "other" and re.search(r"vừa|mới", before))
        if (
            kind_ok
            and not m.state
            and X.level_of(m.issuer_code, False) == "provincial"
            and re.search(r"(?:vừa|mới)\s+(?:ký\s+)?ban hành|ban hành\s*(?:\([^)]*\))?\s*$", before)
            and not re.search(r"đã\s+(?:ký\s+)?ban hành", before)
        ):
            return m
    return None


# --- citations ----------------------------------------------------------------------------------------
def _group(mentions: list[Mention]) -> tuple[list[Citation], dict[int, tuple[str, int | None]]]:
    by_symbol: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_symbol[m.symbol].append(m)
    key_of: dict[int, tuple[str, int | None]] = {}
    groups: dict[tuple[str, int | None], list[Mention]] = {}
    for symbol, ms in by_symbol.items():
        dated_years: list[int] = []
        term_year: dict[str, int] = {}
        for m in ms:
            if m.date:
                y = int(m.date[:4])
                if y not in dated_years:
                    dated_years.append(y)
                if m.term:
                    term_year.setdefault(m.term, y)
        symbol_year = next((int(y) for y in re.findall(r"/((?:19|20)\d\d)/", symbol)), None)
        for m in ms:
            if m.date:
                y = int(m.date[:4])
            elif symbol_year:
                y = symbol_year
            elif m.term and m.term in term_year:
                y = term_year[m.term]
            elif dated_years:
                y = dated_years[0]
            else:
                y = _reference_year(symbol, m.term)
            key_of[id(m)] = (symbol, y)
            groups.setdefault((symbol, y), []).append(m)
    citations = []
    for (symbol, year), ms in sorted(groups.items(), key=lambda kv: min(m.span[0] for m in kv[1])):
        first = ms[0]

        def pick(attr: str, ms: list[Mention] = ms) -> str | None:
            """The first mention's value of ``attr`` that is stated."""
            return next((getattr(m, attr) for m in ms if getattr(m, attr)), None)

        citations.append(
            Citation(
                symbol=symbol,
                number=first.number,
                type_code=first.type_code,
                issuer_code=first.issuer_code,
                type=pick("type_word"),
                date=pick("date"),
                year=year,
                issuer=pick("issuer"),
                term=pick("term"),
                title=pick("title"),
                level=first.level,
                mentions=tuple(m.span for m in ms),
            )
        )
    return citations, key_of


def _reference_year(symbol: str, term: str | None) -> int | None:
    """The year of a cited document from the reference data, when only one fits."""
    candidates = vocabulary().central_by_symbol(symbol)
    if term:  # a term the reference does not list is another document of the same number
        candidates = [c for c in candidates if c.term == term or c.term is None]
    return candidates[0].year if len(candidates) == 1 else None


# --- tasks ------------------------------------------------------------------------------------------------
def _heading_class(text: str, *, heading: bool = True) -> str | None:
    """forward | past | None for a heading, or for the opening words of a numbered paragraph."""
    if not heading:  # a numbered paragraph: only its opening says which period it is about
        head = text[:70]
        if P.PAST_PERIOD_RE.match(head):
            return "past"
        return "forward" if P.FORWARD_PERIOD_RE.match(head) else None
    head = text[:140]
    f = P.FORWARD_HEADING_RE.search(head)
    p = P.PAST_HEADING_RE.search(head)
    if f and (not p or f.start() < p.start()):
        return "forward"
    return "past" if p else None


def _item_class(text: str) -> str | None:
    """The class of a numbered item: a short title reads as a heading, a numbered paragraph by its opening."""
    article = re.match(r"\s*Điều\s+\d+\s*[.:]\s*", text)
    if article:  # an article of a regulation: what bodies must do, unless it states scope or entry into force
        return "past" if P.SCOPE_ARTICLE_RE.search(text[article.end() : article.end() + 80]) else "forward"
    content = P.ITEM_RE.sub("", text, count=1).strip(" *")
    heading = len(content) < 120 and not content.rstrip().endswith((".", ";"))
    return _heading_class(content, heading=heading)


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
    for b in st.blocks:
        if b.kind == "heading":
            continue
        cls = _item_class(b.text) if b.marker and b.level <= 4 else None
        if cls is None:
            for c in reversed(b.context):
                cls = _item_class(c)
                if cls:
                    break
        directive = P.DIRECTIVE_RE.search(text, b.start, b.end)
        tail = b.text.rstrip(" *")
        lead_in = tail.rstrip()[-1:] == ":" and bool(P.LEAD_IN_RE.search(tail)) and cls != "past"  # ends with ":"
        if kind != NEWS:
            lead_in_seen = lead_in_seen or lead_in
            if lead_in and not directive and not P.GIAO_RE.search(text, b.start, b.end) and b.kind == "paragraph":
                continue  # "… ban hành Kế hoạch thực hiện … như sau:" introduces the tasks, it sets none
            # a row of a task table (one naming a lead column) is a task wherever the table stands
            task_row = b.kind == "row" and any(P.LEAD_COLUMN_RE.search(h) for h in b.header)
            forward = task_row or cls == "forward" or (cls is None and (lead_in_seen or bool(directive)))
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
        directing = [i for i, s in enumerate(opening) if _opens_direction(text, s)]
        if len(directing) < 2:
            out.append((b, (start, end)))
            continue
        cuts = [start] + [parts[i][0] for i in directing if i > 0] + [end]
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
    """A unit whose ";"-clauses carry different deadlines becomes one task per clause
    (``Giao X …, hoàn thành trong tháng 5/2024; chỉ đạo …, trong quý III năm 2024``); the
    third element numbers the parts (0 = first)."""
    out: list[tuple[Block, Span, int]] = []
    for b, (start, end) in units:
        clauses, pos = [], start
        for m in re.finditer(r";\s+", text[start:end]):
            clauses.append((pos, start + m.start() + 1))
            pos = start + m.end()
        clauses.append((pos, end))
        deadlines = [D.find_deadline(text[a:z], since=since)[0] for a, z in clauses]
        if len({d for d in deadlines if d}) >= 2:
            merged: list[tuple[int, int, str | None]] = []
            for (a, z), d in zip(clauses, deadlines):  # a clause ends a part when it has a deadline
                if merged and not merged[-1][2]:
                    merged[-1] = (merged[-1][0], z, d)
                else:
                    merged.append((a, z, d))
            out.extend((b, (a, z), i) for i, (a, z, _) in enumerate(merged))
        else:
            out.append((b, (start, end), 0))
    return out


def _attach_labels(
    text: str, st: Structure, units: list[tuple[Block, Span, int]]
) -> list[tuple[Block, Span, int, list[T.Label]]]:
    """Labelled lines ("- Cơ quan chủ trì: …", "- Thời hạn: …") belong to the task above them, with no
    heading in between; they are not tasks themselves."""
    headings = [b.start for b in st.blocks if b.kind == "heading"]
    out: list[tuple[Block, Span, int, list[T.Label]]] = []
    for b, span, part in units:
        labels = T.task_labels(text, *span)
        if labels and out and not any(out[-1][1][1] <= h < span[0] for h in headings):
            out[-1][3].extend(labels)
            continue
        if labels:  # under a heading with no task of its own: the labelled line stands for the heading's task
            out.append((b, span, part, labels))
            continue
        out.append((b, span, part, []))
    return out


def _group_lead(b: Block, lead_in: tuple[Block, list[T.Assignment]] | None) -> list[T.Assignment]:
    """The assignment stated once for a group ("a) Ban Tuyên giáo Tỉnh ủy chủ trì:" then dash bullets),
    for a unit inside that group."""
    if lead_in is None:
        return []
    head, assignments = lead_in
    inside = (
        b.start > head.start and head.marker is not None and b.path[: len(head.path) + 1] == (*head.path, head.marker)
    )
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


def _tasks(
    source: Source,
    st: Structure,
    kind: str,
    key_of_span: dict[Span, tuple[str, int | None]],
    *,
    since: str | None = None,
    central: bool = False,
) -> list[Task]:
    """The tasks of the forward-looking part, with their bodies, deadlines and the documents they carry out."""
    tasks: list[Task] = []
    text = source.match
    previous_leads: tuple[BodyRef, ...] = ()
    lead_in: tuple[Block, list[T.Assignment]] | None = None
    units = _split_by_deadline(
        text, _split_by_addressee(text, _split_by_target(text, _units(source, st, kind), key_of_span)), since=since
    )
    for b, (start, end), part, labels in _attach_labels(text, st, units):
        in_implementation = any(re.search(r"tổ chức thực hiện|giao nhiệm vụ", c, re.I) for c in b.context)
        row_due = None
        if b.kind == "row":
            row, row_due = T.row_assignment(source, b.cells, b.header)
            assignments = [row] if row else []
        else:
            numbered = b.kind == "item" and b.marker not in (None, "-", "+", "•", "*")
            addressed = (
                start == b.start and b.kind == "item" and (in_implementation or (numbered and kind != NEWS))
            ) or (kind == NEWS and b.kind == "paragraph" and start > b.start)  # a sentence of a speech
            assignments = T.find_assignments(source, start, end, addressed=addressed, since=since)
        if not central:  # a provincial or local document hands no task to the centre ("đề nghị Quốc hội …")
            assignments = [
                a
                for a in (
                    T.Assignment(tuple(x for x in a.leads if x.level != "central"), a.partners, a.deadline)
                    for a in assignments
                )
                if a.leads
            ]
        labelled = T.label_assignment(text, labels)
        if labelled is not None:
            assignments = [labelled]
        if text[start:end].rstrip(" *").endswith(":"):
            if not assignments:
                continue  # a lead-in ("… một số nhiệm vụ sau:") introduces tasks, it is not one
            lead_in = (b, assignments)  # "Giao X chủ trì:" is a task, and its bullets go to X too
        form = (
            "table row"
            if b.kind == "row"
            else "labelled lines"
            if labelled is not None
            else "running text"
            if assignments
            else ""
        )
        if not assignments:
            assignments = _group_lead(b, lead_in)
            form = "group lead-in" if assignments else ""
        if not assignments:
            assignments = _duties_of(source, b, start)
            form = "duties heading" if assignments else ""
        leads: list[BodyRef] = []
        partners: list[BodyRef] = []
        task_deadline = None
        if part > 0 and not assignments and previous_leads:  # "…; chỉ đạo …" goes on with the same lead
            leads.extend(previous_leads)
        for a in assignments:
            leads.extend(a.leads)
            partners.extend(a.partners)
            task_deadline = task_deadline or a.deadline
        deadline, deadline_text, ongoing = (
            row_due if row_due and (row_due[0] or row_due[2]) else D.find_deadline(text[start:end], since=since)
        )
        if labelled is not None:
            label_due = next((D.cell_deadline(text[slice(*ln.value)]) for ln in labels if ln.field == "deadline"), None)
            if label_due:
                deadline, deadline_text, ongoing = label_due
                task_deadline = label_due[0]
        implements: list[tuple[str, int | None]] = []
        impl_spans: list[Span] = []
        for span, k in sorted(key_of_span.items()):
            if not (start <= span[0] < end):
                continue
            sentence_start = max(start, max(text.rfind(c, start, span[0]) for c in ".!?") + 1)
            if P.IMPLEMENT_VERB_RE.search(text[sentence_start : span[0]]) and k not in implements:
                implements.append(k)
                impl_spans.append(span)
        previous_leads = tuple(leads)
        # each lead keeps its own clause's deadline; with a single assignment, the task's
        single = len(assignments) <= 1
        pairs = [
            (ln, a.deadline or (task_deadline or deadline if single else None)) for a in assignments for ln in a.leads
        ]
        if not assignments:
            pairs = [(ln, task_deadline or deadline) for ln in leads]
        tasks.append(
            Task(
                position=len(tasks) + 1,
                span=(start, end),
                text=P.FOOTNOTE_LINE_RE.sub("", source.text[start:end]),
                section=b.path,
                leads=tuple(_unique_bodies(leads)),
                partners=tuple(_unique_bodies(partners)),
                deadline=task_deadline or deadline,
                deadline_text=deadline_text,
                ongoing=ongoing and not deadline,
                implements=tuple(implements),
                implements_spans=tuple(impl_spans),
                projects=tuple(X.find_projects(source, [(start, end)])),
                assignments=tuple(pairs),
                form=form,
            )
        )
    return tasks


def _unique_bodies(bodies: list[BodyRef]) -> list[BodyRef]:
    seen, out = set(), []
    for b in bodies:
        if key(b.name) not in seen:
            seen.add(key(b.name))
            out.append(b)
    return out


# --- links between documents ----------------------------------------------------------------------
def _links(
    source: Source, st: Structure, mentions: list[Mention], key_of: dict, citations: list[Citation], kind: str
) -> list[Link]:
    text = source.match
    links: list[Link] = []
    by_start = sorted(mentions, key=lambda m: m.span[0])
    after_title = max(st.title_span[1] if st.title_span else 0, st.kind_heading[1] if st.kind_heading else 0)
    preamble_end = next(
        (b.start for b in st.blocks if b.marker and b.kind in ("heading", "item") and b.start >= after_title),
        st.body_end,
    )
    block_starts = [b.start for b in st.blocks]
    carried_targets: set[int | None] = set()  # mentions another cited document carries out
    for i, m in enumerate(by_start):
        k = key_of[id(m)]
        after = text[m.full_span[1] : m.full_span[1] + 80]
        carried = P.CARRIES_OUT_RE.match(after)
        # "Kết luận số 06-KL/TW … về tiếp tục thực hiện Chỉ thị số 40-CT/TW": said in the cited one's title
        in_title = None if carried else P.TITLE_CARRIES_OUT_RE.search(text, m.span[1], m.full_span[1] + 2)
        if carried or in_title:
            target_pos = m.full_span[1] + carried.end() if carried else in_title.end()
            nxt = next((n for n in by_start[i + 1 :] if n.full_span[0] <= target_pos + 2), None)
            target = key_of[id(nxt)] if nxt and nxt.full_span[0] >= target_pos - 1 else None
            short = P.SHORT_MENTION_RE.match(text, target_pos)
            if target is None and short:  # "… thực hiện Nghị quyết 57": a re-mention by number
                target = next(
                    (
                        c.key
                        for c in citations
                        if c.number == short.group("number") and c.type and key(c.type) == key(short.group("type"))
                    ),
                    None,
                )
            if target is None:  # "… triển khai thực hiện Nghị quyết," refers back to the last one of that type
                bare = re.match(rf"({P.DOC_TYPE_ALT})(?!\s+(?:số\s*)?\d)", text[target_pos : target_pos + 40], re.I)
                if bare:  # the document's own subject of that type (named in its title) first, else the last one
                    prior = [p for p in by_start[:i] if p.type_word and key(p.type_word) == key(bare.group(1))]
                    titled = [p for p in prior if st.title_span and st.title_span[0] <= p.span[0] < st.title_span[1]]
                    target = key_of[id((titled or prior)[-1])] if prior else None
            if target and target != k:
                links.append(Link(k, "implements", target, (m.span[0], target_pos)))
                carried_targets.add(id(nxt) if nxt is not None and key_of[id(nxt)] == target else None)
                # "Kế hoạch số A và Kế hoạch số B … thực hiện Z": every document of the list
                j = i
                while j > 0 and re.fullmatch(
                    r"\s*(?:,|và|,\s*và)\s*", text[by_start[j - 1].full_span[1] : by_start[j].full_span[0]]
                ):
                    j -= 1
                    prev_key = key_of[id(by_start[j])]
                    if prev_key != target:
                        links.append(Link(prev_key, "implements", target, (by_start[j].span[0], target_pos)))
        # the document itself, in its title or preamble
        in_the_title = st.title_span is not None and st.title_span[0] <= m.span[0] < st.title_span[1]
        if m.span[0] < preamble_end and kind != NEWS and not (in_the_title and id(m) in carried_targets):
            i_block = bisect.bisect_right(block_starts, m.full_span[0]) - 1
            block_start = block_starts[i_block] if i_block >= 0 else 0
            # the sentence the citation stands in (a preamble paragraph may hold several)
            ends = [e.end() for e in P.SENTENCE_END_RE.finditer(text, block_start, m.full_span[0])]
            block_start = ends[-1] if ends else block_start
            prefix = text[block_start : m.full_span[0]]
            sentence = text[block_start : min(st.body_end, block_start + 1200)].split("\n")[0]
            based = re.match(r"\s*Căn cứ", prefix)
            # within a "Căn cứ …" sentence, the nearest keyword before the citation decides
            last_basis = max(prefix.lower().rfind("căn cứ"), 0) if based else -1
            last_carry = max(prefix.lower().rfind("thực hiện"), prefix.lower().rfind("triển khai"))
            # a clause of its own carrying something out ("Căn cứ A; thực hiện B, …"), not a cited document's
            # own relation ("Kế hoạch B … triển khai thực hiện Nghị quyết")
            carries_out = (
                bool(based) and re.search(r"[;,]\s*(?:và\s+)?(?:để\s+)?(?:thực hiện|triển khai)", sentence) is not None
            )
            opening = (
                P.PREAMBLE_CARRY_OUT_RE.match(text, block_start, m.full_span[0])
                if "căn cứ" not in prefix.lower()
                else None
            )  # "Thực hiện A; căn cứ B": B is a basis
            main_clause = P.MAIN_CLAUSE_RE.search(text, m.full_span[1], min(st.body_end, m.full_span[1] + 600))
            prev = by_start[i - 1] if i > 0 else None
            listed_after_self = (
                prev is not None
                and Link(None, "implements", key_of[id(prev)], prev.span) in links
                and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", text[prev.full_span[1] : m.full_span[0]]) is not None
            )
            clause = prefix.rsplit(";", 1)[-1].strip()  # "… tháng 9; triển khai thực hiện Kế hoạch số …"
            if not based and (
                listed_after_self
                or (P.SELF_IMPLEMENTS_RE.search(clause) and len(clause) < 120)
                or (opening and main_clause and "." not in text[m.full_span[1] : main_clause.start()])
            ):
                links.append(Link(None, "implements", k, m.span))
            elif not based and "căn cứ" in prefix.lower():
                links.append(Link(None, "based_on", k, m.span))
            elif based and last_carry > last_basis:
                links.append(Link(None, "implements", k, m.span))
            elif (
                based
                and not carries_out
                and re.search(r"ban hành|xây dựng", sentence)
                and re.search(r"Chương trình|Kế hoạch", sentence)
                and kind in ("program", "plan")
            ):
                links.append(Link(None, "implements", k, m.span))  # the programme makes these concrete
            elif based:
                links.append(Link(None, "based_on", k, m.span))
        links.extend(_amends_or_repeals(text, by_start, i, key_of, kind))
    if kind != NEWS:
        links.extend(_main_clause_links(text, st, by_start, key_of, citations, preamble_end))
    seen, out = set(), []
    for link in links:
        if (link.source, link.relation, link.target) not in seen:
            seen.add((link.source, link.relation, link.target))
            out.append(link)
    return out


def _main_clause_links(
    text: str, st: Structure, by_start: list[Mention], key_of: dict, citations: list[Citation], preamble_end: int
) -> list[Link]:
    """What the preamble's main clause says the document carries out: "…, Ban Thường vụ Thành ủy ban hành Kế
    hoạch thực hiện Kết luận 96 và Nghị quyết 07 …" — full citations and short re-mentions alike."""
    out: list[Link] = []
    start = st.title_span[1] if st.title_span else 0
    for m in P.MAIN_CLAUSE_LIST_RE.finditer(text, start, preamble_end):
        a, b = m.span("list")
        for mention in by_start:
            if a <= mention.span[0] < b:
                out.append(Link(None, "implements", key_of[id(mention)], mention.span))
        for short in P.SHORT_MENTION_RE.finditer(text, a, b):
            found = next(
                (
                    c.key
                    for c in citations
                    if c.number.lstrip("0") == short.group("number").lstrip("0")
                    and c.type
                    and key(c.type) == key(short.group("type"))
                ),
                None,
            )
            if found:
                out.append(Link(None, "implements", found, short.span()))
    return out


def _amends_or_repeals(text: str, by_start: list[Mention], i: int, key_of: dict, kind: str) -> list[Link]:
    """ "sửa đổi …"/"thay thế …" before a citation: said by the cited document just before it in the same
    sentence ("Quy định số 124-QĐ/TW … (thay thế Quy định số 132-QĐ/TW …)"), else by the document itself —
    which only a normative document can do (a report recommending a replacement replaces nothing)."""
    m = by_start[i]
    before = text[max(0, m.full_span[0] - 40) : m.full_span[0]]
    relation = "amends" if P.AMENDS_RE.search(before) else "repeals" if P.REPEALS_RE.search(before) else None
    if relation is None:
        return []
    prev = by_start[i - 1] if i > 0 else None
    if (
        prev is not None
        and 0 <= m.full_span[0] - prev.full_span[1] <= 40
        and not re.search(r"[.;\n]", text[prev.full_span[1] : m.full_span[0]])
    ):
        return [Link(key_of[id(prev)], relation, key_of[id(m)], m.span)]
    # "Nghị quyết thay thế Nghị quyết số 26-NQ/TW": the subject is the last cited document of that type
    subject = re.search(rf"(?:^|[.;]\s+)({P.DOC_TYPE_ALT})\s+(?:này\s+)?(?:đã\s+)?[^.;\d]*$", before, re.I)
    if subject and "này" not in subject.group(0):
        prior = [p for p in by_start[:i] if p.type_word and key(p.type_word) == key(subject.group(1))]
        if prior and key_of[id(prior[-1])] != key_of[id(m)]:
            return [Link(key_of[id(prior[-1])], relation, key_of[id(m)], m.span)]
    if kind in ("report", "news_report", "other", "notice", "official-letter"):
        return []
    return [Link(None, relation, key_of[id(m)], m.span)]


# --- province, date, issuer -------------------------------------------------------------------------
_MERGER_RE = re.compile(r"hợp nhất|sáp nhập|nhập vào|giáp ranh|giáp với|khu vực \d+ tỉnh", re.I)


def local_committee(source: Source, st: Structure) -> tuple[str, str, str] | None:
    """The district or commune committee (or people's committee) that a document's header names:
    (its name without the place, the place, level) — ("Đảng ủy phường", "Tuy Hòa", "commune")."""
    for b in st.blocks[:6]:
        m = P.LOCAL_HEADER_RE.match(normalise(b.text).strip(" *_#"))
        if m:
            unit, scope = m.group("unit").lower(), (m.group("scope") or "").lower()
            if unit in ("đảng ủy", "ủy ban nhân dân") and not scope:
                continue  # "ĐẢNG ỦY KHỐI …", "ỦY BAN NHÂN DÂN TỈNH …": not a district or commune
            name = {"đảng ủy": f"Đảng ủy {scope}", "ủy ban nhân dân": f"UBND {scope}"}.get(unit, unit.capitalize())
            level = "commune" if re.match(r"xã|phường|thị trấn|đặc khu", scope) else "district"
            return name, m.group("place").title(), level
    return None


def _province(source: Source, st: Structure, mentions: list[Mention]) -> str | None:
    """The province a document belongs to, as it was before the 2025 merger: the names it prints, and a
    district or commune committee's place where that place lay in a province merged into the printed one."""
    found = _printed_province(source, st, mentions)
    local = local_committee(source, st)
    if local and found:
        old = vocabulary().districts.get(key(local[1]))
        province = vocabulary().province_by_name(old) if old else None
        printed = vocabulary().province_by_name(found)
        if (
            province
            and printed
            and province.merged_into in (printed.slug, printed.name)
            and province.name != printed.name
        ):
            return province.name
    return found


def _printed_province(source: Source, st: Structure, mentions: list[Mention]) -> str | None:
    text = source.match
    v = vocabulary()
    scores: Counter[str] = Counter()
    cited = [m.full_span for m in mentions]
    for s, e, prov in v.find_provinces(text[: st.body_end]):
        word = text[s:e]
        if not (word.isupper() or all(w[0].isupper() for w in word.split() if w[0].isalpha())):
            continue
        if any(a <= s < b for a, b in cited):
            continue
        sentence = text[max(text.rfind(".", 0, s), s - 200) : text.find(".", e) if text.find(".", e) > 0 else e]
        if _MERGER_RE.search(sentence):
            continue
        weight = 3 if s < 400 else 1
        if re.search(r"(?:tỉnh|TỈNH|Tỉnh ủy|TỈNH ỦY|thành phố|Thành phố|TP\.?)\s*$", text[max(0, s - 12) : s]):
            weight += 1
        if prov.name == "Hồ Chí Minh" and weight == 1:
            continue
        name = prov.name if prov.period == "before_2025" else prov.name
        scores[name] += weight
    for s, e, province in v.find_districts(text[: st.body_end]):
        if all(w[:1].isupper() for w in text[s:e].split()):
            scores[province] += 1
    if not scores:
        return None
    best, score = scores.most_common(1)[0]
    return best if score >= 2 or len(scores) == 1 else None


def _date(source: Source, st: Structure, kind: str, meeting: Meeting | None) -> str | None:
    if st.place_date:
        m = P.DATE_RE.search(source.match, *st.place_date)
        if m and D.date_of(m):
            return D.date_of(m)
    if meeting and meeting.date and kind in ("conclusion", NEWS, "notice", "resolution"):
        return meeting.date
    return source.metadata.get("date")


def _issuer_stated(source: Source, st: Structure) -> tuple[str, str | None] | None:
    """The issuer a preamble states: "Ban Chấp hành Đảng bộ tỉnh (khóa XVIII) ban hành Chương trình …"."""
    text = source.match
    first_section = next(
        (
            b.start
            for b in st.blocks
            if b.marker and b.kind in ("heading", "item") and b.start > (st.title_span[1] if st.title_span else 0)
        ),
        st.body_end,
    )
    for m in P.ISSUER_STATED_RE.finditer(text, st.title_span[1] if st.title_span else 0, first_section):
        hit = B.body_at(text, m.start("body"))
        if hit and hit[0] >= m.end("body") - 1 and not hit[1].is_group:
            return B.display_form(normalise(hit[2]), hit[1]), hit[1].key or None
    return None


def _issuer(source: Source, st: Structure, kind: str, meeting: Meeting | None) -> tuple[str | None, str | None]:
    v = vocabulary()
    if kind == NEWS:
        return None, None
    if meeting and kind in ("conclusion", "resolution"):
        held_by = v.body_by_name(meeting.body)
        return meeting.body, held_by.key if held_by else None
    stated = _issuer_stated(source, st)
    if stated:
        return stated
    local = local_committee(source, st)
    if st.signature and st.signature.on_behalf_of:
        printed = normalise(st.signature.on_behalf_of)
        if local and re.fullmatch(r"BAN (?:THƯỜNG VỤ|CHẤP HÀNH)", printed.upper()):
            head = "Ban Thường vụ" if "THƯỜNG" in printed.upper() else "Ban Chấp hành Đảng bộ"
            committee = local[0] if head == "Ban Thường vụ" else local[0].split()[-1]
            return f"{head} {committee} {local[1]}", None
        signed = v.body_by_name(printed) or v.body_by_name(printed + " Tỉnh ủy") or v.body_by_name(printed + " tỉnh")
        if signed:
            return B.display_form(printed, signed), signed.key
    for b in st.blocks[:6]:
        m = re.search(r"\b(?:của|do)\s+", source.match[b.start : b.end])
        title_like = (
            st.title_span
            and (b.start, b.end) == st.title_span
            or re.match(
                r"\s*(?:Chương trình|Kế hoạch|Chỉ thị|Nghị quyết|Kết luận|Thông báo|CHỈ THỊ|THÔNG BÁO|KẾ HOẠCH)", b.text
            )
        )
        if m and title_like:
            hit = B.body_at(source.match, b.start + m.end())
            if hit:
                return B.display_form(normalise(hit[2]), hit[1]), hit[1].key
    for b in st.blocks[:4]:
        m = re.search(
            r"(?P<body>[A-ZĐ][^,.;]{2,60}?)\s+(?:[A-ZĐ][\w ]+\s+)?(?:vừa\s+)?(?:ký\s+)?ban hành",
            source.match[b.start : b.end],
        )
        if m:
            hit = B.body_at(source.match, b.start + m.start("body"))
            if hit:
                return B.display_form(normalise(hit[2]), hit[1]), hit[1].key
    return None, None


def _signer_role(source: Source, st: Structure, signer: Signer, province: str | None) -> str:
    """The signer's capacity with the body it belongs to: "Bí thư Tỉnh ủy", "Bí thư Huyện ủy",
    "Chủ tịch UBND tỉnh"."""
    role = signer.role or ""
    if province is None or re.search(r"ủy|UBND|Ủy ban", role):
        return role
    on_behalf = normalise(signer.on_behalf_of or "").upper()
    local = local_committee(source, st)
    scope = local[0].split()[-1] if local else "tỉnh"
    if "NHÂN DÂN" in on_behalf:
        return f"{role} UBND {scope}"
    return f"{role} {local[0]}" if local else f"{role} Tỉnh ủy"


def _headline(st: Structure) -> str | None:
    return st.blocks[0].text.strip(" #*") if st.blocks else None


def _merge_person(persons: list[Person], new: Person) -> list[Person]:
    out, merged = [], False
    for p in persons:
        if key(p.name) == key(new.name):
            roles = list(p.roles) + [r for r in new.roles if key(r) not in {key(x) for x in p.roles}]
            out.append(Person(p.name, tuple(roles), p.spans + new.spans))
            merged = True
        else:
            out.append(p)
    return out if merged else out + [new]


def _unique(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if key(n) not in seen:
            seen.add(key(n))
            out.append(n)
    return out
