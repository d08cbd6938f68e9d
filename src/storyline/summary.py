"""Story summaries: a few central, non-redundant sentences, each with its sources.

:func:`summarize` takes a story's sentences with their provenance (article, sentence index,
outlet, and the repeated statement a sentence belongs to with its count of independent
outlets) and picks ``k`` of them:

1. candidates: sentences of a useful length; copies of one sentence (the same statement id,
   or the same words) form one candidate that keeps every copy as a source;
2. centrality: cosine of the candidate's TF-IDF vector with the story centroid (the
   support-weighted mean of all candidates), as in centroid-based summarisation
   (Radev et al. 2004);
3. support: a statement carried by more independent outlets scores higher;
4. selection by maximal marginal relevance (Carbonell & Goldstein 1998): each next sentence
   trades score against similarity to the sentences already chosen, with a small penalty
   for an outlet already used, so the summary spreads over outlets.

Every output sentence lists its sources: the copies folded into it and any sentence of the
story that says nearly the same (cosine at least ``summary.duplicate_cosine``).
Sentence order in crawls is unreliable (shuffled), so position is not used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar  # noqa: F401  Record.from_dict resolves hints in this module

from .records import Record
from .settings import DEFAULTS, Settings
from .shown_text import Restorer
from .story_profile import count_origins
from .story_profile import origin as origin_of
from .story_text import DocumentFrequencies, cosine, tokens, weigh
from .timeline_select import asks, own_words, points_to_media
from .timeline_chatter import broadcast_talk
from .timeline_text import cut_off, entry_text


@dataclasses.dataclass(frozen=True)
class SourceSentence(Record):
    """One sentence of a story's article, with where it came from.

    ``statement``: the id of the repeated statement it belongs to, if any;
    ``independent_outlets``: how many independent outlets carry that statement (1 if none);
    ``copy_group``: the syndication group of its article, if any (its copies are one voice).
    """

    article_id: str
    index: int
    text: str
    outlet: str = ""
    statement: str | None = None
    independent_outlets: int = 1
    published: dt.date | None = None
    copy_group: str = ""

    @property
    def origin(self) -> tuple[str, str]:
        """Who independently said it (:func:`storyline.story_profile.origin`)."""
        return origin_of(self.outlet or self.article_id, self.copy_group)

    @property
    def source(self) -> tuple[str, str | None]:
        """(outlet, syndication group) as :func:`storyline.story_profile.count_origins` counts
        it; the article stands for a missing outlet."""
        return self.outlet or self.article_id, self.copy_group or None


@dataclasses.dataclass(frozen=True)
class SentenceSource(Record):
    """Where a summary sentence (or a copy of it) appears."""

    article_id: str
    index: int
    outlet: str


@dataclasses.dataclass(frozen=True)
class SummarySentence(Record):
    """A summary sentence: the text as written in one article, and every source saying it.

    ``independent_outlets``: the most of the statement's count and the distinct origins
    among the sources (a syndication group's copies once); ``score``: centrality x support, as selected."""

    text: str
    article_id: str
    index: int
    outlet: str
    sources: tuple[SentenceSource, ...]
    independent_outlets: int
    score: float


@dataclasses.dataclass
class _Candidate:
    members: list[SourceSentence]
    vec: dict[str, float] = dataclasses.field(default_factory=dict)
    support: int = 1
    score: float = 0.0

    @property
    def outlets(self) -> set[str]:
        """Independent origins (outlets; a syndication group's copies once)."""
        return {m.origin for m in self.members}


def summarize(
    sentences: Iterable[SourceSentence], k: int | None = None, settings: Settings = DEFAULTS
) -> list[SummarySentence]:
    """Up to ``k`` (default ``summary.sentences``) central, non-redundant sentences, most
    central first, each with its sources. Returns ``[]`` when nothing is usable."""
    k = settings["summary.sentences"] if k is None else k
    if k <= 0:
        return []
    candidates = _candidates(sentences, settings)
    if not candidates:
        return []
    _score(candidates, settings["summary.support_weight"], settings["summary.quoted_penalty"],
           settings["summary.talk_penalty"])
    chosen = _select(candidates, k, settings)
    restore = Restorer(m.text for c in candidates for m in c.members) if settings["stories.restore_apostrophes"] else None
    return [_output(c, candidates, settings["summary.duplicate_cosine"], restore) for c in chosen]


def _candidates(sentences: Iterable[SourceSentence], settings: Settings) -> list[_Candidate]:
    """Usable sentences, copies folded together, in input order (at most a cap)."""
    min_tokens = settings["summary.min_tokens"]
    max_chars = settings["summary.max_chars"]
    cap = settings["summary.max_candidates"]
    by_key: dict[tuple, _Candidate] = {}
    out: list[_Candidate] = []
    for s in sentences:
        text = (s.text or "").strip()
        words = tokens(text)
        if len(words) < min_tokens or len(text) > max_chars or points_to_media(text) or asks(text) or cut_off(text):
            continue  # (a pointer to the page's video says what the page shows, not what happened;
            #            a question asks what a summary should tell; a line cut mid-sentence reads as a fragment)
        keys = [("words", tuple(words))] + ([("statement", s.statement)] if s.statement else [])
        found = next((by_key[key] for key in keys if key in by_key), None)
        if found is None:
            if len(out) >= cap:
                continue
            found = _Candidate([])
            out.append(found)
        found.members.append(s)
        for key in keys:
            by_key.setdefault(key, found)
    return out


def _score(candidates: list[_Candidate], support_weight: float, quoted_penalty: float,
           talk_penalty: float) -> None:
    df = DocumentFrequencies()
    counts = []
    for c in candidates:
        words = tokens(c.members[0].text)
        df.add(words)
        counts.append({w: 1.0 + math.log(words.count(w)) for w in set(words)})
    centroid: dict[str, float] = {}
    for c, tf in zip(candidates, counts):
        c.vec = weigh(tf, df)
        c.support = max(max(m.independent_outlets for m in c.members), count_origins(m.source for m in c.members), 1)
        for w, v in c.vec.items():
            centroid[w] = centroid.get(w, 0.0) + v * c.support
    for c in candidates:
        c.score = cosine(c.vec, centroid) * (1.0 + support_weight * math.log(c.support))
        if own_words(c.members[0].text):
            c.score *= 1.0 - quoted_penalty
        if broadcast_talk(c.members[0].text):
            c.score *= 1.0 - talk_penalty


def _select(candidates: list[_Candidate], k: int, settings: Settings) -> list[_Candidate]:
    """Maximal marginal relevance with an outlet-reuse penalty."""
    lam = settings["summary.mmr_lambda"]
    penalty = settings["summary.outlet_penalty"]
    dup = settings["summary.duplicate_cosine"]
    top = max(c.score for c in candidates) or 1.0
    chosen: list[_Candidate] = []
    used: set[str] = set()
    left = list(candidates)
    while left and len(chosen) < k:
        best, best_value = None, -math.inf
        for c in left:
            overlap = max((cosine(c.vec, s.vec) for s in chosen), default=0.0)
            if overlap >= dup:
                continue
            value = lam * c.score / top - (1.0 - lam) * overlap
            if used and c.outlets <= used:
                value -= penalty
            if value > best_value + 1e-12:
                best, best_value = c, value
        if best is None:
            break
        chosen.append(best)
        used |= best.outlets
        left.remove(best)
    return chosen


def _output(c: _Candidate, candidates: Sequence[_Candidate], dup: float, restore: Restorer | None) -> SummarySentence:
    members = list(c.members)
    for other in candidates:
        if other is not c and cosine(c.vec, other.vec) >= dup:
            members += other.members
    sources = tuple(dict.fromkeys(SentenceSource(m.article_id, m.index, m.outlet) for m in members))
    first = c.members[0]
    independent = max(max(m.independent_outlets for m in members), count_origins(m.source for m in members))
    text = entry_text(first.text).strip() or first.text.strip()
    return SummarySentence(
        text=restore(text) if restore is not None else text, article_id=first.article_id, index=first.index, outlet=first.outlet,
        sources=sources, independent_outlets=independent, score=round(c.score, 6),
    )
