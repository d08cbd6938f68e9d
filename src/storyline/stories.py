"""Stories: online, time-aware clustering of articles into stories.

An article (a :class:`StoryDoc`) joins the story it belongs to or starts a new one, without
recomputing the corpus. Only stories *active* in a time window are candidates, found through
an inverted index over their distinctive terms, entities and statements, so the cost of one
:meth:`StoryClusterer.add` depends on the active window, not on the corpus size.

Evidence that an article belongs to a story, combined by :meth:`StoryClusterer.score`:

* text: cosine of the article's TF-IDF vector (title words weigh more) with the story's
  centroid, IDF from document frequencies updated as articles arrive;
* entities: cosine of IDF-weighted entity vectors (places weigh more; "United States" is in
  so many articles that it weighs little), and a penalty when both name places but none
  in common (two earthquakes in two countries);
* shared statements (the same quote carried by both) add a bonus;
* a syndicated copy (same syndication group) joins its group's story outright, unless that
  story ended more than the window ago (the same text republished a year later is news again);
* time: the score decays with the days between the article and the story's span.

The clusterer's state is JSON-safe (:meth:`to_state` / :meth:`from_state`) so a pipeline
stage can persist it and continue incrementally; the same input order always gives the
same stories and the same story ids. Given an *archive* (:class:`StoryArchive`, the stories
stage keeps one in the store), closed stories leave memory and the state: :meth:`evict`
hands them over after each batch, and the rare article that needs one again (a late
syndicated copy, an article added twice) reads it back. Memory and state then hold the
stories active in the window, not the corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, Protocol  # noqa: F401  Record.from_dict resolves hints in this module

from .errors import UsageError
from .records import Record, stable_id
from .settings import DEFAULTS, Settings
from .shown_text import Restorer, title_names
from .story_profile import DayCoverage, coverage_by_day, key_entities, label_story
from .story_text import DocumentFrequencies, term_weights, top_keys, weigh

STATE_VERSION = 2  # 2: "next_seq"; with an archive, closed stories are not in the state


@dataclasses.dataclass(frozen=True)
class StoryDoc(Record):
    """What the clusterer needs to know about one article.

    ``entities``: canonical entity ids or normalised names (may be empty); ``places``: those
    of them that are places (GPE/LOC/FAC), which weigh more; ``group``: the syndication
    group id when the article is a copy of another; ``statements``: ids of repeated
    statements (quotes) it carries; ``mentions``: how often it names each entity (an entity
    of ``entities`` left out is named once), which ranks a story's key entities.
    """

    id: str
    published: dt.date
    title: str
    text: str
    outlet: str = ""
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    group: str | None = None
    statements: tuple[str, ...] = ()
    mentions: tuple[tuple[str, int], ...] = ()


@dataclasses.dataclass(frozen=True)
class Story(Record):
    """One story: its label, key entities, date span, outlets, articles and daily coverage.

    ``article_ids`` are in the order the articles were added; ``coverage`` counts
    independent sources per day (syndicated copies count once)."""

    id: str
    label: str
    entities: tuple[str, ...]
    first_day: dt.date
    last_day: dt.date
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]
    coverage: tuple[DayCoverage, ...]

    @property
    def size(self) -> int:
        return len(self.article_ids)


@dataclasses.dataclass
class _Member:
    article_id: str
    outlet: str
    day: dt.date
    group: str | None
    title: str
    names: tuple[str, ...] = ()  # names its headline's stripped possessives stand on (shown_text.title_names)


@dataclasses.dataclass
class _Story:
    """A story as the clusterer grows it (mutable; not a public record)."""

    seq: int
    id: str
    first_day: dt.date
    last_day: dt.date
    members: list[_Member] = dataclasses.field(default_factory=list)
    terms: dict[str, float] = dataclasses.field(default_factory=dict)  # sum of member tf/|tf|
    entities: Counter = dataclasses.field(default_factory=Counter)  # members that name each
    mentions: Counter = dataclasses.field(default_factory=Counter)  # times its members name each
    places: Counter = dataclasses.field(default_factory=Counter)
    statements: set[str] = dataclasses.field(default_factory=set)
    keys: set[str] = dataclasses.field(default_factory=set)  # its inverted-index keys
    active: bool = True
    norm: float = 0.0  # L2 norm of terms x IDF, cached ...
    norm_n: int = -1  # ... as of this many documents (-1: stale)
    archived: bool = False  # closed, and the archive holds it as it is now

    def gap(self, day: dt.date) -> int:
        """Days between ``day`` and this story's span (0 inside it)."""
        return max(0, (self.first_day - day).days, (day - self.last_day).days)

    def to_state(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "id": self.id, "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(), "active": self.active,
            "members": [[m.article_id, m.outlet, m.day.isoformat(), m.group, m.title, *([list(m.names)] if m.names else [])]
                        for m in self.members],
            "terms": self.terms, "entities": dict(self.entities), "mentions": dict(self.mentions),
            "places": dict(self.places),
            "statements": sorted(self.statements), "keys": sorted(self.keys),
            "norm": self.norm, "norm_n": self.norm_n,
        }

    @classmethod
    def from_state(cls, s: Mapping[str, Any]) -> _Story:
        return cls(
            seq=int(s["seq"]), id=str(s["id"]), first_day=dt.date.fromisoformat(s["first_day"]),
            last_day=dt.date.fromisoformat(s["last_day"]), active=bool(s["active"]),
            members=[_Member(a, o, dt.date.fromisoformat(d), g, t, tuple(rest[0]) if rest else ())
                     for a, o, d, g, t, *rest in s["members"]],
            terms={k: float(v) for k, v in s["terms"].items()}, entities=Counter(s["entities"]),
            mentions=Counter(s.get("mentions") or s["entities"]),  # a state from before mentions
            places=Counter(s["places"]), statements=set(s["statements"]), keys=set(s["keys"]),
            norm=float(s["norm"]), norm_n=int(s["norm_n"]),
        )


