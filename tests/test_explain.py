"""`vankien extract --explain`: the review aid prints each task with the form it was read from, and the
forward-looking sentences that gave no assignment."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from vankien.cli import app

PLAN = """TỈNH ỦY SƠN LA
Số 210-KH/TU

Sơn La, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
thực hiện Nghị quyết số 41-NQ/TW ngày 10/10/2023 của Bộ Chính trị

I. NHIỆM VỤ CỤ THỂ

1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức quán triệt Nghị quyết, hoàn thành trong quý II/2024.

2. Tổ chức sơ kết việc thực hiện Kế hoạch, hoàn thành trước ngày 15/12/2024.

| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
|---|---|---|---|---|
| 3 | Xây dựng chính sách hỗ trợ doanh nghiệp | Sở Tài chính | Sở Nội vụ | Tháng 9/2024 |

T/M BAN THƯỜNG VỤ
BÍ THƯ

Lò Văn Mừng
"""


def test_explain_shows_forms_and_the_unread_forward_sentence(tmp_path: Path) -> None:
    doc = tmp_path / "plan.md"
    doc.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(doc), "--explain"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "plan.md: 3 tasks, 2 with a lead" in out
    assert "task 1 [running text]" in out and "lead: Ban Tuyên giáo Tỉnh ủy · partners: — · deadline: 2024-06-30" in out
    assert "task 3 [table row]" in out and "lead: Sở Tài chính · partners: Sở Nội vụ · deadline: 2024-09" in out
    unread = out.split("forward-looking sentences that gave no assignment:")[1]
    assert "Tổ chức sơ kết việc thực hiện Kế hoạch, hoàn thành trước ngày 15/12/2024." in unread
    assert "Ban Tuyên giáo" not in unread
