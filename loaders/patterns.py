"""Every regular expression of the loaders, named and commented, in one place.

Patterns run over ``Source.match`` (NFC, new-style tones, Markdown blanked), case-sensitively
unless flagged. Word lists that grow with the corpus (bodies, provinces, roles) are data, in
``data/``; only the grammar of documents lives here.
"""

from __future__ import annotations

import re

# Vietnamese letters for character classes.
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
LETTER = UPPER + LOWER

# --- document symbols -------------------------------------------------------------------
# Party documents: NUMBER-TYPE/ISSUER (also NUMBER/TYPE/ISSUER, spaces around - and /):
# 21-KL/TW, 27-CTr/TU, 1726-TB/TU, 12-TB/VPCP, 137-QĐ/TW, 08-KH/TW.
PARTY_SYMBOL = rf"""
    (?P<p_number>\d{{1,5}}[a-z]?)
    \s?[-/]\s?
    (?P<p_type>NQ|KL|QĐi|QĐ|QD|CT|CTr|CTR|KH|TB|ĐA|DA|HD|HĐ|BC|CV|QC|TTr|TTR|TC|HDTH)
    \s?/\s?
    (?P<p_issuer>[{UPPER}][{UPPER}a-z0-9]{{0,11}})
    (?![{LETTER}0-9/-])
"""
# State documents: NUMBER/YEAR/TYPE-ISSUER or NUMBER/TYPE-ISSUER or NUMBER/YEAR/ISSUER:
# 111/2024/QH15, 178/2024/NĐ-CP, 76/2025/UBTVQH15, 12/2023/TT-BTC, 1719/QĐ-TTg, 15/NQ-HĐND.
STATE_SYMBOL = rf"""
    (?P<s_number>\d{{1,5}}[a-z]?)
    \s?[/-](?:(?P<s_year>(?:19|20)\d\d)/)?(?(s_year)|(?<=/))  # "19-2017/NQ-CP" is printed for "19/2017/NQ-CP"

    (?P<s_code>[{UPPER}][{UPPER}a-z0-9]{{0,9}}(?:-[{UPPER}][{UPPER}a-z0-9]{{0,11}}){{0,2}})
    (?![{LETTER}0-9/])
"""
SYMBOL_RE = re.compile(rf"(?<![{LETTER}0-9/-])(?:{PARTY_SYMBOL}|{STATE_SYMBOL})", re.X)

# Type words that introduce a cited document (longest first, matched case-insensitively).
DOC_TYPE_WORDS = [
    "Chương trình hành động",
    "Thông báo kết luận",
    "Nghị quyết",
    "Kết luận",
    "Quy định",
    "Quyết định",
    "Chỉ thị",
    "Kế hoạch",
    "Chương trình",
    "Thông báo",
    "Hướng dẫn",
    "Đề án",
    "Báo cáo",
    "Công văn",
    "Nghị định",
    "Thông tư liên tịch",
    "Thông tư",
    "Quy chế",
    "Tờ trình",
    "Luật",
    "Pháp lệnh",
]
DOC_TYPE_ALT = "|".join(DOC_TYPE_WORDS)
# The type word just before a symbol: "Nghị quyết số 11-NQ/TW", "Chỉ thị 13-CT/TW", "Quyết định số 326/QĐ-TTg"
TYPE_BEFORE_RE = re.compile(rf"(?<![{LETTER}])(?P<type>{DOC_TYPE_ALT})\s+(?:số\s*)?[:.]?\s*$", re.I)
# A short re-mention by number only: "Chỉ thị 13", "Nghị quyết số 11".
SHORT_MENTION_RE = re.compile(
    rf"(?<![{LETTER}])(?P<type>{DOC_TYPE_ALT})\s+(?:số\s+)?(?P<number>\d{{1,5}})(?![\d/-]|\s?-\s?[{UPPER}])", re.I
)

