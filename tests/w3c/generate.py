"""Write the W3C SPARQL 1.1 Protocol and Graph Store Protocol test manifests (vendored beside this file, from
https://github.com/w3c/rdf-tests at the commit named in ``README.md``) out as Python tables of cases:
``protocol_cases.py`` and ``graph_store_cases.py``.

    python tests/w3c/generate.py        # rewrite both tables
    python tests/w3c/generate.py --check  # exit 1 when a table differs from the manifests

Each case keeps the manifest's test IRI and ``mf:name`` and, above it, a comment citing the manifest entry;
each request keeps its method, path, headers, body and the response the manifest expects.
``tests/test_w3c_tables.py`` checks that the tables still say what the manifests say.
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Store

HERE = Path(__file__).resolve().parent
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
HT = "http://www.w3.org/2011/http#"
HTS = "http://www.w3.org/2011/http-statusCodes#"
CNT = "http://www.w3.org/2011/content#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

#: hts: status terms → a status ("201") or a class of them ("2xx")
STATUS = {
    "StatusCode2xx": "2xx",
    "StatusCode3xx": "3xx",
    "StatusCode4xx": "4xx",
    "StatusCode5xx": "5xx",
    "OK": "200",
    "Created": "201",
    "NoContent": "204",
    "NotFound": "404",
    "BadRequest": "400",
}

SUITES = {
    "protocol": ("protocol_cases.py", ["protocol/manifest.ttl"]),
    "graph_store": (
        "graph_store_cases.py",
        ["graph-store-protocol/manifest-indirect.ttl", "graph-store-protocol/manifest-direct.ttl"],
    ),
}


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


class Manifest:
    def __init__(self, relative: str) -> None:
        self.relative = relative
        self.path = HERE / relative
        self.base = self.path.as_uri()
        self.store = Store()
        self.store.load(self.path.read_bytes(), format=RdfFormat.TURTLE, base_iri=self.base)

    def one(self, s, p: str):
        values = self.all(s, p)
        return values[0] if values else None

    def all(self, s, p: str) -> list:
        return [q.object for q in self.store.quads_for_pattern(s, _n(p), None, None)]

    def items(self, head) -> list:
        out = []
        while head is not None and head != _n(RDF + "nil"):
            out.append(self.one(head, RDF + "first"))
            head = self.one(head, RDF + "rest")
        return out

    def text(self, s, p: str) -> str | None:
        v = self.one(s, p)
        return v.value if isinstance(v, (Literal, NamedNode)) else None

    def headers(self, s) -> list[list[str]]:
        return [
            [self.text(h, HT + "fieldName"), self.text(h, HT + "fieldValue")]
            for h in self.items(self.one(s, HT + "headers"))
        ]

    def body(self, s) -> dict | None:
        b = self.one(s, HT + "body")
        if b is None:
            return None
        return {"chars": self.text(b, CNT + "chars"), "encoding": self.text(b, CNT + "characterEncoding") or "UTF-8"}

    def statuses(self, resp) -> list[str]:
        return sorted(STATUS[term.value.removeprefix(HTS)] for term in self.all(resp, MF + "expectedStatus"))

    def cases(self) -> list[dict]:
        root = _n(self.base)
        out = []
        for entry in self.items(self.one(root, MF + "entries")):
            fragment = entry.value.rpartition("#")[2]
            action = self.one(entry, MF + "action")
            requests = []
            for req in self.items(self.one(action, HT + "requests")):
                resp = self.one(req, HT + "resp")
                boolean = self.one(resp, MF + "expectedBoolean")
                requests.append(
                    {
                        "method": self.text(req, HT + "methodName"),
                        "path": self.text(req, HT + "absolutePath"),
                        "headers": self.headers(req),
                        "body": self.body(req),
                        "expect": {
                            "status": self.statuses(resp),
                            "boolean": None if boolean is None else boolean.value == "true",
                            "format": self.text(resp, MF + "expectedFormat"),
                            "headers": self.headers(resp),
                            "body": self.body(resp),
                            "location": self.text(resp, MF + "expectedLocation"),
                        },
                    }
                )
            graph_data = []
            for gd in self.all(entry, UT + "graphData"):
                graph_data.append([self.one(gd, UT + "graph").value.rpartition("/")[2], self.text(gd, RDFS + "label")])
            out.append(
                {
                    "id": fragment,
                    "name": self.text(entry, MF + "name"),
                    "manifest": self.relative,
                    "requires": sorted(r.value.rpartition("#")[2] for r in self.all(entry, MF + "requires")),
                    "graph_data": sorted(graph_data),
                    "requests": requests,
                }
            )
        return out


HEADER = '''"""The W3C {title} tests as a table, written by ``tests/w3c/generate.py`` from the vendored manifests
(W3C rdf-tests, licence in ``tests/w3c/LICENSE``). Do not edit by hand: change the generator and rerun it."""
# flake8: noqa
# fmt: off

CASES = [
'''


def render(suite: str) -> str:
    filename, manifests = SUITES[suite]
    title = "SPARQL 1.1 Protocol" if suite == "protocol" else "SPARQL 1.1 Graph Store HTTP Protocol"
    parts = [HEADER.format(title=title)]
    for relative in manifests:
        for case in Manifest(relative).cases():
            parts.append(f"    # {relative}#{case['id']} — {case['name']}\n")
            parts.append("    " + pprint.pformat(case, width=116, sort_dicts=False).replace("\n", "\n    ") + ",\n")
    parts.append("]\n")
    return "".join(parts)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for suite, (filename, _) in SUITES.items():
        text = render(suite)
        target = HERE / filename
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(filename)
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("stale:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
