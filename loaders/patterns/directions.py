"""The forward-looking part, tasks, their assignments, labels and deadlines."""

from __future__ import annotations

import re

from loaders.patterns.text import DOC_TYPE_ALT, LETTER, LOWER, UPPER

# --- forward-looking part and tasks ---------------------------------------------------------
FORWARD_HEADING_RE = re.compile(
    r"phương hướng|nhiệm vụ|giải pháp|tổ chức thực hiện|giao nhiệm vụ|thời gian tới|"
    r"cuối năm|chương trình hành động|việc cần làm|trọng tâm|tiến độ|lộ trình|phân công",
    re.I,
)
# "Về kết quả / tình hình thực hiện Nghị quyết …" heads a matter a meeting concludes on, its directions following
_NOT_A_DOCUMENTS_RESULTS = (
    r"(?!\s+(?:triển khai\s+)?thực hiện\s+(?:các\s+)?"
    r"(?:Nghị quyết|Kết luận|Chỉ thị|Đề án|Quyết định|Chương trình|Kế hoạch|Thông báo)\b)"
)
# (not a topic a conclusion decides, "Về mục tiêu tăng trưởng năm 2025", nor "chương trình mục tiêu quốc gia", nor a
# task "Thẩm định, đánh giá" / "Kiểm tra, đánh giá")
PAST_HEADING_RE = re.compile(
    # (not a matter a meeting concludes on: "1. Về kết quả thực hiện Nghị quyết số 18-NQ/TW …", "Về tình hình thực
    # hiện Đề án 06", where the directions on it follow)
    rf"(?<!về )(?:kết quả|tình hình)|(?:kết quả|tình hình){_NOT_A_DOCUMENTS_RESULTS}|khái quát|(?<!định, )(?<!tra, )(?<!sát, )đánh giá|(?<!về )(?<!trình )(?:mục tiêu|mục đích|quan điểm)|hạn chế|nguyên nhân|"
    # requests to higher bodies ("KIẾN NGHỊ", "ĐỀ XUẤT, KIẾN NGHỊ") set no tasks; a superior's answer to a lower
    # body's requests ("Đối với các kiến nghị của huyện") does
    r"bối cảnh|kiến nghị(?!,?\s+(?:đề xuất\s+)?của\b)|"
    r"đầu năm|đã đạt|thực trạng|căn cứ|sự cần thiết|^\W*(?:[IVX]+\s*[.:]\s*)?công tác lãnh đạo,?\s+chỉ đạo|"
    r"nội dung(?:,?\s*(?:và\s+)?hình thức)?\s+tuyên truyền",  # the themes of a propaganda guidance set no tasks
    re.I,
)
# The part of a plan that states its purpose and requirements ("I. MỤC ĐÍCH, YÊU CẦU", "ĐỐI TƯỢNG, YÊU CẦU"), and a
# requirement given as a label ("- Yêu cầu: thực hiện đúng Quy định 124 …"): what it directs to be carried out, the
# document carries out.
PURPOSE_HEADING_RE = re.compile(
    r"^\W*(?:[IVX]+\s*[.:]\s*)?(?:[^\n,]{0,20},\s*)?(?:mục đích|yêu cầu)\b(?![^\n]*nhiệm vụ)", re.I
)
# A plan's part of what is to be done, after its purpose: "II. NỘI DUNG", "II. NỘI DUNG THỰC HIỆN"
PLAN_CONTENT_HEADING_RE = re.compile(  # (and its times: "NỘI DUNG VÀ THỜI GIAN", "NỘI DUNG, TIẾN ĐỘ THỰC HIỆN")
    r"nội dung(?:\s+(?:thực hiện|công việc|triển khai|chủ yếu|cụ thể))?"
    r"(?:\s*(?:,|và)\s*(?:thời gian|tiến độ|lộ trình)(?:\s+thực hiện)?)?",
    re.I,
)
PURPOSE_LABEL_RE = re.compile(r"[-+•*\s]*(?:mục đích|yêu cầu)\s*:", re.I)
# The opening words of a numbered paragraph that reports the past, or plans ahead.
PAST_PERIOD_RE = re.compile(
    r"(?:Trong|Qua|Sau)\b[^,.]{0,40}(?:đầu năm|vừa qua|đã qua|năm qua|tháng qua|thực hiện)|"
    r"Năm \d{4},[^.;]{0,60}\sđã\s|"  # "Năm 2025, Đảng bộ phường đã lãnh đạo …"
    rf"(?:Kết quả|Tình hình|Đánh giá(?=\s*(?::|chung|kết quả|tình hình|thực trạng|việc))|Về kết quả{_NOT_A_DOCUMENTS_RESULTS}|Về tình hình{_NOT_A_DOCUMENTS_RESULTS})\b",
    re.I,
)
FORWARD_PERIOD_RE = re.compile(
    r"(?:Trong|Từ nay|Thời gian tới)\b[^,.]{0,40}(?:cuối năm|tới|sắp tới|tiếp theo)|"
    r"(?:Phương hướng|Nhiệm vụ|Giải pháp|Về phương hướng|Về nhiệm vụ)\b",
    re.I,
)
# A matter of a meeting ("Về kết quả kiểm tra theo Quy định số 22-QĐ/TW"), and a sentence of it that assigns
MATTER_HEADING_RE = re.compile(r"\W*(?:\d+(?:\.\d+)*\s*[.)]\s*|[IVX]+\s*[.]\s*)?Về\s")
MATTER_DIRECTION_RE = re.compile(rf"(?:^|[.;:]\s+)(?:Giao|Yêu cầu|Đề nghị)\s+(?:cho\s+)?(?=[{UPPER}])")
SENTENCE_END_RE = re.compile(rf"(?<=[.!?…])[\s*_]+(?=[\"'“(]?[{UPPER}0-9])")
# A lead-in that opens the forward-looking part: "… thống nhất kết luận như sau:", "… yêu cầu … nhiệm vụ sau:"
LEAD_IN_RE = re.compile(
    r"(?:kết luận|yêu cầu|đề nghị|lưu ý|chỉ đạo|giao|(?-i:chỉ thị))[^\n]{0,400}?(?:như sau|sau đây|sau|như|gồm|cụ thể|trọng tâm)\s*:\s*$"
    r"|(?:yêu cầu|đề nghị|lưu ý|kết luận|(?-i:chỉ thị|quyết nghị))\s*:\s*$",
    re.I,
)
# A direction in running text (press reports).
DIRECTIVE_RE = re.compile(
    rf"(?<![{LETTER}])(?:(?<!đáp ứng )(?<!theo )(?<!những )(?<!các )(?<!có )yêu cầu(?=\s+(?:các|mỗi|từng|cán bộ|[{UPPER}])|\s*:)"
    rf"|(?<!theo )(?<!các )đề nghị(?=\s+(?:các|mỗi|từng|tập trung|tập thể|[{UPPER}])|\s*:)"
    rf"|lưu ý(?=\s+(?:các|một số|mỗi|[{UPPER}])|\s*:)"
    # ("Bí thư Tỉnh ủy giao X", "Chủ tịch giao X": a role stated before, not "đã giao")
    rf"|(?:^|(?<=[.;:]\s)|(?<=thống nhất )|(?<=đồng ý )|(?<=và )|(?<=, )|(?<=ồng chí )|(?<= ủy )|(?<= thư )|(?<= tịch ))"
    rf"[Gg]iao(?=\s+(?:cho\s+)?[{UPPER}])"
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
_PROJECT_STOPS = (
    r"\s+(?:và các|và những|và|để|nhằm|theo|bảo đảm|đảm bảo|đang|đã|đạt|cho|trên|còn|được|tại|"
    r"cơ bản|trong (?:quý|tháng|năm|giai đoạn|kế hoạch|danh mục)|trước|chậm nhất|hoàn thành|với tổng|có tổng|"
    r"đoạn qua|phục vụ|vào (?:danh mục|kế hoạch))"
)
PROJECT_STOP_RE = re.compile(_PROJECT_STOPS + r"(?:\s.*)?$")
PROJECT_STOP_AT_RE = re.compile(_PROJECT_STOPS + r"(?=\s|$)")  # each word where a project's name may end
# the stretch of a work within the province: "đoạn qua tỉnh Bắc Giang", "đoạn qua địa bàn tỉnh"
# ("đoạn qua thị trấn Tri Tôn", "đoạn qua khóm 3, phường Bạc Liêu")
_STRETCH_UNIT = rf"(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|khóm|ấp|thôn|khu phố|tổ dân phố)(?:\s+(?:[{UPPER}][{LOWER}]*|\d+)){{1,3}}"
PROJECT_STRETCH_RE = re.compile(rf"\s+đoạn (?:qua|đi qua) (?:địa bàn )?{_STRETCH_UNIT}(?:,\s+{_STRETCH_UNIT})?")
PROJECT_STRETCH_TAIL_RE = re.compile(rf",\s+{_STRETCH_UNIT}")  # the unit a stretch's hamlet is in, after its comma
CONSTRUCTION_VERB_RE = re.compile(
    r"(?:khởi công|xây dựng|nâng cấp|cải tạo|mở rộng|thi công|đầu tư xây dựng|đầu tư|giải phóng mặt bằng|"
    r"đẩy nhanh tiến độ(?: thi công| xây dựng)?|giai đoạn \d+|"
    r"hoàn thành|đưa vào sử dụng|thông xe|(?:hoàn thiện|đầu tư|xây dựng|nâng cấp) hạ tầng|hạ tầng)(?:\s+mới)?\s+$",
    re.I,
)
NARRATIVE_START_RE = re.compile(
    r"^\s*(?:Cũng tại|Tại hội nghị|Hội nghị|Phát biểu|Trước đó|Theo báo cáo|Báo cáo|Sau khi|Dự hội nghị|Tham dự|"
    r"Trong \d+ tháng|Kết quả|Năm \d{4}, tỉnh|Thời gian qua)",
    re.I,
)
# Verbs by which a task directs a document to be carried out (not "Ban Chấp hành", a body).
IMPLEMENT_VERB_RE = re.compile(
    r"(?<![" + LETTER + r"])(?<!Ban )(?:thực hiện|triển khai|quán triệt|cụ thể hóa|thể chế hóa|học tập|tuyên truyền|"
    r"phổ biến|thi hành|chấp hành|bám sát|theo|tại|căn cứ vào|quy định chi tiết|(?:bảo đảm|đảm bảo) đúng)(?!["
    + LETTER
    + r"])",
    re.I,
)
# What stands before an implementing verb when the text reviews how a document was carried out rather than
# directing it: "đánh giá kết quả thực hiện Nghị quyết …", "tổng kết 10 năm thực hiện Chỉ thị …".
REVIEWED_BEFORE_RE = re.compile(r"(?:kết quả|(?:sơ|tổng) kết(?:\s+\d+\s+năm)?)\s+(?:việc\s+)?$", re.I)
# Inside a cited document's title, what it reviews: "Kết luận số 121-KL/TW … về tổng kết Nghị quyết số 18-NQ/TW",
# "… về sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW"
TITLE_REVIEWS_RE = re.compile(
    r"(?<![^\W\d_])về\s+(?:việc\s+)?(?:tổng kết|sơ kết)(?:\s+\d+\s+năm)?(?:\s+(?:việc\s+)?thực hiện)?\s+"
    r"(?=(?:các\s+)?[A-ZĐ])",
    re.I,
)
# A cited document issued for carrying out another, said before it: "Để thể chế hóa Nghị quyết 68, Quốc hội đã ban
# hành Nghị quyết số 198/2025/QH15 …" (the text right before the issued one's type word)
ISSUED_TO_CARRY_OUT_RE = re.compile(
    r"(?:^|[.;][¹²³⁴⁵⁶⁷⁸⁹⁰]*\s+|\n\s*[¹²³⁴⁵⁶⁷⁸⁹⁰\d]*\s*)(?:Để|Nhằm)\s+(?:kịp thời\s+)?(?:thể chế hóa|cụ thể hóa|"
    r"triển khai(?:\s+thực hiện)?|thực hiện)\s+(?P<target>[^,;.\n]{3,160}?),\s*[^,;.\n]{2,80}?\s+"
    r"(?:đã\s+|vừa\s+)?ban hành\s+$",
    re.I,
)
# Phrases stating that a cited document (before) carries out another (after): "… thực hiện", "… triển khai".
CARRIES_OUT_RE = re.compile(
    # (a paragraph break ends it: "… Nhân dân\n\nThực hiện Kế hoạch …" is the next paragraph's)
    r"^(?:[ \t]|\n(?![ \t]*\n))*,?(?:[ \t]|\n(?![ \t]*\n))*(?:về\s+)?(?:việc\s+)?(?:ban hành\s+(?:Chương trình|Kế hoạch)[^.;\n]{0,80}?\s)?"
    r"(?:hướng dẫn\s+)?(?:tiếp tục\s+)?(?:đẩy mạnh\s+)?"
    r"(?:(?:triển khai\s+)?(?:tổ chức\s+)?(?:thực hiện|thi hành)|triển khai)\s+",
    re.I,
)
# The same, inside a cited document's title: "… về tiếp tục thực hiện Chỉ thị số 40-CT/TW", "… ban hành Kế hoạch
# triển khai Chỉ thị số 40-CT/TW" — not an association ("…, gắn với thực hiện Chỉ thị số 05-CT/TW")
TITLE_CARRIES_OUT_RE = re.compile(
    r"(?<![^\W\d_])(?:về\s+(?:việc\s+)?(?!sơ kết|tổng kết)(?:[^.;:()\n\d]{0,100}?\s)??|(?<=\s)ban hành\s+"
    r"(?:Kế hoạch|Chương trình)\s+)(?:tiếp tục\s+)?(?:đẩy mạnh\s+)?(?<!gắn với )(?<!kết hợp với )"
    r"(?:(?:triển khai\s+)?(?:tổ chức\s+)?thực hiện|triển khai)\s+(?=(?:các\s+)?[A-ZĐ])"
    # "… về sắp xếp, tinh gọn tổ chức bộ máy của huyện theo Nghị quyết 18"
    # (the document after "theo" ends the title: not "… tận dụng cơ chế theo Nghị quyết số 37/2021/QH15 … để …")
    r"|(?<=\s)theo\s+(?=(?:Nghị quyết|Kết luận|Chỉ thị|Quy định|Chương trình|Kế hoạch)\s+(?:số\s+)?\S+"
    r"(?:\s+(?:ngày|của)\s[^;.,\n]{0,80}?)?\s*[;.\n])",
    re.I,
)
# A preamble that carries documents out: "Để triển khai thực hiện A và B, Ban Thường vụ Tỉnh ủy ban hành …"
PREAMBLE_CARRY_OUT_RE = re.compile(  # (also "Để thống nhất lãnh đạo thực hiện …")
    r"\s*(?:[-+•]\s*)?(?:[^\W\d_]+:\s*)?(?:Để\s+)?(?:tiếp tục\s+)?(?:(?:thống nhất\s+)?lãnh đạo(?:,\s*chỉ đạo)?\s+)?(?:triển khai\s+)?"
    r"(?:tổ chức\s+)?(?:thực hiện|(?<=Để )(?:cụ thể hóa|thể chế hóa))\s",
    re.I,
)
MAIN_CLAUSE_RE = re.compile(
    r",\s*(?:[^,.;]{2,80}?)\s(?:(?:ban hành|xây dựng|đề ra|triển khai)\s+(?:Kế hoạch|Chương trình|"
    r"Chỉ thị|Nghị quyết|Kết luận|Quy định|Đề án|kế hoạch|chương trình)"
    r"|(?:yêu cầu|chỉ thị|đề nghị)\s+(?:các|mọi|toàn)\b"
    r"|(?:quy định|kết luận|quyết nghị)\s*(?:như sau|:))",  # "…, Ban Thường vụ Tỉnh ủy quy định như sau:"
    re.I,
)
# The main clause of a preamble naming what the document carries out: "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch
# triển khai thực hiện Nghị quyết 57, Nghị quyết số 03/NQ-CP và Chương trình 46 trên địa bàn tỉnh như sau:"
MAIN_CLAUSE_LIST_RE = re.compile(
    r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình(?: hành động)?|Chỉ thị|Đề án)\s+"
    r"(?:(?:để\s+)?(?:triển khai|tổ chức|tiếp tục)\s+)*thực hiện\s+(?P<list>[^:;.\n]{5,300})",
    re.I,
)
# The same said as a purpose opening the sentence: "Để lãnh đạo thực hiện Kết luận 137 và Chỉ thị 45 trên địa bàn tỉnh,
# Ban Thường vụ Tỉnh ủy yêu cầu …"
PURPOSE_CLAUSE_LIST_RE = re.compile(
    r"(?:^|(?<=\n))[ \t]*Để\s+(?:tiếp tục\s+)?(?:lãnh đạo,?\s+)?(?:chỉ đạo\s+)?(?:triển khai\s+)?(?:tổ chức\s+)?thực hiện\s+"
    r"(?P<list>[^:;.\n]{5,300}?),\s*(?:Ban|Tỉnh|Thành|Huyện|Đảng|Ủy|UBND|Thường trực)[^,.;:\n]{0,60}?\s"
    r"(?:yêu cầu|ban hành|chỉ thị|đề nghị|quyết định)"
)
# Documents carried out by their count, pointing back: "… để tuyên truyền, triển khai thực hiện có hiệu quả hai Nghị
# quyết, Ban … hướng dẫn như sau:" (the last two resolutions cited before it)
COUNTED_BACK_RE = re.compile(
    rf"(?:thực hiện|triển khai|quán triệt|cụ thể hóa)(?:\s+(?:có hiệu quả|nghiêm túc|thắng lợi))?\s+"
    rf"(?P<count>hai|ba|bốn|năm)\s+(?P<type>{DOC_TYPE_ALT})(?![{LETTER}])",
    re.I,
)
COUNT_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}
AMENDS_RE = re.compile(r"(?:sửa đổi,?\s*(?:bổ sung)?(?:\s+một số điều)?(?:\s+của)?)\s*$", re.I)
# The document itself as the subject of what follows: "Thông báo này thay thế …", "Hướng dẫn này …"
THIS_DOCUMENT_RE = re.compile(rf"(?:{DOC_TYPE_ALT})\s+này\s+(?:[^.;\d]{{0,30}}\s)?(?:thay thế|bãi bỏ|sửa đổi)", re.I)
REPEALS_RE = re.compile(r"(?:thay thế|bãi bỏ|hết hiệu lực)\s*$", re.I)
SELF_IMPLEMENTS_RE = re.compile(  # (a letter's subject line "V/v triển khai Nghị quyết số 72-NQ/TW" too)
    r"(?:^|để\s+|\b(?:về|V/v)\s+(?:việc\s+)?(?:tiếp tục\s+)?(?:đẩy mạnh\s+|tăng cường\s+)?)"
    r"(?:lãnh đạo(?:,?\s*chỉ đạo)?\s+)?(?:(?:triển khai\s+)?(?:tổ chức\s+)?thực hiện|triển khai)\s*$|"
    r"(?:chương trình(?: hành động)?|kế hoạch)[^.\n]{0,60}?(?:thực hiện|triển khai)\s*$|"
    r"ban hành\s+(?:Nghị quyết|Chỉ thị)\s+(?:lãnh đạo|về việc)?\s*(?:tiếp tục\s+)?thực hiện\s*$|"
    # "… thống nhất ban hành Nghị quyết về phát triển kinh tế biển … nhằm cụ thể hóa Nghị quyết số 36-NQ/TW"
    r"ban hành\s+(?:Nghị quyết|Chỉ thị|Kế hoạch|Chương trình)\s[^.;\n]{0,200}?\s(?:nhằm|để)\s+"
    r"(?:cụ thể hóa|thể chế hóa|triển khai(?:\s+thực hiện)?|thực hiện)\s*$|"
    r"^của\s+[^.;\n]{3,80}?\s(?:triển khai\s+)?thực hiện\s*$|"  # "… của Ban Chấp hành Đảng bộ tỉnh thực hiện"
    # the document saying what it is for: "Nghị quyết (này) nhằm cụ thể hóa Nghị quyết số 55-NQ/TW …"
    rf"^(?:{DOC_TYPE_ALT})(?:\s+này)?\s+(?:nhằm|để)\s+(?:cụ thể hóa|thể chế hóa|quán triệt|triển khai|thực hiện)"
    r"(?:\s+(?:và\s+)?(?:triển khai\s+)?thực hiện)?\s*$",
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
    r"Kết luận|Quy định|Quy chế|Đề án|kế hoạch|chương trình)(?![^\S\n]+(?:hành động[^\S\n]+)?(?:số[^\S\n]*)?\d)(?!\s+\S+[-/])"
    # the author of a guidance: "…, Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn (thực hiện) như sau:"
    r"|(?:^|[,;:.]\s+)(?P<guide>[A-ZĐ][^,;:.()\n]{3,80}?)\s+hướng dẫn[^.:\n]{0,60}?(?:như sau|sau đây)\s*:",
    re.M,
)

