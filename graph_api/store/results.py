"""SPARQL results serialised with the row cap enforced before any byte is sent: by pyoxigraph where it can
(JSON, XML, TSV, within :data:`NATIVE_BUDGET` bytes), row by row in Python otherwise (and always for CSV).

>>> serialise_solutions(["s"], [[NamedNode("http://ex.org/a")], [None]], "csv")
b's\\r\\nhttp://ex.org/a\\r\\n\\r\\n'
>>> serialise_solutions(["n"], [[Literal("1", datatype=NamedNode(XSD_INTEGER))]], "tsv")
b'?n\\n"1"^^<http://www.w3.org/2001/XMLSchema#integer>\\n'
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from pyoxigraph import (  # noqa: F401 (Quad, Store: doctests)
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QuerySolutions,
    Store,
    Triple,
    parse_query_results,
)

from core.errors import QueryError
from core.formats import RESULTS_FORMATS

__all__ = ["serialise_solutions", "native_solutions", "check_rows", "too_many", "NATIVE_BUDGET"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
NATIVE_BUDGET = 64 * 1024 * 1024
"""Bytes a result may take when serialised by pyoxigraph; a larger one is redone row by row in Python."""


def _json_term(t: Any) -> dict:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(t.subject),
                "predicate": _json_term(t.predicate),
                "object": _json_term(t.object),
            },
        }
    raise TypeError(f"unexpected term {t!r}")


def _xml_term(t: Any) -> str:
    if isinstance(t, NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, Literal):
        if t.language:
            return f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(t.value)}</literal>'
        if t.datatype.value != XSD_STRING:
            return f'<literal datatype="{xml_escape(t.datatype.value)}">{xml_escape(t.value)}</literal>'
        return f"<literal>{xml_escape(t.value)}</literal>"
    if isinstance(t, Triple):
        return (
            f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}"
            f"</predicate><object>{_xml_term(t.object)}</object></triple>"
        )
    raise TypeError(f"unexpected term {t!r}")


def _csv_value(t: Any) -> str:
    if t is None:
        return ""
    if isinstance(t, BlankNode):
        value = "_:" + t.value
    elif isinstance(t, Triple):
        value = str(t)
    else:
        value = t.value
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def serialise_solutions(variables: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> bytes:
    """SPARQL results of a SELECT (``json``, ``xml``, ``csv``, ``tsv``); ``rows`` hold terms or None."""
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps(
            {"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f'<variable name="{xml_escape(v)}"/>' for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [
                f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>'
                for v, t in zip(variables, row)
                if t is not None
            ]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if fmt == "csv":
        lines = [",".join(variables)]
        lines += [",".join(_csv_value(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"unknown results format {fmt!r}")


def too_many(max_rows: int, what: str) -> QueryError:
    return QueryError(f"the result has more than {max_rows} {what}: add a LIMIT (at most {max_rows})")


class _Budget:
    """A write-only buffer that gives up (``OverflowError``) past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size, self.limit = 0, limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError("result over the serialisation budget")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def native_solutions(result: QuerySolutions, fmt: str, max_rows: int) -> bytes | None:
    """Solutions serialised by pyoxigraph (``json``, ``xml``, ``tsv``) with the row cap enforced, or None when
    they take more than :data:`NATIVE_BUDGET` bytes.

    Every row takes at least one byte, so only a body longer than ``max_rows`` bytes is parsed back to count.

    >>> store = Store()
    >>> store.add(Quad(NamedNode("http://ex.org/a"), NamedNode("http://ex.org/p"), Literal("1")))
    >>> native_solutions(store.query("SELECT ?o { ?s ?p ?o }"), "tsv", 10)
    b'?o\\n"1"\\n'
    >>> native_solutions(store.query("SELECT ?o { ?s ?p ?o } VALUES ?x { 1 2 3 }"), "json", 2)
    Traceback (most recent call last):
    core.errors.QueryError: the result has more than 2 rows: add a LIMIT (at most 2)
    """
    out = _Budget(NATIVE_BUDGET)
    try:
        result.serialize(out, format=RESULTS_FORMATS[fmt])  # type: ignore[arg-type]  # any object with write()
    except OverflowError:
        return None
    body = b"".join(out.parts)
    check_rows(body, fmt, max_rows)
    return body


_ROW_MARK = {"json": b"{", "xml": b"<result>", "tsv": b"\n"}
"""A mark every row of a serialised result has at least once (JSON: its object; TSV: its line)."""


def check_rows(body: bytes, fmt: str, max_rows: int) -> None:
    """Refuse a serialised SELECT result of more than ``max_rows`` rows: counted by a byte mark every row has (an
    upper bound, counted in C), and parsed back only when that bound is over the cap.

    >>> check_rows(b'{"head":{"vars":["o"]},"results":{"bindings":[{},{}]}}', "json", 2)
    >>> check_rows(b'?o\\n1\\n2\\n3\\n', "tsv", 2)
    Traceback (most recent call last):
    core.errors.QueryError: the result has more than 2 rows: add a LIMIT (at most 2)
    """
    if len(body) <= max_rows or body.count(_ROW_MARK[fmt]) <= max_rows:
        return
    parsed = parse_query_results(body, format=RESULTS_FORMATS[fmt])
    assert isinstance(parsed, QuerySolutions)
    if sum(1 for _ in itertools.islice(parsed, max_rows + 1)) > max_rows:
        raise too_many(max_rows, "rows")
