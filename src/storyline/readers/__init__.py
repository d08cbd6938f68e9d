"""Find inputs (files, directory trees, stdin) and read each with the right reader.

Kinds: ``lines`` (the line format), ``jsonl``, ``html`` and ``warc``. The kind comes from the
file name and is checked against the first bytes, so a JSONL file named ``.txt`` or an HTML
page without an extension is still read correctly; anything else is rejected as
``UNSUPPORTED_TYPE`` with the list of what is read.

Reading an input is two steps, so the costly one can run in worker processes: :func:`frames`
cuts an input into units of parsing work (a whole one-article file, a JSONL line, a WARC
page), reading bytes and nothing more; :func:`parse_frame` turns a unit into articles or
rejections, anywhere. :func:`read_input` does both here.
"""

from __future__ import annotations

import codecs
import gzip
import heapq
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Union

from ..records import Article, Rejection
from ..settings import Settings
from .html import read_html_bytes
from .jsonl import JsonlLine, jsonl_lines, parse_jsonl_line
from .lines import read_lines_bytes
from .warc import WarcPage, page_article, warc_pages

KINDS = ("lines", "jsonl", "html", "warc")
SUPPORTED = "line-format .txt files, .jsonl (also .gz), .html pages and .warc(.gz) archives"

_EXTENSIONS = {
    ".txt": None, ".text": None, ".lines": None, "": None,
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".warc": "warc", ".arc": "warc",
}
_MAGIC_UNSUPPORTED = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"SQLite format 3": "an SQLite database",
    b"\x7fELF": "a program",
}


@dataclass(frozen=True)
class InputFile:
    """One input to read: a file on disk, or ``-`` for standard input."""

    name: str
    path: str | None
    size: int = 0
    mtime_ns: int = 0

    @property
    def is_stdin(self) -> bool:
        return self.path is None


def discover(paths: Iterable[str], exclude: Iterable[str | Path] = ()) -> Iterator[InputFile | Rejection]:
    """Expand the given paths: files as they are, directories recursively (in path order,
    hidden entries skipped), ``-`` as stdin. A missing path is a ``NOT_FOUND`` rejection.
    Files in ``exclude`` (the store's own files) are never read."""
    skip = _identities(exclude)
    for raw in paths:
        if raw == "-":
            yield InputFile("-", None)
            continue
        if os.path.isdir(raw):
            yield from _walk(raw, skip)
        elif os.path.isfile(raw):
            found = _input_file(raw)
            if isinstance(found, Rejection):
                yield found
            elif found.dev_ino not in skip:
                yield found.input
        else:
            yield Rejection(raw, 0, "NOT_FOUND", "no such file or directory; check the path")


def _identities(paths: Iterable[str | Path]) -> set[tuple[int, int]]:
    ids = set()
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            continue
        ids.add((st.st_dev, st.st_ino))
    return ids


# A folder's entries are sorted in memory up to this many; a bigger folder is sorted in runs
# of this size spilled to temporary files and merged. benchmarks/scale.py ("discovery"), one
# folder of 1,000,000 files: listed at once (the previous code) the process peaked at 307 MiB,
# about 290 bytes an entry over the 33 MiB of imports; in runs of 100,000 at 66 MiB, and as
# fast (5.7 s against 4.3-5.4 s). Ten million files at once would need about 2.8 GB.
SORT_RUN_ENTRIES = 100_000


def _walk(folder: str, skip: set[tuple[int, int]]) -> Iterator[InputFile | Rejection]:
    """Files under ``folder`` in path order (names sorted, folders entered where they sort),
    hidden entries skipped, symlinked folders not followed (no cycles)."""
    try:
        entries = _sorted_entries(folder)
    except OSError as exc:
        yield Rejection(folder, 0, "NOT_FOUND", f"cannot list the folder ({exc.strerror})")
        return
    for name, is_dir in entries:
        path = os.path.join(folder, name)
        if is_dir:
            yield from _walk(path, skip)
            continue
        found = _input_file(path)
        if isinstance(found, Rejection):
            yield found
        elif found.dev_ino not in skip and stat.S_ISREG(found.mode):
            yield found.input


