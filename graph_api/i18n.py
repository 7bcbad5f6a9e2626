"""The one message catalogue of the web pages and exports: Vietnamese by default, English on request.

A page picks its language from ``?lang=``, then the ``lang`` cookie, then ``Accept-Language``; anything but
English is answered in Vietnamese.

>>> t = translator("vi"); t("deadlines.title")
'Hạn hoàn thành nhiệm vụ'
>>> translator("en")("search.results", n=3)
'3 results'
>>> pick_language(None, None, "en-GB,en;q=0.9"), pick_language(None, None, "fr"), pick_language("en", "vi", "")
('en', 'vi', 'en')
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["MESSAGES", "LANGUAGES", "DEFAULT", "translator", "pick_language"]

DEFAULT = "vi"
LANGUAGES = ("vi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "vi": {
        "nav.search": "Tìm kiếm",
        "nav.deadlines": "Hạn nhiệm vụ",
        "nav.query": "SPARQL",
        "nav.views": "Sơ đồ",
        "nav.api": "API",
        "nav.language": "English",
        "nav.language.code": "en",
        "search.title": "Tìm kiếm văn bản và nhiệm vụ",
        "search.placeholder": "Ví dụ: ban can su dang, chuyển đổi số, 21-KL/TW",
        "search.button": "Tìm",
        "search.results": "{n} kết quả",
        "search.none": "Không có kết quả.",
        "search.kind": "Loại",
        "search.kind.all": "Tất cả",
        "kind.document": "Văn bản",
        "kind.task": "Nhiệm vụ",
        "kind.body": "Cơ quan",
        "kind.project": "Dự án",
        "search.hint": "Không phân biệt dấu, chữ hoa và đ/d. Đặt cụm từ trong dấu ngoặc kép để tìm chính xác.",
        "deadlines.title": "Hạn hoàn thành nhiệm vụ",
        "deadlines.from": "Từ ngày",
        "deadlines.to": "Đến ngày",
        "deadlines.as_of": "Tính đến ngày",
        "deadlines.directive": "Văn bản chỉ đạo",
        "deadlines.province": "Tỉnh, thành phố",
        "deadlines.state": "Tình trạng",
        "deadlines.show": "Xem",
        "deadlines.total": "{n} nhiệm vụ có hạn",
        "deadlines.tasks": "Nhiệm vụ có hạn",
        "deadlines.by_lead": "Theo cơ quan chủ trì",
        "deadlines.by_province": "Theo tỉnh, thành phố",
        "deadlines.none": "Không có nhiệm vụ nào trong khoảng này.",
        "deadlines.download": "Tải về",
        "deadlines.no_lead": "(chưa rõ cơ quan chủ trì)",
        "deadlines.no_province": "(chưa rõ tỉnh)",
        "state.overdue": "Quá hạn",
        "state.open": "Còn hạn",
        "state.all": "Tất cả",
        "col.due": "Hạn",
        "col.deadline_text": "Hạn (nguyên văn)",
        "col.sentence": "Nhiệm vụ",
        "col.lead": "Cơ quan chủ trì",
        "col.partners": "Cơ quan phối hợp",
        "col.deadline": "Thời hạn",
        "col.state": "Tình trạng",
        "col.document": "Văn bản nguồn",
        "col.province": "Tỉnh, thành phố",
        "col.link": "Liên kết",
        "col.total": "Tổng số",
        "col.name": "Tên",
        "ics.summary": "Hạn nhiệm vụ: {lead}",
        "ics.calendar": "Hạn nhiệm vụ (vankien)",
        "xlsx.sheet": "Nhiệm vụ",
        "query.title": "Truy vấn SPARQL",
        "query.saved": "Truy vấn đã lưu:",
        "query.run": "Chạy (Ctrl+Enter)",
        "query.prefixes": "Đặt lại tiền tố",
        "query.csv": "Tải CSV",
        "query.json": "Tải JSON",
        "query.running": "đang chạy…",
        "query.rows": "{n} dòng",
        "query.error": "lỗi {status}",
        "query.failed": "không chạy được: {reason}",
        "query.editor": "Câu truy vấn SPARQL",
        "resource.sentences": "Câu nguồn",
        "resource.neighbourhood": "Quan hệ lân cận",
        "resource.properties": "Thuộc tính",
        "resource.referenced_by": "Được tham chiếu bởi",
        "resource.evidence": "bằng chứng",
        "resource.formats": "Các dạng khác:",
        "resource.read": "Đọc văn bản (toàn văn, nhiệm vụ theo thứ tự)",
        "doc.tasks": "Nhiệm vụ theo thứ tự trong văn bản",
        "doc.text": "Toàn văn",
        "doc.no_text": "Chưa có toàn văn (văn bản được nạp trước khi có chỉ mục tìm kiếm): nạp lại để xem.",
        "doc.symbol": "Số, ký hiệu",
        "doc.date": "Ngày ban hành",
        "doc.issuer": "Cơ quan ban hành",
        "doc.file": "Tệp nguồn",
        "doc.facts": "Dữ liệu (RDF)",
        "doc.legend": "Nhiệm vụ được tô màu, văn bản được trích dẫn có liên kết.",
        "state.ongoing": "Thường xuyên",
        "state.none": "Không có hạn",
        "col.position": "TT",
    },
    "en": {
        "nav.search": "Search",
        "nav.deadlines": "Deadlines",
        "nav.query": "SPARQL",
        "nav.views": "Views",
        "nav.api": "API",
        "nav.language": "Tiếng Việt",
        "nav.language.code": "vi",
        "search.title": "Search documents and tasks",
        "search.placeholder": "e.g. ban can su dang, chuyển đổi số, 21-KL/TW",
        "search.button": "Search",
        "search.results": "{n} results",
        "search.none": "No results.",
        "search.kind": "Kind",
        "search.kind.all": "All",
        "kind.document": "Document",
        "kind.task": "Task",
        "kind.body": "Body",
        "kind.project": "Project",
        "search.hint": "Diacritics, case and đ/d do not matter. Put words in double quotes to find a phrase.",
        "deadlines.title": "Task deadlines",
        "deadlines.from": "From",
        "deadlines.to": "To",
        "deadlines.as_of": "As of",
        "deadlines.directive": "Directive",
        "deadlines.province": "Province",
        "deadlines.state": "State",
        "deadlines.show": "Show",
        "deadlines.total": "{n} tasks with a deadline",
        "deadlines.tasks": "Tasks with a deadline",
        "deadlines.by_lead": "By lead body",
        "deadlines.by_province": "By province",
        "deadlines.none": "No task is due in this period.",
        "deadlines.download": "Download",
        "deadlines.no_lead": "(lead body unknown)",
        "deadlines.no_province": "(province unknown)",
        "state.overdue": "Overdue",
        "state.open": "Open",
        "state.all": "All",
        "col.due": "Due",
        "col.deadline_text": "Deadline as written",
        "col.sentence": "Task",
        "col.lead": "Lead body",
        "col.partners": "Partner bodies",
        "col.deadline": "Deadline",
        "col.state": "State",
        "col.document": "Source document",
        "col.province": "Province",
        "col.link": "Link",
        "col.total": "Total",
        "col.name": "Name",
        "ics.summary": "Task due: {lead}",
        "ics.calendar": "Task deadlines (vankien)",
        "xlsx.sheet": "Tasks",
        "query.title": "SPARQL query",
        "query.saved": "Saved queries:",
        "query.run": "Run (Ctrl+Enter)",
        "query.prefixes": "Reset prefixes",
        "query.csv": "Download CSV",
        "query.json": "Download JSON",
        "query.running": "running…",
        "query.rows": "{n} rows",
        "query.error": "error {status}",
        "query.failed": "failed: {reason}",
        "query.editor": "SPARQL query",
        "resource.sentences": "Source sentences",
        "resource.neighbourhood": "Neighbourhood",
        "resource.properties": "Properties",
        "resource.referenced_by": "Referenced by",
        "resource.evidence": "evidence",
        "resource.formats": "Also as",
        "resource.read": "Read the document (full text, tasks in order)",
        "doc.tasks": "Tasks in document order",
        "doc.text": "Full text",
        "doc.no_text": "No full text yet (the document was loaded before the search index existed): load it again.",
        "doc.symbol": "Symbol",
        "doc.date": "Date",
        "doc.issuer": "Issued by",
        "doc.file": "Source file",
        "doc.facts": "Data (RDF)",
        "doc.legend": "Tasks are highlighted, cited documents linked.",
        "state.ongoing": "Ongoing",
        "state.none": "No deadline",
        "col.position": "No.",
    },
}


def translator(lang: str | None) -> Callable[..., str]:
    """``t(key, **values)`` in ``lang`` (Vietnamese for an unknown language; the key itself for an unknown key)."""
    table = MESSAGES.get(lang or DEFAULT, MESSAGES[DEFAULT])

    def t(key: str, **values: object) -> str:
        text = table.get(key) or MESSAGES[DEFAULT].get(key) or key
        return text.format(**values) if values else text

    return t


def pick_language(param: str | None, cookie: str | None, accept: str | None) -> str:
    """The language of a request: ``?lang=``, the ``lang`` cookie, then the first of ``Accept-Language``."""
    for choice in (param, cookie):
        if choice in LANGUAGES:
            return choice
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
        if code:
            break
    return DEFAULT
