"""Structure: kind, header (symbol, place and date), title, meeting, section tree, footnotes,
`Nơi nhận` and the signature block — on small documents written here, in plain text, Markdown
and hard-wrapped variants."""

from __future__ import annotations

import pytest

from loaders import extract_source
from loaders.read import from_text
from loaders.structure import parse


def doc_of(text: str, name: str = "t.txt"):
    return extract_source(from_text(text, name=name))


HEADER = (
    "ĐẢNG BỘ TỈNH CAO BẰNG\nTỈNH ỦY\n*\nSố {symbol}\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Cao Bằng, ngày 23 tháng 8 năm 2024\n\n{kind}\n{title}\n\n"
)
BODY = (
    "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau:\n\n"
    "1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn, kiểm tra.\n\n"
    "2. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc, báo cáo Ban Thường vụ Tỉnh ủy.\n\n"
    "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Hồng Minh\n"
)


@pytest.mark.parametrize(
    "heading,symbol,kind",
    [
        ("KẾT LUẬN", "15-KL/TU", "conclusion"),
        ("NGHỊ QUYẾT", "15-NQ/TU", "resolution"),
        ("KẾ HOẠCH", "15-KH/TU", "plan"),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "15-CTr/TU", "program"),
        ("CHƯƠNG TRÌNH", "15-CTr/TU", "program"),
        ("CHỈ THỊ", "15-CT/TU", "directive"),
        ("QUY ĐỊNH", "15-QĐ/TU", "regulation"),
        ("THÔNG BÁO KẾT LUẬN", "15-TB/TU", "notice"),
        ("THÔNG BÁO", "15-TB/TU", "notice"),
    ],
)
def test_kind_symbol_place_date_title(heading, symbol, kind):
    doc = doc_of(
        HEADER.format(
            symbol=symbol, kind=heading, title="của Ban Thường vụ Tỉnh ủy về phát triển du lịch giai đoạn 2024 - 2030"
        )
        + BODY
    )
    assert (doc.kind, doc.symbol, doc.date, doc.province) == (kind, symbol, "2024-08-23", "Cao Bằng")
    assert doc.title is not None and "về phát triển du lịch giai đoạn 2024 - 2030" in doc.title
    assert heading not in doc.title
    assert doc.citations == ()  # the document's own symbol is not a citation


def test_header_symbol_is_normalised():
    doc = doc_of(HEADER.format(symbol="27-CTR/TU", kind="CHƯƠNG TRÌNH", title="về phát triển rừng") + BODY)
    assert doc.symbol == "27-CTr/TU"


def test_markdown_header_and_title():
    md = (
        "**TỈNH ỦY CAO BẰNG**  \nSố 15-KL/TU\n\n**ĐẢNG CỘNG SẢN VIỆT NAM**  \n*Cao Bằng, ngày 23 tháng 8 năm 2024*\n\n"
        "# KẾT LUẬN\n\n## của Ban Thường vụ Tỉnh ủy về phát triển du lịch\n\n-----\n\n" + BODY
    )
    doc = doc_of(md, "t.md")
    assert (doc.kind, doc.symbol, doc.date, doc.province) == ("conclusion", "15-KL/TU", "2024-08-23", "Cao Bằng")
    assert "về phát triển du lịch" in doc.title and "*" not in doc.title and "#" not in doc.title


def test_markdown_table_header():
    md = (
        "| ĐẢNG BỘ TỈNH CAO BẰNG | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n"
        "| **TỈNH ỦY** | *Cao Bằng, ngày 23 tháng 8 năm 2024* |\n| Số 15-KH/TU | |\n\n"
        "# KẾ HOẠCH\n\n**thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng**\n\n" + BODY
    )
    doc = doc_of(md, "t.md")
    assert (doc.kind, doc.symbol, doc.date) == ("plan", "15-KH/TU", "2024-08-23")
    assert [c.symbol for c in doc.citations] == ["21-KL/TW"]


