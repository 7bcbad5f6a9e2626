"""Pages of a trace read from the kept aggregates (:mod:`graph_api.flow.maintain`, :mod:`graph_api.flow.totals`),
at a cost that does not grow with the corpus: the tasks carrying a central document out in trace order are one
range scan of ``agg_page``, which holds every detail the page shows of them (:mod:`graph_api.flow.detail`; for a
symbol naming a dated document and its undated mentions, one scan per target, merged), the totals one row of
``agg_total``, the chains and descriptions of the page's documents a few lookups of ``agg_reach`` per document, the documents without tasks (listed by the page that ends the trace) one range scan of
``agg_bare``. Targets these rows do not answer (a document that is not a central one, targets carried out that no
kept key joins, aggregates waiting for a rebuild in full) return None, and the trace computes their flow instead
(:func:`graph_api.flow.targets.flow`)."""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass

from graph_api.flow import read as R
from graph_api.flow.detail import COLUMNS
from graph_api.flow.extract import natural_key
from graph_api.flow.index import FlowIndex
from graph_api.flow.maintain import current
from graph_api.flow.totals import union_key

__all__ = ["Kept", "kept_of", "root_of", "page", "totals", "chains", "labelled", "bare", "documents"]

Row = tuple  # a row of ``agg_page`` in ``COLUMNS``' order: key, task, via, relation, doc, then its details


@dataclass(frozen=True)
class Kept:
    """The kept rows answering a trace: its key in ``agg_total``/``agg_bare`` and the targets carried out."""

    key: str
    roots: tuple[str, ...]


def _marks(items: object) -> str:
    return ",".join("?" * len(items))  # type: ignore[arg-type]


def _flowless(ix: FlowIndex, iri: str, roots: tuple[str, ...]) -> bool:
    """Whether nothing carries ``iri`` out nor is part of it, and it carries none of ``roots`` out."""
    db = ix.db
    return (
        db.execute("SELECT 1 FROM links WHERE rel = 'implements' AND o = ? LIMIT 1", (iri,)).fetchone() is None
        and db.execute("SELECT 1 FROM tasks WHERE doc = ? LIMIT 1", (iri,)).fetchone() is None
        and db.execute(
            f"SELECT 1 FROM agg_reach WHERE doc = ? AND root IN ({_marks(roots)}) LIMIT 1", (iri, *roots)
        ).fetchone()
        is None
    )


def kept_of(ix: FlowIndex, targets: list[str]) -> Kept | None:
    """The kept rows giving the trace of ``targets`` — the central ones carried out (one, or a kept union), the
    others adding nothing to their flow — or None."""
    if not targets or not current(ix):
        return None
    marks = _marks(targets)
    central = sorted(r for (r,) in ix.db.execute(f"SELECT root FROM agg_roots WHERE root IN ({marks})", targets))
    if not central:
        return None
    flowing = tuple(sorted(r for (r,) in ix.db.execute(f"SELECT root FROM agg_count WHERE root IN ({marks})", targets)))
    roots = flowing or (central[0],)
    key = union_key(list(roots))
    if len(roots) > 1 and ix.db.execute("SELECT 1 FROM agg_total WHERE key = ?", (key,)).fetchone() is None:
        return None  # targets carried out that no kept union joins
    return Kept(key, roots) if all(_flowless(ix, t, roots) for t in targets if t not in roots) else None


def root_of(ix: FlowIndex, targets: list[str]) -> str | None:
    """The one central document whose kept rows give the trace of ``targets``, or None."""
    kept = kept_of(ix, targets)
    return kept.roots[0] if kept is not None and len(kept.roots) == 1 else None


def _scan(ix: FlowIndex, root: str, after: str | None, count: int | None, skip: int = 0) -> list[tuple]:
    where, args = ("root = ?", [root]) if after is None else ("root = ? AND key > ?", [root, natural_key(after)])
    return ix.db.execute(
        f"SELECT {COLUMNS} FROM agg_page WHERE {where} ORDER BY key, task LIMIT ? OFFSET ?",
        (*args, -1 if count is None else count, skip),
    ).fetchall()


