"""Links between documents stated in the text, table-driven: (text, links expected among the document's links,
links that must not be there). Each text is a short document of its own; symbols and names are invented."""

from __future__ import annotations

import pytest

from loaders import extract_source
from loaders.read import from_text
from loaders.to_json import document_json


def links_of(text: str) -> set[tuple[str | None, str]]:
    doc = extract_source(from_text(text, name="t.txt"))
    return {(link.source[0] if link.source else None, link.target[0]) for link in doc.links}


def report(sentence: str) -> str:
    """A press report of a meeting whose second paragraph is ``sentence``."""
    return (
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12\n\n"
        "Sáng 5-3, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 12 để đánh giá tình hình quý I.\n\n"
        f"{sentence}\n"
    )


PLAN_REQUIREMENTS = (  # the requirements part directs its bases to be carried out, by number or "nêu trên"
    "TỈNH ỦY KON TUM\nSố 77-KH/TU\nKon Tum, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\nkiểm điểm năm 2024\n\n"
    "Căn cứ Quy định số 124-QĐ/TW, ngày 04/10/2023 của Bộ Chính trị về kiểm điểm; Hướng dẫn số 25-HD/BTCTW ngày "
    "13/11/2023 của Ban Tổ chức Trung ương; Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Chỉ thị số "
    "35-CT/TW ngày 14/6/2024 của Bộ Chính trị.\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Kế thừa kết quả hơn 5 năm thực hiện Chỉ "
    "thị 35.\n\n- Đối tượng: các tổ chức cơ sở đảng.\n- Yêu cầu: thực hiện đúng Quy định 124 và Hướng dẫn nêu trên; "
    "quán triệt Nghị quyết 57.\n\nII. NHIỆM VỤ\n\n1. Ban Tổ chức Tỉnh ủy xây dựng kế hoạch, trước ngày "
    "20/11/2025.\n"
)


ON_THE_BASIS = (  # "trên cơ sở … theo X" in the preamble: a basis, not carried out
    "TỈNH ỦY KON TUM\nSố 27-KH/TU\nKon Tum, ngày 3 tháng 9 năm 2025\n\nKẾ HOẠCH\n\nThực hiện Nghị quyết số 71-NQ/TW, "
    "ngày 22/8/2025 của Bộ Chính trị về giáo dục; trên cơ sở tổ chức bộ máy mới của tỉnh theo Nghị quyết số "
    "202/2025/QH15 ngày 12/6/2025 của Quốc hội, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau:\n\n"
    "I. NHIỆM VỤ\n\n1. Ban Tổ chức Tỉnh ủy rà soát, trước ngày 31/12/2025.\n"
)


LINKS = [
    (  # a chain of titles: each document carries out the next ("… về thực hiện B … về tiếp tục thực hiện C")
        "ỦY BAN NHÂN DÂN\nHUYỆN TUY AN\nSố: 86/KH-UBND\n\nTuy An, ngày 05 tháng 4 năm 2024\n\nKẾ HOẠCH\nThực hiện Kế "
        "hoạch số 112-KH/HU ngày 15/3/2024 của Ban Thường vụ Huyện ủy về thực hiện Kết luận số 76-KL/TW của Bộ Chính trị "
        "về tiếp tục thực hiện Nghị quyết số 33-NQ/TW ngày 09/6/2014 của Ban Chấp hành Trung ương về văn hóa\n\n"
        "I. NHIỆM VỤ\n\n1. Phòng Văn hóa và Thông tin tổ chức tuyên truyền, trong quý II/2024.\n",
        {("112-KH/HU", "76-KL/TW"), ("76-KL/TW", "33-NQ/TW")},
        {("112-KH/HU", "33-NQ/TW")},
    ),
    (  # a plan carrying out two documents joined by "và"
        report(
            "Hội nghị quán triệt Kế hoạch số 41-KH/TU ngày 2-8-2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận "
            "số 88-KL/TW ngày 13-5-2024 của Bộ Chính trị và Nghị quyết số 150/2024/QH15 ngày 26-6-2024 của Quốc hội."
        ),
        {("41-KH/TU", "88-KL/TW"), ("41-KH/TU", "150/2024/QH15")},
        set(),
    ),
    (  # the list goes on with a document issued after the plan: it is the sentence's, not the plan's
        report(
            "Các cấp ủy đã triển khai Kết luận số 90-KL/TW ngày 18/8/2014 của Ban Bí thư, Kế hoạch số 12-KH/TU "
            "ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 90-KL/TW và Kết luận số 77-KL/TU "
            "ngày 14/8/2017 của Ban Thường vụ Tỉnh ủy về công tác tư tưởng."
        ),
        {("12-KH/TU", "90-KL/TW")},
        {("12-KH/TU", "77-KL/TU")},
    ),
    (  # "triển khai" alone after a cited document
        report(
            "Giao Ban cán sự đảng UBND tỉnh thực hiện Nghị quyết số 44/NQ-CP ngày 18/8/2022 của Chính phủ triển "
            "khai Nghị quyết số 61/2022/QH15 ngày 16/6/2022 của Quốc hội."
        ),
        {("44/NQ-CP", "61/2022/QH15")},
        set(),
    ),
    (  # in the cited document's title: "về ban hành Kế hoạch triển khai …"
        report(
            "Tỉnh đã thực hiện Quyết định số 512/QĐ-TTg ngày 14/3/2016 của Thủ tướng Chính phủ về ban hành Kế hoạch "
            "triển khai Chỉ thị số 33-CT/TW ngày 22/11/2014 của Ban Bí thư."
        ),
        {("512/QĐ-TTg", "33-CT/TW")},
        set(),
    ),
    (  # a footnote marker on the symbol does not hide what follows
        report(
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 90/KH-UBND ngày 05/5/2016 thực hiện Quyết định số "
            "512/QĐ-TTg(2) của Thủ tướng Chính phủ ban hành Kế hoạch triển khai Chỉ thị số 33-CT/TW."
        ),
        {("90/KH-UBND", "512/QĐ-TTg"), ("512/QĐ-TTg", "33-CT/TW")},
        set(),
    ),
    (  # "gắn với thực hiện" associates two documents; neither carries the other out
        report(
            "Cán bộ, đảng viên gương mẫu thực hiện Quy định số 55-QĐ/TW ngày 25/10/2018 của Ban Chấp hành Trung "
            "ương về trách nhiệm nêu gương, gắn với thực hiện Chỉ thị số 09-CT/TW ngày 15/5/2016 của Bộ Chính trị."
        ),
        set(),
        {("55-QĐ/TW", "09-CT/TW")},
    ),
    (  # the cited document opening the sentence replaces the one after "thay thế"
        report(
            "Cùng với đó, Nghị quyết số 140/2024/QH15 về thí điểm một số cơ chế đặc thù phát triển tỉnh có hiệu "
            "lực từ ngày 1-1-2025, thay thế Nghị quyết số 101/2020/QH14 của Quốc hội."
        ),
        {("140/2024/QH15", "101/2020/QH14")},
        set(),
    ),
]


