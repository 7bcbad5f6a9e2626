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

import dataclasses
import re
from collections import defaultdict

from loaders import bodies as BD
from loaders import extract as X
from loaders import meetings as MT
from loaders import patterns as P
from loaders import people as H
from loaders import projects as PR
from loaders import remention as RM
from loaders.carried import purpose_links
from loaders.forward import find_tasks
from loaders.links import anaphora_key, find_links, remention_key
from loaders.metadata import (
    date_of_document,
    headline,
    issuer_of,
    local_committee,
    merge_person,
    province_of,
    signer_role,
    unique_names,
)
from loaders.model import (
    NEWS,
    BodyRef,
    Citation,
    Document,
    Meeting,
    Mention,
    Person,
    Span,
    Task,
)
from loaders.parts import reports_the_past
from loaders.read import Source
from loaders.structure import Structure, parse
from loaders.vocab import key, vocabulary


def build(source: Source) -> Document:
    """Extract one document from a read ``Source``.

    Long: it assembles a Document from the stages, in the order their results depend on one another."""
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
    citations = RM.with_aliases(source, citations, key_of_span)
    # short re-mentions ("Chỉ thị 13") resolve to the full mention in the same file
    for span, type_word, number in RM.find_short_mentions(source, 0, body_end):
        if any(a <= span[0] < b for a, b in key_of_span):
            continue
        found = remention_key(citations, type_word, number)
        if found:
            key_of_span[span] = found
    for span, type_word in RM.find_anaphoric_mentions(source, 0, body_end):
        back = anaphora_key(citations, key_of_span, span[0], type_word)
        if back:
            key_of_span[span] = back
    if kind == "other" and _meeting_words(text):
        kind = NEWS
    year = MT.dominant_year(text[:body_end])
    meeting = MT.find_meeting(source, 0, body_end, default_year=year)
    if meeting and meeting.date is None and source.metadata.get("date"):
        meeting = Meeting(meeting.body, meeting.number, meeting.term, source.metadata["date"], meeting.span)
    if kind == "other" and meeting is not None:
        kind = NEWS
    signer = H.signer_of(source, st.signature)
    date = date_of_document(source, st, kind, meeting, own)
    central = own is not None and X.level_of(own.issuer_code, own.state) == "central"
    tasks = find_tasks(source, st, kind, key_of_span, since=source.metadata.get("date") or date, central=central)
    tasks = _in_full(tasks, BD.full_names(text[:body_end]) if tasks else {})  # (a scan of every body: only if needed)
    links = find_links(source, st, cited, key_of, citations, kind)
    stated = {(ln.source, ln.relation, ln.target) for ln in links}
    required = {
        ln.target: ln for ln in purpose_links(text, st, key_of_span) if (None, ln.relation, ln.target) not in stated
    }
    province = province_of(source, st, cited)
    issuer, issuer_kind = issuer_of(source, st, kind, meeting)
    persons = H.find_persons(source, 0, body_end)
    if signer and signer.role:
        role = signer_role(source, st, signer, province)
        persons = merge_person(persons, Person(signer.name, (role,), (signer.span,)))
    past = frozenset((b.start, b.end) for b in st.blocks if reports_the_past(b))
    projects = unique_names(
        PR.find_projects(source, [(b.start, b.end) for b in st.blocks] + list(st.footnotes.values()), past=past)
        + [p for fs in st.footnotes.values() for p in PR.find_projects_in_list(source, fs)]
    )
    # a name that a longer name of the same work holds ("Đường cao tốc A - B" in "Đường cao tốc A - B kết nối …")
    projects = [p for p in projects if not any(o != p and o.lower().startswith(p.lower() + " ") for o in projects)]
    named = RM.find_named_references(source, 0, body_end, [m.full_span for m in mentions])
    title = st.title or headline(st)
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
        requirements=tuple(required.values()),
    )


def _in_full(tasks: list[Task], full: dict[str, str]) -> list[Task]:
    """The tasks with their bodies under the full names the document gives them (``bodies.full_names``)."""
    if not full:
        return tasks

    def named(b: BodyRef) -> BodyRef:
        return BD.named_in_full(b, full)

    return [
        dataclasses.replace(
            t,
            leads=tuple(map(named, t.leads)),
            partners=tuple(map(named, t.partners)),
            assignments=tuple((named(b), d) for b, d in t.assignments),
        )
        for t in tasks
    ]


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


# --- province, date, issuer -------------------------------------------------------------------------