PRESS = (
    "Hội nghị lần thứ 25 Ban Chấp hành Đảng bộ tỉnh khóa XIX: dồn sức cho quý cuối năm\n\n"
    "Ngày 29/9/2023, Ban Chấp hành Đảng bộ tỉnh khóa XIX họp Hội nghị lần thứ 25 để kiểm điểm kết quả "
    "9 tháng năm 2023. Hội nghị do đồng chí Đỗ Văn Hưng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì.\n\n"
    "Phát biểu kết luận, đồng chí Đỗ Văn Hưng yêu cầu Ban cán sự đảng UBND tỉnh tập trung chỉ đạo "
    "hoàn thành các chỉ tiêu năm 2023.\n"
)


def test_press_report_kind_meeting_and_date():
    doc = doc_of(PRESS)
    assert (doc.kind, doc.symbol, doc.issuer, doc.date) == ("news_report", None, None, "2023-09-29")
    m = doc.meeting
    assert (m.body, m.number, m.term, m.date) == ("Ban Chấp hành Đảng bộ tỉnh", 25, "XIX", "2023-09-29")
    assert [(p.name, p.roles) for p in doc.persons] == [("Đỗ Văn Hưng", ("Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"))]
    assert doc.signer is None


def test_press_report_that_mentions_a_plan_issued_earlier_has_no_symbol_of_its_own():
    text = (
        "Ban Thường vụ Tỉnh ủy Sơn La họp phiên thường kỳ tháng 3\n\n"
        "Sáng 5/3/2025, Ban Thường vụ Tỉnh ủy họp phiên thường kỳ. Thời gian qua, Ban Thường vụ Tỉnh ủy đã "
        "ban hành Kế hoạch số 350-KH/TU ngày 05/3/2025 thực hiện Kết luận số 127-KL/TW ngày 28/02/2025 của "
        "Bộ Chính trị, Ban Bí thư.\n\n"
        "Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy yêu cầu Ban Tổ chức Tỉnh ủy hoàn thiện phương án "
        "sắp xếp, trình trước ngày 15/3/2025.\n"
    )
    doc = doc_of(text)
    assert (doc.kind, doc.symbol) == ("news_report", None)
    assert [c.symbol for c in doc.citations] == ["350-KH/TU", "127-KL/TW"]
    assert {(l.source and l.source[0], l.target[0]) for l in doc.links if l.relation == "implements"} == {
        ("350-KH/TU", "127-KL/TW")
    }


@pytest.mark.parametrize(
    "opening,number,term,date",
    [
        (
            "Ngày 28/3/2024, tại Hội nghị lần thứ 31, khóa XX, nhiệm kỳ 2020 - 2025, Ban Chấp hành Đảng bộ tỉnh "
            "đã thảo luận và kết luận như sau:",
            31,
            "XX",
            "2024-03-28",
        ),
        (
            "Ngày 17 tháng 01 năm 2024, Ban Chấp hành Đảng bộ tỉnh khoá XIV tổ chức Hội nghị lần thứ mười để thảo luận "
            "và kết luận như sau:",
            10,
            "XIV",
            "2024-01-17",
        ),
        (
            "Ngày 13-4-2023, Ban Chấp hành Đảng bộ tỉnh khoá XVI tổ chức HỘI NGHỊ LẦN THỨ MƯỜI BA, thảo luận và "
            "kết luận như sau:",
            13,
            "XVI",
            "2023-04-13",
        ),
    ],
)
def test_meeting_of_a_conclusion(opening, number, term, date):
    text = (
        HEADER.format(symbol="418-KL/TU", kind="KẾT LUẬN", title="về nhiệm vụ năm 2024") + opening + "\n\n"
        "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\nT/M BAN CHẤP HÀNH\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nLò Văn Tiến\n"
    )
    doc = doc_of(text)
    m = doc.meeting
    assert (m.body, m.number, m.term, m.date) == ("Ban Chấp hành Đảng bộ tỉnh", number, term, date)
    assert doc.issuer == "Ban Chấp hành Đảng bộ tỉnh"
    assert (doc.signer.name, doc.signer.role) == ("Lò Văn Tiến", "Phó Bí thư Thường trực")


