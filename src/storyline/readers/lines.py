"""The line format: title, YYYYMMDD date, URL, then one sentence per line.

This is how most crawls arrive. Real files have apostrophes, quote marks and emoji stripped
and boilerplate lines mixed in; the reader keeps every line as written (clean and enrich
decide what the lines are) and reports the first problem that makes the file unusable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..records import Article, Rejection
from ..settings import Settings
from .common import Draft, finish, first_bad_line, looks_binary, repair_mojibake


def read_lines_bytes(source: str, data: bytes, settings: Settings) -> Iterator[Article | Rejection]:
    """Read one line-format article from the bytes of a file (or stdin)."""
    if looks_binary(data):
        yield Rejection(source, 1, "BINARY_FILE", "the file is binary (it has NUL bytes); only text files are read")
        return
    encoding = settings["ingest.encoding"]
    bad = first_bad_line(data, encoding)
    if bad is not None:
        line, what = bad
        yield Rejection(source, line, "UNDECODABLE", f"{what}; re-save the file as UTF-8, or read it with --set ingest.encoding=cp1252")
        return
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        yield Rejection(source, 1, "EMPTY_ARTICLE", "the file is empty; a line-format article is a title, a "
                        "YYYYMMDD date, a URL, then one sentence per line")
        return
    lines = _LINE_BREAK.split(text)
    if lines[-1] == "":
        lines.pop()  # the file's final line end
    yield parse_lines(source, lines, settings)


# Line ends as editors and grep count them (not str.splitlines, which also breaks at form
# feeds, vertical tabs and U+2028, so the line numbers in messages would not match the file).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse_lines(source: str, lines: list[str], settings: Settings, first_line: int = 1) -> Article | Rejection:
    """Parse the lines of one article; ``first_line`` is the file line number of ``lines[0]``."""
    lines, repaired = repair_mojibake(lines)
    draft = Draft(source=source, source_line=first_line, format="lines")
    if repaired:
        draft.flags.append("mojibake_repaired")
    header = [(i, line) for i, line in enumerate(lines[:3])]
    if len(header) > 0:
        draft.title, draft.title_line = header[0][1], first_line
    if len(header) > 1:
        draft.date_raw, draft.date_line = header[1][1], first_line + 1
    else:
        draft.date_line = first_line + 1
    if len(header) > 2:
        draft.url, draft.url_line = header[2][1], first_line + 2
    else:
        draft.url_line = first_line + 2
    for offset, line in enumerate(lines[3:], start=3):
        if line.strip():
            draft.sentences.append((first_line + offset, 0, len(line), line))
    return finish(draft, settings)
