"""Find inputs (files, directory trees, stdin) and read each with the right reader.

Kinds: ``lines`` (the line format), ``jsonl``, ``html`` and ``warc``. The kind comes from the
file name and is checked against the first bytes, so a JSONL file named ``.txt`` or an HTML
page without an extension is still read correctly; anything else is rejected as
``UNSUPPORTED_TYPE`` with the list of what is read.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..records import Article, Rejection
from ..settings import Settings
from .html import read_html_bytes
from .jsonl import read_jsonl_stream
from .lines import read_lines_bytes
from .warc import read_warc_stream

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


def _walk(folder: str, skip: set[tuple[int, int]]) -> Iterator[InputFile | Rejection]:
    """Files under ``folder`` in path order (names sorted, folders entered where they sort),
    hidden entries skipped, symlinked folders not followed (no cycles)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(((e.name, e.path, e.is_dir(follow_symlinks=False)) for e in it if not e.name.startswith(".")))
    except OSError as exc:
        yield Rejection(folder, 0, "NOT_FOUND", f"cannot list the folder ({exc.strerror})")
        return
    for name, path, is_dir in entries:
        if is_dir:
            yield from _walk(path, skip)
            continue
        found = _input_file(path)
        if isinstance(found, Rejection):
            yield found
        elif found.dev_ino not in skip and stat.S_ISREG(found.mode):
            yield found.input


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


def _open(inp: InputFile) -> IO[bytes]:
    if inp.path is None:
        return io.BufferedReader(sys.stdin.buffer, buffer_size=1 << 16)  # type: ignore[arg-type]
    stream: IO[bytes] = open(inp.path, "rb")
    if _suffixes(inp.name)[1]:
        stream = gzip.open(stream) if not inp.name.lower().endswith((".warc.gz", ".arc.gz")) else stream  # type: ignore[assignment]
    return stream


def read_input(inp: InputFile, settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Article | Rejection]:
    """Read every article of one input; never raises on bad content."""
    own = stream is None
    try:
        stream = stream or _open(inp)
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
            return
        if kind == "jsonl":
            yield from read_jsonl_stream(inp.name, stream, settings)
        elif kind == "warc":
            yield from read_warc_stream(inp.name, stream, settings)
        else:
            limit = settings["ingest.max_record_bytes"]
            try:
                data = stream.read(limit + 1)
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                yield Rejection(inp.name, 1, "UNDECODABLE", f"the file could not be read ({exc})")
                return
            if len(data) > limit:
                yield Rejection(inp.name, 1, "TOO_LARGE", f"the file is larger than ingest.max_record_bytes={limit:,}; one article per file is expected")
            elif kind == "html":
                yield from read_html_bytes(inp.name, data, settings)
            else:
                yield from read_lines_bytes(inp.name, data, settings)
    finally:
        if own and inp.path is not None:
            stream.close()


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[Article | Rejection]:
    """Read everything under ``paths``; a convenience for the Python API and tests."""
    for inp in discover(paths):
        if isinstance(inp, Rejection):
            yield inp
        else:
            yield from read_input(inp, settings)


__all__ = ["InputFile", "KINDS", "discover", "read_input", "read_paths", "kind_of"]