@pytest.mark.parametrize(
    "opening,body,date",
    [
        (
            "Tại phiên họp ngày 28/8/2025, sau khi nghe Ban cán sự đảng UBND tỉnh báo cáo, Ban Thường vụ Tỉnh ủy "
            "kết luận như sau:",
            "Ban Thường vụ Tỉnh ủy",
            "2025-08-28",
        ),
        ("Tại cuộc họp ngày 02/6/2025, Thường trực Tỉnh ủy thống nhất như sau:", "Thường trực Tỉnh ủy", "2025-06-02"),
    ],
)
def test_meeting_named_before_the_committee_that_held_it(opening, body, date):
    text = (
        HEADER.format(symbol="418-KL/TU", kind="KẾT LUẬN", title="về nhiệm vụ năm 2025") + opening + "\n\n"
        "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n"
    )
    m = doc_of(text).meeting
    assert (m.body, m.number, m.term, m.date) == (body, None, None, date)


def test_a_peoples_councils_session_adopts_its_resolution():
    """ "KHÓA X, KỲ HỌP THỨ 21" under the council's name; the day is the one it adopted the resolution, said at the
    end, not a law's date in the preamble."""
    text = (
        "HỘI ĐỒNG NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n   TỈNH BÌNH DƯƠNG\n"
        "Số: 18/2024/NQ-HĐND                   Bình Dương, ngày 11 tháng 12 năm 2024\n\nNGHỊ QUYẾT\nQuy định mức phụ "
        "cấp ở cấp xã\n\nHỘI ĐỒNG NHÂN DÂN TỈNH BÌNH DƯƠNG\nKHÓA X, KỲ HỌP THỨ 21\n\nCăn cứ Luật Tổ chức chính "
        "quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Giao Ủy ban nhân dân tỉnh tổ chức "
        "thực hiện Nghị quyết này.\n\nNghị quyết này đã được Hội đồng nhân dân tỉnh Bình Dương Khóa X, Kỳ họp thứ 21 "
        "thông qua ngày 10 tháng 12 năm 2024./.\n\nNơi nhận:                              CHỦ TỊCH\n- Chính phủ;\n"
        "- Lưu: VT.                                  Phạm Thị Thu Trang\n"
    )
    doc = doc_of(text)
    m = doc.meeting
    assert (m.body, m.number, m.term, m.date) == ("Hội đồng nhân dân tỉnh", 21, "X", "2024-12-10")
    assert doc.issuer == "Hội đồng nhân dân tỉnh"


