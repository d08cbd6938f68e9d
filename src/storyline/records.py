"""Typed records that flow between pipeline stages.

Records are frozen dataclasses with stable ids and provenance; they round-trip through
``to_dict``/``from_dict`` (JSON-safe dicts) without loss. Stages store offsets into the
original text, never parser objects.

Later stages define their own records (``quotes.Quote``, ``stories.Story``...) on the same
:class:`Record` base.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")

SENTENCE_KINDS = ("text", "boilerplate", "embed")


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex id that is the same for the same parts on every machine and run."""
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


class Record:
    """Mixin: ``to_dict``/``from_dict`` for frozen dataclasses of plain values.

    Supported field types: str, int, float, bool, None, ``datetime.date``, other Records, and
    tuples of those. Dates become ISO strings; tuples become lists.
    """

    _hints: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        hints = _type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)

    def replace(self: R, **changes: Any) -> R:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


_HINT_CACHE: dict[type, dict[str, Any]] = {}


def _type_hints(cls: type) -> dict[str, Any]:
    if cls not in _HINT_CACHE:
        import sys

        # Names from this module (Record, ClassVar, Span...) and from the record's own module,
        # so records defined elsewhere resolve their annotations without import tricks.
        namespace = {**globals(), **vars(sys.modules[cls.__module__])}
        _HINT_CACHE[cls] = typing.get_type_hints(cls, namespace)
    return _HINT_CACHE[cls]


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        inner = args[0] if args else Any
        return tuple(_load(inner, v) for v in value)
    if origin is dict:
        return dict(value)
    if isinstance(hint, type):
        if issubclass(hint, Record):
            return hint.from_dict(value)
        if hint is dt.datetime:
            return dt.datetime.fromisoformat(value)
        if hint is dt.date:
            return dt.date.fromisoformat(value)
    return value


@dataclasses.dataclass(frozen=True)
class Sentence(Record):
    """One sentence (line) of an article, with where it came from.

    ``line`` is the 1-based line number in the input file. For the line format every sentence
    is its own line and ``start`` is 0; for JSONL and HTML, where sentences are split out of a
    text field, ``line`` is the record's line and ``start``/``end`` are character offsets into
    that article's text.
    """

    article_id: str
    index: int
    line: int
    text: str
    kind: str = "text"
    start: int = 0
    end: int = -1

    @property
    def id(self) -> str:
        return f"{self.article_id}.{self.index}"


@dataclasses.dataclass(frozen=True)
class Article(Record):
    """One version of one news article.

    ``id`` is derived from the normalised URL and the content, so it is the same for the same
    input on every machine; the same URL with changed text is a new version with a new id,
    and the old version is kept.
    """

    id: str
    url: str
    url_key: str
    outlet: str
    title: str
    published: dt.date
    sentences: tuple[Sentence, ...]
    source: str
    source_line: int = 1
    format: str = "lines"
    content_hash: str = ""
    flags: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    def editorial(self) -> tuple[Sentence, ...]:
        """The sentences later stages use by default: ``kind == "text"``."""
        return tuple(s for s in self.sentences if s.kind == "text")


def content_hash(title: str, published: dt.date, sentences: typing.Iterable[str]) -> str:
    """Hash of what a reader sees: title, date and the sentences in input order."""
    return stable_id(title, published.isoformat(), *sentences, length=32)


def article_id(url_key: str, digest: str) -> str:
    return stable_id(url_key, digest)


@dataclasses.dataclass(frozen=True)
class Rejection(Record):
    """An input that was not ingested, and why: printed as ``source:line: CODE message``."""

    source: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.code} {self.message}"


# --- the understanding layer (enrich) ---------------------------------------------------
# Offsets are character offsets into ``Sentence.text`` as stored (the original text, before
# any repair), so every span can be shown and highlighted in the article as written.


@dataclasses.dataclass(frozen=True)
class Span(Record):
    """A stretch of one sentence: ``text == sentence.text[start:end]``."""

    sentence_index: int
    start: int
    end: int
    text: str


# Mention.evidence of a one-word name used as a leader's name before "regime", "forces" or after
# "pro-" (nlp.mentions): read as the surname of a known person when there is one (canonical).
LEADER_CONTEXT = "leader"
# Mention.evidence of a capital written as the owner of a state body ("the Damascus
# government", "Baghdads Ministry of the Interior", nlp.mention_owners): news uses the capital
# for its country's state, and canonical resolution gives the mention the country.
CAPITAL_STATE = "capital-state"
# Mention.evidence of a role phrase standing for a person (``the foreign minister``,
# nlp.mention_roles): canonical resolution gives it the one person the article names in that
# role, else no entity; its ``title`` is the phrase (ROLE_EVIDENCE: any of the three).
ROLE_REFERENCE = "role"
# ... written in apposition to the person's name just before it ("Tomas Berg, the interior
# minister,") or just after it ("the interior minister, Tomas Berg,"): that person.
ROLE_OF_NAME_BEFORE = "role-of-name-before"
ROLE_OF_NAME_AFTER = "role-of-name-after"
ROLE_EVIDENCE = frozenset({ROLE_REFERENCE, ROLE_OF_NAME_BEFORE, ROLE_OF_NAME_AFTER})