DIRECTIVE = (
    "TỈNH ỦY KON TUM\nSố 52-CT/TU\n\nCHỈ THỊ\nvề lãnh đạo đại hội đảng bộ các cấp\n\n"
    "Ngày 14/4/2025, Bộ Chính trị ban hành Chỉ thị số 61-CT/TW về đại hội đảng bộ các cấp, thay thế Chỉ thị "
    "số 29-CT/TW ngày 14/6/2024 của Bộ Chính trị. Ngày 28-3-2025, Bộ Chính trị ban hành Kết luận số 150-KL/TW về "
    "sắp xếp đơn vị hành chính.\n\n"
    "Để lãnh đạo thực hiện Kết luận 150 và Chỉ thị 61 trên địa bàn tỉnh, Ban Thường vụ Tỉnh ủy yêu cầu các cấp "
    "ủy thực hiện tốt các nội dung sau:\n\n1. Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n"
)
PROGRAMME = (
    "ĐẢNG BỘ TỈNH YÊN BÁI\nBAN CHẤP HÀNH\n*\nSố 31-CTr/TU\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\n"
    "của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 20-NQ/TW ngày 25/10/2017 Hội nghị lần thứ sáu Ban "
    "Chấp hành Trung ương Đảng khóa XII về y tế\n\nI. NHIỆM VỤ\n\n1. Giao Sở Y tế chủ trì rà soát mạng lưới.\n"
)
PLAN_CONTINUING = (  # the preamble tells what a cited conclusion continues: the plan carries out the conclusion only
    "TỈNH ỦY ĐIỆN BIÊN\nSố 88-KH/TU\nĐiện Biên, ngày 3 tháng 2 năm 2025\n\nKẾ HOẠCH\nthực hiện Kết luận số 110-KL/TW"
    "\n\nNgày 12 tháng 11 năm 2024, Ban Bí thư ban hành Kết luận số 110-KL/TW về tiếp tục thực hiện Chỉ thị số "
    "19-CT/TW ngày 5/11/2012 của Ban Bí thư. Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:\n\n"
    "1. Ban Tuyên giáo Tỉnh ủy hướng dẫn quán triệt.\n"
)
LINKS += [
    (  # a congress resolution named, not numbered: "thực hiện Nghị quyết" does not point back to a numbered one
        report(
            "Tỉnh đã thực hiện Nghị quyết số 73/NQ-CP ngày 6/5/2022 của Chính phủ. Việc thực hiện Chương trình số "
            "14-CTr/TU ngày 2/6/2021 của Tỉnh ủy về thực hiện Nghị quyết Đại hội XIII của Đảng đạt kết quả tốt."
        ),
        set(),
        {("14-CTr/TU", "73/NQ-CP")},
    ),
    (  # "… của Tỉnh ủy thực hiện Nghị quyết B và Kế hoạch C của UBND tỉnh": C is a second carrier, not a target
        report(
            "Thực hiện Chương trình hành động số 33-CTr/TU ngày 4/4/2022 của Tỉnh ủy thực hiện Nghị quyết số "
            "06-NQ/TW ngày 24/01/2022 của Bộ Chính trị và Kế hoạch số 5120/KH-UBND của UBND tỉnh, "
            "đô thị phát triển nhanh."
        ),
        {("33-CTr/TU", "06-NQ/TW")},
        {("33-CTr/TU", "5120/KH-UBND")},
    ),
    (  # a bare re-mention still points back: "… triển khai thực hiện Nghị quyết, …"
        report(
            "Tỉnh ủy quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 21-KH/TU "
            "ngày 5/2/2025 của Ban Thường vụ Tỉnh ủy triển khai thực hiện Nghị quyết, đạt kết quả bước đầu."
        ),
        {("21-KH/TU", "57-NQ/TW")},
        set(),
    ),
    (  # a cited conclusion that reviews a resolution: a "reviews" link, and the plan does not carry the resolution out
        report(
            "Hội nghị quán triệt Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương về tổng kết "
            "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương."
        ),
        {("121-KL/TW", "18-NQ/TW")},
        {(None, "18-NQ/TW")},
    ),
    (  # issued to carry another out, said before it, the target re-mentioned by number
        report(
            "Ngày 04/5/2025, Bộ Chính trị ban hành Nghị quyết số 68-NQ/TW về kinh tế tư nhân (sau đây gọi tắt là Nghị "
            "quyết 68). Để thể chế hóa Nghị quyết 68, Quốc hội đã ban hành Nghị quyết số 198/2025/QH15 ngày 17/5/2025."
        ),
        {("198/2025/QH15", "68-NQ/TW")},
        set(),
    ),
    (  # a resolution deciding to lead the carrying out; a re-mention by number replaces another
        "ĐẢNG BỘ TỈNH BẮC NINH\nBAN CHẤP HÀNH\n*\nSố 27-NQ/TU\nBắc Ninh, ngày 12 tháng 3 năm 2025\n\nNGHỊ QUYẾT\n"
        "HỘI NGHỊ LẦN THỨ 25\n\nNgày 11 tháng 3 năm 2025, Ban Chấp hành Đảng bộ tỉnh khóa XX họp Hội nghị lần thứ 25, "
        "thảo luận và quyết nghị về việc lãnh đạo thực hiện Nghị quyết số 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị về "
        "hội nhập quốc tế (sau đây gọi là Nghị quyết 59) trên địa bàn tỉnh như sau:\n\nI. TÌNH HÌNH\n\n"
        "Thời gian qua, tỉnh thực hiện Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị về hội nhập quốc tế; "
        "Nghị quyết 59 thay thế Nghị quyết số 22-NQ/TW.\n\nII. NHIỆM VỤ\n\n1. Giao Sở Ngoại vụ chủ trì.\n",
        {(None, "59-NQ/TW"), ("59-NQ/TW", "22-NQ/TW")},
        {(None, "22-NQ/TW")},
    ),
    (  # the list goes on after a carried document with one issued after its carrier: the document's own list
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 1502/QĐ-UBND\nSơn La, ngày 10 tháng 7 năm 2024\n\nQUYẾT ĐỊNH\n"
        "Ban hành Kế hoạch thực hiện Chương trình hành động số 41-CTr/TU\n\nỦY BAN NHÂN DÂN TỈNH\n\n"
        "Thực hiện Chương trình hành động số 41-CTr/TU ngày 20/3/2023 của Tỉnh ủy thực hiện Nghị quyết 29-NQ/TW và "
        "Thông báo kết luận số 1120-TB/TU ngày 21 tháng 6 năm 2024 của Thường trực Tỉnh ủy;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n",
        {(None, "41-CTr/TU"), (None, "1120-TB/TU"), ("41-CTr/TU", "29-NQ/TW")},
        {("41-CTr/TU", "1120-TB/TU")},
    ),
    (  # a letter's subject line carrying a document out
        "ĐẢNG BỘ TỈNH KON TUM\nBAN THƯỜNG VỤ TỈNH ỦY\n*\nSố 2170-CV/TU\nV/v triển khai Nghị quyết số 72-NQ/TW\n"
        "của Bộ Chính trị về sức khỏe Nhân dân\n\nĐẢNG CỘNG SẢN VIỆT NAM\nKon Tum, ngày 06 tháng 10 năm 2025\n\n"
        "Kính gửi: Đảng ủy Ủy ban nhân dân tỉnh.\n\n1. Đề nghị Đảng ủy Ủy ban nhân dân tỉnh xây dựng chương trình, "
        "trong tháng 11/2025.\n",
        {(None, "72-NQ/TW")},
        set(),
    ),
    (  # "thực hiện" in a cited title is no clause carrying out; a "Thực hiện" list goes on after a semicolon
        "ỦY BAN NHÂN DÂN\nPHƯỜNG KON TUM\nSố: 386/KH-UBND\nKon Tum, ngày 10 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
        "Chuyển đổi số năm 2026\n\nCăn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ "
        "tục hành chính trên môi trường điện tử; Nghị định số 69/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định về "
        "định danh điện tử;\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về chuyển đổi số; Kế "
        "hoạch số 08-KH/ĐU ngày 03/10/2025 của Ban Thường vụ Đảng ủy phường về chuyển đổi số năm 2026.\n\n"
        "I. NHIỆM VỤ\n\n1. Công an phường rà soát dữ liệu dân cư, trước ngày 31/3/2026.\n",
        {(None, "57-NQ/TW"), (None, "08-KH/ĐU")},
        set(),
    ),
    (  # a list going on after the name a document is called by, and a replaced list after a remark
        "TỈNH ỦY KON TUM\nSố 38-CTr/TU\nKon Tum, ngày 25 tháng 8 năm 2025\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\n"
        "Để thống nhất lãnh đạo thực hiện Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính trị về kinh tế tư nhân "
        "(sau đây gọi là Nghị quyết 68) và Nghị quyết số 198/2025/QH15, ngày 17/5/2025 của Quốc hội về cơ chế đặc "
        "biệt, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động thay thế Chương trình hành động số 41-CTr/TU, "
        "ngày 20/6/2025 của Ban Thường vụ Tỉnh ủy Kon Tum (trước hợp nhất) và Kế hoạch số 186-KH/TU, ngày 16/6/2025 "
        "của Ban Thường vụ Tỉnh ủy Quảng Ngãi (trước hợp nhất), như sau:\n\nI. NHIỆM VỤ\n\n"
        "1. Sở Tài chính chủ trì rà soát, trong năm 2025.\n",
        {(None, "68-NQ/TW"), (None, "198/2025/QH15"), (None, "41-CTr/TU"), (None, "186-KH/TU")},
        set(),
    ),
    (  # the basis of a programme that names what it carries out stays a basis
        "TỈNH ỦY KON TUM\nSố 78-CTr/TU\nKon Tum, ngày 10 tháng 02 năm 2023\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết "
        "số 26-NQ/TW, ngày 03/11/2022 của Bộ Chính trị về vùng Tây Nguyên\n\nCăn cứ Thông báo kết luận số 58-TB/TU ngày "
        "5/01/2023 của Ban Thường vụ Tỉnh ủy về việc ban hành các chương trình thực hiện nghị quyết của Trung ương, "
        "Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động thực hiện Nghị quyết 26 như sau:\n\nI. NHIỆM VỤ\n\n"
        "1. Sở Tài chính chủ trì rà soát, trong năm 2023.\n",
        {(None, "26-NQ/TW"), (None, "58-TB/TU")},
        set(),
    ),
    (  # a resolution the conference issued to lead the carrying out of another, said in a long clause
        "ĐẢNG BỘ TỈNH KON TUM\nBAN CHẤP HÀNH\n*\nSố 312-NQ/TU\nKon Tum, ngày 25 tháng 02 năm 2025\n\nNGHỊ QUYẾT\n\n"
        "Ngày 21/02/2025, Hội nghị lần thứ 28 Ban Chấp hành Đảng bộ tỉnh khóa XIX đã thảo luận, thống nhất ban hành "
        "Nghị quyết lãnh đạo thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị ngày 22-12-2024 về khoa học, công nghệ "
        "trên địa bàn tỉnh, như sau:\n\nI. NHIỆM VỤ\n\n1. Sở Khoa học và Công nghệ chủ trì, trong năm 2025.\n",
        {(None, "57-NQ/TW")},
        set(),
    ),
    (ON_THE_BASIS, {(None, "71-NQ/TW"), (None, "202/2025/QH15")}, set()),
    (PLAN_CONTINUING, {(None, "110-KL/TW"), ("110-KL/TW", "19-CT/TW")}, {(None, "19-CT/TW")}),
    (PROGRAMME, {(None, "20-NQ/TW")}, set()),
    (DIRECTIVE, {("61-CT/TW", "29-CT/TW"), (None, "150-KL/TW"), (None, "61-CT/TW")}, {(None, "29-CT/TW")}),
    (  # "Thực hiện A …; tiếp theo Công văn số B …, Ban Thường vụ yêu cầu các …": B is followed up, not carried out
        "TỈNH ỦY BẮC NINH\nSố 1457-CV/TU\nBắc Ninh, ngày 02 tháng 4 năm 2025\n\nV/v sắp xếp đơn vị hành chính\n\n"
        "Thực hiện Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị về sắp xếp đơn vị hành chính; tiếp theo Công "
        "văn số 1398-CV/TU ngày 18/3/2025 của Ban Thường vụ Tỉnh ủy về triển khai Kết luận số 127-KL/TW ngày "
        "28/02/2025 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan thực hiện một số nội dung sau:\n\n"
        "1. Ban Tổ chức Tỉnh ủy chủ trì, trước ngày 25/4/2025.\n",
        {(None, "137-KL/TW")},
        {(None, "1398-CV/TU")},
    ),
    (  # a title ending with a cited document's title; the next paragraph's "Thực hiện B" is not that document's
        "ĐẢNG ỦY ĐẶC KHU PHÚ QUỐC\nSố 05-CTr/ĐU\nPhú Quốc, ngày 20 tháng 10 năm 2025\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "của Ban Chấp hành Đảng bộ đặc khu thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về nâng "
        "cao sức khỏe Nhân dân\n\nThực hiện Kế hoạch số 36-KH/TU ngày 30/9/2025 của Ban Thường vụ Tỉnh ủy thực hiện "
        "Nghị quyết số 72-NQ/TW, Ban Chấp hành Đảng bộ đặc khu xây dựng Chương trình hành động như sau:\n\n"
        "I. NHIỆM VỤ\n1. Trung tâm Y tế đặc khu chủ trì, trong năm 2026.\n",
        {(None, "72-NQ/TW"), (None, "36-KH/TU"), ("36-KH/TU", "72-NQ/TW")},
        {("72-NQ/TW", "36-KH/TU")},
    ),
    (  # "Để tiếp tục thực hiện A … và B …, Ban Thường vụ … yêu cầu các chi bộ …"
        "ĐẢNG ỦY PHƯỜNG ĐỒNG HỚI\nSố 09-CT/ĐU\nĐồng Hới, ngày 10 tháng 10 năm 2025\n\nCHỈ THỊ\nvề chuyển đổi số\n\n"
        "Để tiếp tục thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Kế hoạch số 18-KH/TU ngày "
        "05/9/2025 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy phường yêu cầu các chi bộ thực hiện tốt các nội "
        "dung sau:\n\n1. Công an phường chủ trì cấp tài khoản định danh trước ngày 31/01/2026.\n",
        {(None, "57-NQ/TW"), (None, "18-KH/TU")},
        set(),
    ),
    (  # the document saying what it is for, at the start of a sentence of its preamble
        "ĐẢNG BỘ TỈNH KON TUM\nBAN CHẤP HÀNH\n*\nSố 15-NQ/TU\nKon Tum, ngày 18 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n"
        "về phát triển năng lượng sạch\n\nNgày 16/12/2024, Hội nghị lần thứ 19 Ban Chấp hành Đảng bộ tỉnh đã thống "
        "nhất ban hành Nghị quyết chuyên đề về năng lượng. Nghị quyết nhằm cụ thể hóa Nghị quyết số 55-NQ/TW ngày "
        "11/02/2020 của Bộ Chính trị về Chiến lược phát triển năng lượng quốc gia.\n\nI. NHIỆM VỤ\n\n"
        "1. Sở Công Thương chủ trì, trong năm 2025.\n",
        {(None, "55-NQ/TW")},
        set(),
    ),
    (  # a document with a title of its own is listed beside the programme, not under what the programme carries out
        report(
            "Hội nghị quán triệt Nghị quyết số 198/2025/QH15 ngày 17/5/2025 của Quốc hội về một số cơ chế đặc biệt "
            "phát triển kinh tế tư nhân và Chương trình hành động số 52-CTr/TU ngày 06/6/2025 của Ban Thường vụ Tỉnh "
            "ủy thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị."
        ),
        {("52-CTr/TU", "68-NQ/TW")},
        {("198/2025/QH15", "68-NQ/TW")},
    ),
    (  # a plan carrying out two resolutions of one kind, the first with its title; the guidance carries out the plan
        # and "hai Nghị quyết", the last two resolutions cited
        "TỈNH ỦY HÀ NAM\nBAN TUYÊN GIÁO VÀ DÂN VẬN\nSố 21-HD/BTGDVTU\nHà Nam, ngày 2 tháng 6 năm 2025\n\n"
        "HƯỚNG DẪN\ntuyên truyền hai Nghị quyết\n\nThực hiện Kế hoạch số 30-KH/TU ngày 12/5/2025 của Ban Thường vụ "
        "Tỉnh ủy về quán triệt và triển khai thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về "
        "đổi mới công tác xây dựng pháp luật và Nghị quyết số 68-NQ/TW của Bộ Chính trị; để triển khai thực hiện có "
        "hiệu quả hai Nghị quyết, Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn như sau:\n\nI. NỘI DUNG\n"
        "1. Báo Hà Nam mở chuyên mục.\n",
        {
            (None, "30-KH/TU"),
            (None, "66-NQ/TW"),
            (None, "68-NQ/TW"),
            ("30-KH/TU", "66-NQ/TW"),
            ("30-KH/TU", "68-NQ/TW"),
        },
        set(),
    ),
    (  # the replaced document mentioned again in the next sentence, in a list: the list is not replaced
        report(
            "Bộ Chính trị ban hành Nghị quyết số 59-NQ/TW về hội nhập quốc tế (sau đây gọi tắt là Nghị quyết 59), thay "
            "thế Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị. Sau 10 năm thực hiện Nghị quyết số 22-NQ/TW và "
            "Chương trình hành động số 141-CTr/TU ngày 15/8/2013 của Tỉnh ủy, tỉnh đạt nhiều kết quả."
        ),
        {("59-NQ/TW", "22-NQ/TW")},
        {("59-NQ/TW", "141-CTr/TU")},
    ),
    (  # a cited plan's title ending "theo <document>" carries that document out; one mid-sentence does not
        report(
            "Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương; Kế hoạch số 12-KH/HU ngày "
            "10/02/2025 của Ban Thường vụ Huyện ủy về sắp xếp, tinh gọn bộ máy của huyện theo Nghị quyết 18; các cơ "
            "quan đã bám sát Nghị quyết số 58-NQ/TW ngày 05/8/2020 của Bộ Chính trị về phát triển tỉnh, tận dụng cơ "
            "chế theo Nghị quyết số 37/2021/QH15 ngày 13/11/2021 của Quốc hội để tháo gỡ khó khăn, kinh doanh."
        ),
        {("12-KH/HU", "18-NQ/TW")},
        {("58-NQ/TW", "37/2021/QH15")},
    ),
    (  # "Để tiếp tục thực hiện A, B và C, Ban Thường vụ Tỉnh ủy yêu cầu …": the directive carries them out
        "TỈNH ỦY KHÁNH HÒA\nSố 25-CT/TU\nKhánh Hòa, ngày 05 tháng 3 năm 2024\n\nCHỈ THỊ\nvề học tập và làm theo Bác\n\n"
        "Sau 8 năm thực hiện Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị và Kết luận số 01-KL/TW ngày "
        "18/5/2021 của Bộ Chính trị, việc học tập đã thành nền nếp.\n\nĐể tiếp tục thực hiện Chỉ thị 05, Kết luận 01, "
        "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau:\n\n"
        "1. Ban Tuyên giáo Tỉnh ủy chủ trì hướng dẫn, trong năm 2024.\n",
        {(None, "05-CT/TW"), (None, "01-KL/TW")},
        set(),
    ),
    (  # a list after a title goes on only with a document of the same kind and level
        report(
            "Thực hiện Kế hoạch số 30-KH/TU ngày 12/5/2025 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 21-KL/TW "
            "ngày 25/10/2021 của Ban Chấp hành Trung ương về xây dựng Đảng và Chỉ thị số 35-CT/TW của Bộ Chính trị, "
            "các cấp ủy đã triển khai."
        ),
        {("30-KH/TU", "21-KL/TW")},
        {("30-KH/TU", "35-CT/TW")},
    ),
    (  # after the 2025 merger: a document of a former province "(cũ)" carries out the one its title names
        "TỈNH ỦY ĐỒNG THÁP\nSố 05-KL/TU\nMỹ Tho, ngày 20 tháng 8 năm 2025\n\nKẾT LUẬN\n\n1. Tiếp tục thực hiện cho đến "
        "khi có văn bản thay thế đối với Chương trình hành động số 45-CTr/TU ngày 10/3/2023 của Tỉnh ủy Tiền Giang (cũ) "
        "thực hiện Nghị quyết số 18-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương; Kế hoạch số 206-KH/TU ngày "
        "21/02/2025 của Ban Thường vụ Tỉnh ủy Đồng Tháp (cũ) thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ "
        "Chính trị.\n",
        {("45-CTr/TU", "18-NQ/TW"), ("206-KH/TU", "57-NQ/TW")},
        {(None, "18-NQ/TW"), (None, "57-NQ/TW")},
    ),
    (  # a long title that ends by carrying out a document; a title, then the years of carrying out another, does not
        report(
            "Hội nghị quán triệt Kế hoạch số 02-KH/BCĐ ngày 08/9/2025 của Ban Chỉ đạo Tỉnh ủy về phát triển khoa học, "
            "công nghệ, đổi mới sáng tạo và chuyển đổi số thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị. Sau gần 8 "
            "năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong "
            "cách Hồ Chí Minh và gần 3 năm thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, tỉnh đã đạt "
            "kết quả tốt."
        ),
        {("02-KH/BCĐ", "57-NQ/TW")},
        {("05-CT/TW", "01-KL/TW")},
    ),
    (  # the preamble says what the resolution was issued for: "ban hành Nghị quyết về … nhằm cụ thể hóa …"
        "TỈNH ỦY BÀ RỊA - VŨNG TÀU\nSố 14-NQ/TU\nBà Rịa - Vũng Tàu, ngày 28 tháng 4 năm 2023\n\nNGHỊ QUYẾT\nvề kinh tế "
        "biển\n\nNgày 27/4/2023, tại Hội nghị lần thứ 16, Ban Chấp hành Đảng bộ tỉnh khóa VII đã thảo luận, thống nhất "
        "ban hành Nghị quyết về phát triển bền vững kinh tế biển tỉnh đến năm 2030, tầm nhìn đến năm 2045 nhằm cụ thể "
        "hóa Nghị quyết số 36-NQ/TW, ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng khóa XII.\n\nI. NHIỆM VỤ\n\n"
        "1. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo xây dựng kế hoạch, trong quý III/2023.\n",
        {(None, "36-NQ/TW")},
        set(),
    ),
    (  # an issuer's city written out ("Thành ủy Thành phố Hồ Chí Minh") before what the cited plan carries out
        "ĐẢNG ỦY PHƯỜNG GIA ĐỊNH\nSố 41-KH/ĐU\nGia Định, ngày 23 tháng 9 năm 2025\n\nKẾ HOẠCH\n\nThực hiện Kế hoạch số "
        "112-KH/TU ngày 28/8/2025 của Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh thực hiện Nghị quyết số 68-NQ/TW ngày "
        "04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân, Ban Thường vụ Đảng ủy phường xây dựng Kế hoạch thực "
        "hiện như sau:\n\nI. NHIỆM VỤ\n\n1. Văn phòng Đảng ủy theo dõi, trong quý IV/2025.\n",
        {("112-KH/TU", "68-NQ/TW"), (None, "112-KH/TU")},
        {(None, "68-NQ/TW")},
    ),
]


