"""The one SPARQL lexer of the project: what a query says once its strings, IRIs and comments are set aside.

Every reader of a query's text goes through :func:`keywords`: the dataset clause (``FROM``), the query form,
``SERVICE`` (refused), how deep its groups nest (refused past :data:`MAX_NESTING`).

>>> has_dataset_clause("SELECT * FROM <http://ex.org/g> WHERE { ?s ?p ?o }")
True
>>> has_dataset_clause('SELECT ?from WHERE { ?from ?p "FROM <x>" } # FROM <y>')
False
>>> uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"), uses_service("SELECT * { ?s <http://x/SERVICE> 'SERVICE' }")
(True, False)
>>> query_form("PREFIX ask: <http://ex.org/> # SELECT\\nconstruct { ?s ask:p ?o } WHERE { { SELECT ?s ?o {} } }")
'CONSTRUCT'
>>> nesting_depth("SELECT * { { ?s ?p ?o } FILTER((1)) }")
3
"""

from __future__ import annotations

import re
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from core.errors import QueryError

__all__ = [
    "keywords",
    "has_dataset_clause",
    "query_form",
    "uses_service",
    "nesting_depth",
    "check_query",
    "MAX_NESTING",
    "sparql_iri",
    "sparql_string",
]

# Strings, IRIs and comments of a SPARQL text (IRIs before comments, so a '#' inside an IRI is no comment).
_OPAQUE = re.compile(
    r'<[^<>"{}|^`\\\x00-\x20]*>'
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|#[^\n]*",
    re.S,
)
_FORM = re.compile(r"(?<![\w:?$-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", re.I)
# an IRI is kept as "<>" so that "FROM <…>" still reads as a dataset clause
_FROM = re.compile(r"(?<![?$\w])FROM\s+(?:NAMED\s+)?(?:<>|[A-Za-z_][\w.-]*:|:)", re.I)
# ("?o.SERVICE <…>" and "1.SERVICE" are SERVICE clauses too: only names and variables may end in it)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)
_CACHED_QUERY_LENGTH = 4096  # only short queries are remembered: a cache keyed by huge texts grows without bound
MAX_NESTING = 500


def _blank(m: re.Match[str]) -> str:
    return "<>" if m.group(0).startswith("<") else " "


def _strip(query: str) -> str:
    return _OPAQUE.sub(_blank, query)


@lru_cache(maxsize=512)
def _strip_cached(query: str) -> str:
    return _strip(query)


def keywords(query: str) -> str:
    """The query with every string and comment blanked and every IRI written ``<>``."""
    return _strip_cached(query) if len(query) <= _CACHED_QUERY_LENGTH else _strip(query)


def has_dataset_clause(sparql: str) -> bool:
    """Whether a query names its own dataset (``FROM`` / ``FROM NAMED``)."""
    return bool(_FROM.search(keywords(sparql)))


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` (None when none is found)."""
    m = _FORM.search(keywords(sparql))
    return m.group(1).upper() if m else None


def uses_service(query: str) -> bool:
    """True when the query or update has a ``SERVICE`` clause (strings, IRIs and comments ignored)."""
    return bool(_SERVICE.search(keywords(query)))


def nesting_depth(query: str) -> int:
    """How deeply groups and brackets nest (a parser recursing that deep would crash the store)."""
    depth = deepest = 0
    for c in keywords(query):
        if c in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})":
            depth -= 1
    return deepest


def check_query(query: str) -> None:
    """Refuse what must never reach the store: SERVICE (it would call outside), runaway nesting."""
    if uses_service(query):
        raise QueryError("SERVICE (federated query) is not allowed on this endpoint")
    if nesting_depth(query) > MAX_NESTING:
        raise QueryError(f"the query nests groups or brackets deeper than {MAX_NESTING} levels")


def sparql_iri(iri: str) -> str:
    """``<iri>`` safe to splice into a query (ValueError when not an IRI).

    >>> sparql_iri("http://ex.org/a")
    '<http://ex.org/a>'
    """
    return str(NamedNode(iri))


def sparql_string(text: str) -> str:
    """A string literal safe to splice into a query.

    >>> sparql_string('a "b"')
    '"a \\\\"b\\\\""'
    """
    return str(Literal(text))
