"""The one parser of a store specification (``--store``, ``VANKIEN_STORE``):

- ``oxigraph:PATH`` — embedded pyoxigraph on disk (the default, under the user's data folder); a plain
  folder path (``/srv/vankien``, ``./store``, ``~/vk``) means the same;
- ``memory:`` (or ``oxigraph:`` without a path) — embedded, in memory;
- ``sparql:QUERY_URL[,UPDATE_URL]`` — a remote SPARQL 1.1 server.

>>> parse_spec("oxigraph:/tmp/s")
StoreSpec(kind='oxigraph', path='/tmp/s', query_url=None, update_url=None)
>>> parse_spec("memory:").local, parse_spec("oxigraph:").in_memory
(True, True)
>>> s = parse_spec("sparql:http://h/query,http://h/update"); s.query_url, s.update_url, s.local
('http://h/query', 'http://h/update', False)
>>> parse_spec("/srv/vankien") == parse_spec("oxigraph:/srv/vankien"), parse_spec("./store").path
(True, './store')
>>> parse_spec("ftp:x")
Traceback (most recent call last):
core.errors.StoreError: unknown store spec 'ftp:x': use a folder path, oxigraph:PATH, memory: or sparql:QUERY_URL[,UPDATE_URL]
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import StoreError

__all__ = ["StoreSpec", "parse_spec", "default_store_spec", "side_index_path"]


@dataclass(frozen=True)
class StoreSpec:
    """A parsed store specification."""

    kind: str  # "oxigraph", "memory" or "sparql"
    path: str | None = None
    query_url: str | None = None
    update_url: str | None = None

    @property
    def in_memory(self) -> bool:
        return self.kind == "memory" or (self.kind == "oxigraph" and not self.path)

    @property
    def local(self) -> bool:
        """An embedded store: only vankien writes it (a remote one may change behind its back)."""
        return self.kind in ("oxigraph", "memory")


def default_store_spec() -> str:
    """``VANKIEN_STORE``, else ``oxigraph:`` + a per-user data folder."""
    if os.environ.get("VANKIEN_STORE"):
        return os.environ["VANKIEN_STORE"]
    root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"oxigraph:{root / 'vankien' / 'store'}"


def parse_spec(spec: str | None = None) -> StoreSpec:
    """The store a spec names (the default spec when None)."""
    spec = spec or default_store_spec()
    kind, colon, rest = spec.partition(":")
    if not colon or "/" in kind or "\\" in kind or kind.startswith((".", "~")):
        return StoreSpec("oxigraph", spec)  # a plain folder path
    if kind == "oxigraph":
        return StoreSpec("oxigraph", rest or None)
    if kind == "memory":
        return StoreSpec("memory")
    if kind == "sparql":
        query_url, _, update_url = rest.partition(",")
        return StoreSpec("sparql", query_url=query_url, update_url=update_url or None)
    raise StoreError(
        f"unknown store spec {spec!r}: use a folder path, oxigraph:PATH, memory: or sparql:QUERY_URL[,UPDATE_URL]"
    )


def side_index_path(store: Any, kind: str) -> Path | None:
    """Where an index kept beside a store lives (``kind``: ``search``, ``flow``): ``VANKIEN_<KIND>_INDEX`` if set,
    ``STORE.<kind>.sqlite`` beside an on-disk store, a per-user cache file for a remote one, None (in memory) for an
    in-memory store.

    >>> class Disk:
    ...     path = "/srv/vk"
    >>> str(side_index_path(Disk(), "flow"))
    '/srv/vk.flow.sqlite'
    """
    if os.environ.get(f"VANKIEN_{kind.upper()}_INDEX"):
        return Path(os.environ[f"VANKIEN_{kind.upper()}_INDEX"])
    path = getattr(store, "path", None)
    if path is not None:
        path = Path(path).expanduser()
        return path.parent / f"{path.name}.{kind}.sqlite"
    url = getattr(store, "query_url", None)
    if url:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        return root / "vankien" / f"{kind}-{hashlib.sha256(url.encode()).hexdigest()[:16]}.sqlite"
    return None
