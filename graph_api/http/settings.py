"""Operator settings of the HTTP service (`vankien serve`), from arguments and the environment.

Every limit lives here, in one place. The update token is never shown in ``repr`` or logs.

>>> s = Settings(update_token="secret", query_timeout=2)
>>> "secret" in repr(s), s.read_only, s.query_timeout
(False, False, 2.0)
>>> Settings().read_only
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ontology.iris import Iris

REPO_ROOT = Path(__file__).resolve().parents[2]


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


@dataclass(frozen=True)
class Settings:
    """Limits and options of one running service."""

    base: str = field(default_factory=lambda: Iris().base)
    """IRI base of the resources; ``{base}id/…`` dereferences at ``/id/…``."""
    update_token: str | None = field(default=None, repr=False)
    """Bearer token that allows SPARQL Update and Graph Store writes; ``None`` = read-only."""
    query_timeout: float = 30.0
    """Seconds a query may run before its worker is killed and a 503 is answered."""
    update_timeout: float = 120.0
    """Seconds an update or a Graph Store write may run."""
    dump_timeout: float = 600.0
    """Seconds a full dump (``/dump.nq``) may take to prepare."""
    max_rows: int = 100_000
    """Results with more rows (or triples) are refused with 400, never cut."""
    max_concurrent: int = 8
    """Queries run at the same time; more wait up to ``queue_timeout`` then get 429."""
    queue_timeout: float = 10.0
    max_body_bytes: int = 16 * 1024 * 1024
    """Request bodies larger than this get 413."""
    cache_bytes: int = 64 * 1024 * 1024
    """Memory for answers of identical read queries, emptied by every write; 0 = no cache. Only for a store the
    service owns (``oxigraph:``, ``memory:``): a remote store can change behind its back."""
    cors_origins: tuple[str, ...] = ("*",)
    union_default_graph: bool = True
    """Without FROM or default-graph-uri, the default graph is the union of the named graphs."""
    queries_dir: Path = REPO_ROOT / "queries"
    """Saved ``*.rq`` files offered on the query page."""
    title: str = "vankien"
    local_reads: bool = True
    """Bounded queries are answered in the HTTP worker on a read-only view (``VANKIEN_LOCAL_READS=0``: never)."""
    workers: int = 1
    """HTTP worker processes of ``vankien serve`` (Granian), sharing one store owner."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", self.base if self.base.endswith("/") else self.base + "/")
        object.__setattr__(self, "query_timeout", float(self.query_timeout))
        object.__setattr__(self, "queries_dir", Path(self.queries_dir))
        if self.update_token is not None and not self.update_token.strip():
            object.__setattr__(self, "update_token", None)

    @property
    def read_only(self) -> bool:
        return self.update_token is None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``VANKIEN_*`` variables; keyword arguments that are not None win."""
        settings = cls(
            update_token=os.environ.get("VANKIEN_UPDATE_TOKEN") or None,
            query_timeout=_env_float("VANKIEN_QUERY_TIMEOUT", 30.0),
            max_rows=_env_int("VANKIEN_MAX_ROWS", 100_000),
            max_concurrent=_env_int("VANKIEN_MAX_CONCURRENT", 8),
            max_body_bytes=_env_int("VANKIEN_MAX_BODY_BYTES", 16 * 1024 * 1024),
            cache_bytes=_env_int("VANKIEN_CACHE_BYTES", 64 * 1024 * 1024),
            local_reads=os.environ.get("VANKIEN_LOCAL_READS", "1") != "0",
            workers=_env_int("VANKIEN_WORKERS", min(os.cpu_count() or 1, 2)),
        )
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]
