"""Temporal expressions, normalised to calendar values against the publication date.

A HeidelTime-style rule-based tagger that storyline owns: regex rules over the sentence
(``temporal_absolute``, ``temporal_relative``, ``temporal_ago``, ``temporal_periods``, ``temporal_durations``,
``temporal_references``) find TIMEX3 extents
and compute their values; the tense of the clause (``temporal_tense``) decides whether a
bare ``Friday`` or ``March`` is behind or ahead of the publication date; spaCy's entities
veto names that look like dates (``Theresa May``, ``Windows 2000``); the months and days of
one list agree on their years (``temporal_lists``), and those told in a sentence's narrative
of an earlier year take that year (``temporal_frames``); the page's next weekday told by its
small hours is that next day across the article (``temporal_zones``).

Public API, called once per sentence by the enrich stage::

    find_timexes(sentence, published, article_id) -> list[TimeExpr]
    find_timexes_in_article(sentences, published, article_id, ordered=False) -> list[TimeExpr]
    needs_parse(text) -> bool        # does this sentence need POS tags for tense?
    find_timexes_in_text(text, published) -> list[TimeExpr]   # plain text, loads the model

Sentences without any temporal trigger word are rejected by a set lookup over their words
(microseconds) before any rule runs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..records import Span, TimeExpr
from ..settings import DEFAULTS, Settings
from . import temporal_absolute, temporal_durations, temporal_holidays, temporal_periods, temporal_relative  # noqa: F401  (register rules)
from . import temporal_ago, temporal_references  # noqa: F401  (register rules)
from .annotate import AnnotatedSentence
from .temporal_anaphora import resolve
from .temporal_calendar import calendar_range
from .temporal_extents import widen
from .temporal_grammar import RULES, Context, Reading, readings, sentence_words
from .temporal_frames import frame_years
from .temporal_lists import agree_in_lists
from .temporal_tense import direction_of, lexical_tense, needs_parse, parsed_tense
from .temporal_titles import in_a_title
from .temporal_zones import follow_the_next_day

__all__ = ["find_timexes", "find_timexes_in_article", "find_timexes_in_text", "needs_parse", "has_trigger",
           "granularity_of", "annotate_for_dates"]

# Every word some rule needs: a sentence with none of them has no temporal expression.
_TRIGGERS = frozenset().union(*(r.needs for r in RULES))
# The words enough by themselves (rules that need no second word), and the rules that do.
_SUFFICIENT = frozenset().union(*(r.needs for r in RULES if not r.also))
_PAIRED = tuple(r for r in RULES if r.also)


def has_trigger(text: str) -> bool:
    """Whether ``text`` has the words some rule needs (or a digit).

    The prefilter: a sentence without them has no temporal expression, and costs a few
    microseconds."""
    return _triggered(sentence_words(text))


def _triggered(present: frozenset[str]) -> bool:
    # One set lookup rejects most sentences and another accepts most of the rest; rules that
    # need two words ("that" and "year") are then checked one by one.
    if _TRIGGERS.isdisjoint(present):
        return False
    return not _SUFFICIENT.isdisjoint(present) or any(r.applies(present) for r in _PAIRED)


# Entity labels that make an overlapping date-looking word part of a name.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP"})
_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
# Rules whose match a number-like entity vetoes. Not "numeric_date": three numbers that make
# a valid month, day and year ("7/8/07") are a date even where the recogniser says CARDINAL.
_NUMBER_RULES = frozenset({"year", "decade", "clock_24h"})


def find_timexes(
    sentence: AnnotatedSentence,
    published: dt.date,
    article_id: str = "",
    settings: Settings = DEFAULTS,
) -> list[TimeExpr]:
    """The temporal expressions of one annotated sentence, normalised against ``published``.

    Works on any Doc: with ``sentence.parsed`` the tense comes from the dependency parse,
    otherwise from lexical cues (``will``, ``said``, ``-ed``...). Offsets in the returned
    spans are into ``sentence.text``. Odd input (empty, huge, strange unicode) gives [].
    Anaphoric expressions (``a year earlier``, ``that year``) are anchored within the
    sentence only: :func:`find_timexes_in_article` anchors them across the article.
    """
    return find_timexes_in_article([sentence], published, article_id, settings)


def find_timexes_in_article(
    sentences: Sequence[AnnotatedSentence],
    published: dt.date,
    article_id: str = "",
    settings: Settings = DEFAULTS,
    *,
    ordered: bool = False,
) -> list[TimeExpr]:
    """The temporal expressions of all of an article's sentences, as :func:`find_timexes`
    gives them, with anaphoric expressions anchored across sentences (``temporal_anaphora``):
    comparisons in a results story (``up from $4 million a year ago``) to the quarter the
    story reports, whatever the sentence order; and, when ``ordered`` (the sentences are in
    reading order, unlike a shuffled line-format crawl), narrative ones (``that year``, ``the
    following month``) to the nearest date of an earlier sentence."""
    if isinstance(published, dt.datetime):
        published = published.date()
    found = [_sentence_readings(s, published, settings) for s in sentences]
    found = follow_the_next_day(found, [getattr(s.doc, "text", "") or "" for s in sentences], published)
    resolved = resolve(found, published, ordered)
    out = []
    for sentence, readings_ in zip(sentences, resolved):
        for r in readings_:
            span = sentence.span(r.start, r.end)
            if span.text.strip():
                out.append(_record(article_id, span, r))
    return out


def _sentence_readings(sentence: AnnotatedSentence, published: dt.date, settings: Settings) -> list[Reading]:
    """The readings of one sentence that no entity vetoes, anaphora unresolved."""
    doc = sentence.doc
    text = getattr(doc, "text", "") or ""
    if not text or len(text) > settings["dates.max_chars"]:
        return []
    present = sentence_words(text)
    if not _triggered(present):
        return []

    def tense(start: int, end: int) -> str | None:
        if sentence.parsed:
            found = parsed_tense(doc, start, end)
            if found is not None:
                return found
        return lexical_tense(text, start, end)

    ctx = Context(published, text, tense, day_first=settings["dates.day_first"],
                  day_slack_days=settings["dates.day_slack_days"], month_slack=settings["dates.month_slack"],
                  pair_days_apart=settings["dates.pair_days_apart"],
                  results_season_days=settings["dates.results_season_days"])
    found = widen(readings(ctx, present), text)
    if not found:
        return found
    ents = [(e.start_char, e.end_char, e.label_) for e in getattr(doc, "ents", ())]  # Spans built once
    found = agree_in_lists([r for r in found if not _vetoed(r, ents, text)], text)

    def told_in_past(start: int, end: int) -> bool:
        # the parse alone where there is one: a verb in the simple present ("terms start on
        # January 3") has no tense there, and a past cue elsewhere in the sentence is no frame
        found_tense = parsed_tense(doc, start, end) if sentence.parsed else lexical_tense(text, start, end)
        return direction_of(found_tense) == "past"

    return frame_years(found, ctx, told_in_past)


# A place named after a date: "6 October Bridge", "the 26 July Square", "July 26 Street".
_PLACE_NAMED_FOR_A_DAY = re.compile(
    r"\s+(?:Bridge|Street|St|Square|Avenue|Road|City|District|Stadium|Airport|Station|Park|Mosque)\b")


def _vetoed(r: Reading, ents: list[tuple[int, int, str]], text: str) -> bool:
    """Whether a named entity (start, end, label) says the reading is a name or a plain
    number, not a date.

    A name veto needs the reading to look like part of a name (capitalised or a number:
    ``Theresa May``, ``Windows 2000``); a lower-case ``today`` inside a PERSON entity is the
    recogniser running over (``JaneHaleMP today met``)."""
    if _PLACE_NAMED_FOR_A_DAY.match(text, r.end) or in_a_title(text, r.start, r.end):
        return True
    looks_like_name = (text[r.start].isupper() or text[r.start].isdigit()) and not _fully_dated(r, text)
    for start, end, label in ents:
        if end <= r.start or start >= r.end:
            continue
        if label in _NAME_LABELS and looks_like_name and (start < r.start or end > r.end):
            return True
        if label in _NUMBER_LABELS and r.rule in _NUMBER_RULES:
            return True
    return False


# A day with its month and year written ("May 1, 2011", "1 May 2011"), or a clock time with
# a.m./p.m.: no part of a name. The recogniser runs names over a wire dateline ("TORVIK | Thu
# Mar 8, 2012 4:52 pm EDT" gave PERSON "Thu Mar 8,"; NER alone, ORG "Sat Mar 10, 2012 7:41 am
# EDT"), which lost the story's date and put its clock time on another day of the sentence.
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _fully_dated(r: Reading, text: str) -> bool:
    if r.rule == "clock_12h":
        return True
    return bool(_DAY_VALUE.match(r.value) and _WRITTEN_YEAR.search(text, r.start, r.end))


def _record(article_id: str, span: Span, r: Reading) -> TimeExpr:
    granularity, first, last = granularity_of(r.type, r.value)
    return TimeExpr(article_id, span, r.type, r.value, granularity, first, last)


_DURATION_GRANULARITY = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter",
                         "E": "decade", "C": "century", "L": "century"}


def granularity_of(type_: str, value: str) -> tuple[str, dt.date | None, dt.date | None]:
    """(granularity, first_day, last_day) of a TIMEX3 type and value.

    Dates and times get their calendar range; durations and sets get the granularity of
    their unit (``P3D`` -> day, ``XXXX-WXX-1`` -> day) and no range."""
    if type_ in ("DATE", "TIME"):
        return calendar_range(value)
    if value.startswith("PT") or "T" in value[1:]:
        return "time", None, None
    if value.startswith("P"):
        return _DURATION_GRANULARITY.get(value[-1], "none"), None, None
    if re.match(r"XXXX-WXX-\d", value) or value.startswith("XXXX-XX-XX"):
        return "day", None, None
    if re.match(r"XXXX-\d\d", value):
        return "month", None, None
    if re.match(r"XXXX-(SU|SP|FA|WI)", value):
        return "season", None, None
    return "none", None, None


def find_timexes_in_text(
    text: str,
    published: dt.date,
    *,
    article_id: str = "",
    settings: Settings = DEFAULTS,
) -> list[TimeExpr]:
    """The temporal expressions of plain ``text`` (one or many sentences).

    Splits the text into sentences, runs spaCy's entity recogniser on each (and the full
    pipeline on those :func:`needs_parse` asks for), and tags them. Spans have
    ``sentence_index`` 0 and offsets into ``text``. Loads the English model on first use.
    """
    if not text or not text.strip():
        return []
    from ..readers.sentences import split_sentences

    bounds = list(split_sentences(text))
    sentences = annotate_for_dates([text[s:e] for s, e in bounds])
    out: list[TimeExpr] = []
    for (start, _), sentence in zip(bounds, sentences):
        for t in find_timexes(sentence, published, article_id, settings):
            s, e = start + t.span.start, start + t.span.end
            out.append(t.replace(span=Span(0, s, e, text[s:e])))
    return out


_PARSE_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def annotate_for_dates(texts: list[str]) -> list[AnnotatedSentence]:
    """Annotate sentences the way the enrich stage does for dates: entities on all, the full
    pipeline only where :func:`needs_parse` says the tense needs it."""
    from .engine import load_model

    flags = [needs_parse(t) for t in texts]
    ner_docs = list(load_model(exclude=_PARSE_ONLY).pipe([t for t, f in zip(texts, flags) if not f]))
    full_docs = list(load_model().pipe([t for t, f in zip(texts, flags) if f])) if any(flags) else []
    ner_iter, full_iter = iter(ner_docs), iter(full_docs)
    return [
        AnnotatedSentence(i, t, next(full_iter) if f else next(ner_iter), f)
        for i, (t, f) in enumerate(zip(texts, flags))
    ]
