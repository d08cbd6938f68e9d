"""What a story shows besides its articles: a label, key entities and coverage per day.

* :func:`label_story` picks the most central member headline (site names and a crawler's
  leading dates, bylines and flashes stripped).
* :func:`key_entities` ranks a story's entities by how many members carry them, rare first.
* :func:`coverage_by_day` counts, per day, the independent outlets that covered a story:
  copies in one syndication group count once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar  # noqa: F401  Record.from_dict resolves hints in this module

from .records import Record
from .story_text import cosine, tokens

# Separators sites put between a headline and their name ("Title | BBC News",
# "Title - The Hill"). Bars, double colons and guillemets are almost never inside headlines;
# dashes often are, so a dash segment must also look like a site name (see _is_site_name).
_HARD_SEPARATORS = re.compile(r"\s+(?:\||::|»|·)\s+")
_DASH_SEPARATORS = re.compile(r"\s+[-\u2013\u2014]\s+")
# Words that mark a trailing segment as a publication's name. Hand-written.
_SITE_WORDS = frozenset(
    "news times post daily herald journal tribune gazette guardian telegraph online tv radio "
    "bbc cnn reuters ap afp bloomberg politico axios npr breitbart insider network channel "
    "press media magazine weekly review observer independent express mirror standard wire "
    "com org net uk".split()
)
# Longest trailing segment taken for a site name: site names are 1-5 words
# ("The Washington Post", "Fox News Channel"); longer segments are part of the headline.
_MAX_SITE_WORDS = 5


# Words no headline ends with: a crawler that cut the page's first line for a title stopped
# mid-phrase (`Crowds wait outside with a`, `... critics of the mayor had`). Words
# that end phrases (`move in`, `go on`, `stand by`, `free her`, `in May`, `let it be`) are not
# here, nor capitals (`Plan A`).
_CUT_AFTER = frozenset(
    "a an the of to at with from into and or but nor than whose "
    "had has have was were are been would could should its their his".split()
)


# What crawlers leave at the start of a headline taken from a page's first line: a date and
# a bar, a byline (`By the <Agency> Wire Staff`, `From <Name> and <Name>, <AGENCY>`, `By <Name>
# for <AGENCY>`, `By <Name>, Special to <AGENCY>`), a
# transcript's speaker (`<NAME>, <NETWORK> ANCHOR:`) and a flash (`NEW:`, `UPDATE:`).
# Hand-written from the shapes of such lines; each needs the rest of the line to follow.
_NAME = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
_LEADS = re.compile(
    r"^(?:(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*\|"
    r"|By (?:the )?" + _NAME + r" (?:Wire )?Staff\b[:,]?"
    r"|(?:By|From) " + _NAME + r"(?:(?:, | and | & )" + _NAME + r")*(?:,| for|, [Ss]pecial to) [A-Z]{2,6}\b(?: (?:Wire )?Staff\b)?[:,]?"
    r"|[A-Z]{2,}(?: [A-Z.'-]{2,}){0,3}, [A-Z]{2,}(?: [A-Z]{2,}){0,3}:"
    r"|(?:NEW|UPDATED?|BREAKING(?: NEWS)?|LIVE|EXCLUSIVE|WATCH|VIDEO)\s*:)\s+"
)


def strip_leads(title: str) -> str:
    """``title`` without the date, byline, transcript speaker or flash a crawler left before
    the headline (``By the Wire Staff NEW: Dock workers strike`` -> ``Dock workers
    strike``); unchanged when fewer than three words would be left."""
    while True:
        m = _LEADS.match(title)
        if not m or len(title[m.end():].split()) < 3:
            return title
        title = title[m.end():]


@dataclasses.dataclass(frozen=True)
class DayCoverage(Record):
    """How many independent outlets (``sources``) and articles covered a story on ``day``."""

    day: dt.date
    sources: int
    articles: int


def _is_site_name(segment: str, outlet: str, repeated: bool) -> bool:
    words = segment.split()
    if not words or len(words) > _MAX_SITE_WORDS:
        return False
    if repeated:
        return True
    low = {w.strip(".,:;").lower() for w in re.split(r"[\s.]+", segment) if w}
    if low & _SITE_WORDS:
        return True
    outlet_words = {w.lower() for w in re.split(r"[\s.]+", outlet) if len(w) > 2}
    return bool(outlet_words and outlet_words <= low | {"www"})


def strip_site_name(title: str, outlet: str = "", repeated: Iterable[str] = ()) -> str:
    """``title`` without a trailing (or leading) site name such as ``" | BBC News"``.

    A segment is a site name when it is short and either names the outlet, holds a word that
    publications use in their names (News, Times, Post...), or is in ``repeated`` (segments
    that end several headlines of the same story)."""
    original = title = " ".join((title or "").split())
    repeated = set(repeated)
    for sep in (_HARD_SEPARATORS, _DASH_SEPARATORS):
        found = list(sep.finditer(title))
        if not found:
            continue
        last, first = found[-1], found[0]
        tail, lead = title[last.end():], title[: first.start()]
        hard_tail = sep is _HARD_SEPARATORS and len(tail.split()) <= _MAX_SITE_WORDS
        if hard_tail or _is_site_name(tail, outlet, tail in repeated):
            title = title[: last.start()]
        elif _is_site_name(lead, outlet, lead in repeated):
            title = title[first.end():]
    return title.strip() or original


def _repeated_segments(titles: Sequence[str]) -> set[str]:
    """Segments that end (or start) two or more of ``titles``: a site's name, not news."""
    counts: Counter[str] = Counter()
    for t in titles:
        for sep in (_HARD_SEPARATORS, _DASH_SEPARATORS):
            parts = sep.split(" ".join(t.split()))
            if len(parts) > 1:
                counts.update({parts[0], parts[-1]})
    return {s for s, n in counts.items() if n > 1}


