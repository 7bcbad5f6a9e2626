"""Deadlines in the service: ``/api/deadlines`` (JSON), its downloads ``/api/deadlines.xlsx``, ``.ics`` and ``.csv``,
and the dashboard page ``/deadlines`` — thin over :mod:`graph_api.deadlines` and :mod:`graph_api.exports`."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from core.errors import InputError, NotFound
from graph_api.deadlines import deadlines, parse_day
from graph_api.exports import ICS_TYPE, XLSX_TYPE, tasks_csv, tasks_ics, tasks_xlsx
from graph_api.http.ui import base_of, language, local_link, reading_link, render
from visualise.router import get_store

__all__ = ["deadline_router"]

DAY = r"^\d{4}-\d{2}-\d{2}$"
DATE: dict[str, Any] = {"format": "date"}
_DOWNLOADS = {"xlsx": (XLSX_TYPE, tasks_xlsx), "ics": (ICS_TYPE, tasks_ics), "csv": ("text/csv; charset=utf-8", None)}


class Filters:
    """The query parameters of a deadline listing on the page (dependency): text as the form sends it, an empty
    field meaning no filter; a day that does not exist is reported on the page."""

    def __init__(
        self,
        start: str | None = Query(None, alias="from", max_length=10),
        end: str | None = Query(None, alias="to", max_length=10),
        as_of: str | None = Query(None, max_length=10),
        directive: str | None = Query(None, max_length=100),
        year: int | None = Query(None, ge=1900, le=2100),
        province: str | None = Query(None, max_length=100),
        state: Literal["", "overdue", "open"] | None = Query(None),
    ) -> None:
        self.start, self.end, self.as_of, self.directive = start, end, as_of, directive
        self.year, self.province, self.state = year, province, state
        self.raw: dict[str, Any] = {
            "from": start,
            "to": end,
            "as_of": as_of,
            "directive": directive,
            "year": year,
            "province": province,
            "state": state,
        }

    def run(self, store: Any) -> dict[str, Any]:
        return deadlines(
            store,
            start=parse_day(self.start, "from"),
            end=parse_day(self.end, "to"),
            as_of=parse_day(self.as_of, "as_of") or dt.date.today(),
            directive=self.directive or None,
            year=self.year,
            province=self.province or None,
            state=self.state or None,
        )

    def query_string(self) -> str:
        return "&".join(f"{k}={v}" for k, v in self.raw.items() if v not in (None, ""))


class ApiFilters(Filters):
    """The query parameters of a deadline listing in the API (dependency), as the schema states them: a day is
    ``YYYY-MM-DD`` (format ``date``; one that does not exist, 2024-13-01, is a 400 problem)."""

    def __init__(
        self,
        start: str | None = Query(None, alias="from", pattern=DAY, json_schema_extra=DATE, description="first due day"),
        end: str | None = Query(None, alias="to", pattern=DAY, json_schema_extra=DATE, description="last due day"),
        as_of: str | None = Query(
            None, pattern=DAY, json_schema_extra=DATE, description="overdue or open as of this day (default today)"
        ),
        directive: str | None = Query(None, min_length=1, max_length=100, description="only tasks carrying it out"),
        year: int | None = Query(None, ge=1900, le=2100, description="year of the directive, when its symbol recurs"),
        province: str | None = Query(None, min_length=1, max_length=100, description="only tasks of this province"),
        state: Literal["overdue", "open"] | None = Query(None, description="only overdue or only open tasks"),
    ) -> None:
        super().__init__(start, end, as_of, directive, year, province, state)


def _links(request: Request, listing: dict[str, Any], *, absolute: bool) -> dict[str, Any]:
    base = base_of(request)
    root = str(request.base_url).rstrip("/") if absolute else ""
    for x in listing["tasks"]:
        x["link"] = root + local_link(x["task"], base)
        x["document"]["link"] = root + reading_link(x["document"]["iri"], base)
    return listing


def deadline_router() -> APIRouter:
    """Routes: ``/api/deadlines``, ``/api/deadlines.{xlsx,ics,csv}``, ``/deadlines``."""
    router = APIRouter()

    @router.get("/api/deadlines", tags=["deadlines"], summary="Tasks due in a period, overdue and open as of a day")
    def api_deadlines(request: Request, filters: ApiFilters = Depends(), store=Depends(get_store)) -> dict[str, Any]:
        return _links(request, filters.run(store), absolute=False)

    @router.get(
        "/api/deadlines.{ext}",
        tags=["deadlines"],
        summary="The deadline listing as .xlsx, .ics or .csv",
        response_class=Response,
        responses={200: {"content": {XLSX_TYPE: {}, "text/calendar": {}, "text/csv": {}}}},
    )
    def api_deadlines_download(
        request: Request,
        ext: Literal["xlsx", "ics", "csv"],
        filters: ApiFilters = Depends(),
        lang: Literal["vi", "en"] = Query("vi"),
        store=Depends(get_store),
    ) -> Response:
        listing = _links(request, filters.run(store), absolute=True)
        media_type, write = _DOWNLOADS[ext]
        link = {x["task"]: x["link"] for x in listing["tasks"]}.__getitem__
        body = write(listing, lang=lang, link=link) if write else tasks_csv(listing, lang=lang, link=link).encode()
        name = f"han-nhiem-vu-{listing['as_of']}.{ext}"
        return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @router.get("/deadlines", response_class=HTMLResponse, include_in_schema=False)
    def deadlines_page(request: Request, filters: Filters = Depends(), store=Depends(get_store)) -> HTMLResponse:
        context: dict[str, Any] = {"f": filters.raw, "listing": None, "error": None, "qs": filters.query_string()}
        status = 200
        try:
            context["listing"] = _links(request, filters.run(store), absolute=False)
        except (InputError, NotFound) as e:
            context["error"], status = str(e), e.http_status
        context["lang_code"] = language(request)
        return render(request, "deadlines.html", context, status_code=status)

    return router
