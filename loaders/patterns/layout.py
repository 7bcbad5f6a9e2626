"""Meetings and the structure of a document: items, footnotes, recipients, signature, tables, kinds."""

from __future__ import annotations

import re

from loaders.patterns.text import DAY_MONTH, DOC_TYPE_WORDS, DOCUMENT_TYPES, LOWER, NUMERIC_DATE, UPPER, WORDED_DATE

# --- meetings -------------------------------------------------------------------------------
# a number in words, up to "ba mươi tư": "mười ba", "hai mươi mốt"
NUMERAL_WORD = r"(?:nhất|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi)(?![^\W\d_])"
MEETING_NUMBER_RE = re.compile(  # (and a people's council's session: "KHÓA X, KỲ HỌP THỨ 21")
    rf"(?:(?:hội nghị|họp|phiên họp|kỳ họp)[^.\n]{{0,80}}?lần\s+thứ|(?P<session>kỳ\s+họp)\s+thứ)\s+(?P<n>\d{{1,3}}|{NUMERAL_WORD}(?:\s+{NUMERAL_WORD}){{0,2}}"
    rf"|[{LOWER}]+)",
    re.I,
)
# The day a meeting was held: "Ngày 13/7/2023", "Sáng 16-12", "Chiều 20/10/2025", "Trong hai ngày 13 và 14/7" (the first)
MEETING_DAY_RE = re.compile(
    r"(?:^|(?<=[\s,(]))(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rong\s+(?:hai|ba|02|03)\s+ngày)\s+"
    rf"(?:(?P<first>[0-3]?\d)\s*(?:và|,|-|đến)\s*(?:ngày\s+)?)?(?:{NUMERIC_DATE}|{WORDED_DATE}|{DAY_MONTH})"
)
# The people's council holding a session: "HỘI ĐỒNG NHÂN DÂN PHƯỜNG ĐỒNG XOÀI", "Hội đồng nhân dân tỉnh Bình Dương"
COUNCIL_RE = re.compile(r"Hội đồng nhân dân\s+(?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)\b", re.I)
# The day a people's council's session adopted a resolution, said at its end: "Nghị quyết này đã được Hội đồng nhân
# dân tỉnh Bình Dương Khóa X, Kỳ họp thứ 21 thông qua ngày 10 tháng 12 năm 2024"
SESSION_ADOPTED_RE = re.compile(
    rf"kỳ\s+họp\s+thứ\s+(?P<n>\d{{1,3}}|{NUMERAL_WORD}(?:\s+{NUMERAL_WORD}){{0,2}})[^.\n]{{0,80}}?thông qua\s+(?:vào\s+)?ngày\s+"
    rf"(?:{NUMERIC_DATE}|{WORDED_DATE})",
    re.I,
)
# An unnumbered meeting of a committee's standing board, the committee or a people's committee: "Ban Thường vụ Đảng ủy
# xã (khóa I) họp …"
UNNUMBERED_MEETING_RE = re.compile(
    r"(?P<body>(?:Ban Thường vụ|Thường trực)\s+(?:(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|Đảng ủy(?:\s+(?:xã|phường|thị trấn|đặc khu))?)"
    r"|Ban Chấp hành Đảng bộ\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
    # a people's committee's session: "UBND tỉnh Bình Thuận tổ chức phiên họp thường kỳ tháng 3/2025" (not a conference
    # it holds on a subject: "UBND tỉnh tổ chức hội nghị xúc tiến đầu tư")
    r"|(?-i:UBND|Ủy ban nhân dân)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)"
    r"(?=[^.\n]{0,60}?\b(?:phiên họp|họp phiên)\b))"
    r"[^.\n]{0,60}?\b(?:họp|tổ chức hội nghị)\b",
    re.I,
)
# A meeting named before the committee that held it: "Tại phiên họp ngày 28/8/2025, sau khi nghe …, Ban Thường vụ
# Tỉnh ủy kết luận", "Tại cuộc họp ngày …, Thường trực Tỉnh ủy thống nhất …" (the body is the first committee of the
# sentence that concludes, agrees or gives its opinion)
MEETING_BEFORE_BODY_RE = re.compile(
    r"(?:^|(?<=[\s,]))[Tt]ại\s+(?:phiên họp|cuộc họp|hội nghị)\b(?P<between>[^.\n]{0,400}?)"
    r"(?P<body>(?:Ban Thường vụ|Thường trực)\s+(?:(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|Đảng ủy(?:\s+(?:xã|phường|thị trấn|đặc khu))?))"
    r"\s+(?:(?:đã|đều|cơ bản)\s+)?(?:kết luận|thống nhất|nhất trí|cho ý kiến|quyết định|thông qua)"
)
# The committee of a district or commune holding a meeting: "Ban Chấp hành Đảng bộ xã", "Ban Thường vụ Huyện ủy"
LOCAL_MEETING_BODY_RE = re.compile(  # (in capitals too, in a title)
    r"(?P<head>Ban Chấp hành Đảng bộ)\s+(?P<rest>xã|phường|thị trấn|đặc khu|huyện|quận|thị xã)\b"
    r"|(?P<head2>Ban Thường vụ)\s+(?P<rest2>(?:Huyện|Quận|Thị) ủy|Đảng ủy\s+(?:xã|phường|thị trấn|đặc khu))",
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
    "một": 1,
    "mốt": 1,
    "lăm": 5,
}

