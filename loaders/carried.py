"""Stage 4a (part) — the documents a task directs to be carried out: a citation after an implementing verb in its
sentence ("thực hiện", "triển khai", "quán triệt", "theo" …), unless the text reviews it ("đánh giá kết quả thực hiện
X", "Kết luận A về tổng kết X")."""

from __future__ import annotations

import re

from loaders import patterns as P
from loaders.model import Link, Span
from loaders.structure import Structure

__all__ = ["carried_out", "purpose_links"]


def carried_out(
    text: str, span: Span, key_of_span: dict[Span, tuple[str, int | None]]
) -> tuple[list[tuple[str, int | None]], list[Span]]:
    """The documents a unit directs to be carried out: a citation after an implementing verb in its sentence."""
    start, end = span
    implements: list[tuple[str, int | None]] = []
    spans: list[Span] = []
    for cited, k in sorted(key_of_span.items()):
        if not (start <= cited[0] < end):
            continue
        sentence_start = max(start, max(text.rfind(c, start, cited[0]) for c in ".!?") + 1)
        verbs = [*P.IMPLEMENT_VERB_RE.finditer(text, sentence_start, cited[0])]
        # "đánh giá kết quả thực hiện Nghị quyết …" reviews the document, it does not direct it
        reviewed = (
            verbs
            and (
                P.REVIEWED_BEFORE_RE.search(text, max(sentence_start, verbs[-1].start() - 30), verbs[-1].start())
                # "… Kết luận A về tổng kết X": said of X since the last document before it
                or re.search(
                    r"\b(?:tổng|sơ) kết\b", text[_since(verbs[-1].end(), cited[0], key_of_span) : cited[0]], re.I
                )
            )
        )
        # "… thực hiện Chương trình số 34-CTr/TU ngày 12-3-2018 của Tỉnh ủy thực hiện Nghị quyết số 20-NQ/TW": the
        # verb right after a cited document's date and issuer is that document's, not the unit's
        # (the verb's own object only: "… thực hiện Nghị quyết 06 và Kế hoạch 7175" lists 7175 as the unit's)
        verb_at = verbs[-1].start() if verbs else 0
        # "… có hiệu lực thi hành …, thay thế Quy định số 12-QĐ/TU": a document replaced or repealed, not carried out
        replaced = verbs and re.search(r"\b(?:thay thế|bãi bỏ|hết hiệu lực)\b", text[verb_at : cited[0]], re.I)
        before = [e for s_, e in key_of_span if sentence_start <= s_ and e <= verb_at]
        between = [s_ for s_, _ in key_of_span if verb_at < s_ < cited[0]]
        owned = bool(before) and not between and P.CITED_TAIL_RE.fullmatch(text, max(before), verb_at) is not None
        if verbs and not reviewed and not owned and not replaced and k not in implements:
            implements.append(k)
            spans.append(cited)
    return implements, spans


def _since(start: int, at: int, key_of_span: dict[Span, tuple[str, int | None]]) -> int:
    """Where the text about the document cited at ``at`` begins: after the last citation between ``start`` and it."""
    return max([start, *(e for s, e in key_of_span if start <= s and e <= at)])


def purpose_links(text: str, st: Structure, key_of_span: dict[Span, tuple[str, int | None]]) -> list[Link]:
    """What the document's purpose and requirements part directs to be carried out ("I. MỤC ĐÍCH, YÊU CẦU …",
    "- Yêu cầu: thực hiện đúng Quy định 124 và Hướng dẫn nêu trên"), and the paragraph leading the tasks in: the
    document carries these out."""
    links: list[Link] = []
    for b in st.blocks:
        in_part = any(P.PURPOSE_HEADING_RE.search(c) for c in b.context[:1]) or P.PURPOSE_LABEL_RE.match(
            text, b.start, b.end
        )
        # the paragraph leading the forward part's tasks in: "Để tiếp tục thực hiện X …, Ban Thường vụ xác định các
        # nhiệm vụ trọng tâm sau:" directs X to be carried out by every task below it
        lead_in = (
            b.kind == "paragraph" and b.text.rstrip().endswith(":") and P.FORWARD_HEADING_RE.search(" ".join(b.context))
        )
        if b.kind == "heading" or not (in_part or lead_in):
            continue
        found, spans = carried_out(text, b.span, key_of_span)
        for k, span in zip(found, spans):
            clause = re.split(r"[;.]", text[b.start : span[0]])[-1]
            if not re.search(
                r"kết quả", clause, re.I
            ):  # "kế thừa kết quả hơn 5 năm thực hiện X": past, not a direction
                links.append(Link(None, "implements", k, span))
    return links
