"""HTML portal pages and plain text built here, read as a careful reader would. A page gives its
article only (no menu, breadcrumb, share bar, "Tin liên quan", comments or footer), its posting
date in metadata and not in the text, tables as Markdown pipe tables, list items as "- "; text in
NFD with CRLF, hard-wrapped, with ¹ footnote markers reads as the same document as its clean
form; every format says how it was read (``Source.method``)."""

from __future__ import annotations

import unicodedata

import pytest

from loaders import extract_source
from loaders.read import read
from render_formats import docx_bytes, html_page, markdown, pdf_bytes, wrapped

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin</title></head><body>
<div class="top-bar">Thứ Hai, 12/05/2025 | <a href="/lien-he">Liên hệ</a></div>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li>Quán triệt Nghị quyết số 57-NQ/TW</li></ul></nav>
<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a></li></ol>
<div class="wrapper"><div class="main"><div class="article-detail">
<h1>Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch thực hiện Kết luận số 21-KL/TW</h1>
<div class="post-meta"><span class="ngay-dang">Cập nhật: 12/05/2025 10:30</span> | Lượt xem: 1.024</div>
<p>Ngày 05/3/2024, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 12-KH/TU thực hiện Kết luận số 21-KL/TW
ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.</p>
<h2>Nhiệm vụ trọng tâm</h2>
<ul><li>Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức quán triệt, hoàn thành trước ngày 30/6/2024.</li>
<li>Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát.</li></ul>
<table border="1"><tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời gian</th></tr>
<tr><td>I</td><td colspan="3">Nhiệm vụ chung</td></tr>
<tr><td>1</td><td>Xây dựng đề án</td><td rowspan="2">Văn phòng Tỉnh ủy</td><td>Năm 2025</td></tr>
<tr><td>2</td><td>Sơ kết thực hiện</td><td>Năm 2026</td></tr></table>
<div class="social-share"><a>Chia sẻ</a></div>
<div class="box"><h3>Tin liên quan</h3><ul><li>Triển khai Chỉ thị số 45-CT/TW</li></ul></div>
<div id="comments"><p>Bình luận: Nghị quyết số 99-NQ/TW rất hay</p></div>
</div></div><aside class="sidebar"><p>Xem nhiều: Kết luận số 77-KL/TW</p></aside></div>
<footer><p>Giấy phép số 250/GP-BTTTT.</p></footer></body></html>"""

ARTICLE = [
    "Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch thực hiện Kết luận số 21-KL/TW",
    "Ngày 05/3/2024, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 12-KH/TU thực hiện Kết luận số 21-KL/TW "
    "ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.",
    "Nhiệm vụ trọng tâm",
    "- Ban Tuyên giáo Tỉnh ủy chủ trì tổ chức quán triệt, hoàn thành trước ngày 30/6/2024.",
    "- Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát.",
    "I. Nhiệm vụ chung",
    "| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
    "| 1 | Xây dựng đề án | Văn phòng Tỉnh ủy | Năm 2025 |\n| 2 | Sơ kết thực hiện | Văn phòng Tỉnh ủy | Năm 2026 |",
]


def test_a_portal_page_gives_its_article_only(tmp_path) -> None:
    path = tmp_path / "tin.html"
    path.write_text(PAGE, encoding="utf-8")
    source = read(path)
    assert source.text.strip().split("\n\n") == ARTICLE
    assert source.metadata["posted"] == "12/05/2025 10:30"
    assert source.method == "html"
    doc = extract_source(source)
    assert {c.symbol for c in doc.citations} == {"12-KH/TU", "21-KL/TW"}


# The same article on a page laid out by a table: a menu row, the article cell, a side column, a footer row.
TABLE_PAGE = (
    PAGE.split("<body>")[0]
    + """<body><table class="layout" width="100%"><tr><td colspan="2" class="menu"><a href="/">Trang chủ</a> |
