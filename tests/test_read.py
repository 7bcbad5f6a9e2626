"""Reading: encodings, normal forms, line ends, HTML pages, .docx and .pdf built here, sidecar
metadata and the manifest. Every document is written by the test into a temporary folder and
read through ``loaders.read`` / ``loaders.extract_file`` as ``vankien`` does."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from fixtures.vkbuild import make_docx, make_pdf
from loaders import extract_file
from loaders.read import read, unify_tones
from core.errors import InputError

SAMPLE = (
    "TỈNH UỶ LẠNG SƠN\n"
    "Số 45-KH/TU\n\n"
    "Lạng Sơn, ngày 12 tháng 3 năm 2024\n\n"
    "KẾ HOẠCH\n"
    "thực hiện Nghị quyết số 11-NQ/TW, ngày 10/02/2022 của Bộ Chính trị\n\n"
    "Thực hiện Nghị quyết số 11-NQ/TW, ngày 10/02/2022 của Bộ Chính trị về phương hướng phát triển "
    "kinh tế - xã hội vùng trung du và miền núi Bắc Bộ, Ban Thường vụ Tỉnh uỷ ban hành Kế hoạch như sau:\n\n"
    "I. NHIỆM VỤ, GIẢI PHÁP\n\n"
    "1. Giao Ban cán sự đảng Uỷ ban nhân dân tỉnh chủ trì, phối hợp với Ban Tuyên giáo Tỉnh uỷ "
    "xây dựng đề án phát triển kinh tế cửa khẩu, hoàn thành trước ngày 30/6/2024.\n"
)


def cp1258_bytes(text: str) -> bytes:
    """Encode as Windows-1258 does: base letters with â ê ô ă ơ ư đ precomposed, tone marks combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append(base + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


NFC_SAMPLE = unicodedata.normalize("NFC", SAMPLE)

ENCODINGS = [
    ("utf8.txt", lambda s: s.encode("utf-8")),
    ("utf8-bom.txt", lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")),
    ("utf16.txt", lambda s: s.encode("utf-16")),  # with BOM
    ("utf16-be.txt", lambda s: b"\xfe\xff" + s.encode("utf-16-be")),
    ("cp1258.txt", cp1258_bytes),
    ("nfd.txt", lambda s: unicodedata.normalize("NFD", s).encode("utf-8")),
    ("crlf.txt", lambda s: s.replace("\n", "\r\n").encode("utf-8")),
    ("cr.txt", lambda s: s.replace("\n", "\r").encode("utf-8")),
]


@pytest.mark.parametrize("name,encode", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_every_encoding_reads_to_the_same_nfc_text(tmp_path, name, encode):
    src = read(write(tmp_path, name, encode(SAMPLE)))
    assert src.text == NFC_SAMPLE
    assert len(src.match) == len(src.text)


@pytest.mark.parametrize("name,encode", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_every_encoding_extracts_the_same_facts(tmp_path, name, encode):
    doc = extract_file(write(tmp_path, name, encode(SAMPLE)))
    assert [(c.symbol, c.date, c.issuer) for c in doc.citations] == [("11-NQ/TW", "2022-02-10", "Bộ Chính trị")]
    assert (doc.kind, doc.symbol, doc.date, doc.province) == ("plan", "45-KH/TU", "2024-03-12", "Lạng Sơn")
    (task,) = [t for t in doc.tasks if t.leads]
    assert [b.name for b in task.leads] == ["Ban cán sự đảng Ủy ban nhân dân tỉnh"]
    assert [b.name for b in task.partners] == ["Ban Tuyên giáo Tỉnh ủy"]
    assert task.deadline == "2024-06-30"


def test_spans_point_into_the_display_text(tmp_path):
    doc = extract_file(write(tmp_path, "nfd.txt", unicodedata.normalize("NFD", SAMPLE).encode()))
    (c,) = doc.citations
    assert {doc.text[s:e] for s, e in c.mentions} == {"11-NQ/TW"}
    assert "Tỉnh uỷ" in doc.text  # the display text keeps the printed tone placement


@pytest.mark.parametrize(
    "old,new",
    [
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("Uỷ ban", "Ủy ban"),
        ("khoá XII", "khóa XII"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("TỈNH UỶ", "TỈNH ỦY"),
        # `qu` is a consonant: the tone of quý, Quỹ, quỳ already sits on the vowel
        ("trong quý I năm 2024", "trong quý I năm 2024"),
        ("Quỹ phát triển đất", "Quỹ phát triển đất"),
        ("Hoàng", "Hoàng"),
        ("hoạch", "hoạch"),
    ],
)
def test_tone_unification(old, new):
    assert unify_tones(old) == new


def test_old_and_new_tones_extract_the_same_bodies(tmp_path):
    old = extract_file(write(tmp_path, "old.txt", SAMPLE))
    new = extract_file(write(tmp_path, "new.txt", SAMPLE.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("UỶ", "ỦY")))
    assert [[b.name for b in t.leads] for t in old.tasks] == [[b.name for b in t.leads] for t in new.tasks]
    assert old.province == new.province == "Lạng Sơn"


def test_markdown_emphasis_and_headings_do_not_hide_facts(tmp_path):
    md = (
        "**TỈNH ỦY LẠNG SƠN**  \nSố 45-KH/TU\n\n*Lạng Sơn, ngày 12 tháng 3 năm 2024*\n\n# KẾ HOẠCH\n\n"
        "## thực hiện *Nghị quyết số 11-NQ/TW*, ngày 10/02/2022 của Bộ Chính trị\n\n"
        "### I. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "**1.** Giao **Ban Tổ chức Tỉnh ủy** chủ trì tham mưu đề án, hoàn thành *trước ngày 15/4/2024*.\n"
    )
    doc = extract_file(write(tmp_path, "a.md", md))
    assert (doc.kind, doc.symbol, doc.date) == ("plan", "45-KH/TU", "2024-03-12")
    assert [(c.symbol, c.date) for c in doc.citations] == [("11-NQ/TW", "2022-02-10")]
    assert [([b.name for b in t.leads], t.deadline) for t in doc.tasks if t.leads] == [
        (["Ban Tổ chức Tỉnh ủy"], "2024-04-15")
    ]
    assert "**" in doc.text  # display text as printed


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin - Báo Sơn La</title>
<script>var x = "Nghị quyết số 99-NQ/TW";</script><style>p{color:red}</style></head>
<body><header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/ct">Chính trị</a></li>
<li><a href="/nq">Quán triệt Nghị quyết số 57-NQ/TW</a></li></ul></nav></header>
<main><article><h1>Ban Thường vụ Tỉnh ủy Sơn La họp phiên thường kỳ</h1>
<p>Sáng 5/3/2025, Ban Thường vụ Tỉnh ủy Sơn La họp cho ý kiến về dự thảo Kế hoạch thực hiện
Kết luận số 127-KL/TW ngày 28/02/2025 của Bộ Chính trị, Ban Bí thư.</p>
<p>Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy đề nghị Ban Tổ chức Tỉnh ủy chủ trì hoàn thiện phương án,
trình Ban Thường vụ Tỉnh ủy trước ngày 15/3/2025.</p></article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Triển khai Chỉ thị số 45-CT/TW</a></li></ul></aside></main>
<footer><p>Giấy phép số 250/GP-BTTTT. Ghi rõ nguồn khi phát hành lại.</p></footer></body></html>"""


def test_html_press_page_reads_only_the_article(tmp_path):
    src = read(write(tmp_path, "tin.html", HTML))
    assert "Ban Thường vụ Tỉnh ủy Sơn La họp cho ý kiến" in src.text
    for outside in ("Trang chủ", "57-NQ/TW", "45-CT/TW", "250/GP-BTTTT", "99-NQ/TW", "color:red"):
        assert outside not in src.text
    doc = extract_file(tmp_path / "tin.html")
    assert [c.symbol for c in doc.citations] == ["127-KL/TW"]
    assert doc.province == "Sơn La"


def test_html_entities_and_encoding_declared_in_the_page(tmp_path):
    page = (
        "<html><head><meta charset='windows-1258'></head><body><article><p>Th&#7921;c hi&#7879;n "
        "Ngh&#7883; quy&#7871;t s&#7889; 18-NQ/TW, ng&agrave;y 16/6/2022 c&#7911;a Ban Ch&#7845;p h&agrave;nh "
        "Trung &#432;&#417;ng &#272;&#7843;ng kh&oacute;a XIII, các cấp ủy tổ chức quán triệt sâu rộng đến "
        "cán bộ, đảng viên và Nhân dân trong toàn tỉnh.</p></article></body></html>"
    )
    doc = extract_file(write(tmp_path, "e.html", cp1258_bytes(page)))
    assert [(c.symbol, c.date) for c in doc.citations] == [("18-NQ/TW", "2022-06-16")]
    assert "Thực hiện Nghị quyết số 18-NQ/TW" in doc.text


DOCX_PARAS = [
    "TỈNH ỦY SƠN LA",
    "Số 312-KH/TU",
    "Sơn La, ngày 26 tháng 02 năm 2025",
    "KẾ HOẠCH",
    "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ",
    "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch.",
    "III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ",
]
DOCX_TABLE = [
    ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    [
        "1",
        "Xây dựng Đề án chuyển đổi số tỉnh",
        "Ban cán sự đảng UBND tỉnh",
        "Sở Khoa học và Công nghệ",
        "Trước ngày 30/6/2025",
    ],
    [
        "2",
        "Tổ chức quán triệt Nghị quyết số 57-NQ/TW",
        "Ban Tuyên giáo Tỉnh ủy",
        "Các huyện ủy, thành ủy",
        "Trước ngày 31/3/2025",
    ],
]


def test_docx_paragraphs_and_table_are_read(tmp_path):
    src = read(write(tmp_path, "kh.docx", make_docx(DOCX_PARAS, DOCX_TABLE)))
    for p in DOCX_PARAS:
        assert p in src.text
    for row in DOCX_TABLE:
        for cell in row:
            assert cell in src.text


def test_docx_task_table_gives_lead_partner_and_deadline(tmp_path):
    doc = extract_file(write(tmp_path, "kh.docx", make_docx(DOCX_PARAS, DOCX_TABLE)))
    assert (doc.kind, doc.symbol, doc.date, doc.province) == ("plan", "312-KH/TU", "2025-02-26", "Sơn La")
    rows = [([b.name for b in t.leads], [b.name for b in t.partners], t.deadline) for t in doc.tasks if t.leads]
    assert (["Ban cán sự đảng Ủy ban nhân dân tỉnh"], ["Sở Khoa học và Công nghệ"], "2025-06-30") in rows
    assert (["Ban Tuyên giáo Tỉnh ủy"], [], "2025-03-31") in rows


PDF_LINES = [
    "TỈNH ỦY NGHỆ AN",
    "Số 26-CTr/TU",
    "Nghệ An, ngày 05 tháng 10 năm 2023",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "thực hiện Nghị quyết số 39-NQ/TW, ngày 18/7/2023 của Bộ Chính trị về xây dựng và phát triển",
    "tỉnh Nghệ An đến năm 2030, tầm nhìn đến năm 2045",
    "I. NHIỆM VỤ, GIẢI PHÁP",
    "1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn việc",
    "học tập, quán triệt Nghị quyết số 39-NQ/TW, hoàn thành trước ngày 30/11/2023.",
]


def test_pdf_text_layer_is_read_with_vietnamese_letters(tmp_path):
    src = read(write(tmp_path, "ctr.pdf", make_pdf(PDF_LINES)))
    for line in PDF_LINES:
        assert line in src.text
    doc = extract_file(tmp_path / "ctr.pdf")
    assert (doc.kind, doc.symbol, doc.date, doc.province) == ("program", "26-CTr/TU", "2023-10-05", "Nghệ An")
    assert [(c.symbol, c.date) for c in doc.citations] == [("39-NQ/TW", "2023-07-18")]
    assert [([b.name for b in t.leads], t.deadline) for t in doc.tasks if t.leads] == [
        (["Ban Tuyên giáo Tỉnh ủy"], "2023-11-30")
    ]


NO_PROVINCE = (
    "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15\n\n"
    "Hội nghị đã thảo luận, cho ý kiến về việc thực hiện Nghị quyết số 23-NQ/TU của Tỉnh ủy "
    "và thống nhất các nhiệm vụ trọng tâm những tháng cuối năm.\n"
)


def test_sidecar_metadata_fills_and_overrides(tmp_path):
    p = write(tmp_path, "bao.txt", NO_PROVINCE)
    assert extract_file(p).province is None
    (tmp_path / "bao.meta.yaml").write_text(
        "province: Điện Biên\ndate: 2024-06-20\nsource: https://example.org/a\n", encoding="utf-8"
    )
    doc = extract_file(p)
    assert (doc.province, doc.date) == ("Điện Biên", "2024-06-20")


def test_manifest_row_fills_province_and_date(tmp_path):
    p = write(tmp_path, "bao.txt", NO_PROVINCE)
    write(tmp_path, "other.txt", NO_PROVINCE)
    (tmp_path / "manifest.csv").write_text(
        "file,kind,province,date,source\nbao.txt,news_report,Cao Bằng,2024-05,https://example.org/b\n"
        "other.txt,news_report,Hà Tĩnh,2023-11-02,\n",
        encoding="utf-8",
    )
    doc = extract_file(p)
    assert (doc.province, doc.date, doc.kind) == ("Cao Bằng", "2024-05", "news_report")
    assert extract_file(tmp_path / "other.txt").province == "Hà Tĩnh"


def test_sidecar_wins_over_the_text(tmp_path):
    p = write(tmp_path, "kh.txt", SAMPLE)
    (tmp_path / "kh.meta.yaml").write_text("province: Cao Bằng\n", encoding="utf-8")
    assert extract_file(p).province == "Cao Bằng"


def test_leading_date_line_is_metadata_not_text(tmp_path):
    doc = extract_file(write(tmp_path, "s.txt", "date 2024-04\n\n" + NO_PROVINCE))
    assert doc.date == "2024-04"
    assert doc.text.lstrip().startswith("Hội nghị")
    assert doc.meeting is not None and doc.meeting.number == 15


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \r\n", "empty"),
        ("nul.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        (
            "cyrillic.txt",
            ("Постановление Центрального комитета о развитии экономики региона. " * 20).encode("koi8-r"),
            "encoding",
        ),
        ("broken.docx", make_docx(["Số 1-KH/TU"])[:900], "docx"),
        ("broken.pdf", make_pdf(PDF_LINES)[:700], "pdf"),
    ],
)
def test_unreadable_files_raise_input_error_naming_the_file(tmp_path, name, data, reason):
    p = write(tmp_path, name, data)
    with pytest.raises(InputError) as e:
        read(p)
    msg = str(e.value)
    assert name in msg and reason in msg.lower() and "\n" not in msg


def test_markdown_links_read_as_their_words(tmp_path) -> None:
    from loaders import extract_source

    path = tmp_path / "kh.md"
    path.write_text(
        "Thực hiện [Kết luận số 126-KL/TW](https://tulieuvankien.dangcongsan.vn/126-kl-tw) ngày 14/02/2025 của Bộ "
        "Chính trị, Ban Bí thư; ảnh ![Hội nghị](/img/a.jpg).\n",
        encoding="utf-8",
    )
    source = read(path)
    assert "Kết luận số 126-KL/TW ngày 14/02/2025" in source.text and "https://" not in source.text
    (cited,) = extract_source(source).citations
    assert (cited.symbol, cited.date, cited.issuer) == ("126-KL/TW", "2025-02-14", "Bộ Chính trị, Ban Bí thư")
