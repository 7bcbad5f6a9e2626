"""Table-driven tests of directives and conclusions in the forms unseen documents take: which paragraphs set
tasks, which cited documents a task carries out, and the (lead, deadline) pairs read — ``(text, expected)``.
Every text is invented."""

from __future__ import annotations

import pytest

from loaders import extract_source
from loaders.read import from_text

TOWN_HEADER = "THỊ ỦY BẾN CÁT\nSố 11-CT/TxU\nBến Cát, ngày 4 tháng 9 năm 2024\n\nCHỈ THỊ\nvề đại hội chi bộ\n\n"


def _read(text: str) -> tuple[set[tuple[str, str | None]], set[str]]:
    doc = extract_source(from_text(text, name="directive.txt"))
    pairs = {(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads}
    carried = {k[0] for t in doc.tasks for k in t.implements}
    return pairs, carried


CASES = [
    pytest.param(  # "Ban Thường vụ … chỉ thị …, các nội dung sau:" introduces numbered paragraphs with no headings
        TOWN_HEADER + "Ban Thường vụ Thị ủy chỉ thị các cấp ủy thực hiện tốt các nội dung sau:\n\n"
        "1. Đại hội là sinh hoạt chính trị sâu rộng. Tiếp tục thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 "
        "của Ban Chấp hành Trung ương.\n\n"
        "2. Ban Tổ chức Thị ủy chủ trì hướng dẫn nhân sự, hoàn thành trong tháng 10/2024.\n",
        {("Ban Tổ chức Thị ủy", "2024-10")},
        {"21-KL/TW"},
        id="chi-thi-lead-in",
    ),
    pytest.param(  # reviewing how a document was carried out is not carrying it out
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Văn phòng Thị ủy chủ trì dự thảo báo cáo, đánh giá đúng kết quả thực hiện Nghị quyết số 07-NQ/TxU "
        "ngày 2/3/2021 của Ban Chấp hành Đảng bộ thị xã, hoàn thành trước 30/4/2025.\n",
        {("Văn phòng Thị ủy", "2025-04-30")},
        set(),
        id="review-is-not-carrying-out",
    ),
]


@pytest.mark.parametrize("text,pairs,carried", CASES)
def test_directive_form(text: str, pairs: set, carried: set) -> None:
    found_pairs, found_carried = _read(text)
    assert pairs <= found_pairs, found_pairs
    assert found_carried == carried, found_carried
