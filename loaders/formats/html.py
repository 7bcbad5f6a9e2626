"""HTML page → the article's text. Menus, breadcrumbs, share bars, "Tin liên quan" lists,
comments and footers are dropped (by tag, by class/id hints and by the headings of such lists
— generic rules, never a site's name); the posting date goes to metadata, not the text.
Tables become Markdown pipe tables (layout tables: lines), ``<li>`` items "- " (or "1." in an
``<ol>``), headings their own paragraphs.

>>> page = ('<html><body><nav>Trang chủ</nav><article><h1>Tiêu đề</h1><p class="date">Cập nhật: '
...         '12/05/2025 10:30</p><p>Nội dung bài viết.</p><h3>Tin liên quan</h3><ul><li>Bài khác</li></ul>'
...         '</article><footer>Bản quyền</footer></body></html>')
>>> html_to_text(page)
'Tiêu đề\\n\\nNội dung bài viết.\\n'
>>> html_article(page)[1]
{'posted': '12/05/2025 10:30'}
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import lxml.html
from lxml import etree

from loaders.formats.common import RELATED_HEADING_RE, render_table

DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "nav",
    "footer",
    "aside",
    "form",
    "menu",
    "button",
    "iframe",
    "svg",
    "template",
    "select",
    "input",
    "head",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
}
_HINT = (
    r"nav|navbar|menu|breadcrumbs?|cat|category|chuyen-?muc|related|lien-?quan|tinlienquan|tin-?khac|bai-?viet-?khac|cung-?chuyen-?muc|"
    r"other-?news|more-?news|xem-?nhieu|most-?viewed|share|sharing|social|comments?|binh-?luan|footer|"
    r"sidebar|side-?bar|col-?side|side|most-?read|doc-?nhieu|widget|banner|ads|advert|quang-?cao|tags?|print|toolbar|pagination|top-?bar|"
    r"font-?size|views|rating|send-?mail|search|login|copyright|site-?name|logo|source|nguon|attach\w*|dinh-?kem|"
    r"download|tai-?ve"
)
# Where a page prints its posting date (never the document's date: that is in the text).
DATE_HINT_RE = re.compile(
    r"(?:^|[\s_-])(?:date|time|datetime|posted|publish\w*|ngay-?dang|meta|post-?info|"
    r"entry-?meta|thoi-?gian)(?:$|[\s_-])",
    re.I,
)
HINT_RE = re.compile(rf"(?:^|[\s_-])(?:{_HINT})(?:$|[\s_-])", re.I)
_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?"
POSTED_RE = re.compile(
    rf"^\s*(?:(?:Cập nhật|Ngày cập nhật|Ngày đăng|Đăng ngày|Đăng lúc|Thời gian đăng|"
    rf"Ngày xuất bản|Xuất bản|Posted|Published)\s*:?\s*)?(?:(?:Thứ \w+|Chủ nhật),?\s*)?"
    rf"(?P<date>{_DATE})\s*(?:\(GMT\+7\))?\s*$",
    re.I,
)
BLOCK_TAGS = {
    "table",
    "tr",
    "td",
    "th",
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "center",
    "hr",
    "body",
}


def _hinted(el) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}".strip()
    return bool(names) and bool(HINT_RE.search(names))


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _lays_out_page(table) -> bool:
    """A table that lays out the page (menu row, article cell, side column) rather than holding data: one of its
    cells holds a heading or many paragraphs."""
    for cell in table.xpath("./tr/td|./tbody/tr/td|./tr/th|./tbody/tr/th"):
        if cell.xpath(".//h1|.//h2|.//h3|.//article"):
            return True
        blocks = cell.xpath(".//p|.//div|.//ul|.//ol|.//table")
        if len(blocks) >= 5 and len(cell.text_content()) > 600:
            return True
    return False


def _prune(root) -> None:
    """Drop everything around the article: by tag, by class/id hint, and related-news lists
    under their heading (the heading and what follows it in its container)."""
    page_tables = {t for t in root.iter("table") if _lays_out_page(t)}
    for t in page_tables:
        t.set("data-layout", "page")  # read as blocks, not as a table (see _Writer.walk)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        tag = el.tag.lower()
        # the article's containers, and tables: a document's own footer (recipients, signature) is a
        # table a page may well class as "footer" (not the cells of a table laying out the page)
        in_page_table = tag in ("tr", "td", "th") and any(a in page_tables for a in el.iterancestors("table"))
        protected = (
            tag in ("html", "body", "article", "main")  # a page's or an article's own classes ("print-page",
            # "category-chinh-tri status-publish") hint at the page or the post, not at chrome in it
            or el.get("itemprop") == "articleBody"
            or el.find(".//article") is not None
            or el.find(".//main") is not None
            or (tag in ("table", "tbody", "thead", "tr", "td", "th") and not in_page_table)
        )
        if (
            tag in DROP_TAGS
            or (tag == "header" and el.xpath("ancestor::article") == [] and el.find(".//h1") is None)
            or (_hinted(el) and not protected)
        ):
            _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if (
            len(el.text_content()) < 60
            and RELATED_HEADING_RE.fullmatch(el.text_content())
            and el.tag.lower()
            in {"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "header", "td", "th"}
        ):
            while (
                el.getparent() is not None
                and el.getparent().getparent() is not None
                and el.getparent().text_content().strip() == el.text_content().strip()
            ):
                el = el.getparent()
            if el.getparent() is None:
                continue
            for sibling in [el] + list(el.itersiblings()):
                _drop(sibling)


def _posting_date(root) -> str | None:
    """The page's posting date, taken out of the page: <time>, or an element hinted as a date."""
    posted = None
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}"
        if el.tag.lower() == "time" or DATE_HINT_RE.search(names):
            m = re.search(_DATE, el.text_content())
            if m and len(el.text_content()) < 200:
                posted = posted or m.group(0)
                _drop(el)
    return posted