def test_a_wards_council_session_and_the_article_that_adopts_set_no_tasks():
    """A ward's council ("HỘI ĐỒNG NHÂN DÂN PHƯỜNG ĐỒNG XOÀI / KHÓA I, KỲ HỌP THỨ TƯ") holds the session; its
    "Điều 1. Thông qua …" adopts what it decides (no task), "Điều 2. Tổ chức thực hiện" assigns."""
    text = (
        "HỘI ĐỒNG NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHƯỜNG ĐỒNG XOÀI\n\nSố: 18/NQ-HĐND"
        "                       Đồng Xoài, ngày 11 tháng 12 năm 2025\n\nNGHỊ QUYẾT\nVề Kế hoạch đầu tư công năm 2026\n\n"
        "HỘI ĐỒNG NHÂN DÂN PHƯỜNG ĐỒNG XOÀI\nKHÓA I, KỲ HỌP THỨ TƯ\n\nCăn cứ Luật Đầu tư công số 58/2024/QH15;\n\n"
        "QUYẾT NGHỊ:\n\nĐiều 1. Thông qua Kế hoạch đầu tư công năm 2026 của phường\n1. Tổng vốn: 185 tỷ đồng.\n"
        "2. Danh mục: Trường Tiểu học Tân Thiện, khởi công trong quý II/2026.\n\nĐiều 2. Tổ chức thực hiện\n1. Giao Ủy "
        "ban nhân dân phường tổ chức thực hiện Nghị quyết, giao kế hoạch vốn trước ngày 31 tháng 12 năm 2025.\n\n"
        "Nghị quyết này đã được Hội đồng nhân dân phường Đồng Xoài khóa I, kỳ họp thứ tư thông qua ngày 11 tháng 12 "
        "năm 2025./.\n"
    )
    doc = doc_of(text)
    m = doc.meeting
    assert (m.body, m.number, m.term, m.date) == ("Hội đồng nhân dân phường", 4, "I", "2025-12-11")
    assert doc.issuer == "Hội đồng nhân dân phường"
    assert [(lead.name, t.deadline) for t in doc.tasks for lead in t.leads] == [
        ("Ủy ban nhân dân phường", "2025-12-31")
    ]
    assert all("Tổng vốn" not in t.text and "Danh mục" not in t.text for t in doc.tasks)


def test_a_district_conference_named_in_capitals_in_the_title_dated_by_the_opening():
    text = (
        "        ĐẢNG BỘ TỈNH BẮC KẠN                          ĐẢNG CỘNG SẢN VIỆT NAM\n    BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN NGÂN "
        "SƠN\n                  *                                Ngân Sơn, ngày 24 tháng 7 năm 2023\n          Số 287-KL/HU\n\n"
        "KẾT LUẬN\nHỘI NGHỊ LẦN THỨ MƯỜI LĂM (MỞ RỘNG) BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN KHÓA XXII\nvề nhiệm vụ 6 tháng cuối "
        "năm 2023\n\nNgày 21/7/2023, Ban Chấp hành Đảng bộ huyện khóa XXII tổ chức Hội nghị lần thứ 15 (mở rộng), kết "
        "luận như sau:\n\n1. Giao Văn phòng Huyện ủy theo dõi, đôn đốc.\n"
    )
    m = doc_of(text).meeting
    assert (m.body, m.number, m.term, m.date) == ("Ban Chấp hành Đảng bộ huyện", 15, "XXII", "2023-07-21")


def test_a_conference_of_the_central_committee_cited_is_not_the_documents_meeting():
    text = (
        HEADER.format(symbol="88-NQ/HU", kind="NGHỊ QUYẾT", title="về nông nghiệp")
        + "Căn cứ Nghị quyết số 19-NQ/TW, ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa "
        "XIII; Ban Chấp hành Đảng bộ huyện quyết nghị:\n\n1. Giao Văn phòng Huyện ủy theo dõi.\n"
    )
    assert doc_of(text).meeting is None
    reported = text.replace("XIII; Ban", "XIII; tại hội nghị thường kỳ, Ban")
    assert doc_of(reported).meeting.body == "Ban Chấp hành Đảng bộ huyện"


@pytest.mark.parametrize(
    "block,name,role",
    [
        ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Hồng Minh\n", "Trần Hồng Minh", "Bí thư"),
        (
            "**T/M BAN CHẤP HÀNH  \nPHÓ BÍ THƯ THƯỜNG TRỰC**\n\n**Lò Văn Tiến**\n",
            "Lò Văn Tiến",
            "Phó Bí thư Thường trực",
        ),
        ("T/M TỈNH UỶ\nBÍ THƯ\n\n(đã ký)\n\nHoàng Văn Chính\n", "Hoàng Văn Chính", "Bí thư"),
        ("K/T BÍ THƯ\nPHÓ BÍ THƯ\n\nNông Thị Hạnh\n", "Nông Thị Hạnh", "Phó Bí thư"),
        ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nH' Nga Byă\n", "H' Nga Byă", "Phó Bí thư Thường trực"),
        ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nY Thanh Hà Niê Kđăm\n", "Y Thanh Hà Niê Kđăm", "Bí thư"),
    ],
)
def test_signature_block(block, name, role):
    text = (
        HEADER.format(symbol="15-KL/TU", kind="KẾT LUẬN", title="về du lịch")
        + "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\n"
        "Nơi nhận:\n- Ban Tổ chức Trung ương (báo cáo),\n- Các huyện ủy, thành ủy,\n- Lưu Văn phòng Tỉnh ủy.\n\n"
        + block
    )
    doc = doc_of(text, "t.md")
    assert (doc.signer.name, doc.signer.role) == (name, role)
    assert name in [p.name for p in doc.persons]


