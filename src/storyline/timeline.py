"""Timelines of a developing story: the dates that matter, and what happened on each.

:func:`build_timeline` takes sentences with their provenance and normalised date
expressions (:class:`TimelineSentence`; the enrich stage's ``TimeExpr`` records) and returns
a :class:`Timeline`: up to ``n_dates`` entries in date order, each a day, month or year
(shown as such) with up to ``per_date`` sentences that say what happened then, each with all
its sources (article, outlet, URL, line, sentence index) and its count of independent
outlets. It never runs spaCy; the store wiring feeds it what enrich and dedup computed.

Three steps, each in its own module:

1. which dates (``timeline_dates``): candidate days, months and years ranked from how many
   statements refer to them (looking back counts most) and how many articles were published
   that day;
2. which sentences (``timeline_select``): per date, the sentences referring to it or
   published that day, scored by closeness to the date's TF-IDF centroid, chosen by MMR
   without repeats;
3. what an entry shows (``timeline_text``): a chosen sentence without the page's furniture
   (datelines, photo credits, update stamps), its sources still pointing at the full line.

``keywords`` restrict the *chosen* sentences to those containing one (at a word start, any
case; anywhere with ``timeline.keyword_match=substring``); with ``timeline.keyword_evidence``
(the default) only they count as date references too, while every sentence still shapes the
centroids.

Odd input (no sentences, no dates, empty text, n_dates 0) gives an empty timeline.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar  # noqa: F401  Record.from_dict resolves hints in this module

from .records import Article, Record, TimeExpr
from .settings import DEFAULTS, Settings
from .shown_text import Restorer
from .story_profile import count_origins
from .timeline_dates import GRANULARITIES, DateKey, collect_evidence, rank_dates, references, stamped
from .timeline_select import Copies, Pool, Selector, keyword_matcher
from .timeline_text import entry_text

__all__ = [
    "TimelineSentence", "Source", "EntrySentence", "TimelineEntry", "Timeline",
    "build_timeline", "sentences_from_article",
]


@dataclasses.dataclass(frozen=True)
class TimelineSentence(Record):
    """One sentence as a timeline input: text, provenance, and what enrich and dedup found.

    ``timexes``: the sentence's normalised date expressions; ``statement_id``: the repeated
    statement it belongs to (copies share it), ``""`` if none; ``independent_outlets``: how
    many independent outlets carry that statement; ``copy_group``: the syndication group of
    its article (dedup), ``""`` if none: the copies of one group are one voice."""

    article_id: str
    sentence_index: int
    line: int
    text: str
    published: dt.date
    outlet: str = ""
    url: str = ""
    timexes: tuple[TimeExpr, ...] = ()
    statement_id: str = ""
    independent_outlets: int = 1
    copy_group: str = ""

    @property
    def source(self) -> tuple[str, str | None]:
        """(outlet, syndication group) as :func:`storyline.story_profile.count_origins` counts
        it; the article stands for a missing outlet."""
        return self.outlet or self.article_id, self.copy_group or None


@dataclasses.dataclass(frozen=True)
class Source(Record):
    """Where a timeline sentence (or a copy of it) was published."""

    article_id: str
    outlet: str
    url: str
    line: int
    sentence_index: int
    published: dt.date


@dataclasses.dataclass(frozen=True)
class EntrySentence(Record):
    """A sentence of a timeline entry, once, with every source carrying it.

    ``mentions_date``: the sentence itself names the entry's date (else it was published
    that day); ``score``: centrality x date mention x support, as selected."""

    text: str
    sources: tuple[Source, ...]
    independent_outlets: int
    mentions_date: bool = False
    score: float = 0.0


@dataclasses.dataclass(frozen=True)
class TimelineEntry(Record):
    """One date of a timeline. ``date`` is the first day of a month or year entry.

    ``independent_outlets``: outlets that referred to the date or published on it (at least
    the most any one sentence of the entry has); ``mentions``: statements referring to it;
    ``articles``: articles published on it (days only); ``score``: the date's rank score."""

    date: dt.date
    granularity: str
    sentences: tuple[EntrySentence, ...]
    independent_outlets: int
    mentions: int = 0
    articles: int = 0
    score: float = 0.0

    @property
    def label(self) -> str:
        """The date as precise as it is: ``2011-03-17``, ``2011-03`` or ``2011``."""
        if self.granularity == "year":
            return f"{self.date.year:04d}"
        if self.granularity == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


