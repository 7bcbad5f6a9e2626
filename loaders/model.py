"""What the loaders extract, as frozen dataclasses. Spans are (start, end) offsets into
``Source.text``."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]
NEWS = "news_report"  # the kind of a press report of a meeting


@dataclass(frozen=True)
class Mention:
    """One place where a numbered document is cited."""

    span: Span  # the symbol
    full_span: Span  # type word … end of the tail (date, issuer, term, title)
    symbol: str
    number: str
    type_code: str
    issuer_code: str
    type_word: str | None
    date: str | None
    issuer: str | None
    term: str | None
    title: str | None
    state: bool  # a state document (NUMBER/YEAR/TYPE-ISSUER)
    level: str = "other"  # central | provincial | other (the stated issuer decides for ambiguous codes)


@dataclass(frozen=True)
class Citation:
    """A cited document: the mentions of one symbol that denote one document (symbol + year)."""

    symbol: str
    number: str
    type_code: str
    issuer_code: str
    type: str | None
    date: str | None
    year: int | None
    issuer: str | None
    term: str | None
    title: str | None
    level: str  # central | provincial | other
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()  # short names the text gives it: "(sau đây gọi tắt là Nghị quyết 57)", "(Đề án 06)"

    @property
    def key(self) -> tuple[str, int | None]:
        return self.symbol, self.year


@dataclass(frozen=True)
class BodyRef:
    """A body named in the text."""

    name: str  # display name (canonical where it is the same name)
    kind: str | None  # key in data/reference/body_kinds.csv
    level: str  # central | provincial | other
    span: Span


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[str, ...]
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Meeting:
    body: str
    number: int | None
    term: str | None
    date: str | None
    span: Span


@dataclass(frozen=True)
class Signer:
    name: str
    role: str | None
    on_behalf_of: str | None
    span: Span


@dataclass(frozen=True)
class Link:
    """A relation between documents stated in the text; ``source`` None is the document itself."""

    source: tuple[str, int | None] | None
    relation: str  # implements | based_on | amends | repeals | reviews
    target: tuple[str, int | None]
    span: Span


@dataclass(frozen=True)
class Task:
    """One direction of the forward-looking part."""

    position: int
    span: Span
    text: str
    section: tuple[str, ...]
    leads: tuple[BodyRef, ...]
    partners: tuple[BodyRef, ...]
    deadline: str | None
    deadline_text: str | None
    ongoing: bool
    implements: tuple[tuple[str, int | None], ...]  # citation keys
    implements_spans: tuple[Span, ...]
    projects: tuple[str, ...]
    assignments: tuple[tuple[BodyRef, str | None], ...] = ()  # each lead with the deadline of its own clause
    form: str = ""  # how its lead was read: table row | labelled lines | running text | group lead-in | duties heading


@dataclass(frozen=True)
class Document:
    """Everything read from one source file."""

    file: str
    sha256: str
    kind: str
    symbol: str | None
    date: str | None
    issuer: str | None
    issuer_kind: str | None
    province: str | None
    title: str | None
    meeting: Meeting | None
    signer: Signer | None
    citations: tuple[Citation, ...]
    named_references: tuple[str, ...]
    links: tuple[Link, ...]
    tasks: tuple[Task, ...]
    projects: tuple[str, ...]
    persons: tuple[Person, ...]
    text: str = field(repr=False, default="")
    metadata: dict = field(default_factory=dict)
    content_key: str = ""  # sha256 of the document's words: the same document read from any format
    method: str = "text"  # how its text was read: text, markdown, html, docx, pdf, ocr
    locality: str | None = None  # the district or commune of a local committee's document ("Bát Xát")
    # documents its purpose and requirements part directs to be carried out ("Yêu cầu: thực hiện đúng Quy định 124"):
    # carried out by the document, as its tasks' are, though not a relation its preamble states
    requirements: tuple[Link, ...] = ()
