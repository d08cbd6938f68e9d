"""WARC archives (as in CC-News): HTML responses streamed one record at a time.

Memory is bounded by one record: warcio streams the (gzip) archive, and a record's body is
read only up to ``ingest.max_record_bytes``. A damaged archive yields the articles before the
damage and one ``BAD_WARC`` rejection naming the record where it stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from ..records import Article, Rejection
from ..settings import Settings
from .html import read_html_bytes

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc_stream(source: str, stream: IO[bytes], settings: Settings) -> Iterator[Article | Rejection]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = settings["ingest.max_record_bytes"]
    number = 0
    iterator = ArchiveIterator(stream, arc2warc=True)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield Rejection(source, number + 1, "BAD_WARC", f"the archive is damaged after record {number} ({exc.__class__.__name__}: {str(exc)[:120]}); the records before it were read")
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
        uri = record.rec_headers.get_header("WARC-Target-URI")
        crawled = record.rec_headers.get_header("WARC-Date")
        yield from read_html_bytes(source, body, settings, url_hint=uri, date_hint=crawled, line=number, fmt="warc")
