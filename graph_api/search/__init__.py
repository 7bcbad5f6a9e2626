"""Full-text search over documents, task sentences, bodies and projects: an SQLite FTS5 index kept in a file
beside the store, ranked with bm25, with highlighted snippets.

Text is folded before it is indexed and before it is searched (NFD, combining marks dropped, ``đ`` → ``d``,
lower case), so that "ban can su dang" finds "Ban cán sự đảng". Folding keeps one character for each
character of the NFC text, so a snippet found in the folded text is shown in the original, diacritics and all.

The index holds, per named graph, the records read from it and the graph's content hash: ingest calls
:meth:`SearchIndex.index_document` when it writes a document and :meth:`SearchIndex.remove_document` when one
goes; :meth:`SearchIndex.sync` brings the index in step with any store (graphs written by other means,
an index built after the store).

>>> fold("Ban cán sự đảng Đà Nẵng")
'ban can su dang da nang'
>>> ix = SearchIndex()
>>> ix.index_document("g:1", [Record("task", "t:1", "Ban Tuyên giáo", "Giao Ban cán sự đảng UBND tỉnh rà soát")])
>>> hit = ix.search("ban can su dang").hits[0]
>>> hit.iri, hit.snippet, hit.highlights
('t:1', 'Giao Ban cán sự đảng UBND tỉnh rà soát', [(5, 20)])
"""

from graph_api.search.index import Hit, SearchIndex, SearchPage, index_for, index_path
from graph_api.search.records import KINDS, Record, records_from_triples
from graph_api.search.text import fold, match_expression

__all__ = [
    "fold",
    "match_expression",
    "Record",
    "Hit",
    "SearchPage",
    "SearchIndex",
    "records_from_triples",
    "index_path",
    "index_for",
    "KINDS",
]
