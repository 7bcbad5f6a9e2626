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
    pytest.param(  # "… Ban Thường vụ Thị ủy chỉ thị:" alone introduces the numbered paragraphs
        TOWN_HEADER + "Để tạo chuyển biến mạnh mẽ, Ban Thường vụ Thị ủy chỉ thị:\n\n"
        "1. Các cấp ủy quán triệt nghiêm túc Chỉ thị số 05-CT/TW ngày 15-5-2016 của Bộ Chính trị.\n\n"
        "2. Ban Tuyên giáo Thị ủy chủ trì biên soạn tài liệu, hoàn thành trước 30/11.\n",
        {("Ban Tuyên giáo Thị ủy", "2024-11-30")},
        {"05-CT/TW"},
        id="chi-thi-colon",
    ),
    pytest.param(  # reviewing how a document was carried out is not carrying it out
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Văn phòng Thị ủy chủ trì dự thảo báo cáo, đánh giá đúng kết quả thực hiện Nghị quyết số 07-NQ/TxU "
        "ngày 2/3/2021 của Ban Chấp hành Đảng bộ thị xã, hoàn thành trước 30/4/2025.\n",
        {("Văn phòng Thị ủy", "2025-04-30")},
        set(),
        id="review-is-not-carrying-out",
    ),
    pytest.param(  # issuing what details a law or decree carries it out
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Giao Ủy ban nhân dân thị xã ban hành các quyết định quy định chi tiết những nội dung Nghị định số "
        "102/2024/NĐ-CP ngày 30/7/2024 của Chính phủ giao địa phương, hoàn thành trước 15/12/2024.\n",
        {("Ủy ban nhân dân thị xã", "2024-12-15")},
        {"102/2024/NĐ-CP"},
        id="quy-dinh-chi-tiet",
    ),
    pytest.param(  # the verb after a cited document's date and issuer is that document's, not the task's
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Văn phòng Thị ủy tham mưu lồng ghép với việc tiếp tục thực hiện Chương trình hành động số 34-CTr/TU "
        "ngày 12-3-2018 của Tỉnh ủy thực hiện Nghị quyết số 20-NQ/TW, hoàn thành trước 30/11/2024.\n",
        {("Văn phòng Thị ủy", "2024-11-30")},
        {"34-CTr/TU"},
        id="verb-of-a-cited-document",
    ),
    pytest.param(  # … but a document listed after that verb's object is the unit's again
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Ủy ban nhân dân thị xã thực hiện Chương trình hành động số 29-CTr/TU của Tỉnh ủy thực hiện Nghị quyết số "
        "06-NQ/TW và Kế hoạch số 7175/KH-UBND của UBND tỉnh, hoàn thành trong năm 2025.\n",
        {("Ủy ban nhân dân thị xã", "2025-12-31")},
        {"29-CTr/TU", "7175/KH-UBND"},
        id="list-after-the-object",
    ),
    pytest.param(  # "Ban Chấp hành" names a body, it carries nothing out; a list joined by "và" after a title
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Văn phòng Thị ủy triển khai nghiêm túc Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương "
        "về tổng kết Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính "
        "trị, hoàn thành trong quý II/2025.\n",
        {("Văn phòng Thị ủy", "2025-06-30")},
        {"121-KL/TW", "126-KL/TW"},
        id="ban-chap-hanh-is-no-verb",
    ),
]

DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 77/QĐ-UBND\nKon Tum, ngày 3 tháng 4 năm 2025\n\nQUYẾT ĐỊNH\n"
    "Phê duyệt Đề án phát triển y tế cơ sở\n\nỦY BAN NHÂN DÂN TỈNH KON TUM\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Phê duyệt Đề án phát triển y tế cơ sở (có Đề án kèm theo).\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Bình\n\n"
    "ĐỀ ÁN\n\nPhát triển y tế cơ sở\n\n(Kèm theo Quyết định số 77/QĐ-UBND ngày 3/4/2025 của UBND tỉnh)\n\n"
    "Phần I. NHIỆM VỤ VÀ TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Y tế chủ trì nâng cấp các trạm y tế xã theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng "
    "Chính phủ, hoàn thành trong quý IV/2025.\n"
)
CASES += [
    pytest.param(  # carrying out a conclusion that reviews a resolution is not carrying out the resolution
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Triển khai nghiêm túc Kết luận số 121-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương về tổng kết "
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị; "
        "Ban Tổ chức Thị ủy chủ trì, hoàn thành trong tháng 02/2025.\n",
        {("Ban Tổ chức Thị ủy", "2025-02")},
        {"121-KL/TW", "126-KL/TW"},
        id="reviewed-resolution",
    ),
    pytest.param(  # a conclusion's topic headings ("Về mục tiêu …", "Về thực hiện các chương trình mục tiêu quốc gia")
        "TỈNH ỦY LẠNG SƠN\nSố 320-KL/TU\nLạng Sơn, ngày 3 tháng 3 năm 2025\n\nKẾT LUẬN\nHỘI NGHỊ BAN CHẤP HÀNH ĐẢNG "
        "BỘ TỈNH LẦN THỨ 30\n\nBan Chấp hành Đảng bộ tỉnh kết luận:\n\n1. Về mục tiêu tăng trưởng năm 2025\n\n"
        "Ban cán sự đảng UBND tỉnh xây dựng kịch bản tăng trưởng, trình trước ngày 28/3/2025.\n\n"
        "2. Về thực hiện các chương trình mục tiêu quốc gia\n\n"
        "Thực hiện Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ (Ban Dân tộc tỉnh chủ trì).\n",
        {("Ban cán sự đảng Ủy ban nhân dân tỉnh", "2025-03-28"), ("Ban Dân tộc tỉnh", None)},
        {"1719/QĐ-TTg"},
        id="topic-headings",
    ),
    pytest.param(  # a page number on a line of its own, blank lines around it, in the middle of a sentence
        TOWN_HEADER + "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Ủy ban Kiểm tra Thị ủy tập trung kiểm tra khi có dấu hiệu vi phạm\n\n2\n\n"
        "đối với tổ chức đảng trong quản lý đất đai; báo cáo trong tháng 6/2025.\n\n"
        "2. Văn phòng Thị ủy theo dõi.\n",
        {("Ủy ban Kiểm tra Thị ủy", "2025-06"), ("Văn phòng Thị ủy", None)},
        set(),
        id="page-number-mid-sentence",
    ),
    pytest.param(  # "Phần thứ nhất" with its title on the next line: the past part sets no task
        "TỈNH ỦY NINH BÌNH\nSố 210-BC/TU\nNinh Bình, ngày 5 tháng 12 năm 2024\n\nBÁO CÁO\nsơ kết 3 năm\n\n"
        "Ban Thường vụ Tỉnh ủy báo cáo sơ kết thực hiện Kết luận số 21-KL/TW như sau:\n\n"
        "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN\n\n"
        "I. CÔNG TÁC LÃNH ĐẠO\n\nBan Thường vụ Tỉnh ủy đã triển khai Chỉ thị số 12-CT/TU ngày 9-8-2022 về kỷ "
        "cương hành chính.\n\nPhần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ\n\n"
        "1. Ban Tổ chức Tỉnh ủy chủ trì triển khai Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung "
        "ương, hoàn thành trong quý I/2025.\n",
        {("Ban Tổ chức Tỉnh ủy", "2025-03-31")},
        {"21-KL/TW"},
        id="part-title-on-next-line",
    ),
    pytest.param(  # a re-mention by number with the longer type word of the same kind
        TOWN_HEADER + "Ban Thường vụ Thị ủy đã ban hành Chương trình hành động số 58-CTr/TxU ngày 20-02-2024.\n\n"
        "Ban Thường vụ Thị ủy yêu cầu như sau:\n\n"
        "1. Triển khai Chương trình hành động 58; Văn phòng Thị ủy chủ trì, hoàn thành trong tháng 12/2024.\n",
        {("Văn phòng Thị ủy", "2024-12")},
        {"58-CTr/TxU"},
        id="re-mention-with-the-longer-type-word",
    ),
    pytest.param(  # a report's requests to higher bodies ("KIẾN NGHỊ") set no tasks
        "THÀNH ỦY VŨNG TÀU\nSố 214-BC/TU\nVũng Tàu, ngày 5 tháng 6 năm 2025\n\nBÁO CÁO\nsơ kết 3 năm\n\n"
        "I. NHIỆM VỤ THỜI GIAN TỚI\n\n1. Ban Tổ chức Thành ủy chủ trì rà soát quy hoạch, hoàn thành trong quý III/2025."
        "\n\nII. KIẾN NGHỊ\n\nĐề nghị Ban Thường vụ Tỉnh ủy chỉ đạo Sở Xây dựng sớm thẩm định đề án; đề nghị UBND "
        "tỉnh bố trí vốn.\n",
        {("Ban Tổ chức Thành ủy", "2025-09-30")},
        set(),
        id="requests-upward",
    ),
    pytest.param(  # in a press report, a role stated before "giao" directs ("Bí thư Tỉnh ủy giao X …")
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 19\n\nSáng 22/10, Ban Chấp hành Đảng bộ tỉnh họp Hội nghị lần "
        "thứ 19.\n\nHội nghị nghe báo cáo sơ kết Nghị quyết số 23-NQ/TW ngày 6/10/2022 của Bộ Chính trị.\n\n"
        "Về thực hiện Nghị quyết 23, Bí thư Tỉnh ủy giao Ban Kinh tế Tỉnh ủy tham mưu ban hành kế hoạch tiếp tục thực "
        "hiện Nghị quyết số 23-NQ/TW, hoàn thành trước ngày 15/11/2024.\n",
        {("Ban Kinh tế Tỉnh ủy", "2024-11-15")},
        {"23-NQ/TW"},
        id="role-giao-in-a-report",
    ),
    pytest.param(  # the scheme a decision approves, printed after its signature, sets the tasks
        DECISION, {("Sở Y tế", "2025-12-31")}, {"1719/QĐ-TTg"}, id="attached-scheme"
    ),
]