def _sorted_entries(folder: str, run: int | None = None) -> Iterator[tuple[str, bool]]:
    """(name, is a folder) of a folder's visible entries, in name order, holding at most
    ``run`` (default :data:`SORT_RUN_ENTRIES`) of them in memory: a folder of millions of
    files is sorted in runs written to temporary files, then merged."""
    run = run or SORT_RUN_ENTRIES
    runs: list[Iterator[tuple[str, bool]]] = []
    batch: list[tuple[str, bool]] = []
    with os.scandir(folder) as it:
        for entry in it:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            batch.append((entry.name, is_dir))
            if len(batch) >= run:
                runs.append(_spill(sorted(batch)))
                batch = []
    batch.sort()
    if not runs:
        return iter(batch)
    return heapq.merge(*runs, iter(batch))


def _spill(entries: list[tuple[str, bool]]) -> Iterator[tuple[str, bool]]:
    """Write sorted entries to an anonymous temporary file; read them back lazily. A name
    never holds a NUL byte, so NUL ends each record; the first byte says folder or file."""
    fh = tempfile.TemporaryFile()
    fh.write(b"".join((b"d" if is_dir else b"f") + os.fsencode(name) + b"\0" for name, is_dir in entries))
    fh.seek(0)
    return _unspill(fh)


def _unspill(fh: IO[bytes]) -> Iterator[tuple[str, bool]]:
    with fh:
        rest = b""
        while block := fh.read(1 << 16):
            *records, rest = (rest + block).split(b"\0")
            for rec in records:
                yield os.fsdecode(rec[1:]), rec[:1] == b"d"


@dataclass(frozen=True)
class _Stat:
    input: InputFile
    dev_ino: tuple[int, int]
    mode: int


def _input_file(path: str) -> _Stat | Rejection:
    try:
        st = os.stat(path)
    except OSError as exc:
        return Rejection(path, 0, "NOT_FOUND", f"cannot read the file ({exc.strerror})")
    return _Stat(InputFile(path, path, st.st_size, st.st_mtime_ns), (st.st_dev, st.st_ino), st.st_mode)


def _suffixes(name: str) -> tuple[str, bool]:
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return os.path.splitext(lower)[1], gz


def sniff(head: bytes) -> str | None:
    """The kind the first bytes look like, or None when they look like none of ours."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"WARC/"):
        return "warc"
    if text.startswith(b"{"):
        return "jsonl"
    lowered = text[:512].lower()
    if lowered.startswith(b"<") and (b"<html" in lowered or b"<!doctype" in lowered or b"<head" in lowered or b"<!--" in lowered):
        return "html"
    return None


def kind_of(inp: InputFile, head: bytes) -> str | Rejection:
    """Decide how to read an input from its name and first bytes."""
    for magic, what in _MAGIC_UNSUPPORTED.items():
        if head.startswith(magic):
            return Rejection(inp.name, 1, "UNSUPPORTED_TYPE", f"this is {what}; storyline reads {SUPPORTED}")
    ext, _gz = _suffixes(inp.name)
    sniffed = sniff(head)
    if ext not in _EXTENSIONS:
        if sniffed:
            return sniffed
        return Rejection(inp.name, 1, "UNSUPPORTED_TYPE", f"{ext or 'no'} extension: storyline reads {SUPPORTED}")
    declared = _EXTENSIONS[ext]
    if declared == "jsonl" and sniffed not in (None, "jsonl"):
        return sniffed
    return declared or sniffed or "lines"


@dataclass(frozen=True)
class Document:
    """A whole one-article input (line format or HTML), read when the input was framed."""

    source: str
    kind: str
    data: bytes


# A unit of parsing work: see the module docstring.
Frame = Union[Document, JsonlLine, WarcPage, Rejection]


def open_input(inp: InputFile, data: bytes | None = None) -> IO[bytes]:
    """The input as a stream that can ``peek``: the file (gunzipped when named ``.gz``),
    stdin, or ``data``, the file's bytes read elsewhere."""
    if inp.path is None and data is None:
        return io.BufferedReader(sys.stdin.buffer, buffer_size=1 << 16)  # type: ignore[arg-type]
    stream: IO[bytes] = open(inp.path, "rb") if data is None else io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
    if _suffixes(inp.name)[1]:
        stream = gzip.open(stream) if not inp.name.lower().endswith((".warc.gz", ".arc.gz")) else stream  # type: ignore[assignment]
    return stream


