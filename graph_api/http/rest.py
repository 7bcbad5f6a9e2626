"""REST + OpenAPI over the data model: documents (list and filter), one document with its citations
and tasks (full-text search: graph_api.http.search_routes). Every value comes from SPARQL over the union graph;
user input reaches a query only as a slug, an integer or an escaped literal.
"""

from __future__ import annotations

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel

from core.errors import NotFound
from graph_api.http.linked_data import compact, resource_iri
from graph_api.http.protocol import select
from graph_api.store.sparql_text import sparql_iri, sparql_string
from ontology import sparql_prefixes
from ontology.iris import slug

__all__ = ["rest_router", "DocumentSummary", "DocumentDetail", "DocumentList"]


class DocumentSummary(BaseModel):
    iri: str
    id: str
    """The path after ``id/doc/``, as used by ``/api/documents/{id}``."""
    symbol: str | None = None
    title: str | None = None
    kind: str | None = None
    year: int | None = None
    date: str | None = None
    province: str | None = None
    issuer: str | None = None


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class Link(BaseModel):
    relation: str
    iri: str
    symbol: str | None = None
    title: str | None = None


class TaskOut(BaseModel):
    iri: str
    position: int | None = None
    text: str | None = None
    deadline: str | None = None
    deadline_text: str | None = None
    ongoing: bool | None = None
    lead: list[str] = []
    partners: list[str] = []
    implements: list[str] = []


class DocumentDetail(DocumentSummary):
    level: str | None = None
    source_file: str | None = None
    citations: list[Link]
    cited_by: list[Link]
    tasks: list[TaskOut]


CITING = "eli:cites eli:based_on eli:implements eli:amends eli:repeals"
_SUMMARY_VARS = """(SAMPLE(?sym0) AS ?symbol) (SAMPLE(?t0) AS ?title) (SAMPLE(?k0) AS ?kind) (SAMPLE(?y0) AS ?year)
  (SAMPLE(?d0) AS ?date) (SAMPLE(?pl0) AS ?province) (SAMPLE(?il0) AS ?issuer)"""
_SUMMARY_WHERE = """
  OPTIONAL { ?doc eli:id_local ?sym0 } OPTIONAL { ?doc eli:title ?t0 } OPTIONAL { ?doc vk:year ?y0 }
  OPTIONAL { ?doc eli:date_document ?d0 }
  OPTIONAL { ?doc vk:province ?pv0 OPTIONAL { ?pv0 rdfs:label ?pl1 } BIND(COALESCE(?pl1, STR(?pv0)) AS ?pl0) }
  OPTIONAL { ?doc eli:passed_by ?is0 OPTIONAL { ?is0 skos:prefLabel|rdfs:label ?il1 } BIND(COALESCE(?il1, STR(?is0)) AS ?il0) }"""


def _v(row: dict, name: str) -> str | None:
    term = row.get(name)
    return term["value"] if term else None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _summary(row: dict, base: str) -> dict:
    iri = row["doc"]["value"]
    prefix = base + "id/doc/"
    return {
        "iri": iri,
        "id": iri[len(prefix) :] if iri.startswith(prefix) else iri,
        "symbol": _v(row, "symbol"),
        "title": _v(row, "title"),
        "kind": (_v(row, "kind") or "").rsplit("/", 1)[-1] or None,
        "year": _int(_v(row, "year")),
        "date": _v(row, "date"),
        "province": _v(row, "province"),
        "issuer": _v(row, "issuer"),
    }


def _doctype_filter(base: str) -> str:
    return f"?doc dcterms:type ?k0 . FILTER(STRSTARTS(STR(?k0), {sparql_string(base + 'id/doctype/')}))"


async def documents(
    request: Request,
    province: str | None = Query(None, max_length=100, description="province name or slug, e.g. tuyen-quang"),
    kind: str | None = Query(None, max_length=50, description="document kind, e.g. plan, conclusion"),
    year: int | None = Query(None, ge=1900, le=2100),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=1_000_000),
) -> DocumentList:
    base = request.app.state.settings.base
    filters = [_doctype_filter(base)]
    if province is not None:
        s = slug(province)
        filters.append(
            f"?doc vk:province ?pf . VALUES ?pf {{ {sparql_iri(f'{base}id/province/{s}')} "
            f"{sparql_iri(f'{base}id/province/2025/{s}')} }}"
        )
    if kind is not None:
        filters.append(f"?doc dcterms:type {sparql_iri(f'{base}id/doctype/{slug(kind)}')}")
    if year is not None:
        filters.append(f"?doc vk:year ?yf . FILTER(?yf = {int(year)})")
    where = " .\n  ".join(filters)
    pre = sparql_prefixes()
    total = await select(request, pre + f"SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE {{ {where} }}")
    rows = await select(
        request,
        pre
        + f"""SELECT ?doc {_SUMMARY_VARS} WHERE {{ {where} {_SUMMARY_WHERE} }}
        GROUP BY ?doc ORDER BY DESC(?year) ?symbol ?doc LIMIT {int(limit)} OFFSET {int(offset)}""",
    )
    return DocumentList(
        total=int(total[0]["n"]["value"]) if total else 0,
        limit=limit,
        offset=offset,
        items=[DocumentSummary(**_summary(r, base)) for r in rows],
    )


