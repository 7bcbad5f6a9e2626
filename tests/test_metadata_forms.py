"""Table-driven tests of what a document says of itself, each case a text written here, ``(text, expected)``: the
committee its header names (a town's or a city's inside a province, a centrally-run city's, a 2025 bloc committee's
broken over two lines) → the issuer and the signer's role; the province before the 2025 merger from a district
marked "(cũ)" or from a web page's metadata; a signature laid out as a table; and the issuer of a citation from a
footnote-marked name, a department's code, or a list that goes on after a semicolon."""

from __future__ import annotations

import pytest

from loaders import extract_source
from loaders.model import Document
from loaders.read import from_text

BODY = (
    "\n\nI. NHIỆM VỤ\n\n1. Giao Văn phòng chủ trì theo dõi, đôn đốc, báo cáo kết quả thực hiện trong tháng 12/2025.\n\n"
    "Nơi nhận:\n- Như trên,\n- Lưu Văn phòng.\n\n"
)


def _doc(text: str, metadata: dict | None = None) -> Document:
    return extract_source(from_text(text, name="meta.txt", metadata=metadata))


def _roles(doc: Document) -> dict[str, tuple[str, ...]]:
    return {p.name: p.roles for p in doc.persons}


# --- the issuing committee: issuer and the signer's role -------------------------------------------------
ISSUERS = [
    pytest.param(
        "ĐẢNG BỘ TỈNH QUẢNG NAM                    ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "      THỊ ỦY ĐIỆN BÀN                     ----------------\n"
        "           *                  Điện Bàn, ngày 03 tháng 9 năm 2024\n"
        "     Số 14-CT/TxU\n\n                           CHỈ THỊ\n"
        "     của Ban Thường vụ Thị ủy về công tác chuẩn bị đại hội\n"
        "\nBan Thường vụ Thị ủy Điện Bàn chỉ thị các cấp ủy thực hiện tốt các nội dung sau:"
        + BODY
        + "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nHồ Văn Lâm\n",
        ("Ban Thường vụ Thị ủy Điện Bàn", "Hồ Văn Lâm", "Bí thư Thị ủy"),
        id="town-committee-two-columns",
    ),
    pytest.param(
        "ĐẢNG BỘ TỈNH THANH HÓA\nTHÀNH ỦY SẦM SƠN\n*\nSố 21-NQ/TU\n\nSầm Sơn, ngày 12 tháng 12 năm 2024\n\n"
        "NGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ 19 BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ KHÓA XX\nvề phát triển du lịch biển\n\n"
        "Ngày 10/12/2024, tại Hội nghị lần thứ 19, Ban Chấp hành Đảng bộ thành phố Sầm Sơn khóa XX thống nhất:"
        + BODY
        + "T/M BAN CHẤP HÀNH\nBÍ THƯ\n\nLê Quang Dũng\n",
        ("Ban Chấp hành Đảng bộ thành phố Sầm Sơn", "Lê Quang Dũng", "Bí thư Thành ủy"),
        id="city-inside-a-province",
    ),
    pytest.param(
        "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ\nTHÀNH ỦY\n*\nSố 33-CTr/TU\n\nCần Thơ, ngày 02 tháng 6 năm 2025\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị\n\n"
        "Thành ủy Cần Thơ ban hành Chương trình hành động như sau:" + BODY + "T/M THÀNH ỦY\nBÍ THƯ\n\nTrần Minh Khoa\n",
        ("Thành ủy", "Trần Minh Khoa", "Bí thư Thành ủy"),
        id="centrally-run-city-without-its-name",
    ),
    pytest.param(
        "ĐẢNG BỘ TỈNH AN\nGIANG\nĐẢNG ỦY CÁC CƠ QUAN\nĐẢNG TỈNH\n*\nSố 08-KH/ĐU\n\nAn Giang, ngày 07 tháng 5 năm 2025\n\n"
        "KẾ HOẠCH\nvề học tập chuyên đề năm 2025\n\nBan Thường vụ Đảng ủy xây dựng Kế hoạch thực hiện như sau:"
        + BODY
        + "T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ\nNguyễn Thị Ngọc Hân\n",
        (
            "Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh",
            "Nguyễn Thị Ngọc Hân",
            "Phó Bí thư Đảng ủy các cơ quan Đảng tỉnh",
        ),
        id="bloc-committee-broken-over-two-lines",
    ),
    pytest.param(
        "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY ĐƠN DƯƠNG\n*\nSố 40-KH/HU\n\nĐơn Dương, ngày 10 tháng 4 năm 2025\n\n"
        "KẾ HOẠCH\nvề chuyển đổi số\n" + BODY + "| Nơi nhận: | T/M BAN THƯỜNG VỤ |\n|---|---|\n"
        "| - Ban Thường vụ Tỉnh ủy (b/c), | K/T BÍ THƯ |\n| - Các đồng chí Huyện ủy viên, | PHÓ BÍ THƯ |\n"
        "| - Lưu Văn phòng Huyện ủy. | | \n| | **Đặng Văn Quý** |\n",
        ("Ban Thường vụ Huyện ủy Đơn Dương", "Đặng Văn Quý", "Phó Bí thư Huyện ủy"),
        id="signature-in-a-pipe-table",
    ),
    pytest.param(
        "ĐẢNG BỘ TỈNH HÀ TĨNH\nBAN CHẤP HÀNH\n*\nSố 31-CTr/TU\n\nHà Tĩnh, ngày 14 tháng 3 năm 2018\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\ncủa Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 19-NQ/TW ngày 25/10/2017 "
        "của Ban Chấp hành Trung ương Đảng khóa XII\n\n-----\n" + BODY + "T/M TỈNH ỦY\nBÍ THƯ\n\nLê Đình Sơn\n",
        ("Ban Chấp hành Đảng bộ tỉnh", "Lê Đình Sơn", "Bí thư Tỉnh ủy"),
        id="title-names-its-issuer-before-the-signature",
    ),
    pytest.param(  # a decision of the chair of a people's committee: the state body, not the Party's
        "ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n TỈNH KON TUM                  "
        "Độc lập - Tự do - Hạnh phúc\nSố: 611/QĐ-UBND             Kon Tum, ngày 08 tháng 7 năm 2024\n\nQUYẾT ĐỊNH\n"
        "Về việc giao nhiệm vụ phát triển dược liệu\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Giao Sở Y tế chủ trì xây dựng đề án, hoàn thành trong tháng 10/2024.\n\n"
        "Nơi nhận:                                   KT. CHỦ TỊCH\n- Như Điều 1;                               "
        "PHÓ CHỦ TỊCH\n- Lưu: VT.                                   Y Ngọc Ksor\n",
        ("Ủy ban nhân dân tỉnh", "Y Ngọc Ksor", "Phó Chủ tịch UBND tỉnh"),
        id="chair-of-a-peoples-committee-signs",
    ),
    pytest.param(  # the same, the signature stacked under the recipients, a commune's committee
        "ỦY BAN NHÂN DÂN\nXÃ ĐĂK HÀ\n--------\nSố: 95/QĐ-UBND\n\nĐăk Hà, ngày 02 tháng 9 năm 2025\n\nQUYẾT ĐỊNH\n"
        "Về việc giao nhiệm vụ chuyển đổi số trên địa bàn xã Đăk Hà, tỉnh Kon Tum\n\nĐiều 1. Giao Văn phòng HĐND và UBND xã chủ trì, hoàn thành trong "
        "tháng 12/2025.\n\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nA Thuân\n",
        ("Ủy ban nhân dân xã", "A Thuân", "Phó Chủ tịch UBND xã"),
        id="chair-of-a-communes-committee-signs",
    ),
    pytest.param(  # a bloc committee the vocabulary names by its province ("… doanh nghiệp tỉnh")
        "ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY KHỐI DOANH NGHIỆP\n*\nSố 12-HD/ĐUK\n\nAn Giang, ngày 5 tháng 11 năm 2024\n\n"
        "HƯỚNG DẪN\nkiểm điểm cuối năm 2024\n\nBan Thường vụ Đảng ủy Khối hướng dẫn như sau:"
        + BODY
        + "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nLâm Hữu Nghĩa\n",
        ("Ban Thường vụ Đảng ủy Khối doanh nghiệp tỉnh", "Lâm Hữu Nghĩa", "Phó Bí thư Đảng ủy Khối doanh nghiệp tỉnh"),
        id="bloc-committee-by-its-province",
    ),
    pytest.param(  # "T/M ĐẢNG ĐOÀN" of the header's "ĐẢNG ĐOÀN HĐND TỈNH"
        "ĐẢNG BỘ TỈNH BẾN TRE\nĐẢNG ĐOÀN HĐND TỈNH\n*\nSố 08-KH/ĐĐ\n\nBến Tre, ngày 22 tháng 4 năm 2025\n\n"
        "KẾ HOẠCH\nlãnh đạo tổ chức kỳ họp chuyên đề\n\nĐảng đoàn ban hành Kế hoạch như sau:"
        + BODY
        + "T/M ĐẢNG ĐOÀN\nBÍ THƯ\n\nNguyễn Thị Ngọc Trâm\n",
        ("Đảng đoàn Hội đồng nhân dân tỉnh", "Nguyễn Thị Ngọc Trâm", "Bí thư Đảng đoàn Hội đồng nhân dân tỉnh"),
        id="party-delegation-signs",
    ),
    pytest.param(  # letters a scan puts for Vietnamese ones: "Ð" for "Đ", "phưòng" for "phường"
        "ÐẢNG BỘ TỈNH NINH BÌNH\nÐẢNG ỦY PHƯỜNG HOA LƯ\n*\nSố 34-TB/ĐU\n\nHoa Lư, ngày 20 tháng 10 năm 2025\n\n"
        "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Ðảng ủy phưòng tại hội nghị ngày 17/10/2025"
        + BODY
        + "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nPhạm Thị Thu Hưòng\n",
        ("Ban Thường vụ Đảng ủy phường Hoa Lư", "Phạm Thị Thu Hường", "Phó Bí thư Đảng ủy phường"),
        id="scanned-letters",
    ),
    pytest.param(  # the province's programme named in the preamble ("… ban hành Chương trình hành động số 45-CTr/TU")
        "ĐẢNG BỘ TỈNH ĐẮK LẮK\nTHÀNH ỦY BUÔN MA THUỘT\n*\nSố 31-CTr/TU\n\nBuôn Ma Thuột, ngày 15 tháng 3 năm 2023\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 06-NQ/TW\n\nNgày 12-8-2022, Tỉnh ủy Đắk Lắk ban hành Chương "
        "trình hành động số 45-CTr/TU thực hiện Nghị quyết 06. Để cụ thể hóa Chương trình hành động số 45-CTr/TU, Ban "
        "Thường vụ Thành ủy ban hành Chương trình hành động như sau:"
        + BODY
        + "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrương Đình Hạnh\n",
        ("Ban Thường vụ Thành ủy Buôn Ma Thuột", "Trương Đình Hạnh", "Bí thư Thành ủy"),
        id="another-document-issued-in-the-preamble",
    ),
    pytest.param(  # the unit the header names under its committee, signing for its head in his own name beside the
        # recipients ("TRƯỞNG BAN"); a name may end in "Thủy"
        "TỈNH ỦY QUẢNG NINH                                  ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TỔ CHỨC                       "
        "       Quảng Ninh, ngày 10 tháng 11 năm 2023\n   *\nSố 42-HD/BTCTU\n\nHƯỚNG DẪN\nkiểm điểm cuối năm 2023"
        + BODY.split("Nơi nhận")[0]
        + "Nơi nhận:                                           TRƯỞNG BAN\n- Thường trực Tỉnh ủy (b/c),\n"
        "- Các huyện ủy, thị ủy,                       (đã ký)\n- Các ban cán sự đảng,                   Hoàng Thị Bích "
        "Thủy\n- Lưu BTCTU.\n",
        ("Ban Tổ chức Tỉnh ủy", "Hoàng Thị Bích Thủy", "Trưởng Ban Tổ chức Tỉnh ủy"),
        id="a-unit-under-its-committee",
    ),
    pytest.param(
        "       TỈNH ỦY KIÊN GIANG                        ĐẢNG CỘNG SẢN VIỆT NAM\n     VĂN PHÒNG TỈNH ỦY\n      *   "
        "                       Rạch Giá, ngày 20 tháng 5 năm 2024\n     Số 2417-CV/VPTU\nV/v triển khai ý kiến chỉ đạo"
        + BODY
        + "K/T CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nLâm Thị Ngọc Hân\n",
        ("Văn phòng Tỉnh ủy", "Lâm Thị Ngọc Hân", "Phó chánh Văn phòng Tỉnh ủy"),
        id="the-office-under-its-committee",
    ),
    pytest.param(  # a department's head signing in her own name, in a Markdown table beside the recipients
        "**UBND TỈNH HÀ NAM**  \n**SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI**  \nSố: 142/BC-SLĐTBXH\n\nHà Nam, ngày 10 tháng 7 "
        "năm 2024\n\n# BÁO CÁO\n\n## Kết quả 05 năm thực hiện Chỉ thị số 36-CT/TW\n\n1. Văn phòng Sở tham mưu sơ kết "
        "công tác năm 2024, trước ngày 15/12/2024.\n\n| Nơi nhận: | GIÁM ĐỐC |\n|---|---|\n| - UBND tỉnh (b/c); | |\n"
        "| - Công an tỉnh; | *(Đã ký)* |\n| - Lưu: VT. | **Trần Thị Hoài Thu** |\n",
        ("Sở Lao động - Thương binh và Xã hội", "Trần Thị Hoài Thu", "Giám đốc Sở Lao động - Thương binh và Xã hội"),
        id="a-head-signing-in-a-table",
    ),
    pytest.param(  # signed by the office for a district committee's standing body
        "ĐẢNG BỘ TỈNH SÓC TRĂNG\nHUYỆN ỦY MỸ TÚ\n*\nSố 296-TB/HU\n\nMỹ Tú, ngày 14 tháng 4 năm 2023\n\nTHÔNG BÁO\n"
        "Kết luận buổi làm việc với Ban Thường vụ Đảng ủy xã Mỹ Hương\n"
        + BODY
        + "T/L THƯỜNG TRỰC HUYỆN ỦY\nCHÁNH VĂN PHÒNG\n\nDương Thị Bé Tư\n",
        ("Thường trực Huyện ủy", "Dương Thị Bé Tư", "Chánh Văn phòng Huyện ủy"),
        id="the-standing-body-of-a-district-committee",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ISSUERS)
def test_issuer_and_signer_role(text: str, expected: tuple[str, str, str]) -> None:
    issuer, signer, role = expected
    doc = _doc(text)
    assert doc.issuer == issuer
    assert doc.signer is not None and doc.signer.name == signer
    assert _roles(doc)[signer] == (role,)


# --- a signature printed beside the recipients, copied as plain text in two columns -----------------------
SIGN_HEAD = (
    "ĐẢNG BỘ TỈNH NGHỆ AN\nHUYỆN ỦY ANH SƠN\n*\nSố 22-KH/HU\n\nAnh Sơn, ngày 04 tháng 6 năm 2024\n\n"
    "KẾ HOẠCH\nvề chuyển đổi số\n\nI. NHIỆM VỤ\n\n1. Giao Văn phòng Huyện ủy theo dõi, báo cáo trong tháng 12/2024.\n\n"
)
SIDE_BY_SIDE = [
    pytest.param(
        "                                    T/M BAN THƯỜNG VỤ\n"
        "Nơi nhận:                              PHÓ BÍ THƯ THƯỜNG TRỰC\n- Ban Thường vụ Tỉnh ủy (b/c),\n"
        "- Các chi bộ trực thuộc,                  (đã ký)\n- Lưu Văn phòng Huyện ủy.\n"
        "                                         Trương Thị Kim Oanh\n",
        ("Trương Thị Kim Oanh", "Phó Bí thư Thường trực Huyện ủy"),
        id="capacity-on-the-recipients-line",
    ),
    pytest.param(
        "                                    T/M BAN THƯỜNG VỤ\n                                        BÍ THƯ\n"
        "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),                 Lục Văn Thành\n- Lưu Văn phòng Huyện ủy.\n",
        ("Lục Văn Thành", "Bí thư Huyện ủy"),
        id="name-beside-the-first-recipient",
    ),
    pytest.param(
        "                                    T/M BAN THƯỜNG VỤ\n                                    K/T BÍ THƯ\n"
        "                                     PHÓ BÍ THƯ\nNơi nhận:\n- Ban Thường vụ Tỉnh ủy (b/c),\n"
        "- Các đồng chí Huyện ủy viên,               Vi Thị Hồng Nhung\n- Lưu Văn phòng Huyện ủy.\n",
        ("Vi Thị Hồng Nhung", "Phó Bí thư Huyện ủy"),
        id="name-beside-a-later-recipient",
    ),
]


@pytest.mark.parametrize(("tail", "expected"), SIDE_BY_SIDE)
def test_signature_beside_the_recipients(tail: str, expected: tuple[str, str]) -> None:
    name, role = expected
    doc = _doc(SIGN_HEAD + tail)
    assert doc.signer is not None and doc.signer.name == name
    assert _roles(doc)[name] == (role,)


# --- the province before the 2025 merger -------------------------------------------------------------------
PROVINCES = [
    pytest.param(
        "ĐẢNG BỘ TỈNH PHÚ THỌ\nĐẢNG ỦY XÃ HỢP LÝ\n*\nSố 09-TB/ĐU\n\nHợp Lý, ngày 20 tháng 10 năm 2025\n\n"
        "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Đảng ủy xã\n\n1. Xã Hợp Lý được thành lập trên cơ sở sáp nhập các xã "
        "Liễn Sơn, Thái Hòa và Bắc Bình thuộc huyện Lập Thạch (cũ). Bộ máy cơ bản ổn định." + BODY,
        None,
        "Vĩnh Phúc",
        id="district-marked-former",
    ),
    pytest.param(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12: bàn nhiệm vụ năm 2025\n\n"
        "Sáng 05-3, Ban Chấp hành Đảng bộ tỉnh khóa XVII tổ chức Hội nghị lần thứ 12. Hội nghị thống nhất giao "
        "Ban Tổ chức Tỉnh ủy hoàn thành phương án trong tháng 4/2025.\n",
        {"title": "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12 - Báo Cà Mau điện tử"},
        "Cà Mau",
        id="web-page-title",
    ),
    pytest.param(  # a merged province's own committee: a "(cũ)" place inside a task is not the document's province
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5: dồn sức cho năm 2026\n\n"
        "Sáng 12-12, Ban Chấp hành Đảng bộ tỉnh Lào Cai khóa I tổ chức Hội nghị lần thứ 5. Hội nghị giao Ban Dân vận "
        "Tỉnh ủy chủ trì giải quyết các vụ việc đất đai tại các xã thuộc tỉnh Yên Bái (cũ), hoàn thành trong quý I/2026.\n",
        None,
        "Lào Cai",
        id="former-place-in-a-task-of-the-province",
    ),
    pytest.param(  # a ward's conclusion whose header names its Ban Chấp hành; "cũ" printed without brackets
        "ĐẢNG BỘ TỈNH TUYÊN QUANG                    ĐẢNG CỘNG SẢN VIỆT NAM\nBCH ĐẢNG BỘ PHƯỜNG NẬM NGẦN\n     *"
        "                  Nậm Ngần, ngày 15 tháng 12 năm 2025\n   Số 05-KL/ĐU\n\nKẾT LUẬN\ncủa Hội nghị Ban Chấp hành "
        "Đảng bộ phường lần thứ 2\n\nNgày 12/12/2025, Ban Chấp hành Đảng bộ phường Nậm Ngần họp Hội nghị lần thứ 2, "
        "thống nhất kết luận về nhiệm vụ năm 2026 của phường, bảo đảm bộ máy vận hành thông suốt, quản lý tốt đất "
        "đai, trật tự xây dựng và các dịch vụ công trực tuyến toàn trình.\n\n1. Phường (gồm địa bàn các phường Minh "
        "Khai, Trần Phú thuộc thành phố Hà Giang, tỉnh Hà Giang cũ) tiếp tục ổn định tổ chức bộ máy." + BODY,
        None,
        "Hà Giang",
        id="ward-committee-header-former-without-brackets",
    ),
    pytest.param(  # a merged province's people's committee: its own name, whatever former places the text names
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH THÁI NGUYÊN                          "
        "Độc lập - Tự do - Hạnh phúc\nSố: 87/KH-UBND                   Thái Nguyên, ngày 10 tháng 02 năm 2026\n\nKẾ "
        "HOẠCH\nPhát triển chuyển đổi số năm 2026\n\nI. MỤC TIÊU\n- Hoàn thành hợp nhất các hệ thống thông tin dùng "
        "chung của tỉnh Thái Nguyên (cũ) và tỉnh Bắc Kạn (cũ) trên một nền tảng." + BODY,
        None,
        "Thái Nguyên",
        id="merged-province-peoples-committee",
    ),
]


@pytest.mark.parametrize(("text", "metadata", "expected"), PROVINCES)
def test_province(text: str, metadata: dict | None, expected: str) -> None:
    assert _doc(text, metadata).province == expected


# --- the date of a press report ---------------------------------------------------------------------------
DATES = [
    pytest.param(  # "Chiều 16-12" on a page posted in 2025 that speaks mostly of 2026
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 3: mục tiêu năm 2026\n\nChiều 16-12, Ban Chấp hành Đảng bộ tỉnh "
        "khóa I tổ chức Hội nghị lần thứ 3, bàn nhiệm vụ năm 2026. Năm 2026 tỉnh phấn đấu tăng trưởng 10%; hoàn thành "
        "các dự án trọng điểm trong năm 2026.\n",
        {"posted": "16/12/2025 17:42", "title": "Hội nghị lần thứ 3 - Cổng Thông tin điện tử tỉnh Gia Lai"},
        "2025-12-16",
        id="day-without-a-year-takes-the-posting-year",
    ),
    pytest.param(  # a day after the posting day cannot be of the posting year: an older report posted again
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15\n\nSáng 29-9, Ban Chấp hành Đảng bộ tỉnh khóa XIX tổ chức Hội "
        "nghị lần thứ 15, đánh giá 9 tháng năm 2023. Năm 2023 tỉnh tăng trưởng 8%; hoàn thành các dự án năm 2023.\n",
        {"posted": "12/05/2025 10:30", "title": "Hội nghị lần thứ 15 - Cổng Thông tin điện tử tỉnh Gia Lai"},
        "2023-09-29",
        id="day-after-the-posting-takes-the-years-of-the-text",
    ),
    pytest.param(  # a meeting over two days: its first, in the posting's year (the dateline of the page)
        "BÁO HÒA BÌNH ĐIỆN TỬ\n\nThứ Sáu, 14/07/2023 | 17:42 GMT+7\n\nHội nghị lần thứ mười bốn Ban Chấp hành Đảng bộ "
        "tỉnh khóa XVII\n\n(HBĐT) - Trong hai ngày 13 và 14/7, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ mười "
        "bốn đánh giá kết quả 6 tháng đầu năm.\n",
        {},
        "2023-07-13",
        id="the-first-of-two-days",
    ),
    pytest.param(  # a portal page presenting a plan: the day it says of the plan's own number, not the posting's
        "Kế hoạch tổ chức đại hội đảng bộ các cấp\n\nNgày 05/7/2024, Ban Thường vụ Huyện ủy Phù Cát ban hành Kế hoạch số "
        "98-KH/HU về tổ chức đại hội đảng bộ các cấp.\n\nKẾ HOẠCH\ntổ chức đại hội đảng bộ các cấp\n\nI. NHIỆM VỤ\n\n"
        "1. Ban Tổ chức Huyện ủy hướng dẫn, hoàn thành trước ngày 30/8/2024.\n",
        {"posted": "08/07/2024 09:15"},
        "2024-07-05",
        id="a-portal-page-presenting-a-plan",
    ),
]


@pytest.mark.parametrize(("text", "metadata", "expected"), DATES)
def test_press_report_date(text: str, metadata: dict, expected: str) -> None:
    assert _doc(text, metadata).date == expected


# --- the issuer of a citation --------------------------------------------------------------------------
HEADER = (
    "TỈNH ỦY SÓC TRĂNG\nSố 52-BC/TU\n\nSóc Trăng, ngày 09 tháng 12 năm 2024\n\nBÁO CÁO\nsơ kết công tác năm 2024\n\n"
)
CITATION_ISSUERS = [
    pytest.param(
        "Thi hành kỷ luật 40 đảng viên theo Quy định số 22-QĐ/TW ngày 28/7/2021 của Bộ Chính trị³, trong đó có 5 cán bộ.",
        "22-QĐ/TW",
        ("Bộ Chính trị", "central"),
        id="footnote-mark-after-the-issuer",
    ),
    pytest.param(
        "Ủy ban nhân dân tỉnh phê duyệt Đề án theo Tờ trình số 40/TTr-SGDĐT ngày 02/3/2025.",
        "40/TTr-SGDĐT",
        ("Sở Giáo dục và Đào tạo", "provincial"),
        id="department-code",
    ),
    pytest.param(
        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 15-KH/TU ngày 02/3/2023 thực hiện Kết luận 14; Chỉ thị số "
        "07-CT/TU ngày 04-5-2023 về kỷ luật hành chính. Các huyện ủy đã cụ thể hóa.",
        "07-CT/TU",
        ("Ban Thường vụ Tỉnh ủy", "provincial"),
        id="list-after-a-semicolon",
    ),
    pytest.param(
        "Thực hiện Nghị quyết số 19-NQ/TW, ngày 16/6/2022 Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII "
        "về nông nghiệp, nông dân, nông thôn.",
        "19-NQ/TW",
        ("Ban Chấp hành Trung ương Đảng", "central"),
        id="plenum-named-without-cua",
    ),
    pytest.param(
        "Theo tinh thần Nghị quyết số 39-NQ/TW, ngày 17/4/2015 Hội nghị Trung ương 10 khóa XI, tỉnh đã tinh giản biên chế.",
        "39-NQ/TW",
        ("Ban Chấp hành Trung ương Đảng", "central"),
        id="plenum-by-its-number",
    ),
    pytest.param(
        "Ngày 12-02-2025, Bộ Chính trị, Ban Bí thư ban hành Kết luận 127-KL/TW về sắp xếp bộ máy.",
        "127-KL/TW",
        ("Bộ Chính trị, Ban Bí thư", "central"),
        id="two-bodies-before-the-verb",
    ),
    pytest.param(
        "Ngày 20/5/2024, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 88-KH/TU thực hiện Nghị quyết 57 và, cùng ngày, "
        "Quyết định số 901-QĐ/TU thành lập Ban Chỉ đạo.",
        "901-QĐ/TU",
        ("Ban Thường vụ Tỉnh ủy", "provincial"),
        id="same-day-in-a-list",
    ),
    pytest.param(  # the sentence's own subject after a comma is not one more issuer of the cited plan
        "Thực hiện Kế hoạch số 210-KH/TU ngày 03/3/2025 của Ban Thường vụ Tỉnh ủy, Ban cán sự đảng Ủy ban nhân dân "
        "tỉnh ban hành Kế hoạch thực hiện như sau:",
        "210-KH/TU",
        ("Ban Thường vụ Tỉnh ủy", "provincial"),
        id="issuer-stops-before-the-sentences-subject",
    ),
    pytest.param(  # the same across a footnote mark and "xây dựng"
        "Thực hiện Chương trình hành động số 12-CTr/TU của Ban Chấp hành Đảng bộ tỉnh³, Đảng ủy Ủy ban nhân dân tỉnh "
        "xây dựng Kế hoạch như sau:",
        "12-CTr/TU",
        ("Ban Chấp hành Đảng bộ tỉnh", "provincial"),
        id="issuer-stops-before-the-subject-after-a-footnote-mark",
    ),
    pytest.param(  # two issuers of one document stay two
        "Thực hiện Kết luận số 121-KL/TW ngày 24/01/2025 của Bộ Chính trị, Ban Bí thư về tổng kết Nghị quyết 18.",
        "121-KL/TW",
        ("Bộ Chính trị, Ban Bí thư", "central"),
        id="two-issuers-of-the-cited-document",
    ),
]


@pytest.mark.parametrize(("text", "symbol", "expected"), CITATION_ISSUERS)
def test_citation_issuer(text: str, symbol: str, expected: tuple[str, str]) -> None:
    doc = _doc(HEADER + text + "\n")
    cited = {c.symbol: (c.issuer, c.level) for c in doc.citations}
    assert cited[symbol] == expected


# --- the type of a cited document: the type word printed before it, also before the document's name -----------
CITATION_TYPES = [
    pytest.param(
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;",
        "72/2025/QH15",
        "Luật",
        id="law-named-before-its-number",
    ),
    pytest.param("Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019;", "45/2019/QH14", "Bộ luật", id="code"),
    pytest.param(
        "Căn cứ Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội;",
        "190/2025/QH15",
        "Nghị quyết",
        id="resolution-of-the-assembly",
    ),
    pytest.param(
        "Căn cứ Luật Đất đai và Nghị định số 102/2024/NĐ-CP ngày 30/7/2024;",
        "102/2024/NĐ-CP",
        "Nghị định",
        id="decree-after-a-law-without-number",
    ),
]


@pytest.mark.parametrize(("text", "symbol", "expected"), CITATION_TYPES)
def test_citation_type(text: str, symbol: str, expected: str) -> None:
    doc = _doc(HEADER + text + "\n")
    assert {c.symbol: c.type for c in doc.citations}[symbol] == expected


CITATION_DATES = [
    pytest.param(CITATION_ISSUERS[5].values[0], "127-KL/TW", "2025-02-12", id="date-opening-a-list-of-issuers"),
    pytest.param(CITATION_ISSUERS[6].values[0], "901-QĐ/TU", "2024-05-20", id="same-day-in-a-list"),
    pytest.param(  # the issuer with its place before the verb
        "Ngày 12-8-2022, Tỉnh ủy Đắk Lắk ban hành Chương trình hành động số 45-CTr/TU thực hiện Nghị quyết.",
        "45-CTr/TU",
        "2022-08-12",
        id="date-issuer-with-its-place",
    ),
    pytest.param(  # the conference and the term around the issuer
        "Ngày 16 tháng 6 năm 2022, Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII ban hành Nghị quyết "
        "số 19-NQ/TW về nông nghiệp, nông dân, nông thôn.",
        "19-NQ/TW",
        "2022-06-16",
        id="date-conference-issuer-term",
    ),
    pytest.param(  # two documents sharing one date: "… số 18-NQ/TW và số 19-NQ/TW ngày 25/10/2017 …"
        "Thực hiện Nghị quyết số 18-NQ/TW và số 19-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung "
        "ương Đảng khóa XII, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.",
        "18-NQ/TW",
        "2017-10-25",
        id="two-numbers-one-date",
    ),
]


@pytest.mark.parametrize(("text", "symbol", "expected"), CITATION_DATES)
def test_citation_date(text: str, symbol: str, expected: str) -> None:
    doc = _doc(HEADER + text + "\n")
    assert {c.symbol: c.date for c in doc.citations}[symbol] == expected


# --- a person's role -------------------------------------------------------------------------------------
ROLES = [
    pytest.param(
        "Theo đồng chí Lê Văn Hậu, Giám đốc Sở Tài nguyên và Môi trường, tỉnh đã thu hồi 12 dự án chậm tiến độ.",
        ("Lê Văn Hậu", ("Giám đốc Sở Tài nguyên và Môi trường",)),
        id="title-then-a-body-with-lower-case-words",
    ),
    pytest.param(
        "Dự hội nghị có đồng chí Vũ Minh Tâm, Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh; các đồng chí Ủy viên Ban Thường vụ.",
        ("Vũ Minh Tâm", ("Bí thư Tỉnh ủy", "Trưởng Đoàn ĐBQH tỉnh")),
        id="roles-separated-by-commas",
    ),
    pytest.param(
        "Đồng chí Vũ Minh Tâm - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy - chủ trì hội nghị.",
        ("Vũ Minh Tâm", ("Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy")),
        id="roles-after-a-dash",
    ),
    pytest.param(
        "Cùng dự có các đồng chí: Lê Văn Hải - Phó Bí thư Thường trực Tỉnh ủy; Rơ Mah Tuân - Phó Bí thư Tỉnh ủy, "
        "Chủ tịch UBND tỉnh.",
        ("Rơ Mah Tuân", ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh")),
        id="people-after-dashes-in-a-list",
    ),
    pytest.param(  # a Khmer surname
        "Có sự tham dự của đồng chí Kiên Văn Hậu, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực Ủy ban "
        "nhân dân tỉnh.",
        ("Kiên Văn Hậu", ("Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh")),
        id="khmer-surname",
    ),
    pytest.param(  # a rank before the name, a military office
        "3. Đồng chí Thượng tá Phạm Quốc Hưng, Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh, Ủy viên.",
        ("Phạm Quốc Hưng", ("Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh", "Ủy viên")),
        id="rank-before-the-name",
    ),
    pytest.param(  # Raglai and Cham surnames
        "1. Đồng chí Chamaléa Thị Hoài, Phó Bí thư Thường trực Tỉnh ủy, Trưởng Ban Chỉ đạo; đồng chí Đàng Năng Quý, "
        "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.",
        ("Đàng Năng Quý", ("Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",)),
        id="cham-surname",
    ),
    pytest.param(  # the Khmer surname Kim (a district "Kim Sơn" stays a place)
        "Dự hội nghị có đồng chí Kim Sô Phia, Phó Chủ tịch Ủy ban nhân dân tỉnh.",
        ("Kim Sô Phia", ("Phó Chủ tịch Ủy ban nhân dân tỉnh",)),
        id="khmer-surname-kim",
    ),
    pytest.param(  # K'Ho and Chu Ru surnames of the Central Highlands
        "Cùng dự có các đồng chí Phó Bí thư Tỉnh ủy: Trần Đức Thịnh, Phó Bí thư Thường trực Tỉnh ủy; Ka Sô Liêng, Phó Bí "
        "thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
        ("Ka Sô Liêng", ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh")),
        id="kho-surname",
    ),
    pytest.param(  # the Khmer surname Sơn (the province Sơn La stays a place)
        "Đồng chí Thạch Chanh Đa, Bí thư Huyện ủy; cùng dự có đồng chí Sơn Thị Mỹ Lài, Phó Bí thư Thường trực Huyện ủy.",
        ("Sơn Thị Mỹ Lài", ("Phó Bí thư Thường trực Huyện ủy",)),
        id="khmer-surname-son",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_person_roles(text: str, expected: tuple[str, tuple[str, ...]]) -> None:
    name, roles = expected
    assert _roles(_doc(HEADER + text + "\n"))[name] == roles


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức Hội thi tìm hiểu về Chủ tịch Hồ Chí Minh với quê hương trong năm 2024.",
        "Đồng chí Hà Văn Lộc, Bí thư Huyện ủy Cao Lộc phát biểu chỉ đạo hội nghị.",
        "Đồng chí Hoàng Văn Nghiệm, Bí thư Tỉnh ủy Sơn La phát biểu chỉ đạo hội nghị.",
    ],
)
def test_a_place_after_a_title_is_no_person(text: str) -> None:
    names = set(_roles(_doc(HEADER + text + "\n")))
    assert not names & {"Hồ Chí Minh", "Cao Lộc", "Sơn La"}