def test_a_guidance_on_reviewing_a_resolution_reviews_it() -> None:
    """ "… về sơ kết 3 năm thực hiện Nghị quyết …" reviews the resolution; it does not carry it out."""
    text = report(
        "Hội nghị đã quán triệt Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị. Hội nghị triển khai Hướng "
        "dẫn số 15-HD/BTGTU ngày 10/01/2025 của Ban Tuyên giáo Tỉnh ủy về sơ kết 3 năm thực hiện Nghị quyết, "
        "Hướng dẫn số 16-HD/BTGTU ngày 12/01/2025 của Ban Tuyên giáo Tỉnh ủy về sơ kết 3 năm thực hiện Nghị quyết "
        "số 06-NQ/TW."
    )
    doc = extract_source(from_text(text, name="t.txt"))
    relations = {(link.source[0], link.relation, link.target[0]) for link in doc.links if link.source}
    assert ("16-HD/BTGTU", "reviews", "06-NQ/TW") in relations
    assert not {r for r in relations if r[1] == "implements" and r[2] == "06-NQ/TW"}


def test_a_notice_that_says_it_replaces_another_replaces_it() -> None:
    """ "Thông báo này thay thế Thông báo số …": a notice saying so of itself replaces; one reporting that another
    document replaced something does not."""
    text = (
        "TỈNH ỦY BÌNH DƯƠNG\nSố 1320-TB/TU\n\nThủ Dầu Một, ngày 19 tháng 6 năm 2023\n\nTHÔNG BÁO\nkết luận của Ban "
        "Thường vụ Tỉnh ủy\n\n1. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc.\n\nThông báo này thay thế Thông báo số "
        "1287-TB/TU ngày 26/5/2023 của Ban Thường vụ Tỉnh ủy.\n"
    )
    doc = extract_source(from_text(text, name="tb.txt"))
    replaces = [link for link in doc.links if link.relation == "repeals"]  # "replaces" in the JSON
    assert [(link.source, link.target[0]) for link in replaces] == [(None, "1287-TB/TU")]  # None: the notice itself
    reported = text.replace("Thông báo này thay thế", "Năm 2023, có văn bản thay thế")
    assert not [link for link in extract_source(from_text(reported, name="tb.txt")).links if link.relation == "repeals"]