# --- structure ------------------------------------------------------------------------------
ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
# Item markers at the start of a line: "I-", "II.", "1.", "2.1-", "2.1.", "a)", "(1)", "-", "+", "•", "Một là,"
ITEM_RE = re.compile(
    rf"""^[ ]*(?:
        (?P<chapter>(?:Chương|Phần|CHƯƠNG|PHẦN)\s+(?:[IVXLC]+|\d{{1,2}}|(?:thứ|THỨ)\s+[^\W\d_]+))
          (?:\s*[.:\-–]\s*|\s*$|\s+(?=[{UPPER}]{{2}}))  # "Phần thứ nhất KẾT QUẢ …": its title on the next line
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
# a footnote: "¹ …", Markdown's "[^1]: …", or "[1] …" (a mark in brackets, its note at the end)
FOOTNOTE_LINE_RE = re.compile(
    r"^\s*(?:(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)|\[\^(?P<md>\w+)\]:|\[(?P<br>\d{1,2})\](?=\s+[^\W\d_]))\s*(?P<body>.+)$", re.M
)
# A note printed after the signature block with its marker in parentheses: "(1) Nghị quyết số 06-NQ/TW ngày …" (in the
# body "(1)" opens a list item, so only there)
TAIL_NOTE_RE = re.compile(r"^\s*\((?P<n>\d{1,2})\)(?=\s+[^\W\d_])\s*(?P<body>.+)$", re.M)
RECIPIENTS_RE = re.compile(r"^\s*[*_]*\s*Nơi\s+nhận\s*[*_]*\s*:?", re.M | re.I)
# A line opening with a short label: "Cơ quan chủ trì: …", "Nội dung: …", "Thời gian hoàn thành: …"
LABEL_LINE_RE = re.compile(rf"[*_]*[{UPPER}][^\s:]*(?:\s+[^\s:]+){{0,3}}?[*_]*\s*:\s+\S")
# A line of a recipients list: "- Ban Nội chính Trung ương (để báo cáo),", "- Lưu Văn phòng Tỉnh ủy."
RECIPIENT_LINE_RE = re.compile(r"^\s*[-+•*]\s+\S")
SIGNATURE_ON_BEHALF_RE = re.compile(r"^\s*(?:T/M|TM\.?|K/T|KT\.?|TL\.?|T/L|Q\.)\s+(?P<body>[^\n]*)$", re.M)
TABLE_SEPARATOR_RE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*")
TABLE_HEADER_RE = re.compile(r"nội dung|nhiệm vụ|cơ quan|đơn vị|chủ trì|phối hợp|thời gian|thời hạn|tiến độ", re.I)
# Columns of a task table, by their header.
LEAD_COLUMN_RE = re.compile(r"chủ trì|thực hiện|đơn vị(?! tính)|cơ quan", re.I)  # not "Đơn vị tính" (a unit of measure)
PARTNER_COLUMN_RE = re.compile(r"phối hợp", re.I)
DEADLINE_COLUMN_RE = re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I)
START_COLUMN_RE = re.compile(r"bắt đầu|khởi công|triển khai từ", re.I)  # a time split into start and completion
# An appendix after the signature block: "PHỤ LỤC", "Phụ lục I: DANH MỤC NHIỆM VỤ", or the rules a decision issues,
# printed after its signature: "QUY CHẾ" / "phối hợp …" / "(Ban hành kèm theo Quyết định số …)", or the scheme it
# approves: "ĐỀ ÁN" / "…" / "(Kèm theo Quyết định số …)"
APPENDIX_RE = re.compile(
    r"^[ \t*_#]*(?:(?:PHỤ LỤC|Phụ lục)(?![^\S\n]*(?:kèm|số)\b)"
    r"|(?:QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN)[ \t*_]*\n(?:[^\n]*\n){0,3}?[ \t*_(]*"
    r"(?:Ban hành\s+)?[Kk]èm theo)",
    re.M,
)
# What points to an appendix rather than setting a task: its caption, "(Kèm theo Chương trình số …)", or a sentence
# sending the reader there, "Các nhiệm vụ cụ thể … tại Phụ lục kèm theo Chương trình này."
APPENDIX_POINTER_RE = re.compile(
    r"\s*(?:\d+(?:\.\d+)*[.)]\s*|[-+•]\s*)?(?:\((?:Ban hành\s+)?[Kk]èm theo\b[^()]*\)|\((?:Có\s+)?[Pp]hụ lục[^()]{0,120}\)|[^.;\n]{0,160}\b(?:tại|theo|ở)\s+(?:các\s+)?[Pp]hụ lục\b[^.;\n]{0,80})"
    r"[\s.]*$"
)
SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\*)\s*$", re.M)
# A page number on a line of its own: "2", "- 2 -", "Trang 2"
PAGE_NUMBER_LINE_RE = re.compile(r"\s*(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*")
# The kind of a document by its heading word, its symbol's type code, or a type word (from core.doctypes).
KIND_BY_TYPE_WORD = {w.lower(): t.key for t in DOCUMENT_TYPES for w in (t.name_vi, *t.aliases)}
KIND_HEADINGS = {w.upper(): KIND_BY_TYPE_WORD[w.lower()] for w in DOC_TYPE_WORDS}  # longest first
KIND_BY_TYPE_CODE: dict[str, str] = {}
for _t in DOCUMENT_TYPES:  # the first type of a code wins: QĐ is a Quy định before a Quyết định
    KIND_BY_TYPE_CODE.setdefault(_t.code, _t.key)
# The type word of a symbol's type code; state symbols that carry no type code name their issuer's usual type.
TYPE_WORD_BY_CODE = {
    **{t.code: t.name_vi for t in reversed(DOCUMENT_TYPES) if t.code},
    "QH": "Nghị quyết",
    "UBTVQH": "Nghị quyết",
    "TTLT": "Thông tư liên tịch",
    "L": "Luật",
}

# An article of a regulation that states its scope or its entry into force, not what bodies must do.
# (and the article of a council's resolution that adopts what it decides: "Điều 1. Thông qua Kế hoạch đầu tư công …")
SCOPE_ARTICLE_RE = re.compile(r"phạm vi|đối tượng|giải thích|mục đích|căn cứ|^\s*(?:Thông qua|Phê duyệt)\b", re.I)
# The standing articles of a decision that issues a document: issuing it, entry into force, who executes it
ISSUING_ARTICLE_RE = re.compile(
    r"^[^.;]{0,40}?ban hành kèm theo (?:Quyết định|Nghị quyết) này|có hiệu lực (?:thi hành )?(?:kể )?từ ngày|"
    r"chịu trách nhiệm thi hành (?:Quyết định|Nghị quyết) này",
    re.I,
)
# The heading of an article or section naming whose duties follow: "Trách nhiệm của Ban Nội chính Tỉnh ủy"
# A heading that is only the names of the bodies whose duties follow: "a) Ban Tuyên giáo Tỉnh ủy:", "Đối với Sở Y tế"
# (a head standing for the body: "1. Giám đốc Sở Y tế:" over the items its department must do)
HEAD_FOR_BODY = r"(?:Giám đốc|Thủ trưởng)\s+"  # a head standing for the body: "Giám đốc Sở Y tế"
BODY_HEADING_RE = re.compile(rf"\s*(?:[Đđ]ối với\s+)?(?:{HEAD_FOR_BODY})?(?=[A-ZĐÀ-Ỹ])")
# A topic word before the body a line is about: "Đối với Ban cán sự đảng UBND tỉnh:", "Riêng Công an tỉnh:"
_TOPIC_WORDS = r"(?:Đối với|Riêng|Về phía)"
TOPIC_RE = re.compile(rf"{_TOPIC_WORDS}\s+(?=[A-ZĐÀ-Ỹ])")
TOPIC_BODY_RE = re.compile(rf"{_TOPIC_WORDS}\s+\Z")
BODY_HEADING_END_RE = re.compile(r"\s*(?:chủ trì|thực hiện|có trách nhiệm|cần)?\s*:?\s*", re.I)
DUTIES_OF_RE = re.compile(
    r"(?:Điều\s+\d+\s*[.:]\s*)?(?:Trách nhiệm|Nhiệm vụ|Phân công)(?:\s+cụ thể)?\s+(?:của|cho)\s+", re.I
)
