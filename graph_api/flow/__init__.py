"""The flow index: central document → documents carrying it out → tasks, kept beside the store so that the trace,
coverage, the views and the analytics read it instead of deriving it from the graph at each request.

An SQLite file (``STORE.flow.sqlite`` beside an on-disk store, a per-user cache file for a remote one, in memory
for an in-memory store) holds, per named graph, the rows read from that graph (:mod:`graph_api.flow.extract`) and
its content hash. A load through ``vankien`` indexes each document as it writes it (replacing its rows when it
replaces the document); :meth:`FlowIndex.sync` reconciles the index with any store by content hashes, so it also
follows remote stores (Virtuoso) and writes made through SPARQL Update or the Graph Store Protocol.
:func:`flow_for` gives a store's index brought in step (at each call for an in-memory store, at most every
``VANKIEN_FLOW_SYNC_SECONDS`` = 5 s for others, and for an on-disk store only when its files changed). The aggregates over every central document (overview, coverage
matrix, bodies) and, per central document, the documents and tasks carrying it out in trace order are kept in
tables brought in step on the first read after a change — per document changed, or in full after a large change
(:mod:`graph_api.flow.maintain`) — so that a page of a central document's trace is one range scan
(:mod:`graph_api.flow.pages`) instead of its whole flow.

Read API (targets are document IRIs; ``as_of`` an ISO day, today by default):

- :func:`implementing_documents` — documents carrying the targets out, with province, chain and their tasks
  counted by lead body;
- :func:`target_tasks` — one page of the tasks carrying the targets out (``total`` counts them all; an
  ``offset`` or, as a keyset cursor, the task it comes ``after``);
- :func:`counts_by_province` — tasks (open, overdue, ongoing, without deadline) and documents per province;
- :func:`overview` — the central documents most carried out, with counts;
- :func:`coverage_matrix` — provinces × central documents → tasks carrying each out;
- :func:`bodies` — tasks led or shared by each body, open and overdue.

>>> from graph_api.store import open_store
>>> from graph_api.store.ingest import ingest
>>> store = open_store("memory:")
>>> _ = ingest(["data/corpus"], store)
>>> ix = flow_for(store)
>>> kl21 = "https://w3id.org/vankien/id/doc/tw/kl/2021/21"
>>> [(d["symbol"], d["province"], d["tasks"]) for d in implementing_documents(ix, kl21)]
[('147-KH/TU', 'Tuyên Quang', 0)]
>>> page = target_tasks(ix, kl21, limit=1, as_of="2024-01-01")
>>> page["total"], page["tasks"][0]["province"], page["tasks"][0]["status"]
(1, 'Tuyên Quang', 'no deadline')
>>> [(r["province"], r["tasks"], r["documents"]) for r in counts_by_province(ix, kl21, as_of="2024-01-01")]
[('Tuyên Quang', 1, 1)]
>>> [(d["symbol"], d["documents"], d["tasks"], d["provinces"]) for d in overview(ix, as_of="2024-01-01", top=2)]
[('57-NQ/TW', 3, 35, 1), ('03/NQ-CP', 1, 35, 1)]
>>> m = coverage_matrix(ix, max_columns=2)
>>> len(m["matrix"]) == len(m["provinces"]) and all(len(r) == 2 for r in m["matrix"])
True
"""

from graph_api.flow.aggregate import bodies, coverage_matrix, overview
from graph_api.flow.index import FlowIndex, flow_for, flow_path
from graph_api.flow.targets import counts_by_province, implementing_documents, target_tasks

__all__ = [
    "FlowIndex",
    "flow_for",
    "flow_path",
    "implementing_documents",
    "target_tasks",
    "counts_by_province",
    "overview",
    "coverage_matrix",
    "bodies",
]
