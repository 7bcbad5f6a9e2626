"""Answers of identical read queries, kept in the HTTP process until the next write through the service."""

from __future__ import annotations

from typing import Any

__all__ = ["ResultCache"]


class ResultCache:
    """Answers of read queries, kept until the next write (a generation counter) and bounded in bytes (LRU).

    A write empties the cache when it starts and again when it ends, and an answer is kept only when no
    write started or ended while it was computed: a cached answer is always the store's current one.

    >>> cache = ResultCache(10_000)
    >>> generation = cache.generation
    >>> cache.put("q1", ("solutions", b"old"), generation)
    >>> cache.get("q1"), cache.get("q2")
    (('solutions', b'old'), None)
    >>> cache.begin_write(); cache.get("q1") is None
    True
    >>> cache.put("q1", ("solutions", b"new"), generation)  # computed before the write: not kept
    >>> cache.end_write(); cache.put("q1", ("solutions", b"new"), cache.generation); cache.get("q1")
    ('solutions', b'new')
    >>> cache.stats()
    {'entries': 1, 'bytes': 261, 'hits': 2, 'misses': 2}
    """

    OVERHEAD = 256  # bytes counted per entry besides the query and the answer

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.entries: dict[Any, tuple[tuple[str, bytes], int]] = {}
        self.size = self.generation = self.writing = self.hits = self.misses = 0

    def get(self, key: Any) -> tuple[str, bytes] | None:
        entry = self.entries.pop(key, None)
        if entry is None:
            self.misses += 1
            return None
        self.entries[key] = entry  # most recently used last
        self.hits += 1
        return entry[0]

    def put(self, key: Any, value: tuple[str, bytes], generation: int) -> None:
        """Keep ``value`` if it was computed at the current generation, outside any write."""
        if generation != self.generation or self.writing:
            return
        size = len(value[1]) + len(key[0] if isinstance(key, tuple) else key) + self.OVERHEAD
        if size > self.max_bytes // 8:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= old[1]
        self.entries[key] = (value, size)
        self.size += size
        while self.size > self.max_bytes:
            self.size -= self.entries.pop(next(iter(self.entries)))[1]

    def clear(self) -> None:
        self.generation += 1
        self.entries.clear()
        self.size = 0

    def begin_write(self) -> None:
        self.writing += 1
        self.clear()

    def end_write(self) -> None:
        self.writing -= 1
        self.clear()

    def stats(self) -> dict[str, int]:
        return {"entries": len(self.entries), "bytes": self.size, "hits": self.hits, "misses": self.misses}