def _article(root):
    """The element holding the article: the longest <article>, an articleBody, <main>, else <body>."""
    for query in ("//article", "//*[@itemprop='articleBody']", "//main"):
        found = [(len(e.text_content().strip()), e) for e in root.xpath(query)]
        found = [f for f in found if f[0] > 200]
        if found:
            return max(found, key=lambda f: f[0])[1]
    body = root.find(".//body")
    return body if body is not None else root


def _item_marker(ol, n: int, within: str) -> str:
    """The printed number of the ``n``-th item of an ``<ol>``: by its type ("a)", "A.", "I."), or a numbered list's
    number under the item it stands in ("1." inside "2." is "2.1.").

    >>> from lxml import html as H
    >>> _item_marker(H.fromstring('<ol type="a"></ol>'), 2, "1."), _item_marker(H.fromstring("<ol></ol>"), 3, "2.")
    ('b)', '2.3.')
    """
    kind = (ol.get("type") or "1").strip()
    if kind == "a":
        return f"{chr(ord('a') + (n - 1) % 26)})"
    if kind == "A":
        return f"{chr(ord('A') + (n - 1) % 26)}."
    if kind in ("i", "I"):
        roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][(n - 1) % 12]
        return f"{roman if kind == 'I' else roman.lower()}."
    return f"{within}{n}."