@pytest.mark.parametrize("text,expected,absent", LINKS, ids=[f"links{i}" for i in range(len(LINKS))])
def test_links_stated_in_the_text(text, expected, absent):
    found = links_of(text)
    assert expected <= found, found
    assert not (absent & found), found


def test_a_recipients_list_inside_the_body_sets_no_tasks():
    """A decision issuing rules prints its own recipients and signature before the rules: those lines set no tasks,
    the rules after them do."""
    text = (
        "TỈNH ỦY BẮC GIANG\nSố 900-QĐ/TU\n\nQUYẾT ĐỊNH\nban hành Quy chế phối hợp\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n\n"
        "Điều 2. Văn phòng Tỉnh ủy và các cơ quan liên quan căn cứ Quyết định thi hành.\n\n"
        "Nơi nhận:\n- Ban Nội chính Trung ương (để báo cáo),\n- Các đồng chí Tỉnh ủy viên,\n- Lưu Văn phòng Tỉnh ủy.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n\n* * *\n\nQUY CHẾ\nphối hợp\n"
        "(Ban hành kèm theo Quyết định số 900-QĐ/TU ngày 15/01/2024 của Ban Thường vụ Tỉnh ủy)\n\n"
        "Điều 1. Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với Thanh tra tỉnh kiểm tra, giám sát.\n\n"
        "Điều 2. Công an tỉnh cung cấp thông tin về các vụ việc có dấu hiệu vi phạm.\n"
    )
    doc = extract_source(from_text(text, name="t.txt"))
    sentences = [t.text for t in doc.tasks]
    assert not [s for s in sentences if "để báo cáo" in s or "Lưu Văn phòng" in s], sentences
    leads = {b.name for t in doc.tasks for b in t.leads}
    assert {"Ủy ban Kiểm tra Tỉnh ủy", "Công an tỉnh"} <= leads, sentences


