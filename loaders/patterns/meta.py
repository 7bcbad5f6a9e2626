"""What a document says of itself: the committee its header names, a signature laid out as a table, a footnote mark
after a word, the issuer code of a department.

Imported directly (``from loaders.patterns import meta as M``); like the other pattern modules, it runs over
``Source.match`` (NFC, new-style tones, Markdown blanked).
"""

from __future__ import annotations

import re

from loaders.patterns.text import DOC_TYPE_ALT, LETTER, UPPER

# A line of the header naming the committee that issues the document, in capitals: "THỊ ỦY LA GI", "THÀNH ỦY BIÊN
# HÒA", "HUYỆN ỦY THÁP MƯỜI", "ĐẢNG ỦY XÃ BÌNH LIÊM", "BCH ĐẢNG BỘ PHƯỜNG ĐỨC XUÂN" (the committee of a commune's
# Party organisation), "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "ỦY BAN NHÂN DÂN HUYỆN X".
HEADER_UNIT_RE = re.compile(
    r"(?P<unit>HUYỆN ỦY|QUẬN ỦY|THỊ ỦY|THÀNH ỦY|ĐẢNG ỦY|ỦY BAN NHÂN DÂN|UBND|(?:BCH|BAN CHẤP HÀNH)\s+ĐẢNG BỘ)"
    r"(?:\s+(?P<scope>XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)(?![" + UPPER + r"]))?"
    r"(?:\s+(?P<place>[" + UPPER + r"][" + UPPER + r"' -]{0,40}?))?\s*$"
)
# The Party organisation a header names above its committee: "ĐẢNG BỘ TỈNH ĐỒNG NAI", "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI".
HEADER_PARTY_RE = re.compile(r"ĐẢNG BỘ\s+(?P<scope>TỈNH|THÀNH PHỐ)\b")
# The columns of a header copied side by side: a wide gap or a table bar between them.
HEADER_COLUMNS_RE = re.compile(r"\s{3,}|\s*\|\s*")
# A state header's body, a people's committee: "ỦY BAN NHÂN DÂN" (its unit on the line below), "UBND TỈNH X".
STATE_HEADER_RE = re.compile(r"(?:ỦY BAN NHÂN DÂN|UBND)(?![" + UPPER + r"])")
# The national motto a header prints beside its body: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM".
NATIONAL_MOTTO_RE = re.compile(r"CỘNG HÒA XÃ HỘI|ĐẢNG CỘNG SẢN|ĐỘC LẬP")
# A committee's standing body signing: "T/L THƯỜNG TRỰC HUYỆN ỦY", "T/M THƯỜNG TRỰC ĐẢNG ỦY XÃ"
STANDING_SIGNED_RE = re.compile(
    r"THƯỜNG TRỰC\s+(?P<committee>(?:TỈNH|THÀNH|HUYỆN|THỊ|QUẬN) ỦY|ĐẢNG ỦY(?:\s+(?:XÃ|PHƯỜNG))?)"
)
# A signature for the head of a body rather than on behalf of the body: "KT. CHỦ TỊCH", "TL. GIÁM ĐỐC".
HEAD_OFFICE_RE = re.compile(r"(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)")
# "(cũ)" after a place: as it was before the 2025 merger ("tỉnh Hậu Giang (cũ)", "tỉnh Bắc Kạn cũ").
FORMER_MARK_RE = re.compile(r"\s*(?:\(\s*cũ\s*\)|cũ(?![" + LETTER + r"]))")
# The first committee a document names of itself, in its header or opening lines: a province's ("Đảng bộ tỉnh",
# "Tỉnh ủy", "UBND tỉnh") or a district's or commune's ("Đảng bộ xã", "Huyện ủy", "UBND phường").
OWN_UNIT_RE = re.compile(
    r"(?:Đảng bộ|Đảng ủy|Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+(?P<scope>tỉnh|xã|phường|thị trấn|đặc khu|huyện"
    r"|quận|thị xã)(?![" + LETTER + r"])|(?P<committee>Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy)(?![" + LETTER + r"])",
    re.I,
)
# A committee named without its place or body: "Ban Thường vụ Đảng ủy", "Ban Chấp hành Huyện ủy", "Thị ủy".
BARE_COMMITTEE_RE = re.compile(
    r"(?:(?P<head>Ban Thường vụ|Ban Chấp hành|Thường trực)\s+)?(?P<committee>Đảng ủy(?:\s+(?:xã|phường|thị trấn|đặc khu))?|Huyện ủy|Quận ủy|Thị ủy|Thành ủy)"
)
# A title that opens with its issuer: "của Ban Chấp hành Đảng bộ tỉnh thực hiện …", "của Ban Thường vụ Thị ủy về …".
TITLE_OF_RE = re.compile(r"\s*của\s+")
# The administrative unit a local committee serves, by the committee's name: "Thị ủy" → "thị xã".
SCOPE_OF_COMMITTEE = {"huyện ủy": "huyện", "quận ủy": "quận", "thị ủy": "thị xã", "thành ủy": "thành phố"}

