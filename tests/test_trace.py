"""Issue 4 acceptance: the trace on the bundled data, the reverse, coverage, saved queries."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph_api import trace as T
from graph_api.store import open_store
from graph_api.store.ingest import ingest
from ontology import sparql_prefixes
from core.errors import AmbiguousSymbol, NotFound

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
TUYEN_QUANG_CONCLUSION = "001_cabc18aa64a2325b.txt"

# A provincial plan (not in the bundled data) that carries out 21-KL/TW, and a conclusion whose
# task carries out that plan: the trace of 21-KL/TW must reach both through the plan.
LAI_CHAU_PLAN = """TỈNH ỦY LAI CHÂU
Số 05-KH/TU

Lai Châu, ngày 10 tháng 01 năm 2022

KẾ HOẠCH
thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng

Để thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:

I. NHIỆM VỤ, GIẢI PHÁP

1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 30/6/2022.

2. Giao Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc chấp hành của các tổ chức đảng, thực hiện thường xuyên.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Giàng Páo Mỷ
"""
LAI_CHAU_CONCLUSION = """KẾT LUẬN
của Ban Thường vụ Tỉnh ủy Lai Châu

Ngày 15/3/2023, Ban Thường vụ Tỉnh ủy họp, sau khi thảo luận, kết luận như sau:

1. Giao Ban Tuyên giáo Tỉnh ủy tiếp tục quán triệt, thực hiện Kế hoạch số 05-KH/TU ngày 10/01/2022 của Ban Thường vụ Tỉnh ủy, báo cáo trước ngày 30/6/2023.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Vũ Văn Hoàn
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    extra = tmp_path_factory.mktemp("laichau")
    (extra / "lai_chau_plan.txt").write_text(LAI_CHAU_PLAN, encoding="utf-8")
    (extra / "lai_chau_conclusion.txt").write_text(LAI_CHAU_CONCLUSION, encoding="utf-8")
    s = open_store(f"oxigraph:{tmp_path_factory.mktemp('store')}")
    report = ingest([CORPUS, extra], s)
    assert not report.rejected
    yield s
    s.close()


def files(result: dict) -> set[str]:
    return {t["document"]["file"] for t in result["tasks"]}


def test_trace_21_kl_tw_reaches_tuyen_quang_tasks_and_shows_the_plan(store) -> None:
    result = T.trace(store, "21-KL/TW", as_of="2023-01-01")
    tq = [t for t in result["tasks"] if t["document"]["file"] == TUYEN_QUANG_CONCLUSION]
    assert tq and all(t["province"] == "Tuyên Quang" for t in tq)
    assert any("Kết luận số 21-KL/TW" in t["text"] and "Kết luận số 21-KL/TW" in (t["quote"] or "") for t in tq)
    plan = next(d for d in result["documents"] if d.get("symbol") == "147-KH/TU")
    assert plan["province"] == "Tuyên Quang" and plan["chain"][0]["symbol"] == "21-KL/TW"


def test_trace_is_transitive_through_a_provincial_plan(store) -> None:
    result = T.trace(store, "21-KL/TW", as_of="2023-01-01")
    by_file: dict[str, list[dict]] = {}
    for t in result["tasks"]:
        by_file.setdefault(t["document"]["file"], []).append(t)
    plan_tasks = by_file["lai_chau_plan.txt"]
    assert len(plan_tasks) == 2
    assert {tuple(t["lead"]) for t in plan_tasks} == {("Ban Tổ chức Tỉnh ủy",), ("Ủy ban Kiểm tra Tỉnh ủy",)}
    first = next(t for t in plan_tasks if t["lead"] == ["Ban Tổ chức Tỉnh ủy"])
    assert first["partners"] == ["Văn phòng Tỉnh ủy"] and first["deadline"] == "2022-06-30"
    assert first["status"] == "overdue" and first["province"] == "Lai Châu"
    assert [c["symbol"] for c in first["chain"]] == ["05-KH/TU"]
    later = by_file["lai_chau_conclusion.txt"]
    assert len(later) == 1 and [c["symbol"] for c in later[0]["chain"]] == ["05-KH/TU"]
    assert later[0]["status"] == "open"


