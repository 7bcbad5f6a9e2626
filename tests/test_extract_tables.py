"""Task tables, signature blocks signed on behalf (K/T) and tone placement after "q"."""

from __future__ import annotations

import pytest

from loaders import extract_source
from loaders.read import from_text, unify_tones

TABLE_PLAN = """TỈNH ỦY SƠN LA
Số 210-KH/TU

Sơn La, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
thực hiện Nghị quyết số 41-NQ/TW ngày 10/10/2023 của Bộ Chính trị

I. NHIỆM VỤ CỤ THỂ

| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Tổ chức quán triệt Nghị quyết số 41-NQ/TW đến cán bộ, đảng viên | Ban Tuyên giáo Tỉnh ủy | Các huyện ủy, thành ủy | Quý II/2024 |
| 2 | Xây dựng chính sách hỗ trợ doanh nghiệp | Ban cán sự đảng UBND tỉnh | Sở Kế hoạch và Đầu tư, Sở Tài chính | Tháng 9/2024 |
| 3 | Kiểm tra, giám sát việc thực hiện | Ủy ban Kiểm tra Tỉnh ủy | Văn phòng Tỉnh ủy | Thường xuyên |
| 4 | Sơ kết việc thực hiện Kế hoạch | Văn phòng Tỉnh ủy | | Năm 2025 |

T/M BAN THƯỜNG VỤ
K/T BÍ THƯ
PHÓ BÍ THƯ

Lò Văn Mừng
"""


@pytest.fixture(scope="module")
def plan():
    return extract_source(from_text(TABLE_PLAN, name="son_la_plan.md"))


def test_table_rows_are_tasks_with_lead_partners_and_deadline(plan) -> None:
    rows = [(t.leads[0].name, tuple(p.name for p in t.partners), t.deadline, t.ongoing) for t in plan.tasks]
    assert rows == [
        ("Ban Tuyên giáo Tỉnh ủy", (), "2024-06-30", False),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"), "2024-09", False),
        ("Ủy ban Kiểm tra Tỉnh ủy", ("Văn phòng Tỉnh ủy",), None, True),
        ("Văn phòng Tỉnh ủy", (), "2025-12-31", False),
    ]
    assert plan.tasks[0].implements == (("41-NQ/TW", 2023),)


def test_header_metadata_and_a_signature_signed_for_the_secretary(plan) -> None:
    assert (plan.kind, plan.symbol, plan.date, plan.province) == ("plan", "210-KH/TU", "2024-03-05", "Sơn La")
    assert plan.issuer == "Ban Thường vụ Tỉnh ủy"
    assert (plan.signer.name, plan.signer.role) == ("Lò Văn Mừng", "Phó Bí thư")
    assert [(l.source, l.relation, l.target) for l in plan.links] == [(None, "implements", ("41-NQ/TW", 2023))]


