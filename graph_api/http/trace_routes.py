"""REST endpoints of the trace (``/api/trace``, ``/api/serves``, ``/api/coverage``), thin over
``graph_api.trace``; domain errors become their HTTP statuses (404 not found, 409 ambiguous)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from graph_api import trace as T
from graph_api.deadlines import match_province, parse_day
from visualise.router import get_store

router = APIRouter(prefix="/api", tags=["trace"])
PAGE = 500  # tasks in a page of /api/trace unless asked otherwise
MAX_PAGE = 10_000


@router.get(
    "/trace/{symbol:path}",
    summary="Tasks that implement a document, directly or through provincial plans",
    description="One page of the trace: `tasks` in trace order; `documents`, those the page's tasks belong to or "
    "come through, with their chains (the last page adds the documents no task comes through); `total`, "
    "`documents_total`, `provinces_total` count the whole trace; `next` is the `after` of the next page (null on "
    "the last).",
)
def trace(
    symbol: str,
    year: int | None = Query(None, ge=1900, le=2100),
    province: str | None = None,
    as_of: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
    limit: int = Query(PAGE, ge=0, le=MAX_PAGE, description="Tasks in this page (`total` counts them all)"),
    offset: int = Query(0, ge=0, description="Tasks skipped before this page"),
    after: str | None = Query(
        None, max_length=2000, description="Start after this task (its IRI: the last task of the previous page)"
    ),
    store=Depends(get_store),
) -> dict:
    parse_day(as_of, "as_of")  # a day that does not exist (2024-13-01) is a 400, not a 500
    if province:  # its name as the store has it, else a 404 with "did you mean"
        province = match_province(store, province)
    return T.trace(store, symbol, year=year, province=province, as_of=as_of, limit=limit, offset=offset, after=after)


@router.get("/serves/{ref:path}", summary="Documents a provincial document or a task serves, up to central ones")
def serves(
    ref: str, year: int | None = Query(None, ge=1900, le=2100), province: str | None = None, store=Depends(get_store)
) -> dict:
    return T.serves(store, ref, year=year, province=province)


@router.get("/coverage/{symbol:path}", summary="Provinces with and without tasks implementing a document")
def coverage(
    symbol: str,
    year: int | None = Query(None, ge=1900, le=2100),
    as_of: str | None = Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$"),
    store=Depends(get_store),
) -> dict:
    parse_day(as_of, "as_of")
    return T.coverage(store, symbol, year=year, as_of=as_of)