# --- dates --------------------------------------------------------------------------------
# 10/02/2022, 10-02-2022, 9-8-2019, 10.02.2022
NUMERIC_DATE = r"(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?(?P<y>(?:19|20)\d\d)(?!\d)"
# ngày 10 tháng 02 năm 2022
WORDED_DATE = r"(?P<wd>[0-3]?\d)\s+tháng\s+(?P<wm>[01]?\d)\s+năm\s+(?P<wy>(?:19|20)\d\d)"
# 6/8, 29-9 (no year): only after "ngày"
DAY_MONTH = r"(?P<dd>[0-3]?\d)\s?[/-]\s?(?P<dm>[01]?\d)(?![\d/-])"
DATE_RE = re.compile(rf"(?:{NUMERIC_DATE}|{WORDED_DATE})", re.I)
DATED_RE = re.compile(rf"\bngày\s+(?:{NUMERIC_DATE}|{WORDED_DATE}|{DAY_MONTH})", re.I)
# Header line with place and date: "Huế, ngày 23 tháng 8 năm 2017"
PLACE_DATE_RE = re.compile(
    rf"(?:^|(?<=[\s*_]))(?P<place>[{UPPER}][{LETTER} .-]{{1,40}}?),\s+ngày\s+(?:{NUMERIC_DATE}|{WORDED_DATE})",
    re.M | re.I,
)
# A posting date at the top of a press page: "Cập nhật 06:45, 10/12/2024", "Ngày đăng: 10/12/2024"
POSTED_RE = re.compile(
    rf"(?:[Cc]ập nhật|[Nn]gày đăng|[Đđ]ăng lúc|[Đđ]ăng ngày|[Xx]uất bản)\s*:?[^\n\d]{{0,12}}"
    rf"(?:\d{{1,2}}:\d{{2}}\s*,?\s*)?{NUMERIC_DATE}"
)
# A byline's date with its time: "Minh Hải | 24/12/2024 17:42", "17:42, 24/12/2024"
BYLINE_DATE_RES = (
    re.compile(rf"\d{{1,2}}:\d{{2}}\s*,?\s*{NUMERIC_DATE}"),
    re.compile(rf"{NUMERIC_DATE},?\s+\d{{1,2}}:\d{{2}}"),
)
# Deadline phrases, tried in order.
YEAR_RE = re.compile(r"(?:19|20)\d\d")  # what every dated deadline below needs somewhere
DEADLINE_BEFORE_RE = re.compile(
    rf"(?:trước|chậm nhất|hạn chót|không quá|hoàn thành trong|hoàn thành|đến hết|đến|xong)\s+(?:(?:ngày|hết ngày)\s+)?"
    rf"(?:{NUMERIC_DATE}|{WORDED_DATE})",
    re.I,
)
DEADLINE_QUARTER_RE = re.compile(
    r"(?:trong|trước hết|hết)?\s*quý\s+(?P<q>I{1,3}|IV|[1-4])\s*(?:/|năm\s+)(?P<y>(?:19|20)\d\d)", re.I
)
DEADLINE_MONTH_RE = re.compile(
    r"(?:trong|trước|hết|cuối|hoàn thành|đến|xong)\s+(?:hết\s+)?tháng\s+(?P<m>[01]?\d)\s*(?:[/.-]|năm\s+)\s*(?P<y>(?:19|20)\d\d)",
    re.I,
)
# A day without its year, read in the document's year: "trước ngày 30/6", "hoàn thành trước 15/12"
DEADLINE_DAY_RE = re.compile(
    rf"(?:trước|chậm nhất|hạn chót|hoàn thành trước|hoàn thành trong)\s+(?:ngày\s+)?{DAY_MONTH}", re.I
)
# Half or three quarters of a year: "6 tháng đầu năm 2025", "trong 9 tháng đầu năm 2025"
DEADLINE_HALF_RE = re.compile(r"(?:trong\s+)?(?P<n>6|9)\s+tháng\s+đầu\s+năm\s+(?P<y>(?:19|20)\d\d)", re.I)
# A bare month or quarter that ends a clause: "… trình Ban Thường vụ Tỉnh ủy Tháng 9/2026;"
DEADLINE_AT_CLAUSE_END_RE = re.compile(
    r"(?:[Tt]háng\s+(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>(?:19|20)\d\d)|[Qq]uý\s+(?P<q>I{1,3}|IV|[1-4])\s*[/-]\s*(?P<qy>(?:19|20)\d\d))"
    r"(?=\s*(?:[;.)]|$))"
)
# A year as deadline: "hoàn thành trong năm 2025", "trước năm 2026", "từ nay đến năm 2030", "cuối năm 2025"
DEADLINE_YEAR_RE = re.compile(
    r"(?:hoàn thành(?:\s+trong)?|trước|trong|hết|cuối|(?:từ nay )?đến(?:\s+hết)?|xong(?:\s+trong)?)\s+năm\s+(?P<y>(?:19|20)\d\d)"
    r"(?!\s*[-–]\s*(?:19|20)\d\d)|(?:từ nay|hoàn thành)\s+đến\s+(?:hết\s+)?(?P<y2>(?:19|20)\d\d)",
    re.I,
)
# A deadline cell of a task table: "Quý I/2024", "Tháng 6/2024", "30/6/2024", "Năm 2024"
CELL_QUARTER_RE = re.compile(r"quý\s+(?P<q>I{1,3}|IV|[1-4])\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d\d)", re.I)
CELL_MONTH_RE = re.compile(r"tháng\s+(?P<m>[01]?\d)\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d\d)", re.I)
CELL_RANGE_RE = re.compile(
    r"^\s*(?:(?:từ|giai đoạn|năm)\s+)?(?:19|20)\d\d\s*(?:[-–]|đến)\s*(?:năm\s+)?(?P<y>(?:19|20)\d\d)\s*$", re.I
)
CELL_YEAR_RE = re.compile(r"^\s*(?:trong\s+|cuối\s+)?(?:năm\s+)?(?P<y>(?:19|20)\d\d)\s*$", re.I)
ONGOING_RE = re.compile(r"\b(?:thường xuyên|hằng năm|hàng năm|định kỳ|hằng quý|hằng tháng|hằng tuần)\b", re.I)

# --- the tail of a citation: date, issuer, term, title ------------------------------------
# ", ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khoá XIII về …"
TERM_RE = re.compile(r"\(?\s*kh[óo]a\s+(?P<term>[IVXLC]+)\s*\)?", re.I)
# Where a cited document's title ("về …") ends: a sentence stop, a parenthesis, the next cited document, a footnote
# marker, or a clause that goes on about something else.
TITLE_END_RE = re.compile(
    rf"[;.\n(]|[¹²³⁴⁵⁶⁷⁸⁹⁰]|\s+(?=\d+/)|,?\s+(?:và|cùng|gắn với)\s+(?=(?:{DOC_TYPE_ALT})\s)"
    rf"|,\s*(?=(?:{DOC_TYPE_ALT})\s)|,\s+(?=(?:các|những|đã|nhằm|đồng thời|ngày|hoàn thành)\s)",
    re.I,
)
OF_RE = re.compile(r"^\s*,?\s*của\s+", re.I)
ABOUT_RE = re.compile(r"^\s*,?\s*(?:về|về việc)\s+", re.I)

# --- meetings -------------------------------------------------------------------------------
MEETING_NUMBER_RE = re.compile(
    rf"(?:hội nghị|họp|phiên họp|kỳ họp)[^.\n]{{0,80}}?lần\s+thứ\s+(?P<n>\d{{1,3}}|[{LOWER}]+)", re.I
)
# An unnumbered meeting of a committee's standing board or the committee: "Ban Thường vụ Đảng ủy xã (khóa I) họp …"
UNNUMBERED_MEETING_RE = re.compile(
    r"(?P<body>(?:Ban Thường vụ|Thường trực)\s+(?:(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|Đảng ủy(?:\s+(?:xã|phường|thị trấn|đặc khu))?)"
    r"|Ban Chấp hành Đảng bộ\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))"
    r"[^.\n]{0,60}?\b(?:họp|tổ chức hội nghị)\b",
    re.I,
)
MEETING_TERM_RE = re.compile(r"kh[óo]a\s+(?P<term>[IVXLC]+)\b", re.I)
VIETNAMESE_ORDINALS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}

