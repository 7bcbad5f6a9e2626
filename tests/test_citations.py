"""Citations in every shape, table-driven in the eyecite style: ``(text, [expected])``.

Each expected citation is ``(symbol, type, date, issuer, level)``; ``None`` where the text does
not state it. The text is read and extracted as a whole document (``extract_source``)."""

from __future__ import annotations

import unicodedata

import pytest

from loaders import extract_source
from loaders.read import from_text

BCT, BBT, BCHTW = "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng"


def cites(text: str, name: str = "t.txt"):
    return extract_source(from_text(text, name=name)).citations


def rows(text: str):
    return [(c.symbol, c.type, c.date, c.issuer, c.level) for c in cites(text)]


SHAPES = [
    # Party symbols, with and without "số"
    (
        "Thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị về phát triển vùng.",
        [("11-NQ/TW", "Nghị quyết", "2022-02-10", BCT, "central")],
    ),
    (
        "Thực hiện Nghị quyết 11-NQ/TW, ngày 10/02/2022 của Bộ Chính trị về phát triển vùng.",
        [("11-NQ/TW", "Nghị quyết", "2022-02-10", BCT, "central")],
    ),
    # bare symbol: type from the code
    ("Các cấp ủy quán triệt tinh thần 21-KL/TW trong toàn Đảng bộ.", [("21-KL/TW", "Kết luận", None, None, "central")]),
    # NUMBER/TYPE/ISSUER and spaced variants
    (
        "Thực hiện Kết luận số 21/KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
        [("21-KL/TW", "Kết luận", "2021-10-25", BCHTW, "central")],
    ),
    (
        "Thực hiện Kết luận số 21 - KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
        [("21-KL/TW", "Kết luận", "2021-10-25", BCHTW, "central")],
    ),
    (
        "Thực hiện Kết luận số 21-KL / TW của Ban Chấp hành Trung ương Đảng.",
        [("21-KL/TW", "Kết luận", None, BCHTW, "central")],
    ),
    # state symbols
    (
        "Theo Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội về cơ chế đặc thù.",
        [("111/2024/QH15", "Nghị quyết", "2024-01-18", "Quốc hội", "central")],
    ),
    (
        "Giải quyết chế độ theo Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ.",
        [("178/2024/NĐ-CP", "Nghị định", "2024-12-31", "Chính phủ", "central")],
    ),
    (
        "Triển khai Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ.",
        [("1719/QĐ-TTg", "Quyết định", "2021-10-14", "Thủ tướng Chính phủ", "central")],
    ),
    (
        "Thực hiện Thông tư số 12/2023/TT-BTC ngày 20/02/2023 của Bộ Tài chính.",
        [("12/2023/TT-BTC", "Thông tư", "2023-02-20", "Bộ Tài chính", "central")],
    ),
    (
        "Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14/4/2025 của Ủy ban Thường vụ Quốc hội.",
        [("76/2025/UBTVQH15", "Nghị quyết", "2025-04-14", "Ủy ban Thường vụ Quốc hội", "central")],
    ),
    # date shapes
    (
        "Thực hiện Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị.",
        [("35-CT/TW", "Chỉ thị", "2019-05-30", BCT, "central")],
    ),
    (
        "Thực hiện Quy định số 102-QĐ/TW ngày 9-8-2019 của Bộ Chính trị.",
        [("102-QĐ/TW", "Quy định", "2019-08-09", BCT, "central")],
    ),
    (
        "Thực hiện Nghị quyết số 11-NQ/TW ngày 10 tháng 02 năm 2022 của Bộ Chính trị.",
        [("11-NQ/TW", "Nghị quyết", "2022-02-10", BCT, "central")],
    ),
    (
        "Thực hiện Quy định số 69-QĐ/TW ngày 06/7/2022 của Bộ Chính trị về kỷ luật tổ chức đảng.",
        [("69-QĐ/TW", "Quy định", "2022-07-06", BCT, "central")],
    ),
    # issuer before the date
    (
        "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016 về đẩy mạnh học tập.",
        [("05-CT/TW", "Chỉ thị", "2016-05-15", BCT, "central")],
    ),
    # joint issuers
    (
        "Thực hiện Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị, Ban Bí thư về Đề án sắp xếp.",
        [("137-KL/TW", "Kết luận", "2025-03-28", "Bộ Chính trị, Ban Bí thư", "central")],
    ),
    # 21-KL/TW is not 21-NQ/TW
    (
        "Thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII và Nghị quyết số 21-NQ/TW "
        "của Ban Chấp hành Trung ương Đảng khóa XIII.",
        [("21-KL/TW", "Kết luận", None, BCHTW, "central"), ("21-NQ/TW", "Nghị quyết", None, BCHTW, "central")],
    ),
    # levels
    (
        "Tiếp tục thực hiện Nghị quyết số 01-NQ/TU ngày 31/12/2020 của Ban Chấp hành Đảng bộ tỉnh.",
        [("01-NQ/TU", "Nghị quyết", "2020-12-31", "Ban Chấp hành Đảng bộ tỉnh", "provincial")],
    ),
    (
        "Thực hiện Kế hoạch số 05-KH/HU ngày 02/3/2023 của Huyện ủy.",
        [("05-KH/HU", "Kế hoạch", "2023-03-02", "Huyện ủy", "provincial")],
    ),
    (
        "Thực hiện Quyết định số 1520/QĐ-UBND ngày 15/8/2023 của Ủy ban nhân dân tỉnh.",
        [("1520/QĐ-UBND", "Quyết định", "2023-08-15", "Ủy ban nhân dân tỉnh", "provincial")],
    ),
    (
        "Thực hiện Hướng dẫn số 26-HD/BTCTW ngày 30/7/2024 của Ban Tổ chức Trung ương.",
        [("26-HD/BTCTW", "Hướng dẫn", "2024-07-30", "Ban Tổ chức Trung ương", "central")],
    ),
    # normalisation: official capitals, Đ kept
    (
        "Triển khai Chương trình số 27-CTR/TU ngày 23/8/2017 của Tỉnh ủy.",
        [("27-CTr/TU", "Chương trình", "2017-08-23", "Tỉnh ủy", "provincial")],
    ),
    (
        "Thực hiện Quy định số 137-QĐ/TW ngày 01/12/2023 của Ban Bí thư.",
        [("137-QĐ/TW", "Quy định", "2023-12-01", BBT, "central")],
    ),
    # a date without "ngày" right after the symbol
    (
        "Thực hiện Kế hoạch số 86-KH/TU, 9-8-2022 của Ban Thường vụ Tỉnh ủy về đất đai.",
        [("86-KH/TU", "Kế hoạch", "2022-08-09", "Ban Thường vụ Tỉnh ủy", "provincial")],
    ),
    # not citations
    ("Năm 2024 đạt 25/30 chỉ tiêu; Quốc lộ 4C được nâng cấp; ngày 10/02/2022 khởi công.", []),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[f"shape{i:02d}" for i in range(len(SHAPES))])