def test_a_commune_after_the_merger_belongs_to_its_former_province_and_its_committee_issues():
    """A commune of a merged province: the text names the former province "(cũ)"; the commune's committee held the
    meeting the conclusion comes from."""
    text = (
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY XÃ MỸ HÒA\n*\nSố 15-KL/ĐU\n\nKẾT LUẬN\n"
        "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 2 (khóa I)\n\n"
        "Ngày 20/10/2025, Ban Chấp hành Đảng bộ xã Mỹ Hòa khóa I tổ chức Hội nghị lần thứ 2. Xã Mỹ Hòa được thành "
        "lập từ các xã của huyện Giồng Riềng, tỉnh Kiên Giang (cũ).\n\n"
        "1. Công an xã tăng cường tuần tra, hoàn thành trong tháng 12/2025.\n"
    )
    doc = extract_source(from_text(text, name="t.txt"))
    assert (doc.province, doc.issuer, doc.meeting.body) == (
        "Kiên Giang",
        "Ban Chấp hành Đảng bộ xã Mỹ Hòa",
        "Ban Chấp hành Đảng bộ xã",
    )


def test_a_review_is_its_own_relation_in_json_and_rdf():
    from loaders.to_json import document_json
    from loaders.to_rdf import document_graph
    from ontology.iris import Iris

    text = report(
        "Hội nghị quán triệt Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương về tổng kết "
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương."
    )
    doc = extract_source(from_text(text, name="t.txt"))
    assert {"from": "121-KL/TW", "relation": "reviews", "to": "18-NQ/TW"} in document_json(doc)["document_links"]
    _, quads = document_graph(doc, Iris())
    assert any(q.predicate.value == "https://w3id.org/vankien/ontology#reviews" for q in quads)


