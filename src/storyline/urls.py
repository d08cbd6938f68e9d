"""URLs: validation, the comparison key, and the outlet an article belongs to.

Two URLs are the same article when their keys are equal: courlan's normalisation (lower-case
host, tracking parameters and fragments dropped, query sorted) plus the differences that
never change the page on news sites: http vs https, a ``www.``/``m.``/``amp.`` host prefix,
and a trailing slash.
"""

from __future__ import annotations

import functools
import ipaddress
from urllib.parse import urlsplit

import courlan

_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.")


class BadURL(ValueError):
    """The string is not an absolute http(s) URL with a host."""


def _strip_prefix(host: str) -> str:
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix):]
    return host


def _valid_host(host: str) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    if ":" in host or host.replace(".", "").isdigit():
        try:
            ipaddress.ip_address(host.strip("[]"))
            return True
        except ValueError:
            return False
    return "." in host and all(host.split("."))


@functools.lru_cache(maxsize=65536)
def url_key(url: str) -> str:
    """The comparison key of ``url``; raises :class:`BadURL` when it is not a web URL."""
    raw = url.strip()
    parts = urlsplit(raw)
    try:
        valid = parts.scheme.lower() in ("http", "https") and _valid_host(parts.hostname or "")
    except ValueError:  # a malformed port or IPv6 literal
        valid = False
    if not valid:
        raise BadURL(url)
    try:
        parts = urlsplit(courlan.normalize_url(raw, strict=True))
    except ValueError:
        raise BadURL(url) from None
    host = _strip_prefix((parts.hostname or "").lower())
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def outlet(url: str) -> str:
    """The outlet (site) an URL belongs to: its host without ``www.``-style prefixes."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    return _strip_prefix(host)


def is_web_url(url: str) -> bool:
    try:
        url_key(url)
    except BadURL:
        return False
    return True