@pytest.mark.parametrize("text,pairs,carried", CASES)
def test_directive_form(text: str, pairs: set, carried: set) -> None:
    found_pairs, found_carried = _read(text)
    assert pairs <= found_pairs, found_pairs
    assert {lead for lead, _ in found_pairs} == {lead for lead, _ in pairs}, found_pairs  # no other lead
    assert found_carried == carried, found_carried


@pytest.mark.parametrize(
    "title, kind",
    [("Phê duyệt Đề án phát triển y tế cơ sở", "other"), ("Ban hành Quy chế làm việc của Ban Chỉ đạo", "regulation")],
)
def test_a_decision_is_titled_by_what_it_does_and_is_a_regulation_only_when_it_issues_rules(title, kind):
    from loaders.to_json import document_json

    doc = extract_source(from_text(DECISION.replace("Phê duyệt Đề án phát triển y tế cơ sở", title), name="qd.txt"))
    assert doc.title == title
    assert document_json(doc)["kind"] == kind


GUIDANCE_HEADER = (
    "TỈNH ỦY HÀ NAM\nBAN TUYÊN GIÁO VÀ DÂN VẬN\nSố 21-HD/BTGDVTU\nHà Nam, ngày 2 tháng 6 năm 2025\n\n"
    "HƯỚNG DẪN\ntuyên truyền kỷ niệm\n\nIII. TỔ CHỨC THỰC HIỆN\n"
)
# (item, every (lead, deadline) pair its tasks hand out)
ASSIGNMENT_CASES = [
    pytest.param(  # two media named as leads, the province's broadcaster by its scope word
        "1. Báo Hà Nam, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục, thực hiện trong tháng 6/2025.\n",
        {("Báo Hà Nam", "2025-06"), ("Đài Phát thanh và Truyền hình tỉnh", "2025-06")},
        id="two-media-leads",
    ),
    pytest.param(  # the Front addressed with the organisations it leads: the Front is addressed (probes 12, 18–26)
        "1. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, trong quý III/2025.\n",
        {("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "2025-09-30")},
        id="named-body-and-a-group",
    ),
    pytest.param(  # a council with its standing agency in parentheses: the council leads
        "1. Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh (Sở Tư pháp là cơ quan thường trực) tổ chức hội "
        "nghị, xong trước 31/7/2025.\n",
        {("Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh", "2025-07-31")},
        id="council-and-its-standing-agency",
    ),
    pytest.param(  # a group's clause after a body's: its deadline is the group's, not the body's
        "1. Ủy ban Kiểm tra Tỉnh ủy đưa nội dung vào chương trình kiểm tra năm 2025; các huyện ủy, thành ủy xây dựng "
        "kế hoạch, gửi về Ban Thường vụ Tỉnh ủy trước ngày 15/02/2025.\n",
        {("Ủy ban Kiểm tra Tỉnh ủy", None)},
        id="group-clause-after-a-body",
    ),
    pytest.param(  # two units of the committee's commissions leading together
        "1. Văn phòng Ủy ban Kiểm tra Tỉnh ủy và Phòng Tổng hợp Ban Nội chính Tỉnh ủy xây dựng quy trình trao đổi "
        "thông tin, hoàn thành trong quý II năm 2025.\n",
        {("Văn phòng Ủy ban Kiểm tra Tỉnh ủy", "2025-06-30"), ("Phòng Tổng hợp Ban Nội chính Tỉnh ủy", "2025-06-30")},
        id="two-units-of-commissions",
    ),
    pytest.param(  # days of every year: recurring, no deadline
        "1. Ủy ban Kiểm tra Tỉnh ủy có trách nhiệm cung cấp kết quả kiểm tra trước ngày 20 tháng 6 và ngày 20 tháng "
        "12 hằng năm.\n",
        {("Ủy ban Kiểm tra Tỉnh ủy", None)},
        id="days-of-every-year",
    ),
    pytest.param(  # an unnumbered lead-in addressing one body over dash items: each item is that body's
        "Đồng chí Bí thư Tỉnh ủy yêu cầu Ban Thường vụ Đảng ủy phường thực hiện tốt các nhiệm vụ sau:\n"
        "- Sắp xếp đội ngũ công chức, hoàn thành trong tháng 12/2025.\n"
        "- Cụ thể hóa Nghị quyết thành chương trình của Đảng bộ phường, ban hành chậm nhất ngày 15/01/2026.\n",
        {("Ban Thường vụ Đảng ủy phường", "2025-12"), ("Ban Thường vụ Đảng ủy phường", "2026-01-15")},
        id="unnumbered-lead-in-over-dash-items",
    ),
    pytest.param(  # the item's date said in an earlier clause is not the body's, handed work after a semicolon
        "1. Khởi công Bệnh viện Đa khoa tỉnh (cơ sở 2) trong năm 2026 là nhiệm vụ trọng tâm; giao Sở Y tế hoàn thiện "
        "hồ sơ, trình Ủy ban nhân dân tỉnh ngay sau khi Trung ương phân bổ vốn.\n",
        {("Sở Y tế", None)},
        id="date-of-an-earlier-clause",
    ),
    pytest.param(  # a group before a named body's name is still a group
        "1. Ban Thường vụ các huyện ủy, thị ủy chỉ đạo tuyên truyền, trước ngày 30/6/2025.\n",
        set(),
        id="group-of-standing-boards",
    ),
]


@pytest.mark.parametrize("item,pairs", ASSIGNMENT_CASES)
def test_assignments_of_an_item(item: str, pairs: set) -> None:
    doc = extract_source(from_text(GUIDANCE_HEADER + item, name="guidance.txt"))
    assert {(b.name, deadline) for t in doc.tasks for b, deadline in t.assignments} == pairs


def test_the_themes_of_a_propaganda_guidance_are_no_tasks() -> None:
    from pathlib import Path

    from loaders.read import read

    path = Path(__file__).parent / "fixtures" / "probe12" / "docs" / "p12_07_hatinh_btgdv_hd.txt"
    doc = extract_source(read(path))
    assert not [t.text for t in doc.tasks if t.section and t.section[0] == "II"]
    assert len(doc.tasks) == 7


def test_the_standing_articles_of_a_decision_issuing_a_plan_are_no_tasks() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 1386/QĐ-UBND\nHưng Yên, ngày 10 tháng 6 năm 2025\n\nQUYẾT ĐỊNH\n"
        "Ban hành Kế hoạch hỗ trợ doanh nghiệp\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình hành động số 52-CTr/TU ngày "
        "26/5/2025 của Ban Thường vụ Tỉnh ủy.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh chịu trách "
        "nhiệm thi hành Quyết định này.\n\nKẾ HOẠCH\n\n1. Giao Sở Tài chính rà soát thủ tục, trước ngày 30/9/2025.\n"
    )
    doc = extract_source(from_text(text, name="qd.txt"))
    assert [t.text for t in doc.tasks] == ["1. Giao Sở Tài chính rà soát thủ tục, trước ngày 30/9/2025."]


def test_a_reports_part_on_how_it_led_sets_no_tasks() -> None:
    text = (
        "TỈNH ỦY BẠC LIÊU\nSố 418-BC/TU\nBạc Liêu, ngày 10 tháng 5 năm 2024\n\nBÁO CÁO\nsơ kết Nghị quyết\n\n"
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN\n\nBan Thường vụ Tỉnh ủy đã giao Ban cán sự đảng Ủy ban "
        "nhân dân tỉnh lãnh đạo xây dựng kế hoạch, hoàn thành trong năm 2023.\n\nII. NHIỆM VỤ THỜI GIAN TỚI\n\n"
        "1. Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo ban hành chính sách trong quý IV/2024.\n"
    )
    doc = extract_source(from_text(text, name="bc.txt"))
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads] == [
        ("Đảng đoàn Hội đồng nhân dân tỉnh", "2024-12-31")
    ]


def test_a_paragraph_whose_subject_is_a_body_with_what_it_must_do_sets_a_task_in_a_notice() -> None:
    text = (
        "TỈNH ỦY QUẢNG BÌNH\nSố 1620-TB/TU\nQuảng Bình, ngày 25 tháng 7 năm 2024\n\nTHÔNG BÁO\nkết luận của Ban "
        "Thường vụ Tỉnh ủy\n\n3. Về kiện toàn tổ chức bộ máy\n\nBan Thường vụ Tỉnh ủy đồng ý chủ trương hợp nhất hai "
        "Ban Quản lý dự án.\n\nĐảng đoàn Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh xem xét, thông qua "
        "chủ trương đầu tư trong tháng 9/2024.\n"
    )
    doc = extract_source(from_text(text, name="tb.txt"))
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads] == [
        ("Đảng đoàn Hội đồng nhân dân tỉnh", "2024-09")
    ]