def test_the_requirements_part_carries_out_documents_without_stating_a_link():
    doc = extract_source(from_text(PLAN_REQUIREMENTS, name="t.txt"))
    out = document_json(doc)
    # "thực hiện đúng Quy định 124 và Hướng dẫn nêu trên; quán triệt Nghị quyết 57" — not 35-CT/TW, whose results the
    # purpose reviews
    assert out["implements"] == ["124-QĐ/TW", "25-HD/BTCTW", "57-NQ/TW"]
    assert not [ln for ln in out["document_links"] if ln["relation"] == "implements"]
    assert out["based_on"] == ["124-QĐ/TW", "25-HD/BTCTW", "57-NQ/TW", "35-CT/TW"]


def test_the_paragraph_leading_the_tasks_in_carries_out_its_documents():
    text = (
        "THỊ ỦY AN NHƠN\nSố 318-BC/TU\nAn Nhơn, ngày 14 tháng 02 năm 2025\n\nBÁO CÁO\nsơ kết công tác đô thị\n\n"
        "Phần thứ nhất\nKẾT QUẢ\nĐã ban hành Kế hoạch số 42-KH/TU ngày 20/6/2022 của Ban Thường vụ Thị ủy.\n\n"
        "Phần thứ hai\nNHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI\n\nĐể tiếp tục thực hiện có hiệu quả Nghị quyết số 06-NQ/TW "
        "ngày 24/01/2022 của Bộ Chính trị, Ban Thường vụ Thị ủy xác định các nhiệm vụ trọng tâm sau:\n\n"
        "1. Ủy ban nhân dân thị xã hoàn thiện hồ sơ đô thị loại III trong năm 2025.\n"
    )
    out = document_json(extract_source(from_text(text, name="bc.txt")))
    assert out["implements"] == ["06-NQ/TW"]
    assert not [ln for ln in out["document_links"] if ln["relation"] == "implements" and ln["from"] == "318-BC/TU"]


