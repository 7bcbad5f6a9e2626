"""Where a bounded query runs in the HTTP worker (graph_api.store.readers): a cheap one on the event loop's
thread, one that took more CPU than INLINE_SECONDS on the reader's thread pool from then on, with the same answer;
and the event loop `vankien serve` gives Granian (graph_api.http.workers)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from api_fixtures import fill_store

import graph_api.store.readers as readers
from graph_api.http.workers import granian_loop_options
from graph_api.store.readers import LocalReader
from graph_api.store.shared_state import SharedState

LOOKUP = (  # bounded, and run by the engine (a FILTER: no star lookup, graph_api.store.star)
    "SELECT ?o WHERE { <http://example.org/n7> <http://example.org/next> ?o FILTER(?o != <http://example.org/n7>) }"
)


def _reader(tmp_path: Path) -> LocalReader:
    fill_store(tmp_path / "s")
    return LocalReader(str(tmp_path / "s"), SharedState.create(str(tmp_path / "state")))


def _threads_answering(reader: LocalReader) -> tuple[bytes, set[str]]:
    """The answer to LOOKUP, and the names of the threads its query ran on."""
    seen: set[str] = set()
    run = reader._run

    def spy(*args: object) -> object:
        seen.add(threading.current_thread().name)
        return run(*args)  # type: ignore[arg-type]

    reader._run = spy  # type: ignore[method-assign,assignment]
    try:
        answer, given_up = asyncio.run(reader.answer_async(LOOKUP, "json", 100))
    finally:
        reader._run = run  # type: ignore[method-assign,assignment]
    assert answer is not None and given_up == 0.0
    return answer[1], seen


def test_a_cheap_bounded_query_stays_on_the_event_loop(tmp_path: Path) -> None:
    reader = _reader(tmp_path)
    first, threads = _threads_answering(reader)
    assert threads == {threading.current_thread().name}
    again, threads = _threads_answering(reader)
    assert again == first and b'"value":"http://example.org/n8"' in first
    assert threads == {threading.current_thread().name} and reader.pool is None and not reader.heavy


def test_a_heavy_bounded_query_moves_to_the_thread_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = _reader(tmp_path)
    monkeypatch.setattr(readers, "INLINE_SECONDS", -1.0)  # every query "took longer"
    first, threads = _threads_answering(reader)
    assert threads == {threading.current_thread().name}  # measured inline the first time
    assert LOOKUP in reader.heavy
    again, threads = _threads_answering(reader)
    assert again == first
    assert len(threads) == 1 and threads.pop().startswith("vankien-template")
    assert reader.stats()["answered"] == 2


def test_granian_runs_on_a_named_loop_never_auto() -> None:
    from granian.constants import Loops

    assert granian_loop_options() == {"loop": Loops.uvloop}  # uvloop comes with uvicorn[standard]; never rloop
