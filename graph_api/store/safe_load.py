"""``LOAD`` under the operator's rules: off unless configured, from allowed folders and hosts only.

The store never fetches anything itself: :func:`graph_api.store.update_text.rewrite` hands every ``LOAD`` of an
update to :meth:`Loader.load`, which reads the source here and returns an ``INSERT DATA`` of its triples.

Settings (environment of ``vankien serve``):

- ``VANKIEN_LOAD_ALLOW`` — a comma-separated allow-list; empty or unset: LOAD is off. Each entry is a folder
  (``/srv/rdf``: files in it or below it, after symbolic links are resolved) or a URL prefix
  (``https://data.example.org`` or ``https://data.example.org/rdf/``: same scheme, host and port, the path under
  the prefix's path);
- ``VANKIEN_LOAD_MAX_BYTES`` (default 16 MiB) and ``VANKIEN_LOAD_TIMEOUT`` (seconds, default 30) bound one LOAD.

A host name is resolved once and every address it resolves to must be public: loopback, private (RFC 1918,
unique-local), link-local, carrier-grade NAT, multicast, reserved and unspecified addresses are refused — unless
the allow-list entry itself is that IP address, written out. The connection goes to the address that was checked
(no second resolution), and each redirect (at most 5) is checked again in full before it is followed.

>>> policy = LoadPolicy.parse("/srv/rdf, https://data.example.org/rdf/")
>>> policy.folders, [p.geturl() for p in policy.prefixes]
((PosixPath('/srv/rdf'),), ['https://data.example.org/rdf/'])
>>> refused_address("127.0.0.1"), refused_address("10.1.2.3"), refused_address("169.254.169.254"), refused_address("93.184.215.14")
('loopback', 'private', 'link-local', None)
>>> refused_address("::ffff:192.168.0.1"), refused_address("fe80::1"), refused_address("::1")
('private', 'link-local', 'loopback')
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

from pyoxigraph import RdfFormat, parse

from core.errors import QueryError, Refused

__all__ = ["LoadPolicy", "Loader", "refused_address", "LoadRefused"]

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
MAX_REDIRECTS = 5

_BY_MEDIA = {
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "text/plain": RdfFormat.N_TRIPLES,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/xml": RdfFormat.RDF_XML,
    "application/ld+json": RdfFormat.JSON_LD,
    "text/n3": RdfFormat.N3,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/trig": RdfFormat.TRIG,
}
_BY_EXTENSION = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
    ".jsonld": RdfFormat.JSON_LD,
    ".n3": RdfFormat.N3,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
}


class LoadRefused(Refused):
    """A LOAD the rules refuse (403) or that failed (400, 413, 504), with the reason."""


def refused_address(address: str) -> str | None:
    """Why an IP address may not be fetched from (None when it is a public address)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10"):
        return "carrier-grade NAT"
    if ip.is_private:
        return "private"
    if ip.is_reserved or not ip.is_global:
        return "reserved"
    return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _port(url: SplitResult) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