def test_citation_shapes(text, expected):
    assert rows(text) == expected


def test_same_date_carries_over():
    got = rows(
        "Thực hiện Nghị quyết số 18-NQ/TW ngày 16/6/2022 và Nghị quyết số 19-NQ/TW cùng ngày "
        "của Ban Chấp hành Trung ương Đảng khóa XIII."
    )
    assert [(s, d) for s, _, d, _, _ in got] == [("18-NQ/TW", "2022-06-16"), ("19-NQ/TW", "2022-06-16")]


def test_term_in_parentheses():
    (c,) = cites("Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị (khóa XII) về đẩy mạnh học tập.")
    assert (c.term, c.date, c.issuer) == ("XII", "2016-05-15", BCT)


def test_title_about():
    (c,) = cites(
        "Thực hiện Chỉ thị 13-CT/TW, ngày 12/01/2017 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng "
        "đối với công tác quản lý, bảo vệ và phát triển rừng.\n"
    )
    assert c.title is not None
    assert c.title.startswith("về tăng cường sự lãnh đạo") and c.title.rstrip(". ").endswith("phát triển rừng")


@pytest.mark.parametrize(
    "remention,number", [("Chỉ thị 13", "13"), ("Chỉ thị số 13", "13"), ("CT 13", "13"), ("CT số 13", "13")]
)
def test_short_re_mention_in_a_task_resolves_to_the_full_mention(remention, number):
    text = (
        "Thực hiện Chỉ thị số 13-CT/TW ngày 12/01/2017 của Ban Bí thư về bảo vệ rừng.\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        f"1. Tổ chức quán triệt {remention} đến cán bộ, đảng viên và Nhân dân.\n"
    )
    doc = extract_source(from_text(text, name="t.txt"))
    (c,) = doc.citations
    (task,) = [t for t in doc.tasks if "quán triệt" in t.text]
    assert task.implements == (c.key,)
    ((s, e),) = task.implements_spans
    assert number in doc.text[s:e]