# --- structure ------------------------------------------------------------------------------
ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
# Item markers at the start of a line: "I-", "II.", "1.", "2.1-", "2.1.", "a)", "(1)", "-", "+", "•", "Một là,"
ITEM_RE = re.compile(
    rf"""^[ ]*(?:
        (?P<chapter>(?:Chương|Phần|CHƯƠNG|PHẦN)\s+(?:[IVXLC]+|\d{{1,2}}|(?:thứ|THỨ)\s+[^\W\d_]+))(?:\s*[.:\-–]\s*|\s*$)
      | (?P<article>Điều\s+\d{{1,3}})\s*[.:]\s*
      | (?P<roman>{ROMAN})\s*[.\-–)]\s+(?=[{UPPER}])
      | (?P<num>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(?:\s*[.)]\s*|\s*[-–]\s+)(?=\S)  # "1." "1)" "1 -", not "36-CT/TW"
      | (?P<letter>[a-zđ])\)\s+
      | \((?P<paren>\d{{1,2}}|[a-zđ])\)\s+
      | (?P<bullet>[-+•*∙·])\s+
      | (?P<ordinal>(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là)\s*[,:]\s*
    )""",
    re.X,
)
FOOTNOTE_LINE_RE = re.compile(r"^\s*(?:(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\[\^(?P<md>\w+)\]:)\s*(?P<body>.+)$", re.M)
RECIPIENTS_RE = re.compile(r"^\s*[*_]*\s*Nơi\s+nhận\s*[*_]*\s*:?", re.M | re.I)
SIGNATURE_ON_BEHALF_RE = re.compile(r"^\s*(?:T/M|TM\.?|K/T|KT\.?|TL\.?|T/L|Q\.)\s+(?P<body>[^\n]*)$", re.M)
TABLE_SEPARATOR_RE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*")
TABLE_HEADER_RE = re.compile(r"nội dung|nhiệm vụ|cơ quan|đơn vị|chủ trì|phối hợp|thời gian|thời hạn|tiến độ", re.I)
# Columns of a task table, by their header.
LEAD_COLUMN_RE = re.compile(r"chủ trì|thực hiện|đơn vị|cơ quan", re.I)
PARTNER_COLUMN_RE = re.compile(r"phối hợp", re.I)
DEADLINE_COLUMN_RE = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I)
# An appendix after the signature block: "PHỤ LỤC", "Phụ lục I: DANH MỤC NHIỆM VỤ"
APPENDIX_RE = re.compile(r"^[ \t*_#]*(?:PHỤ LỤC|Phụ lục)(?![^\S\n]*(?:kèm|số)\b)", re.M)
SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\*)\s*$", re.M)
# A page number on a line of its own: "2", "- 2 -", "Trang 2"
PAGE_NUMBER_LINE_RE = re.compile(r"\s*(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*")
KIND_HEADINGS = {
    "THÔNG BÁO KẾT LUẬN": "notice",
    "KẾT LUẬN": "conclusion",
    "NGHỊ QUYẾT": "resolution",
    "KẾ HOẠCH": "plan",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "program",
    "CHƯƠNG TRÌNH": "program",
    "CHỈ THỊ": "directive",
    "QUY ĐỊNH": "regulation",
    "QUYẾT ĐỊNH": "decision",
    "THÔNG BÁO": "notice",
    "BÁO CÁO": "report",
    "HƯỚNG DẪN": "guidance",
    "ĐỀ ÁN": "scheme",
    "QUY CHẾ": "regulation",
    "CÔNG VĂN": "official-letter",
    "TỜ TRÌNH": "other",
}
KIND_BY_TYPE_CODE = {
    "NQ": "resolution",
    "KL": "conclusion",
    "KH": "plan",
    "CTr": "program",
    "CT": "directive",
    "QĐ": "regulation",
    "TB": "notice",
    "BC": "report",
    "HD": "guidance",
    "ĐA": "scheme",
    "CV": "official-letter",
    "QC": "regulation",
}
TYPE_WORD_BY_CODE = {
    "NQ": "Nghị quyết",
    "KL": "Kết luận",
    "QĐ": "Quy định",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "TB": "Thông báo",
    "ĐA": "Đề án",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "CV": "Công văn",
    "QC": "Quy chế",
    "TTr": "Tờ trình",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "QH": "Nghị quyết",
    "UBTVQH": "Nghị quyết",
    "TTLT": "Thông tư liên tịch",
    "L": "Luật",
}
KIND_BY_TYPE_WORD = {
    "nghị quyết": "resolution",
    "kết luận": "conclusion",
    "kế hoạch": "plan",
    "chương trình": "program",
    "chương trình hành động": "program",
    "chỉ thị": "directive",
    "quy định": "regulation",
    "quyết định": "decision",
    "thông báo": "notice",
    "thông báo kết luận": "notice",
    "báo cáo": "report",
    "hướng dẫn": "guidance",
    "đề án": "scheme",
    "nghị định": "decree",
    "thông tư": "circular",
    "luật": "law",
    "công văn": "official-letter",
}

# An article of a regulation that states its scope or its entry into force, not what bodies must do.
SCOPE_ARTICLE_RE = re.compile(r"phạm vi|đối tượng|giải thích|nguyên tắc|mục đích|căn cứ", re.I)
# The heading of an article or section naming whose duties follow: "Trách nhiệm của Ban Nội chính Tỉnh ủy"
# A heading that is only the names of the bodies whose duties follow: "a) Ban Tuyên giáo Tỉnh ủy:", "Đối với Sở Y tế"
BODY_HEADING_RE = re.compile(r"\s*(?:[Đđ]ối với\s+)?(?=[A-ZĐÀ-Ỹ])")
BODY_HEADING_END_RE = re.compile(r"\s*(?:chủ trì|thực hiện|có trách nhiệm|cần)?\s*:?\s*", re.I)
DUTIES_OF_RE = re.compile(
    r"(?:Điều\s+\d+\s*[.:]\s*)?(?:Trách nhiệm|Nhiệm vụ|Phân công)(?:\s+cụ thể)?\s+(?:của|cho)\s+", re.I
)

