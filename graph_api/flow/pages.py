"""Pages of a central document's trace read from the kept aggregates (:mod:`graph_api.flow.maintain`): the
tasks carrying it out in trace order are one range scan of ``agg_tasks``' covering index, their count one row
of ``agg_count``, the documents carrying it out (with their chains) one range scan of ``agg_reach`` — so a page
costs its own tasks, not its target's whole flow. Targets these rows do not answer (a document that is not a
central one, several targets of which more than one has a flow, aggregates waiting for a rebuild in full)
return None, and the trace computes their flow instead (:func:`graph_api.flow.targets.flow`)."""

from __future__ import annotations

from graph_api.flow import read as R
from graph_api.flow.extract import natural_key
from graph_api.flow.index import FlowIndex
from graph_api.flow.maintain import current

__all__ = ["root_of", "page", "reach", "chains", "documents"]

Row = tuple[str, str, str]  # task, the document it goes through (``via``), how (implements | part of)


def _flowless(ix: FlowIndex, iri: str, root: str) -> bool:
    """Whether nothing carries ``iri`` out nor is part of it, and it does not carry ``root`` out."""
    db = ix.db
    return (
        db.execute("SELECT 1 FROM links WHERE rel = 'implements' AND o = ? LIMIT 1", (iri,)).fetchone() is None
        and db.execute("SELECT 1 FROM tasks WHERE doc = ? LIMIT 1", (iri,)).fetchone() is None
        and db.execute("SELECT 1 FROM agg_reach WHERE doc = ? AND root = ? LIMIT 1", (iri, root)).fetchone() is None
    )


def root_of(ix: FlowIndex, targets: list[str]) -> str | None:
    """The central document whose kept rows give the trace of ``targets`` (the others, undated mentions joining
    it, adding nothing to its flow), or None."""
    if not targets or not current(ix):
        return None
    marks = ",".join("?" * len(targets))
    roots = [r[0] for r in ix.db.execute(f"SELECT root FROM agg_roots WHERE root IN ({marks})", targets)]
    if len(roots) != 1:
        return None
    root = roots[0]
    return root if all(_flowless(ix, t, root) for t in targets if t != root) else None


def page(
    ix: FlowIndex, root: str, *, limit: int | None = None, offset: int = 0, after: str | None = None
) -> tuple[int, list[Row]]:
    """(tasks carrying ``root`` out, those of the page in trace order): ``offset`` of them skipped, after the
    task ``after`` (a keyset cursor: any task IRI, placed by the trace's order) when given."""
    row = ix.db.execute("SELECT tasks FROM agg_count WHERE root = ?", (root,)).fetchone()
    total = int(row[0]) if row else 0
    where, args = ("root = ?", [root]) if after is None else ("root = ? AND key > ?", [root, natural_key(after)])
    rows = ix.db.execute(
        f"SELECT task, via, relation FROM agg_tasks WHERE {where} ORDER BY key LIMIT ? OFFSET ?",
        (*args, -1 if limit is None else limit, offset),
    ).fetchall()
    return total, rows


def reach(ix: FlowIndex, root: str) -> dict[str, list[str]]:
    """The documents carrying ``root`` out, nearest first then by IRI, each with its chain of IRIs up to it (as
    :func:`graph_api.flow.read.closure` gives them)."""
    chains: dict[str, list[str]] = {root: []}
    for doc, parent in ix.db.execute("SELECT doc, parent FROM agg_reach WHERE root = ? ORDER BY depth, doc", (root,)):
        chains[doc] = [parent, *chains.get(parent, [])]
    del chains[root]
    return chains


def chains(ix: FlowIndex, root: str, docs: set[str]) -> dict[str, list[str]]:
    """The chain of IRIs up to ``root`` of each of ``docs`` (documents carrying it out), as :func:`reach` gives
    them, read for those documents and the documents of their chains only."""
    parents: dict[str, str] = {}
    wanted = set(docs) - {root}
    while wanted:
        marks = ",".join("?" * len(wanted))
        found = dict(
            ix.db.execute(f"SELECT doc, parent FROM agg_reach WHERE doc IN ({marks}) AND root = ?", (*wanted, root))
        )
        parents.update(found)
        wanted = {p for p in found.values() if p != root and p not in parents}

    def chain(doc: str) -> list[str]:
        out = []
        while doc in parents:
            doc = parents[doc]
            out.append(doc)
        return out

    return {d: chain(d) for d in docs if d in parents}


def documents(ix: FlowIndex, root: str) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """(:func:`reach`, and each of those documents as the trace shows it — ``iri``, ``symbol``, ``year``,
    ``kind``, ``province`` as :func:`graph_api.flow.targets.document_labels` gives them): one range scan."""
    chains: dict[str, list[str]] = {root: []}
    labels: dict[str, dict] = {}
    for doc, parent, symbol, year, kind, province in ix.db.execute(
        "SELECT doc, parent, symbol, year, kind, province FROM agg_reach WHERE root = ? ORDER BY depth, doc", (root,)
    ):
        chains[doc] = [parent, *chains.get(parent, [])]
        labels[doc] = {"iri": doc, "symbol": symbol, "year": year, "kind": kind, "province": province}
    del chains[root]
    kinds = R.label_map(ix, {d["kind"] for d in labels.values() if d["kind"]}, "en")
    provinces = R.label_map(ix, {d["province"] for d in labels.values() if d["province"]})
    for d in labels.values():
        d["kind"] = kinds[d["kind"]][0].lower() if d["kind"] in kinds else None
        d["province"] = provinces[d["province"]][0] if d["province"] in provinces else None
    return chains, labels
