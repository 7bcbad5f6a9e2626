"""Table-driven tests of every way a task names its lead, partners and deadline, of deadline forms, of
bodies at every level and of symbol variants — each case a fixture written here, ``(text, expected)``."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import extract_source
from loaders.bodies import body_at, body_ref
from loaders.dates import cell_deadline, find_deadline
from loaders.extract import find_mentions
from loaders.read import from_text, read

HEADER = "TỈNH ỦY SƠN LA\nSố 210-KH/TU\n\nSơn La, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nthực hiện Nghị quyết số 41-NQ/TW ngày 10/10/2023 của Bộ Chính trị\n\nI. NHIỆM VỤ CỤ THỂ\n\n"


def _assignments(body: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    doc = extract_source(from_text(HEADER + body, name="forms.txt"))
    return [(t.leads[0].name if t.leads else None, tuple(p.name for p in t.partners), t.deadline) for t in doc.tasks]


# --- task forms ------------------------------------------------------------------------------------
TASK_FORMS = [
    pytest.param(
        "1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát quy chế, hoàn thành trước ngày 15/4/2024.\n",
        [("Ban Tổ chức Tỉnh ủy", ("Văn phòng Tỉnh ủy",), "2024-04-15")],
        id="giao-X-chu-tri",
    ),
    pytest.param(
        "1. Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức quán triệt Nghị quyết, hoàn thành trong quý II/2024.\n",
        [("Ban Tuyên giáo Tỉnh ủy", (), "2024-06-30")],
        id="X-chu-tri",
    ),
    pytest.param(
        "1. Ban cán sự đảng UBND tỉnh chỉ đạo xây dựng đề án phát triển du lịch, hoàn thành trong năm 2024.\n",
        [("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), "2024-12-31")],
        id="X-chi-dao",
    ),
    pytest.param(
        "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tăng cường giám sát, phản biện xã hội.\n",
        [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", (), None)],
        id="de-nghi-X",
    ),
    pytest.param(
        "1. Ủy ban Kiểm tra Tỉnh ủy có trách nhiệm kiểm tra, giám sát việc thực hiện, báo cáo trước ngày 20/12/2024.\n",
        [("Ủy ban Kiểm tra Tỉnh ủy", (), "2024-12-20")],
        id="X-co-trach-nhiem",
    ),
    pytest.param(
        "1. Văn phòng Tỉnh ủy tham mưu sơ kết việc thực hiện Kế hoạch trong tháng 11/2024.\n",
        [("Văn phòng Tỉnh ủy", (), "2024-11")],
        id="X-tham-muu",
    ),
    pytest.param(
        "1. Xây dựng đề án chuyển đổi số (Ban cán sự đảng UBND tỉnh chủ trì; Sở Tài chính, Sở Nội vụ phối hợp; "
        "thời gian: năm 2025).\n",
        [("Ban cán sự đảng Ủy ban nhân dân tỉnh", ("Sở Tài chính", "Sở Nội vụ"), "2025-12-31")],
        id="lead-in-parentheses",
    ),
    pytest.param(
        "1. Tổ chức học tập, quán triệt Nghị quyết đến cán bộ chủ chốt.\n"
        "- Thời hạn: trước 30/11/2024.\n- Cơ quan phối hợp: Văn phòng Tỉnh ủy.\n- Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy.\n",
        [("Ban Tuyên giáo Tỉnh ủy", ("Văn phòng Tỉnh ủy",), "2024-11-30")],
        id="labelled-block-any-order",
    ),
    pytest.param(
        "1. Rà soát quy hoạch cán bộ.\n- Đơn vị chủ trì: Ban Tổ chức Tỉnh ủy.\n- Tiến độ: Quý III/2024.\n",
        [("Ban Tổ chức Tỉnh ủy", (), "2024-09-30")],
        id="labelled-block-subset",
    ),
    pytest.param(
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Xây dựng chính sách hỗ trợ doanh nghiệp | Sở Kế hoạch và Đầu tư | Sở Tài chính | Tháng 9/2024 |\n"
        "| 2 | Kiểm tra việc thực hiện | Ủy ban Kiểm tra Tỉnh ủy | Văn phòng Tỉnh ủy | Thường xuyên |\n",
        [
            ("Sở Kế hoạch và Đầu tư", ("Sở Tài chính",), "2024-09"),
            ("Ủy ban Kiểm tra Tỉnh ủy", ("Văn phòng Tỉnh ủy",), None),
        ],
        id="table-rows",
    ),
    pytest.param(
        "1. Giao Ban cán sự đảng UBND tỉnh chỉ đạo:\n\n- Rà soát quy hoạch sử dụng đất, hoàn thành trong quý I/2025;\n\n"
        "- Bố trí vốn đầu tư công cho các dự án trọng điểm.\n",
        [  # the opening gives its lead to each item and is no task of its own
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), "2025-03-31"),
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), None),
        ],
        id="group-lead-once",
    ),
    pytest.param(
        "1. Ban Tuyên giáo Tỉnh ủy\n\n- Tổ chức quán triệt Nghị quyết, hoàn thành trong quý II/2024.\n\n"
        "- Định hướng thông tin trên báo chí.\n\n2. Đối với Sở Y tế:\n\n- Rà soát mạng lưới y tế cơ sở trước ngày 30/9/2024.\n",
        [
            ("Ban Tuyên giáo Tỉnh ủy", (), "2024-06-30"),
            ("Ban Tuyên giáo Tỉnh ủy", (), None),
            ("Sở Y tế", (), "2024-09-30"),
        ],
        id="heading-naming-the-body",
    ),
    pytest.param(
        "1. Nâng cao chất lượng dịch vụ công\n\n- Chủ trì: Sở Tài chính; phối hợp: Sở Nội vụ; thời gian: Quý III/2025.\n",
        [("Sở Tài chính", ("Sở Nội vụ",), "2025-09-30")],
        id="labels-on-one-line-under-a-heading",
    ),
    pytest.param(
        "1. Giao Văn phòng Tỉnh ủy tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 30/6.\n",
        [("Văn phòng Tỉnh ủy", (), "2024-06-30")],
        id="day-without-year-of-the-document",
    ),
    pytest.param(
        "1. Sở Nội vụ chủ trì sơ kết việc thực hiện trong 6 tháng đầu năm 2025.\n",
        [("Sở Nội vụ", (), "2025-06-30")],
        id="first-half-of-a-year",
    ),
    pytest.param(
        "- Hoàn thành giải phóng mặt bằng tuyến tránh phía Tây.\n"
        "  Giao: Ban cán sự đảng UBND tỉnh chỉ đạo; hoàn thành trước ngày 15/5/2025.\n\n"
        "- Khởi công cầu vượt sông Nậm La.\n"
        "  Giao: Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh; thời gian: quý III/2025.\n",
        [
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), "2025-05-15"),
            ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", (), "2025-09-30"),
        ],
        id="giao-label-indented-under-a-bullet",
    ),
    pytest.param(
        "1. Chuẩn bị văn kiện\nCơ quan chủ trì: Văn phòng Tỉnh ủy\nNội dung: Xây dựng dự thảo Báo cáo chính trị\n"
        "Thời gian hoàn thành: trước ngày 31/12/2024\n\n"
        "2. Bảo đảm an ninh\nCơ quan chủ trì: Đảng ủy Công an tỉnh\nCơ quan phối hợp: Đảng ủy Quân sự tỉnh\n"
        "Thời gian: từ tháng 01/2025 đến khi kết thúc đại hội\n",
        [("Văn phòng Tỉnh ủy", (), "2024-12-31"), ("Đảng ủy Công an tỉnh", ("Đảng ủy Quân sự tỉnh",), None)],
        id="labels-on-lines-of-their-own-without-bullets",
    ),
    pytest.param(
        "1. Ban Thường vụ Huyện ủy Gò Công Đông chỉ đạo giải quyết dứt điểm khiếu kiện, trước ngày 31/8/2024.\n",
        [("Ban Thường vụ Huyện ủy Gò Công Đông", (), "2024-08-31")],
        id="place-named-with-a-body-word",
    ),
    pytest.param(
        "1. Thường trực Tỉnh ủy cơ bản thống nhất với phương án do Ban cán sự đảng UBND tỉnh trình.\n",
        [(None, (), None)],
        id="issuer-agreeing-is-no-assignment",
    ),
    pytest.param(
        "1. Phát động phong trào học tập số (Sở Khoa học và Công nghệ chủ trì; Tỉnh đoàn phối hợp; thời gian: trong "
        "quý\n\nIII/2025).\n",
        [("Sở Khoa học và Công nghệ", ("Tỉnh đoàn",), "2025-09-30")],
        id="page-break-inside-the-parentheses",
    ),
    pytest.param(  # the deadline label first, a day without a year; a group as the lead label's value
        "1. Xây dựng phần mềm quản lý văn bản\n   - Thời gian: trước 30/6\n   - Cơ quan chủ trì: Văn phòng Tỉnh ủy\n\n"
        "2. Phát động phong trào học tập số\n   - Cơ quan chủ trì: Đảng ủy các xã, thị trấn\n   - Thời gian: thường xuyên\n",
        [("Văn phòng Tỉnh ủy", (), "2024-06-30"), (None, (), None)],
        id="yearless-deadline-label-and-a-group-lead",
    ),
    pytest.param(  # a two-row header (merged "Cơ quan thực hiện" over "Phối hợp | Chủ trì"), the partners first
        "| STT | Thời hạn | Nội dung nhiệm vụ | Cơ quan thực hiện | Cơ quan thực hiện |\n|---|---|---|---|---|\n"
        "| STT | Thời hạn | Nội dung nhiệm vụ | Phối hợp | Chủ trì |\n"
        "| 1 | Quý III/2024 | Rà soát văn bản | Sở Tư pháp | Văn phòng Tỉnh ủy |\n",
        [("Văn phòng Tỉnh ủy", ("Sở Tư pháp",), "2024-09-30")],
        id="two-row-header-partners-before-lead",
    ),
    pytest.param(  # "- Giao: <bodies>" as a label among labelled lines, under a task heading "… , đánh giá"
        "1. Thẩm định, đánh giá\n   - Thời gian: trước ngày 20/11/2024\n   - Giao: Ban Tổ chức Tỉnh ủy\n\n"
        "2. Rà soát quy chế\n  Giao: Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp; hoàn thành trước ngày 30/4/2025.\n",
        [("Ban Tổ chức Tỉnh ủy", (), "2024-11-20"), ("Sở Nội vụ", ("Sở Tư pháp",), "2025-04-30")],
        id="giao-as-a-label-of-bodies-only",
    ),
    pytest.param(  # nested Markdown bullets: content under "Nội dung:", a body's duties under its name, "(chủ trì)"
        "1. Xây dựng kế hoạch\n   - Giao: Ban Tổ chức Tỉnh ủy\n   - Nội dung:\n     - dự thảo kế hoạch chung;\n"
        "     - mẫu biểu kiểm điểm.\n2. Thẩm định\n   - Ủy ban Kiểm tra Tỉnh ủy\n     - cung cấp thông tin;\n"
        "     - trước 10/01/2025.\n3. Theo dõi\n   - Văn phòng Tỉnh ủy (chủ trì) tổng hợp báo cáo.\n",
        [
            ("Ban Tổ chức Tỉnh ủy", (), None),
            ("Ủy ban Kiểm tra Tỉnh ủy", (), "2025-01-10"),
            ("Văn phòng Tỉnh ủy", (), None),
        ],
        id="nested-markdown-bullets",
    ),
    pytest.param(  # the lead in parentheses at the end, with its own verbs
        "- Tập trung giải ngân vốn đầu tư công, đạt 50% trước 30/6 (Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo).\n",
        [("Đảng ủy Ủy ban nhân dân tỉnh", (), "2024-06-30")],
        id="lead-in-parentheses-with-its-verb",
    ),
    pytest.param(
        "1. Văn phòng Tỉnh ủy và Ban Tổ chức Tỉnh ủy cùng chủ trì rà soát hồ sơ, hoàn thành trong quý I/2025.\n",
        [("Văn phòng Tỉnh ủy", (), "2025-03-31")],  # (the first lead of two)
        id="two-leads-cung-chu-tri",
    ),
    pytest.param(  # a body after a topic word, its task and time on the sub-items
        "1. Riêng Đảng bộ Công ty Cổ phần Cấp thoát nước Sơn La:\n   - chủ trì kiểm điểm gắn với sản xuất;\n"
        "   - thời gian: trong tháng 12/2024.\n",
        [("Đảng bộ Công ty Cổ phần Cấp thoát nước Sơn La", (), "2024-12")],
        id="rieng-X-sub-items",
    ),
    pytest.param(  # the subject working with others leads; a passive "được chọn"; a group clause takes no lead
        "1. Ủy ban MTTQ tỉnh phối hợp với các đoàn thể phát động phong trào thi đua, thực hiện trong năm 2024.\n"
        "2. Đảng ủy xã Chiềng Mung được chọn tổ chức đại hội điểm, xong trong quý I/2025; Đảng ủy các xã còn lại tổ "
        "chức đại hội, hoàn thành trước ngày 30/6/2025.\n",
        [
            ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", (), "2024-12-31"),
            ("Đảng ủy xã Chiềng Mung", (), "2025-03-31"),
            (None, (), "2025-06-30"),
        ],
        id="phoi-hop-voi-subject-passive-group-clause",
    ),
    pytest.param(  # a table row with a blank or "nt" lead cell takes the lead of the row above
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Tổ chức quán triệt Nghị quyết | Ban Tuyên giáo Tỉnh ủy | Sở Giáo dục và Đào tạo | Tháng 6/2024 |\n"
        "| | Biên soạn tài liệu hỏi - đáp | | Sở Văn hóa, Thể thao và Du lịch | Quý III/2024 |\n"
        "| 2 | Ban hành quy chế đánh giá cán bộ | Sở Nội vụ | Sở Tư pháp | Quý IV/2024 |\n"
        "| | Thẩm định đề xuất đầu tiên | nt | Sở Tài chính | Năm 2025 |\n",
        [
            ("Ban Tuyên giáo Tỉnh ủy", ("Sở Giáo dục và Đào tạo",), "2024-06"),
            ("Ban Tuyên giáo Tỉnh ủy", (), "2024-09-30"),
            ("Sở Nội vụ", ("Sở Tư pháp",), "2024-12-31"),
            ("Sở Nội vụ", (), "2025-12-31"),
        ],
        id="table-row-blank-or-nt-lead",
    ),
    pytest.param(  # a row titling a group of rows sets no task
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
        "| **1** | **Công tác tuyên truyền** | | |\n"
        "| 1.1 | Tổ chức quán triệt Nghị quyết | Ban Tuyên giáo Tỉnh ủy | Tháng 6/2024 |\n"
        "| II | XÂY DỰNG QUY ĐỊNH | | |\n"
        "| 2.1 | Ban hành quy chế | Sở Nội vụ | Quý IV/2024 |\n",
        [("Ban Tuyên giáo Tỉnh ủy", (), "2024-06"), ("Sở Nội vụ", (), "2024-12-31")],
        id="table-group-rows",
    ),
    pytest.param(  # one cell of labelled lines, their line breaks lost, in any order
        "| STT | Nội dung nhiệm vụ | Phân công thực hiện, thời gian |\n|---|---|---|\n"
        "| 1 | Ban hành kế hoạch | Chủ trì: Ủy ban nhân dân tỉnh Phối hợp: Sở Tài chính Thời gian: Quý IV/2024 |\n"
        "| 2 | Xây dựng đề án | Phối hợp: Sở Nội vụ, Sở Tư pháp Chủ trì: Sở Kế hoạch và Đầu tư Thời gian: Tháng 3/2025 |\n",
        [
            ("Ủy ban nhân dân tỉnh", ("Sở Tài chính",), "2024-12-31"),
            ("Sở Kế hoạch và Đầu tư", ("Sở Nội vụ", "Sở Tư pháp"), "2025-03"),
        ],
        id="table-cell-of-labels",
    ),
    pytest.param(  # a section title alone on its line does not run on into the sentence below it
        "1. Ban Tổ chức Tỉnh ủy rà soát, trước ngày 30/6/2024.\n\n2. Tổ chức thực hiện\n"
        "Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n",
        [("Ban Tổ chức Tỉnh ủy", (), "2024-06-30"), ("Văn phòng Tỉnh ủy", (), None)],
        id="section-title-line-then-sentence",
    ),
    pytest.param(  # a short numbered title line, then a body opening the next line: a title and its task
        "1. Ban Tổ chức Tỉnh ủy rà soát, trước ngày 30/6/2024.\n\n2. Phát triển hạ tầng số\n"
        "Ban cán sự đảng UBND tỉnh lãnh đạo đầu tư Trung tâm dữ liệu; hoàn thành trước ngày 30/6/2026.\n",
        [("Ban Tổ chức Tỉnh ủy", (), "2024-06-30"), ("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), "2026-06-30")],
        id="title-line-then-body",
    ),
    pytest.param(  # a short numbered sentence with its lead in a remark is a task, not a heading
        "1. Bảo đảm an ninh chính trị dịp Tết Nguyên đán. (Giao: Công an tỉnh)\n2. Ban Tổ chức Tỉnh ủy rà soát.\n",
        [("Công an tỉnh", (), None), ("Ban Tổ chức Tỉnh ủy", (), None)],
        id="short-item-with-remark",
    ),
    pytest.param(  # a body over its sub-items: one task per item, each with its own deadline
        "1. Ban Tổ chức Tỉnh ủy:\n   - Tham mưu bổ sung quy hoạch cán bộ, trước ngày 31/3/2024.\n"
        "   - Hướng dẫn đánh giá người đứng đầu, định kỳ hằng năm.\n"
        "2. Văn phòng Tỉnh ủy:\n   - Theo dõi việc thực hiện;\n   - thời gian: trong tháng 12/2024.\n",
        [
            ("Ban Tổ chức Tỉnh ủy", (), "2024-03-31"),
            ("Ban Tổ chức Tỉnh ủy", (), None),
            ("Văn phòng Tỉnh ủy", (), "2024-12"),  # a label item stays with the item above it
        ],
        id="X-colon-sub-items",
    ),
    pytest.param(  # a body alone on its line, its duty on the next (a verb, not a place), the deadline on a label
        "1. Ban Tuyên giáo Đảng ủy Ủy ban nhân dân tỉnh\nChủ trì hướng dẫn học tập, quán triệt Nghị quyết.\n"
        "Thời hạn: quý IV năm 2024.\n\n2. Đảng ủy Sở Tư pháp\nLãnh đạo xây dựng cơ sở dữ liệu văn bản; thời hạn: trong "
        "năm 2025.\n",
        [
            ("Ban Tuyên giáo Đảng ủy Ủy ban nhân dân tỉnh", (), "2024-12-31"),
            ("Đảng ủy Sở Tư pháp", (), "2025-12-31"),
        ],
        id="body-line-duty-line-deadline-label",
    ),
    pytest.param(
        "1. Đối với Ban Tổ chức Tỉnh ủy: rà soát quy hoạch cán bộ, hoàn thành trước ngày 30/6/2024.\n",
        [("Ban Tổ chức Tỉnh ủy", (), "2024-06-30")],
        id="doi-voi-X",
    ),
    pytest.param(  # labels closing the task in brackets or parentheses, in any order, "," or ";" between them
        "1. Rà soát quy hoạch sử dụng đất. [Chủ trì: Sở Tài nguyên và Môi trường, phối hợp: Sở Tài chính; thời gian: "
        "quý IV/2024]\n2. Giữ vững an ninh biên giới. (Thời gian: thường xuyên; chủ trì: Công an tỉnh)\n",
        [
            ("Sở Tài nguyên và Môi trường", ("Sở Tài chính",), "2024-12-31"),
            ("Công an tỉnh", (), None),
        ],
        id="closing-label-block",
    ),
    pytest.param(  # a lead label naming one body "phối hợp với" another: the first leads
        "1. Tổng kết Kế hoạch 42-KH/TU.\nĐơn vị chủ trì: Văn phòng Tỉnh ủy phối hợp với Ban Tổ chức Tỉnh ủy.\n"
        "Thời hạn: chậm nhất ngày 15/12/2025.\n",
        [("Văn phòng Tỉnh ủy", ("Ban Tổ chức Tỉnh ủy",), "2025-12-15")],
        id="lead-label-phoi-hop-voi",
    ),
    pytest.param(  # a remark on the subject between it and what it must do
        "1. Sở Y tế (cơ quan thường trực) hoàn thành kiểm điểm trước ngày 10/01/2025.\n",
        [("Sở Y tế", (), "2025-01-10")],
        id="subject-remark-verb",
    ),
    pytest.param(  # a recurring day in one clause, a deadline in the next: one task each
        "1. Giao Sở Tài chính tổng hợp, báo cáo UBND tỉnh trước ngày 20 tháng 12 hằng năm; tham mưu sơ kết 3 năm "
        "thực hiện Kế hoạch vào quý IV/2026.\n",
        [("Sở Tài chính", (), None), ("Sở Tài chính", (), "2026-12-31")],
        id="yearly-day-then-deadline",
    ),
    pytest.param(  # items opened by ordinal words
        "Bốn là, Ủy ban Kiểm tra Tỉnh ủy có trách nhiệm kiểm tra việc quản lý đất đai, hoàn thành trong tháng 10/2024.\n\n"
        "Năm là, Văn phòng Tỉnh ủy theo dõi, đôn đốc, tham mưu sơ kết vào quý II/2025.\n",
        [("Ủy ban Kiểm tra Tỉnh ủy", (), "2024-10"), ("Văn phòng Tỉnh ủy", (), "2025-06-30")],
        id="ordinal-words",
    ),
    pytest.param(  # leads alone in a parenthesis closing the task, with a time or none, in Markdown italics or not
        "- Kiểm tra 02 tổ chức đảng có dấu hiệu vi phạm (*Ủy ban Kiểm tra Tỉnh ủy; hoàn thành trong năm 2024*).\n"
        "- Tuyên truyền kỷ niệm Ngày thành lập Đảng bộ tỉnh (*Ban Tuyên giáo Tỉnh ủy, Sở Văn hóa, Thể thao và Du lịch*).\n"
        "- Vận động hội viên tham gia phong trào thi đua *(Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; thường xuyên)*.\n"
        "- Khởi công Trường Trung học cơ sở Chiềng Sinh (giai đoạn 2) (Các đảng ủy cơ sở; năm 2025).\n",
        [
            ("Ủy ban Kiểm tra Tỉnh ủy", (), "2024-12-31"),
            ("Ban Tuyên giáo Tỉnh ủy", (), None),  # and Sở Văn hóa, …: both lead (the first shown here)
            ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", (), None),
            (None, (), "2025-12-31"),
        ],
        id="leads-alone-in-a-closing-parenthesis",
    ),
    pytest.param(  # a body and what it must do on one line after a colon, the verb capitalised
        "2. Sở Thông tin và Truyền thông: Chủ trì xây dựng Kiến trúc chính quyền số; hoàn thành trong tháng 4/2025.\n"
        "3. Sở Kế hoạch và Đầu tư, Sở Tài chính: Căn cứ khả năng cân đối, đề xuất bố trí vốn trong quý I/2025.\n",
        [("Sở Thông tin và Truyền thông", (), "2025-04"), ("Sở Kế hoạch và Đầu tư", (), "2025-03-31")],
        id="body-colon-capitalised-verb",
    ),
    pytest.param(  # a department's head standing for it, over its items or on one line; "từ tháng …" starts, not ends
        "1. Giám đốc Sở Y tế:\na) Chủ trì xây dựng kế hoạch phòng dịch, hoàn thành trước ngày 15/4/2026;\n"
        "b) Chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh tăng cường giám sát (thực hiện thường xuyên).\n"
        "2. Giám đốc Sở Tài chính: tham mưu bố trí kinh phí phòng dịch trước ngày 30/4/2026.\n"
        "3. Đài Phát thanh và Truyền hình tỉnh mở chuyên mục phòng dịch, phát sóng định kỳ từ tháng 4/2026.\n",
        [
            ("Sở Y tế", (), "2026-04-15"),
            ("Sở Y tế", (), None),
            ("Sở Tài chính", (), "2026-04-30"),
            ("Đài Phát thanh và Truyền hình tỉnh", (), None),
        ],
        id="a-head-for-the-department",
    ),
    pytest.param(  # asking a superior for its attention is no assignment; asking a body to do something is
        "3. Đề nghị Ban Thường vụ Thành ủy, Ủy ban nhân dân thành phố quan tâm bố trí vốn cho Dự án đường tỉnh 354.\n"
        "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức giám sát việc bố trí vốn trong quý IV/2024.\n",
        [(None, (), None), ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", (), "2024-12-31")],
        id="asked-for-attention",
    ),
    pytest.param(  # items under a lead-in keep their own times (or none when recurring); one without takes the lead-in's
        "Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng Chương trình hành động, trình Ban Thường vụ Tỉnh ủy "
        "trong tháng 5/2024; chỉ đạo:\n- Rà soát các quy hoạch phát triển công nghiệp; hoàn thành trong năm 2024.\n"
        "- Hằng năm, bố trí ngân sách hỗ trợ doanh nghiệp đổi mới công nghệ.\n- Xây dựng cơ sở dữ liệu doanh nghiệp.\n",
        [  # (the lead-in, ending with its colon, leads the items)
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), "2024-12-31"),
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), None),
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), "2024-05"),
        ],
        id="items-under-a-lead-in-keep-their-times",
    ),
    pytest.param(  # an item that opens "Đánh giá, xếp loại …" is a task, not an assessment of the past
        "3. Cải cách hành chính\na) Sở Nội vụ tham mưu sắp xếp tổ chức bộ máy; hoàn thành trong năm 2023.\n"
        "b) Đánh giá, xếp loại cải cách hành chính các sở, ngành; thực hiện hằng năm.\n\n"
        "Sở Thông tin và Truyền thông chủ trì triển khai Trung tâm dữ liệu tỉnh, đưa vào vận hành trong quý IV/2024.\n",
        [
            ("Sở Nội vụ", (), "2023-12-31"),
            (None, (), None),
            ("Sở Thông tin và Truyền thông", (), "2024-12-31"),
        ],
        id="an-item-that-evaluates",
    ),
    pytest.param(  # the committee that assigns ("… phân công cụ thể như sau:") is no assignee
        "Ban Thường vụ Tỉnh ủy phân công cụ thể như sau:\n- Ban Tổ chức Tỉnh ủy chủ trì rà soát quy hoạch cán bộ, trong "
        "quý III/2024.\n",
        [("Ban Tổ chức Tỉnh ủy", (), "2024-09-30")],
        id="the-committee-that-assigns",
    ),
    pytest.param(  # a unit named short where the document names it in full: the full name
        "1. Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh chủ trì quán triệt Nghị quyết, xong trong quý I/2024.\n"
        "2. Giao Ban Xây dựng Đảng chủ trì, phối hợp với Văn phòng Đảng ủy rà soát cấp ủy, trước ngày 31/5/2024.\n"
        "3. Văn phòng Đảng ủy các cơ quan Đảng tỉnh theo dõi, tổng hợp.\n",
        [
            ("Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh", (), "2024-03-31"),
            (
                "Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh",
                ("Văn phòng Đảng ủy các cơ quan Đảng tỉnh",),
                "2024-05-31",
            ),
            ("Văn phòng Đảng ủy các cơ quan Đảng tỉnh", (), None),
        ],
        id="short-name-of-a-unit-named-in-full",
    ),
    pytest.param(  # two units it could be: the name as printed
        "1. Ban Xây dựng Đảng Tỉnh ủy và Ban Xây dựng Đảng Huyện ủy Mộc Châu phối hợp tuyên truyền.\n"
        "2. Giao Ban Xây dựng Đảng chủ trì tổng kết, trước ngày 31/5/2024.\n",
        [("Ban Xây dựng Đảng Tỉnh ủy", (), None), ("Ban Xây dựng Đảng", (), "2024-05-31")],
        id="short-name-of-two-units",
    ),
    pytest.param(  # two sentences with their own times: one task each; a last remark with none joins the one before
        "1. Giao Sở Giao thông vận tải rà soát các chỉ tiêu giao cho cấp huyện, hoàn thành trong tháng 10/2024. Chỉ đạo "
        "đẩy nhanh tiến độ Dự án cầu Tân Hòa, phấn đấu thông xe trong quý II/2025. Tăng cường kiểm tra chất lượng.\n",
        [("Sở Giao thông vận tải", (), "2024-10"), ("Sở Giao thông vận tải", (), "2025-06-30")],
        id="two-sentences-two-deadlines",
    ),
    pytest.param(  # clauses joined after a time's year, each with its own; a horizon ("đến năm 2030, …") joins nothing
        "1. Giao Ủy ban nhân dân xã khởi công Dự án Chợ trung tâm xã trong quý II/2024 và hoàn thành Dự án Đường "
        "thôn Nà Pinh trước 30/6/2025.\n2. Giao Ủy ban nhân dân xã xây dựng Đề án phát triển du lịch đến năm 2030, tầm "
        "nhìn đến năm 2045, trình Đảng ủy trong năm 2024.\n",
        [
            ("Ủy ban nhân dân xã", (), "2024-06-30"),
            ("Ủy ban nhân dân xã", (), "2025-06-30"),
            ("Ủy ban nhân dân xã", (), "2024-12-31"),
        ],
        id="clauses-after-a-year",
    ),
    pytest.param(  # the unit in charge in parentheses after its department, the department leads
        "1. Sở Nông nghiệp và Phát triển nông thôn (Văn phòng Điều phối nông thôn mới tỉnh) tham mưu triển khai "
        "Chương trình xây dựng nông thôn mới; thực hiện hằng năm.\n",
        [("Sở Nông nghiệp và Phát triển nông thôn", (), None)],
        id="unit-in-charge-in-parentheses",
    ),
    pytest.param(  # a council's standing body at the head of the council's own groups, their unit at the end
        "2. Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân "
        "dân xã giám sát việc thực hiện Nghị quyết này.\n",
        [("Thường trực Hội đồng nhân dân", (), None)],
        id="council-standing-body-and-its-groups",
    ),
    pytest.param(  # a lead-in whose subject follows a time ("Thời gian tới, X cần … các nhiệm vụ sau:") over dashes
        "2. Thời gian tới, Ban Thường vụ Huyện ủy Mộc Châu cần tập trung lãnh đạo thực hiện tốt các nhiệm vụ sau:\n"
        "- Chỉ đạo tổ chức đại hội điểm cấp cơ sở, hoàn thành trong tháng 01/2025.\n"
        "- Hoàn thiện Đề án sắp xếp đơn vị hành chính cấp xã, trình Ủy ban nhân dân tỉnh trước ngày 15/10/2024.\n",
        [("Ban Thường vụ Huyện ủy Mộc Châu", (), "2025-01"), ("Ban Thường vụ Huyện ủy Mộc Châu", (), "2024-10-15")],
        id="lead-in-after-a-time",
    ),
    pytest.param(  # a matter on how things stand: past sentences, then "… yêu cầu:" over dash items that direct
        "2. Về tình hình triển khai các dự án giao thông trọng điểm\nThời gian qua, tiến độ giải phóng mặt bằng còn "
        "chậm, một số hộ dân chưa đồng thuận. Ban Thường vụ Tỉnh ủy yêu cầu:\n- Ban cán sự đảng Ủy ban nhân dân tỉnh "
        "chỉ đạo bàn giao toàn bộ mặt bằng cho nhà đầu tư trong tháng 10/2022.\n- Ban Dân vận Tỉnh ủy theo dõi, nắm "
        "tình hình tư tưởng Nhân dân trong vùng dự án.\n",
        [("Ban cán sự đảng Ủy ban nhân dân tỉnh", (), "2022-10"), ("Ban Dân vận Tỉnh ủy", (), None)],
        id="items-under-a-lead-in-after-the-past",
    ),
    pytest.param(  # the Front addressed with the organisations it leads is addressed; unaddressed, it is no lead
        "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh vận động Nhân dân hiến "
        "đất, giải phóng mặt bằng.\n2. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội thông "
        "qua hoạt động của hệ thống tổ chức để phản ánh tâm tư, nguyện vọng của Nhân dân.\n",
        [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", (), None), (None, (), None)],
        id="the-front-addressed-with-the-mass-organisations",
    ),
]


@pytest.mark.parametrize("body, expected", TASK_FORMS)
def test_task_form(body: str, expected: list) -> None:
    assert _assignments(body) == expected


@pytest.mark.parametrize(
    "heading", ["III. THỜI GIAN VÀ TIẾN ĐỘ THỰC HIỆN", "III. LỘ TRÌNH THỰC HIỆN", "III. PHÂN CÔNG THỰC HIỆN"]
)
def test_a_timeline_part_sets_tasks_with_the_deadline_first(heading: str) -> None:
    body = (
        "I. MỤC ĐÍCH\nBảo đảm kiểm điểm thực chất.\n\n" + heading + "\n"
        "1. Trước ngày 30/11/2024: Ban Tổ chức Tỉnh ủy hướng dẫn, gửi mẫu biểu kiểm điểm.\n"
        "2. Trong tháng 01/2025: Văn phòng Tỉnh ủy chuẩn bị tài liệu phục vụ kiểm điểm.\n"
    )
    doc = extract_source(from_text(HEADER.split("I. NHIỆM VỤ")[0] + body, name="hd.txt"))
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks] == [
        ("Ban Tổ chức Tỉnh ủy", "2024-11-30"),
        ("Văn phòng Tỉnh ủy", "2025-01"),
    ]


def _from_file(path, text: str):
    """The document read from a file holding ``text`` (its format by its suffix, as a load reads it)."""
    path.write_text(text, encoding="utf-8")
    return extract_source(read(path))


def test_a_task_table_typed_with_tabs(tmp_path) -> None:
    body = (
        "2.3. Các nhiệm vụ cụ thể:\n\nTT\tNội dung\t\t\tChủ trì\t\tThời hạn\n"
        "1\tHoàn thành phương án bồi thường,\t\tUBND thành phố Sơn La\t\t15/11/2024\n\ttái định cư khu vực bản Mòng\n"
        "2\tKiểm tra việc sử dụng kinh phí\tỦy ban Kiểm tra Tỉnh ủy\tTrong tháng 12/2024\n\nNơi nhận:\n"
    )
    doc = _from_file(tmp_path / "tb.txt", HEADER + body)
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks] == [
        ("Ủy ban nhân dân thành phố Sơn La", "2024-11-15"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "2024-12"),
    ]
    assert "tái định cư khu vực bản Mòng" in doc.tasks[0].text


def test_a_markdown_cell_of_labelled_lines_broken_by_br(tmp_path) -> None:
    body = (
        "| TT | Nhiệm vụ | Chủ trì / phối hợp | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Tổ chức quán triệt Chương trình | Chủ trì: Ban Tuyên giáo Tỉnh ủy<br>Phối hợp: Văn phòng Tỉnh ủy | Tháng 11/2025 |\n"
        "| 2 | Nâng cấp trạm y tế | Phối hợp: Sở Y tế<br>Chủ trì: Ủy ban nhân dân tỉnh;<br>Công an tỉnh | Trước 30/6/2026 |\n"
    )
    doc = _from_file(tmp_path / "ctr.md", HEADER + body)
    assert [([ln.name for ln in t.leads], [p.name for p in t.partners], t.deadline) for t in doc.tasks] == [
        (["Ban Tuyên giáo Tỉnh ủy"], ["Văn phòng Tỉnh ủy"], "2025-11"),
        (["Ủy ban nhân dân tỉnh", "Công an tỉnh"], ["Sở Y tế"], "2026-06-30"),
    ]


def test_two_bodies_that_phoi_hop_a_verb_lead_together() -> None:
    """ "X và Y phối hợp xây dựng …" — both lead; "(X, Y phối hợp thực hiện; Z chủ trì)" — only Z leads."""
    body = (
        "1. Đảng ủy Ủy ban nhân dân tỉnh và Đảng ủy Hội đồng nhân dân tỉnh phối hợp xây dựng Nghị quyết về chính sách "
        "hỗ trợ giáo viên, trình tại kỳ họp cuối năm 2025.\n"
        "2. Mở rộng Trung tâm dữ liệu tỉnh (Sở Tài chính, Sở Xây dựng phối hợp thực hiện; Sở Khoa học và Công nghệ "
        "chủ trì), hoàn thành năm 2026.\n"
    )
    doc = extract_source(from_text(HEADER + body, name="kh.txt"))
    assert [[lead.name for lead in t.leads] for t in doc.tasks] == [
        ["Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy Hội đồng nhân dân tỉnh"],
        ["Sở Khoa học và Công nghệ"],
    ]


def test_what_points_to_an_appendix_sets_no_task() -> None:
    body = (
        "1. Ban Tổ chức Tỉnh ủy rà soát quy chế, hoàn thành trong quý II/2024.\n"
        "2. Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời gian hoàn thành tại Phụ lục kèm theo Kế hoạch này.\n"
        "3. Giao Văn phòng Tỉnh ủy thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n"
        "PHỤ LỤC\n(Kèm theo Kế hoạch số 210-KH/TU, ngày 05/3/2024 của Ban Thường vụ Tỉnh ủy)\n"
    )
    doc = extract_source(from_text(HEADER + body, name="kh.txt"))
    assert [t.leads[0].name if t.leads else None for t in doc.tasks] == ["Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy"]


def test_party_organisations_of_units_joined_by_va() -> None:
    """A hospital's Party organisation runs to its unit, never into the next one; "Phát triển" is a name's word."""
    doc = extract_source(
        from_text(
            HEADER + "1. Đảng uỷ Bệnh viện Đa khoa tỉnh và Đảng uỷ Sở Y tế hoàn thành kiểm điểm.\n"
            "2. Đảng bộ Công ty Cổ phần Xây dựng và Phát triển Sơn La tổ chức kiểm điểm.\n",
            name="kd.txt",
        )
    )
    assert [[lead.name for lead in t.leads] for t in doc.tasks] == [
        ["Đảng ủy Bệnh viện Đa khoa tỉnh", "Đảng ủy Sở Y tế"],
        ["Đảng bộ Công ty Cổ phần Xây dựng và Phát triển Sơn La"],
    ]


def test_groups_are_not_assignees() -> None:
    tasks = _assignments("1. Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện, hoàn thành trong tháng 5/2024.\n")
    assert [t[0] for t in tasks] == [None]


# --- deadlines -------------------------------------------------------------------------------------
DEADLINES = [
    # a period closing the clause after a comma, by its last year; not the period in a plan's name
    ("tham mưu kiện toàn đội ngũ cán bộ pháp chế, giai đoạn 2026 - 2030.", "2030-12-31"),
    # the horizon of a plan or of a cited title is no deadline
    (
        "thực hiện Nghị quyết số 11-NQ/TW về vùng trung du đến năm 2030, tầm nhìn đến năm 2045; hoàn thành đến hết năm 2025.",
        "2025-12-31",
    ),
    ("cụ thể hóa Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 (thực hiện thường xuyên)", None),
    ("phấn đấu đến năm 2030 đạt 50% số xã", "2030-12-31"),
    ("phấn đấu năm 2026 hoàn thành số hóa hồ sơ hộ tịch", "2026-12-31"),  # the year the work is done in
    ("phấn đấu năm 2025 tăng trưởng 8%", None),  # a target, no deadline
    # documents described by when they were issued; issuing one by a day is a deadline
    (
        "rà soát văn bản do Hội đồng nhân dân, Ủy ban nhân dân tỉnh ban hành trước ngày 01/7/2025; hoàn thành trong quý III/2025.",
        "2025-09-30",
    ),
    ("tham mưu ban hành Kế hoạch trước ngày 30/6/2025", "2025-06-30"),
    ("xây dựng Đề án phát triển nhà ở giai đoạn 2025 - 2030, trình Ủy ban nhân dân tỉnh", None),
    ("hoàn thành trước ngày 15/4/2024", "2024-04-15"),
    ("giải ngân vốn đầu tư công, hết ngày 31/01/2024 giải ngân 100%", "2024-01-31"),  # "hết ngày": by that day
    # a session prepared, or where results are reported, is named by its part of the year: no deadline; a submission
    # to it has one
    ("Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo chuẩn bị tốt nội dung kỳ họp thường lệ cuối năm 2023", None),
    ("báo cáo kết quả thực hiện tại kỳ họp cuối năm 2026 của Hội đồng nhân dân xã", None),
    ("xây dựng Bảng giá đất, trình Hội đồng nhân dân tỉnh tại kỳ họp cuối năm 2025", "2025-12-31"),
    ("báo cáo kết quả vào tháng 12 năm 2025", "2025-12"),
    ("số hóa hồ sơ (Phòng Quản lý đô thị thành phố chủ trì, Phòng Tài nguyên phối hợp; năm 2024).", "2024-12-31"),
    ("hoàn thành trong quý I, II năm 2026", "2026-06-30"),
    ("triển khai trong các quý III, IV năm 2025", "2025-12-31"),
    ("thực hiện trong năm 2025 và những năm tiếp theo", None),  # open-ended
    ("hoàn thành bàn giao mặt bằng chậm nhất là ngày 30/11/2024", "2024-11-30"),
    ("trước 30/11/2019", "2019-11-30"),
    ("chậm nhất ngày 10 tháng 02 năm 2025", "2025-02-10"),
    ("trong tháng 9/2025", "2025-09"),
    ("hoàn thành trong tháng 11 năm 2024", "2024-11"),
    ("trong quý II năm 2026", "2026-06-30"),
    ("hoàn thành trong Quý III/2025", "2025-09-30"),
    ("hoàn thành trong năm 2025", "2025-12-31"),
    ("từ nay đến năm 2030", "2030-12-31"),
    ("từ nay đến hết 2027", "2027-12-31"),
    ("(…; thời gian: năm 2025)", "2025-12-31"),
    ("tổ chức sơ kết vào quý IV/2024", "2024-12-31"),
    ("thực hiện thường xuyên", None),
    ("định kỳ hằng năm báo cáo", None),
]


@pytest.mark.parametrize("text, expected", DEADLINES)
def test_deadline_in_running_text(text: str, expected: str | None) -> None:
    assert find_deadline(text)[0] == expected


@pytest.mark.parametrize(
    "text, since, expected",
    [
        ("trước ngày 30/6", "2024-03-05", "2024-06-30"),
        # a year that is no deadline does not hide a day of the document's year
        ("giải ngân 100% kế hoạch vốn năm 2025 trước 31/12", "2025-11-10", "2025-12-31"),
        ("báo cáo trước ngày 15/12 hằng năm", "2025-06-01", None),
        # a yearly report said before its day, in the same clause
        ("định kỳ hằng năm báo cáo Ban cán sự đảng Ủy ban nhân dân tỉnh (trước ngày 15/11)", "2023-03-01", None),
        ("thực hiện hằng năm; báo cáo Ban Thường vụ trước ngày 15/11", "2023-03-01", "2023-11-15"),
        ("hoàn thành trước ngày 20 tháng 12", "2025-06-20", "2025-12-20"),  # a day and month in words
        # before the Lunar New Year: the day of that year's Tết (data/vocab/tet.csv), else of the next one
        ("hỗ trợ hộ nghèo, xong trước Tết Nguyên đán Bính Ngọ 2026", "2025-11-10", "2026-02-17"),
        ("tổ chức thăm hỏi gia đình chính sách trước Tết Nguyên đán", "2024-11-20", "2025-01-29"),
        # the day stated, then recurring work in another clause
        (
            "biên soạn tài liệu năm 2025, hoàn thành trước 30/11; định kỳ hằng năm giới thiệu",
            "2024-09-16",
            "2024-11-30",
        ),
    ],
)
def test_deadline_without_a_year(text: str, since: str, expected: str | None) -> None:
    assert find_deadline(text, since=since)[0] == expected


CELLS = [
    ("Quý IV/2019", "2019-12-31"),
    ("Tháng 9/2025", "2025-09"),
    ("30/6/2024", "2024-06-30"),
    ("Năm 2024", "2024-12-31"),
    ("2023 - 2025", "2025-12-31"),
    ("Hằng năm", None),
    ("Thường xuyên", None),
    ("thường xuyên, trước, trong và sau đại hội", None),
]


@pytest.mark.parametrize("cell, expected", CELLS)
def test_deadline_cell(cell: str, expected: str | None) -> None:
    found = cell_deadline(cell)
    assert found[0] == expected
    assert found[2] == (expected is None)  # no date: recurring


# --- bodies at every level --------------------------------------------------------------------------
BODIES = [
    ("Ban Thường vụ Tỉnh ủy chủ trì", "Ban Thường vụ Tỉnh ủy", "provincial"),
    ("Đảng ủy Ủy ban nhân dân tỉnh chỉ đạo", "Đảng ủy Ủy ban nhân dân tỉnh", "provincial"),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì", "Ban Tuyên giáo và Dân vận Tỉnh ủy", "provincial"),
    ("Sở Tài chính chủ trì", "Sở Tài chính", "provincial"),
    ("Quỹ Đầu tư phát triển thành phố chủ trì", "Quỹ Đầu tư phát triển thành phố", "provincial"),
    (
        "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng chủ trì",
        "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng",
        "provincial",
    ),
    ("Đảng ủy Khối các Khu công nghiệp tỉnh lãnh đạo", "Đảng ủy Khối các Khu công nghiệp tỉnh", "provincial"),
    (
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi chủ trì",
        "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
        "provincial",
    ),
    (  # the 2025 steering committee of Resolution 57, its name a list
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh chủ trì",
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh",
        "provincial",
    ),
    (
        "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Hòa Bình chỉ đạo",
        "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Hòa Bình",
        "provincial",
    ),
    # associations, to their unit ("Hợp tác xã" is no commune)
    ("Hiệp hội Doanh nghiệp tỉnh Long An phối hợp", "Hiệp hội Doanh nghiệp tỉnh Long An", "provincial"),
    ("Liên minh Hợp tác xã tỉnh chủ trì", "Liên minh Hợp tác xã tỉnh", "provincial"),
    (
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì",
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        "provincial",
    ),
    ("Hội Người cao tuổi xã Mậu Duệ phối hợp", "Hội Người cao tuổi xã Mậu Duệ", "commune"),
    ("Ban Tổ chức Huyện ủy chủ trì", "Ban Tổ chức Huyện ủy", "district"),
    ("UBND huyện Bát Xát rà soát", "UBND huyện Bát Xát", "district"),
    ("Phòng Tài chính - Kế hoạch huyện chủ trì", "Phòng Tài chính - Kế hoạch huyện", "district"),
    ("Công an huyện chủ trì", "Công an huyện", "district"),
    ("Đảng ủy xã Quang Kim chủ trì", "Đảng ủy xã Quang Kim", "commune"),
    ("Ban Xây dựng Đảng Đảng ủy phường tham mưu", "Ban Xây dựng Đảng Đảng ủy phường", "commune"),
    ("Ủy ban Kiểm tra Đảng ủy phường chủ trì", "Ủy ban Kiểm tra Đảng ủy phường", "commune"),
    ("Trung tâm Phục vụ hành chính công phường thực hiện", "Trung tâm Phục vụ hành chính công phường", "commune"),
    ("Phòng Kinh tế, Hạ tầng và Đô thị phường chủ trì", "Phòng Kinh tế, Hạ tầng và Đô thị phường", "commune"),
    ("Công an xã chủ trì", "Công an xã", "commune"),
    # the 2025 bloc committees and their units, the Party organisations of media and forces
    (
        "Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh chủ trì",
        "Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh",
        "provincial",
    ),
    ("Văn phòng Đảng ủy Ủy ban nhân dân tỉnh theo dõi", "Văn phòng Đảng ủy Ủy ban nhân dân tỉnh", "provincial"),
    ("Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh chủ trì", "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh", "provincial"),
    ("Đảng bộ Báo Quảng Trị chủ trì mở chuyên mục", "Đảng bộ Báo Quảng Trị", "provincial"),
    ("Đài Phát thanh và Truyền hình Cà Mau đưa tin", "Đài Phát thanh và Truyền hình Cà Mau", "provincial"),
    ("Đảng bộ Quân sự tỉnh chủ trì", "Đảng bộ Quân sự tỉnh", "provincial"),
    # the capital's "Thành phố", capitalised
    ("Ủy ban MTTQ Việt Nam Thành phố giám sát", "Ủy ban MTTQ Việt Nam Thành phố", "provincial"),
    ("Công an Thành phố chủ trì", "Công an Thành phố", "provincial"),
    # the Party organisation of an enterprise or a school, to the last capitalised word of its name
    (
        "Đảng bộ Công ty Cổ phần Cấp thoát nước Sơn La chủ trì",
        "Đảng bộ Công ty Cổ phần Cấp thoát nước Sơn La",
        "provincial",
    ),
    ("Đảng ủy Công ty Điện lực Sơn La xây dựng kế hoạch", "Đảng ủy Công ty Điện lực Sơn La", "provincial"),
    ("Chi bộ Trường THPT Chu Văn An thực hiện", "Chi bộ Trường THPT Chu Văn An", "provincial"),
]

# The name a body is given: abbreviations spelled out (data/vocab/abbreviations.csv), as canonical names are written;
# steering committees named by what they steer, to their unit.
DISPLAY_NAMES = [
    ("Sở KH&CN chủ trì", "Sở Khoa học và Công nghệ", "provincial"),
    ("Sở NN&PTNT chủ trì", "Sở Nông nghiệp và Phát triển nông thôn", "provincial"),
    ("UBMTTQ xã chủ trì", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "commune"),
    ("Ủy ban MTTQ Việt Nam phường phối hợp", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "commune"),
    ("LĐLĐ huyện phát động", "Liên đoàn Lao động huyện", "district"),
    ("UBND huyện Bát Xát rà soát", "Ủy ban nhân dân huyện Bát Xát", "district"),
    ("BCĐ 57 tỉnh chỉ đạo", "Ban Chỉ đạo 57 tỉnh", "provincial"),
    # the Party organisation of a body named after it
    ("Đảng ủy Sở Tư pháp lãnh đạo", "Đảng ủy Sở Tư pháp", "provincial"),
    ("Đảng bộ Sở KH&CN thực hiện", "Đảng bộ Sở Khoa học và Công nghệ", "provincial"),
    # the 2025 bodies: a committee with a comma in its name, the merged newsroom, the Front's and the council's
    # Party committees
    ("Ban Chính sách, chiến lược Tỉnh ủy chủ trì", "Ban Chính sách, chiến lược Tỉnh ủy", "provincial"),
    (
        "Đảng ủy Báo và Phát thanh, Truyền hình Sơn La chủ trì",
        "Đảng ủy Báo và Phát thanh, Truyền hình Sơn La",
        "provincial",
    ),
    (
        "Đảng ủy Ủy ban Mặt trận Tổ quốc và các đoàn thể tỉnh lãnh đạo",
        "Đảng ủy Ủy ban Mặt trận Tổ quốc và các đoàn thể tỉnh",
        "provincial",
    ),
    ("Đảng ủy HĐND tỉnh lãnh đạo", "Đảng ủy Hội đồng nhân dân tỉnh", "provincial"),
    # a unit named without its place, when what it must do follows
    ("Phòng Tổ chức cán bộ chủ trì tham mưu", "Phòng Tổ chức cán bộ", "provincial"),
    ("Đảng ủy Phòng Cảnh sát giao thông chuẩn bị đại hội", "Đảng ủy Phòng Cảnh sát giao thông", "provincial"),
    ("Trường Đại học Tây Bắc xây dựng đề án", "Trường Đại học Tây Bắc", "provincial"),
    ("Văn phòng Đăng ký đất đai tỉnh cập nhật dữ liệu", "Văn phòng Đăng ký đất đai tỉnh", "provincial"),
    (
        "BCĐ thực hiện Quy chế dân chủ ở cơ sở huyện chỉ đạo",
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện",
        "district",
    ),
    ("Trạm Y tế xã chủ trì", "Trạm Y tế xã", "commune"),
    ("Bưu điện tỉnh phối hợp", "Bưu điện tỉnh", "provincial"),
    # a 2025 commission named without its committee
    ("Ban Xây dựng Đảng chủ trì", "Ban Xây dựng Đảng", "provincial"),
    # "xã hội" is no commune; the state's regional units of 2025
    ("Bảo hiểm xã hội tỉnh chủ trì", "Bảo hiểm xã hội tỉnh", "provincial"),
    ("Ngân hàng Nhà nước chi nhánh khu vực 5 chỉ đạo", "Ngân hàng Nhà nước chi nhánh khu vực 5", "provincial"),
    ("Kho bạc Nhà nước khu vực IX phối hợp", "Kho bạc Nhà nước khu vực IX", "provincial"),
    ("Thuế tỉnh rà soát", "Thuế tỉnh", "provincial"),
]


@pytest.mark.parametrize("text", ["Trung tâm dữ liệu tỉnh hoàn thành trong năm 2025", "Trường học đạt chuẩn quốc gia"])
def test_a_work_is_no_body(text: str) -> None:
    assert body_at(text, 0) is None


@pytest.mark.parametrize("text, shown, level", DISPLAY_NAMES)
def test_body_display_name(text: str, shown: str, level: str) -> None:
    hit = body_at(text, 0)
    assert hit is not None
    end, kind, printed = hit
    assert (body_ref(0, end, kind, printed).name, kind.level) == (shown, level)


@pytest.mark.parametrize("text, printed, level", BODIES)
def test_body_at_every_level(text: str, printed: str, level: str) -> None:
    hit = body_at(text, 0)
    assert hit is not None
    end, kind, name = hit
    assert (name, kind.level) == (printed, level)


def test_district_document_resolves_its_own_bodies_and_issuer() -> None:
    text = (
        "ĐẢNG BỘ TỈNH LÀO CAI\nHUYỆN ỦY BÁT XÁT\n*\nSố 186-KH/HU\n\nBát Xát, ngày 08 tháng 11 năm 2019\n\n"
        "KẾ HOẠCH\nthực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị\n\nI. NHIỆM VỤ\n\n"
        "1. Ban Tổ chức Huyện ủy chủ trì rà soát quy hoạch, hoàn thành trong Quý I/2020.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nGiàng Thị Dung\n"
    )
    doc = extract_source(from_text(text, name="hu.txt"))
    assert (doc.symbol, doc.province, doc.issuer) == ("186-KH/HU", "Lào Cai", "Ban Thường vụ Huyện ủy Bát Xát")
    assert [(b.name, b.level) for t in doc.tasks for b in t.leads] == [("Ban Tổ chức Huyện ủy", "district")]
    assert doc.persons[0].roles == ("Bí thư Huyện ủy",)


# --- symbol variants ---------------------------------------------------------------------------------
SYMBOLS = [
    ("Quy định số 08-QĐi/TW ngày 25/10/2018", "08-QĐi/TW"),
    ("Nghị quyết số 19-2017/NQ-CP ngày 06/02/2017", "19/2017/NQ-CP"),
    ("Chương trình số 35/CTr-TU ngày 01/3/2021", "35-CTr/TU"),
    ("Chương trình số 35-CTr/TU ngày 01/3/2021", "35-CTr/TU"),
    ("Kế hoạch số 12 - KH / ĐU ngày 15/8/2025", "12-KH/ĐU"),
    ("Kết luận số 21-KL/HU ngày 02/4/2024", "21-KL/HU"),
    ("Kế hoạch số 56/KH-UBND ngày 26/02/2025", "56/KH-UBND"),
    ("Chương trình số 1685/CTr-UBND ngày 08/3/2023", "1685/CTr-UBND"),
    ("Quy chế phối hợp số 03-QC/UBKT-BNC ngày 10/3/2025", "03-QC/UBKT-BNC"),  # two issuers
]


@pytest.mark.parametrize("text, symbol", SYMBOLS)
def test_symbol_variant(text: str, symbol: str) -> None:
    src = from_text(text, name="s.txt")
    assert [m.symbol for m in find_mentions(src, 0, len(src.text))] == [symbol]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Báo cáo thẩm tra số 32/BC-HĐND ngày 05/12/2025 của Ban Kinh tế - Xã hội", "Báo cáo"),  # by its code
        ("văn bản số 145/TTr-UBND ngày 01/12/2025", "Tờ trình"),
        ("Quyết định số 1719/QĐ-TTg ngày 14/10/2021", "Quyết định"),
    ],
)
def test_a_state_symbols_type_code_names_its_type(text: str, kind: str) -> None:
    src = from_text(text, name="s.txt")
    assert [m.type_word for m in find_mentions(src, 0, len(src.text))] == [kind]


# --- links and reports --------------------------------------------------------------------------------
def test_title_naming_two_documents_gives_two_links_and_an_appendix_caption_is_no_citation() -> None:
    text = (
        HEADER.replace(
            "thực hiện Nghị quyết số 41-NQ/TW ngày 10/10/2023 của Bộ Chính trị",
            "thực hiện Kết luận số 14-KL/TW ngày 22/9/2021 và Nghị quyết số 41-NQ/TW ngày 10/10/2023",
        )
        + "1. Giao Văn phòng Tỉnh ủy theo dõi.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLò Văn Mừng\n\nPHỤ LỤC\n"
        "(Kèm theo Kế hoạch số 210-KH/TU ngày 05/3/2024 của Ban Thường vụ Tỉnh ủy)\n"
    )
    doc = extract_source(from_text(text, name="two.txt"))
    assert sorted(l.target[0] for l in doc.links if l.source is None and l.relation == "implements") == [
        "14-KL/TW",
        "41-NQ/TW",
    ]
    assert "210-KH/TU" not in {c.symbol for c in doc.citations}


def test_a_review_report_sets_tasks_only_in_its_forward_part() -> None:
    text = (
        "TỈNH ỦY HÀ TĨNH\nSố 685-BC/TU\n\nHà Tĩnh, ngày 25 tháng 6 năm 2024\n\nBÁO CÁO\n"
        "tổng kết 10 năm thực hiện Chỉ thị số 40-CT/TW ngày 22/11/2014 của Ban Bí thư\n\n"
        "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN\n\n1. Ban Thường vụ Tỉnh ủy đã giao Ban cán sự đảng UBND tỉnh chủ trì "
        "bố trí 60 tỷ đồng; Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra 12 cuộc.\n\n"
        "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI\n\n"
        "1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền kết quả 10 năm thực hiện Chỉ thị.\n"
    )
    doc = extract_source(from_text(text, name="bc.txt"))
    assert [b.name for t in doc.tasks for b in t.leads] == ["Ban Tuyên giáo Tỉnh ủy"]


def test_a_superiors_answer_to_a_lower_bodys_requests_sets_tasks_its_own_requests_do_not() -> None:
    """ "Đối với các kiến nghị của huyện": the issuer answers and assigns; "KIẾN NGHỊ": the issuer asks above."""
    text = (
        "TỈNH ỦY SƠN LA\nSố 712-TB/TU\n\nSơn La, ngày 05 tháng 10 năm 2023\n\nTHÔNG BÁO\nkết luận của Thường trực "
        "Tỉnh ủy tại buổi làm việc với Ban Thường vụ Huyện ủy Mai Sơn\n\n1. Đối với các kiến nghị của huyện\n"
        "1.1. Đồng ý chủ trương đầu tư đường nội thị. Giao Sở Tài chính chủ trì thẩm định, xong trước ngày 15/11/2023.\n\n"
        "2. KIẾN NGHỊ\n2.1. Đề nghị Ủy ban nhân dân tỉnh bố trí vốn cho đường nội thị.\n"
    )
    doc = extract_source(from_text(text, name="tb.txt"))
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads] == [("Sở Tài chính", "2023-11-15")]


def test_a_matter_on_the_results_of_carrying_out_a_document_holds_its_directions() -> None:
    """ "1. Về kết quả thực hiện Nghị quyết …" heads a matter a meeting concludes on; "Về kết quả 6 tháng đầu năm" is
    the past. A line "Đối với X:" hands the items below it to X."""
    text = (
        "TỈNH ỦY SƠN LA\nSố 1320-TB/TU\n\nSơn La, ngày 19 tháng 6 năm 2023\n\nTHÔNG BÁO\nkết luận của Ban Thường vụ "
        "Tỉnh ủy\n\n1. Về kết quả 6 tháng đầu năm 2023\nSở Y tế đã hoàn thành đề án, xong trong quý I/2023.\n\n"
        "2. Về kết quả thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung "
        "ương Đảng khóa XII giai đoạn 2017 - 2023\n\nBan Thường vụ Tỉnh ủy cơ bản thống nhất với báo cáo.\n\n"
        "Đối với Ban cán sự đảng Ủy ban nhân dân tỉnh:\n- Lãnh đạo hoàn thiện đề án sắp xếp đơn vị sự nghiệp; trình "
        "Ban Thường vụ Tỉnh ủy trước ngày 31/8/2023.\n- Lãnh đạo thực hiện cơ chế tự chủ tài chính; hoàn thành trong "
        "quý IV/2023.\n\nBan Tổ chức Tỉnh ủy có trách nhiệm hướng dẫn rà soát vị trí việc làm; hoàn thành trong tháng "
        "7/2023.\n"
    )
    doc = extract_source(from_text(text, name="tb.txt"))
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads] == [
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "2023-08-31"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "2023-12-31"),
        ("Ban Tổ chức Tỉnh ủy", "2023-07"),
    ]


def test_a_paragraph_that_assigns_under_a_matter_on_results_directs() -> None:
    """Under "Về kết quả kiểm tra …" (a matter of a meeting) a paragraph with "Giao X …" directs; one that only
    reports does not."""
    text = (
        "TỈNH ỦY SƠN LA\nSố 712-TB/TU\n\nSơn La, ngày 05 tháng 10 năm 2022\n\nTHÔNG BÁO\nkết luận của Ban Thường vụ "
        "Tỉnh ủy\n\n4. Về kết quả kiểm tra theo Quy định số 22-QĐ/TW\n\nỦy ban Kiểm tra Tỉnh ủy đã kiểm tra 12 tổ chức "
        "đảng, hoàn thành trong quý III/2022.\n\nBan Thường vụ Tỉnh ủy thống nhất với Báo cáo số 206-BC/UBKTTU. Giao Ủy "
        "ban Kiểm tra Tỉnh ủy theo dõi việc khắc phục, báo cáo trước ngày 31/12/2022. Yêu cầu Ban Thường vụ Huyện ủy "
        "Mai Sơn kiểm điểm, hoàn thành trong tháng 11/2022.\n"
    )
    doc = extract_source(from_text(text, name="tb.txt"))
    assert [(lead.name, t.deadline) for t in doc.tasks for lead in t.leads] == [
        ("Ủy ban Kiểm tra Tỉnh ủy", "2022-12-31"),
        ("Ban Thường vụ Huyện ủy Mai Sơn", "2022-11"),
    ]


def test_a_plans_content_part_after_its_purpose_sets_tasks() -> None:
    """ "II. NỘI DUNG" after "I. MỤC ĐÍCH, YÊU CẦU" is what the plan has done; a minute's "III. NỘI DUNG" (what was
    said) is not."""
    plan = (
        "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 88/KH-UBND\n\nKon Tum, ngày 12 tháng 8 năm 2024\n\nKẾ HOẠCH\nTriển khai thi "
        "hành Luật Đất đai năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Xác định trách nhiệm của các cơ quan, đơn vị.\n\n"
        "II. NỘI DUNG\n\n1. Tổ chức tuyên truyền, phổ biến Luật Đất đai năm 2024\n\na) Cơ quan chủ trì: Sở Tư pháp.\n"
        "b) Cơ quan phối hợp: Sở Tài nguyên và Môi trường.\nc) Thời gian thực hiện: Quý III/2024.\n\n"
        "2. Rà soát văn bản quy phạm pháp luật\n\nSở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Tư pháp rà soát "
        "các văn bản, hoàn thành trước ngày 30/9/2024.\n"
    )
    doc = extract_source(from_text(plan, name="kh.txt"))
    assert [(lead.name, t.deadline) for t in doc.tasks for lead in t.leads] == [
        ("Sở Tư pháp", "2024-09-30"),
        ("Sở Tài nguyên và Môi trường", "2024-09-30"),
    ]
    minutes = plan.replace("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Xác định trách nhiệm của các cơ quan, đơn vị.\n\n", "")
    assert not [t for t in extract_source(from_text(minutes, name="bb.txt")).tasks if t.leads]
    timed = plan.replace("II. NỘI DUNG\n", "II. NỘI DUNG VÀ THỜI GIAN\n")  # the part with its times
    assert [
        (lead.name, t.deadline) for t in extract_source(from_text(timed, name="kh.txt")).tasks for lead in t.leads
    ] == [
        ("Sở Tư pháp", "2024-09-30"),
        ("Sở Tài nguyên và Môi trường", "2024-09-30"),
    ]


def test_a_report_naming_whom_the_speaker_reminds() -> None:
    """In a press report, "Đồng chí … lưu ý X và Y …" hands the task to both bodies."""
    text = (
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 9\n\n"
        "Sáng 12-10, Ban Chấp hành Đảng bộ tỉnh khóa XI tổ chức Hội nghị lần thứ 9.\n\n"
        "Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy lưu ý Đảng ủy Quân sự tỉnh và Đảng ủy Công an tỉnh lãnh đạo "
        "giữ vững an ninh chính trị khu vực biên giới, nhất là dịp cuối năm.\n"
    )
    doc = extract_source(from_text(text, name="news.txt"))
    assert {b.name for t in doc.tasks for b in t.leads} == {"Đảng ủy Quân sự tỉnh", "Đảng ủy Công an tỉnh"}


def test_a_speaker_who_assigns_in_a_press_report() -> None:
    text = (
        "Hội nghị Ban Thường vụ Tỉnh ủy\n\nChiều 21/10/2025, Ban Thường vụ Tỉnh ủy Sơn La họp cho ý kiến về kinh tế tư "
        "nhân.\n\nKết luận hội nghị, Bí thư Tỉnh ủy nhấn mạnh kinh tế tư nhân phải là động lực quan trọng. Đồng chí "
        "giao Sở Tài chính chủ trì rà soát quỹ đất, hoàn thành trước ngày 15/11/2025.\n"
    )
    doc = extract_source(from_text(text, name="tin.txt"))
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads] == [("Sở Tài chính", "2025-11-15")]


def test_a_speaker_who_asks_the_committee_as_a_whole() -> None:
    """ "đề nghị tập thể Ban Chấp hành Đảng bộ xã …": the committee leads, and what it is to carry out is carried out."""
    text = (
        "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ nhất\n\nSáng 03/7/2025, Ban Chấp hành Đảng bộ xã Quảng Uyên tổ chức "
        "Hội nghị lần thứ nhất.\n\nPhát biểu chỉ đạo, đồng chí Trưởng Ban Tổ chức Tỉnh ủy đề nghị tập thể Ban Chấp hành "
        "Đảng bộ xã khẩn trương kiện toàn tổ chức bộ máy; tiếp tục quán triệt, thực hiện Chỉ thị số 45-CT/TW ngày "
        "14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp.\n"
    )
    doc = extract_source(from_text(text, name="tin.txt"))
    assert {lead.name for t in doc.tasks for lead in t.leads} == {"Ban Chấp hành Đảng bộ xã"}
    assert [t.implements for t in doc.tasks] == [(("45-CT/TW", 2025),)]


def test_a_task_held_to_a_document_carries_it_out() -> None:
    """ "… bảo đảm đúng Chỉ thị số 35-CT/TW": the task keeps to the directive, it carries it out."""
    text = HEADER + (
        "1. Các huyện ủy, thành ủy chỉ đạo tổ chức đại hội chi bộ, đảng bộ cơ sở bảo đảm đúng Chỉ thị số 35-CT/TW, "
        "hoàn thành trước ngày 31/5/2025.\n"
    )
    doc = extract_source(from_text(text, name="kh.txt"))
    assert [[k[0] for k in t.implements] for t in doc.tasks] == [["35-CT/TW"]]


def test_the_same_time_as_above() -> None:
    text = HEADER + (
        "1. Giao Thành ủy Sơn La chỉ đạo đại hội điểm, xong trong quý I/2025; Đảng ủy Khối các cơ quan và doanh nghiệp "
        "tỉnh chọn 01 đảng bộ cơ sở tổ chức đại hội điểm, cùng thời gian trên.\n"
    )
    doc = extract_source(from_text(text, name="forms.txt"))
    assert sorted(p for t in doc.tasks for p in ((b.name, d) for b, d in t.assignments)) == [
        ("Thành ủy Sơn La", "2025-03-31"),
        ("Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh", "2025-03-31"),
    ]


def test_a_numbered_heading_over_its_labelled_lines_is_the_tasks_own_text() -> None:
    body = (
        "1. Thành lập Quỹ bảo lãnh tín dụng cho doanh nghiệp nhỏ và vừa theo Nghị định số 80/2021/NĐ-CP của Chính "
        "phủ\nCơ quan chủ trì: Sở Tài chính; Thời gian: quý IV/2024.\n"
    )
    doc = extract_source(from_text(HEADER + body, name="forms.txt"))
    (task,) = [t for t in doc.tasks if t.leads]
    assert task.text.startswith("1. Thành lập Quỹ") and task.deadline == "2024-12-31"
    assert [k[0] for k in task.implements] == ["80/2021/NĐ-CP"]


def test_a_time_column_split_into_start_and_completion_gives_the_completion() -> None:
    body = (
        "| TT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện | Thời gian thực hiện |\n|---|---|---|---|---|\n"
        "| TT | Nội dung | Cơ quan chủ trì | Bắt đầu | Hoàn thành |\n"
        "| 1 | Tổ chức quán triệt Kế hoạch | Ban Tuyên giáo Tỉnh ủy | Tháng 4/2024 | Tháng 5/2024 |\n"
        "| 2 | Phân bổ vốn cho các xã | Ủy ban nhân dân tỉnh | Tháng 4/2024 | Trước ngày 30/6/2024 |\n"
    )
    doc = extract_source(from_text(HEADER + body, name="kh.md"))
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads] == [
        ("Ban Tuyên giáo Tỉnh ủy", "2024-05"),
        ("Ủy ban nhân dân tỉnh", "2024-06-30"),
    ]


def test_a_name_wrapped_at_its_dash_is_no_dash_item() -> None:
    # "- Đơn vị phối hợp: …; Phòng Văn hóa" / "- Xã hội." / "- Thời gian thực hiện: …" in text wrapped at 70 columns
    path = Path(__file__).parent / "fixtures" / "probe14" / "docs" / "p14_04_gialai_cathanhdong_kh.txt"
    doc = extract_source(read(path))
    (task,) = [t for t in doc.tasks if "Rà soát, làm sạch" in t.text]
    assert ([b.name for b in task.leads], task.deadline) == (["Công an xã"], "2025-12")