# --- forward-looking part and tasks ---------------------------------------------------------
FORWARD_HEADING_RE = re.compile(
    r"phương hướng|nhiệm vụ|giải pháp|tổ chức thực hiện|giao nhiệm vụ|kiến nghị|đề xuất|thời gian tới|"
    r"cuối năm|chương trình hành động|việc cần làm|trọng tâm",
    re.I,
)
PAST_HEADING_RE = re.compile(
    r"kết quả|tình hình|khái quát|đánh giá|mục tiêu|mục đích|quan điểm|hạn chế|nguyên nhân|bối cảnh|"
    r"đầu năm|đã đạt|thực trạng|căn cứ|sự cần thiết",
    re.I,
)
# The opening words of a numbered paragraph that reports the past, or plans ahead.
PAST_PERIOD_RE = re.compile(
    r"(?:Trong|Qua|Sau)\b[^,.]{0,40}(?:đầu năm|vừa qua|đã qua|năm qua|tháng qua|thực hiện)|"
    r"(?:Kết quả|Tình hình|Đánh giá|Về kết quả|Về tình hình)\b",
    re.I,
)
FORWARD_PERIOD_RE = re.compile(
    r"(?:Trong|Từ nay|Thời gian tới)\b[^,.]{0,40}(?:cuối năm|tới|sắp tới|tiếp theo)|"
    r"(?:Phương hướng|Nhiệm vụ|Giải pháp|Về phương hướng|Về nhiệm vụ)\b",
    re.I,
)
SENTENCE_END_RE = re.compile(rf"(?<=[.!?…])[\s*_]+(?=[\"'“(]?[{UPPER}0-9])")
# A lead-in that opens the forward-looking part: "… thống nhất kết luận như sau:", "… yêu cầu … nhiệm vụ sau:"
LEAD_IN_RE = re.compile(
    r"(?:kết luận|yêu cầu|đề nghị|lưu ý|chỉ đạo|giao)[^\n]{0,400}?(?:như sau|sau đây|sau|như|gồm|cụ thể|trọng tâm)\s*:\s*$"
    r"|(?:yêu cầu|đề nghị|lưu ý|kết luận)\s*:\s*$",
    re.I,
)
# A direction in running text (press reports).
DIRECTIVE_RE = re.compile(
    rf"(?<![{LETTER}])(?:(?<!đáp ứng )(?<!theo )(?<!những )(?<!các )(?<!có )yêu cầu(?=\s+(?:các|mỗi|từng|cán bộ|[{UPPER}])|\s*:)"
    rf"|(?<!theo )(?<!các )đề nghị(?=\s+(?:các|mỗi|từng|tập trung|[{UPPER}])|\s*:)"
    rf"|lưu ý(?=\s+(?:các|một số|mỗi|[{UPPER}])|\s*:)"
    rf"|(?:^|(?<=[.;:]\s)|(?<=thống nhất )|(?<=đồng ý )|(?<=và )|(?<=, ))[Gg]iao(?=\s+(?:cho\s+)?[{UPPER}])"
    rf"|[Nn]hất trí chủ trương|[Tt]hống nhất chủ trương)",
    re.M,
)
# Issuer codes shared by central and provincial bodies: the stated issuer decides the level.
AMBIGUOUS_ISSUER_CODES = frozenset({"BCSĐ", "BCSD", "ĐĐ", "DD", "BCĐ", "BCD", "ĐU", "ĐUK"})
# Words a line cannot end with when the sentence goes on (hard-wrapped text).
DANGLING_WORDS = frozenset(
    "với của và các cho về tại theo trong để là từ đến những được có số ngày Ban Sở Ủy Đảng "
    "Hội Văn Công Bộ Thường thuộc tới đối giữa nhằm bởi như qua trên dưới cùng đồng "
    "hoặc hay mà thì giao Giao huy thực hiện triển khai ban hành".split()
)
# A line that opens with a cited document ("Chỉ thị 36 và …", "Nghị quyết số 93/NQ-CP …") goes on from the line before.
CONTINUES_WITH_CITATION_RE = re.compile(rf"(?:{DOC_TYPE_ALT})\s+(?:số\s*)?\d", re.I)
# Where a project's name ends.
PROJECT_STOP_RE = re.compile(
    r"\s+(?:và các|và những|và|để|nhằm|theo|bảo đảm|đảm bảo|đang|đã|đạt|cho|trên|còn|được|tại|"
    r"cơ bản|trong (?:quý|tháng|năm|giai đoạn)|trước|hoàn thành|với tổng|có tổng|"
    r"đoạn qua)(?:\s.*)?$"
)
# the stretch of a work within the province: "đoạn qua tỉnh Bắc Giang", "đoạn qua địa bàn tỉnh"
PROJECT_STRETCH_RE = re.compile(
    rf"\s+đoạn (?:qua|đi qua) (?:địa bàn )?(?:tỉnh|thành phố)(?:\s+[{UPPER}][{LOWER}]*){{1,3}}"
)
CONSTRUCTION_VERB_RE = re.compile(
    r"(?:khởi công|xây dựng|nâng cấp|cải tạo|mở rộng|thi công|đầu tư xây dựng|"
    r"hoàn thành|đưa vào sử dụng|thông xe)(?:\s+mới)?\s+$",
    re.I,
)
NARRATIVE_START_RE = re.compile(
    r"^\s*(?:Cũng tại|Tại hội nghị|Hội nghị|Phát biểu|Trước đó|Theo báo cáo|Báo cáo|Sau khi|Dự hội nghị|Tham dự|"
    r"Trong \d+ tháng|Kết quả|Năm \d{4}, tỉnh|Thời gian qua)",
    re.I,
)
# Verbs by which a task directs a document to be carried out.
IMPLEMENT_VERB_RE = re.compile(
    r"(?<![" + LETTER + r"])(?:thực hiện|triển khai|quán triệt|cụ thể hóa|thể chế hóa|học tập|tuyên truyền|"
    r"phổ biến|thi hành|chấp hành|bám sát|theo|tại|căn cứ vào)(?![" + LETTER + r"])",
    re.I,
)
# Phrases stating that a cited document (before) carries out another (after).
CARRIES_OUT_RE = re.compile(
    r"^\s*,?\s*(?:về\s+)?(?:việc\s+)?(?:ban hành\s+(?:Chương trình|Kế hoạch)[^.;\n]{0,80}?\s)?"
    r"(?:hướng dẫn\s+)?(?:tiếp tục\s+)?(?:đẩy mạnh\s+)?(?:triển khai\s+)?(?:tổ chức\s+)?"
    r"(?:thực hiện|thi hành)\s+",
    re.I,
)
# The same, inside a cited document's title: "… về tiếp tục thực hiện Chỉ thị số 40-CT/TW"
TITLE_CARRIES_OUT_RE = re.compile(
    r"(?<![^\W\d_])(?:về\s+(?:việc\s+)?(?:[^.;:()\n]{0,60}?\s)?|(?<=\s)ban hành\s+"
    r"(?:Kế hoạch|Chương trình)\s+)(?:tiếp tục\s+)?(?:đẩy mạnh\s+)?(?:triển khai\s+)?"
    r"(?:tổ chức\s+)?thực hiện\s+(?=(?:các\s+)?[A-ZĐ])",
    re.I,
)
# A preamble that carries documents out: "Để triển khai thực hiện A và B, Ban Thường vụ Tỉnh ủy ban hành …"
PREAMBLE_CARRY_OUT_RE = re.compile(r"\s*(?:[^\W\d_]+:\s*)?(?:Để\s+)?(?:triển khai\s+)?(?:tổ chức\s+)?thực hiện\s", re.I)
MAIN_CLAUSE_RE = re.compile(
    r",\s*(?:[^,.;]{2,80}?)\s(?:(?:ban hành|xây dựng|đề ra|triển khai)\s+(?:Kế hoạch|Chương trình|"
    r"Chỉ thị|Nghị quyết|Kết luận|Quy định|Đề án|kế hoạch|chương trình)"
    r"|(?:yêu cầu|chỉ thị|đề nghị)\s+(?:các|mọi|toàn)\b)",
    re.I,
)
# The main clause of a preamble naming what the document carries out: "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch
# triển khai thực hiện Nghị quyết 57, Nghị quyết số 03/NQ-CP và Chương trình 46 trên địa bàn tỉnh như sau:"
MAIN_CLAUSE_LIST_RE = re.compile(
    r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình(?: hành động)?|Chỉ thị|Đề án)\s+"
    r"(?:(?:để\s+)?(?:triển khai|tổ chức|tiếp tục)\s+)*thực hiện\s+(?P<list>[^:;.\n]{5,300})",
    re.I,
)
AMENDS_RE = re.compile(r"(?:sửa đổi,?\s*(?:bổ sung)?(?:\s+một số điều)?(?:\s+của)?)\s*$", re.I)
REPEALS_RE = re.compile(r"(?:thay thế|bãi bỏ|hết hiệu lực)\s*$", re.I)
SELF_IMPLEMENTS_RE = re.compile(
    r"(?:^|để\s+|\bvề\s+(?:việc\s+)?(?:tiếp tục\s+)?(?:đẩy mạnh\s+|tăng cường\s+)?)(?:triển khai\s+)?(?:tổ chức\s+)?"
    r"thực hiện\s*$|"
    r"(?:chương trình(?: hành động)?|kế hoạch)[^.\n]{0,60}?(?:thực hiện|triển khai)\s*$",
    re.I,
)