@dataclasses.dataclass
class _Features:
    """One article as vectors: what :meth:`StoryClusterer.score` compares with a story."""

    day: dt.date
    tf: dict[str, float]  # term weights / their L2 norm (no IDF): added to a centroid
    vec: dict[str, float]  # TF-IDF, L2-normalised
    entities: set[str]
    places: set[str]
    statements: set[str]
    # (term, TF-IDF weight, IDF) of ``vec``, computed by the first score under the document
    # frequencies of the moment: an article is scored against every candidate story with
    # the same IDF, so it is looked up once per term, not once per term and story.
    weighted: list[tuple[str, float, float]] | None = None


class StoryArchive(Protocol):
    """Where closed stories live once :meth:`StoryClusterer.evict` hands them over.

    ``story(seq)``: a story's state (:meth:`_Story.to_state`) or None; ``group_story(group)``:
    the seq of the story that a syndication group first joined, or None; ``article_story(id)``:
    the id of the story an article was put in, or None."""

    def story(self, seq: int) -> Mapping[str, Any] | None: ...

    def group_story(self, group: str) -> int | None: ...

    def article_story(self, article_id: str) -> str | None: ...


@dataclasses.dataclass(frozen=True)
class Evicted:
    """A closed story leaving memory: its state (None when the archive already holds it as
    it is) and the syndication groups it was the first story of."""

    seq: int
    id: str
    state: dict[str, Any] | None
    groups: tuple[str, ...]