class _Writer:
    """Blocks of text from an element tree: paragraphs, list items, tables, line breaks."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.posted: str | None = None
        self.numbered: list[str] = []  # the numbers of the numbered items the walk is inside ("1.", "1.2.")

    def flush(self) -> None:
        text = "".join(self.line)
        self.line = []
        lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if not text:
            return
        m = POSTED_RE.match(text)
        if m and self.posted is None and "\n" not in text:
            self.posted = m.group("date")
            return
        self.blocks.append(text)

    def walk(self, el, list_marker: str | None = None, depth: int = 0) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if depth > MAX_DEPTH:  # nesting no page needs: the subtree's words as one block, read without recursion
            self.flush()
            self.line.append(re.sub(r"\s+", " ", " ".join(el.itertext())))
            self.flush()
            return
        if tag == "table" and el.get("data-layout") != "page":
            self.flush()
            self.blocks.extend(render_table(_table_rows(el)))
        elif tag == "br":
            self.line.append("\n")
        elif tag in ("ul", "ol"):
            self.flush()
            n = 0
            for child in el:
                if isinstance(child.tag, str) and child.tag.lower() == "li":
                    n += 1
                    marker = _item_marker(el, n, self.numbered[-1] if self.numbered else "") if tag == "ol" else "-"
                    self.numbered.append(marker if marker[-1:] == "." else (self.numbered or [""])[-1])
                    self.walk(child, marker, depth + 1)
                    self.numbered.pop()
                self.line.append(child.tail or "")
            self.flush()
        elif tag == "li":
            self.flush()
            self.line.append(f"{list_marker or '-'} ")
            self._children(el, depth)
            self.flush()
        else:
            block = tag in BLOCK_TAGS or tag == "li"
            if block:
                self.flush()
            self._children(el, depth)
            if block:
                self.flush()

    def _children(self, el, depth: int = 0) -> None:
        self.line.append(re.sub(r"\s+", " ", el.text or ""))
        for child in el:
            if isinstance(child.tag, str):
                self.walk(child, depth=depth + 1)
            self.line.append(re.sub(r"\s+", " ", child.tail or ""))


def _table_rows(table) -> list[list[str]]:
    """Rows of an HTML table, colspan and rowspan repeated so that every row has every column."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column → (text, rows still covered)
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row: list[str] = []
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        while cells or len(row) in pending:
            if len(row) in pending:
                text, left = pending.pop(len(row))
                if left > 1:
                    pending[len(row)] = (text, left - 1)
                row.append(text)
                continue
            cell = cells.pop(0)
            writer = _Writer()
            writer._children(cell)
            writer.flush()
            text = "\n".join(writer.blocks)
            span, down = int(cell.get("colspan", "1") or 1), int(cell.get("rowspan", "1") or 1)
            for _ in range(max(1, min(span, 50))):
                if down > 1:
                    pending[len(row)] = (text, down - 1)
                row.append(text)
        rows.append(row)
    return rows


MAX_DEPTH = 200  # elements nested deeper are read as plain text (a page built to exhaust the reader)


def _page_names(root) -> dict:
    """What the page calls itself and its article (``title``, ``site``, ``description``): not the article's text, but
    they may name the province a provincial portal serves ("… - Báo Bạc Liêu điện tử")."""
    found = {
        "title": root.xpath("string(//head/title)"),
        "site": root.xpath("string(//meta[@property='og:site_name']/@content)"),
        "description": root.xpath("string(//meta[@name='description']/@content)"),
    }
    return {k: re.sub(r"\s+", " ", v).strip() for k, v in found.items() if v and v.strip()}


def html_article(markup: str) -> tuple[str, dict]:
    """The article's text and what the page says about it (``posted``: its posting date; ``title``, ``site``,
    ``description``: the page's own names)."""
    try:
        # huge_tree: libxml2 otherwise drops whatever is nested deeper than 256 elements
        parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return "", {}
    meta: dict = _page_names(root)
    published = root.xpath("//meta[@property='article:published_time']/@content")
    posted = _posting_date(root)
    if _lost_text(markup, root):  # libxml2 drops what is nested past its limit: read such a page as a stream
        return _streamed_text(markup), {}
    _prune(root)
    writer = _Writer()
    writer.walk(_article(root))
    writer.flush()
    if posted or writer.posted or published:
        meta["posted"] = posted or writer.posted or published[0]
    return "\n\n".join(writer.blocks) + "\n", meta


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _lost_text(markup: str, root) -> bool:
    """The parsed tree holds much less text than the markup (a page nested deeper than libxml2 reads)."""
    stripped = re.sub(r"<(script|style)\b.*?</\1>|<[^>]*>", " ", markup, flags=re.S | re.I)
    return _letters("".join(root.itertext())) < 0.5 * _letters(stripped)


class _Stream(HTMLParser):
    """Text of a page read tag by tag (any depth): block tags end a paragraph, list items start with "- "."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK_TAGS or tag in ("li", "br", "tr"):
            self.parts.append("\n\n- " if tag == "li" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _streamed_text(markup: str) -> str:
    stream = _Stream()
    stream.feed(markup)
    blocks = [b.strip() for b in "".join(stream.parts).split("\n\n")]
    return "\n\n".join(b for b in blocks if b.strip("- ")) + "\n"


def html_to_text(markup: str) -> str:
    """Article text of an HTML page."""
    return html_article(markup)[0]
