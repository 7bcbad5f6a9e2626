"""Issue 17: deadlines at fixed dates — tasks due in a period, overdue and open as of a date, grouped by lead
body and province, filtered by directive and province (a Lai Châu plan with a day, a month, a year and an
ongoing deadline, beside the bundled corpus). A month deadline is written as its last day (the graph keeps
``vk:deadline`` an ``xsd:date``); a store written before that holds ``2022-10`` and is due on the same day
(``due_date``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core.errors import InputError, NotFound
from graph_api.deadlines import deadlines, due_date, parse_day
from graph_api.store import open_store
from graph_api.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
PLAN = ROOT / "tests" / "fixtures" / "deadlines"
D = dt.date


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    s = open_store(f"oxigraph:{tmp_path_factory.mktemp('deadlines') / 'store'}")
    report = ingest([CORPUS, PLAN], s)
    assert not report.rejected
    yield s
    s.close()


def lai_chau(result: dict) -> list[tuple[str, str, str]]:
    return [(t["deadline"], t["due"], t["state"]) for t in result["tasks"] if t["document"]["symbol"] == "05-KH/TU"]


def test_day_month_and_year_deadlines_in_a_period(store) -> None:
    result = deadlines(store, start=D(2022, 1, 1), end=D(2023, 12, 31), as_of=D(2022, 8, 1), province="Lai Châu")
    assert lai_chau(result) == [
        ("2022-06-30", "2022-06-30", "overdue"),
        ("2022-10-31", "2022-10-31", "open"),
        ("2023-12-31", "2023-12-31", "open"),
    ]
    assert result["counts"] == {"overdue": 1, "open": 2} and result["total"] == 3
    first = result["tasks"][0]
    assert first["lead"] == ["Ban Tổ chức Tỉnh ủy"] and first["partners"] == ["Văn phòng Tỉnh ủy"]
    assert first["text"].startswith("1. Giao Ban Tổ chức Tỉnh ủy") and first["text"].endswith("30/6/2022.")
    assert first["province"] == "Lai Châu" and first["deadline_text"] == "trước ngày 30/6/2022"


def test_the_period_bounds_are_inclusive_and_a_month_is_due_at_its_end(store) -> None:
    only_october = deadlines(store, start=D(2022, 10, 31), end=D(2022, 10, 31), as_of=D(2022, 1, 1))
    assert lai_chau(only_october) == [("2022-10-31", "2022-10-31", "open")]
    assert lai_chau(deadlines(store, start=D(2022, 10, 1), end=D(2022, 10, 30), as_of=D(2022, 1, 1))) == []
    as_of_due_day = deadlines(store, start=D(2022, 6, 30), end=D(2022, 6, 30), as_of=D(2022, 6, 30))
    assert lai_chau(as_of_due_day) == [("2022-06-30", "2022-06-30", "open")]  # due today is not overdue yet
    after = deadlines(store, start=D(2022, 6, 30), end=D(2022, 6, 30), as_of=D(2022, 7, 1))
    assert lai_chau(after) == [("2022-06-30", "2022-06-30", "overdue")]


def test_ongoing_tasks_have_no_deadline_and_are_not_listed(store) -> None:
    texts = [t["text"] for t in deadlines(store, as_of=D(2022, 8, 1), province="lai chau")["tasks"]]
    assert len(texts) == 3 and not any("thường xuyên" in t for t in texts)


def test_state_filter_and_whole_corpus_counts(store) -> None:
    everything = deadlines(store, start=D(2024, 1, 1), end=D(2025, 12, 31), as_of=D(2025, 1, 1))
    overdue = deadlines(store, start=D(2024, 1, 1), end=D(2025, 12, 31), as_of=D(2025, 1, 1), state="overdue")
    assert everything["total"] > 30 and 0 < overdue["total"] < everything["total"]
    assert overdue["total"] == everything["counts"]["overdue"]
    assert all(t["state"] == "overdue" and t["due"] < "2025-01-01" for t in overdue["tasks"])
    assert all("2024-01-01" <= t["due"] <= "2025-12-31" for t in everything["tasks"])
    assert [t["due"] for t in everything["tasks"]] == sorted(t["due"] for t in everything["tasks"])


def test_groups_by_lead_and_province_add_up(store) -> None:
    result = deadlines(store, start=D(2024, 1, 1), end=D(2025, 12, 31), as_of=D(2025, 1, 1))
    assert sum(g["total"] for g in result["by_province"]) == result["total"]
    for g in result["by_province"] + result["by_lead"]:
        assert g["total"] == g["overdue"] + g["open"] == len(g["tasks"])
    totals = [g["total"] for g in result["by_lead"]]
    assert totals == sorted(totals, reverse=True)
    assert sum(totals) >= result["total"]  # a task with two leads counts for both


def test_filter_by_directive(store) -> None:
    result = deadlines(store, as_of=D(2022, 8, 1), directive="21-KL/TW")
    assert result["directive"]["symbol"] == "21-KL/TW"
    assert ("2022-10-31", "2022-10-31", "open") in lai_chau(result)
    assert all(t["document"]["symbol"] != "1685/CTr-UBND" for t in result["tasks"])
    with pytest.raises(NotFound):
        deadlines(store, directive="99999-KL/TW")


def test_province_did_you_mean_and_bad_input(store) -> None:
    with pytest.raises(NotFound, match="did you mean 'Lai Châu'"):
        deadlines(store, province="Lai Chao")
    with pytest.raises(InputError, match="the start is after the end"):
        deadlines(store, start=D(2025, 1, 1), end=D(2024, 1, 1))
    with pytest.raises(InputError, match="not one of overdue, open"):
        deadlines(store, state="late")
    with pytest.raises(InputError, match=r"^--as-of 2024-13-01: not a date \(YYYY-MM-DD\)"):
        parse_day("2024-13-01", "--as-of")
    assert parse_day("", "--to") is None and due_date("2024-02") == D(2024, 2, 29) and due_date("soon") is None
