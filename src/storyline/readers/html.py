"""Saved HTML pages (and HTML from WARC records and feeds): extract the article.

trafilatura finds the main text and the title, htmldate (through trafilatura) the
publication date, and the canonical URL comes from ``<link rel=canonical>``/``og:url``, the
browser's ``saved from url=`` mark, or the address the page was fetched from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..records import Article, Rejection
from ..settings import Settings
from .common import Draft, finish, looks_binary, repair_mojibake
from .sentences import split_sentences

_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode HTML bytes by the declared or ``<meta charset>`` encoding, else UTF-8.

    Pages are lenient by nature: undecodable bytes are replaced rather than rejected, since
    the main text usually survives a stray byte in a script or footer.
    """
    encoding = declared
    if not encoding:
        m = _CHARSET.search(data[:4096])
        encoding = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _date_from_text(html: str) -> str | None:
    """A publication date found in the page text (a byline), when metadata had none.

    A 1 January result is htmldate's year-only fallback (a copyright line), not a day: it is
    refused, and the page is rejected as MISSING_DATE rather than dated wrongly."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=True, original_date=True)
    except Exception:  # htmldate raises on some malformed trees
        return None
    if not found or found.endswith("-01-01"):
        return None
    return found


def read_html_bytes(
    source: str,
    data: bytes,
    settings: Settings,
    *,
    url_hint: str | None = None,
    date_hint: str | None = None,
    line: int = 1,
    fmt: str = "html",
) -> Iterator[Article | Rejection]:
    """Extract one article from a saved page. ``url_hint``/``date_hint`` come from a WARC
    record or a feed entry and are used only when the page itself does not say."""
    limit = settings["ingest.max_record_bytes"]
    if len(data) > limit:
        yield Rejection(source, line, "TOO_LARGE", f"the page is {len(data):,} bytes, more than ingest.max_record_bytes={limit:,}")
        return
    if looks_binary(data):
        yield Rejection(source, line, "BINARY_FILE", "the page has NUL bytes; it is not HTML")
        return
    yield extract_article(source, decode_html(data), settings, url_hint=url_hint, date_hint=date_hint, line=line, fmt=fmt, raw=data)


def extract_article(
    source: str,
    html: str,
    settings: Settings,
    *,
    url_hint: str | None = None,
    date_hint: str | None = None,
    line: int = 1,
    fmt: str = "html",
    raw: bytes = b"",
) -> Article | Rejection:
    import trafilatura

    draft = Draft(source=source, source_line=line, format=fmt)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url_hint,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only structured dates (meta tags, JSON-LD, <time>, the URL) here: htmldate's
            # extensive search falls back to copyright years and returns 1 January.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura raises many lxml errors on broken markup
        return Rejection(source, line, "NO_TEXT", f"the page could not be parsed ({type(exc).__name__}); is it HTML?")
    if doc is None:
        return Rejection(source, line, "NO_TEXT", "no article text could be extracted from the page")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    draft.title = meta.get("title")
    draft.date_raw = meta.get("date")
    if not draft.date_raw and date_hint:
        draft.date_raw = date_hint
        draft.flags.append("date_from_crawl")
    elif not draft.date_raw:
        draft.date_raw = _date_from_text(html)
        if draft.date_raw:
            draft.flags.append("date_from_text")
    url = meta.get("url")
    if not url:
        saved = _SAVED_FROM.search(raw[:4096] if raw else html[:4096].encode("utf-8", "ignore"))
        url = saved.group(1).decode("ascii", "ignore") if saved else url_hint
    draft.url = url
    text = meta.get("text") or ""
    (text,), repaired = repair_mojibake([text])
    if repaired:
        draft.flags.append("mojibake_repaired")
    spans = list(split_sentences(text))
    # trafilatura repeats the headline as the first paragraph: it is the title, not a sentence.
    if spans and draft.title and text[spans[0][0]:spans[0][1]].strip() == draft.title.strip():
        spans = spans[1:]
    draft.sentences = [(line, a, b, text[a:b]) for a, b in spans]
    return finish(draft, settings)