# --- assignments -----------------------------------------------------------------------------------
# "Giao X …", "Đề nghị X …", "Yêu cầu X …", "(Đồng chí) lưu ý X …" before a capitalised body name
GIAO_RE = re.compile(  # (also "đề nghị tập thể Ban Chấp hành Đảng bộ xã …": the committee as a whole)
    rf"(?:^|(?<=[\s(]))(?:[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu|[Ll]ưu ý)(?:\s*:)?\s+(?:cho\s+|tập thể\s+)?(?=[{UPPER}])"
)
# The mass organisations joined to the Front a direction addresses: "(Ủy ban MTTQ tỉnh) và các đoàn thể chính trị - xã
# hội", "… và các tổ chức chính trị - xã hội tỉnh"
WITH_MASS_ORGANISATIONS_RE = re.compile(r"\s+và\s+các\s+(?:đoàn thể|tổ chức chính trị - xã hội|hội đoàn thể)\b")
# A labelled line under a task: "- Cơ quan chủ trì: …", "- Cơ quan phối hợp: …", "- Thời gian hoàn thành: …"
TASK_LABEL_RE = re.compile(  # (also as lettered items: "a) Cơ quan chủ trì: Sở Tư pháp.")
    r"\s*(?:[-+•*∙·]\s*|[a-zđ]\)\s*)?[*_]*(?:"
    r"(?P<lead>(?:Cơ quan|Đơn vị|Bộ phận|Cơ quan, đơn vị)\s+(?:chủ trì|thực hiện|đầu mối|tham mưu)|Chủ trì|Đầu mối|"
    r"Giao(?:\s+cho)?|Phân công)"
    r"|(?P<partner>(?:Cơ quan|Đơn vị|Bộ phận|Cơ quan, đơn vị)\s+phối hợp|Phối hợp)"
    r"|(?P<deadline>Thời gian(?:\s+(?:hoàn thành|thực hiện))?|Thời hạn(?:\s+hoàn thành)?|Tiến độ(?:\s+(?:thực hiện|hoàn thành))?"
    r"|Hoàn thành|Hạn hoàn thành))"
    r"(?:\s+thực hiện)?[*_]*\s*:\s*(?P<value>.*)$",
    re.I | re.S,
)
# Labels closing a task in brackets or parentheses: "… vùng Bảy Núi. [Chủ trì: Ủy ban nhân dân huyện; thời gian: …]"
LABEL_BLOCK_RE = re.compile(r"[\[(](?P<inner>[^\[\]()]*:[^\[\]()]*)[\])][\s.;]*$")
# A further label on the same line, after ";" or ".": "…; phối hợp: …; thời gian: …"
# The line of a labelled task that states what is to be done: "Nội dung: Xây dựng dự thảo Báo cáo chính trị …"
CONTENT_LABEL_RE = re.compile(
    r"\s*(?:[-+•*]\s*)?[*_]*(?:Nội dung(?: công việc| thực hiện)?|Nhiệm vụ|Sản phẩm|Kết quả cần đạt)[*_]*\s*:", re.I
)
NEXT_TASK_LABEL_RE = re.compile(  # after "; " or ". ", or a capital after a lost line break ("… phường Phối hợp: …")
    r"(?:\s*[;.,]\s*|\s+(?=[CĐPT]))(?:"
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
CHAIR_RE = re.compile(
    r"^\s*,?\s*(?:cùng\s+)?(?:\(chủ trì\)|chủ trì|là cơ quan (?:chủ trì|thường trực|đầu mối)|làm đầu mối|là đầu mối)"
)
PARTNER_RE = re.compile(r"^\s*,?\s*(?:chủ trì\s*,?\s*)?(?:phối hợp(?: chặt chẽ)? với|cùng với|cùng)\s+")
# A parenthesis closing a task that names its leads alone, without a verb, before its time or its end:
# "… (*Công an huyện; thường xuyên*).", "… (Ban Tuyên giáo Huyện ủy, Trung tâm Văn hóa huyện)."
PAREN_LEADS_OPEN_RE = re.compile(r"\(\s*[*_]*\s*")
PAREN_LEADS_CLOSE_RE = re.compile(r"[*_\s]*(?:;[^()\n]*)?\)[*_\s.;]*$")
# A body asked for its attention, a superior: "Đề nghị Ban Thường vụ Thành ủy, Ủy ban nhân dân thành phố quan tâm bố
# trí vốn …"
ASKED_ATTENTION_RE = re.compile(r"\s*(?:sớm\s+|tiếp tục\s+)?quan tâm\b")
# partners named before their verb: "(X chủ trì; Y, Z phối hợp; …)"
PARTNERS_BEFORE_RE = re.compile(r"^\s*(?:cùng\s+)?phối hợp(?!\s+(?:chặt chẽ\s+)?với)")
# a body opening a sentence as its subject (it decides or speaks; it is not the addressee)
SUBJECT_VERB_RE = re.compile(
    r"\s+(?:(?:đã|cũng|đều|cơ bản|về cơ bản|hoàn toàn)\s+){0,2}(?:đồng ý|thống nhất|giao|yêu cầu|đề nghị|kết luận|quyết định|"
    r"thông qua|cho ý kiến|họp|biểu quyết|nhất trí|ban hành|thông báo|đánh giá|ghi nhận|biểu dương|nhấn mạnh|phân công|"
    r"xác định|chỉ rõ|cho rằng|cho biết|báo cáo tại)\b"
)
# "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số …": the issuer before a list of documents
ISSUED_BY_RE = re.compile(r"\s+(?:đã\s+|vừa\s+|mới\s+)?(?:ký\s+)?ban hành\s+(?:các văn bản\s*:?\s*)?$")

# A group's clause after a semicolon, directed on its own: "X đưa … vào chương trình …; các huyện ủy, thành ủy xây dựng
# kế hoạch … trước ngày …" (not the group working with X: "…; các sở, ngành phối hợp")
GROUP_CLAUSE_RE = re.compile(
    r";\s*(?=(?:các|những)\s+(?:huyện ủy|thành ủy|thị ủy|quận ủy|cấp ủy|đảng ủy|chi bộ|sở|ban|ngành|cơ quan|đơn vị|"
    r"địa phương|xã|phường)\b(?![^;.]{0,80}?\b(?:phối hợp|cùng)\b))"
)
# a body name directly followed by the units it stands for is a group: "Ban Thường vụ các huyện ủy, thị ủy"; so is a
# named body with a group after it ("Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội …": the gold
# of probes 3-6 keys none of five such directions, probe12's keys its two)
GROUP_AFTER_BODY_RE = re.compile(r"\s*(?:(?:,|và)\s+)?(?:các|những)\b")

# --- clauses around a cited document, and deadlines said by reference -----------------------------------
# A time said before the clause's subject: "Thời gian tới, Ban Thường vụ Huyện ủy …", "Trong năm 2025, Sở …"
TIME_OPENER = (
    r"(?i:(?:trong\s+)?(?:thời gian tới|những tháng cuối năm(?:\s+\d{4})?|năm\s+\d{4}|từ nay(?:\s+đến)?[^,.;\n]{0,30}))"
    r"\s*,\s*"
)
# Where a clause of a task ends: a ";", a sentence's full stop before a capital (not an abbreviation's: "TP. Huế"), or
# a time's year before the next clause ("khởi công … trong quý I/2026 và hoàn thành … trong năm 2026", "sơ kết vào quý
# IV/2027, tổng kết vào năm 2030"); not a horizon's ("đến năm 2030, tầm nhìn …") nor a period's ("2021 - 2025, …")
CLAUSE_END_RE = re.compile(
    r";\s+|(?<=[a-zà-ỹđ0-9)])\.\s+(?=["
    + UPPER
    + r"])|(?<=[/ ]\d{4})(?<!đến năm \d{4})(?<!\d - \d{4})(?:,\s+(?:và\s+)?|\s+và\s+)(?=[a-zà-ỹđ])"
)
# After a council's standing body, the council's own groups, then what they all do: "Thường trực Hội đồng nhân dân, các
# Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân xã giám sát việc thực hiện Nghị quyết"
COUNCIL_GROUPS_THEN_VERB_RE = re.compile(r"\s*,\s*các\s+(?:Ban|Tổ)\b[^.;\n]{0,160}?\s(?:giám sát|theo dõi|kiểm tra)\b")
# "…, cùng thời gian trên": the deadline of the assignment before
SAME_TIME_RE = re.compile(r"(?:cùng|như)\s+(?:thời gian|thời hạn|tiến độ)\s+(?:nêu\s+)?trên", re.I)
# What follows a cited document before a verb that is its own: a date and an issuer (of a province "(cũ)", before the
# 2025 merger), not a title ("… về thi hành Điều lệ Đảng và Hướng dẫn số 26" is the unit's list)
CITED_TAIL_RE = re.compile(
    r"\s*,?\s*(?:(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4})?\s*(?:của\s+(?:(?!\svề\s)[^,;.()]){0,80}?(?:\s*\(cũ\))?)?\s*"
)
# A clause of a preamble's own that carries out ("Căn cứ A; thực hiện B"), and the words of a basis
CARRY_CLAUSE_RE = re.compile(r"(?:^|[;,]\s*)(?:và\s+)?(?:để\s+)?(?:thực hiện|triển khai)", re.I)
BASIS_RE = re.compile(r"căn cứ|trên cơ sở", re.I)  # "…; trên cơ sở … theo Nghị quyết 202, Ban Thường vụ ban hành"
# What stands between two documents of one list: a comma or "và", after a short remark ("(trước hợp nhất)")
LISTED_RE = re.compile(r"\s*(?:\([^()]{0,80}\))?\s*(?:,|và|,\s*và)\s*")