def test_an_abbreviated_type_code_re_mentions_only_a_document_of_that_kind():
    text = (
        "Thực hiện Nghị quyết số 19-NQ/TW ngày 16/6/2022 và Kết luận số 19-KL/TW ngày 14/10/2021.\n\n"
        "II. NHIỆM VỤ\n\n1. Quán triệt NQ 19 đến cán bộ.\n2. Sơ kết KL 19, quý IV/2025.\n3. Thực hiện Kế hoạch 19.\n"
    )
    doc = extract_source(from_text(text, name="t.txt"))
    by_symbol = {c.key: c.symbol for c in doc.citations}
    implements = [[by_symbol[k] for k in t.implements] for t in doc.tasks if t.text[:2] in ("1.", "2.", "3.")]
    assert implements[0] == ["19-NQ/TW"] and implements[2] == []


def test_short_re_mention_nghi_quyet_so_11():
    text = (
        "Thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị.\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Cụ thể hóa Nghị quyết số 11 thành chương trình, kế hoạch của tỉnh.\n"
    )
    doc = extract_source(from_text(text, name="t.txt"))
    (c,) = doc.citations
    assert [t.implements for t in doc.tasks if "Cụ thể hóa" in t.text] == [(c.key,)]


def test_full_re_mention_is_a_second_mention_of_the_same_citation():
    (c,) = cites(
        "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.\n\n"
        "1. Tiếp tục thực hiện Kết luận số 21-KL/TW gắn với kiểm điểm cuối năm."
    )
    assert (c.symbol, c.date, len(c.mentions)) == ("21-KL/TW", "2021-10-25", 2)


def test_title_stops_before_the_main_clause():
    (c,) = cites(
        "Thực hiện Chỉ thị số 13-CT/TW ngày 12/01/2017 của Ban Bí thư về bảo vệ rừng, Ban Thường vụ "
        "Tỉnh ủy ban hành Chương trình như sau:\n"
    )
    assert c.title == "về bảo vệ rừng"


def test_same_symbol_in_two_terms_stays_two_documents():
    text = (
        "Qua 7 năm thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng "
        "khóa XII về sắp xếp tổ chức bộ máy, toàn tỉnh giảm 12 đầu mối. Triển khai Nghị quyết số 18-NQ/TW, "
        "ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về đất đai, tỉnh đã ban hành bảng giá "
        "đất.\n\nĐề nghị các cấp ủy tiếp tục thực hiện Nghị quyết 18-NQ/TW khóa XIII về đất đai.\n"
    )
    cs = cites(text)
    assert [(c.symbol, c.date) for c in cs] == [("18-NQ/TW", "2017-10-25"), ("18-NQ/TW", "2022-06-16")]
    assert [len(c.mentions) for c in cs] == [1, 2]  # the khóa XIII re-mention joins the 2022 one
    assert [c.term for c in cs] == ["XII", "XIII"]


def test_citation_split_across_a_hard_line_break():
    text = (
        "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tiếp tục thực hiện Nghị quyết số\n"
        "11-NQ/TW, ngày 10/02/2022 của Bộ\nChính trị về phương hướng phát triển kinh tế - xã hội\n"
        "vùng trung du và miền núi Bắc Bộ đến năm 2030.\n"
    )
    assert rows(text) == [("11-NQ/TW", "Nghị quyết", "2022-02-10", BCT, "central")]


