"""Characters, document symbols, dates and the tail of a citation."""

from __future__ import annotations

import re

from core.doctypes import doc_types

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
    (?P<p_issuer>[{UPPER}][{UPPER}a-z0-9]{{0,11}}(?:-[{UPPER}][{UPPER}a-z0-9]{{1,11}})?)  # joint: 03-QC/UBKT-BNC
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

# Type words that introduce a cited document (longest first, matched case-insensitively): the names and aliases
# of data/reference/doc_types.csv (core.doctypes), the one list of document types.
DOCUMENT_TYPES = tuple(t for t in doc_types() if t.key not in ("news-report", "other"))
DOC_TYPE_WORDS = sorted({w for t in DOCUMENT_TYPES for w in (t.name_vi, *t.aliases)}, key=len, reverse=True)
DOC_TYPE_ALT = "|".join(DOC_TYPE_WORDS)
# The type word just before a symbol: "Nghị quyết số 11-NQ/TW", "Chỉ thị 13-CT/TW", "Quyết định số 326/QĐ-TTg"
TYPE_BEFORE_RE = re.compile(rf"(?<![{LETTER}])(?P<type>{DOC_TYPE_ALT})\s+(?:số\s*)?[:.]?\s*$", re.I)
# The codes that running text writes for a type word ("NQ 19", "KL 21", "CTr 58"), case as printed.
ABBREVIATED_TYPE_CODES = ("CTr", "NQ", "KL", "CT", "KH", "QĐ", "ĐA")
# A short re-mention by number only: "Chỉ thị 13", "Nghị quyết số 11", "NQ 19".
SHORT_MENTION_RE = re.compile(
    rf"(?<![{LETTER}])(?P<type>{DOC_TYPE_ALT}|(?-i:{'|'.join(ABBREVIATED_TYPE_CODES)}))\s+(?:số\s+)?"
    rf"(?P<number>\d{{1,5}})(?![\d/-]|\s?-\s?[{UPPER}])",
    re.I,
)
# A short name given to the document cited right before it: "(sau đây gọi tắt là Nghị quyết 57)", "(Đề án 06)"
ALIAS_RE = re.compile(
    rf"\(\s*(?:sau đây\s+)?(?:(?:được\s+)?gọi\s+(?:tắt\s+)?là\s+|viết\s+tắt\s+là\s+)?(?P<name>(?P<type>{DOC_TYPE_ALT})\s+"
    rf"(?P<number>\d{{1,5}}))\s*\)",
    re.I,
)
# A re-mention by kind that points back: "Hướng dẫn nêu trên", "Nghị quyết trên đây", "Chỉ thị đã nêu" (one document:
# "các … nêu trên" are several and "Kế hoạch này" is the document itself).
ANAPHORIC_MENTION_RE = re.compile(
    rf"(?<![{LETTER}])(?<!các )(?<!những )(?P<type>{DOC_TYPE_ALT})\s+(?:nêu trên|trên đây|đã nêu|nói trên|vừa nêu)"
    rf"(?![{LETTER}])",
    re.I,
)