# A district or commune committee in the header: "HUYỆN ỦY BÁT XÁT", "ĐẢNG ỦY PHƯỜNG TUY HÒA", "UBND HUYỆN X"
LOCAL_HEADER_RE = re.compile(
    r"(?P<unit>HUYỆN ỦY|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|"
    r"ỦY BAN NHÂN DÂN)\s+(?P<scope>XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)?\s*"
    r"(?P<place>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{1,30})$",
    re.I,
)
# A preamble that states who issues the document: "…, Ban Chấp hành Đảng bộ tỉnh (khóa XVIII) ban hành Chương trình"
ISSUER_STATED_RE = re.compile(
    rf"(?:^|[,;:.]\s+)(?P<body>[{UPPER}][^,;:.()\n]{{3,80}}?)\s*(?:\(\s*kh[óo]a\s+[IVXLC]+\s*\)\s*)?"
    r"(?:đã\s+)?(?:ban hành|xây dựng|đề ra)\s+(?:Chương trình|Kế hoạch|Chỉ thị|Nghị quyết|"
    r"Kết luận|Quy định|Quy chế|Đề án|kế hoạch|chương trình)(?![^\S\n]+(?:số[^\S\n]*)?\d)(?!\s+\S+[-/])",
    re.M,
)

# --- people -----------------------------------------------------------------------------------
NAME_WORD = rf"[{UPPER}][{LOWER}]{{0,7}}"
PERSON_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}"
COMRADE_RE = re.compile(r"(?:đồng chí|Đồng chí|các đồng chí|Các đồng chí)\s*:?\s+", re.I)
ROLE_START_WORDS = (
    "Ủy viên",
    "Bí thư",
    "Phó Bí thư",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Trưởng",
    "Phó Trưởng",
    "Giám đốc",
    "Phó Giám đốc",
    "Tổng Bí thư",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Chánh",
    "Phó Chánh",
    "Bộ trưởng",
    "Thứ trưởng",
    "Chủ nhiệm",
    "Phó Chủ nhiệm",
    "Đại biểu",
    "Tư lệnh",
    "Chỉ huy trưởng",
    "Tỉnh ủy viên",
    "Thành ủy viên",
    "Tổng Thư ký",
    "Chủ tịch nước",
    "Phó Chủ tịch nước",
)
ROLE_CONTINUE_WORDS = frozenset(
    "hành ương ban nhân dân tỉnh thành phố vụ ủy đoàn đại biểu giáo vận trực thường chính trị kiểm tra tổ chức "
    "quốc hội và đảng sự cán bộ huyện thị xã phó viên bí thư tịch trưởng chủ mặt trận nội tịch tướng phủ "
    "khối cơ quan đảng ủy ủy ban thư ký hội đồng dự khuyết kinh tế xã phường".split()
)


