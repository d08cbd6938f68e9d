"""WARC archives (as in CC-News): HTML responses streamed one record at a time.

Reading is split in two so the costly part can run in worker processes: :func:`warc_pages`
frames the archive (warcio streams the (gzip) file, a record's body is read only up to
``ingest.max_record_bytes``, so memory is bounded by one record), and :func:`page_article`
extracts the article from one page's HTML bytes with trafilatura, anywhere. A damaged archive
yields the pages before the damage and one ``BAD_WARC`` rejection naming the record where it
stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from ..records import Article, Rejection
from ..settings import Settings
from .html import read_html_bytes

_HTML_TYPES = ("text/html", "application/xhtml")


@dataclass(frozen=True)
class WarcPage:
    """One HTML response of an archive: its body and what the record says about it."""

    source: str
    number: int  # the record's position in the archive, 1-based (the rejection "line")
    body: bytes
    uri: str | None
    crawled: str | None


def warc_pages(source: str, stream: IO[bytes], settings: Settings) -> Iterator[WarcPage | Rejection]:
    """The HTML responses of an archive, in order; other records are skipped."""
    from warcio.archiveiterator import ArchiveIterator

    limit = settings["ingest.max_record_bytes"]
    number = 0
    iterator = ArchiveIterator(stream, arc2warc=True)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - warcio raises what its parser meets on damage
            # (ArchiveLoadFailed, OSError, EOFError, ValueError, and AttributeError for a
            # response record without a WARC-Target-URI): all of it is this archive's damage.
            yield Rejection(source, number + 1, "BAD_WARC", f"the archive is damaged after record {number} ({exc.__class__.__name__}: {str(exc)[:120]}); the records before it were read (a cut-short download: fetch the archive again)")
            return
        number += 1
        if record.rec_type not in ("response", "resource"):
            continue
        http = record.http_headers
        if http is not None and http.get_statuscode() and not http.get_statuscode().startswith("2"):
            continue
        ctype = (http.get_header("Content-Type") if http is not None else None) or record.rec_headers.get_header("Content-Type") or ""
        if not any(t in ctype.lower() for t in _HTML_TYPES):
            continue
        try:
            body = record.content_stream().read(limit + 1)
        except Exception as exc:  # decompression errors inside one record
            yield Rejection(source, number, "BAD_WARC", f"record {number} could not be read ({exc.__class__.__name__}); skipped")
            continue
        yield WarcPage(source, number, body, record.rec_headers.get_header("WARC-Target-URI"),
                       record.rec_headers.get_header("WARC-Date"))


def page_article(page: WarcPage, settings: Settings) -> Iterator[Article | Rejection]:
    """The article of one archived page (or why there is none)."""
    yield from read_html_bytes(page.source, page.body, settings, url_hint=page.uri, date_hint=page.crawled,
                               line=page.number, fmt="warc")


def read_warc_stream(source: str, stream: IO[bytes], settings: Settings) -> Iterator[Article | Rejection]:
    """Read every article of an archive, in this process."""
    for page in warc_pages(source, stream, settings):
        if isinstance(page, Rejection):
            yield page
        else:
            yield from page_article(page, settings)
