"""graph_api.store.update_text: an update request rewritten with its dataset (issue 18) means what it said, and no
LOAD slips past the loader."""

from __future__ import annotations

import pytest
from pyoxigraph import Store

from core.errors import QueryError
from graph_api.store.update_text import has_load, operations, rewrite

EX = "http://example.org/"
SEED = f"""INSERT DATA {{ <{EX}s> <{EX}p> 1 . GRAPH <{EX}g1> {{ <{EX}s> <{EX}p> 2 ; <{EX}q> "a;b {{ }}" }}
  GRAPH <{EX}g2> {{ <{EX}t> <{EX}p> 3 }} }}"""
TRICKY = [
    f'PREFIX ex: <{EX}> INSERT DATA {{ ex:x ex:p "semi ; colon # not a comment" }} ; # a comment ; here\n'
    f"DELETE DATA {{ ex:s ex:p 1 }}",
    f"BASE <{EX}> INSERT {{ GRAPH <g3> {{ ?s <copy> ?o }} }} WHERE {{ GRAPH ?g {{ ?s <p> ?o FILTER(?o > 1) }} }}",
    f"WITH <{EX}g1> DELETE {{ ?s <{EX}q> ?o }} INSERT {{ ?s <{EX}q> 'changed' }} WHERE {{ ?s <{EX}q> ?o }}",
    f"DELETE WHERE {{ GRAPH <{EX}g2> {{ ?s ?p ?o }} }} ; CLEAR SILENT GRAPH <{EX}absent> ; "
    f"COPY <{EX}g1> TO <{EX}g4> ; ADD SILENT DEFAULT TO <{EX}g5>",
    f"INSERT {{ ?s <{EX}n> ?n }} USING <{EX}g1> WHERE {{ {{ SELECT ?s (COUNT(*) AS ?n) {{ ?s ?p ?o }} GROUP BY ?s }} }}",
    f"""INSERT {{ GRAPH <{EX}g6> {{ ?s <{EX}label> '''multi
line ; {{ "quoted" }}'''@en }} }} WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} }}""",
]


def dump(store: Store) -> set[str]:
    return {str(q) for q in store}


@pytest.mark.parametrize("update", TRICKY)
def test_rewrite_without_dataset_means_the_same(update: str) -> None:
    plain, rewritten = Store(), Store()
    for s in (plain, rewritten):
        s.update(SEED)
    plain.update(update)
    rewritten.update(rewrite(update, load=lambda op, prefixes: ""))
    assert dump(plain) == dump(rewritten)


def test_using_parameters_equal_using_clauses() -> None:
    a, b = Store(), Store()
    for s in (a, b):
        s.update(SEED)
    body = f"INSERT {{ GRAPH <{EX}out> {{ ?s <{EX}seen> ?g }} }} WHERE {{ ?s ?p ?o OPTIONAL {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"
    a.update(body.replace(" WHERE", f" USING <{EX}g1> USING NAMED <{EX}g2> WHERE"))
    b.update(rewrite(body, using=[f"{EX}g1"], using_named=[f"{EX}g2"]))
    assert dump(a) == dump(b)


def test_using_parameters_conflict_with_with_and_using() -> None:
    for update in (
        f"WITH <{EX}g1> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
        f"DELETE {{ ?s ?p ?o }} USING <{EX}g1> WHERE {{ ?s ?p ?o }}",
    ):
        with pytest.raises(QueryError, match="cannot be combined"):
            rewrite(update, using=[f"{EX}g2"])


def test_union_rule_reads_and_deletes_across_graphs() -> None:
    store = Store()
    store.update(SEED)
    graphs = lambda: [f"{EX}g1", f"{EX}g2"]  # noqa: E731
    store.update(rewrite(f"DELETE WHERE {{ <{EX}s> <{EX}p> ?o }}", union_graphs=graphs))
    left = dump(store)
    assert not [q for q in left if q.startswith(f"<{EX}s> <{EX}p>")]  # from the default graph and g1
    assert len(left) == 2  # g1's q triple and g2's triple
    store.update(rewrite(f"DELETE {{ ?s <{EX}q> ?o }} WHERE {{ ?s <{EX}q> ?o }}", union_graphs=graphs))
    assert [q.split(" ")[0] for q in dump(store)] == [f"<{EX}t>"]


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://x/>",
        "load <http://x/> into graph <http://g/>",
        "INSERT DATA { <a:a> <a:b> 1 } ; # LOAD in a comment\n LoAd SILENT <http://x/>",
        "PREFIX x: <http://x/> LOAD x:data",
    ],
)
def test_every_load_is_found(update: str) -> None:
    assert has_load(update)
    assert "LOAD" in [op.kind for op in operations(update)]
    assert "LOAD" not in rewrite(update, load=lambda op, prefixes: "").upper().replace("LOAD IN A COMMENT", "")


def test_no_load_in_strings_or_iris() -> None:
    assert not has_load("INSERT DATA { <http://x/LOAD> <http://x/p> 'LOAD <http://y/>' }")


def test_the_store_default_graph_joins_the_union_of_a_where() -> None:
    store = Store()
    store.update(SEED)  # <s> <p> 1 in the store's own default graph
    graphs = lambda: [f"{EX}g1", f"{EX}g2"]  # noqa: E731
    view = "urn:x-vankien:default-graph-view:test"
    update = f"INSERT {{ GRAPH <{EX}out> {{ ?s <{EX}seen> ?o }} }} WHERE {{ ?s <{EX}p> ?o }}"
    store.update(rewrite(update, union_graphs=graphs, default_view=view))
    seen = {q for q in dump(store) if f"<{EX}seen>" in q}
    assert len(seen) == 3  # 1 (default graph), 2 (g1), 3 (g2)
    assert view not in {str(g) for g in store.named_graphs()}  # the copy lived only inside the update
    store.update(
        rewrite(f"DELETE {{ ?s <{EX}p> ?o }} WHERE {{ ?s <{EX}p> ?o }}", union_graphs=graphs, default_view=view)
    )
    assert not [q for q in dump(store) if f"<{EX}p>" in q]


def test_a_view_is_no_part_of_a_protocol_dataset() -> None:
    text = rewrite(
        f"INSERT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
        using=[f"{EX}g1"],
        union_graphs=lambda: [],
        default_view="urn:x-view",
    )
    assert "urn:x-view" not in text and f"USING <{EX}g1>" in text
