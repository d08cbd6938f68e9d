"""What every reader shares: decoding, mojibake repair, date parsing, and building an Article.

Readers turn bytes into :class:`~storyline.records.Article` or
:class:`~storyline.records.Rejection` records. They never raise on bad input: each problem
becomes a rejection with a stable code and a message that says what to do.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import ftfy

from .. import urls
from ..records import Article, Rejection, Sentence, article_id, content_hash
from ..settings import Settings

_YYYYMMDD = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


class DateError(ValueError):
    """A date string that is missing, malformed or impossible; ``code`` says which."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def parse_pubdate(raw: object, settings: Settings, *, today: dt.date | None = None) -> dt.date:
    """Parse a publication date: ``YYYYMMDD``, ISO 8601 or RFC 2822; check it is plausible."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise DateError("MISSING_DATE", "the publication date is missing; write it as YYYYMMDD")
    text = str(raw).strip()
    day: dt.date | None = None
    m = _YYYYMMDD.match(text)
    try:
        if m:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        elif _ISO_DAY.match(text):
            m = _ISO_DAY.match(text)
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))  # type: ignore[index]
        else:
            parsed = email.utils.parsedate_to_datetime(text)
            day = parsed.date()
    except (ValueError, TypeError, IndexError):
        day = None
    if day is None:
        raise DateError("BAD_DATE", f"{_clip(text)!r} is not a calendar date; write it as YYYYMMDD")
    today = today or dt.date.today()
    if day.year < settings["ingest.min_year"]:
        raise DateError("BAD_DATE", f"{_clip(text)!r} is before {settings['ingest.min_year']}; check the year")
    if (day - today).days > settings["ingest.max_future_days"]:
        raise DateError("BAD_DATE", f"{_clip(text)!r} is in the future; check the date")
    return day


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB: no text file of any encoding we read has them."""
    return b"\x00" in data[:8192]


def first_bad_line(data: bytes, encoding: str) -> tuple[int, str] | None:
    """Where ``data`` stops decoding: (1-based line, description), or None if it decodes."""
    try:
        data.decode(encoding)
        return None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return line, f"byte 0x{data[exc.start]:02x} is not valid {encoding}"


def repair_mojibake(lines: Sequence[str]) -> tuple[list[str], bool]:
    """Fix text that was decoded with the wrong encoding somewhere upstream (``CafÃ©``).

    Only mis-decoding is repaired (ftfy.fix_encoding); quotes, dashes and spacing are kept
    as written. Returns the lines and whether anything changed.
    """
    if all(line.isascii() for line in lines):
        return list(lines), False
    fixed = [line if line.isascii() else ftfy.fix_encoding(line) for line in lines]
    return fixed, fixed != list(lines)


@dataclass
class Draft:
    """An article being read: what a reader found, before checks turn it into a record."""

    source: str
    source_line: int
    format: str
    title: str | None = None
    date_raw: object = None
    url: str | None = None
    # (line, start, end, text) per sentence
    sentences: list[tuple[int, int, int, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    title_line: int = 0
    date_line: int = 0
    url_line: int = 0


# A live page's time at the start of an entry: "1541 President Obama says ...".
_CLOCK = re.compile(r"(([01]\d|2[0-3])[0-5]\d)\s+(?=[A-Z])")


def without_clock_column(sentences: list[tuple[int, int, int, str]], year: int, minimum: int) -> list[tuple[int, int, int, str]]:
    """Sentences (line, start, end, text) with a live page's clock column cut off their
    starts (``ingest.clock_column`` says when a page has one); unchanged otherwise."""
    if minimum <= 0:
        return sentences
    times = [_CLOCK.match(text) for *_, text in sentences]
    stamped = [m.group(1) for m in times if m]
    if len(stamped) < minimum or not any(t[0] == "0" or not 1500 <= int(t) <= year for t in stamped):
        return sentences
    cut = []
    for (line, start, end, text), m in zip(sentences, times):
        if m and m.end() < len(text):
            start, text = start + m.end(), text[m.end():]
        cut.append((line, start, end, text))
    return cut


# C0 and C1 control characters other than tab, and DEL: never news text, and a terminal
# obeys them (an ESC sequence in a crawled title would recolour or rewrite the screen of
# whoever lists it). Each becomes a space, so character offsets stay those of the input.
_CONTROL_TABLE = str.maketrans(dict.fromkeys([*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0)], " "))


def printable(text: str) -> str:
    """``text`` with control characters replaced by spaces (same length)."""
    return text.translate(_CONTROL_TABLE)


# Where each format keeps the title, for the MISSING_TITLE message.
_TITLE_HINTS = {
    "lines": "; the first line of a line-format article is its title, then a YYYYMMDD date and the URL",
    "jsonl": "; each JSON line needs a 'title' (or 'headline') field beside the date, URL and text",
}


def finish(draft: Draft, settings: Settings) -> Article | Rejection:
    """Check a draft and build the Article, or the Rejection that says what is wrong."""

    def reject(line: int, code: str, message: str) -> Rejection:
        return Rejection(draft.source, line, code, message)

    title = printable(draft.title or "").strip()
    if not title:
        return reject(draft.title_line or draft.source_line, "MISSING_TITLE",
                      "the article has no title" + _TITLE_HINTS.get(draft.format, ""))
    try:
        published = parse_pubdate(draft.date_raw, settings)
    except DateError as exc:
        return reject(draft.date_line or draft.source_line, exc.code, str(exc))
    raw_url = (draft.url or "").strip()
    if not raw_url:
        return reject(draft.url_line or draft.source_line, "MISSING_URL", "the article has no URL; every article needs the address it was published at")
    try:
        key = urls.url_key(raw_url)
    except urls.BadURL:
        return reject(draft.url_line or draft.source_line, "BAD_URL", f"{_clip(raw_url, 80)!r} is not an absolute http(s) URL")
    limit = settings["ingest.max_line_chars"]
    sentences = []
    for line, start, _end, raw in draft.sentences:
        raw = printable(raw)
        text = raw.strip()
        if not text:
            continue
        start += len(raw) - len(raw.lstrip())
        end = start + len(text)
        if len(text) > limit:
            return reject(line, "LINE_TOO_LONG", f"a line of {len(text):,} characters is longer than ingest.max_line_chars={limit:,}; split the text into sentences or raise the limit with --set")
        sentences.append((line, start, end, text))
    if not sentences:
        return reject(draft.source_line, "EMPTY_ARTICLE", "the article has no sentences after the title, date and URL")
    if len(sentences) > settings["ingest.max_sentences"]:
        return reject(draft.source_line, "TOO_LARGE", f"{len(sentences):,} sentences is more than ingest.max_sentences={settings['ingest.max_sentences']:,}; "
                      f"if it is one article, ingest it again with --set ingest.max_sentences={len(sentences)}")
    digest = content_hash(title, published, (s[3] for s in sentences))  # as written, times and all
    sentences = without_clock_column(sentences, published.year, settings["ingest.clock_column"])
    aid = article_id(key, digest)
    return Article(
        id=aid,
        url=raw_url,
        url_key=key,
        outlet=urls.outlet(raw_url),
        title=title,
        published=published,
        sentences=tuple(
            Sentence(aid, i, line, text, "text", start, end)
            for i, (line, start, end, text) in enumerate(sentences)
        ),
        source=draft.source,
        source_line=draft.source_line,
        format=draft.format,
        content_hash=digest,
        flags=tuple(draft.flags),
    )