def test_pages_of_a_trace_add_up_to_the_whole_trace(store) -> None:
    whole = T.trace(store, "21-KL/TW", as_of="2023-01-01")
    assert whole["total"] == len(whole["tasks"]) >= 4 and whole["limit"] is None
    pages = [T.trace(store, "21-KL/TW", as_of="2023-01-01", limit=3, offset=o) for o in range(0, whole["total"], 3)]
    assert all(p["total"] == whole["total"] and len(p["tasks"]) <= 3 for p in pages)
    assert [t["task"] for p in pages for t in p["tasks"]] == [t["task"] for t in whole["tasks"]]
    assert [t for p in pages for t in p["tasks"]] == whole["tasks"]  # same details, quotes and chains
    listed = [d for p in pages for d in p["documents"]]  # each page: the documents of its tasks, with their chains
    assert {d["iri"] for d in listed} == {d["iri"] for d in whole["documents"]} and all(
        d in whole["documents"] for d in listed
    )
    assert all(p["documents_total"] == len(whole["documents"]) for p in pages)
    beyond = T.trace(store, "21-KL/TW", limit=10, offset=whole["total"])
    assert beyond["tasks"] == [] and beyond["total"] == whole["total"]
    with pytest.raises(ValueError):
        T.trace(store, "21-KL/TW", limit=-1)