@dataclasses.dataclass(frozen=True)
class Mention(Record):
    """A name as written in a sentence, with its type and (once resolved) its entity.

    ``label``: PERSON, ORG, GPE, LOC, NORP (nationalities, religious and political groups),
    FAC, EVENT... (spaCy's OntoNotes labels, corrected where the model is known to be wrong).
    ``entity_id`` is the canonical entity's id; empty until canonical resolution.
    ``title``: a title or honorific written before the name and kept out of ``span``
    (``US President``, ``Ms``), or ``""``.
    ``evidence``: what set ``label`` besides the model: ``""`` the model (or a known-name
    list), ``"name"`` the name's own words (a head word: ``River Kest``; an honorific: ``Ms
    Osei``), ``"context"`` words around it in the article (``in X``, ``the X valley``).
    Canonical resolution lets such labels outvote the model's across the corpus.
    :data:`LEADER_CONTEXT` marks a one-word name used as a leader's (``the X regime``,
    ``pro-X``), which canonical resolution reads as a known person's surname.
    """

    article_id: str
    span: Span
    label: str
    entity_id: str = ""
    title: str = ""
    evidence: str = ""


@dataclasses.dataclass(frozen=True)
class Entity(Record):
    """One real-world entity across the corpus, with its one canonical name."""

    id: str
    name: str
    label: str
    variants: tuple[str, ...] = ()
    mentions: int = 0


@dataclasses.dataclass(frozen=True)
class TimeExpr(Record):
    """A temporal expression normalised against the article's publication date.

    ``type``: DATE, TIME, DURATION or SET (TimeML TIMEX3 types). ``value``: the TIMEX3 value
    (``2022-02-12``, ``2022-W06``, ``2022-02``, ``2014``, ``P3D``, ``XXXX-WXX-1``, ``PRESENT_REF``).
    ``granularity``: day, week, month, quarter, season, year, decade, century, time or none.
    ``first_day``/``last_day``: the calendar days a DATE/TIME value covers (None for
    durations, sets and values that are not anchored to the calendar).
    """

    article_id: str
    span: Span
    type: str
    value: str
    granularity: str
    first_day: dt.date | None = None
    last_day: dt.date | None = None


_SENTENCE_END = frozenset(".!?…:;\"”’')")


@dataclasses.dataclass(frozen=True)
class Quote(Record):
    """Who said what: the content (possibly over several sentences), the cue and the speaker.

    ``speaker`` is the speaker as written (a name, a description or a pronoun) or None;
    ``speaker_entity`` the canonical entity id it resolves to, or ``""`` when it cannot be
    resolved with confidence: then ``speaker_name`` is ``"unknown"`` rather than a guess.
    ``kind``: direct, indirect, mixed, embed (a social post by its account) or stance (a
    view held rather than words said: "Turkey is concerned that ...").
    """

    article_id: str
    content: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    speaker_name: str = "unknown"
    speaker_entity: str = ""
    kind: str = "indirect"

    @property
    def text(self) -> str:
        """The content's pieces as one text; where a piece stops mid-sentence and another
        follows (``Our patience is not unlimited, she said. If ...``), the words between
        were left out and `` … `` says so."""
        out = ""
        for piece in self.content:
            if out:
                out += " … " if out.rstrip()[-1:] not in _SENTENCE_END else " "
            out += piece.text
        return out


@dataclasses.dataclass(frozen=True)
class Event(Record):
    """Who did what to whom: one PLOVER event coded from one sentence.

    ``date`` comes from the sentence's normalised date expression when it has one
    (``date_source == "text"``), else the publication date (``"published"``).
    ``date_granularity``: ``day``, or the expression's coarser granularity (``week``,
    ``month``, ``quarter``, ``season``, ``year``, ``decade``, ``century``: "in 1967",
    "last month"), whose first day ``date`` then is.
    ``negated``: the sentence says it did not happen; ``hedged``: it may happen (a threat
    or warning, not a fact). ``score``: conflict (-10) to cooperation (+10).
    ``quad``: verbal/material cooperation/conflict, derived from ``type``.
    """

    article_id: str
    sentence_index: int
    type: str
    mode: str
    actor: Span | None
    target: Span | None
    trigger: Span | None
    actor_entity: str = ""
    target_entity: str = ""
    date: dt.date | None = None
    date_source: str = "published"
    negated: bool = False
    hedged: bool = False
    score: float = 0.0
    quad: str = ""
    date_granularity: str = "day"