def test_recipients_are_not_tasks():
    text = (
        HEADER.format(symbol="15-KL/TU", kind="KẾT LUẬN", title="về du lịch")
        + "Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\n"
        "Nơi nhận:\n- Ban Tổ chức Trung ương (báo cáo),\n- Ban cán sự đảng UBND tỉnh,\n- Lưu Văn phòng Tỉnh ủy.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Hồng Minh\n"
    )
    doc = doc_of(text)
    assert [t.text for t in doc.tasks] == ["1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc."]
    assert [b.name for t in doc.tasks for b in t.leads] == ["Văn phòng Tỉnh ủy"]


def test_section_paths():
    text = (
        "KẾ HOẠCH\nvề phát triển du lịch\n\n"
        "I. NHIỆM VỤ, GIẢI PHÁP\n\n1. Về hạ tầng\n\n1.1. Giao thông\n\n"
        "a) Đầu tư đường kết nối các khu du lịch.\n\n- Hoàn thành đường lên Thác Bản Giốc.\n\n"
        "2.1. Giao Văn phòng Tỉnh ủy theo dõi.\n"
    )
    st = parse(from_text(text, name="t.txt"))
    by_text = {b.text.strip(): b for b in st.blocks}
    assert by_text["- Hoàn thành đường lên Thác Bản Giốc."].path == ("I", "1", "1.1", "a")
    assert by_text["a) Đầu tư đường kết nối các khu du lịch."].path == ("I", "1", "1.1")
    assert by_text["2.1. Giao Văn phòng Tỉnh ủy theo dõi."].path[:1] == ("I",)


def test_hard_wrapped_items_are_joined_and_keep_their_section():
    text = (
        "KẾ HOẠCH\nvề phát triển du lịch\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Ban\n"
        "Tuyên giáo Tỉnh ủy xây dựng đề án phát triển du lịch cộng đồng, hoàn\n"
        "thành trước ngày 15/4/2024.\n"
        "2. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp, báo cáo Ban\n"
        "Thường vụ Tỉnh ủy.\n"
    )
    doc = doc_of(text)
    assert [([b.name for b in t.leads], [b.name for b in t.partners], t.deadline) for t in doc.tasks] == [
        (["Ban cán sự đảng Ủy ban nhân dân tỉnh"], ["Ban Tuyên giáo Tỉnh ủy"], "2024-04-15"),
        (["Văn phòng Tỉnh ủy"], [], None),
    ]