# --- assignments -----------------------------------------------------------------------------------
# "Giao X …", "Đề nghị X …", "Yêu cầu X …" before a capitalised body name
GIAO_RE = re.compile(rf"(?:^|(?<=[\s(]))(?:[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu)\s+(?:cho\s+)?(?=[{UPPER}])")
# A labelled line under a task: "- Cơ quan chủ trì: …", "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: …"
TASK_LABEL_RE = re.compile(
    r"\s*(?:[-+•*∙·]\s*)?[*_]*(?:"
    r"(?P<lead>(?:Cơ quan|Đơn vị|Bộ phận|Cơ quan, đơn vị)\s+(?:chủ trì|thực hiện|đầu mối|tham mưu)|Chủ trì|Đầu mối)"
    r"|(?P<partner>(?:Cơ quan|Đơn vị|Bộ phận|Cơ quan, đơn vị)\s+phối hợp|Phối hợp)"
    r"|(?P<deadline>Thời gian(?:\s+(?:hoàn thành|thực hiện))?|Thời hạn(?:\s+hoàn thành)?|Tiến độ(?:\s+(?:thực hiện|hoàn thành))?"
    r"|Hoàn thành|Hạn hoàn thành))"
    r"(?:\s+thực hiện)?[*_]*\s*:\s*(?P<value>.*)$",
    re.I | re.S,
)
# A further label on the same line, after ";" or ".": "…; phối hợp: …; thời gian: …"
NEXT_TASK_LABEL_RE = re.compile(
    r"\s*[;.]\s*(?:"
    r"(?P<lead>(?:[Cc]ơ quan|[Đđ]ơn vị)\s+(?:chủ trì|thực hiện|đầu mối)|[Cc]hủ trì)"
    r"|(?P<partner>(?:[Cc]ơ quan|[Đđ]ơn vị)\s+phối hợp|[Pp]hối hợp)"
    r"|(?P<deadline>[Tt]hời gian(?:\s+(?:hoàn thành|thực hiện))?|[Tt]hời hạn(?:\s+hoàn thành)?|[Tt]iến độ))\s*:\s*"
)
# A deadline stated with its label inside a sentence or parentheses: "thời gian: năm 2025", "thời hạn: quý II/2025"
DEADLINE_LABEL_RE = re.compile(
    r"(?:thời gian|thời hạn|tiến độ|hoàn thành)(?:\s+(?:hoàn thành|thực hiện))?\s*:\s*"
    r"(?P<value>[^;)\n]{2,60})",
    re.I,
)
# The first words of a body's name in a delimited list (a table cell, a label's value), where the name runs
# to the delimiter: "Phòng Tài chính - Kế hoạch", "Sở Tài chính", "Trung tâm Chính trị huyện".
BODY_HEAD_RE = re.compile(
    r"(?:Phòng|Sở|Ban|Trung tâm|Chi cục|Văn phòng|Ủy ban|UBND|HĐND|Công an|Kho bạc|Thanh tra|Đảng ủy|"
    r"Đảng đoàn|Hội|Đoàn|Liên đoàn|Bộ Chỉ huy|Ban Chỉ huy|Cục|Tòa án|Viện kiểm sát|Báo|Đài)\s+"
)
# after the lead body: "… chủ trì", and its partners "phối hợp với Y"
CHAIR_RE = re.compile(r"^\s*,?\s*(?:chủ trì|là cơ quan (?:chủ trì|thường trực|đầu mối)|làm đầu mối|là đầu mối)")
PARTNER_RE = re.compile(r"^\s*,?\s*(?:chủ trì\s*,?\s*)?(?:phối hợp(?: chặt chẽ)? với|cùng với|cùng)\s+")
# partners named before their verb: "(X chủ trì; Y, Z phối hợp; …)"
PARTNERS_BEFORE_RE = re.compile(r"^\s*(?:cùng\s+)?phối hợp(?!\s+(?:chặt chẽ\s+)?với)")
# a body opening a sentence as its subject (it decides or speaks; it is not the addressee)
SUBJECT_VERB_RE = re.compile(
    r"\s+(?:đã\s+|cũng\s+)?(?:đồng ý|thống nhất|giao|yêu cầu|đề nghị|kết luận|quyết định|"
    r"thông qua|cho ý kiến|họp|biểu quyết|nhất trí|ban hành|thông báo|đánh giá|ghi nhận|biểu dương|nhấn mạnh|"
    r"xác định|chỉ rõ|cho rằng|cho biết|báo cáo tại)\b"
)
# "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số …": the issuer before a list of documents
ISSUED_BY_RE = re.compile(r"\s+(?:đã\s+|vừa\s+|mới\s+)?(?:ký\s+)?ban hành\s+(?:các văn bản\s*:?\s*)?$")

# a body name directly followed by the units it stands for is a group: "Ban Thường vụ các huyện ủy, thị ủy"
GROUP_AFTER_BODY_RE = re.compile(r"\s*(?:(?:,|và)\s+)?(?:các|những)\b")