@pytest.mark.parametrize(
    "old, new",
    [
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("khoá XIII", "khóa XIII"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("Quý I/2024", "Quý I/2024"),
        ("quỹ đất", "quỹ đất"),
        ("Hoàng", "Hoàng"),
    ],
)
def test_tone_placement(old: str, new: str) -> None:
    assert unify_tones(old) == new


SPACED_PLAN = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 245/KH-UBND
Sơn La, ngày 15 tháng 7 năm 2025

KẾ HOẠCH
chuyển đổi số năm 2025

Giao các sở thực hiện theo Phụ lục.

                          PHÂN CÔNG NHIỆM VỤ

TT  Nhiệm vụ                          Cơ quan chủ trì               Cơ quan phối hợp      Thời gian

1   Làm sạch dữ liệu dân cư; triển    Công an tỉnh                  Sở Tư pháp            30/9/2025
    khai các mô hình điểm

2   Kết nối cơ sở dữ liệu đất đai     Sở Nông nghiệp và Môi trường  Công an tỉnh          31/12/2025
    với cơ sở dữ liệu dân cư

Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện Kế hoạch này.
"""


def test_a_table_laid_out_with_spaces_gives_its_rows_as_tasks(tmp_path) -> None:
    from loaders.read import read

    path = tmp_path / "plan.txt"
    path.write_text(SPACED_PLAN, encoding="utf-8")
    doc = extract_source(read(path))
    rows = [(t.leads[0].name, [p.name for p in t.partners], t.deadline) for t in doc.tasks if t.leads]
    assert rows[:2] == [
        ("Công an tỉnh", ["Sở Tư pháp"], "2025-09-30"),
        ("Sở Nông nghiệp và Môi trường", ["Công an tỉnh"], "2025-12-31"),
    ]
    assert any(t.text.startswith("Văn phòng UBND tỉnh theo dõi") for t in doc.tasks)


def test_a_table_of_targets_with_units_of_measure_sets_no_tasks() -> None:
    text = (
        "ĐẢNG BỘ XÃ LIÊM HÀ\nSố 05-NQ/ĐU\nLiêm Hà, ngày 18 tháng 12 năm 2025\n\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2026\n\n"
        "II. MỤC TIÊU, CHỈ TIÊU NĂM 2026\n\n| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 |\n|---|---|---|---|\n"
        "| 1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 46 |\n"
        "| 2 | Tuyển quân đạt chỉ tiêu trên giao (hoàn thành trước 28/02/2026) | % | 100 |\n\n"
        "III. NHIỆM VỤ\n\n- Công an xã chủ trì làm sạch dữ liệu dân cư, hoàn thành trong tháng 01/2026.\n"
    )
    doc = extract_source(from_text(text, name="nq.md"))
    assert [(t.leads[0].name if t.leads else None, t.deadline) for t in doc.tasks] == [("Công an xã", "2026-01")]


def test_a_markdown_heading_lettered_and_an_appendix_note_set_no_tasks(tmp_path) -> None:
    from loaders.read import read

    path = tmp_path / "kh.md"
    path.write_text(
        "ĐẢNG ỦY UBND TỈNH LẠNG SƠN\nSố 15-KH/ĐU\nLạng Sơn, ngày 6 tháng 10 năm 2025\n\nKẾ HOẠCH\nthực hiện Nghị quyết\n\n"
        "II. NHIỆM VỤ\n\n(Có Phụ lục phân công nhiệm vụ kèm theo)\n\n#### A. Công tác quán triệt, tuyên truyền\n\n"
        "| TT | Nội dung | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Tổ chức quán triệt Nghị quyết | Văn phòng Đảng ủy | Tháng 10/2025 |\n",
        encoding="utf-8",
    )
    doc = extract_source(read(path))
    assert [(t.leads[0].name if t.leads else None, t.deadline) for t in doc.tasks] == [("Văn phòng Đảng ủy", "2025-10")]


def test_a_bold_lead_over_dash_items_in_markdown_and_a_group_after_them(tmp_path) -> None:
    from loaders.read import read

    path = tmp_path / "ct.md"
    path.write_text(
        "**TỈNH ỦY KHÁNH HÒA**\nSố 25-CT/TU\n\n*Khánh Hòa, ngày 05 tháng 3 năm 2024*\n\n# CHỈ THỊ\n\n## về cải cách\n\n"
        "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau:\n\n### 2.3. Phát triển kinh tế\n\n"
        "**Ban cán sự đảng Ủy ban nhân dân tỉnh:**\n\n- Lãnh đạo Ủy ban nhân dân tỉnh đẩy mạnh cải cách hành chính.\n"
        "- Chỉ đạo hoàn thành giải phóng mặt bằng trước ngày 31-12-2024.\n\n"
        "**Các huyện ủy, thị ủy, thành ủy** lựa chọn một khâu đột phá, xong trước ngày 30/4/2024.\n",
        encoding="utf-8",
    )
    doc = extract_source(read(path))
    assert [(t.leads[0].name if t.leads else None, t.deadline) for t in doc.tasks] == [
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", None),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "2024-12-31"),
        (None, "2024-04-30"),
    ]
