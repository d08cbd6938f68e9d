"""JSONL: one article per line, with the field names common crawlers write.

news-please writes ``title``, ``date_publish``, ``url`` and ``maintext``; fundus writes
``title``, ``publishing_date``, ``url`` and a structured ``body`` (summary and sections of
paragraphs); others write ``date``, ``text`` or a ``sentences`` list. The first field present
in each list below wins.

Reading is split in two so a big file can be parsed in worker processes: :func:`jsonl_lines`
frames the stream into lines (here), :func:`parse_jsonl_line` turns one line into an article
(anywhere).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..records import Article, Rejection
from ..settings import Settings
from .common import Draft, finish, repair_mojibake
from .sentences import split_sentences

TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date_publish", "publishing_date", "date", "published", "date_published", "publish_date", "pubdate")
URL_FIELDS = ("url", "canonical_url", "link", "responded_url", "requested_url")
TEXT_FIELDS = ("sentences", "text", "maintext", "body", "plaintext", "content", "description")


def iter_bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes) for each line; bytes is None for a line over ``limit``.

    A too-long line is skipped in chunks, so memory stays bounded whatever the input.
    """
    lineno = 0
    while True:
        chunk = stream.readline(limit + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):
                chunk = stream.readline(1 << 20)
            yield lineno, None
            continue
        yield lineno, chunk


@dataclass(frozen=True)
class JsonlLine:
    """One framed JSONL line: ``raw`` is None when it was longer than the limit."""

    source: str
    line: int
    raw: bytes | None


def jsonl_lines(source: str, stream: IO[bytes], settings: Settings) -> Iterator[JsonlLine]:
    """Frame a JSONL stream into its non-blank lines (cheap: no decoding or parsing), so
    the parsing can run elsewhere; memory is bounded by one line."""
    for lineno, raw in iter_bounded_lines(stream, settings["ingest.max_record_bytes"]):
        if raw is None or raw.strip():
            yield JsonlLine(source, lineno, raw)


def parse_jsonl_line(frame: JsonlLine, settings: Settings) -> Article | Rejection:
    """The article of one JSONL line, or the rejection saying what is wrong with it."""
    source, lineno, raw = frame.source, frame.line, frame.raw
    if raw is None:
        limit = settings["ingest.max_record_bytes"]
        return Rejection(source, lineno, "TOO_LARGE", f"the record is larger than ingest.max_record_bytes={limit:,}")
    if b"\x00" in raw:
        return Rejection(source, lineno, "BINARY_FILE", "the line has NUL bytes; this is not a JSONL text file")
    encoding = settings["ingest.encoding"]
    try:
        line = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        return Rejection(source, lineno, "UNDECODABLE", f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1} is not valid {encoding}; re-save the file as UTF-8")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # A line cut off mid-record has no closing brace (the usual end of a crawl file
        # written when the crawler died); anything else is malformed.
        what = "truncated" if not line.rstrip().endswith("}") else "malformed"
        return Rejection(source, lineno, "BAD_JSON", f"the JSON line is {what} ({exc.msg} at column {exc.colno}); fix or remove the line")
    except RecursionError:
        return Rejection(source, lineno, "BAD_JSON", "the JSON line nests arrays or objects too deeply to read; fix or remove the line")
    if not isinstance(record, dict):
        return Rejection(source, lineno, "BAD_RECORD", f"expected a JSON object per line, found {type(record).__name__}")
    return record_to_article(source, lineno, record, settings)


def read_jsonl_stream(source: str, stream: IO[bytes], settings: Settings) -> Iterator[Article | Rejection]:
    """Read every article of a JSONL stream; bad lines become rejections, the rest goes on."""
    for frame in jsonl_lines(source, stream, settings):
        yield parse_jsonl_line(frame, settings)


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _body_text(body: Any) -> str | None:
    """Flatten fundus's structured body (summary + sections of paragraphs) to paragraphs."""
    if isinstance(body, str):
        return body
    if not isinstance(body, dict):
        return None
    paragraphs: list[str] = []
    paragraphs.extend(p for p in body.get("summary") or [] if isinstance(p, str))
    for section in body.get("sections") or []:
        if isinstance(section, dict):
            paragraphs.extend(p for p in section.get("headline") or [] if isinstance(p, str))
            paragraphs.extend(p for p in section.get("paragraphs") or [] if isinstance(p, str))
    return "\n".join(paragraphs)


def record_to_article(source: str, lineno: int, record: dict[str, Any], settings: Settings) -> Article | Rejection:
    """Build an article from one crawler record (a dict)."""
    draft = Draft(source=source, source_line=lineno, format="jsonl")
    title = _first(record, TITLE_FIELDS)
    draft.title = title if isinstance(title, str) else None
    draft.date_raw = _first(record, DATE_FIELDS)
    url = _first(record, URL_FIELDS)
    draft.url = url if isinstance(url, str) else None
    body = _first(record, TEXT_FIELDS)
    if isinstance(body, list):
        texts = [s for s in body if isinstance(s, str)]
        texts, repaired = repair_mojibake(texts)
        draft.sentences = [(lineno, 0, len(s), s) for s in texts]
    else:
        text = _body_text(body) if body is not None else None
        if text is None:
            draft.sentences = []
            repaired = False
        else:
            (text,), repaired = repair_mojibake([text])
            draft.sentences = [(lineno, a, b, text[a:b]) for a, b in split_sentences(text)]
    if repaired:
        draft.flags.append("mojibake_repaired")
    if draft.title:
        (draft.title,), fixed = repair_mojibake([draft.title])
        if fixed and "mojibake_repaired" not in draft.flags:
            draft.flags.append("mojibake_repaired")
    return finish(draft, settings)