class StoryClusterer:
    """Online, time-aware story clustering: ``add`` articles in publication order.

    ``add(doc)`` returns the id of the story the article joined (or started); ``stories()``
    lists every story. Adding the same article id again returns its story and changes
    nothing. See the module docstring for the evidence used.
    """

    def __init__(self, settings: Settings = DEFAULTS, archive: StoryArchive | None = None):
        s = settings
        self.archive = archive
        self.window_days: int = s["stories.window_days"]
        self.time_scale: float = s["stories.time_scale_days"]
        self.threshold: float = s["stories.threshold"]
        self.title_weight: float = s["stories.title_weight"]
        self.max_tokens: int = s["stories.max_body_tokens"]
        self.index_terms: int = s["stories.index_terms"]
        self.max_story_terms: int = s["stories.max_story_terms"]
        self.entity_weight: float = s["stories.entity_weight"]
        self.place_boost: float = s["stories.place_boost"]
        self.place_mismatch: float = s["stories.place_mismatch"]
        self.statement_bonus: float = s["stories.statement_bonus"]
        self.norm_refresh: float = s["stories.norm_refresh"]
        self.n_key_entities: int = s["stories.key_entities"]
        self.label_chars: int = s["stories.label_max_chars"]
        self.restore_labels: bool = s["stories.restore_apostrophes"]
        self.terms = DocumentFrequencies()
        self.entity_df = DocumentFrequencies()
        self.place_names: set[str] = set()
        self.clock: dt.date | None = None
        self._stories: dict[int, _Story] = {}  # by seq: every story, or with an archive those in memory
        self._next_seq = 0
        self._index: dict[str, set[int]] = {}
        self._expiry: list[tuple[int, int]] = []  # (last_day ordinal, seq), lazily cleaned
        self._groups: dict[str, int] = {}
        self._article_story: dict[str, int] = {}

    # --- adding articles -----------------------------------------------------------

    def observe(self, doc: StoryDoc) -> _Features:
        """Count ``doc`` in the term and entity document frequencies, without clustering it.

        ``add`` calls this; call it alone to warm up IDF on background articles."""
        tf = self._term_weights(doc)
        places = {p for p in doc.places if p}
        self.terms.add(tf)
        self.entity_df.add({e for e in doc.entities if e} | places)
        self.place_names |= places
        return self._features(doc, tf)

    def _term_weights(self, doc: StoryDoc) -> dict[str, float]:
        return term_weights(doc.title or "", doc.text or "", self.title_weight, self.max_tokens)

    def _features(self, doc: StoryDoc, tf: dict[str, float]) -> _Features:
        """``doc`` as vectors under the current document frequencies (which this leaves alone)."""
        places = {p for p in doc.places if p}
        norm = math.sqrt(sum(v * v for v in tf.values())) or 1.0
        return _Features(
            day=doc.published, tf={k: v / norm for k, v in tf.items()}, vec=weigh(tf, self.terms),
            entities={e for e in doc.entities if e} | places, places=places,
            statements={s for s in doc.statements if s},
        )

    def add(self, doc: StoryDoc) -> str:
        """Put ``doc`` in the story it belongs to, or start a new one; returns the story id."""
        if doc.id in self._article_story:
            return self._stories[self._article_story[doc.id]].id
        known = self.archive.article_story(doc.id) if self.archive is not None else None
        if known is not None:
            return known
        doc = _dated(doc)
        feats = self.observe(doc)
        self._advance(doc.published)
        story = None
        grouped = self._group_story(doc.group) if doc.group else None
        if grouped is not None and grouped.gap(doc.published) <= self.window_days:
            story = grouped  # a syndicated copy joins its group's story, if that story is current
        else:
            best = -math.inf
            for seq in self._candidates(feats):  # in seq order: ties go to the older story
                score = self.score(self._stories[seq], feats)
                if score >= self.threshold and score > best:
                    story, best = self._stories[seq], score
        if story is None:
            story = _Story(self._next_seq, stable_id("story", doc.id), doc.published, doc.published)
            self._stories[story.seq] = story
            self._next_seq += 1
        self._join(story, doc, feats)
        return story.id

    def _group_story(self, group: str) -> _Story | None:
        """The story a syndication group first joined, read back from the archive if it left."""
        seq = self._groups.get(group)
        if seq is None and self.archive is not None:
            seq = self.archive.group_story(group)
            if seq is not None:
                self._groups[group] = seq
        return None if seq is None else self._story(seq)

    def _story(self, seq: int) -> _Story:
        story = self._stories.get(seq)
        if story is None:
            state = self.archive.story(seq) if self.archive is not None else None
            if state is None:
                raise KeyError(f"story {seq} is neither in memory nor in the archive")
            story = self._stories[seq] = _Story.from_state(state)
            story.archived = True
            for m in story.members:
                self._article_story[m.article_id] = seq
        return story

    def _candidates(self, feats: _Features) -> list[int]:
        keys = ["t:" + t for t in top_keys(feats.vec, self.index_terms)]
        keys += ["e:" + e for e in feats.entities] + ["s:" + s for s in feats.statements]
        found: set[int] = set()
        for key in keys:
            found |= self._index.get(key, set())
        return sorted(
            seq for seq in found
            if self._stories[seq].active and self._stories[seq].gap(feats.day) <= self.window_days
        )

    def _join(self, story: _Story, doc: StoryDoc, feats: _Features) -> None:
        names = title_names(doc.title or "", doc.text or "") if self.restore_labels else ()
        story.members.append(_Member(doc.id, doc.outlet or "", doc.published, doc.group, doc.title or "", names))
        self._article_story[doc.id] = story.seq
        if doc.group:
            self._groups.setdefault(doc.group, story.seq)
        story.first_day = min(story.first_day, doc.published)
        story.last_day = max(story.last_day, doc.published)
        story.entities.update(feats.entities)
        named = dict(doc.mentions)
        story.mentions.update({e: max(1, named.get(e, 1)) for e in feats.entities})
        story.places.update(feats.places)
        story.statements |= feats.statements
        if not story.active:  # a late syndicated copy of a closed story: recorded, not indexed
            story.archived = False
            return
        for t, w in feats.tf.items():
            story.terms[t] = story.terms.get(t, 0.0) + w
        if len(story.terms) > self.max_story_terms:
            kept = top_keys(story.terms, self.max_story_terms)
            story.terms = {k: story.terms[k] for k in kept}
        story.norm_n = -1
        new_keys = {"t:" + t for t in top_keys(feats.vec, self.index_terms)}
        new_keys |= {"e:" + e for e in feats.entities} | {"s:" + s for s in feats.statements}
        for key in new_keys - story.keys:
            self._index.setdefault(key, set()).add(story.seq)
        story.keys |= new_keys
        heapq.heappush(self._expiry, (story.last_day.toordinal(), story.seq))

    def _advance(self, day: dt.date) -> None:
        """Move the clock to ``day`` and close stories that fell out of the window."""
        if self.clock is not None and day <= self.clock:
            return
        self.clock = day
        cutoff = day.toordinal() - self.window_days
        while self._expiry and self._expiry[0][0] < cutoff:
            last, seq = heapq.heappop(self._expiry)
            story = self._stories.get(seq)  # None: closed through a later entry and evicted
            if story is not None and story.active and story.last_day.toordinal() == last:
                self._close(story)

    def _close(self, story: _Story) -> None:
        story.active = False
        for key in story.keys:
            posting = self._index.get(key)
            if posting is not None:
                posting.discard(story.seq)
                if not posting:
                    del self._index[key]
        story.keys = set()
        story.terms = {}  # a closed story is never compared again: free its centroid

    # --- scoring -------------------------------------------------------------------

    def score(self, story: _Story, feats: _Features) -> float:
        """How strongly an article (``feats``, from :meth:`observe`) belongs to ``story``:
        0 (no) to about 1.5. Used by :meth:`add` and :meth:`similarity`; public for
        diagnostics and tests."""
        idf = self.terms.idf
        if story.norm_n < 0 or self.terms.n > story.norm_n * (1.0 + self.norm_refresh):
            story.norm = math.sqrt(sum((w * idf(t)) ** 2 for t, w in story.terms.items()))
            story.norm_n = self.terms.n
        text = 0.0
        if story.norm > 0:
            if feats.weighted is None:
                feats.weighted = [(t, v, idf(t)) for t, v in feats.vec.items()]
            terms = story.terms
            text = sum(v * w * i for t, v, i in feats.weighted if (w := terms.get(t)) is not None) / story.norm
        score = text
        if feats.entities and story.entities:
            score += self.entity_weight * self._entity_cosine(feats.entities, story.entities)
        if feats.places and story.places and not feats.places & story.places.keys():
            score *= self.place_mismatch
        if feats.statements & story.statements:
            score += self.statement_bonus
        return score * math.exp(-story.gap(feats.day) / self.time_scale)

    def _entity_weight(self, entity: str) -> float:
        boost = self.place_boost if entity in self.place_names else 1.0
        return self.entity_df.idf(entity) * boost

    def _entity_cosine(self, doc: set[str], story: Counter) -> float:
        weights = {e: self._entity_weight(e) for e in doc | story.keys()}
        dot = sum(weights[e] * weights[e] * story[e] for e in doc if e in story)
        if dot == 0.0:
            return 0.0
        nd = math.sqrt(sum(weights[e] ** 2 for e in doc))
        ns = math.sqrt(sum((weights[e] * n) ** 2 for e, n in story.items()))
        return dot / (nd * ns)

    def similarity(self, a: StoryDoc, b: StoryDoc) -> float:
        """The score ``a`` would get against a story made of ``b`` alone, under the current
        document frequencies (not updated with ``a`` or ``b``). For pairwise evaluation."""
        a, b = _dated(a), _dated(b)
        fa, fb = self._features(a, self._term_weights(a)), self._features(b, self._term_weights(b))
        story = _Story(-1, "pair", b.published, b.published, terms=dict(fb.tf),
                       entities=Counter(fb.entities), places=Counter(fb.places), statements=fb.statements)
        return self.score(story, fa)

    # --- results and state ------------------------------------------------------------

    def story_of(self, article_id: str) -> str | None:
        """The id of the story ``article_id`` was put in, or None."""
        seq = self._article_story.get(article_id)
        if seq is None:
            return self.archive.article_story(article_id) if self.archive is not None else None
        return self._stories[seq].id

    def stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        """Every story so far (or those with these ``ids``), in the order they were started.
        With an archive, only those in memory: the active ones and any a batch touched."""
        wanted = None if ids is None else set(ids)
        return [self._record(s) for _, s in sorted(self._stories.items()) if wanted is None or s.id in wanted]

    def evict(self) -> list[Evicted]:
        """Closed stories leave memory (with an archive; without one, nothing does): each
        with its state when the archive does not hold it as it is. The caller writes them to
        the archive before the next :meth:`add`."""
        if self.archive is None:
            return []
        out = []
        for seq in sorted(seq for seq, story in self._stories.items() if not story.active):
            story = self._stories.pop(seq)
            groups = tuple(sorted(g for g in {m.group for m in story.members if m.group} if self._groups.get(g) == seq))
            for g in groups:
                del self._groups[g]
            for m in story.members:
                self._article_story.pop(m.article_id, None)
            out.append(Evicted(seq, story.id, None if story.archived else story.to_state(), groups))
        return out

    def _record(self, s: _Story) -> Story:
        members = s.members
        return Story(
            id=s.id,
            label=self._label(members),
            entities=key_entities(s.entities, self._entity_weight, self.n_key_entities, s.mentions),
            first_day=s.first_day, last_day=s.last_day,
            outlets=tuple(sorted({m.outlet for m in members if m.outlet})),
            article_ids=tuple(m.article_id for m in members),
            coverage=coverage_by_day((m.article_id, m.outlet, m.day, m.group) for m in members),
        )

    def _label(self, members: Sequence[Any]) -> str:
        """The story's label (:func:`label_story`), with the apostrophes a crawl stripped put
        back as its members' headlines and the names their articles write show them
        (``stories.restore_apostrophes``)."""
        titles = [m.title for m in members]
        label = label_story(titles, [m.outlet for m in members], self.label_chars)
        if not self.restore_labels or not label:
            return label
        return Restorer(titles, {n for m in members for n in m.names})(label)

    def to_state(self) -> dict[str, Any]:
        """Everything needed to continue later, as JSON-safe values."""
        return {
            "version": STATE_VERSION,
            "clock": self.clock.isoformat() if self.clock else None,
            "terms": self.terms.to_state(), "entities": self.entity_df.to_state(),
            "places": sorted(self.place_names), "groups": dict(sorted(self._groups.items())),
            "next_seq": self._next_seq,
            "stories": [s.to_state() for _, s in sorted(self._stories.items())],
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any], settings: Settings = DEFAULTS,
                   archive: StoryArchive | None = None) -> StoryClusterer:
        """A clusterer that continues exactly where the one that wrote ``state`` stopped
        (with the same archive, when it had one). Closed stories found in the state (all of
        them in a version 1 state) are not archived yet: the next :meth:`evict` hands them over."""
        self = cls(settings, archive)
        self.clock = dt.date.fromisoformat(state["clock"]) if state.get("clock") else None
        self.terms = DocumentFrequencies.from_state(state.get("terms", {}))
        self.entity_df = DocumentFrequencies.from_state(state.get("entities", {}))
        self.place_names = set(state.get("places", ()))
        self._groups = {str(k): int(v) for k, v in state.get("groups", {}).items()}
        self._stories = {story.seq: story for story in map(_Story.from_state, state.get("stories", ()))}
        self._next_seq = int(state.get("next_seq", max(self._stories, default=-1) + 1))
        for story in self._stories.values():
            for m in story.members:
                self._article_story[m.article_id] = story.seq
            if story.active:
                for key in story.keys:
                    self._index.setdefault(key, set()).add(story.seq)
                self._expiry.append((story.last_day.toordinal(), story.seq))
        heapq.heapify(self._expiry)
        return self


def _dated(doc: StoryDoc) -> StoryDoc:
    """``doc`` with ``published`` a plain date (a datetime is cut to its day)."""
    if isinstance(doc.published, dt.datetime):
        return doc.replace(published=doc.published.date())
    if isinstance(doc.published, dt.date):
        return doc
    raise UsageError(f"article {doc.id!r} has no publication date (got {doc.published!r}); "
                     "stories need one to tell events apart in time")


def cluster(docs: Iterable[StoryDoc], settings: Settings = DEFAULTS) -> list[Story]:
    """Cluster ``docs`` (in the order given, which should be publication order) into stories."""
    clusterer = StoryClusterer(settings)
    for doc in docs:
        clusterer.add(doc)
    return clusterer.stories()