def test_tasks_come_in_the_order_of_their_iris_numbers_as_numbers(store) -> None:
    tasks = [t["task"] for t in T.trace(store, "21-KL/TW")["tasks"]]
    assert tasks == sorted(tasks, key=lambda i: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", i)])
    assert T._natural("a/task/2") < T._natural("a/task/10")


def test_province_filter_applies_before_the_page(store) -> None:
    lai_chau = T.trace(store, "21-KL/TW", province="Lai Châu")
    assert lai_chau["total"] == 3 and {t["province"] for t in lai_chau["tasks"]} == {"Lai Châu"}
    page = T.trace(store, "21-KL/TW", province="lai châu", limit=1, offset=2)
    assert page["total"] == 3 and [t["task"] for t in page["tasks"]] == [lai_chau["tasks"][2]["task"]]


def test_trace_69_qd_tw_returns_the_dissemination_task(store) -> None:
    result = T.trace(store, "69-QĐ/TW")
    # the Tuyên Quang conclusion, and the Cao Bằng regulation's article that applies it
    assert files(result) == {TUYEN_QUANG_CONCLUSION, "dev2_11_caobang.txt"}
    assert any("phổ biến, quán triệt, triển khai" in t["text"] for t in result["tasks"])


def test_trace_of_a_state_resolution_returns_the_press_report_task(store) -> None:
    result = T.trace(store, "111/2024/QH15")
    assert len(result["tasks"]) == 1
    task = result["tasks"][0]
    assert task["document"]["kind"] == "news report" and task["document"]["date"] == "2024-04"
    assert "Nghị quyết số 111/2024/QH15" in task["text"]


def test_21_nq_tw_is_not_21_kl_tw(store) -> None:
    kl = {t["task"] for t in T.trace(store, "21-KL/TW")["tasks"]}
    nq = {t["task"] for t in T.trace(store, "21-NQ/TW")["tasks"]}
    assert nq and not (kl & nq)


def test_a_symbol_of_two_terms_is_ambiguous_until_the_year_is_given(store) -> None:
    with pytest.raises(AmbiguousSymbol) as e:
        T.trace(store, "18-NQ/TW")
    assert sorted(c["year"] for c in e.value.candidates) == [2017, 2022]
    result = T.trace(store, "18-NQ/TW", year=2022)
    assert files(result) == {"dev_01_ninhthuan.txt"}
    assert len(result["tasks"]) >= 10
    assert files(T.trace(store, "18-NQ/TW", year=2017)) == {"dev2_04_danang.md"}  # the 2017 resolution, in Đà Nẵng
    with pytest.raises(NotFound):
        T.trace(store, "999-NQ/TW")


def test_reverse_and_coverage(store) -> None:
    served = T.serves(store, "147-KH/TU", province="Tuyên Quang")
    assert [s["symbol"] for s in served["serves"]] == ["21-KL/TW"]
    up = T.serves(store, "05-KH/TU", province="Lai Châu")
    assert {s["symbol"] for s in up["serves"]} == {"21-KL/TW"}
    cov = T.coverage(store, "21-KL/TW", as_of="2023-01-01")
    with_tasks = {r["province"]: r for r in cov["with_tasks"]}
    assert set(with_tasks) == {"Tuyên Quang", "Lai Châu"}
    assert with_tasks["Lai Châu"]["overdue"] == 1 and with_tasks["Lai Châu"]["open"] == 1
    assert "Bình Dương" in cov["without_tasks"] and "Tuyên Quang" not in cov["without_tasks"]


def test_trace_cli_formats(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}"
    run = lambda *a: subprocess.run(
        [sys.executable, "-m", "vankien.cli", *a, "--store", spec],  # noqa: E731
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run("load", "data/corpus").returncode == 0
    out = run("trace", "21-KL/TW", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["tasks"][0]["province"] == "Tuyên Quang"
    csv_out = run("trace", "69-QĐ/TW", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("province,document,section,task") and any("Tuyên Quang" in r for r in csv_out[1:])
    ambiguous = run("trace", "18-NQ/TW")
    assert ambiguous.returncode == 7 and "ambiguous" in ambiguous.stderr


# Every saved query, run on the bundled data (plus the Lai Châu plan): the rows it must return.
EXPECTED_ROWS = {
    "trace.rq": lambda rows: (
        {r["province"] for r in rows} == {"Tuyên Quang", "Lai Châu"}
        and sum(1 for r in rows if r["province"] == "Lai Châu") == 3
    ),
    "plans_carrying_out.rq": lambda rows: {r["symbol"] for r in rows if "symbol" in r} == {"147-KH/TU", "05-KH/TU"},
    "serves.rq": lambda rows: [r["symbol"] for r in rows] == ["21-KL/TW"],
    "coverage.rq": lambda rows: (
        {r["province"]: int(r["tasks"]) for r in rows}["Tuyên Quang"] >= 1
        and {r["province"]: int(r["tasks"]) for r in rows}["Bình Dương"] == 0
    ),
    "most_implemented.rq": lambda rows: (
        rows[0]["symbol"] == "13-CT/TW" and {"11-NQ/TW", "137-KL/TW"} <= {r["symbol"] for r in rows[:10]}
    ),
    "documents_by_province.rq": lambda rows: sum(int(r["documents"]) for r in rows) == 24,
    "tasks_by_body.rq": lambda rows: any(r["name"] == "Ban cán sự đảng Ủy ban nhân dân tỉnh" for r in rows),
    "deadlines.rq": lambda rows: (
        ("2025-04-30", "Đảng ủy Ủy ban nhân dân tỉnh", "false")
        in {(r["deadline"], r.get("lead"), r["passed"]) for r in rows}
    ),
    "same_symbol.rq": lambda rows: {r["symbol"]: r["documents"] for r in rows}.get("18-NQ/TW") == "2",
    "meetings.rq": lambda rows: any(r.get("number") == "31" and r.get("adopted") and r.get("report") for r in rows),
    "evidence.rq": lambda rows: any(r["symbol"] == "69-QĐ/TW" and "Quy định số 69-QĐ/TW" in r["quote"] for r in rows),
}


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "queries").glob("*.rq")))
def test_saved_query_returns_its_rows(store, name: str) -> None:
    assert name in EXPECTED_ROWS, f"add the expected rows of queries/{name} to this test"
    text = (ROOT / "queries" / name).read_text(encoding="utf-8")
    assert text.startswith("#"), "a saved query starts with a comment saying what it answers"
    data = json.loads(store.query(text, results_format="json"))
    rows = [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
    assert rows, f"{name} returned no rows"
    assert EXPECTED_ROWS[name](rows), rows[:5]


def test_prefixes_are_the_projects() -> None:
    assert "PREFIX eli: <http://data.europa.eu/eli/ontology#>" in sparql_prefixes()