# --- dates --------------------------------------------------------------------------------
# 10/02/2022, 10-02-2022, 9-8-2019, 10.02.2022
NUMERIC_DATE = r"(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?(?P<y>(?:19|20)\d\d)(?!\d)"
# ngày 10 tháng 02 năm 2022
WORDED_DATE = r"(?P<wd>[0-3]?\d)\s+tháng\s+(?P<wm>[01]?\d)\s+năm\s+(?P<wy>(?:19|20)\d\d)"
# 6/8, 29-9 (no year): only after "ngày"
# a day of a month without its year: "30/6", "20 tháng 12" (not "20 tháng 12 năm 2025")
DAY_MONTH = r"(?P<dd>[0-3]?\d)(?:\s?[/-]\s?|\s+tháng\s+)(?P<dm>[01]?\d)(?![\d/-])(?!\s+năm\s+\d)"
DATE_RE = re.compile(rf"(?:{NUMERIC_DATE}|{WORDED_DATE})", re.I)
# The day a page says its document was issued, before its number: "Ngày 05/7/2024, Ban Thường vụ Huyện ủy … ban hành
# Kế hoạch số 98-KH/HU"
ISSUED_ON_RE = re.compile(
    rf"[Nn]gày\s+(?:{NUMERIC_DATE}|{WORDED_DATE})\s*,\s*[^.;\n]{{0,120}}?\s(?:đã\s+)?ban hành\s+[^.;\n]{{0,20}}?$"
)
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
    re.compile(rf"{NUMERIC_DATE}\s*[,|]?\s+\d{{1,2}}:\d{{2}}"),  # (also "26/12/2023 | 18:15")
)
# Before the Lunar New Year: "trước Tết Nguyên đán Bính Ngọ 2026", "xong trước Tết Nguyên đán" (the year's Tết day,
# from data/vocab/tet.csv; without a year, the next one).
DEADLINE_TET_RE = re.compile(
    rf"(?:trước|đến|xong trước)\s+Tết(?:\s+Nguyên\s+[đĐ]án)?(?:\s+[{UPPER}][{LOWER}]+\s+[{UPPER}][{LOWER}]+)?"
    r"(?:\s+(?:năm\s+)?(?P<y>20\d\d))?",
    re.I,
)
# Deadline phrases, tried in order.
YEAR_RE = re.compile(r"(?:19|20)\d\d")  # what every dated deadline below needs somewhere
DEADLINE_BEFORE_RE = re.compile(
    rf"(?:trước|chậm nhất(?:\s+là)?|hạn chót|không quá|hoàn thành trong|hoàn thành|đến hết|đến|xong|hết(?=\s+ngày))\s+(?:(?:ngày|hết ngày)\s+)?"
    rf"(?:{NUMERIC_DATE}|{WORDED_DATE})",
    re.I,
)
# documents described by when they were issued, not a deadline: "văn bản … do HĐND, UBND tỉnh ban hành trước ngày
# 01/7/2025", "các quyết định đã ban hành trước …"
ISSUED_BEFORE_RE = re.compile(r"(?:\bdo\s[^;.()]{1,80}?|được|đã)\s+ban hành\s+\Z")
# a quarter, or a list of quarters by its last: "quý IV/2025", "quý I, II năm 2026", "các quý III, IV năm 2025"
DEADLINE_QUARTER_RE = re.compile(
    r"(?:trong|trước hết|hết)?\s*(?:các\s+)?quý\s+(?:(?:I{1,3}|IV|[1-4])\s*(?:,|và)\s*(?:quý\s+)?)*"
    r"(?P<q>I{1,3}|IV|[1-4])\s*(?:/|năm\s+)(?P<y>(?:19|20)\d\d)",
    re.I,
)
DEADLINE_MONTH_RE = re.compile(
    r"(?:trong|trước|hết|cuối|hoàn thành|đến|xong|vào)\s+(?:hết\s+)?tháng\s+(?P<m>[01]?\d)\s*(?:[/.-]|năm\s+)\s*(?P<y>(?:19|20)\d\d)",
    re.I,
)
# A day without its year, read in the document's year: "trước ngày 30/6", "hoàn thành trước 15/12"
DEADLINE_DAY_RE = re.compile(
    rf"(?:trước|chậm nhất(?:\s+là)?|hạn chót|hoàn thành trước|hoàn thành trong)\s+(?:ngày\s+)?{DAY_MONTH}", re.I
)
# Half or three quarters of a year: "6 tháng đầu năm 2025", "trong 9 tháng đầu năm 2025"
DEADLINE_HALF_RE = re.compile(r"(?:trong\s+)?(?P<n>6|9)\s+tháng\s+đầu\s+năm\s+(?P<y>(?:19|20)\d\d)", re.I)
# A bare month or quarter that ends a clause: "… trình Ban Thường vụ Tỉnh ủy Tháng 9/2026;"
DEADLINE_AT_CLAUSE_END_RE = re.compile(
    # (not when the work starts: "phát sóng định kỳ từ tháng 4/2026.")
    r"(?<![Tt]ừ )(?:[Tt]háng\s+(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>(?:19|20)\d\d)|[Qq]uý\s+(?P<q>I{1,3}|IV|[1-4])\s*[/-]\s*(?P<qy>(?:19|20)\d\d))"
    r"(?=\s*(?:[;.)]|$))"
    # a bare year closing a parenthesis of leads: "(Phòng Quản lý đô thị thành phố chủ trì, …; năm 2024)"
    r"|(?<=;)\s*năm\s+(?P<yy>(?:19|20)\d\d)(?=\s*\))"
)
# A year as deadline: "hoàn thành trong năm 2025", "trước năm 2026", "từ nay đến năm 2030", "cuối năm 2025"
# (not the horizon of a plan or a cited title: "… đến năm 2030, tầm nhìn đến năm 2045")
DEADLINE_YEAR_RE = re.compile(
    r"(?<!tầm nhìn )(?:hoàn thành(?:\s+trong)?|trước|trong|hết|cuối|(?:từ nay )?đến(?:\s+hết)?|xong(?:\s+trong)?)\s+năm\s+"
    r"(?P<y>(?:19|20)\d\d)"
    r"(?!\s*[-–]\s*(?:19|20)\d\d)(?!\s*,?\s*tầm nhìn)|(?:từ nay|hoàn thành)\s+đến\s+(?:hết\s+)?(?P<y2>(?:19|20)\d\d)"
    # "phấn đấu năm 2026 hoàn thành số hóa …": the year the work is to be done in
    r"|(?<=phấn đấu )năm\s+(?P<y3>(?:19|20)\d\d)(?=\s+(?:phải\s+)?hoàn thành)",
    re.I,
)
# A period closing the clause, after a comma: "…, giai đoạn 2026 - 2030." (by its last year; not a plan's name,
# "Đề án … giai đoạn 2025 - 2030, trình …")
DEADLINE_PERIOD_END_RE = re.compile(
    r",\s*(?:trong\s+)?giai đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?P<y>(?:19|20)\d\d)\s*(?=[.;)]|$)", re.I
)
# A deadline cell of a task table: "Quý I/2024", "Tháng 6/2024", "30/6/2024", "Năm 2024"
CELL_QUARTER_RE = re.compile(r"quý\s+(?P<q>I{1,3}|IV|[1-4])\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d\d)", re.I)
CELL_MONTH_RE = re.compile(r"tháng\s+(?P<m>[01]?\d)\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d\d)", re.I)
# a range or a pair of years in a cell or a label's value, by its last year: "2023 - 2025", "năm 2025 và 2026",
# "các năm 2025, 2026"
CELL_RANGE_RE = re.compile(
    r"^\s*(?:(?:từ|giai đoạn|(?:trong\s+)?(?:các\s+)?năm)\s+)?(?:19|20)\d\d\s*(?:[-–]|đến|và|,)\s*(?:năm\s+)?"
    r"(?P<y>(?:19|20)\d\d)\s*$",
    re.I,
)
CELL_YEAR_RE = re.compile(r"^\s*(?:trong\s+|cuối\s+)?(?:năm\s+)?(?P<y>(?:19|20)\d\d)\s*$", re.I)
# a year and the years after it: open-ended work, no deadline ("trong năm 2025 và những năm tiếp theo")
# A session or conference named by its part of the year when it is what is prepared, or where results are reported —
# its name, not a deadline: "chuẩn bị tốt nội dung kỳ họp thường lệ cuối năm 2023", "chuẩn bị nội dung Hội nghị Ban
# Chấp hành … cuối năm 2023", "báo cáo kết quả thực hiện tại kỳ họp cuối năm 2026" (but "trình … tại kỳ họp cuối năm
# 2025" and "xong trong kỳ họp cuối năm 2025" are deadlines)
SESSION_NAMED_RE = re.compile(
    r"(?:chuẩn bị(?:\s+(?:tốt|nội dung|các nội dung))*|báo cáo(?:\s+kết quả)?(?:\s+thực hiện)?\s+tại)\s+"
    r"(?:[Hh]ội nghị|kỳ họp)[^,.;\n]{0,80}?\s(?:giữa|cuối)\s+năm\s+(?:19|20)\d\d"
)
OPEN_ENDED_RE = re.compile(r"\bnăm\s+(?:19|20)\d\d\s*(?:,|và)\s*(?:các|những)\s+năm\s+(?:tiếp theo|sau)\b", re.I)
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