# --- projects -----------------------------------------------------------------------------------------
# what a project is: a road, bridge, hospital, school, port … (the head of its name)
PROJECT_HEAD = (
    r"(?:đường(?: bộ)?(?: cao tốc)?|cao tốc|cầu|bệnh viện|trường|cảng(?: hàng không)?|sân bay|nhà máy|"
    r"hồ chứa|đập|kè|đê|tuyến|quốc lộ|khu tái định cư|trung tâm hành chính|trung tâm dữ liệu|nhà thi đấu|"
    r"sân vận động|công viên|bến xe|ký túc xá|trụ sở|hệ thống thủy lợi|kênh|cống|khu công nghiệp|"
    r"cảng biển|khu kinh tế)"
)
# the characters of a project's name: no clause punctuation, but "ĐT.639" and "Đồng Đăng (Lạng Sơn)" are fine
PROJECT_NAME_CHARS = r"(?:[^,;.()|\n]|\.(?=[0-9A-Z])|\([^()\n]{1,30}\))+"
# "dự án (mở rộng) Cảng hàng không quốc tế Vinh"
PROJECT_AFTER_RE = re.compile(
    rf"(?:dự án|công trình)\s+(?:(?:mở rộng|nâng cấp|cải tạo|xây dựng|đầu tư)\s+)?"
    rf"(?P<name>{PROJECT_HEAD}\s{PROJECT_NAME_CHARS})",
    re.I,
)
# one item of a list of projects (a footnote "Đường cao tốc …; Bệnh viện …")
PROJECT_ITEM_RE = re.compile(rf"^\s*(?P<name>{PROJECT_HEAD}\s[^;()\n]+?)\s*(?:\.\.\.|…)?\s*$", re.I)
# a capitalised name after a construction verb: "khởi công xây dựng Bệnh viện Đa khoa tỉnh"
PROJECT_AFTER_VERB_RE = re.compile(
    r"(?P<name>(?:Đường|Cao tốc|Cầu|Bệnh viện|Trường|Cảng|Sân bay|Nhà máy|Hồ chứa|"
    r"Quốc lộ|Tuyến|Khu tái định cư|Trung tâm|Nhà thi đấu|Sân vận động|Công viên|"
    r"Bến xe|Ký túc xá|Trụ sở|Hệ thống thủy lợi|Khu công nghiệp)\s"
    rf"{PROJECT_NAME_CHARS})"
)
# a named work: a capitalised head and a proper name or number ("Bến cảng Liên Chiểu", "Khu công nghệ cao Đà Nẵng",
# "Đường Vành đai 2", "Khu nhà ở xã hội Thống Nhất", "Đường sắt Tháp Chàm - Đà Lạt")
_PROPER = rf"(?:[{UPPER}][{LOWER}]*(?:\s+đô(?=\s+[{UPPER}]))?|\d+[A-Z]?)"  # "Vùng Thủ đô Hà Nội"
PROJECT_NAMED_RE = re.compile(
    rf"(?<!Quản lý )(?<!Ban )(?<!yêu )(?P<name>(?:Khu thương mại tự do|Khu công nghệ cao|Bến cảng|Cảng hàng không(?: quốc tế)?|Cảng cá|"
    rf"Khu nhà ở xã hội|[Đđ]ường sắt(?: tốc độ cao)?|[Đđ]ường [Vv]ành đai|[Đđ]ường bộ cao tốc|[Đđ]ường cao tốc|"
    rf"Đường đấu nối(?: từ)?|Đường ven biển|[Cc]ầu|Sân bay|Nhà máy|Hồ chứa nước|Bệnh viện|Tuyến đường|"
    rf"Hệ thống thủy lợi|Hệ thống thoát nước|[Tt]rụ sở)"
    rf"\s+(?!(?:Ban|Sở|Phòng|Ủy|Đảng|Hội|Bộ|Thường trực|Văn phòng)\b){_PROPER}(?:(?:\s+|\s*-\s*|\s+(?:đến|tới|và)\s+(?=(?:Quốc lộ|Cảng|[{UPPER}][{LOWER}]*\s+[{UPPER}])))"
    rf"(?:Quốc lộ\s+\d+[A-Z]?|Cảng cá\s+{_PROPER}|{_PROPER})){{0,6}}"
    rf"(?:\s+đoạn\s+{_PROPER}(?:\s+{_PROPER})*(?:\s*-\s*{_PROPER}(?:\s+{_PROPER})*)+)?)"
)  # "… đoạn Cửa Tùng - Cửa Việt"
# "các dự án giao thông trọng điểm: Đường …, Đường … và Đường …"
PROJECT_LIST_RE = re.compile(r"(?:các|những)\s+(?:dự án|công trình)[^:.;\n]{0,60}:\s*(?P<items>[^.;\n]+)", re.I)

# --- named references -----------------------------------------------------------------------------
# a document cited by name, with no number: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
NAMED_REF_RE = re.compile(
    r"(?<![\w])(?P<name>(?:Nghị quyết|Chương trình hành động|Chương trình|Đề án|Kế hoạch|Quy hoạch|Luật|Chiến lược)"
    r"\s+(?:(?:của|thực hiện|về)\s+)?[^\n;:.()]{6,220}?)(?=\s*(?:[;:.()\n]|,\s|\s+và\s|\s+theo\s|\s+để\s|$))"
)