@dataclasses.dataclass(frozen=True)
class Timeline(Record):
    """Entries in date order (a month or year sorts at its first day, before its days)."""

    entries: tuple[TimelineEntry, ...]
    keywords: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    candidate_dates: int = 0


def _weights(settings: Settings) -> dict[str, float]:
    return {
        "same_day": settings["timeline.same_day_weight"],
        "future": settings["timeline.future_weight"],
        "published": settings["timeline.published_weight"],
        "month": settings["timeline.month_weight"],
        "year": settings["timeline.year_weight"],
        "published_centroid": settings["timeline.published_centroid_weight"],
        "mention_bonus": settings["timeline.mention_bonus"],
        "support": settings["timeline.support_weight"],
        "quoted": settings["timeline.quoted_penalty"],
        "elsewhere": settings["timeline.other_date_penalty"],
        "ahead": settings["timeline.ahead_penalty"],
        "question": settings["timeline.question_penalty"],
        "empty": settings["timeline.empty_penalty"],
        "talk": settings["timeline.talk_penalty"],
        "story": settings["timeline.story_weight"],
        "story_quantile": settings["timeline.story_quantile"],
        "story_floor": settings["timeline.story_floor"],
        "story_density": settings["timeline.story_density"],
        "mmr_lambda": settings["timeline.mmr_lambda"],
        "agreement": settings["timeline.centroid_agreement"],
        "redundancy": settings["timeline.redundancy_cosine"],
    }