# A row of a table laid out with bars ("| Nơi nhận: | T/M BAN THƯỜNG VỤ |"), its cells, and its separator row.
TABLE_ROW_RE = re.compile(r"^[ \t]*\|(?P<cells>.*)\|[ \t]*$", re.M)
TABLE_CELL_RE = re.compile(r"[^|]+|(?<=\|)(?=\|)")
TABLE_RULE_RE = re.compile(r"[\s:|-]*")
# A cell that signs on behalf of a body or for a head: "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ".
SIGNS_FOR_RE = re.compile(r"(?:T/M|TM\.?|K/T|KT\.?|TL\.?|T/L|Q\.)\s+(?P<body>.*)")
# The right column of a line printed in two (a signature beside the recipients), after a wide gap.
RIGHT_COLUMN_RE = re.compile(r"\S\s{3,}(?P<cell>\S.*?)\s*$")
# The mark printed where a copy was signed: "(đã ký)", "(Đã ký)", "[đã ký]", "(ký)".
SIGNED_MARK_RE = re.compile(r"[(\[]\s*(?:đã\s+)?ký(?:\s+và\s+đóng\s+dấu)?\s*[)\]]", re.I)

# A footnote mark printed on a word: "của Bộ Chính trị²" (replaced by a space, the offsets kept).
SUPERSCRIPT_MARKS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# The code of a department of a province's people's committee in a state symbol: "85/TTr-SDTTG" → "DTTG", the
# initials of "Dân tộc và Tôn giáo".
DEPARTMENT_CODE_RE = re.compile(r"S(?P<initials>[A-ZĐ&]{2,8})")
# A document cited by type and number: the first of a clause ("… ban hành Kế hoạch số 68-KH/TU …; Chỉ thị số 12 …").
LISTED_DOCUMENT_RE = re.compile(rf"(?<![{LETTER}])(?:{DOC_TYPE_ALT})\s+(?:số\s*)?\d", re.I)
# A resolution cited with the plenum it came from, and no "của": "Nghị quyết số 18-NQ/TW, ngày 25/10/2017 Hội nghị
# Trung ương 6 khóa XII", "… Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII".
PLENUM_RE = re.compile(r"^\s*,?\s*(?:tại\s+)?(?=Hội nghị\s+(?:lần thứ|Trung ương)\s)", re.I)
# "… Chương trình số 41-CTr/TU và, cùng ngày, Quyết định số 620-QĐ/TU": the same day as the list's first document.
SAME_DAY_RE = re.compile(r"\s*,?\s*cùng ngày\s*,?\s*$", re.I)
# The verb of a sentence's own clause after its subject: "… , Ban Thường vụ Tỉnh ủy ban hành Kế hoạch", "… (khóa XV)
# xây dựng Chương trình".
CLAUSE_VERB_RE = re.compile(
    r"\s*(?:\(\s*kh[óo]a\s+[IVXLC]+\s*\)\s*)?(?:đã\s+|vừa\s+)?(?:ký\s+)?"
    r"(?:ban hành|xây dựng|chỉ thị|kết luận|thông báo|quyết định)(?![" + LETTER + r"])",
    re.I,
)
# A law cited by its name before its number: "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", "Bộ luật Lao động
# số 45/2019/QH14" (the name one phrase, without a comma or another document).
NAMED_LAW_BEFORE_RE = re.compile(
    rf"(?<![{LETTER}])(?P<type>Bộ luật|Luật|Pháp lệnh)\s+[{UPPER}](?:(?!\s(?:và|của)\s)[^\n,;.()]){{0,80}}?\s+số\s*$"
)
# The joint between two bodies of a list: "Bộ Chính trị, Ban Bí thư", "Quốc hội và Chính phủ".
LIST_JOIN_RE = re.compile(r"(?:\s*,\s*|\s+và\s+)$")
