"""Fetching web pages politely and safely, for feeds and the articles they link to.

Polite: robots.txt is honoured (RFC 9309), each host is asked at most once per
``watch.host_interval_s`` (or its robots Crawl-delay, if longer), feeds are fetched with
conditional GET (ETag / Last-Modified), and failures are retried with exponential backoff
that honours ``Retry-After``.

Safe: every request has a timeout and an overall deadline, every response a size cap, and
connections to private, loopback, link-local and other non-global addresses are refused
after DNS resolution, at connect time, for every redirect hop (so neither a hostile feed nor
DNS rebinding can make storyline fetch internal services), unless ``allow_private`` is set.
"""

from __future__ import annotations

import ipaddress
import random
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from . import __version__
from .errors import FetchError
from .settings import DEFAULTS, Settings

RETRY_STATUSES = {429, 500, 502, 503, 504}


class BlockedAddress(FetchError):
    code = "BLOCKED_ADDRESS"


def address_allowed(ip: str) -> bool:
    """Only globally routable unicast addresses (IPv4-mapped IPv6 checked as IPv4)."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_global and not addr.is_multicast


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, connecting only to addresses that pass the check.

    The name is resolved here and the connection made to the address that was checked, so a
    second, different DNS answer cannot slip past the check.
    """

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private
        self.inner = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        last: Exception | None = None
        for _family, _type, _proto, _canon, sockaddr in infos:
            ip = sockaddr[0]
            if not self.allow_private and not address_allowed(ip):
                last = BlockedAddress(f"{host} resolves to {ip}, a private or local address; storyline does not fetch those unless started with --allow-private")
                continue
            try:
                return self.inner.connect_tcp(ip, port, timeout=timeout, local_address=local_address, socket_options=socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        if isinstance(last, BlockedAddress):
            raise last
        raise last or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class Response:
    """A fetched body (capped), with what callers need from the HTTP exchange."""

    url: str  # the final URL, after redirects
    status: int
    body: bytes
    headers: dict[str, str]

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One polite, guarded HTTP client. ``clock``/``sleep`` are injectable for tests."""

    def __init__(
        self,
        settings: Settings = DEFAULTS,
        *,
        allow_private: bool = False,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.settings = settings
        self.allow_private = allow_private
        self.clock = clock
        self.sleep = sleep
        self.user_agent = settings["watch.user_agent"].format(version=__version__)
        transport = httpx.HTTPTransport(trust_env=False)
        # Replace the transport's connection pool with one on the guarded backend (httpx
        # has no public hook for it); the check below fails loudly if httpx changes.
        if not hasattr(transport, "_pool"):
            raise RuntimeError("this httpx version has no HTTPTransport._pool; cannot install the address guard")
        transport._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=GuardedBackend(allow_private),
            max_connections=10, keepalive_expiry=5.0,
        )
        timeout = settings["watch.timeout_s"]
        self.client = httpx.Client(
            transport=transport, follow_redirects=True, max_redirects=settings["watch.max_redirects"],
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), trust_env=False,
            headers={"User-Agent": self.user_agent},
        )
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None, bool]] = {}

    def close(self) -> None:
        self.client.close()

    # --- politeness ----------------------------------------------------------------
    def _wait_for_host(self, host: str, delay: float) -> None:
        last = self._last_hit.get(host)
        if last is not None:
            remaining = last + delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last_hit[host] = self.clock()

    def _robots_for(self, url: str) -> tuple[urllib.robotparser.RobotFileParser | None, bool]:
        """(parser, reachable) for the URL's origin, cached for ``watch.robots_ttl_s``."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached and self.clock() - cached[0] < self.settings["watch.robots_ttl_s"]:
            return cached[1], cached[2]
        parser: urllib.robotparser.RobotFileParser | None = None
        reachable = True
        try:
            resp = self._get(origin + "/robots.txt", {}, max_bytes=500_000, check_robots=False)
            if resp.status == 200:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(resp.body.decode("utf-8", "replace").splitlines())
            elif resp.status >= 500:
                reachable = False  # RFC 9309: assume complete disallow while unreachable
        except BlockedAddress:
            raise
        except FetchError:
            reachable = False
        self._robots[origin] = (self.clock(), parser, reachable)
        return parser, reachable

    def allowed(self, url: str) -> bool:
        parser, reachable = self._robots_for(url)
        if not reachable:
            return False
        return parser is None or parser.can_fetch(self.user_agent, url)

    # --- fetching --------------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None, max_bytes: int | None = None) -> Response:
        """GET ``url`` politely; raises :class:`FetchError` (with a code) when it cannot."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url!r} is not an http(s) URL", code="BAD_URL")
        if not self.allowed(url):
            raise FetchError(f"robots.txt of {urlsplit(url).netloc} does not allow fetching {url}", code="ROBOTS_DISALLOWED")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, max_bytes=max_bytes or self.settings["ingest.max_record_bytes"], check_robots=True)

    def _get(self, url: str, headers: dict[str, str], *, max_bytes: int, check_robots: bool) -> Response:
        attempts = self.settings["watch.retries"] + 1
        host = urlsplit(url).netloc
        delay = self.settings["watch.host_interval_s"]
        if check_robots:
            parser, _ = self._robots_for(url)
            crawl_delay = parser.crawl_delay(self.user_agent) if parser else None
            delay = max(delay, float(crawl_delay or 0))
        for attempt in range(attempts):
            self._wait_for_host(host, delay)
            try:
                resp = self._once(url, headers, max_bytes)
            except BlockedAddress:
                raise
            except FetchError as exc:
                if exc.code in ("TOO_LARGE",) or attempt == attempts - 1:
                    raise
                self.sleep(self._backoff(attempt, None))
                continue
            if resp.status in RETRY_STATUSES and attempt < attempts - 1:
                self.sleep(self._backoff(attempt, resp.headers.get("retry-after")))
                continue
            return resp
        raise FetchError(f"{url}: gave up after {attempts} attempts", code="FETCH_FAILED")  # pragma: no cover

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        base = self.settings["watch.backoff_s"] * (2 ** attempt)
        if retry_after and retry_after.strip().isdigit():
            base = max(base, float(retry_after))
        return min(base, self.settings["watch.max_backoff_s"]) * (1 + 0.1 * random.random())

    def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        deadline = self.clock() + self.settings["watch.deadline_s"]
        try:
            with self.client.stream("GET", url, headers=headers) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"{url}: {int(declared):,} bytes is over the limit of {max_bytes:,}", code="TOO_LARGE")
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"{url}: the response is over the limit of {max_bytes:,} bytes", code="TOO_LARGE")
                    if self.clock() > deadline:
                        raise FetchError(f"{url}: the response took longer than {self.settings['watch.deadline_s']}s", code="TIMEOUT")
                    chunks.append(chunk)
                return Response(str(resp.url), resp.status_code, b"".join(chunks), {k.lower(): v for k, v in resp.headers.items()})
        except BlockedAddress:
            raise
        except httpcore.ConnectError as exc:
            cause = exc.__cause__ or exc.__context__
            if isinstance(exc, BlockedAddress) or isinstance(cause, BlockedAddress):
                raise (cause if isinstance(cause, BlockedAddress) else exc) from None
            raise FetchError(f"{url}: cannot connect ({exc})", code="CONNECT_FAILED") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"{url}: more than {self.settings['watch.max_redirects']} redirects", code="TOO_MANY_REDIRECTS") from None
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out after {self.settings['watch.timeout_s']}s", code="TIMEOUT") from None
        except httpx.HTTPError as exc:
            blocked = _blocked_cause(exc)
            if blocked is not None:
                raise blocked from None
            raise FetchError(f"{url}: {type(exc).__name__}: {exc}", code="FETCH_FAILED") from None


def _blocked_cause(exc: BaseException) -> BlockedAddress | None:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, BlockedAddress):
            return exc
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
        seen += 1
    return None