def label_story(
    titles: Sequence[str], outlets: Sequence[str] = (), max_chars: int = 120
) -> str:
    """A short title for a story: its most central member headline, site names stripped.

    Central = the highest summed word-overlap cosine with the other distinct headlines
    (a headline repeated word for word counts once: a site's stock line, such as a related
    story's headline taken for the title on many pages, does not win by its copies); ties go
    to the earlier headline. A headline longer than ``max_chars`` is cut at a word boundary
    and ends in an ellipsis, ``max_chars`` in all at most.
    Returns ``""`` when there is no usable headline."""
    repeated = _repeated_segments(titles)
    cleaned: dict[str, None] = {}  # distinct headlines, in order
    for i, title in enumerate(titles):
        outlet = outlets[i] if i < len(outlets) else ""
        text = strip_leads(strip_site_name(title, outlet, repeated))
        if tokens(text):
            cleaned.setdefault(text)
    headlines = list(cleaned)
    if not headlines:
        return ""
    vectors = [dict.fromkeys(tokens(t), 1.0) for t in headlines]
    best, best_score = 0, -1.0
    for i, v in enumerate(vectors):
        score = sum(cosine(v, w) for j, w in enumerate(vectors) if j != i)
        if score > best_score + 1e-12:
            best, best_score = i, score
    label = headlines[best].rstrip(" ,;:-\u2013\u2014") or headlines[best]  # a headline cut mid-sentence
    if len(label) > max_chars:
        label = label[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "\u2026"
    elif label.rsplit(" ", 1)[-1] in _CUT_AFTER and len(label.split()) > 1:
        label += "\u2026"  # a first line cut after `with a`, `had`: say that it goes on
    return label


def key_entities(
    counts: Mapping[str, int], weight: Callable[[str], float], n: int,
    mentions: Mapping[str, int] | None = None,
) -> tuple[str, ...]:
    """The ``n`` entities carried by most members; on ties the heavier ``weight`` times how
    often the members name it (``mentions``; the clusterer passes IDF x place boost, so
    this is TF-IDF): a name the story is about, named again and again, comes before a rare
    one named once in passing (a damped TF, 1 + log, still put those first on the Libya
    crawl), and a rare name before a common one named as often. Ties are common: a wire
    story and its copies name the same entities. They are entity ids: how they are shown
    (names, a people's name as its country) is :func:`storyline.story_store.shown_entities`."""
    named = mentions or {}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -weight(kv[0]) * named.get(kv[0], 1), kv[0]))
    return tuple(k for k, _ in ranked[:n])


def origin(outlet: str, group: str | None) -> tuple[str, str]:
    """Who independently reported an article: its syndication group when it is a copy
    (every copy of a wire story is one voice), else its outlet."""
    return ("g", group) if group else ("o", outlet)


def count_origins(units: Iterable[tuple[str, str | None]]) -> int:
    """Independent outlets among articles given as (outlet, syndication group or None).

    The copies of one syndication group across outlets count once, and an outlet's own
    articles count once. A group whose copies all come from one outlet (an outlet
    republishing or updating its own story) is that outlet. Unlike
    :func:`storyline.statements.count_independent` (for one statement), an outlet that also
    ran a wire copy is not merged with the wire for its own reporting: over a whole story
    that would collapse most local papers into the agency. The count never exceeds the
    number of outlets: "independent outlets" are outlets, the wire voice among them."""
    units = set(units)
    group_outlets: dict[str, set[str]] = defaultdict(set)
    for outlet, group in units:
        if group:
            group_outlets[group].add(outlet)
    voices = {origin(outlet, group if group and len(group_outlets[group]) > 1 else None) for outlet, group in units}
    return min(len(voices), len({outlet for outlet, _ in units}))


def coverage_by_day(
    articles: Iterable[tuple[str, str, dt.date, str | None]],
) -> tuple[DayCoverage, ...]:
    """Coverage per day from ``(article_id, outlet, day, syndication_group)`` tuples.

    ``sources`` on a day counts independent sources (:func:`count_origins`); an article
    without an outlet counts as its own source; the same article id counts once a day."""
    units: dict[dt.date, dict[str, tuple[str, str | None]]] = defaultdict(dict)
    for article_id, outlet, day, group in articles:
        units[day].setdefault(article_id, (outlet or "article:" + article_id, group or None))
    return tuple(
        DayCoverage(day, count_origins(units[day].values()), len(units[day]))
        for day in sorted(units)
    )