def test_a_short_numbered_heading_over_a_hard_wrapped_paragraph_leads_it():
    """ "2. Sở Tư pháp" on a line of its own, then its duty wrapped over lines opening with a capital: the heading
    names the lead of the paragraph, as it does for dash items under it."""
    text = (
        "KẾ HOẠCH\nvề cải thiện môi trường đầu tư, kinh doanh\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
        "Nâng cao chất lượng môi trường đầu tư, kinh doanh, tạo thuận lợi cho doanh nghiệp và nhà\n"
        "đầu tư; cải thiện các chỉ số năng lực cạnh tranh, hiệu quả quản trị và hành chính công\n"
        "cấp tỉnh, chỉ số chuyển đổi số; phát huy vai trò của doanh nghiệp trong phát triển kinh tế.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Sở Kế hoạch và Đầu tư\n"
        "- Chủ trì tham mưu xây dựng Đề án hỗ trợ doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo,\n"
        "trình Ủy ban nhân dân tỉnh trước ngày 30/9/2024.\n"
        "2. Sở Tư pháp\n"
        "Chủ trì rà soát các văn bản quy phạm pháp luật do tỉnh ban hành có liên quan đến hoạt động\n"
        "sản xuất, kinh doanh; kiến nghị sửa đổi, bổ sung, hoàn thành trong năm 2024.\n"
        "3. Sở Tài chính\n"
        "Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư cân đối, bố trí kinh phí thực hiện Kế hoạch\n"
        "trong dự toán ngân sách hằng năm của các sở, ban, ngành và địa phương trong toàn tỉnh.\n"
        "4. Giao Sở Kế hoạch và Đầu tư theo dõi, tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo\n"
        "Ban Thường vụ Tỉnh ủy kết quả thực hiện trước ngày 30/11/2024.\n"
    )
    doc = doc_of(text)
    assert [(t.leads[0].name if t.leads else None, t.deadline) for t in doc.tasks] == [
        ("Sở Kế hoạch và Đầu tư", "2024-09-30"),
        ("Sở Tư pháp", "2024-12-31"),
        ("Sở Tài chính", None),
        ("Sở Kế hoạch và Đầu tư", "2024-11-30"),
    ]


def test_a_bold_label_over_bullets_stays_inside_its_section_and_leads_them():
    """ "**Ủy ban nhân dân thành phố:**" alone over bullets, inside "2. …" of the tasks part: a label, not a section
    of its own — its bullets stay tasks of the part, and the body it names leads them."""
    text = (
        "# KẾ HOẠCH\n\n## III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN\n\n### 1. Công tác tuyên truyền\n\n**Ban Tuyên giáo "
        "Thành ủy** chủ trì quán triệt Nghị quyết, hoàn thành trong tháng 9/2022.\n\n### 2. Công tác quy hoạch\n\n"
        "**Ủy ban nhân dân thành phố:**\n\n- Rà soát quy hoạch chung thành phố, trình phê duyệt trong năm 2023.\n"
        "- Phủ kín quy hoạch phân khu các phường, hoàn thành trước ngày 30/6/2024.\n"
    )
    doc = extract_source(from_text(text, name="kh.md"))
    assert [(t.leads[0].name if t.leads else None, t.deadline) for t in doc.tasks] == [
        ("Ban Tuyên giáo Thành ủy", "2022-09"),
        ("Ủy ban nhân dân thành phố", "2023-12-31"),
        ("Ủy ban nhân dân thành phố", "2024-06-30"),
    ]


def test_footnote_marker_attached_and_interrupted_paragraph_mended():
    text = (
        "KẾ HOẠCH\nvề công tác xây dựng Đảng\n\nI. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức quán triệt Kết luận số 21-KL/TW¹ đến cán bộ,\n"
        "¹ Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.\n"
        "đảng viên trong toàn Đảng bộ, hoàn thành trước ngày 30/6/2024.\n\n"
        "2. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n"
    )
    src = from_text(text, name="t.txt")
    st = parse(src)
    assert "¹" in st.footnotes
    s, e = st.footnotes["¹"]
    assert "ngày 25/10/2021" in src.text[s:e]
    doc = extract_source(src)
    assert [(c.symbol, c.date) for c in doc.citations] == [("21-KL/TW", "2021-10-25")]
    first = doc.tasks[0]
    assert "đảng viên trong toàn Đảng bộ" in first.text and "Ban Chấp hành Trung ương" not in first.text
    assert ([b.name for b in first.leads], first.deadline, len(doc.tasks)) == (
        ["Ban Tuyên giáo Tỉnh ủy"],
        "2024-06-30",
        2,
    )


