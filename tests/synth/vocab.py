"""Vocabulary of the synthetic corpus, as data: provinces, bodies, names, phrases, topics.

Provinces come from ``data/reference/provinces.csv`` (the 63 units before the 2025 merger)
and district names from ``data/gazetteer/districts_2024.csv``; everything else is listed here.
Texts are written in the old tone placement (``hóa``, ``ủy``); ``render`` converts some
documents to the new placement (``hoá``, ``uỷ``).
"""

from __future__ import annotations

import csv
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]  # tests/synth/vocab.py → the repository
PROVINCES_CSV = REPO / "data" / "reference" / "provinces.csv"
DISTRICTS_CSV = REPO / "data" / "gazetteer" / "districts_2024.csv"

CITY_SLUGS = frozenset({"ha-noi", "hai-phong", "da-nang", "ho-chi-minh", "can-tho"})
SEATS = {  # place printed before the date when it is not the province's own name
    "thua-thien-hue": "Huế",
    "ho-chi-minh": "Thành phố Hồ Chí Minh",
    "dak-lak": "Buôn Ma Thuột",
    "lam-dong": "Đà Lạt",
    "khanh-hoa": "Nha Trang",
    "ba-ria-vung-tau": "Bà Rịa",
    "kien-giang": "Rạch Giá",
    "binh-dinh": "Quy Nhơn",
    "gia-lai": "Pleiku",
    "dak-nong": "Gia Nghĩa",
    "binh-thuan": "Phan Thiết",
    "ninh-thuan": "Phan Rang - Tháp Chàm",
    "binh-duong": "Thủ Dầu Một",
    "quang-ninh": "Hạ Long",
    "nghe-an": "Vinh",
    "an-giang": "Long Xuyên",
    "dong-nai": "Biên Hòa",
}
_FALLBACK = [
    "Hà Nội",
    "Thái Nguyên",
    "Tuyên Quang",
    "Thanh Hóa",
    "Yên Bái",
    "Bình Dương",
    "Ninh Thuận",
    "Thừa Thiên Huế",
    "Lai Châu",
    "Cà Mau",
]


@dataclass(frozen=True, slots=True)
class Province:
    """A province before the 1 July 2025 merger."""

    name: str
    slug: str
    city: bool  # centrally governed city: Thành ủy, thành phố
    seat: str  # place printed before the date
    term_2020: int  # number of the provincial Party Congress term 2020-2025 (2015-2020 is one less)
    districts: tuple[str, ...]

    @property
    def committee(self) -> str:
        """``Tỉnh ủy`` or ``Thành ủy``."""
        return "Thành ủy" if self.city else "Tỉnh ủy"

    @property
    def unit(self) -> str:
        """``tỉnh`` or ``thành phố``."""
        return "thành phố" if self.city else "tỉnh"


