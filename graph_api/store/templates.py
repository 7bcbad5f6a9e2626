"""Saved query templates answered in the HTTP worker: the shipped ``queries/*.rq`` whose one parameter (the term
of their ``VALUES`` line) anchors every pattern, so that their cost is bounded by the answer they give.

A request is a template when its tokens (:func:`graph_api.store.bounded.tokens`: comments and spacing do not
count) equal a template's, except the parameter, which may be any absolute IRI (or, for a template whose
parameter is a string, any plain string). Anything else — the parameter turned into a variable, one more pattern,
another ``PREFIX`` — is not a template and goes through the general rule (:mod:`graph_api.store.bounded`) to
the killable store owner. Only the templates in :data:`ANCHORED` qualify, each read here for the shape that
bounds it:

- ``trace.rq``: ``?via eli:implements* <target>`` walked back from the target, then the tasks that name or
  are part of each ``?via``; every row is such a task;
- ``plans_carrying_out.rq``: the documents carrying out the target, directly or through another;
- ``serves.rq``: from the document with a given symbol forward along ``eli:implements``.

A template is also refused for an anchor that more than :data:`ANCHOR_CAP` quads point at.

A template of :data:`HASH_JOINED` is run from a *plan text* of the same query (:meth:`Template.plan_text`): the
engine (pyoxigraph 0.5, read with ``oxigraph query --explain``) evaluates ``trace.rq``'s ``OPTIONAL``s over a
property path as a hash join whose right side is built from the whole store — every province and lead body of
every document, about three quarters of its half second on 2.8 M quads. The plan text wraps each of them as
``LATERAL { BIND(0 AS ?_planN) OPTIONAL { … } }``: the same hash left join (it answers a row's matches in the reverse
of their order, as the full one does), but built per row from that row's lookups. The rows before ``ORDER BY``
come in the same order, so its unstable sort and ``DISTINCT`` give the same answer, byte for byte; a plain
``LATERAL { OPTIONAL { … } }`` would not (a for-loop join answers matches in index order: a task led by two bodies
comes out the other way round).

>>> t = Template.read("x.rq", "SELECT ?s WHERE { VALUES ?o { <http://ex.org/a> } ?s <http://ex.org/p> ?o }")
>>> t.anchor("SELECT ?s WHERE { VALUES ?o { <http://ex.org/b> } # the other one\\n ?s <http://ex.org/p> ?o }")
<NamedNode value=http://ex.org/b>
>>> t.anchor("SELECT ?s WHERE { VALUES ?o { <http://ex.org/b> } ?s <http://ex.org/p> ?o . ?s ?p ?x }") is None
True
>>> t.anchor("SELECT ?s WHERE { VALUES ?o { <b> } ?s <http://ex.org/p> ?o }") is None  # relative: the owner
True
>>> p = Template.read("trace.rq", "SELECT * { VALUES ?d { <http://ex.org/a> } OPTIONAL { ?d <http://p>/<http://q> ?v } }")
>>> p.plan_text("SELECT * { VALUES ?d { <http://ex.org/b> } OPTIONAL { ?d <http://p>/<http://q> ?v } }")
'SELECT * { VALUES ?d { <http://ex.org/b> } LATERAL { BIND(0 AS ?_plan1) OPTIONAL { ?d <http://p>/<http://q> ?v } } }'
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store

from graph_api.store.bounded import tokens

__all__ = ["Template", "Templates", "ANCHORED", "ANCHOR_CAP", "SHIPPED", "HASH_JOINED"]

SHIPPED = Path(__file__).resolve().parents[2] / "queries"
"""The saved queries shipped with the tool."""
ANCHORED = ("trace.rq", "plans_carrying_out.rq", "serves.rq")
"""The saved queries whose parameter anchors every pattern (see the module)."""
ANCHOR_CAP = 10_000
"""Quads that may point at a template's anchor."""
HASH_JOINED = ("trace.rq",)
"""The templates whose ``OPTIONAL``s over a property path the engine joins by a hash of the whole store (see the
module); in ``plans_carrying_out.rq`` the same ``OPTIONAL`` is already a per-row (for-loop) join, left as it is."""

Token = tuple[str, str]
_OPTIONAL = re.compile(r"OPTIONAL\s*\{([^{}]*)\}")
_VALUES = re.compile(r"(VALUES\s+[?$]\w+\s*\{\s*)(<[^<>]*>|\"[^\"]*\"|'[^']*')(\s*\})")