@pytest.mark.parametrize(
    "block,name,role",
    [
        (  # the name at the end of the last recipient's line, after a wide gap
            "Nơi nhận:                                   T/L THƯỜNG TRỰC TỈNH ỦY\n"
            "- Thường trực Tỉnh ủy,                          CHÁNH VĂN PHÒNG\n"
            "- Các huyện ủy, thị ủy, thành ủy,\n"
            "- Lưu Văn phòng Tỉnh ủy.                         Trần Thị Mai Anh\n",
            "Trần Thị Mai Anh",
            "Chánh Văn phòng",
        ),
        (  # the name on a line of its own, under the list
            "Nơi nhận:                                         T/M BAN CHẤP HÀNH\n"
            "- Ban Thường vụ Tỉnh ủy (để b/c),                        BÍ THƯ\n"
            "- Lưu Văn phòng Đảng ủy.\n"
            "                                                   Lâm Văn Thịnh\n",
            "Lâm Văn Thịnh",
            "Bí thư",
        ),
    ],
)
def test_signature_beside_the_recipients(block, name, role):
    text = (
        HEADER.format(symbol="15-KL/TU", kind="KẾT LUẬN", title="về du lịch")
        + "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\n"
        + block
    )
    doc = doc_of(text)
    assert (doc.signer.name, doc.signer.role) == (name, role)


def test_a_signature_beside_the_recipients_signs_for_the_chair():
    text = (
        HEADER.format(symbol="15-KL/TU", kind="KẾT LUẬN", title="về du lịch")
        + "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\n"
        "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n"
        "- Như Điều 3;                               KT. CHỦ TỊCH\n"
        "- Thường trực Tỉnh ủy (b/c);                PHÓ CHỦ TỊCH\n"
        "- Lưu: VT, KT.\n"
        "                                            Đặng Xuân Giang\n"
    )
    doc = doc_of(text, "t.txt")
    assert (doc.signer.name, doc.signer.role) == ("Đặng Xuân Giang", "Phó Chủ tịch")


def test_the_chair_signing_in_his_own_name_beside_the_recipients_issues_the_directive():
    text = (
        "UỶ BAN NHÂN DÂN                    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n TỈNH LAI CHÂU\n\n"
        "Số: 08/CT-UBND                      Lai Châu, ngày 12 tháng 8 năm 2025\n\nCHỈ THỊ\nVề giải ngân vốn\n\n"
        "Chủ tịch Uỷ ban nhân dân tỉnh yêu cầu:\n\n1. Giao Sở Tài chính theo dõi, trước ngày 30/9/2025.\n\n"
        "Nơi nhận:                                          CHỦ TỊCH\n"
        "- Văn phòng Chính phủ (b/c);\n"
        "- Bộ Tài chính (b/c);                              (Đã ký)\n"
        "- Lưu: VT, KTN.                                Tòng Văn Khiêm\n"
    )
    doc = doc_of(text, "ct.txt")
    assert (doc.signer.name, doc.signer.role) == ("Tòng Văn Khiêm", "Chủ tịch")
    assert doc.issuer == "Chủ tịch Ủy ban nhân dân tỉnh"


def test_a_report_of_a_peoples_committees_session_is_dated_by_it():
    text = (
        "UBND tỉnh họp phiên thường kỳ tháng 3/2025\n\nChiều 28/3, UBND tỉnh Bình Thuận tổ chức phiên họp thường kỳ "
        "tháng 3/2025 để đánh giá tình hình kinh tế - xã hội quý I.\n\nChủ tịch UBND tỉnh giao Sở Tài chính rà soát "
        "vốn, trước ngày 30/4/2025.\n"
    )
    doc = doc_of(text, "news.txt")
    assert (doc.kind, doc.date, doc.meeting.body) == ("news_report", "2025-03-28", "Ủy ban nhân dân tỉnh")
    conference = text.replace("họp phiên thường kỳ", "xúc tiến đầu tư").replace(
        "tổ chức phiên họp thường kỳ", "tổ chức hội nghị xúc tiến đầu tư"
    )
    assert doc_of(conference, "news.txt").meeting is None


