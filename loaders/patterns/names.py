"""Names: people and their roles, projects, documents cited by name, bodies by the grammar of their names."""

from __future__ import annotations

import re
import unicodedata

from core.reference_data import DATA_DIR, csv_rows, reference_rows
from loaders.patterns.text import LETTER, LOWER, UPPER

# --- people -----------------------------------------------------------------------------------
NAME_WORD = rf"[{UPPER}][{LOWER}]{{0,7}}"
PERSON_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}"
COMRADE_RE = re.compile(r"(?:đồng chí|Đồng chí|các đồng chí|Các đồng chí)\s*:?\s+", re.I)
# A rank of the army or the police before a name: "Đồng chí Đại tá Trần Văn Khiêm", "Thượng tá Phạm Quốc Hưng"
RANK_RE = re.compile(r"(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)\s+")
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
    "Phó Tư lệnh",
    "Chính ủy",
    "Phó Chính ủy",
    "Chỉ huy trưởng",
    "Phó Chỉ huy trưởng",
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


# --- projects -----------------------------------------------------------------------------------------
# a school's level after "và" in its name: "Trường Phổ thông nội trú liên cấp Tiểu học và Trung học cơ sở xã …"
SCHOOL_LEVEL_RE = re.compile(r"\s*(?:Tiểu học|Trung học cơ sở|Trung học phổ thông|THCS|THPT|Mầm non)\b", re.I)
# what a project is: a road, bridge, hospital, school, port … (the head of its name)
PROJECT_HEAD = (
    r"(?:đường(?: bộ)?(?: cao tốc)?|cao tốc|cầu|bệnh viện|trường|cảng(?: hàng không)?|sân bay|nhà máy|chợ|"
    r"hồ chứa|đập|kè|đê|tuyến|quốc lộ|khu tái định cư|trung tâm hành chính|trung tâm dữ liệu|nhà thi đấu|"
    r"sân vận động|công viên|bến xe|ký túc xá|trụ sở|hệ thống thủy lợi|kênh|cống|khu công nghiệp|"
    r"cảng biển|khu kinh tế)"
)
# the characters of a project's name: no clause punctuation, but "ĐT.639", "Đồng Đăng (Lạng Sơn)" and the stretch, phase or
# part in parentheses ("(đoạn …)", "(giai đoạn 2)", "(khu bến cảng tổng hợp)") are fine
PROJECT_NAME_CHARS = rf"(?:[^,;.()|\n:]|\.(?=[0-9A-Z])|\((?:đoạn|giai đoạn|khu|phân khu)\s[^()\n]{{1,60}}\)|\((?=[{UPPER}0-9])[^()\n]{{1,30}}\))+"
# "dự án (mở rộng) Cảng hàng không quốc tế Vinh"
PROJECT_AFTER_RE = re.compile(
    rf"(?:dự án|công trình)\s+(?:(?:mở rộng|nâng cấp|cải tạo|xây dựng|đầu tư),?\s+){{0,2}}"
    rf"(?P<name>{PROJECT_HEAD}\s{PROJECT_NAME_CHARS})",
    re.I,
)
# a project named with a capital after "Dự án": "Dự án Khu công nghệ thông tin tập trung Đồng Xoài", "Dự án xây dựng
# Hệ thống camera giám sát …" (not a draft law: "dự án Luật Đất đai")
PROJECT_CAPITALISED_RE = re.compile(
    r"(?<![^\W\d_])[Dd]ự án\s+(?:(?:mở rộng|nâng cấp|cải tạo|đầu tư xây dựng|xây dựng|đầu tư)\s+)?"
    rf"(?P<name>(?!(?:Luật|Bộ luật|Pháp lệnh|Nghị|Quyết|Thông|Văn kiện|Báo cáo)\b)[{UPPER}][{LOWER}]*\s{PROJECT_NAME_CHARS})"
)
# one item of a list of projects (a footnote "Đường cao tốc …; Bệnh viện …")
PROJECT_ITEM_RE = re.compile(rf"^\s*(?P<name>{PROJECT_HEAD}\s[^;()\n]+?)\s*(?:\.\.\.|…)?\s*$", re.I)
# a capitalised name after a construction verb: "khởi công xây dựng Bệnh viện Đa khoa tỉnh"
PROJECT_AFTER_VERB_RE = re.compile(  # (not a plural, "các Khu công nghiệp …", the parks a board also runs)
    r"(?<!các )(?<!những )(?P<name>(?:Đường|Cao tốc|Cầu|Bệnh viện|Trường|Cảng|Sân bay|Nhà máy|Nhà ga|Hồ chứa|Chợ|Nhà văn hóa|Kè|Đê|"
    r"Khu bến cảng|Bến cảng|Bến thuyền|Cống|Trạm bơm|"
    r"Quốc lộ|Tuyến|Khu tái định cư|Trung tâm|Nhà thi đấu|Sân vận động|Công viên|"
    r"Bến xe|Ký túc xá|Trụ sở|Hệ thống thủy lợi|Khu công nghiệp)\s"
    rf"{PROJECT_NAME_CHARS})"
)
# a lowercase work after a construction verb, made concrete by its number or by the place it names: "nâng cấp đường
# huyện 389B đoạn …", "xây dựng cầu treo thôn Làng Mới" (not "trường học đạt chuẩn Quốc gia": nothing named)
PROJECT_LOWER_AFTER_VERB_RE = re.compile(
    r"(?P<name>(?:đường (?:huyện|tỉnh|xã|liên xã|liên huyện)|đường|tỉnh lộ|quốc lộ|cầu(?: treo)?|chợ|kè|đê|"
    r"hồ chứa(?: nước)?|bệnh viện|trụ sở|nhà văn hóa|trường (?:mầm non|tiểu học|trung học cơ sở|THCS|THPT))\s"
    rf"(?:\d+[A-Z]?|[\w ]{{0,40}}?(?:xã|phường|thị trấn|thôn|bản|ấp|khu phố|tổ dân phố|huyện|sông|suối)\s+[{UPPER}])"
    rf"{PROJECT_NAME_CHARS})"
)
# a named work: a capitalised head and a proper name or number ("Bến cảng Liên Chiểu", "Khu công nghệ cao Đà Nẵng",
# "Đường Vành đai 2", "Khu nhà ở xã hội Thống Nhất", "Đường sắt Tháp Chàm - Đà Lạt")
# ("Vùng Thủ đô Hà Nội", "Vành đai 4 Thành phố Hồ Chí Minh")
_PROPER = rf"(?:[IVX]+(?![{LETTER}])|[{UPPER}][{LOWER}]*(?:\s+(?:đô|phố)(?=\s+[{UPPER}]))?|\d+[A-Z]?)"
PROJECT_NAMED_RE = re.compile(
    # (not a unit of a Party organisation, "Đảng ủy Bệnh viện …", nor a place, "phường Cầu Ông Lãnh", nor a word ending
    # in "cầu": "Yêu cầu Công an tỉnh …", "nhu cầu Nhân dân", "toàn cầu"; nor a body's seat: "tại trụ sở Tỉnh ủy")
    rf"(?<!Quản lý )(?<!Ban )(?<![Yy]êu )(?<![Nn]hu )(?<![Tt]oàn )(?<!Đảng ủy )(?<!Đảng bộ )(?<!Chi bộ )(?<!phường )(?<!xã )(?<!thôn )(?<!ấp )"
    rf"(?P<name>(?:Khu thương mại tự do|Khu công nghệ cao(?: [{LOWER}]+){{0,2}}|"
    rf"Khu công nghệ (?:thông tin|số) tập trung|Cảng nước sâu|Cảng biển|"
    rf"Cụm công nghiệp|Khu neo đậu tránh trú bão(?: cho tàu cá)?|Bến cảng|Cảng hàng không(?: quốc tế)?|Cảng cá|"
    rf"Khu nhà ở xã hội|[Đđ]ường sắt(?: tốc độ cao)?|[Đđ]ường [Vv]ành đai|[Đđ]ường bộ cao tốc|[Đđ]ường cao tốc|"
    rf"Đường đấu nối(?: từ)?|Đường ven biển|[Cc]ầu|Sân bay|Nhà máy|Hồ chứa nước|Bệnh viện|Tuyến đường|"
    rf"Hệ thống thủy lợi|Hệ thống thoát nước|[Tt]rụ sở)"
    rf"\s+(?!(?:Ban|Sở|Phòng|Ủy|Đảng|Hội|Bộ|Thường trực|Văn phòng|(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|UBND|HĐND)\b){_PROPER}(?:(?:\s+|\s*-\s*|\s+(?:đến|tới|và)\s+(?=(?:Quốc lộ|Cảng|[{UPPER}][{LOWER}]*\s+[{UPPER}])))"
    rf"(?:Quốc lộ\s+\d+[A-Z]?|Cảng cá\s+{_PROPER}|{_PROPER})){{0,6}}"
    rf"(?:\s+đoạn\s+{_PROPER}(?:\s+{_PROPER})*(?:\s*-\s*{_PROPER}(?:\s+{_PROPER})*)+)?"
    rf"(?:\s+mở rộng)?(?:\s+\(?giai đoạn\s+(?:\d|[IV]+)\b\)?)?)"
)  # "… đoạn Cửa Tùng - Cửa Việt", "Cụm công nghiệp Phú Xuyên mở rộng giai đoạn 1"
# A work said to be finished, right before its name: "đã hoàn thành đưa vào sử dụng cầu Phú Cường", "đã khánh thành
# …" — with "đã", or in the part of a document that reports the past ("hoàn thành xây dựng Cầu Ba Xoài")
FINISHED_WORK_RE = re.compile(
    r"(?P<done>đã\s+)?(?:hoàn thành(?:\s+(?:xây dựng|thi công))?(?:,?\s+(?:và\s+)?đưa vào sử dụng)?|đưa vào sử dụng|"
    r"khánh thành|thông xe|khai trương)\s+(?:(?:dự án|công trình)\s+)?$",
    re.I,
)
# … or right after it: "Hồ chứa nước Tân Mỹ đã hoàn thành", "… (cầu Nguyễn Hoàng) đã hoàn thành, đưa vào sử dụng",
# "Đường cao tốc Cần Thơ - Cà Mau qua địa bàn tỉnh đã thông xe kỹ thuật"
FINISHED_AFTER_RE = re.compile(
    r"\)?\s*(?:\([^()]{0,60}\)\s*)?(?:[^,.;()\n]{0,40}?\s)?đã\s+(?:cơ bản\s+)?(?:được\s+)?(?:hoàn thành|thông xe|đưa vào sử dụng|"
    r"khánh thành|đi vào hoạt động|khai trương)\b"
    # or said done with no time after it: "Dự án Hệ thống thủy lợi Bắc Bến Tre (giai đoạn 2) hoàn thành, góp phần …"
    r"|\)?\s*(?:\([^()]{0,60}\)\s*)?(?:hoàn thành|thông xe|khánh thành|đưa vào sử dụng)(?=\s*[,.;])",
    re.I,
)
# an item of such a list said to be finished: "… (giảm 7.000 triệu đồng, dự án đã hoàn thành, quyết toán)"
FINISHED_IN_ITEM_RE = re.compile(r"\bđã\s+(?:hoàn thành|đưa vào sử dụng|quyết toán|bàn giao)\b", re.I)
# works a plan funds, listed after "gồm" / "trong đó", each with its amount: "Vốn cho 03 công trình khởi công mới: 42.620
# triệu đồng, gồm Trạm cấp nước …; Nhà văn hóa xã …" / "…, trong đó Trường Tiểu học A (xây mới 12 phòng) 9.600 triệu đồng"
WORKS_INCLUDED_RE = re.compile(
    r"(?:công trình|dự án)\b(?:[^.\n]|\.(?=\d)){0,160}?(?:\b(?:gồm|trong đó)\b:?|:)\s*(?P<items>(?:[^.\n]|\.(?=\d))+)",
    re.I,
)
# where an item's own list opens after its total: "31.800 triệu đồng, trong đó Trường …"
WORKS_OPEN_RE = re.compile(r"^.*?\b(?:gồm|trong đó)\b:?\s*", re.I)
# what a work listed with its amount may be: a project's head, or a small work of a commune
_LISTED_WORK_HEAD = (
    rf"{PROJECT_HEAD}|nhà văn hóa|trạm (?:cấp nước|y tế|bơm)|hệ thống (?:thoát nước|cấp nước|chiếu sáng)"
)
# a work as an item of its own with its amount: "- Hệ thống thoát nước khu phố Suối Đá: 21.500 triệu đồng."
WORK_LINE_RE = re.compile(
    rf"[ \t]*[-+•][ \t]*(?P<item>(?i:{_LISTED_WORK_HEAD})\s[^:;\n]{{2,160}}?"
    r"\s*:\s*\d[\d.,]*\s*(?:triệu|tỷ)\s+đồng)"
)
LISTED_WORK_RE = re.compile(rf"^(?:{_LISTED_WORK_HEAD})\s", re.I)
# an item's amount, and a remark on what is built before it: "(xây mới 12 phòng học) 9.600 triệu đồng", or the amount
# in parentheses
WORK_AMOUNT_RE = re.compile(
    r"\s*(?:\((?!(?:giai\s+)?đoạn\b)[a-zđà-ỹ][^()]*\)\s*)?(?::\s*)?\d[\d.,]*\s*(?:triệu|tỷ)\s+đồng.*$"
    r"|\s*\([^()]*?\d[\d.,]*\s*(?:triệu|tỷ)\s+đồng.*$",  # in parentheses: "(giảm 21.000 triệu đồng)"
    re.S,
)
# "các dự án giao thông trọng điểm: Đường …, Đường … và Đường …"
PROJECT_LIST_RE = re.compile(r"(?:các|những)\s+(?:dự án|công trình)[^:.;\n]{0,60}:\s*(?P<items>[^.;\n]+)", re.I)