def test_a_short_name_given_in_parentheses_names_its_document() -> None:
    """ "(Đề án 06)" after a decision approving the scheme: "Đề án 06" is that decision, in the title and the tasks;
    "(sau đây gọi tắt là Kết luận 96)" after a conclusion citing another names the conclusion, not the other."""
    text = (
        "ỦY BAN NHÂN DÂN\nPHƯỜNG PHÚ CƯỜNG\nSố: 86/KH-UBND\nPhú Cường, ngày 18 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
        "Triển khai Đề án 06 trên địa bàn phường năm 2026\n\nCăn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ "
        "tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư (Đề án 06); Kết luận số 96-KL/TW ngày "
        "30/9/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 45-NQ/TW ngày 24/01/2019 của Bộ Chính trị (sau "
        "đây gọi tắt là Kết luận 96).\n\nI. NHIỆM VỤ\n1. Công an phường chủ trì thực hiện Đề án 06 và Kết luận 96 "
        "trong năm 2026.\n"
    )
    out = document_json(extract_source(from_text(text, name="kh.txt")))
    assert ("86/KH-UBND", "06/QĐ-TTg") in {(ln["from"], ln["to"]) for ln in out["document_links"]}
    assert out["implements"] == ["06/QĐ-TTg", "96-KL/TW"]


