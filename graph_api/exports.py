"""Exports of a deadline listing (:func:`graph_api.deadlines.deadlines`): a spreadsheet (``.xlsx``, openpyxl: one
row per task with its sentence, lead, partners, deadline, state, source document and link), a calendar
(``.ics``, icalendar: one all-day event per task on its due day) and CSV. Text is never cut.

``link`` turns a resource IRI into the address people open (by default the IRI itself).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Callable
from typing import Any

from graph_api.i18n import translator

__all__ = ["COLUMNS", "task_rows", "tasks_xlsx", "tasks_ics", "tasks_csv", "XLSX_TYPE", "ICS_TYPE"]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ICS_TYPE = "text/calendar; charset=utf-8"
COLUMNS = ("sentence", "lead", "partners", "deadline", "due", "state", "province", "document", "link")
_HEADER_KEYS = {
    "sentence": "col.sentence",
    "lead": "col.lead",
    "partners": "col.partners",
    "deadline": "col.deadline_text",
    "due": "col.due",
    "state": "col.state",
    "province": "col.province",
    "document": "col.document",
    "link": "col.link",
}
_WIDTHS = {
    "sentence": 80,
    "lead": 30,
    "partners": 30,
    "deadline": 22,
    "due": 12,
    "state": 12,
    "province": 16,
    "document": 50,
    "link": 50,
}


def _document_label(doc: dict[str, Any]) -> str:
    return " — ".join(x for x in (doc.get("symbol"), doc.get("title"), doc.get("date")) if x)


def task_rows(
    listing: dict[str, Any], *, lang: str = "vi", link: Callable[[str], str] = lambda iri: iri
) -> list[dict[str, str]]:
    """One flat row a task, in the order of the listing, values in full."""
    t = translator(lang)
    return [
        {
            "sentence": x["text"] or "",
            "lead": "; ".join(x["lead"]),
            "partners": "; ".join(x["partners"]),
            "deadline": x.get("deadline_text") or x["deadline"],
            "due": x["due"],
            "state": t(f"state.{x['state']}"),
            "province": x["province"] or "",
            "document": _document_label(x["document"]),
            "link": link(x["task"]),
        }
        for x in listing["tasks"]
    ]


def tasks_csv(listing: dict[str, Any], *, lang: str = "vi", link: Callable[[str], str] = lambda iri: iri) -> str:
    """CSV with a header row of column keys (``sentence,lead,…``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(task_rows(listing, lang=lang, link=link))
    return out.getvalue()


def tasks_xlsx(listing: dict[str, Any], *, lang: str = "vi", link: Callable[[str], str] = lambda iri: iri) -> bytes:
    """The listing as an Excel workbook: a header row, one row a task, the link a hyperlink, filters on."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    t = translator(lang)
    wb = Workbook()
    ws = wb.active
    ws.title = t("xlsx.sheet")
    ws.append([t(_HEADER_KEYS[c]) for c in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
    overdue = t("state.overdue")
    for row in task_rows(listing, lang=lang, link=link):
        ws.append([row[c] for c in COLUMNS])
        r = ws.max_row
        ws.cell(r, COLUMNS.index("link") + 1).hyperlink = row["link"]
        if row["state"] == overdue:
            ws.cell(r, COLUMNS.index("state") + 1).font = Font(color="B00020", bold=True)
    for i, c in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS[c]
        for cell in ws[get_column_letter(i)][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def tasks_ics(
    listing: dict[str, Any],
    *,
    lang: str = "vi",
    link: Callable[[str], str] = lambda iri: iri,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The listing as an iCalendar file: one all-day event a task on its due day."""
    from icalendar import Calendar, Event

    t = translator(lang)
    cal = Calendar()
    cal.add("prodid", "-//vankien//deadlines//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("ics.calendar"))
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for x, row in zip(listing["tasks"], task_rows(listing, lang=lang, link=link)):
        due = dt.date.fromisoformat(x["due"])
        ev = Event()
        ev.add("uid", hashlib.sha256(x["task"].encode()).hexdigest()[:32] + "@vankien")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", due)
        ev.add("dtend", due + dt.timedelta(days=1))
        ev.add("summary", t("ics.summary", lead=row["lead"] or t("deadlines.no_lead")))
        lines = [
            row["sentence"],
            f"{t('col.deadline')}: {row['deadline']}",
            f"{t('col.state')}: {row['state']}",
            f"{t('col.partners')}: {row['partners']}" if row["partners"] else "",
            f"{t('col.document')}: {row['document']}",
            row["link"],
        ]
        ev.add("description", "\n".join(line for line in lines if line))
        ev.add("url", row["link"])
        ev.add("categories", [row["state"]])
        if row["province"]:
            ev.add("location", row["province"])
        cal.add_component(ev)
    return cal.to_ical()
