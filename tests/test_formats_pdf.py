"""PDFs built here with reportlab, read as a careful reader would: the two-column header (left
column, then right), page headers, footers and page numbers gone, lines of a paragraph joined so
that a symbol or a phrase broken at a line end reads whole, a ruled table as a Markdown pipe table
in its place; a scan (page images only) read by Tesseract, and a clear refusal without it."""

from __future__ import annotations

import io

import pytest

from loaders import extract_source
from loaders.formats import ocr
from loaders.read import read
from render_formats import _fonts, scanned_pdf
from core.errors import InputError

LEFT = ["ĐẢNG BỘ TỈNH SƠN LA", "TỈNH ỦY", "*", "Số 12-KH/TU"]
RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Sơn La, ngày 05 tháng 3 năm 2024"]
RUNNING = "Kế hoạch số 12-KH/TU của Ban Thường vụ Tỉnh ủy Sơn La"
PAGE1 = [  # (indent, line): a paragraph starts indented; every line but its last runs to the margin
    (25, "Thực hiện Kết luận số 21-KL/"),
    (0, "TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh"),
    (0, "đốn Đảng và hệ thống chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau."),
    (0, "I. NHIỆM VỤ, GIẢI PHÁP"),
    (25, "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tham mưu tổ chức quán"),
    (0, "triệt Kết luận đến cán bộ, đảng viên, hoàn thành trước ngày 30/6/2024; Ban Dân vận Tỉnh ủy chủ"),
    (0, "trì vận động Nhân dân tham gia góp ý xây dựng Đảng."),
]
TABLE = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
    ["1", "Xây dựng đề án", "Ban cán sự đảng UBND tỉnh", "Sở Tài chính", "Quý IV/2024"],
    ["2", "Sơ kết thực hiện", "Văn phòng Tỉnh ủy", "Các ban đảng", "Năm 2025"],
]


def build() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width = A4[0]

    def furniture(page: int) -> None:
        c.setFont("DejaVuSans", 9)
        if page > 1:
            c.drawCentredString(width / 2, 815, RUNNING)
        c.drawCentredString(width / 2, 28, f"- {page} -")
        c.setFont("DejaVuSans", 11)

    furniture(1)
    for i, line in enumerate(LEFT):
        c.drawCentredString(165, 780 - 15 * i, line)
    for i, line in enumerate(RIGHT):
        c.drawCentredString(420, 780 - 15 * i, line)
    c.drawCentredString(width / 2, 700, "KẾ HOẠCH")
    y = 660
    for indent, line in PAGE1:
        c.drawString(60 + indent, y, line)
        y -= 17
    c.showPage()
    furniture(2)
    c.drawString(60, 780, "II. PHÂN CÔNG THỰC HIỆN")
    xs, top, h = [60, 95, 230, 350, 460, 540], 760, 30
    c.grid(xs, [top - h * i for i in range(len(TABLE) + 1)])
    c.setFont("DejaVuSans", 8)
    for r, row in enumerate(TABLE):
        for k, cell in enumerate(row):
            c.drawString(xs[k] + 3, top - h * r - 18, cell)
    c.setFont("DejaVuSans", 11)
    c.drawString(85, top - h * len(TABLE) - 30, "Các cấp ủy tổ chức thực hiện nghiêm Kế hoạch này.")
    c.showPage()
    furniture(3)
    c.drawString(85, 780, "Kế hoạch này được phổ biến đến chi bộ.")
    c.drawString(60, 740, "Nơi nhận:")
    c.drawCentredString(420, 740, "T/M BAN THƯỜNG VỤ")
    c.drawString(60, 725, "- Ban Bí thư (b/c),")
    c.drawCentredString(420, 725, "BÍ THƯ")
    c.drawString(60, 710, "- Lưu Văn phòng Tỉnh ủy.")
    c.drawCentredString(420, 660, "Nguyễn Hữu Đông")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "kh.pdf"
    path.write_bytes(build())
    return read(path)


def test_the_header_is_read_column_by_column(source) -> None:
    blocks = source.text.split("\n\n")
    assert blocks[:3] == ["\n".join(LEFT), "\n".join(RIGHT), "KẾ HOẠCH"]
    assert source.method == "pdf"


@pytest.mark.parametrize(
    "whole",
    [
        "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh "
        "xây dựng, chỉnh đốn Đảng và hệ thống chính trị, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau.",
        "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tham mưu tổ chức quán triệt",
        "Ban Dân vận Tỉnh ủy chủ trì vận động",
        "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| 1 | Xây dựng đề án | Ban cán sự đảng UBND tỉnh | Sở Tài chính | Quý IV/2024 |\n"
        "| 2 | Sơ kết thực hiện | Văn phòng Tỉnh ủy | Các ban đảng | Năm 2025 |",
        "Nơi nhận:\n- Ban Bí thư (b/c),\n- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Hữu Đông",
    ],
)
def test_lines_of_a_paragraph_and_tables_read_whole(source, whole) -> None:
    assert whole in source.text


@pytest.mark.parametrize("furniture", [RUNNING, "- 2 -", "- 3 -", "\n2\n"])
def test_page_headers_footers_and_numbers_are_gone(source, furniture) -> None:
    assert furniture not in source.text


def test_the_order_of_paragraphs_and_table(source) -> None:
    t = source.text
    assert t.index("I. NHIỆM VỤ") < t.index("II. PHÂN CÔNG") < t.index("| STT |") < t.index("Các cấp ủy tổ chức")


def test_facts_from_the_pdf(source) -> None:
    doc = extract_source(source)
    assert (doc.kind, doc.symbol, doc.date, doc.province) == ("plan", "12-KH/TU", "2024-03-05", "Sơn La")
    assert "21-KL/TW" in {c.symbol for c in doc.citations}
    leads = {(t.leads[0].name, t.deadline) for t in doc.tasks if t.leads}
    assert ("Ban Tuyên giáo Tỉnh ủy", "2024-06-30") in leads
    assert ("Văn phòng Tỉnh ủy", "2025-12-31") in leads


@pytest.mark.slow
def test_a_scan_is_read_by_ocr(tmp_path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(build()))
    source = read(path)
    assert source.method == "ocr"
    assert source.text.split("\n\n")[:2] == ["\n".join(LEFT), "\n".join(RIGHT)]
    doc = extract_source(source)
    assert (doc.symbol, doc.date) == ("12-KH/TU", "2024-03-05")
    assert "21-KL/TW" in {c.symbol for c in doc.citations}
    assert RUNNING not in source.text


def test_without_tesseract_a_scan_is_refused_naming_the_packages(tmp_path, monkeypatch) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(build(), dpi=50))
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract program on this PATH
    with pytest.raises(InputError) as e:
        read(path)
    assert "scan.pdf" in str(e.value) and "tesseract-ocr" in str(e.value) and "tesseract-ocr-vie" in str(e.value)


def test_without_vietnamese_data_a_scan_is_refused(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # tesseract finds no language data there
    ocr._languages.cache_clear()
    try:
        with pytest.raises(InputError) as e:
            ocr.check_tesseract("x.pdf")
    finally:
        ocr._languages.cache_clear()
    assert "tesseract-ocr-vie" in str(e.value)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%garbage", b"not a pdf at all", build()[:600]])
def test_a_damaged_pdf_is_refused_with_its_name(tmp_path, data) -> None:
    path = tmp_path / "hong.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError) as e:
        read(path)
    assert "hong.pdf" in str(e.value) and "pdf" in str(e.value).lower()