def frames(inp: InputFile, settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Frame]:
    """Cut one input into units of parsing work, in order, reading only bytes: a JSONL line
    at a time, a WARC record at a time, or the whole of a one-article file (up to
    ``ingest.max_record_bytes``). Problems found on the way are Rejection frames."""
    own = stream is None
    try:
        stream = stream or open_input(inp)
    except OSError as exc:
        yield Rejection(inp.name, 0, "NOT_FOUND", f"cannot open the file ({exc.strerror})")
        return
    try:
        try:
            head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Rejection(inp.name, 1, "UNDECODABLE", f"the compressed file is damaged ({exc}); re-download it")
            return
        kind = kind_of(inp, head)
        if isinstance(kind, Rejection):
            yield kind
        elif kind == "jsonl":
            yield from jsonl_lines(inp.name, stream, settings)
        elif kind == "warc":
            yield from warc_pages(inp.name, stream, settings)
        else:
            yield _document(inp, kind, stream, settings)
    finally:
        if own and inp.path is not None:
            stream.close()


def _document(inp: InputFile, kind: str, stream: IO[bytes], settings: Settings) -> Document | Rejection:
    limit = settings["ingest.max_record_bytes"]
    try:
        data = stream.read(limit + 1)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return Rejection(inp.name, 1, "UNDECODABLE", f"the file could not be read ({exc})")
    if len(data) > limit:
        return Rejection(inp.name, 1, "TOO_LARGE", f"the file is larger than ingest.max_record_bytes={limit:,}; one article per file is expected")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows editors save "Unicode" text as UTF-16 with a byte-order mark; its NUL
        # bytes would read as a binary file.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            return Rejection(inp.name, 1, "UNDECODABLE", f"the file starts as UTF-16 text but byte {exc.start} is not; save it as UTF-8")
    return Document(inp.name, kind, data)


def parse_frame(frame: Frame, settings: Settings) -> Iterator[Article | Rejection]:
    """The articles (or rejections) of one unit of work; pure, so it runs anywhere."""
    if isinstance(frame, JsonlLine):
        yield parse_jsonl_line(frame, settings)
    elif isinstance(frame, WarcPage):
        yield from page_article(frame, settings)
    elif isinstance(frame, Document):
        if frame.kind == "html":
            yield from read_html_bytes(frame.source, frame.data, settings)
        else:
            yield from read_lines_bytes(frame.source, frame.data, settings)
    else:
        yield frame


def read_input(inp: InputFile, settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Article | Rejection]:
    """Read every article of one input here; never raises on bad content."""
    for frame in frames(inp, settings, stream):
        yield from parse_frame(frame, settings)


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[Article | Rejection]:
    """Read everything under ``paths``; a convenience for the Python API and tests."""
    for inp in discover(paths):
        if isinstance(inp, Rejection):
            yield inp
        else:
            yield from read_input(inp, settings)


__all__ = ["Document", "Frame", "InputFile", "KINDS", "discover", "frames", "kind_of", "open_input", "parse_frame",
           "read_input", "read_paths"]
