"""Readers during replacements (the short version of ``bench/bench_concurrency.py``): 10 clients
query ``/sparql`` for 10 s on the real ``vankien serve`` while a loader replaces document graphs
through the Graph Store Protocol and SPARQL Update: no 5xx, no torn or stale read, the last
versions stay."""

from __future__ import annotations

from tests.concurrency import run


def test_ten_readers_during_replacements_see_whole_versions_only(tmp_path):
    fig = run(tmp_path / "work", clients=10, duration=10, docs=8)
    s = fig.summary()
    assert fig.server_errors == 0, (s["statuses"], fig.errors[:5])
    assert fig.torn == [], fig.torn[:5]
    assert fig.stale == [], fig.stale[:5]
    assert fig.replace_errors == [], fig.replace_errors[:5]
    assert fig.replacements >= 10, s  # the loader really replaced documents during the reads
    assert fig.checks >= 200, s
    assert fig.final_ok, s
    assert set(s["statuses"]) <= {200, 429}, s["statuses"]
