"""Linked data: every resource under the base dereferences at ``/id/…``; dumps; a VoID description.

- ``GET /id/{path}``: HTML for browsers (labels, links, the source sentences from the evidence
  nodes with their documents, a small SVG graph of the neighbours), Turtle / JSON-LD /
  N-Triples / RDF-XML by ``Accept`` (the resource's triples and up to 1000 incoming links);
  404 for anything that is not in the store (including paths with ``..`` or odd characters);
- ``GET /dump.nq``, ``GET /dump.trig``: every quad, prepared completely before the first byte is sent;
- ``GET /void`` and ``GET /.well-known/void``: VoID with counts.

>>> local_href("https://w3id.org/vankien/id/doc/tw/kl/2021/21", "https://w3id.org/vankien/")
'/id/doc/tw/kl/2021/21'
>>> local_href("http://data.europa.eu/eli/ontology#cites", "https://w3id.org/vankien/")
'http://data.europa.eu/eli/ontology#cites'
>>> compact("http://data.europa.eu/eli/ontology#cites")
'eli:cites'
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from fastapi.templating import Jinja2Templates
from pyoxigraph import BlankNode, Literal, NamedNode, Triple, serialize
from starlette.background import BackgroundTask

from core.errors import NotFound, Refused
from core.formats import FORMAT_PARAM, GRAPH_MEDIA, MEDIA_TYPE_OF, RDF_FORMATS, media_types
from graph_api.http.dataset_info import licence_triples
from graph_api.http.negotiation import negotiate
from graph_api.http.protocol import select
from graph_api.store.sparql_text import sparql_iri
from ontology import PREFIXES, VOID, sparql_prefixes

__all__ = ["linked_data_router", "local_href", "compact", "templates"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

_SEGMENT = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@-]+$")
_RDF_OFFER = media_types("turtle", "jsonld", "ntriples", "rdfxml")  # in the order of preference
_PAGE_OFFER = _RDF_OFFER + ("text/html", "application/xhtml+xml")
_FORMAT_PARAM = {  # ?format= → media type
    **{param: media_types(name)[0] for param, name in FORMAT_PARAM.items() if GRAPH_MEDIA.get(media_types(name)[0])},
    "html": "text/html",
}
LABELS = "skos:prefLabel|rdfs:label|foaf:name|eli:id_local|vk:roleLabel"


def local_href(iri: str, base: str) -> str:
    """The link to show for an IRI: a local path for resources under the base, the IRI otherwise."""
    return "/" + iri[len(base) :] if iri.startswith(base + "id/") else iri


def compact(iri: str) -> str:
    """``prefix:name`` for IRIs in the project's namespaces, the IRI otherwise."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def resource_iri(base: str, path: str) -> str:
    """The IRI of ``/id/{path}``; NotFound for paths that cannot name a resource (``..``, odd characters)."""
    segments = path.split("/")
    if not path or len(path) > 500 or any(s in ("", ".", "..") or not _SEGMENT.match(s) for s in segments):
        raise NotFound(f"no resource at /id/{path[:200]}")
    return f"{base}id/{path}"


def _term_view(term: dict, base: str, label: str | None = None) -> dict:
    if term["type"] == "uri":
        return {
            "kind": "iri",
            "href": local_href(term["value"], base),
            "text": label or compact(term["value"]),
            "iri": term["value"],
        }
    if term["type"] == "bnode":
        return {"kind": "bnode", "text": "_:" + term["value"]}
    return {
        "kind": "literal",
        "text": term["value"],
        "lang": term.get("xml:lang"),
        "datatype": compact(term["datatype"]) if term.get("datatype") else None,
    }


def _short(iri: str) -> str:
    """A short name for an unlabelled IRI: its last two path segments (``task/3``, ``doctype/plan``)."""
    return "/".join(compact(iri).rstrip("/").rsplit("/", 2)[-2:])


