"""Whole-document extraction on documents the loaders have never seen.

``tests/fixtures/probe/docs`` holds realistic documents of provinces that are not in the
bundled corpus (Lai Châu, Sơn La, Nghệ An, Quảng Ninh, Cà Mau, Đắk Lắk, Lạng Sơn, Kiên Giang,
Hà Giang, Bắc Giang) in the formats that circulate: Markdown with a task table, hard-wrapped
text with old tone placement, CRLF, a BOM, NFD, an HTML press page. ``probe/gold`` holds what
a careful reader takes out of each (same fields as the project's gold schema). The real
``vankien extract --format json`` runs on them and each key field is compared on its own, so
a failure names the document and the field.

The second half checks task-level facts (assignments with lead and partners, deadlines,
implements, document links) on small documents written in the test.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from loaders.read import TONE_PAIRS

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "fixtures" / "probe"
VANKIEN = str(Path(sys.executable).with_name("vankien"))
GOLD = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((PROBE / "gold").glob("*.json"))}

_ABBR = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc",
    "đbqh": "đại biểu quốc hội",
    "bch": "ban chấp hành",
}


def norm_text(s: str | None) -> str:
    """Compare names the way a reader does: NFC, case, tone placement, usual abbreviations."""
    s = unicodedata.normalize("NFC", s or "").lower()
    for old, new in TONE_PAIRS.items():
        s = s.replace(old, new)
    return " ".join(_ABBR.get(w, w) for w in re.split(r"\s+", s.strip(" .,;:")) if w)


def norm_symbol(s: str | None) -> str:
    return unicodedata.normalize("NFC", s or "").upper().replace(" ", "")


def run_extract(*paths: Path) -> list[dict]:
    """The user's command: ``vankien extract --format json PATH...``."""
    run = subprocess.run(
        [VANKIEN, "extract", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def probe_predictions() -> dict[str, dict]:
    docs = sorted((PROBE / "docs").iterdir())
    return {Path(p["file"]).stem: p for p in run_extract(*docs)}


def test_probe_has_documents_and_gold_for_each():
    docs = {p.stem for p in (PROBE / "docs").iterdir()}
    assert len(docs) >= 8 and docs == set(GOLD)


def _cases(field: str):
    return [pytest.param(stem, id=f"{stem}-{field}") for stem in GOLD]


@pytest.mark.parametrize("stem", _cases("meta"))
@pytest.mark.parametrize("field", ["kind", "symbol", "date", "province"])
def test_probe_document_metadata(probe_predictions, stem, field):
    gold, pred = GOLD[stem], probe_predictions[stem]
    if field == "symbol":
        assert norm_symbol(pred.get("symbol")) == norm_symbol(gold["symbol"])
    else:
        assert norm_text(pred.get(field)) == norm_text(gold[field])


@pytest.mark.parametrize("stem", _cases("citations"))
def test_probe_citations(probe_predictions, stem):
    """Every numbered document cited, once per document: the same symbol of two terms twice."""
    gold, pred = GOLD[stem], probe_predictions[stem]
    assert sorted(norm_symbol(c["symbol"]) for c in pred["citations"]) == sorted(
        norm_symbol(c["symbol"]) for c in gold["citations"]
    )


@pytest.mark.parametrize("stem", _cases("citation-dates"))
def test_probe_citation_dates(probe_predictions, stem):
    """(symbol, date) pairs where the text states the date (in a footnote, with `cùng ngày` …)."""
    gold, pred = GOLD[stem], probe_predictions[stem]
    got = {(norm_symbol(c["symbol"]), (c.get("date") or "")[:10]) for c in pred["citations"]}
    missing = [
        (c["symbol"], c["date"])
        for c in gold["citations"]
        if c["date"] and (norm_symbol(c["symbol"]), c["date"]) not in got
    ]
    assert missing == []


@pytest.mark.parametrize("stem", _cases("implements"))
def test_probe_implements(probe_predictions, stem):
    gold, pred = GOLD[stem], probe_predictions[stem]
    assert {norm_symbol(s) for s in pred["implements"]} == {norm_symbol(s) for s in gold["implements"]}


@pytest.mark.parametrize("stem", _cases("links"))
def test_probe_document_links(probe_predictions, stem):
    gold, pred = GOLD[stem], probe_predictions[stem]

    def pairs(links):
        return {(norm_symbol(l["from"]), norm_symbol(l["to"])) for l in links}

    assert pairs(pred["document_links"]) == pairs(gold["document_links"])


@pytest.mark.parametrize("stem", _cases("assignments"))
def test_probe_assignments(probe_predictions, stem):
    """Distinct (body, deadline) pairs of tasks handed to one named body."""
    gold, pred = GOLD[stem], probe_predictions[stem]

    def pairs(items):
        return {(norm_text(a["body"]), a.get("deadline") or None) for a in items}

    assert pairs(pred["assignments"]) == pairs(gold["assignments"])


@pytest.mark.parametrize("stem", _cases("signer"))
def test_probe_signer_and_persons(probe_predictions, stem):
    gold, pred = GOLD[stem], probe_predictions[stem]
    if gold["signer"] is None:
        assert pred.get("signer") is None
    else:
        assert norm_text((pred.get("signer") or {}).get("name")) == norm_text(gold["signer"]["name"])
    assert sorted(norm_text(p["name"]) for p in pred["persons"]) == sorted(
        norm_text(p["name"]) for p in gold["persons"]
    )


@pytest.mark.parametrize("stem", _cases("tasks"))
def test_probe_task_count_in_range(probe_predictions, stem):
    rng, n = GOLD[stem]["tasks"], len(probe_predictions[stem]["tasks"])
    assert rng["min"] <= n <= rng["max"], n


# --- task-level facts on small documents -------------------------------------------------------
from loaders import extract_source  # noqa: E402
from loaders.read import from_text  # noqa: E402


def doc_of(text: str, name: str = "t.txt"):
    return extract_source(from_text(text, name=name))


def forward(*items: str) -> str:
    """A conclusion with a past-results part and a forward part made of the numbered items."""
    return (
        "KẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về nhiệm vụ năm 2024\n\n"
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023\n\n"
        "Năm 2023, các cấp ủy đã lãnh đạo thực hiện tốt nhiệm vụ chính trị; kinh tế tăng trưởng khá.\n\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n\n" + "\n\n".join(f"{i}. {t}" for i, t in enumerate(items, 1)) + "\n"
    )


ASSIGNMENTS = [
    (
        "Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Đảng đoàn Hội đồng nhân dân tỉnh "
        "xây dựng đề án, hoàn thành trước ngày 15/4/2024.",
        (["Ban cán sự đảng Ủy ban nhân dân tỉnh"], ["Đảng đoàn Hội đồng nhân dân tỉnh"], "2024-04-15", False),
    ),
    (
        "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy tham mưu phương án nhân sự, hoàn thành "
        "trong quý I năm 2024.",
        (["Ban Tổ chức Tỉnh ủy"], ["Văn phòng Tỉnh ủy"], "2024-03-31", False),
    ),
    (
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền, hoàn thành trong tháng 10/2025.",
        (["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], [], "2025-10", False),
    ),
    (
        "Giao Văn phòng Tỉnh ủy thường xuyên theo dõi, đôn đốc, tổng hợp tình hình thực hiện.",
        (["Văn phòng Tỉnh ủy"], [], None, True),
    ),
    (
        "Giao Ban cán sự đảng UBND tỉnh chỉ đạo hoàn thành giải phóng mặt bằng trong quý IV năm 2024.",
        (["Ban cán sự đảng Ủy ban nhân dân tỉnh"], [], "2024-12-31", False),
    ),
    (
        "Công an tỉnh chủ động nắm chắc tình hình, bảo đảm an ninh, trật tự trên địa bàn.",
        (["Công an tỉnh"], [], None, False),
    ),
    (  # a congress's subcommittee
        "Tiểu ban Văn kiện Đại hội lần thứ XV Đảng bộ tỉnh hoàn chỉnh dự thảo Báo cáo chính trị trong tháng 3/2025.",
        (["Tiểu ban Văn kiện Đại hội lần thứ XV Đảng bộ tỉnh"], [], "2025-03", False),
    ),
    (  # a city's committee keeps its name
        "Ban Tổ chức Thành ủy chủ trì tham mưu phương án nhân sự, hoàn thành trước ngày 15/01/2025.",
        (["Ban Tổ chức Thành ủy"], [], "2025-01-15", False),
    ),
    (  # a remark in parentheses names no second lead
        "Rà soát hồ sơ nhân sự.\n- Cơ quan chủ trì: Văn phòng Tỉnh ủy (cơ quan thường trực Tiểu ban Nhân sự).\n"
        "- Thời hạn: trước ngày 30/11/2024.",
        (["Văn phòng Tỉnh ủy"], [], "2024-11-30", False),
    ),
    ("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện.", ([], [], None, False)),
    ("Các cấp ủy, chính quyền tập trung lãnh đạo hoàn thành các chỉ tiêu năm 2024.", ([], [], None, False)),
]


@pytest.mark.parametrize("item,expected", ASSIGNMENTS, ids=[f"assign{i}" for i in range(len(ASSIGNMENTS))])
def test_assignment_lead_partners_deadline(item, expected):
    doc = doc_of(forward(item))
    (task,) = doc.tasks
    assert ([b.name for b in task.leads], [b.name for b in task.partners], task.deadline, task.ongoing) == expected


def test_implements_only_from_the_forward_part():
    doc = doc_of(
        forward(
            "Tiếp tục triển khai thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị.",
            "Cụ thể hóa Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII.",
            "Tổ chức quán triệt Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị.",
            "Rà soát các dự án theo Quy định số 114-QĐ/TW ngày 11/7/2023 của Bộ Chính trị.",
        ).replace(
            "kinh tế tăng trưởng khá.",
            "kinh tế tăng trưởng khá nhờ thực hiện Nghị quyết số 58-NQ/TW ngày 05/8/2020 của Bộ Chính trị.",
        )
    )
    implemented = {k[0] for t in doc.tasks for k in t.implements}
    assert implemented == {"11-NQ/TW", "21-KL/TW", "35-CT/TW", "114-QĐ/TW"}
    assert "58-NQ/TW" in {c.symbol for c in doc.citations}


def test_plan_carrying_out_a_conclusion_is_a_document_link():
    doc = doc_of(
        forward(
            "Tiếp tục thực hiện Kế hoạch số 147-KH/TU ngày 14/12/2021 của Ban Chấp hành Đảng bộ tỉnh "
            "thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII."
        )
    )
    links = {(l.source and l.source[0], l.relation, l.target[0]) for l in doc.links}
    assert ("147-KH/TU", "implements", "21-KL/TW") in links


def test_can_cu_is_based_on_not_implements():
    text = (
        "Số 30-KH/TU\n\nKẾ HOẠCH\nvề chuyển đổi số\n\n"
        "Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng; "
        "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành "
        "Kế hoạch như sau:\n\nI. NHIỆM VỤ\n\n1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n"
    )
    doc = doc_of(text)
    rel = {(l.source, l.relation, l.target[0]) for l in doc.links}
    assert (None, "based_on", "24-QĐ/TW") in rel
    assert (None, "implements", "57-NQ/TW") in rel
    assert (None, "implements", "24-QĐ/TW") not in rel


@pytest.mark.parametrize(
    "item,project",
    [
        (
            "Đẩy nhanh tiến độ dự án đường cao tốc Tuyên Quang - Hà Giang; hoàn thành giải phóng mặt bằng.",
            "đường cao tốc Tuyên Quang - Hà Giang",
        ),
        (
            "Hoàn thành dự án hồ chứa nước Krông Pách Thượng cho đơn vị quản lý vận hành trong năm 2025.",
            "hồ chứa nước Krông Pách Thượng",
        ),
        (
            "Khởi công xây dựng Bệnh viện Đa khoa tỉnh Lai Châu trong quý II năm 2024.",
            "Bệnh viện Đa khoa tỉnh Lai Châu",
        ),
        (
            "Đầu tư Dự án xây dựng Khu công nghệ thông tin tập trung Phước Long, thu hút doanh nghiệp phần mềm.",
            "Khu công nghệ thông tin tập trung Phước Long",
        ),
        (
            "Hoàn thành Dự án Hệ thống camera giám sát giao thông tỉnh Bình Phước giai đoạn 2 trong quý IV/2025.",
            "Hệ thống camera giám sát giao thông tỉnh Bình Phước giai đoạn 2",
        ),
    ],
)
def test_projects(item, project):
    doc = doc_of(forward(item))
    assert [p.lower() for p in doc.projects] == [project.lower()]


def test_a_draft_law_is_no_project():
    doc = doc_of(forward("Tổ chức lấy ý kiến Nhân dân góp ý Dự án Luật Đất đai (sửa đổi) trong tháng 5/2025."))
    assert not doc.projects


@pytest.mark.parametrize(
    "sentence,name,roles",
    [
        (
            "Hội nghị do đồng chí Nguyễn Văn Sơn, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì.",
            "Nguyễn Văn Sơn",
            ("Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"),
        ),
        (
            "Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy Hoàng Duy Chinh đề nghị các cấp ủy tập trung lãnh đạo.",
            "Hoàng Duy Chinh",
            ("Bí thư Tỉnh ủy",),
        ),
        (
            "Dự hội nghị có đồng chí Vi Văn Đức, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
            "Vi Văn Đức",
            ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"),
        ),
    ],
)
def test_persons_with_roles(sentence, name, roles):
    doc = doc_of("Hội nghị Ban Thường vụ Tỉnh ủy\n\nSáng 5/3/2025, Ban Thường vụ Tỉnh ủy họp. " + sentence + "\n")
    assert [(p.name, p.roles) for p in doc.persons] == [(name, roles)]


def test_principles_of_a_regulation_carry_out_documents_but_its_scope_does_not():
    """An article of principles directs ("… gương mẫu thực hiện Quy định số …"); one of scope only describes."""
    doc = doc_of(
        "QUY CHẾ\nphối hợp trong công tác kiểm tra\n\nChương I\nQUY ĐỊNH CHUNG\n\n"
        "Điều 1. Phạm vi điều chỉnh\nQuy chế này áp dụng theo Quy định số 40-QĐ/TW ngày 10/3/2022 của Bộ Chính trị.\n\n"
        "Điều 2. Nguyên tắc phối hợp\n1. Cán bộ, đảng viên của các cơ quan phối hợp gương mẫu thực hiện Quy định số "
        "77-QĐ/TW ngày 25/10/2018 của Ban Chấp hành Trung ương.\n"
        "2. Thực hiện nghiêm các biện pháp kiểm soát quyền lực theo Quy định 95-QĐ/TW của Bộ Chính trị.\n"
    )
    implemented = {k[0] for t in doc.tasks for k in t.implements}
    assert {"77-QĐ/TW", "95-QĐ/TW"} <= implemented
    assert "40-QĐ/TW" not in implemented