@pytest.mark.parametrize("variant", ["nfd", "old-tones", "crlf"])
def test_text_variants_give_the_same_citation(variant):
    text = (
        "Thực hiện Nghị quyết số 18-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII, "
        "Tỉnh ủy ban hành Chương trình hành động.\n"
    )
    if variant == "nfd":
        text = unicodedata.normalize("NFD", text)
    elif variant == "old-tones":
        text = text.replace("khóa", "khoá").replace("Tỉnh ủy", "Tỉnh uỷ")
    else:
        text = text.replace("\n", "\r\n")
    (c,) = cites(text)
    assert (c.symbol, c.date, c.issuer, c.term) == ("18-NQ/TW", "2022-06-16", BCHTW, "XIII")


def test_date_only_in_a_footnote_is_attached():
    text = (
        "Thực hiện Kết luận số 36-KL/TW của Bộ Chính trị¹, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.\n\n"
        "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\n"
        "¹ Kết luận số 36-KL/TW, ngày 23/6/2022 của Bộ Chính trị về bảo đảm an ninh nguồn nước.\n"
    )
    (c,) = cites(text)
    assert (c.symbol, c.date, c.issuer) == ("36-KL/TW", "2022-06-23", BCT)


def test_markdown_footnote_definition_dates_the_citation():
    text = (
        "Thực hiện Kết luận số 36-KL/TW của Bộ Chính trị[^1], Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.\n\n"
        "1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\n"
        "[^1]: Kết luận số 36-KL/TW, ngày 23/6/2022 của Bộ Chính trị về bảo đảm an ninh nguồn nước.\n"
    )
    (c,) = cites(text, name="t.md")
    assert (c.symbol, c.date) == ("36-KL/TW", "2022-06-23")


def test_stated_issuer_decides_the_level_of_an_unusual_code():
    (c,) = cites("Thực hiện Kế hoạch số 10-KH/BCSĐ, ngày 20/9/2022 của Ban cán sự đảng Chính phủ.")
    assert (c.symbol, c.issuer, c.level) == ("10-KH/BCSĐ", "Ban cán sự đảng Chính phủ", "central")


def test_issuer_given_as_the_subject_of_ban_hanh():
    cs = cites(
        "Thời gian qua, thực hiện Kết luận số 127-KL/TW ngày 28/02/2025 của Bộ Chính trị, Ban Bí thư, "
        "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 350-KH/TU ngày 05/3/2025 và Kế hoạch số "
        "351-KH/TU cùng ngày triển khai thực hiện Kết luận số 127-KL/TW."
    )
    assert [(c.symbol, c.date, c.issuer) for c in cs[1:3]] == [
        ("350-KH/TU", "2025-03-05", "Ban Thường vụ Tỉnh ủy"),
        ("351-KH/TU", "2025-03-05", "Ban Thường vụ Tỉnh ủy"),
    ]


def test_a_letter_of_a_unit_of_the_provincial_committee_is_provincial():
    (c,) = cites("Căn cứ Công văn số 512/UBND-NV ngày 12/02/2025 của Ủy ban nhân dân tỉnh Bắc Giang về việc sắp xếp.\n")
    assert (c.symbol, c.level) == ("512/UBND-NV", "provincial")


def test_a_note_after_the_signature_marked_in_parentheses_dates_its_citation():
    text = (
        "THỊ ỦY QUẢNG YÊN\nSố 15-NQ/TxU\nQuảng Yên, ngày 20 tháng 12 năm 2024\n\nNGHỊ QUYẾT\nvề phát triển đô thị\n\n"
        "Thực hiện Nghị quyết số 06-NQ/TW của Bộ Chính trị(1), Ban Chấp hành Đảng bộ thị xã quyết nghị:\n\n"
        "1. Giao Ủy ban nhân dân thị xã lập quy hoạch, trong quý II/2025.\n\nT/M THỊ ỦY\nBÍ THƯ\n\nĐào Quang Hiển\n\n"
        "-------------------------\n(1) Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về phát triển đô thị.\n"
        "(2) Một ghi chú khác.\n"
    )
    doc = extract_source(from_text(text, name="nq.txt"))
    assert [(c.symbol, c.date) for c in doc.citations] == [("06-NQ/TW", "2022-01-24")]
    assert [t.text for t in doc.tasks] == ["1. Giao Ủy ban nhân dân thị xã lập quy hoạch, trong quý II/2025."]