def graph_svg(center: str, neighbours: list[tuple[str, str, str, bool]], *, size: int = 520) -> dict:
    """Positions for a small radial graph: ``neighbours`` are (href, label, predicate, outgoing)."""
    c = size / 2
    r = size / 2 - 70
    nodes = []
    n = max(len(neighbours), 1)
    for i, (href, label, pred, outgoing) in enumerate(neighbours):
        angle = 2 * math.pi * i / n - math.pi / 2
        x, y = c + r * math.cos(angle), c + r * math.sin(angle)
        nodes.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "href": href,
                "label": label[:32],
                "pred": compact(pred).split(":")[-1][:20],
                "outgoing": outgoing,
                "mx": round((c + x) / 2, 1),
                "my": round((c + y) / 2, 1),
            }
        )
    return {"size": size, "cx": c, "cy": c, "center": center[:40], "nodes": nodes}


async def _rdf_response(request: Request, iri: str, fmt: str) -> Response:
    settings = request.app.state.settings
    node = sparql_iri(iri)
    query = (
        f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} WHERE {{ {{ {node} ?p ?o }} UNION "
        f"{{ SELECT ?s ?q WHERE {{ ?s ?q {node} }} LIMIT 1000 }} }}"
    )
    _, body = await request.app.state.runner.call(
        "query",
        timeout=settings.query_timeout,
        query=query,
        results_format=None,
        graph_format=fmt,
        union=True,
        max_rows=settings.max_rows,
    )
    return Response(body, media_type=MEDIA_TYPE_OF[fmt], headers={"Vary": "Accept"})


async def _exists(request: Request, iri: str) -> bool:
    node = sparql_iri(iri)
    rows = await select(request, f"SELECT ?x WHERE {{ {{ {node} ?p ?x }} UNION {{ ?x ?p {node} }} }} LIMIT 1")
    return bool(rows)


def _neighbours(out_rows: list[dict], in_rows: list[dict], base: str) -> list[tuple[str, str, str, bool]]:
    """(link, label, predicate, outgoing) of each resource linked to or from this one, once each."""
    neighbours: list[tuple[str, str, str, bool]] = []
    seen: set[str] = set()
    for r in out_rows:
        if r["o"]["type"] == "uri" and r["p"]["value"] != PREFIXES["rdf"] + "type" and r["o"]["value"] not in seen:
            seen.add(r["o"]["value"])
            neighbours.append(
                (
                    local_href(r["o"]["value"], base),
                    r.get("label", {}).get("value") or _short(r["o"]["value"]),
                    r["p"]["value"],
                    True,
                )
            )
    for r in in_rows:
        if r["s"]["type"] == "uri" and r["s"]["value"] not in seen:
            seen.add(r["s"]["value"])
            neighbours.append(
                (
                    local_href(r["s"]["value"], base),
                    r.get("label", {}).get("value") or _short(r["s"]["value"]),
                    r["p"]["value"],
                    False,
                )
            )
    return neighbours


async def _html_rows(request: Request, node: str) -> tuple[list[dict], list[dict], list[dict]]:
    """What the page of a resource shows: its properties, the resources pointing to it, and the evidence."""
    pre = sparql_prefixes()
    out_rows = await select(
        request,
        pre
        + f"""
        SELECT ?p ?o (SAMPLE(?l) AS ?label) WHERE {{ {node} ?p ?o OPTIONAL {{ ?o {LABELS} ?l }} }}
        GROUP BY ?p ?o ORDER BY ?p LIMIT 1000""",
    )
    in_rows = await select(
        request,
        pre
        + f"""
        SELECT ?s ?p (SAMPLE(?l) AS ?label) WHERE {{ ?s ?p {node} FILTER(?p NOT IN (rdf:subject, rdf:object))
        OPTIONAL {{ ?s {LABELS} ?l }} }} GROUP BY ?s ?p ORDER BY ?p ?s LIMIT 300""",
    )
    evidence_rows = await select(
        request,
        pre
        + f"""
        SELECT ?ev ?quote ?pred ?doc (SAMPLE(?dl) AS ?doclabel) WHERE {{
          {{ ?ev rdf:subject {node} }} UNION {{ ?ev rdf:object {node} }}
          ?ev vk:quote ?quote OPTIONAL {{ ?ev rdf:predicate ?pred }}
          OPTIONAL {{ {{ ?ev prov:wasDerivedFrom ?doc }} UNION {{ GRAPH ?eg {{ ?ev a vk:Evidence . ?doc vk:contentHash ?h }} }}
                     OPTIONAL {{ ?doc eli:id_local|eli:title ?dl }} }}  # the document: stated, or the graph's own
        }} GROUP BY ?ev ?quote ?pred ?doc LIMIT 50""",
    )
    return out_rows, in_rows, evidence_rows


async def _html_response(request: Request, iri: str) -> Response:
    base = request.app.state.settings.base
    node = sparql_iri(iri)
    out_rows, in_rows, evidence_rows = await _html_rows(request, node)
    if not out_rows and not in_rows:
        raise NotFound(f"no resource {iri}")
    label_preds = {PREFIXES[p.split(":")[0]] + p.split(":")[1] for p in LABELS.split("|")}
    label_preds.add("http://data.europa.eu/eli/ontology#title")
    labels = [r["o"]["value"] for r in out_rows if r["p"]["value"] in label_preds and r["o"]["type"] == "literal"]
    types = [
        _term_view(r["o"], base, r.get("label", {}).get("value"))
        for r in out_rows
        if r["p"]["value"] == PREFIXES["rdf"] + "type"
    ]
    props = [
        {"p": _term_view(r["p"], base), "o": _term_view(r["o"], base, r.get("label", {}).get("value"))}
        for r in out_rows
    ]
    incoming = [
        {"s": _term_view(r["s"], base, r.get("label", {}).get("value")), "p": _term_view(r["p"], base)} for r in in_rows
    ]
    evidence = [
        {
            "quote": r["quote"]["value"],
            "pred": compact(r["pred"]["value"]) if "pred" in r else None,
            "doc": _term_view(r["doc"], base, r.get("doclabel", {}).get("value")) if "doc" in r else None,
            "ev": _term_view(r["ev"], base),
        }
        for r in evidence_rows
    ]
    neighbours = _neighbours(out_rows, in_rows, base)
    title = labels[0] if labels else iri.rsplit("/", 1)[-1]
    return templates.TemplateResponse(
        request,
        "resource.html",
        {
            "title": title,
            "labels": labels,
            "iri": iri,
            "types": types,
            "props": props,
            "incoming": incoming,
            "evidence": evidence,
            "graph": graph_svg(title, neighbours[:24]),
            "settings": request.app.state.settings,
        },
        headers={"Vary": "Accept"},
    )


async def _dump(request: Request, fmt: str) -> Response:
    settings = request.app.state.settings
    fd, path = tempfile.mkstemp(prefix="vankien-dump-", suffix="." + fmt)
    os.close(fd)
    try:
        await request.app.state.runner.call("dump", timeout=settings.dump_timeout, path=path, format=fmt)
    except BaseException:  # whatever stopped the dump (a timeout, a cancelled request): no file left behind
        os.unlink(path)
        raise
    filename = "vankien." + {"nquads": "nq", "trig": "trig"}[fmt]
    return FileResponse(
        path, media_type=MEDIA_TYPE_OF[fmt], filename=filename, background=BackgroundTask(os.unlink, path)
    )


async def void_triples(request: Request) -> list[Triple]:
    """The VoID description of the dataset with its current counts."""
    pre = sparql_prefixes()
    totals = (
        await select(
            request,
            """SELECT * WHERE {
        { SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
                 (COUNT(DISTINCT ?o) AS ?objects) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } } }
        { SELECT (COUNT(DISTINCT ?e) AS ?entities) WHERE { ?e a ?c } } }""",
            timeout=120,
        )
    )[0]
    classes = await select(
        request,
        pre + "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 200",
        timeout=120,
    )
    root = str(request.base_url).rstrip("/")
    settings = request.app.state.settings
    ds = NamedNode(root + "/void#dataset")
    v = lambda term: NamedNode(VOID[term])  # noqa: E731
    integer = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    count = lambda name: Literal(totals[name]["value"], datatype=integer)  # noqa: E731
    triples = [
        Triple(ds, NamedNode(PREFIXES["rdf"] + "type"), v("Dataset")),
        Triple(ds, NamedNode(PREFIXES["dcterms"] + "title"), Literal(f"{settings.title} knowledge graph")),
        Triple(ds, v("sparqlEndpoint"), NamedNode(root + "/sparql")),
        Triple(ds, v("dataDump"), NamedNode(root + "/dump.nq")),
        Triple(ds, v("dataDump"), NamedNode(root + "/dump.trig")),
        Triple(ds, v("uriSpace"), Literal(settings.base + "id/")),
        Triple(ds, v("vocabulary"), NamedNode(PREFIXES["vk"])),
        Triple(ds, v("triples"), count("triples")),
        Triple(ds, v("distinctSubjects"), count("subjects")),
        Triple(ds, v("distinctObjects"), count("objects")),
        Triple(ds, v("properties"), count("properties")),
        Triple(ds, v("entities"), count("entities")),
        Triple(ds, NamedNode("https://w3id.org/vankien/ontology#namedGraphs"), count("graphs")),
    ]
    triples += licence_triples(ds, root)
    for row in classes:
        part = BlankNode()
        triples += [
            Triple(ds, v("classPartition"), part),
            Triple(part, v("class"), NamedNode(row["c"]["value"])),
            Triple(part, v("entities"), Literal(row["n"]["value"], datatype=integer)),
        ]
    return triples


def linked_data_router() -> APIRouter:
    """Routes: ``/id/{path}``, ``/dump.nq``, ``/dump.trig``, ``/void``, ``/.well-known/void``."""
    router = APIRouter(tags=["linked data"])

    @router.get(
        "/id/{path:path}",
        summary="Dereference a resource (HTML, Turtle, JSON-LD, N-Triples by Accept)",
        responses={
            200: {"content": {m: {} for m in _PAGE_OFFER}},
            404: {"description": "unknown"},
            406: {"description": "not acceptable"},
        },
    )
    async def resource(request: Request, path: str) -> Response:
        iri = resource_iri(request.app.state.settings.base, path)
        forced = request.query_params.get("format")
        media = (
            _FORMAT_PARAM.get(forced.lower(), "") if forced else negotiate(request.headers.get("accept"), _PAGE_OFFER)
        )
        if not media:
            raise Refused(406, "resources are available as " + ", ".join(_PAGE_OFFER))
        if media in ("text/html", "application/xhtml+xml"):
            return await _html_response(request, iri)
        if not await _exists(request, iri):
            raise NotFound(f"no resource {iri}")
        return await _rdf_response(request, iri, GRAPH_MEDIA[media])

    @router.get("/dump.nq", summary="Every quad as N-Quads", response_class=FileResponse)
    async def dump_nq(request: Request) -> Response:
        return await _dump(request, "nquads")

    @router.get("/dump.trig", summary="Every quad as TriG", response_class=FileResponse)
    async def dump_trig(request: Request) -> Response:
        return await _dump(request, "trig")

    async def void(request: Request) -> Response:
        media = negotiate(request.headers.get("accept"), _RDF_OFFER)
        if media is None:
            raise Refused(406, "VoID is available as " + ", ".join(_RDF_OFFER))
        fmt = GRAPH_MEDIA[media]
        body = serialize(
            await void_triples(request),
            format=RDF_FORMATS[fmt],
            prefixes={"void": str(VOID), **PREFIXES} if fmt == "turtle" else None,
        )
        return Response(body, media_type=MEDIA_TYPE_OF[fmt], headers={"Vary": "Accept"})

    router.add_api_route(
        "/void",
        void,
        methods=["GET"],
        summary="VoID description with counts",
        responses={200: {"content": {m: {} for m in _RDF_OFFER}}},
    )
    router.add_api_route("/.well-known/void", void, methods=["GET"], include_in_schema=False)
    return router
