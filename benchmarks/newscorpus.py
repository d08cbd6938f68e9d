"""Benchmark corpora built at run time from ../shared/data/corpus (Reuters-21578 and BBC).

Nothing here is committed data: the shared corpora are read from their path and written out in
storyline's line format under ``benchmarks/.cache/`` (git-ignored). Replication to reach a
target size changes the URL and shifts the date of each copy, so every copy is a distinct
article to the store.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
CACHE = REPO / "benchmarks" / ".cache"

_REUTERS_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY")}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"(])")


@dataclass(frozen=True)
class RawArticle:
    """One source article before it is written out: title, day, URL, sentences."""

    key: str
    title: str
    published: dt.date
    url: str
    sentences: tuple[str, ...]

    def lines(self) -> str:
        return "\n".join([self.title, self.published.strftime("%Y%m%d"), self.url, *self.sentences]) + "\n"


def split_sentences(text: str) -> list[str]:
    """A plain regex sentence splitter: good enough to build benchmark inputs."""
    text = re.sub(r"\s+", " ", text).strip()
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def reuters(data: Path = DEFAULT_DATA) -> Iterator[RawArticle]:
    """Reuters-21578 stories that have a title and a body, in file order."""
    folder = data / "corpus" / "reuters21578"
    for sgm in sorted(folder.glob("reut2-*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for m in _REUTERS_DOC.finditer(raw):
            newid, doc = m.group(1), m.group(2)
            parts = {k: (p.search(doc).group(1) if p.search(doc) else "") for k, p in _TAG.items()}
            title = html.unescape(parts["TITLE"]).strip()
            body = html.unescape(parts["BODY"]).replace("\x03", " ")
            body = re.sub(r"\s*Reuter\s*$", "", body.strip())
            sentences = split_sentences(body)
            if not title or not sentences:
                continue
            day = dt.datetime.strptime(parts["DATE"].strip().split()[0], "%d-%b-%Y").date()
            yield RawArticle(f"reuters-{newid}", title, day, f"https://reuters.example.com/1987/{newid}", tuple(sentences))


def bbc(data: Path = DEFAULT_DATA) -> Iterator[RawArticle]:
    """BBC 2004-05 articles (title, then paragraphs); dates spread over 2004-2005 by file."""
    folder = data / "corpus" / "bbc" / "bbc"
    start = dt.date(2004, 1, 1)
    for n, path in enumerate(sorted(folder.glob("*/*.txt"))):
        text = path.read_bytes().decode("latin-1")
        title, _, body = text.partition("\n")
        sentences = [s for para in body.split("\n") for s in split_sentences(para)]
        if not title.strip() or not sentences:
            continue
        day = start + dt.timedelta(days=(n * 7) % 700)
        yield RawArticle(f"bbc-{path.parent.name}-{path.stem}", title.strip(), day,
                         f"https://bbc.example.co.uk/news/{path.parent.name}-{path.stem}", tuple(sentences))


def base_articles(data: Path = DEFAULT_DATA) -> list[RawArticle]:
    return [*reuters(data), *bbc(data)]


def replicated(n: int, data: Path = DEFAULT_DATA, seed: int = 7) -> Iterator[RawArticle]:
    """``n`` articles: the base corpus, then copies with new URLs and dates shifted by whole
    weeks (round r shifts by r*53 weeks), cycled until ``n``."""
    base = base_articles(data)
    rng = random.Random(seed)
    produced = 0
    rnd = 0
    while produced < n:
        order = list(range(len(base)))
        if rnd:
            rng.shuffle(order)
        for i in order:
            if produced >= n:
                return
            art = base[i]
            if rnd:
                art = RawArticle(
                    f"{art.key}-r{rnd}", art.title, art.published + dt.timedelta(weeks=53 * rnd),
                    f"{art.url}-r{rnd}", art.sentences,
                )
            produced += 1
            yield art
        rnd += 1


def write_lines_corpus(n: int, data: Path = DEFAULT_DATA, *, files_per_folder: int = 1000) -> Path:
    """Write ``n`` replicated articles as line-format files (cached); returns the folder."""
    folder = CACHE / f"lines-{n}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for i, art in enumerate(replicated(n, data)):
        sub = folder / f"{i // files_per_folder:04d}"
        if i % files_per_folder == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"{art.key}.txt").write_text(art.lines(), encoding="utf-8")
    done.write_text(str(n))
    return folder