def page(
    ix: FlowIndex, kept: Kept, *, limit: int | None = None, offset: int = 0, after: str | None = None
) -> tuple[list[Row], bool]:
    """(the page's rows in trace order — each task with its way, document and details — whether more follow):
    ``offset`` of them skipped, after the task ``after`` (a keyset cursor: any task IRI, placed by the trace's order) when given. A union merges the range
    scans of its targets, each task once, through a target before any document, else the smallest document."""
    if len(kept.roots) == 1:
        picked = _scan(ix, kept.roots[0], after, None if limit is None else limit + 1, offset)
    else:
        want = None if limit is None else offset + limit + 1
        scans = [_scan(ix, r, after, want) for r in kept.roots]
        picked = []
        for _, same in itertools.groupby(heapq.merge(*scans, key=lambda r: r[0]), key=lambda r: r[0]):
            picked.append(min(same, key=lambda r: (r[2] not in kept.roots, r[2], r[3])))
            if want is not None and len(picked) >= want:
                break
        picked = picked[offset:]
    if limit is None or len(picked) <= limit:
        return picked, False
    return picked[:limit], True


def totals(ix: FlowIndex, kept: Kept) -> tuple[int, int, int]:
    """(tasks, documents, provinces) of the whole trace."""
    row = ix.db.execute("SELECT tasks, documents, provinces FROM agg_total WHERE key = ?", (kept.key,)).fetchone()
    return (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)


def bare(ix: FlowIndex, kept: Kept) -> list[str]:
    """The documents carrying the targets out that no task of the trace belongs to or comes through."""
    return [r[0] for r in ix.db.execute("SELECT doc FROM agg_bare WHERE key = ? ORDER BY depth, doc", (kept.key,))]


def chains(ix: FlowIndex, roots: tuple[str, ...] | str, docs: set[str]) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """(the chain of IRIs up to a target of each of ``docs`` carrying ``roots`` out (the others left out), as the
    whole trace gives them — the next document the one of least depth, the smallest of those; each document of
    those chains as the trace shows it, :func:`labelled`): read for those documents and the documents of their
    chains only."""
    roots = (roots,) if isinstance(roots, str) else roots
    best: dict[str, tuple[int, str]] = {}
    described: dict[str, tuple] = {}
    wanted = set(docs) - set(roots)
    while wanted:
        found: dict[str, tuple[int, str]] = {}
        for doc, depth, parent, *description in R._rows(
            ix.db,
            "SELECT doc, depth, parent, symbol, year, kind, province FROM agg_reach "
            f"WHERE doc IN ({{in}}) AND root IN ({_marks(roots)})",
            wanted,
            *roots,
        ):
            found[doc] = min(found.get(doc, (depth, parent)), (depth, parent))
            described[doc] = tuple(description)
        best.update(found)
        wanted = {p for _, p in found.values() if p not in roots and p not in best}

    def chain(doc: str) -> list[str]:
        out = []
        while doc in best:
            doc = best[doc][1]
            out.append(doc)
        return out

    return {d: chain(d) for d in docs if d in best}, labelled(ix, described)


def labelled(ix: FlowIndex, described: dict[str, tuple]) -> dict[str, dict]:
    """{document: {iri, symbol, year, kind, province}} as :func:`graph_api.flow.targets.document_labels` gives
    them, from the (symbol, year, kind IRI, province IRI) ``agg_reach`` keeps of each."""
    kinds = R.label_map(ix, {d[2] for d in described.values() if d[2]}, "en")
    provinces = R.label_map(ix, {d[3] for d in described.values() if d[3]})
    return {
        doc: {
            "iri": doc,
            "symbol": symbol,
            "year": year,
            "kind": kinds[kind][0].lower() if kind in kinds else None,
            "province": provinces[province][0] if province in provinces else None,
        }
        for doc, (symbol, year, kind, province) in described.items()
    }


def documents(ix: FlowIndex, root: str) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """(every document carrying ``root`` out with its chain of IRIs, nearest first then by IRI; each of those
    documents as the trace shows it — ``iri``, ``symbol``, ``year``, ``kind``, ``province`` as
    :func:`graph_api.flow.targets.document_labels` gives them): one range scan."""
    chains: dict[str, list[str]] = {root: []}
    described: dict[str, tuple] = {}
    for doc, parent, *description in ix.db.execute(
        "SELECT doc, parent, symbol, year, kind, province FROM agg_reach WHERE root = ? ORDER BY depth, doc", (root,)
    ):
        chains[doc] = [parent, *chains.get(parent, [])]
        described[doc] = tuple(description)
    del chains[root]
    return chains, labelled(ix, described)