@dataclass(frozen=True)
class LoadPolicy:
    """The operator's allow-list and limits."""

    folders: tuple[Path, ...] = ()
    prefixes: tuple[SplitResult, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT

    @property
    def enabled(self) -> bool:
        return bool(self.folders or self.prefixes)

    @classmethod
    def parse(cls, allow: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT) -> LoadPolicy:
        folders, prefixes = [], []
        for entry in (e.strip() for e in allow.split(",")):
            if not entry:
                continue
            if entry.lower().startswith(("http://", "https://")):
                url = urlsplit(entry)
                if not url.hostname:
                    raise ValueError(f"VANKIEN_LOAD_ALLOW: no host in {entry!r}")
                prefixes.append(url)
            else:
                folders.append(Path(entry).expanduser().resolve())
        return cls(tuple(folders), tuple(prefixes), max_bytes, timeout)

    @classmethod
    def from_env(cls) -> LoadPolicy:
        return cls.parse(
            os.environ.get("VANKIEN_LOAD_ALLOW", ""),
            max_bytes=int(os.environ.get("VANKIEN_LOAD_MAX_BYTES") or DEFAULT_MAX_BYTES),
            timeout=float(os.environ.get("VANKIEN_LOAD_TIMEOUT") or DEFAULT_TIMEOUT),
        )

    def allowed_prefix(self, url: SplitResult) -> SplitResult | None:
        """The allow-list entry that admits ``url`` (same scheme, host and port, path under the entry's)."""
        for p in self.prefixes:
            if (
                p.scheme.lower() == url.scheme.lower()
                and (p.hostname or "") == (url.hostname or "")
                and _port(p) == _port(url)
            ):
                base = p.path or "/"
                path = url.path or "/"
                if (
                    base.endswith("/")
                    and path.startswith(base)
                    or path == base
                    or path.startswith(base + "/")
                    or base == "/"
                ):
                    return p
        return None


Resolver = Callable[[str, int], list[str]]


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise LoadRefused(400, f"LOAD refused: cannot resolve {host}: {e}") from None
    return sorted({str(info[4][0]) for info in infos})


@dataclass
class Loader:
    """Reads LOAD sources under a :class:`LoadPolicy`."""

    policy: LoadPolicy = field(default_factory=LoadPolicy.from_env)
    resolver: Resolver = _resolve

    def fetch(self, source: str) -> tuple[bytes, RdfFormat, str]:
        """(content, format, final IRI) of a source, or LoadRefused with the reason."""
        if not self.policy.enabled:
            raise LoadRefused(
                403,
                "LOAD is off on this service: the operator allows no sources "
                "(VANKIEN_LOAD_ALLOW lists the folders and hosts LOAD may read)",
            )
        url = urlsplit(source)
        scheme = url.scheme.lower()
        if scheme == "file":
            return self._file(url, source)
        if scheme in ("http", "https"):
            return self._http(source)
        raise LoadRefused(403, f"LOAD refused: {source} — only file:, http: and https: sources can be allowed")

    # -- files ---------------------------------------------------------------------------
    def _file(self, url: SplitResult, source: str) -> tuple[bytes, RdfFormat, str]:
        if url.netloc not in ("", "localhost"):
            raise LoadRefused(403, f"LOAD refused: {source} is a file on another host")
        path = Path(unquote(url.path)).resolve()
        if not any(path == folder or folder in path.parents for folder in self.policy.folders):
            raise LoadRefused(403, f"LOAD refused: {path} is outside the folders LOAD may read")
        if not path.is_file():
            raise LoadRefused(400, f"LOAD failed: no file {path}")
        if path.stat().st_size > self.policy.max_bytes:
            raise LoadRefused(413, f"LOAD refused: {path} is larger than the limit of {self.policy.max_bytes} bytes")
        fmt = _BY_EXTENSION.get(path.suffix.lower())
        if fmt is None:
            raise LoadRefused(400, f"LOAD failed: the format of {path.name} is not known by its extension")
        return path.read_bytes(), fmt, path.as_uri()

    # -- HTTP ----------------------------------------------------------------------------
    def check_url(self, source: str) -> tuple[SplitResult, str]:
        """The URL and the address to connect to, or LoadRefused: allow-list first, then every address the host
        resolves to."""
        url = urlsplit(source)
        if url.scheme.lower() not in ("http", "https") or not url.hostname:
            raise LoadRefused(403, f"LOAD refused: {source} is not an http(s) URL")
        if url.username or url.password:
            raise LoadRefused(403, f"LOAD refused: {source} carries credentials")
        entry = self.policy.allowed_prefix(url)
        if entry is None:
            raise LoadRefused(
                403, f"LOAD refused: {url.scheme}://{url.netloc} is not in the hosts LOAD may read (VANKIEN_LOAD_ALLOW)"
            )
        host = url.hostname
        addresses = [host] if _is_ip(host) else self.resolver(host, _port(url))
        if not addresses:
            raise LoadRefused(400, f"LOAD refused: {host} resolves to no address")
        explicit = _is_ip(entry.hostname or "")  # the operator wrote this very address
        if not explicit:
            for address in addresses:
                why = refused_address(address)
                if why:
                    raise LoadRefused(403, f"LOAD refused: {host} resolves to {address}, a {why} address")
        return url, addresses[0]

    def _http(self, source: str) -> tuple[bytes, RdfFormat, str]:
        deadline = time.monotonic() + self.policy.timeout
        current = source
        for _ in range(MAX_REDIRECTS + 1):
            url, address = self.check_url(current)
            status, headers, body = self._get(url, address, deadline)
            if status in (301, 302, 303, 307, 308):
                location = headers.get("location")
                if not location:
                    raise LoadRefused(400, f"LOAD failed: {current} answered {status} without a Location")
                current = urljoin(current, location)
                continue
            if status != 200:
                raise LoadRefused(400, f"LOAD failed: {current} answered {status}")
            media = headers.get("content-type", "").split(";")[0].strip().lower()
            fmt = _BY_MEDIA.get(media) or _BY_EXTENSION.get(Path(url.path).suffix.lower())
            if fmt is None:
                raise LoadRefused(400, f"LOAD failed: {current} sent {media or 'no media type'}, not RDF")
            return body, fmt, current
        raise LoadRefused(400, f"LOAD failed: more than {MAX_REDIRECTS} redirects from {source}")

    def _get(self, url: SplitResult, address: str, deadline: float) -> tuple[int, dict[str, str], bytes]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise LoadRefused(504, f"LOAD failed: no answer within {self.policy.timeout:g} s")
        host, port = url.hostname or "", _port(url)
        try:
            sock = socket.create_connection((address, port), timeout=remaining)
            if url.scheme.lower() == "https":
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
            conn = http.client.HTTPConnection(host, port, timeout=remaining)
            conn.sock = sock
            path = (url.path or "/") + (f"?{url.query}" if url.query else "")
            conn.request(
                "GET",
                path,
                headers={
                    "Host": url.netloc.rpartition("@")[2],
                    "Accept": "text/turtle, application/n-triples, application/rdf+xml;q=0.9, "
                    "application/ld+json;q=0.8, application/n-quads;q=0.7, application/trig;q=0.7",
                    "User-Agent": "vankien-load",
                },
            )
            resp = conn.getresponse()
            headers = {k.lower(): v for k, v in resp.getheaders()}
            length = headers.get("content-length")
            if length and length.isdigit() and int(length) > self.policy.max_bytes:
                raise LoadRefused(
                    413, f"LOAD refused: {url.geturl()} is larger than the limit of {self.policy.max_bytes} bytes"
                )
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise LoadRefused(504, f"LOAD failed: {url.geturl()} took longer than {self.policy.timeout:g} s")
                if resp.isclosed():
                    break
                sock.settimeout(max(deadline - time.monotonic(), 0.01))
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise LoadRefused(
                        413, f"LOAD refused: {url.geturl()} is larger than the limit of {self.policy.max_bytes} bytes"
                    )
                chunks.append(chunk)
            conn.close()
            return resp.status, headers, b"".join(chunks)
        except LoadRefused:
            raise
        except TimeoutError:
            raise LoadRefused(504, f"LOAD failed: {url.geturl()} took longer than {self.policy.timeout:g} s") from None
        except (OSError, http.client.HTTPException) as e:
            raise LoadRefused(400, f"LOAD failed: {url.geturl()}: {e}") from None

    # -- as an update --------------------------------------------------------------------
    def insert_data(self, source: str, graph: str | None, *, silent: bool) -> str:
        """The ``INSERT DATA`` that stands for ``LOAD <source> [INTO GRAPH <graph>]`` (empty when SILENT and
        the LOAD fails or is refused)."""
        try:
            data, fmt, final = self.fetch(source)
            try:
                quads = list(parse(data, format=fmt, base_iri=final))
            except (SyntaxError, ValueError) as e:
                raise LoadRefused(400, f"LOAD failed: {source} is not valid {fmt.name}: {e}") from None
        except LoadRefused:
            if silent:
                return ""
            raise
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads]
        if not lines:
            return f"CREATE SILENT GRAPH <{graph}>" if graph else ""
        body = "\n".join(lines)
        return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}" if graph else f"INSERT DATA {{\n{body}\n}}"


def load_operation(loader: Loader, base: str | None) -> Callable:
    """The ``load`` hook of :func:`graph_api.store.update_text.rewrite` for ``loader``."""

    def load(op, prefixes) -> str:
        toks = op.toks[1:]
        silent = bool(toks) and toks[0].is_("SILENT")
        if silent:
            toks = toks[1:]
        if not toks:
            raise QueryError("malformed update: LOAD without a source")
        source = prefixes.iri(toks[0], base)
        graph = None
        if len(toks) >= 4 and toks[1].is_("INTO") and toks[2].is_("GRAPH"):
            graph = prefixes.iri(toks[3], base)
        elif len(toks) != 1:
            raise QueryError("malformed update: LOAD <source> [INTO GRAPH <graph>]")
        if source is None:
            raise QueryError("malformed update: LOAD needs an IRI")
        return loader.insert_data(source, graph, silent=silent)

    return load