async def _links(request: Request, node: str, *, outgoing: bool) -> list[dict[str, dict]]:
    """The documents ``node`` cites (``outgoing``) or that cite it, with their symbols and titles."""
    pre = sparql_prefixes()
    if outgoing:
        return await select(
            request,
            pre
            + f"""SELECT ?rel ?target (SAMPLE(?s) AS ?symbol) (SAMPLE(?t) AS ?title)
        WHERE {{ VALUES ?rel {{ {CITING} }} {node} ?rel ?target
                 OPTIONAL {{ ?target eli:id_local ?s }} OPTIONAL {{ ?target eli:title ?t }} }}
        GROUP BY ?rel ?target ORDER BY ?rel ?symbol LIMIT 2000""",
        )
    return await select(
        request,
        pre
        + f"""SELECT ?rel ?target (SAMPLE(?s) AS ?symbol) (SAMPLE(?t) AS ?title)
        WHERE {{ VALUES ?rel {{ {CITING} }} ?target ?rel {node} . ?target dcterms:type ?anyKind
                 OPTIONAL {{ ?target eli:id_local ?s }} OPTIONAL {{ ?target eli:title ?t }} }}
        GROUP BY ?rel ?target ORDER BY ?rel ?symbol LIMIT 2000""",
    )


async def _tasks(request: Request, node: str) -> list[dict[str, dict]]:
    """The tasks of the document ``node`` with their leads, partners and what they carry out."""
    return await select(
        request,
        sparql_prefixes()
        + f"""SELECT ?task (SAMPLE(?pos0) AS ?position) (SAMPLE(?txt0) AS ?text)
          (SAMPLE(?dl0) AS ?deadline) (SAMPLE(?dt0) AS ?deadlineText) (SAMPLE(?on0) AS ?ongoing)
          (GROUP_CONCAT(DISTINCT ?lead0; separator="||") AS ?leads)
          (GROUP_CONCAT(DISTINCT ?part0; separator="||") AS ?partners)
          (GROUP_CONCAT(DISTINCT STR(?imp0); separator="||") AS ?implements)
        WHERE {{ ?task a vk:Task ; eli:is_part_of {node} .
          OPTIONAL {{ ?task vk:position ?pos0 }} OPTIONAL {{ ?task vk:text ?txt0 }}
          OPTIONAL {{ ?task vk:deadline ?dl0 }} OPTIONAL {{ ?task vk:deadlineText ?dt0 }}
          OPTIONAL {{ ?task vk:ongoing ?on0 }} OPTIONAL {{ ?task eli:implements ?imp0 }}
          OPTIONAL {{ ?task vk:leadBody ?lb OPTIONAL {{ ?lb skos:prefLabel ?lbl }} BIND(COALESCE(?lbl, STR(?lb)) AS ?lead0) }}
          OPTIONAL {{ ?task vk:partnerBody ?pb OPTIONAL {{ ?pb skos:prefLabel ?pbl }} BIND(COALESCE(?pbl, STR(?pb)) AS ?part0) }}
        }} GROUP BY ?task ORDER BY ?position ?task LIMIT 5000""",
    )


def _link(r: dict) -> Link:
    return Link(
        relation=compact(r["rel"]["value"]),
        iri=r["target"]["value"],
        symbol=_v(r, "symbol"),
        title=_v(r, "title"),
    )


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("||") if v]


def _task_out(t: dict) -> TaskOut:
    return TaskOut(
        iri=t["task"]["value"],
        position=_int(_v(t, "position")),
        text=_v(t, "text"),
        deadline=_v(t, "deadline"),
        deadline_text=_v(t, "deadlineText"),
        ongoing=None if _v(t, "ongoing") is None else _v(t, "ongoing") in ("true", "1"),
        lead=_split(_v(t, "leads")),
        partners=_split(_v(t, "partners")),
        implements=_split(_v(t, "implements")),
    )


async def document(
    request: Request, doc_id: str = Path(..., description="the path after id/doc/, e.g. tw/kl/2021/21")
) -> DocumentDetail:
    base = request.app.state.settings.base
    iri = resource_iri(base, "doc/" + doc_id)
    node = sparql_iri(iri)
    pre = sparql_prefixes()
    head = await select(
        request,
        pre
        + f"""SELECT ?doc {_SUMMARY_VARS} (SAMPLE(?lv) AS ?level) (SAMPLE(?sf) AS ?source)
        WHERE {{ BIND({node} AS ?doc) {_doctype_filter(base)} {_SUMMARY_WHERE}
                 OPTIONAL {{ ?doc vk:level ?lv }} OPTIONAL {{ ?doc vk:sourceFile ?sf }} }} GROUP BY ?doc""",
    )
    if not head:
        raise NotFound(f"no document {iri}")
    cites = await _links(request, node, outgoing=True)
    cited = await _links(request, node, outgoing=False)
    tasks = await _tasks(request, node)
    row = head[0]
    return DocumentDetail(
        **_summary(row, base),
        level=(_v(row, "level") or "").rsplit("/", 1)[-1] or None,
        source_file=_v(row, "source"),
        citations=[_link(r) for r in cites],
        cited_by=[_link(r) for r in cited],
        tasks=[_task_out(t) for t in tasks],
    )


def rest_router() -> APIRouter:
    """Routes under ``/api``."""
    router = APIRouter(prefix="/api", tags=["documents"])
    router.add_api_route(
        "/documents",
        documents,
        methods=["GET"],
        response_model=DocumentList,
        summary="List documents, filtered by province, kind, year",
    )
    router.add_api_route(
        "/documents/{doc_id:path}",
        document,
        methods=["GET"],
        response_model=DocumentDetail,
        summary="One document with its citations and tasks",
        responses={404: {"description": "no such document"}},
    )
    return router
