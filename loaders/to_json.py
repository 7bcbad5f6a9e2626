"""The JSON form of an extracted document: the fields of the gold schema, plus spans."""

from __future__ import annotations

import re

from loaders.model import Document

# The kinds of shared/gold/SCHEMA.md; finer kinds of the ontology map onto them ("kind_detail" keeps the finer one).
SCHEMA_KINDS = {"conclusion", "resolution", "plan", "program", "directive", "regulation", "notice", "news_report"}
_SCHEMA_KIND_OF = {"decision": "regulation", "rules": "regulation"}  # "QĐ": Quyết định / Quy định; a Quy chế


def schema_kind(kind: str, title: str | None = None) -> str:
    """The gold schema's kind of a document kind: a ``decision`` issuing rules (its title "ban hành Quy định / Quy
    chế …") is a ``regulation``, any other decision (approving a scheme, appointing) ``other``; a report or guidance
    ``other``.

    >>> schema_kind("plan"), schema_kind("decision", "ban hành Quy chế làm việc"), schema_kind("report")
    ('plan', 'regulation', 'other')
    >>> schema_kind("decision", "Phê duyệt Đề án phát triển y tế cơ sở")
    'other'
    """
    if kind == "decision" and title and not re.match(r"\s*(?:về việc\s+)?ban hành\s+(?:Quy định|Quy chế)", title, re.I):
        return "other"
    kind = _SCHEMA_KIND_OF.get(kind, kind)
    return kind if kind in SCHEMA_KINDS else "other"


def document_json(doc: Document) -> dict:
    """A JSON-ready dict of one document (field names as in ``shared/gold/SCHEMA.md``).

    Long: a flat listing of the schema's fields, one expression each."""
    symbol_of = {c.key: c.symbol for c in doc.citations}

    def sym(k):
        return doc.symbol if k is None else symbol_of.get(k, k[0])

    implements: list[str] = [sym(ln.target) for ln in doc.links if ln.source is None and ln.relation == "implements"]
    for k in [ln.target for ln in doc.requirements] + [k for t in doc.tasks for k in t.implements]:
        if sym(k) not in implements:
            implements.append(sym(k))
    assignments, seen = [], set()
    for t in doc.tasks:
        for b, deadline in t.assignments:
            pair = (b.name, deadline)
            if pair not in seen:
                seen.add(pair)
                assignments.append({"body": b.name, "deadline": deadline})
    return {
        "file": doc.file,
        "kind": schema_kind(doc.kind, doc.title),
        "kind_detail": doc.kind,
        "symbol": doc.symbol,
        "date": doc.date,
        "issuer": doc.issuer,
        "province": doc.province,
        "title": doc.title,
        "meeting": None
        if doc.meeting is None
        else {
            "body": doc.meeting.body,
            "number": doc.meeting.number,
            "term": doc.meeting.term,
            "date": doc.meeting.date,
        },
        "signer": None if doc.signer is None else {"name": doc.signer.name, "role": doc.signer.role},
        "citations": [
            {
                "symbol": c.symbol,
                "type": c.type,
                "date": c.date,
                "year": c.year,
                "issuer": c.issuer,
                "level": c.level,
                "term": c.term,
                "title": c.title,
                "spans": [list(s) for s in c.mentions],
            }
            for c in doc.citations
        ],
        "named_references": list(doc.named_references),
        "document_links": [
            {"from": sym(ln.source), "relation": ln.relation, "to": sym(ln.target)}
            for ln in doc.links
            if ln.relation in ("implements", "amends", "repeals", "reviews")
        ],
        "based_on": [sym(ln.target) for ln in doc.links if ln.relation == "based_on"],
        "implements": implements,
        "assignments": assignments,
        "projects": list(doc.projects),
        "persons": [{"name": p.name, "roles": list(p.roles)} for p in doc.persons],
        "tasks": [
            {
                "position": t.position,
                "section": ".".join(t.section) or None,
                "text": t.text,
                "span": list(t.span),
                "lead": [b.name for b in t.leads],
                "partners": [b.name for b in t.partners],
                "deadline": t.deadline,
                "deadline_text": t.deadline_text,
                "ongoing": t.ongoing,
                "implements": [sym(k) for k in t.implements],
                "projects": list(t.projects),
            }
            for t in doc.tasks
        ],
    }