<a href="/tin">Tin tức</a></td></tr><tr><td class="main" width="70%">"""
    + PAGE.split('<div class="wrapper">')[1].split("<aside")[0]
    + """</td><td class="side"><div class="box"><h3>Đọc nhiều</h3><ul><li>Tổng kết Chỉ thị 05-CT/TW</li></ul></div>
</td></tr><tr><td colspan="2" class="footer">Giấy phép số 42/GP-BTTTT ngày 05/02/2021.</td></tr></table></body></html>"""
)


def test_a_page_laid_out_by_a_table_gives_its_article_only(tmp_path) -> None:
    path = tmp_path / "tin.html"
    path.write_text(TABLE_PAGE, encoding="utf-8")
    source = read(path)
    assert source.text.strip().split("\n\n") == ARTICLE
    assert {c.symbol for c in extract_source(source).citations} == {"12-KH/TU", "21-KL/TW"}


TEXT = (
    "TỈNH ỦY SƠN LA\nSố 12-KH/TU\n\nSơn La, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
    "thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng\n\n"
    "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh "
    "xây dựng, chỉnh đốn Đảng và hệ thống chính trị, các cấp ủy đã đạt nhiều kết quả¹, Ban Thường vụ Tỉnh uỷ "
    "ban hành Kế hoạch như sau:\n\n"
    "1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tổ chức quán triệt Kết luận đến "
    "cán bộ, đảng viên, hoàn thành trước ngày 30/6/2024.\n\n"
    "2. Giao Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát việc thực hiện, báo cáo Ban Thường vụ Tỉnh ủy "
    "trước ngày 15/12/2024.\n\n"
    "¹ Đã kiểm tra 120 tổ chức đảng theo Quy định số 22-QĐ/TW.\n"
)

FORMS = {
    "clean.txt": lambda t: t.encode("utf-8"),
    "nfd-crlf.txt": lambda t: unicodedata.normalize("NFD", t).replace("\n", "\r\n").encode("utf-8"),
    "wrap50.txt": lambda t: wrapped(t, 50).encode("utf-8"),
    "wrap72-crlf.txt": lambda t: wrapped(t, 72).replace("\n", "\r\n").encode("utf-8"),
    "old-tones.txt": lambda t: t.replace("ủy", "uỷ").replace("Ủy", "Uỷ").replace("khóa", "khoá").encode("utf-8"),
    "page.md": lambda t: markdown(t).encode("utf-8"),
    "page.pdf": lambda t: pdf_bytes(t),
    "page.docx": lambda t: docx_bytes(t),
}
METHODS = {"txt": "text", "md": "markdown", "pdf": "pdf", "docx": "docx"}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    path = tmp_path_factory.mktemp("clean") / "kh.txt"
    path.write_text(TEXT, encoding="utf-8")
    source = read(path)
    return source, extract_source(source)


@pytest.mark.parametrize("name", FORMS)
def test_every_form_reads_as_the_same_document(tmp_path, clean, name) -> None:
    path = tmp_path / name
    path.write_bytes(FORMS[name](TEXT))
    source = read(path)
    want_source, want = clean
    doc = extract_source(source)
    assert source.method == METHODS[name.rsplit(".", 1)[1]]
    assert "\r" not in source.text and source.text == unicodedata.normalize("NFC", source.text)
    assert [c.symbol for c in doc.citations] == [c.symbol for c in want.citations]
    assert {(b.name, d) for t in doc.tasks for b, d in t.assignments} == {
        (b.name, d) for t in want.tasks for b, d in t.assignments
    }
    assert (doc.symbol, doc.date, doc.province) == ("12-KH/TU", "2024-03-05", "Sơn La")
    assert source.content_key == want_source.content_key


def test_a_superscript_footnote_is_a_footnote(clean) -> None:
    source, doc = clean
    from loaders.structure import parse

    notes = parse(source).footnotes
    assert list(notes) == ["¹"]
    assert "22-QĐ/TW" in {c.symbol for c in doc.citations}


def test_a_portal_page_of_the_text_reads_as_the_text(tmp_path, clean) -> None:
    path = tmp_path / "page.html"
    path.write_text(html_page(TEXT, title="Kế hoạch thực hiện Kết luận số 21-KL/TW"), encoding="utf-8")
    source = read(path)
    assert source.metadata["posted"] == "12/05/2025 10:30"
    for outside in ("Trang chủ", "57-NQ/TW", "45-CT/TW", "36-NQ/TW", "250/GP-BTTTT", "99-NQ/TW", "Chia sẻ"):
        assert outside not in source.text
    doc = extract_source(source)
    assert [c.symbol for c in doc.citations] == [c.symbol for c in clean[1].citations]


def test_a_portal_names_the_province_its_article_does_not(tmp_path) -> None:
    page = (
        "<html><head><title>Hội nghị Tỉnh ủy lần thứ 20 - Báo Quảng Trị điện tử</title></head><body><article>"
        "<h1>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20</h1><p>Sáng 5-3, Ban Chấp hành Đảng bộ tỉnh tổ chức "
        "Hội nghị lần thứ 20. Hội nghị yêu cầu Ban Tổ chức Tỉnh ủy hoàn thành phương án trong tháng 3/2025.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "tin.html"
    path.write_text(page, encoding="utf-8")
    source = read(path)
    assert source.metadata["title"] == "Hội nghị Tỉnh ủy lần thứ 20 - Báo Quảng Trị điện tử"
    assert "Quảng Trị" not in source.text
    assert extract_source(source).province == "Quảng Trị"


def test_a_print_version_page_gives_its_article(tmp_path) -> None:
    # the page's own class says "print"; its toolbar and brand are chrome, the article in a div of its own
    page = (
        '<html><head><title>Bản in</title></head><body class="print-page">'
        '<div class="print-toolbar"><a href="#">In bài</a></div><div class="print-brand">Giấy phép số 118/GP-BTTTT'
        '</div><div id="content"><div class="cat">Chính trị › Xây dựng Đảng</div><h1>Hội nghị lần thứ 24</h1>'
        '<div class="p">Hội nghị yêu cầu Ban Tổ chức Thành ủy hoàn thành phương án trong tháng 3/2025.</div>'
        "</div></body></html>"
    )
    path = tmp_path / "ban-in.html"
    path.write_text(page, encoding="utf-8")
    assert read(path).text.strip().split("\n\n") == [
        "Hội nghị lần thứ 24",
        "Hội nghị yêu cầu Ban Tổ chức Thành ủy hoàn thành phương án trong tháng 3/2025.",
    ]


def test_a_blog_post_classed_by_its_category_gives_its_article(tmp_path) -> None:
    # a blog engine classes the post by its category and status; its related posts sit under "Liên quan"
    page = (
        "<html><body><main><article class='post type-post status-publish category-chinh-tri tag-hoi-nghi'>"
        "<header class='entry-header'><h1>Hội nghị Ban Thường vụ Tỉnh ủy</h1></header>"
        "<div class='entry-content'><p>Đồng chí giao Sở Tài chính chủ trì rà soát quỹ đất, trong quý IV/2025.</p></div>"
        "</article><div class='jp-relatedposts'><h3><em>Liên quan</em></h3>"
        "<div><h4><a href='/p/1'>Triển khai Kết luận 195-KL/TW</a></h4></div></div></main></body></html>"
    )
    path = tmp_path / "post.html"
    path.write_text(page, encoding="utf-8")
    assert read(path).text.strip().split("\n\n") == [
        "Hội nghị Ban Thường vụ Tỉnh ủy",
        "Đồng chí giao Sở Tài chính chủ trì rà soát quỹ đất, trong quý IV/2025.",
    ]


def test_a_side_box_of_new_documents_is_chrome(tmp_path) -> None:
    # a page laid out by a table: a left column boxing "VĂN BẢN MỚI", the article in the right cell
    page = (
        "<html><body><table><tr><td class='leftcol'><table><tr><td class='boxtitle'>VĂN BẢN MỚI</td></tr>"
        "<tr><td><a href='/vb/1'>Kế hoạch 205-KH/TU về tổ chức Đại hội</a></td></tr></table></td>"
        "<td class='newsdetail'><h1>Hội nghị lần thứ 28</h1><p>Hội nghị giao Ban Tổ chức Tỉnh ủy rà soát nhân sự, "
        "hoàn thành trong tháng 8/2024, theo Kết luận số 21-KL/TW.</p><p>Cũng tại hội nghị, các đại biểu thảo luận "
        "về kinh tế.</p><p>Hội nghị thống nhất nhiệm vụ 6 tháng cuối năm.</p><p>Bí thư Tỉnh ủy phát biểu kết luận."
        "</p><p>Hội nghị bế mạc.</p></td></tr></table></body></html>"
    )
    path = tmp_path / "tin.html"
    path.write_text(page, encoding="utf-8")
    text = read(path).text
    assert "205-KH/TU" not in text and "21-KL/TW" in text


def test_a_portal_page_copied_as_text_drops_its_chrome(tmp_path) -> None:
    text = (
        "Trang chủ > Thời sự\n\nHội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 21\n\n26/12/2023 | 18:15\n\n"
        "Chiều 26-12, Ban Chấp hành Đảng bộ thành phố Hạ Long tổ chức Hội nghị lần thứ 21. Hội nghị yêu cầu các cấp "
        "ủy thực hiện Kết luận số 21-KL/TW.\n\nTin liên quan:\n- Sơ kết 3 năm thực hiện Nghị quyết 06-NQ/TW\n"
        "- Khánh thành Cầu Cửa Lục 1\n\nChia sẻ: Facebook | Zalo\n\n© Trung tâm Truyền thông. Giấy phép số 86/GP-TTĐT.\n"
    )
    path = tmp_path / "tin.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract_source(read(path))
    assert [c.symbol for c in doc.citations] == ["21-KL/TW"]
    assert doc.meeting is not None and doc.meeting.date == "2023-12-26"  # the day's year from the posting line


def test_nested_numbered_lists_keep_their_numbers_and_a_group_opening_is_no_task(tmp_path) -> None:
    """An ``<ol>`` inside an item of another reads as its sub-items ("a)", "2.1."); the item opening the group
    ("<strong>X</strong> lãnh đạo …:") gives its lead to each sub-item and is no task of its own."""
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="content">'
        "<p>TỈNH ỦY SƠN LA</p><p>Số 45-CV/TU</p><p>Sơn La, ngày 02 tháng 4 năm 2025</p>"
        "<p>Ban Thường vụ Tỉnh ủy yêu cầu:</p><ol>"
        "<li><strong>Ban cán sự đảng UBND tỉnh</strong> lãnh đạo, chỉ đạo UBND tỉnh:<ol type='a'>"
        "<li>Xây dựng Đề án sắp xếp, trình Ban Thường vụ Tỉnh ủy trước ngày 20/4/2025.</li>"
        "<li>Tổ chức lấy ý kiến cử tri, hoàn thành trước ngày 30/4/2025.</li></ol></li>"
        "<li><strong>Ban Tổ chức Tỉnh ủy</strong>:<ol><li>Hướng dẫn kiện toàn tổ chức đảng trong tháng 5/2025.</li>"
        "</ol></li></ol></div></body></html>"
    )
    (tmp_path / "cv.html").write_text(page, encoding="utf-8")
    source = read(tmp_path / "cv.html")
    assert "a) Xây dựng Đề án" in source.text and "2.1. Hướng dẫn" in source.text
    doc = extract_source(source)
    assert [(t.leads[0].name, t.deadline) for t in doc.tasks] == [
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "2025-04-20"),
        ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "2025-04-30"),
        ("Ban Tổ chức Tỉnh ủy", "2025-05"),
    ]
