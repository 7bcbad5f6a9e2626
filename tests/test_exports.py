"""Issue 17: the deadline listing exported to Excel (read back with openpyxl) and iCalendar (parsed with the
icalendar package), and CSV — every task in full, one row or one event a task."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from graph_api.deadlines import deadlines
from graph_api.exports import COLUMNS, tasks_csv, tasks_ics, tasks_xlsx
from graph_api.store import open_store
from graph_api.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "deadlines"
LINK = "http://127.0.0.1:8000/id/"


def link(iri: str) -> str:
    return LINK + iri.split("/id/", 1)[1]


@pytest.fixture(scope="module")
def listing() -> dict:
    store = open_store("memory:")
    ingest([PLAN], store)
    result = deadlines(store, as_of=dt.date(2022, 8, 1))
    store.close()
    assert result["total"] == 3
    return result


def test_xlsx_opens_back_with_one_row_a_task(listing) -> None:
    wb = load_workbook(io.BytesIO(tasks_xlsx(listing, link=link)))
    ws = wb.active
    assert ws.title == "Nhiệm vụ"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Hạn (nguyên văn)",
        "Hạn",
        "Tình trạng",
        "Tỉnh, thành phố",
        "Văn bản nguồn",
        "Liên kết",
    )
    assert len(rows) == 1 + 3
    first = dict(zip(COLUMNS, rows[1]))
    assert first["sentence"] == listing["tasks"][0]["text"]  # the whole sentence
    assert first["lead"] == "Ban Tổ chức Tỉnh ủy" and first["partners"] == "Văn phòng Tỉnh ủy"
    assert first["deadline"] == "trước ngày 30/6/2022" and first["due"] == "2022-06-30"
    assert first["state"] == "Quá hạn" and first["province"] == "Lai Châu"
    assert first["document"].startswith("05-KH/TU — thực hiện Kết luận số 21-KL/TW")
    assert first["link"] == LINK + "doc/lai-chau/tu/kh/2022/05/task/1"
    assert ws.cell(2, COLUMNS.index("link") + 1).hyperlink.target == first["link"]
    assert [r[COLUMNS.index("state")] for r in rows[1:]] == ["Quá hạn", "Còn hạn", "Còn hạn"]


def test_xlsx_in_english(listing) -> None:
    ws = load_workbook(io.BytesIO(tasks_xlsx(listing, lang="en"))).active
    assert ws.title == "Tasks" and ws.cell(1, 1).value == "Task" and ws.cell(2, 6).value == "Overdue"


def test_ics_parses_with_one_all_day_event_a_deadline(listing) -> None:
    cal = Calendar.from_ical(tasks_ics(listing, link=link))
    events = list(cal.walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [
        dt.date(2022, 6, 30),
        dt.date(2022, 10, 31),
        dt.date(2023, 12, 31),
    ]
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in events)
    assert len({str(e["uid"]) for e in events}) == 3
    first = events[0]
    assert str(first["summary"]) == "Hạn nhiệm vụ: Ban Tổ chức Tỉnh ủy"
    assert listing["tasks"][0]["text"] in str(first["description"])
    assert str(first["url"]) == LINK + "doc/lai-chau/tu/kh/2022/05/task/1"
    assert str(first["location"]) == "Lai Châu"
    assert str(cal["x-wr-calname"]) == "Hạn nhiệm vụ (vankien)" and str(cal["version"]) == "2.0"


def test_csv_never_cuts_text(listing) -> None:
    long = {**listing, "tasks": [{**listing["tasks"][0], "text": "rà soát " * 100}]}
    rows = list(csv.DictReader(io.StringIO(tasks_csv(long))))
    assert rows[0]["sentence"] == "rà soát " * 100 and list(rows[0]) == list(COLUMNS)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    from fastapi.testclient import TestClient

    from graph_api.http.app import create_app

    spec = f"oxigraph:{tmp_path_factory.mktemp('exports-api') / 'store'}"
    with open_store(spec) as store:
        ingest([PLAN], store)
    with TestClient(create_app(spec)) as c:
        yield c


def test_downloads_from_the_api(client) -> None:
    xlsx = client.get("/api/deadlines.xlsx", params={"as_of": "2022-08-01"})
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert 'filename="han-nhiem-vu-2022-08-01.xlsx"' in xlsx.headers["content-disposition"]
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][COLUMNS.index("link")].endswith("/id/doc/lai-chau/tu/kh/2022/05/task/1")
    assert rows[1][COLUMNS.index("link")].startswith("http://testserver/")
    ics = client.get("/api/deadlines.ics", params={"as_of": "2022-08-01", "lang": "en", "state": "open"})
    events = list(Calendar.from_ical(ics.content).walk("VEVENT"))
    assert ics.headers["content-type"].startswith("text/calendar") and len(events) == 2
    assert str(events[0]["summary"]) == "Task due: Ủy ban Kiểm tra Tỉnh ủy"
    listing = client.get("/api/deadlines", params={"as_of": "2022-08-01", "province": "lai chau"}).json()
    assert listing["counts"] == {"overdue": 1, "open": 2} and listing["province"] == "Lai Châu"
    page = client.get("/deadlines", params={"as_of": "2022-08-01"}).text
    assert "Hạn hoàn thành nhiệm vụ" in page and "/api/deadlines.xlsx?as_of=2022-08-01" in page