@contextlib.contextmanager
def _cyclic_gc_paused():
    """Pause the cyclic garbage collector: a build allocates about a million short-lived
    objects, none in cycles (reference counting frees them), and every full collection they
    trigger walks the caller's whole heap (a topic's sentences and their dates): a quarter of
    the build time on Timeline17's bpoil. Re-enabled after, if it was on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def build_timeline(
    sentences: Iterable[TimelineSentence],
    *,
    n_dates: int,
    per_date: int,
    keywords: Sequence[str] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    settings: Settings = DEFAULTS,
) -> Timeline:
    """A timeline of at most ``n_dates`` dates with at most ``per_date`` sentences each.

    ``since``/``until`` bound the entry dates (the caller chooses which articles to pass);
    ``keywords``: only sentences containing one are shown. Granularities allowed come from
    ``timeline.granularities`` (``day`` alone for day-only evaluations)."""
    with _cyclic_gc_paused():
        return _build(sentences, n_dates, per_date, keywords, since, until, settings)


def _build(sentences, n_dates: int, per_date: int, keywords: Sequence[str],
           since: dt.date | None, until: dt.date | None, settings: Settings) -> Timeline:
    sentences = [s if type(s.published) is dt.date else s.replace(published=s.published.date())
                 for s in sentences if isinstance(s, TimelineSentence) and isinstance(s.published, dt.date)
                 and isinstance(s.text, str) and s.text.strip()]
    keywords = tuple(k for k in keywords if k and k.strip())
    empty = Timeline((), keywords, since, until)
    if not sentences or n_dates <= 0 or per_date <= 0:
        return empty
    grans = tuple(g.strip() for g in settings["timeline.granularities"].split(",") if g.strip() in GRANULARITIES)
    weights = _weights(settings)
    if keywords:   # they keep a page's other subjects out already (Selector._key_terms)
        weights["story_density"] = 0.0
    per_sentence = settings["timeline.references_per_sentence"]
    refs = [references(s.timexes, s.text)[:per_sentence or None] if s.timexes else () for s in sentences]
    skip = [False] * len(sentences)
    if settings["timeline.skip_stamped"]:
        for i, s in enumerate(sentences):
            if s.timexes and stamped(s.timexes):
                refs[i], skip[i] = (), True
    matcher = keyword_matcher(keywords, settings["timeline.keyword_match"] != "substring")
    copies = Copies(sentences, matcher, settings["timeline.min_tokens"],
                    settings["timeline.max_tokens"], skip)

    evidence = collect_evidence(
        _mention_items(sentences, refs, copies, settings["timeline.keyword_evidence"]),
        {(s.article_id, s.published, s.source) for s in sentences},
        grans, since, until, settings["timeline.mention_unit"])
    ranked = rank_dates(evidence, weights)
    pools = _pools(sentences, refs, copies, [ev.key for ev in ranked], settings)

    copies.count_outlets()
    shown = _shown(copies.matcher if settings["timeline.strip_furniture"] else None, settings["timeline.strip_furniture"],
                   [s.text for s in sentences] if settings["timeline.restore_apostrophes"] else None)
    selector = Selector(copies.candidates, weights, [s.copy_group or s.article_id for s in sentences])
    entries: list[TimelineEntry] = []
    batch = n_dates + n_dates // 2 + 5   # dates vectorised at a time: a margin for dates that yield nothing
    start = 0
    while len(entries) < n_dates and start < len(ranked):
        window = ranked[start:start + batch]
        start += len(window)
        selector.vectorize([i for ev in window for i in pools[ev.key].all()])
        for ev in window:
            if len(entries) >= n_dates:
                break
            picked = selector.pick(pools[ev.key], per_date)
            if picked:
                entries.append(_entry(ev, pools[ev.key], picked, copies, sentences, shown))
    entries.sort(key=lambda e: (e.date, GRANULARITIES.index(e.granularity) * -1))
    return Timeline(tuple(entries), keywords, since, until, len(ranked))


def _mention_items(sentences, refs, copies: Copies, keyword_only: bool):
    """(article, statement, published, origin, references) of every sentence with a date
    reference (only keyword sentences when ``keyword_only`` and keywords are given). The
    copies of one syndication group are one article here, so a wire story on fifty sites
    refers to its dates once."""
    check = keyword_only and copies.matcher is not None
    for i, s in enumerate(sentences):
        if refs[i] and (not check or copies.has_keyword(i)):
            yield s.copy_group or s.article_id, copies.group[i], s.published, s.source, refs[i]


def _pools(sentences, refs, copies: Copies, keys: list[DateKey], settings) -> dict[DateKey, Pool]:
    """Each ranked date's candidates: those referring to it, and for a day the sentences of
    articles published that day or up to ``timeline.published_lag_days`` later that name no
    other date (within the lead when ``timeline.lead_sentences``)."""
    wanted = set(keys)
    lead = settings["timeline.lead_sentences"]
    cap = settings["timeline.max_pool"]
    lags = [dt.timedelta(days=d) for d in range(settings["timeline.published_lag_days"] + 1)]
    mention: dict[DateKey, list[int]] = defaultdict(list)
    published: dict[DateKey, list[int]] = defaultdict(list)
    elsewhere: dict[DateKey, set[int]] = defaultdict(set)
    ahead: dict[DateKey, set[int]] = defaultdict(set)
    told: dict[DateKey, set[int]] = defaultdict(set)
    days_of: dict[dt.date, list[DateKey]] = {}  # publication day -> the wanted days it may fill
    for i, s in enumerate(sentences):
        own = refs[i]
        for key in own:
            if key in wanted:
                c = copies.candidate(i)
                mention[key].append(c)
                if _about_another(key, own):
                    elsewhere[key].add(c)
                # told ahead of the date ("the vote is on Friday"), unless a copy looks back at it
                (ahead if s.published < key.first_day else told)[key].add(c)
        if lead > 0 and s.sentence_index >= lead:
            continue
        days = days_of.get(s.published)
        if days is None:
            days = days_of[s.published] = [d for d in (DateKey(s.published - lag, "day") for lag in lags) if d in wanted]
        for day in days:
            # a sentence naming another date is about that date, not about this day
            if not own or all(k.first_day <= day.first_day <= k.last_day for k in own):
                published[day].append(copies.candidate(i))
    return {
        k: Pool(k, list(dict.fromkeys(mention[k]))[:cap], list(dict.fromkeys(published[k]))[:cap],
             elsewhere[k], ahead[k] - told[k])
        for k in keys
    }


def _about_another(key: DateKey, refs: tuple[DateKey, ...]) -> bool:
    """Whether a sentence naming ``key`` also names another date that does not contain it:
    "X expelled two diplomats on Sunday over the sanctions imposed on Friday" tells Sunday's
    news as much as Friday's, and a sentence naming only its date tells that date's better
    (a month or year around the day is its context: "in March, on the 15th")."""
    return any(k != key and not (k.first_day <= key.first_day and key.last_day <= k.last_day) for k in refs)


def _shown(matcher, strip: bool, texts: list[str] | None):
    """What an entry shows of a chosen sentence: its text without the page's furniture
    (:func:`storyline.timeline_text.entry_text`, when ``strip``), unless that would drop its
    only keyword (a sentence is chosen for containing one), and with the apostrophes a crawl
    stripped put back, names learnt from ``texts`` (:class:`storyline.shown_text.Restorer`,
    made for the first entry: a timeline with none costs nothing). Choosing still compares
    the full lines: comparing the stripped texts chose worse sentences on T17 dev
    (settings.py)."""
    restorer: list[Restorer] = []

    def shown(text: str) -> str:
        out = entry_text(text) if strip else text
        if matcher is not None and not matcher.search(out):
            out = text
        if texts is None:
            return out
        if not restorer:
            restorer.append(Restorer(texts))
        return restorer[0](out)
    return shown


def _entry(ev, pool: Pool, picked, copies: Copies, sentences, shown=None) -> TimelineEntry:
    out = []
    mention = set(pool.mention)
    for i, score in picked:
        c = copies.candidates[i]
        members = sorted(c.members, key=lambda m: (sentences[m].published, sentences[m].article_id,
                                                   sentences[m].sentence_index))
        sources = tuple(dict.fromkeys(
            Source(sentences[m].article_id, sentences[m].outlet, sentences[m].url, sentences[m].line,
                   sentences[m].sentence_index, sentences[m].published) for m in members))
        text = shown(c.text) if shown is not None else c.text
        out.append(EntrySentence(text, sources, c.independent, i in mention, round(float(score), 6)))
    sources = set(ev.sources) | {sentences[m].source for i in pool.published for m in copies.candidates[i].members}
    independent = max([count_origins(sources)] + [s.independent_outlets for s in out])
    return TimelineEntry(ev.key.first_day, ev.key.granularity, tuple(out), independent,
                         ev.mentions, len(ev.articles), round(float(ev.score), 6))


def sentences_from_article(
    article: Article,
    timexes: Iterable[TimeExpr] = (),
    *,
    statements: dict[int, tuple[str, int]] | None = None,
) -> list[TimelineSentence]:
    """An article's editorial sentences as timeline input (for callers holding records; the
    store's own loader is ``timeline_store.timeline_sentences``).

    ``timexes``: the article's date expressions (``span.sentence_index`` says whose);
    ``statements``: sentence index -> (statement id, independent outlets) from the noise
    layer, for the sentences that belong to a repeated statement."""
    by_sentence: dict[int, list[TimeExpr]] = defaultdict(list)
    for t in timexes:
        by_sentence[t.span.sentence_index].append(t)
    statements = statements or {}
    out = []
    for s in article.editorial():
        sid, independent = statements.get(s.index, ("", 1))
        out.append(TimelineSentence(
            article.id, s.index, s.line, s.text, article.published, article.outlet, article.url,
            tuple(by_sentence.get(s.index, ())), sid, independent))
    return out
