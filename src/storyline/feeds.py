"""RSS/Atom feeds and OPML subscription lists: what to fetch.

feedparser reads RSS 0.9x-2.0, RSS 1.0 and Atom, tolerating the malformed feeds news sites
publish; a feed that yields no entries and is not well formed is reported as malformed.
OPML lists are read with the standard library's expat parser (which refuses external
entities) and contribute every ``outline`` with an ``xmlUrl``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .errors import UsageError
from .records import Record, stable_id


@dataclass(frozen=True)
class FeedItem(Record):
    """One entry of a feed: the article link and what the feed says about it."""

    key: str  # stable: the entry's id/guid, else its link
    link: str
    title: str
    published: dt.date | None = None


@dataclass(frozen=True)
class ParsedFeed:
    items: tuple[FeedItem, ...]
    title: str
    malformed: str | None = None  # why the feed was unusable, when it was


def parse_feed(data: bytes, base_url: str) -> ParsedFeed:
    """The entries of a feed document, newest first as published."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    items, elsewhere = [], 0
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            elsewhere += bool(link)
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            try:
                published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
            except ValueError:
                published = None
        key = (entry.get("id") or link).strip()
        items.append(FeedItem(stable_id(base_url, key), link, (entry.get("title") or "").strip(), published))
    malformed = None
    if not items and elsewhere:
        malformed = f"the feed's {elsewhere} items link to no http(s) page (javascript:, file: or data: links are never fetched)"
    elif not items and parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        malformed = f"not a readable RSS/Atom feed ({type(reason).__name__ if reason else 'unknown error'})"
    return ParsedFeed(tuple(items), (parsed.feed.get("title") or "").strip(), malformed)


def parse_opml(data: bytes, source: str) -> list[str]:
    """Feed URLs listed in an OPML document."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise UsageError(f"{source} is not a readable OPML file ({exc})") from None
    urls = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url.startswith(("http://", "https://")) and url not in urls:
            urls.append(url)
    if not urls:
        raise UsageError(f"{source} lists no feeds (no <outline xmlUrl=...>)")
    return urls


def looks_like_opml(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<opml" in head