def test_an_unnumbered_meeting_takes_its_committees_term_from_the_title():
    text = (
        "ĐẢNG BỘ TỈNH VĨNH LONG\nĐẢNG UỶ XÃ CẦU KÈ\n*\nSố 12-KL/ĐU\n\nCầu Kè, ngày 08 tháng 10 năm 2025\n\n"
        "KẾT LUẬN\ncủa Ban Thường vụ Đảng uỷ xã (khoá I) về nhiệm vụ quý IV năm 2025\n\n"
        "Ngày 06/10/2025, Ban Thường vụ Đảng uỷ xã Cầu Kè họp nghe báo cáo. Ban Thường vụ kết luận như sau:\n\n"
        "1. Giao Ủy ban nhân dân xã rà soát, trước ngày 30/11/2025.\n"
    )
    m = doc_of(text).meeting
    assert (m.number, m.term, m.date) == (None, "I", "2025-10-06")


def test_two_signature_blocks_side_by_side_give_the_right_ones_signer():
    text = (
        HEADER.format(symbol="03-QC/UBKT-BNC", kind="QUY CHẾ", title="phối hợp")
        + "Điều 1. Văn phòng Ủy ban Kiểm tra Tỉnh ủy xây dựng quy trình, trong quý II năm 2025.\n\n"
        "T/M BAN NỘI CHÍNH TỈNH ỦY              T/M ỦY BAN KIỂM TRA TỈNH ỦY\n"
        "       TRƯỞNG BAN                               CHỦ NHIỆM\n\n"
        "        (đã ký)                                  (đã ký)\n\n"
        "    Vàng Seo Hùng                             Lò Thị Phương\n"
    )
    doc = doc_of(text, "qc.txt")
    assert (doc.signer.name, doc.signer.role) == ("Lò Thị Phương", "Chủ nhiệm")


def test_a_decisions_signature_beside_the_recipients_before_the_long_rules_it_issues():
    rules = "".join(
        f"Điều {n}. Trách nhiệm của Sở thứ {n}\nSở Nội vụ chủ trì rà soát, đề xuất bố trí công chức làm công tác dân "
        f"tộc, tôn giáo ở các xã, phường sau sắp xếp, hoàn thành trong quý I năm 2026.\n\n"
        for n in range(1, 6)
    )
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 2815/QĐ-UBND\nĐiện Biên, ngày 10 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
        "Ban hành Quy chế phối hợp\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n\n"
        "Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN\n"
        "- Như Điều 3;                                        KT. CHỦ TỊCH\n"
        "- Lưu: VT, KGVX.                                     PHÓ CHỦ TỊCH\n"
        "                                                  Lò Thị Kim Oanh\n\n\nQUY CHẾ\n" + rules
    )
    doc = doc_of(text, "qd.txt")
    assert (doc.signer.name, doc.signer.role, doc.issuer) == ("Lò Thị Kim Oanh", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh")


def test_a_guidance_title_in_lower_case_and_its_author_stated_in_the_opening():
    text = (
        "TỈNH ỦY HÀ NAM\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*\nSố 21-HD/BTGDVTU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Nam, ngày 2 tháng 6 năm 2025\n\nHƯỚNG DẪN\ntuyên truyền Nghị quyết số 68-NQ/TW\ncủa Bộ Chính trị\n\n"
        "Thực hiện Kế hoạch số 30-KH/TU ngày 12/5/2025 của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy "
        "hướng dẫn như sau:\n\nI. NỘI DUNG\n1. Báo Hà Nam mở chuyên mục.\n"
    )
    doc = doc_of(text)
    assert doc.title == "tuyên truyền Nghị quyết số 68-NQ/TW của Bộ Chính trị"
    assert doc.issuer == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