# --- named references -----------------------------------------------------------------------------
# a document cited by name, with no number: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
NAMED_REF_RE = re.compile(
    r"(?<![\w])(?P<name>(?:Nghị quyết|Chương trình hành động|Chương trình|Đề án|Kế hoạch|Quy hoạch|Luật|Chiến lược)"
    r"\s+(?:(?:của|thực hiện|về)\s+)?[^\n;:.()]{6,220}?)(?=\s*(?:[;:.()\n]|,\s|\s+và\s|\s+theo\s|\s+để\s|$))"
)


# --- a unit named short and in full ----------------------------------------------------------------
# What a unit's full name adds to its short one: the committee it serves ("Ban Xây dựng Đảng" and "Ban Xây dựng
# Đảng Đảng ủy các cơ quan Đảng tỉnh", "Văn phòng Đảng ủy" and "Văn phòng Đảng ủy các cơ quan Đảng tỉnh").
COMMITTEE_TAIL_RE = re.compile(r"(?:(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ủy|các cơ quan|cơ quan)(?!\w)")


# --- bodies by their grammar (any level) -----------------------------------------------------------
# Bodies not in data/reference/body_kinds.csv are read by the shape of their names: a unit head, what it
# does, and the committee or administrative unit it belongs to. This is what names the bodies of districts
# and communes ("Ban Tổ chức Huyện ủy", "Ủy ban Kiểm tra Đảng ủy phường", "Phòng Văn hóa - Xã hội phường",
# "Đảng ủy xã Quang Kim", "Công an huyện") and the bodies after the 2025 reform.
# Administrative units, lowest first where one is a prefix of another.
SCOPE_WORD = r"(?:[Tt]hành phố|thị trấn|thị xã|đặc khu|tỉnh|huyện|quận|xã|phường|cấp tỉnh|cấp huyện|cấp xã)"
# A place's proper name after its unit: "xã Quang Kim", "Huyện ủy Bát Xát" (capitalised words, not a body head).
_BODY_HEAD_WORDS = (
    r"Ban|Sở|Phòng|Văn|Ủy|Đảng|Công|Trung|Chi|Kho|Thanh|Hội|Liên|Đoàn|Bộ|Thường|Mặt|Kế|Nghị|"
    r"Chương|Chỉ|Quy|Quyết|Thông|Báo|Hướng|Đề|Giao|Các|Tổ|UBND|HĐND|MTTQ|Trường|Bệnh|Nhà|Tỉnh|Huyện"
)
# Places whose names hold such a word ("Gò Công Đông", "Thanh Hóa", "Văn Bàn"): known from the gazetteer.
_HEAD_WORD_PLACES = sorted(
    {
        unicodedata.normalize("NFC", name)
        for name in [r["short_name"] for r in csv_rows(DATA_DIR / "gazetteer" / "districts_2024.csv")]
        + [r["name_vi"] for r in reference_rows("provinces.csv")]
        if re.search(rf"\b(?:{_BODY_HEAD_WORDS})\b", name)
    },
    key=lambda n: (-len(n), n),
)
# A verb opening the next line is not a place: "… Ủy ban nhân dân tỉnh" / "Chủ trì hướng dẫn …"
_LINE_VERBS = (
    r"(?i:chủ trì|phối hợp|tham mưu|theo dõi|thực hiện|triển khai|tổ chức|hướng dẫn|rà soát|xây dựng|kiểm tra|"
    r"báo cáo|lãnh đạo|chỉ đạo|căn cứ|đưa|thời hạn|thời gian|đôn đốc|nghiên cứu|quán triệt|tuyên truyền|ban hành)"
)
PLACE_NAME = (  # (after "Thành phố" written out: "Thành ủy Thành phố Hồ Chí Minh")
    rf"(?:\s+[Tt]hành phố(?=\s+[{UPPER}]))?"
    rf"(?:\s+(?:{'|'.join(map(re.escape, _HEAD_WORD_PLACES))})(?![{LETTER}])"
    rf"|\s+(?!(?:{_BODY_HEAD_WORDS})\b)(?!{_LINE_VERBS}(?![{LETTER}]))[{UPPER}][{LOWER}]+"
    rf"(?:\s+(?!(?:{_BODY_HEAD_WORDS})\s+[{UPPER}])[{UPPER}][{LOWER}]+){{0,2}})"
)  # "Hải Phòng", not "… Phòng Nội vụ"
# The Party committee a unit serves: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy phường".
# the committees of blocs (2025: "Đảng ủy các cơ quan Đảng tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"; before: "Đảng ủy
# Khối các cơ quan tỉnh") come first: "Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh" is one body.
BLOC_COMMITTEE = (
    r"Đảng ủy (?:các cơ quan Đảng|Khối các cơ quan|Khối doanh nghiệp|Khối (?:các )?[Kk]hu công nghiệp|Ủy ban nhân dân|UBND|Quân sự|Công an|"
    r"(?:Ủy ban\s+)?(?:Mặt trận Tổ quốc|MTTQ)(?:\s+Việt Nam)? và các đoàn thể|Hội đồng nhân dân|HĐND)"
)
COMMITTEE = rf"(?:(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|{BLOC_COMMITTEE}(?:\s+{SCOPE_WORD})?|Đảng ủy(?:\s+{SCOPE_WORD})?)"
# Words of a unit's function: capitalised first, then words and joiners ("Tài chính - Kế hoạch",
# "Kinh tế, Hạ tầng và Đô thị", "Phục vụ hành chính công"), never a clause word.
_NOT_IN_NAME = (
    r"các|những|trên|tại|của|để|cho|theo|trong|với|được|đã|sẽ|chủ|phối|thực|tham|rà|tổ|triển khai|"
    r"là|có|khi|đến|từ|về|nhằm|bảo|hoàn|báo|kiểm|tăng|tiếp|giao(?! thông)|đề|yêu"
)
# What a body named as the subject of a clause must do: what tells a unit's name from the clause after it.
AGENT_VERBS = (
    r"chủ trì|phối hợp|tham mưu|chuẩn bị|triển khai|tổ chức|xây dựng|rà soát|theo dõi|hướng dẫn|kiểm tra|đôn đốc|"
    r"chỉ đạo|nghiên cứu|đề xuất|cung cấp|tổng hợp|phụ trách|chịu trách nhiệm|có trách nhiệm|cập nhật|thực hiện"
)
# (a steering committee is named by what it steers: "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện")
_NOT_IN_STEERING = (
    r"chủ trì|phối hợp|tham mưu|rà soát|tổ chức|triển khai|chỉ đạo|là|có|khi|được|đã|sẽ|giao|đề|yêu|báo|kiểm|tăng|"
    r"tiếp|hoàn|bảo|và"
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
    r"UBMTTQ(?:\s*VN|\s+Việt Nam)?|LĐLĐ|"
    r"Công an|Trạm Y tế|Bưu điện|Ban Chỉ huy Quân sự|Bộ Chỉ huy Quân sự|Bộ Chỉ huy Bộ đội Biên phòng|Kho bạc Nhà nước|"
    r"Thanh tra|Liên đoàn Lao động|Viện Kiểm sát nhân dân|Tòa án nhân dân|Cục Thi hành án dân sự|Cục Thuế|"
    r"Cục Hải quan|Cục Thống kê|Chi cục Thống kê|Bảo hiểm xã hội|Ngân hàng Chính sách xã hội|"
    r"Ban đại diện Hội đồng quản trị Ngân hàng Chính sách xã hội|Đảng ủy Bộ đội Biên phòng|Đảng ủy Quân sự|"
    r"Đảng ủy Công an|Ban Quản lý (?:các\s+)?[^\W\d_][\w -]{2,40}?|Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh|"
    r"Đoàn Thanh niên(?:\s+Cộng sản Hồ Chí Minh)?|Văn phòng (?:HĐND và UBND|Hội đồng nhân dân và Ủy ban nhân dân|"
    r"UBND|Ủy ban nhân dân)|Ban cán sự đảng (?:UBND|Ủy ban nhân dân)|Đảng ủy (?:UBND|Ủy ban nhân dân)|"
    r"Đảng đoàn (?:HĐND|Hội đồng nhân dân|Ủy ban MTTQ(?:\s+Việt Nam)?|Ủy ban Mặt trận Tổ quốc(?:\s+Việt Nam)?)|"
    rf"Ban Chấp hành Đảng bộ|Đảng bộ|(?:Trung tâm|Phòng|Chi cục|Ban Quản lý|Ban|Quỹ) {FUNCTION_NAME})"
)
# Heads that belong to a committee: "Ban Thường vụ Huyện ủy", "Ủy ban Kiểm tra Đảng ủy phường",
# "Văn phòng Đảng ủy", "Ban Xây dựng Đảng Đảng ủy xã", "Ban Tuyên giáo và Dân vận Tỉnh ủy".
# (the 2025 "Ban Chính sách, chiến lược" has a comma in its name)
COMMITTEE_HEAD = (
    rf"(?:Ban Thường vụ|Thường trực|Ủy ban Kiểm tra|Văn phòng|Ban Chấp hành|Ban Chính sách,\s*chiến lược|"
    rf"Ban {FUNCTION_NAME})"
)
BODY_GRAMMAR_RE = re.compile(
    "(?:"
    + "|".join(
        (
            # a unit of a committee's commission: Văn phòng Ủy ban Kiểm tra Tỉnh ủy, Phòng Tổng hợp Ban Nội chính Tỉnh ủy
            rf"(?:Văn phòng|Phòng {FUNCTION_NAME})\s+(?!Văn phòng)(?:Ủy ban Kiểm tra|Ban {FUNCTION_NAME})\s+{COMMITTEE}{PLACE_NAME}?",
            rf"{COMMITTEE_HEAD}\s+{COMMITTEE}{PLACE_NAME}?",  # Ban Tổ chức Huyện ủy (Bát Xát)
            # a 2025 commission named without its committee, in the committee's own document: "Ban Xây dựng Đảng"
            r"Ban Xây dựng Đảng",
            rf"{UNIT_HEAD}\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?",  # Ủy ban nhân dân phường (Tuy Hòa)
            rf"(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|đoàn){PLACE_NAME}?",  # Huyện ủy Bát Xát, Tỉnh đoàn
            rf"Đảng ủy\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?",  # Đảng ủy xã Quang Kim
            rf"{BLOC_COMMITTEE}\s+{SCOPE_WORD}(?![{LETTER}])",  # Đảng ủy Ủy ban MTTQ và các đoàn thể tỉnh
            # the Party organisation or the newsroom of a provincial medium or force: Đảng bộ Báo Vĩnh Long,
            # Đài Phát thanh và Truyền hình Cà Mau, Đảng bộ Công an tỉnh
            rf"(?:Đảng (?:bộ|ủy)\s+)?(?:Báo và Phát thanh,\s*Truyền hình|Báo|Đài Phát thanh(?:\s+và|\s*-)\s*Truyền hình|"
            rf"Đài PT-TH)(?:{PLACE_NAME}|\s+{SCOPE_WORD}(?![{LETTER}]))",  # (2025: the province's paper and broadcaster
            # merged, "Báo và Phát thanh, …"; "Đài Phát thanh và Truyền hình tỉnh")
            # a council named by what it does, to its unit: "Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh",
            # "Hội đồng Thi đua - Khen thưởng huyện"
            rf"Hội đồng (?:phối hợp|[Tt]hi đua|tư vấn|thẩm định|[Gg]iáo dục quốc phòng|[Bb]ầu cử)"
            rf"(?:(?:,?\s+|\s*-\s*)(?!(?:{_NOT_IN_STEERING})\b)[{LETTER}]+){{0,8}}?\s+{SCOPE_WORD}(?![{LETTER}])",
            rf"Đảng bộ\s+(?:Công an|Quân sự|Bộ đội Biên phòng)\s+{SCOPE_WORD}(?![{LETTER}])",
            # the Party organisation of an enterprise, bank, school or hospital, to the last capitalised word of its
            # name: Đảng bộ Công ty Cổ phần Cấp thoát nước Cần Thơ, Chi bộ Trường THPT Chu Văn An
            # or to its unit ("Đảng ủy Bệnh viện Đa khoa tỉnh"), never into the next Party organisation ("… và Đảng ủy …")
            rf"(?:Đảng bộ|Đảng ủy|Chi bộ)\s+(?:Tổng\s+)?(?:Công ty|Tập đoàn|Ngân hàng|Trường|Bệnh viện)"
            rf"(?:\s+(?!(?:{_NOT_IN_NAME}|Đảng|Chi bộ)\b)[{LETTER}]+){{0,9}}"
            rf"\s+(?:(?!Đảng\b)[{UPPER}][{LETTER}]*|{SCOPE_WORD}(?![{LETTER}]))",
            # Ban Quản lý Khu kinh tế Vân Phong, Ban Quản lý các khu công nghiệp tỉnh
            rf"Ban Quản lý (?:các\s+)?[Kk]hu (?:kinh tế|công nghiệp|công nghệ cao|du lịch|di tích)(?: [a-zđ]+){{0,2}}?"
            # "… Khu công nghệ cao và các khu công nghiệp", "… Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi"
            rf"(?:{PLACE_NAME}?\s+và\s+các\s+[Kk]hu\s+(?:công nghiệp|kinh tế|chế xuất))?"
            rf"(?:{PLACE_NAME}|\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?)",
            # Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh, Ban Quản lý dự án huyện Bát Xát
            rf"Ban Quản lý (?:các\s+)?dự án(?: [a-zđà-ỹ]+){{0,10}}?(?:\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?)",
            # a unit of an agency named without its place, when what it must do follows: "Phòng Tham mưu chủ trì",
            # "Trường Đại học Hà Tĩnh xây dựng …", "Văn phòng Đăng ký đất đai tỉnh cập nhật …"
            rf"(?:Phòng|Trung tâm|Chi cục|Cục|Trường|Viện|Đội|Văn phòng)\s+[{UPPER}][{LETTER}]*"
            rf"(?:\s+(?:và\s+)?(?!(?:{_NOT_IN_NAME})\b)[{LETTER}]+){{0,7}}?(?=\s+(?:{AGENT_VERBS})(?![{LETTER}]))",
            # a steering committee, to its unit: Ban Chỉ đạo 57 tỉnh, BCĐ các chương trình mục tiêu quốc gia xã
            rf"(?:Ban Chỉ đạo|BCĐ)(?:\s+(?!(?:{_NOT_IN_STEERING})\b)[{LETTER}0-9]+){{0,9}}?\s+{SCOPE_WORD}(?![{LETTER}])",
            # the steering committee of Resolution 57 (2025), its name a list: "Ban Chỉ đạo về phát triển khoa học, công
            # nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh"
            r"(?:Ban Chỉ đạo|BCĐ)\s+(?:về\s+)?(?:phát triển\s+)?khoa học,\s*công nghệ,\s*đổi mới sáng tạo(?:,|\s+và)\s*"
            rf"chuyển đổi số\s+(?:của\s+)?{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?",
            # the state's regional units of 2025: Ngân hàng Nhà nước chi nhánh Khu vực 5, Kho bạc Nhà nước khu vực IX,
            # Thuế cơ sở 3, Chi cục Hải quan khu vực II; and the province's tax office, "Thuế tỉnh"
            r"(?:Ngân hàng Nhà nước(?:\s+chi nhánh)?|Kho bạc Nhà nước|Chi cục Thuế|Thuế cơ sở|Chi cục Hải quan|"
            r"Chi cục Thống kê|Bảo hiểm xã hội)\s+(?:[Kk]hu vực\s+)?(?:[IVXL]+|\d{1,2})(?![\w/])",
            rf"Thuế\s+(?:tỉnh|thành phố){PLACE_NAME}?",
            # the central bank's branch in a province: "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh Hòa Bình"
            rf"Ngân hàng Nhà nước(?:\s+Việt Nam)?\s*-?\s*[Cc]hi nhánh\s+(?:tỉnh|thành phố){PLACE_NAME}?",
            # an association, to its unit: "Hiệp hội Doanh nghiệp tỉnh Long An", "Liên minh Hợp tác xã tỉnh",
            # "Hội Chữ thập đỏ tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh" ("Hợp tác xã" is no commune)
            rf"(?:Hiệp hội|Hội|Liên minh|Liên hiệp(?:\s+các\s+Hội)?)\s+(?:Hợp tác xã|[{UPPER}][{LETTER}]*)"
            rf"(?:\s+(?:Hợp tác xã|(?!(?:{_NOT_IN_NAME})\b)[{LETTER}]+)){{0,6}}?(?<!Hợp tác)\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?",
            # a council's standing body named bare at the head of the council's own list, its unit at the list's end:
            # "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, … đại biểu Hội đồng nhân dân xã giám sát"
            r"Thường trực (?:Hội đồng nhân dân|HĐND)(?=\s*,\s*các Ban)",
            # a congress's subcommittee: Tiểu ban Văn kiện Đại hội lần thứ XXIII Đảng bộ thành phố
            r"Tiểu ban (?:Văn kiện|Nhân sự|Tổ chức(?: phục vụ)?|Tuyên truyền|Phục vụ|Nội dung)"
            rf"(?: Đại hội(?: đại biểu)?(?: lần thứ [IVXLC]+)?(?: Đảng bộ\s+{SCOPE_WORD}(?![{LETTER}]){PLACE_NAME}?)?)?",
        )
    )
    + rf")(?![{LETTER}])"
)
# The level of a body named by its grammar, from the unit it belongs to (the last unit word decides).
BODY_LEVEL_WORDS = (
    # not "Bảo hiểm xã hội tỉnh", "Liên minh Hợp tác xã tỉnh"
    ("commune", re.compile(r"\b(?:(?<!Hợp tác )xã(?! hội)|phường|thị trấn|đặc khu|cấp xã)\b")),
    ("district", re.compile(r"\b(?:huyện|quận|thị xã|cấp huyện|Huyện ủy|Quận ủy|Thị ủy|Huyện đoàn)\b")),
    ("provincial", re.compile(r"\b(?:tỉnh|[Tt]hành phố|cấp tỉnh|Tỉnh ủy|Thành ủy|Tỉnh đoàn|Thành đoàn)\b")),
)

# Sentences about the 2025 merger or neighbours name other provinces: they do not tell the document's own.
MERGER_RE = re.compile(r"hợp nhất|sáp nhập|nhập vào|giáp ranh|giáp với|khu vực \d+ tỉnh", re.I)

# The Party organisation of a body named right after it: "Đảng ủy Sở Tư pháp", "Chi bộ Văn phòng Sở Nội vụ"
PARTY_OF_RE = re.compile(r"(?:Đảng ủy|Đảng bộ|Chi bộ)\s+(?=[A-ZĐ])")