@dataclass(frozen=True)
class Template:
    """One saved query: its tokens, and where its parameter is."""

    name: str
    tokens: tuple[Token, ...]
    slot: int
    plan: tuple[str, str] | None = None
    """The plan text (:data:`HASH_JOINED`) before and after its parameter, or None: the query is run as sent."""

    @classmethod
    def read(cls, name: str, text: str) -> Template | None:
        """The template of a saved query with exactly one ``VALUES ?x { term }`` line, else None."""
        toks = tokens(text)
        if toks is None or sum(1 for kind, value in toks if kind == "word" and value.upper() == "VALUES") != 1:
            return None
        for i in range(len(toks) - 4):
            (k0, v0), (k1, _), (_, v2), (k3, _), (_, v4) = toks[i : i + 5]
            if k0 == "word" and v0.upper() == "VALUES" and k1 == "var" and v2 == "{" and v4 == "}":
                plan = _plan(text) if name in HASH_JOINED else None
                return cls(name, tuple(toks), i + 3, plan) if k3 in ("iri", "str") else None
        return None

    def plan_text(self, query: str) -> str | None:
        """The text to run for ``query`` (this template with its parameter): the plan text with that parameter, or
        None when ``query`` is not this template or it has no plan text."""
        if self.plan is None:
            return None
        toks = tokens(query)
        if toks is None or self.anchor_of(toks) is None:
            return None
        return self.plan[0] + toks[self.slot][1] + self.plan[1]

    def anchor(self, query: str) -> NamedNode | Literal | None:
        """The parameter of ``query`` when it is this template with another parameter, else None."""
        return self.anchor_of(tokens(query))

    def anchor_of(self, toks: list[Token] | None) -> NamedNode | Literal | None:
        """:meth:`anchor` of a query's tokens."""
        slot = self.slot
        if toks is None or len(toks) != len(self.tokens) or toks[slot][0] != self.tokens[slot][0]:
            return None
        if tuple(toks[:slot]) != self.tokens[:slot] or tuple(toks[slot + 1 :]) != self.tokens[slot + 1 :]:
            return None
        kind, value = toks[slot]
        try:
            if kind == "iri":
                return NamedNode(value[1:-1]) if ":" in value else None  # relative: the owner, with its base
            if value[0] == value[-1] and len(value) >= 2 and "\\" not in value:  # a plain string, no escapes
                return Literal(value[1:-1])
        except ValueError:
            return None
        return None


def _plan(text: str) -> tuple[str, str] | None:
    """``text`` with its ``OPTIONAL``s over a property path wrapped (see the module), split around its parameter;
    None when it has none."""
    count = 0

    def wrap(m: re.Match[str]) -> str:
        nonlocal count
        if not any(kind == "punct" and value == "/" for kind, value in tokens(m[1]) or ()):
            return m[0]
        count += 1
        return f"LATERAL {{ BIND(0 AS ?_plan{count}) {m[0]} }}"

    planned = _OPTIONAL.sub(wrap, text)
    slot = _VALUES.search(planned)
    if not count or slot is None or "?_plan" in text:
        return None
    return planned[: slot.start(2)], planned[slot.end(2) :]


class Templates:
    """The templates of :data:`ANCHORED` found in ``folder``."""

    def __init__(self, folder: Path = SHIPPED, names: tuple[str, ...] = ANCHORED) -> None:
        self.items: list[Template] = []
        for name in names:
            path = folder / name
            template = Template.read(name, path.read_text(encoding="utf-8")) if path.is_file() else None
            if template is not None:
                self.items.append(template)

    def match(self, store: Store, query: str) -> str | None:
        """The name of the template ``query`` is, with an anchor no more than :data:`ANCHOR_CAP` quads point
        at in ``store``; None otherwise."""
        if "VALUES" not in query:
            return None
        toks = tokens(query)
        for template in self.items:
            anchor = template.anchor_of(toks)
            if anchor is not None:
                pointing = store.quads_for_pattern(None, None, anchor, None)
                small = sum(1 for _ in itertools.islice(pointing, ANCHOR_CAP + 1)) <= ANCHOR_CAP
                return template.name if small else None
        return None

    def plan_text(self, query: str) -> str | None:
        """The plan text to run for ``query`` (:meth:`Template.plan_text`), or None: run it as sent."""
        for template in self.items:
            text = template.plan_text(query)
            if text is not None:
                return text
        return None