def test_a_regulation_makes_concrete_what_its_bulleted_preamble_names_dated_by_bracketed_notes() -> None:
    """ "- Để cụ thể hóa A[1] … và thực hiện B[2] …," then "Ban Thường vụ Tỉnh ủy quy định như sau:"; the dates are in
    the notes "[1] …" after the signature; a regulation replaced in its last article is not carried out."""
    text = (
        "TỈNH ỦY KON TUM\nSố 31-QĐ/TU\nKon Tum, ngày 12 tháng 8 năm 2025\n\nQUY ĐỊNH\nvề tiếp công dân\n\n"
        "- Căn cứ Điều lệ Đảng;\n- Để cụ thể hóa Quy định số 11-QĐi/TW[1] của Bộ Chính trị và thực hiện Kết luận số "
        "107-KL/TW[2] của Ban Bí thư phù hợp với mô hình chính quyền hai cấp,\n\nBan Thường vụ Tỉnh ủy quy định như "
        "sau:\n\nĐiều 1. Ban Nội chính Tỉnh ủy có trách nhiệm theo dõi việc tiếp công dân.\n\nĐiều 2. Hiệu lực thi "
        "hành\nQuy định này có hiệu lực kể từ ngày ký, thay thế Quy định số 12-QĐ/TU ngày 20/3/2020 của Ban Thường vụ "
        "Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn An\n\n-----\n[1] Quy định số 11-QĐi/TW ngày 18/02/2019 "
        "của Bộ Chính trị về tiếp dân.\n[2] Kết luận số 107-KL/TW ngày 24/12/2024 của Ban Bí thư về tiếp công dân.\n"
    )
    out = document_json(extract_source(from_text(text, name="qd.txt")))
    own = {ln["to"] for ln in out["document_links"] if ln["from"] == "31-QĐ/TU" and ln["relation"] == "implements"}
    assert own == {"11-QĐi/TW", "107-KL/TW"}
    assert "12-QĐ/TU" not in out["implements"]
    assert {c["symbol"]: c["date"] for c in out["citations"]}["107-KL/TW"] == "2024-12-24"


# The document's own relations by kind, for texts of LINKS whose relation matters: (own symbol, relations).
OWN_RELATIONS = [
    ("27-KH/TU", {("implements", "71-NQ/TW"), ("based_on", "202/2025/QH15")}),  # "trên cơ sở … theo X": a basis
    (  # a basis list and a carried-out list in one preamble
        "386/KH-UBND",
        {
            ("based_on", "45/2020/NĐ-CP"),
            ("based_on", "69/2024/NĐ-CP"),
            ("implements", "57-NQ/TW"),
            ("implements", "08-KH/ĐU"),
        },
    ),
    (  # lists go on after remarks, with their relation
        "38-CTr/TU",
        {
            ("implements", "68-NQ/TW"),
            ("implements", "198/2025/QH15"),
            ("repeals", "41-CTr/TU"),
            ("repeals", "186-KH/TU"),
        },
    ),
    ("78-CTr/TU", {("implements", "26-NQ/TW"), ("based_on", "58-TB/TU")}),  # a programme naming what it carries out
]


@pytest.mark.parametrize("own, relations", OWN_RELATIONS, ids=[own for own, _ in OWN_RELATIONS])
def test_the_documents_own_relations_by_kind(own, relations):
    text = next(t for t, _, _ in LINKS if f"Số {own}" in t or f"Số: {own}" in t)
    doc = extract_source(from_text(text, name="t.txt"))
    assert doc.symbol == own
    assert {(ln.relation, ln.target[0]) for ln in doc.links if ln.source is None} == relations