def _slug(text: str) -> str:
    from ontology.iris import slug

    return slug(text)


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 63 provinces (from the reference CSV; a short built-in list only if it is missing)."""
    names: list[tuple[str, str]] = []
    if PROVINCES_CSV.exists():
        with PROVINCES_CSV.open(encoding="utf-8") as f:
            names = [(r["name_vi"], r["slug"]) for r in csv.DictReader(f) if r["period"] == "before_2025"]
    if not names:
        names = [(n, _slug(n)) for n in _FALLBACK]
    districts: dict[str, list[str]] = {}
    if DISTRICTS_CSV.exists():
        with DISTRICTS_CSV.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                districts.setdefault(r["province"], []).append(r["short_name"])
    out = []
    for name, slug in names:
        h = zlib.crc32(slug.encode())
        ds = tuple(districts.get(name) or ("Trung tâm", "Bắc", "Nam", "Đông", "Tây"))
        out.append(
            Province(
                name=name,
                slug=slug,
                city=slug in CITY_SLUGS,
                seat=SEATS.get(slug, name),
                term_2020=10 + h % 12,
                districts=ds,
            )
        )
    return tuple(out)


ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    """Roman numeral.

    >>> roman(19), roman(14), roman(21)
    ('XIX', 'XIV', 'XXI')
    """
    out = ""
    for v, s in ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def stable_hash(*parts: object) -> int:
    """A hash that is the same on every run (unlike ``hash``)."""
    return zlib.crc32("|".join(map(str, parts)).encode())


# -- people ------------------------------------------------------------------------------------
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Lò",
    "Hà",
    "Lại",
    "Trịnh",
    "Đinh",
    "Mai",
    "Lương",
    "Tô",
    "Triệu",
]
MIDDLES = [
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Hữu",
    "Quang",
    "Thanh",
    "Xuân",
    "Đình",
    "Công",
    "Trọng",
    "Ngọc",
    "Hoàng",
    "Duy",
    "Tiến",
    "Thế",
    "Kim",
    "Đăng",
    "Bá",
    "Mạnh",
]
GIVENS = [
    "Hưng",
    "Sơn",
    "Dung",
    "Lợi",
    "Chinh",
    "Thanh",
    "Bình",
    "Tuấn",
    "Sinh",
    "Nhân",
    "Lưu",
    "Hải",
    "Hà",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Thắng",
    "Vinh",
    "Yến",
    "Hương",
    "Lan",
    "Trung",
    "Kiên",
    "Cường",
    "Dũng",
    "Giang",
    "Hiếu",
    "Khánh",
    "Linh",
    "Mai",
    "Nga",
    "Phúc",
    "Tâm",
    "Thảo",
    "Toàn",
]


def person(*key: object) -> str:
    """A deterministic Vietnamese name for a role (province, term, role)."""
    h = stable_hash(*key)
    return f"{SURNAMES[h % len(SURNAMES)]} {MIDDLES[(h >> 8) % len(MIDDLES)]} {GIVENS[(h >> 16) % len(GIVENS)]}"


# -- provincial bodies (names as printed; ``{c}`` = Tỉnh ủy/Thành ủy, ``{u}`` = tỉnh/thành phố) -----
def bodies(year: int, month: int) -> dict[str, str]:
    """Provincial bodies that lead or partner tasks, by role, as they were named at that date."""
    after = (year, month) >= (2025, 3)  # the 2025 reorganisation of the Party apparatus
    return {
        "ubnd": "Đảng ủy Ủy ban nhân dân {u}" if after else "Ban cán sự đảng Ủy ban nhân dân {u}",
        "hdnd": "Đảng đoàn Hội đồng nhân dân {u}",
        "mttq": "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam {u}",
        "tuyengiao": "Ban Tuyên giáo và Dân vận {c}" if after else "Ban Tuyên giáo {c}",
        "danvan": "Ban Tuyên giáo và Dân vận {c}" if after else "Ban Dân vận {c}",
        "tochuc": "Ban Tổ chức {c}",
        "noichinh": "Ban Nội chính {c}",
        "ubkt": "Ủy ban Kiểm tra {c}",
        "vanphong": "Văn phòng {c}",
        "conggan": "Đảng ủy Công an {u}",
        "quansu": "Đảng ủy Quân sự {u}",
        "khoi": "Đảng ủy các cơ quan Đảng {u}" if after else "Đảng ủy Khối các cơ quan {u}",
    }


LEAD_ROLES = [
    "ubnd",
    "ubnd",
    "ubnd",
    "tuyengiao",
    "tochuc",
    "vanphong",
    "ubkt",
    "hdnd",
    "mttq",
    "danvan",
    "noichinh",
    "conggan",
    "quansu",
    "khoi",
]
SO = [
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tài nguyên và Môi trường",
    "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Thông tin và Truyền thông",
    "Sở Tư pháp",
    "Sở Giao thông vận tải",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Công an {u}",
    "Bộ Chỉ huy Quân sự {u}",
    "Thanh tra {u}",
]
SUBORDINATE = {
    "ubnd": "Ủy ban nhân dân {u}",
    "hdnd": "Hội đồng nhân dân {u}",
    "mttq": "Mặt trận và các tổ chức chính trị - xã hội",
}

# -- phrases ----------------------------------------------------------------------------------
VERBS = [
    "Tiếp tục đẩy mạnh",
    "Tập trung lãnh đạo, chỉ đạo",
    "Nâng cao chất lượng, hiệu quả",
    "Triển khai đồng bộ các giải pháp về",
    "Rà soát, hoàn thiện",
    "Tăng cường kiểm tra, giám sát",
    "Chủ động xây dựng kế hoạch về",
    "Đẩy nhanh tiến độ",
    "Thực hiện nghiêm",
    "Quan tâm bố trí nguồn lực cho",
    "Đổi mới nội dung, phương thức",
    "Làm tốt",
    "Chỉ đạo thực hiện hiệu quả",
    "Khẩn trương hoàn thành",
    "Kiện toàn, nâng cao năng lực",
    "Tổ chức sơ kết, đánh giá",
]
OBJECTS = [
    "công tác cải cách hành chính, trọng tâm là cải cách thủ tục hành chính",
    "chuyển đổi số trong các cơ quan đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể",
    "giải ngân vốn đầu tư công, nhất là các công trình, dự án trọng điểm",
    "công tác bồi thường, hỗ trợ, tái định cư, giải phóng mặt bằng",
    "công tác quản lý nhà nước về đất đai, tài nguyên, khoáng sản, môi trường",
    "công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
    "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
    "công tác cán bộ, quy hoạch, đào tạo, bồi dưỡng cán bộ lãnh đạo, quản lý các cấp",
    "công tác tuyên truyền, định hướng dư luận xã hội",
    "xây dựng nông thôn mới, đô thị văn minh",
    "các Chương trình mục tiêu quốc gia trên địa bàn",
    "công tác bảo vệ và phát triển rừng, phòng cháy, chữa cháy rừng",
    "thu ngân sách nhà nước, chống thất thu, nuôi dưỡng nguồn thu",
    "công tác bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
    "công tác dân vận, phát huy quyền làm chủ của Nhân dân",
    "chất lượng giáo dục, đào tạo và phát triển nguồn nhân lực",
    "công tác chăm sóc sức khỏe Nhân dân, phòng, chống dịch bệnh",
    "công tác giảm nghèo bền vững, bảo đảm an sinh xã hội",
    "phát triển du lịch, dịch vụ gắn với bảo tồn di sản văn hóa",
    "thu hút đầu tư, cải thiện môi trường đầu tư kinh doanh",
    "sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả",
    "công tác phát triển đảng viên, nâng cao chất lượng sinh hoạt chi bộ",
    "ứng dụng khoa học, công nghệ và đổi mới sáng tạo",
    "phòng, chống thiên tai, ứng phó với biến đổi khí hậu",
    "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
]
QUALS = [
    "gắn với trách nhiệm của người đứng đầu",
    "bảo đảm thực chất, hiệu quả",
    "phù hợp với điều kiện thực tế của địa phương",
    "không để xảy ra tình trạng né tránh, đùn đẩy trách nhiệm",
    "kịp thời tháo gỡ khó khăn, vướng mắc",
    "bảo đảm đúng quy định, công khai, minh bạch",
    "nhất là ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số",
    "tạo chuyển biến rõ nét trong năm",
]
ACTIONS = [
    "xây dựng kế hoạch cụ thể, phân công rõ cơ quan chủ trì, lộ trình thực hiện",
    "tham mưu ban hành cơ chế, chính sách đặc thù của {u}",
    "hướng dẫn việc học tập, quán triệt và tuyên truyền",
    "theo dõi, đôn đốc, tổng hợp tình hình thực hiện, báo cáo Ban Thường vụ {c}",
    "rà soát, kiện toàn đội ngũ cán bộ làm công tác chuyên môn",
    "bố trí kinh phí hằng năm để thực hiện các nhiệm vụ",
    "đưa nội dung lãnh đạo, chỉ đạo thực hiện vào chương trình kiểm tra, giám sát hằng năm",
    "tăng cường giám sát việc thi hành chính sách, pháp luật",
    "vận động đoàn viên, hội viên và Nhân dân tích cực tham gia",
    "hoàn chỉnh hồ sơ, trình Hội đồng nhân dân {u} xem xét, quyết định",
    "tổ chức sơ kết, rút kinh nghiệm và đề xuất giải pháp",
]
RESULTS = [
    "Kinh tế - xã hội của {u} tiếp tục phát triển, đời sống Nhân dân được cải thiện và nâng cao.",
    "Tốc độ tăng trưởng kinh tế ước đạt {pct}%, cao hơn bình quân chung cả nước.",
    "Thu ngân sách nhà nước trên địa bàn đạt {pct2}% dự toán, tăng so với cùng kỳ.",
    "Công tác xây dựng Đảng và hệ thống chính trị được quan tâm, có nhiều chuyển biến tích cực.",
    "Quốc phòng, an ninh được giữ vững; trật tự an toàn xã hội được bảo đảm.",
    "Các lĩnh vực văn hóa - xã hội, giáo dục - đào tạo, y tế tiếp tục được nâng lên.",
]
WEAKNESSES = [
    "Tiến độ giải ngân vốn đầu tư công ở một số chủ đầu tư còn chậm.",
    "Công tác giải phóng mặt bằng một số dự án trọng điểm còn vướng mắc, kéo dài.",
    "Một số chỉ tiêu đạt thấp, có nguy cơ không hoàn thành kế hoạch năm.",
    "Việc nắm bắt, dự báo tình hình có lúc, có nơi chưa kịp thời, chưa đầy đủ.",
    "Tình trạng né tránh, sợ trách nhiệm còn xảy ra ở một bộ phận cán bộ.",
]
PROJECTS = [
    "đường cao tốc {a} - {b}",
    "đường ven biển {p}",
    "Bệnh viện đa khoa {p}",
    "Khu công nghiệp {a}",
    "hồ chứa nước {a}",
    "Khu đô thị mới {a}",
    "đường trục phát triển {a} - {b}",
    "cầu {a}",
    "Trung tâm hành chính {p}",
    "kè chống sạt lở bờ sông {a}",
]

# -- titles of central documents (``về …``) and of provincial topics -------------------------------
TOPICS = [
    "về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    "về tăng cường sự lãnh đạo của Đảng đối với công tác quản lý, bảo vệ và phát triển rừng",
    "về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045",
    "về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
    "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "về xây dựng đội ngũ trí thức trong giai đoạn mới",
    "về công tác dân vận trong tình hình mới",
    "về tăng cường công tác phòng, chống tham nhũng, tiêu cực",
    "về phát triển văn hóa, con người Việt Nam",
    "về chiến lược phát triển bền vững kinh tế biển",
    "về công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
    "về đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "về tăng cường công tác kiểm tra, giám sát của Đảng",
    "về phát triển kinh tế tư nhân",
    "về công tác cán bộ và kiểm soát quyền lực",
    "về bảo đảm an ninh mạng, an ninh thông tin",
    "về phát triển vùng đồng bào dân tộc thiểu số và miền núi",
    "về thực hành tiết kiệm, chống lãng phí",
    "về công tác quy hoạch, luân chuyển cán bộ",
    "về sắp xếp đơn vị hành chính cấp huyện, cấp xã",
    "về tăng cường công tác bảo đảm trật tự, an toàn giao thông",
    "về phát triển nguồn nhân lực chất lượng cao",
    "về xây dựng và phát triển đô thị bền vững",
    "về công tác thông tin đối ngoại",
    "về tăng cường công tác giảm nghèo bền vững",
    "về phát triển năng lượng quốc gia",
    "về bảo vệ môi trường và ứng phó với biến đổi khí hậu",
]
