"""Analysing articles: repaired text through spaCy, parsed only where it pays, then every
understanding module. Pure (no store), so it runs the same in a worker process.

Speed comes from three choices, measured in ``benchmarks/enrich_speed.py``:

- every sentence gets named entities, but only sentences that a module's ``needs_parse``
  asks for go through the tagger, the parser and the lemmatizer;
- identical sentences (syndicated copies, repeated statements) are processed once per task;
- sentences are processed as many small Docs in large batches.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Event, Mention, Quote, Record, TimeExpr
from ..settings import DEFAULTS, Settings
from . import events as event_finder
from . import quotes as quote_finder
from . import temporal
from .annotate import AnnotatedSentence
from .mentions import add_entity_fixes, article_mentions
from .repair import repair_article

NER_PIPES = ("ner", "storyline_entity_fixes")


@dataclass(frozen=True)
class ArticleText(Record):
    """What analysis needs of an article: its editorial sentences and its embeds."""

    id: str
    published: dt.date
    sentences: tuple[tuple[int, str], ...]  # (sentence index, text) of `text` lines
    embeds: tuple[tuple[int, str, str], ...] = ()  # (sentence index, text, account)
    ordered: bool = True  # the stored order is the reading order


@dataclass(frozen=True)
class Findings(Record):
    """What analysis found in one article (entity ids not yet assigned)."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    error: str = ""  # set when analysis of this article failed (a bug): nothing else is


def needs_parse(text: str) -> bool:
    """The union of what the modules ask for: tense (dates), quotes and events."""
    return quote_finder.needs_parse(text) or event_finder.needs_parse(text) or temporal.needs_parse(text)


@functools.lru_cache(maxsize=1)
def _pipeline():
    from .engine import new_model

    nlp = new_model()  # our own instance: adding components must not change anyone else's
    add_entity_fixes(nlp)
    return nlp


def analyze(articles: Sequence[ArticleText], settings: Settings = DEFAULTS) -> list[Findings]:
    """Analyse a batch of articles (see the module docstring)."""
    nlp = _pipeline()
    repaired: list[list] = []
    wanted: dict[str, bool] = {}
    for art in articles:
        reps = repair_article([text for _, text in art.sentences])
        repaired.append(reps)
        for rep in reps:
            wanted[rep.text] = wanted.get(rep.text, False) or needs_parse(rep.text)
    batch = settings["enrich.spacy_batch"]
    parse_texts = [t for t, p in wanted.items() if p]
    ner_texts = [t for t, p in wanted.items() if not p]
    docs = dict(zip(parse_texts, nlp.pipe(parse_texts, batch_size=batch)))
    with nlp.select_pipes(enable=[p for p in NER_PIPES if p in nlp.pipe_names]):
        docs.update(zip(ner_texts, nlp.pipe(ner_texts, batch_size=batch)))
    return [_safe_findings(art, reps, docs, wanted, settings) for art, reps in zip(articles, repaired)]


def _safe_findings(art: ArticleText, reps: list, docs: dict, wanted: dict[str, bool], settings: Settings) -> Findings:
    """One article's findings; a failure in a module (a bug on odd text) costs that article
    its findings, recorded with the error, never the run."""
    try:
        return _findings(art, reps, docs, wanted, settings)
    except Exception as exc:  # noqa: BLE001 - reported per article, see docstring
        return Findings(art.id, error=f"{type(exc).__name__}: {exc}"[:500])


def _findings(art: ArticleText, reps: list, docs: dict, wanted: dict[str, bool], settings: Settings) -> Findings:
    sentences = [
        AnnotatedSentence(index, text, docs[rep.text], wanted[rep.text], rep.to_original)
        for (index, text), rep in zip(art.sentences, reps)
    ]
    timexes = temporal.find_timexes_in_article(sentences, art.published, art.id, settings, ordered=art.ordered)
    found_events: list[Event] = []
    for s in sentences:
        if s.parsed:
            own = [t for t in timexes if t.span.sentence_index == s.index]
            found_events.extend(event_finder.find_events(s, article_id=art.id, published=art.published, timexes=own, settings=settings))
    quotes = quote_finder.find_quotes(sentences, art.id, settings, ordered=art.ordered)
    quotes.extend(quote_finder.quote_from_embed(index, text, account, art.id) for index, text, account in art.embeds if account)
    return Findings(
        article_id=art.id,
        mentions=tuple(article_mentions(sentences, art.id, settings)),
        timexes=tuple(timexes),
        quotes=tuple(quotes),
        events=tuple(found_events),
    )