# --- bodies by their grammar (any level) -----------------------------------------------------------
# Bodies not in data/reference/body_kinds.csv are read by the shape of their names: a unit head, what it
# does, and the committee or administrative unit it belongs to. This is what names the bodies of districts
# and communes ("Ban Tổ chức Huyện ủy", "Ủy ban Kiểm tra Đảng ủy phường", "Phòng Văn hóa - Xã hội phường",
# "Đảng ủy xã Quang Kim", "Công an huyện") and the bodies after the 2025 reform.
# Administrative units, lowest first where one is a prefix of another.
SCOPE_WORD = r"(?:thành phố|thị trấn|thị xã|đặc khu|tỉnh|huyện|quận|xã|phường|cấp tỉnh|cấp huyện|cấp xã)"
# A place's proper name after its unit: "xã Quang Kim", "Huyện ủy Bát Xát" (capitalised words, not a body head).
_BODY_HEAD_WORDS = (
    r"Ban|Sở|Phòng|Văn|Ủy|Đảng|Công|Trung|Chi|Kho|Thanh|Hội|Liên|Đoàn|Bộ|Thường|Mặt|Kế|Nghị|"
    r"Chương|Chỉ|Quy|Quyết|Thông|Báo|Hướng|Đề|Giao|Các|Tổ|UBND|HĐND|MTTQ|Trường|Bệnh|Nhà|Tỉnh|Huyện"
)
PLACE_NAME = (
    rf"(?:\s+(?!(?:{_BODY_HEAD_WORDS})\b)[{UPPER}][{LOWER}]+"
    rf"(?:\s+(?!(?:{_BODY_HEAD_WORDS})\s+[{UPPER}])[{UPPER}][{LOWER}]+){{0,2}})"
)  # "Hải Phòng", not "… Phòng Nội vụ"
# The Party committee a unit serves: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy phường".
COMMITTEE = rf"(?:(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|Đảng ủy(?:\s+{SCOPE_WORD})?)"
# Words of a unit's function: capitalised first, then words and joiners ("Tài chính - Kế hoạch",
# "Kinh tế, Hạ tầng và Đô thị", "Phục vụ hành chính công"), never a clause word.
_NOT_IN_NAME = (
    r"các|những|trên|tại|của|để|cho|theo|trong|với|được|đã|sẽ|chủ|phối|thực|tham|rà|tổ|triển|"
    r"là|có|khi|đến|từ|về|nhằm|bảo|hoàn|báo|kiểm|tăng|tiếp|giao|đề|yêu"
)
FUNCTION_NAME = (
    rf"[{UPPER}][{LETTER}]*(?:(?:\s+|\s*-\s*|,\s+(?=[{UPPER}])(?!(?:{_BODY_HEAD_WORDS})\b))"
    rf"(?!(?:{_NOT_IN_NAME})\b)(?:và\s+)?[{LETTER}]+){{0,7}}?"
)
# Heads that take the unit they belong to directly: "Ủy ban nhân dân phường", "Công an huyện", "Trung tâm …
# huyện", "Phòng … phường", "Ban cán sự đảng UBND tỉnh".
UNIT_HEAD = (
    r"(?:Thường trực\s+)?(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND|"
    r"Ủy ban Mặt trận Tổ quốc(?:\s+Việt Nam)?|Ủy ban MTTQ(?:\s+Việt Nam)?|Mặt trận Tổ quốc(?:\s+Việt Nam)?|"
    r"Công an|Ban Chỉ huy Quân sự|Bộ Chỉ huy Quân sự|Bộ Chỉ huy Bộ đội Biên phòng|Kho bạc Nhà nước|"
    r"Thanh tra|Liên đoàn Lao động|Viện Kiểm sát nhân dân|Tòa án nhân dân|Cục Thi hành án dân sự|Cục Thuế|"
    r"Cục Hải quan|Cục Thống kê|Chi cục Thống kê|Bảo hiểm xã hội|Ngân hàng Chính sách xã hội|"
    r"Ban đại diện Hội đồng quản trị Ngân hàng Chính sách xã hội|Đảng ủy Bộ đội Biên phòng|Đảng ủy Quân sự|"
    r"Đảng ủy Công an|Ban Quản lý (?:các\s+)?[^\W\d_][\w -]{2,40}?|Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh|"
    r"Đoàn Thanh niên(?:\s+Cộng sản Hồ Chí Minh)?|Văn phòng (?:HĐND và UBND|Hội đồng nhân dân và Ủy ban nhân dân|"
    r"UBND|Ủy ban nhân dân)|Ban cán sự đảng (?:UBND|Ủy ban nhân dân)|Đảng ủy (?:UBND|Ủy ban nhân dân)|"
    r"Đảng đoàn (?:HĐND|Hội đồng nhân dân|Ủy ban MTTQ(?:\s+Việt Nam)?|Ủy ban Mặt trận Tổ quốc(?:\s+Việt Nam)?)|"
    rf"Ban Chấp hành Đảng bộ|Đảng bộ|(?:Trung tâm|Phòng|Chi cục|Ban Quản lý|Ban) {FUNCTION_NAME})"
)
# Heads that belong to a committee: "Ban Thường vụ Huyện ủy", "Ủy ban Kiểm tra Đảng ủy phường",
# "Văn phòng Đảng ủy", "Ban Xây dựng Đảng Đảng ủy xã", "Ban Tuyên giáo và Dân vận Tỉnh ủy".
COMMITTEE_HEAD = rf"(?:Ban Thường vụ|Thường trực|Ủy ban Kiểm tra|Văn phòng|Ban Chấp hành|Ban {FUNCTION_NAME})"
BODY_GRAMMAR_RE = re.compile(
    "(?:"
    + "|".join(
        (
            rf"{COMMITTEE_HEAD}\s+{COMMITTEE}{PLACE_NAME}?",  # Ban Tổ chức Huyện ủy (Bát Xát)
            rf"{UNIT_HEAD}\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?",  # Ủy ban nhân dân phường (Tuy Hòa)
            rf"(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|đoàn){PLACE_NAME}?",  # Huyện ủy Bát Xát, Tỉnh đoàn
            rf"Đảng ủy\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?",  # Đảng ủy xã Quang Kim
            # Ban Quản lý Khu kinh tế Vân Phong, Ban Quản lý các khu công nghiệp tỉnh
            rf"Ban Quản lý (?:các\s+)?[Kk]hu (?:kinh tế|công nghiệp|công nghệ cao|du lịch|di tích)(?: [a-zđ]+){{0,2}}?"
            rf"(?:{PLACE_NAME}|\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?)",
        )
    )
    + rf")(?![{LETTER}])"
)
# The level of a body named by its grammar, from the unit it belongs to (the last unit word decides).
BODY_LEVEL_WORDS = (
    ("commune", re.compile(r"\b(?:xã|phường|thị trấn|đặc khu|cấp xã)\b")),
    ("district", re.compile(r"\b(?:huyện|quận|thị xã|cấp huyện|Huyện ủy|Quận ủy|Thị ủy|Huyện đoàn)\b")),
    ("provincial", re.compile(r"\b(?:tỉnh|thành phố|cấp tỉnh|Tỉnh ủy|Thành ủy|Tỉnh đoàn|Thành đoàn)\b")),
)

# Sentences about the 2025 merger or neighbours name other provinces: they do not tell the document's own.
MERGER_RE = re.compile(r"hợp nhất|sáp nhập|nhập vào|giáp ranh|giáp với|khu vực \d+ tỉnh", re.I)
