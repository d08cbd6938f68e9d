"""An event's record: the :class:`~storyline.records.Event` of a coded draft, with its spans,
date, score and quad class.

The date is that of a date expression hanging from the event's own words
(:func:`date_chains`, :func:`attached_dates`; ``events.date_attached``), else the publication
date (:func:`event_date`); a date after publication is kept only for a plan, threat or
schedule (:func:`may_lie_ahead`). :func:`event_record` builds the record: a passive's "by"
phrase naming no actor and a dateline are no actor, "X and Y met" splits into actor and
target, and empty roles are filled by position (:func:`.event_roles.roles_by_position`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..records import Event, TimeExpr
from . import event_args as args
from . import event_pronouns as pronouns
from . import event_spans as spans
from .annotate import AnnotatedSentence
from .datelines import own_words_start
from .event_fallback import actor_like
from .event_lexicon import Lexicon, load_lexicon
from .event_match import in_class, noun_keys, verb_keys
from .event_modality import Draft
from .event_roles import roles_by_position
from .event_scale import goldstein, quad_class


def event_date(sentence_index: int, published: dt.date | None,
               timexes: Sequence[TimeExpr]) -> tuple[dt.date | None, str, str]:
    """(date, source, granularity): the first day of the first of ``timexes`` that is a
    DATE/TIME expression of the sentence with a calendar day, and how precisely it dates
    (``day``, or the expression's coarser granularity: ``month`` for "in March"), else the
    publication date ("published", ``day``), else (None, "", "day"). :func:`find_events`
    passes only the expressions attached to each event (:func:`attached_dates`)."""
    found = [t for t in timexes
             if t.type in ("DATE", "TIME") and t.first_day is not None
             and t.span.sentence_index == sentence_index]
    if found:
        first = min(found, key=lambda t: t.span.start)
        return first.first_day, "text", first.granularity if first.granularity in _PERIODS else "day"
    if published is not None:
        return published, "published", "day"
    return None, "", "day"


# Granularities coarser than a day that an event's date keeps (a time of day, or none
# known, dates the day).
_PERIODS = frozenset({"week", "month", "quarter", "season", "year", "decade", "century"})


# Prepositions that place an event relative to a date rather than on it.
_RELATIVE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "till", "by", "from", "ahead"})


# How a date written before a noun hangs from it ("the [2007] floods", "[13th-century] walls").
_PREMODIFIERS = frozenset({"amod", "compound", "nummod", "nmod", "poss"})


# Prepositions whose object places the act in time: "during the [1973] war".
_WITHIN = frozenset({"in", "during", "amid", "throughout"})


def _says_which_thing(inside: list, head, noun) -> bool:
    """Is this date written before a noun to say which thing ("a [1982] massacre", "its
    [13th-century] citadel") rather than when the sentence's act happened? Then it dates only
    an event that noun names. Not after a preposition ("On [Saturday] Hale and Berg met",
    however the parse hangs it), nor inside a phrase that places the act in time ("seized the
    Golan Heights in a [1967] war")."""
    first = inside[0]
    return (head.dep_ in _PREMODIFIERS and noun.pos_ == "NOUN" and noun.i > inside[-1].i
            and not (first.i and first.doc[first.i - 1].pos_ == "ADP")
            and not (noun.dep_ == "pobj" and noun.head.lower_ in _WITHIN))


# A date expression and the tokens its phrase hangs from: (token index, the chain stops there).
DateChain = tuple[TimeExpr, list[tuple[int, bool]]]


def date_chains(sentence: AnnotatedSentence, timexes: Sequence[TimeExpr]) -> list[DateChain]:
    """Each date expression of the sentence with the tokens its phrase hangs from, in order
    up the parse: (token index, whether the chain stops there). It stops at a verb, at the
    root, or at a preposition that places an event relative to the date ("after the 2007
    floods", "since 2014", "by Friday": not its day); a date phrase hangs a few links below
    its verb, so at most 9 tokens are read. A date written before a noun to say which thing
    reaches only that noun (:func:`_says_which_thing`). Computed once per sentence for all
    its events."""
    doc = sentence.doc
    out = []
    for t in timexes:
        if t.span.sentence_index != sentence.index:
            continue
        inside = [tok for tok in doc if t.span.start <= sentence.to_original(tok.idx) < t.span.end]
        heads = [tok for tok in inside if tok.head.i == tok.i
                 or not t.span.start <= sentence.to_original(tok.head.idx) < t.span.end]
        chain: list[tuple[int, bool]] = []
        node = heads[0].head if heads else None
        if node is not None and _says_which_thing(inside, heads[0], node):
            out.append((t, [(node.i, True)]))
            continue
        while node is not None and len(chain) < 9:
            relative = node.lower_ in _RELATIVE_PREPOSITIONS
            stop = relative or (len(chain) < 8 and (node.pos_ in ("VERB", "AUX") or node.head.i == node.i))
            chain.append((node.i, stop))
            node = None if stop else node.head
        out.append((t, chain))
    return out


# How far ahead of publication a scheduled event told in the present ("meets on Friday", "is
# holding talks next month") may be dated; plans told with will/could go further.
_SCHEDULE_DAYS = 400


def may_lie_ahead(d: Draft, date: dt.date, published: dt.date) -> bool:
    """Can this event be dated after its article's publication? Only a plan, threat or hedge
    (will, could, THREATEN) or a schedule told in the present within about a year; a reported
    act in the past tense happened by the time it was reported."""
    if d.hedged or d.future or d.type == "THREATEN":
        return True
    verb = d.clause if d.clause is not None else d.trigger
    past = verb.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    return not past and (date - published).days <= _SCHEDULE_DAYS


def attached_dates(d: Draft, chains: list[DateChain], lexicon: Lexicon) -> list[TimeExpr]:
    """The date expressions that date this event: those whose phrase hangs from the event's
    own words (trigger, event noun, clause verb, governors, and the copulas and reporting
    verbs above them: "Hale is due to meet Berg, officials said [on Saturday]") before its
    chain stops (:func:`date_chains`). "criticised the slow progress on a wall promised after
    [the 2007 floods]" and "accused Northford of closing schools [last year]" date other acts,
    not the criticism or the accusation. An expression the parse places nowhere (a dateline)
    dates nothing."""
    own = {t.i for t in (d.trigger, d.clause, d.noun, *d.path) if t is not None}
    node = d.clause
    for _ in range(8):  # up through copulas and reporting verbs
        if node.head.i == node.i:
            break
        node = node.head
        copula = node.pos_ == "ADJ" or node.lemma_ == "be"
        if not copula and "SPEECH" not in lexicon.govs.get(node.lemma_.lower(), ()):
            break
        own.add(node.i)
    out = []
    for t, chain in chains:
        for i, stop in chain:
            if i in own:
                out.append(t)
                break
            if stop:
                break
    return out


def _bounds_span(sentence: AnnotatedSentence, bounds):
    doc = sentence.doc
    start, end = bounds
    if end <= start:
        return None
    first, last = doc[start], doc[end - 1]
    return sentence.span(first.idx, last.idx + len(last.text))


def _words(doc, bounds: tuple[int, int]) -> str:
    return doc[bounds[0]:bounds[1]].text.lower()


# what two parties hold together: an act on it by "X and Y" is X's act towards Y
_SHARED = ("meeting", "ties", "relation", "relations")
# Weapons and strikes that a parse makes the subject of their harm ("a car bomb wounded 15"):
# the lexicon class of the weapons that do so
_WEAPONS = ("weapon_subj",)


def _shared_thing(d: Draft):
    """The meeting or relations the parties share that the event is about, or None: its
    noun, its verb's object ("postponed [their meeting]", "renewed [diplomatic ties]") or,
    with no object, its subject ("[the talks] between X and Y collapsed")."""
    if d.type == "PROTEST":
        return None  # "X and Y boycotted [the summit]": a meeting boycotted is no one's own
    thing = d.noun if d.noun is not None else (
        args.object_of(d.trigger) or args.child(d.trigger, "nsubj"))
    return thing if thing is not None and in_class(load_lexicon(), thing, _SHARED) else None


# verbs of promising: what X and Y promise, they promise together, to a third party
_PROMISES = frozenset({"pledge", "promise", "vow", "offer"})


def _joint_promise(d: Draft, lexicon: Lexicon) -> bool:
    """Whether "X and Y" agree on a one-sided act together rather than with each other: a
    promise ("X and Y pledged [$20m]") or an intent to do an act that is not itself between
    them ("X and Y agreed to [provide] aid", "both pledged to [continue] the work"); an
    intent to meet, talk, agree or work together ("agreed to [meet]", "to hold [talks]")
    stays an agreement of the one with the other."""
    if d.type != "AGREE":
        return False
    inner = d.clause if d.clause.i != d.trigger.i else args.child(d.trigger, "xcomp")
    if inner is None:
        return d.trigger.lemma_.lower() in _PROMISES
    if inner.lemma_.lower() in args.RECIPROCAL_LEMMAS:
        return False
    table, keys = (lexicon.nouns, noun_keys(inner, lexicon.nouns)) if inner.pos_ in ("NOUN", "PROPN") \
        else (lexicon.verbs, verb_keys(inner, lexicon.verbs))
    return not any(r.type in args.RECIPROCAL_TYPES for k in keys for r in table.get(k, ()))


def _past_opening(tok, start: int):
    """The bounds of a word of the same role as ``tok`` after a sentence's opening (its dateline
    or turn label, which ends at ``start``), or None: "HOST: only [Al Jazeera] has been banned"."""
    other = next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.i >= start), None)
    return spans.np_bounds(other) if other is not None else None


def event_record(d: Draft, sentence: AnnotatedSentence, article_id: str,
            date: dt.date | None, source: str, lexicon: Lexicon | None = None,
            granularity: str = "day") -> Event:
    """The Event record of a draft, dated ``date`` (from ``source``, known to
    ``granularity``: :func:`event_date`); with a ``lexicon``, a role the parse left empty is
    filled by position (:func:`.event_fallback.role_by_position`)."""
    actor = pronouns.resolve_pronoun(d.actor, d.clause) if d.actor is not None else None
    if actor is not None and args.is_time(actor):  # "a bombing on [Wednesday], which killed 14":
        actor = None  # the parse hangs the clause on the date
    means = actor is not None and actor.pos_ == "NOUN" and in_class(lexicon or load_lexicon(), actor, _WEAPONS)
    if means:
        actor = args.agent_modifier(actor)  # "a [car bomb] exploded": the means, not who used it;
        # "a [Vellmark] missile hit ...": whose it is acted
    no_one = args.is_no_one(actor)
    if no_one:
        actor = None  # "[nobody] has claimed responsibility": the event is negated, no one acts
    target = d.target if not args.is_no_one(d.target) else None  # "[no one] was hurt"
    target = args.stands_for(target)  # "the rebels, [whom] it blames for the attack"
    mutual = args.is_reciprocal(target)
    if mutual:
        target = None  # "X and Y accused [each other]": X is the actor, Y the target
    actor_bounds = spans.np_bounds(actor) if actor is not None else None
    if actor is not None and actor.dep_ == "pobj" and actor.head.dep_ == "agent" \
            and not actor_like(actor.doc, actor_bounds, lexicon or load_lexicon()):
        actor_bounds = None  # a passive's "by" phrase naming no actor is the means: "rescued by boat"
    target_bounds = spans.np_bounds(target) if target is not None else None
    # "KESSLING, March 2 (CPA) - ..." or a transcript's "KROLL: ...": the parser may make the
    # place or the turn's speaker a subject
    dateline = own_words_start(d.trigger.doc)
    if actor_bounds is not None and actor_bounds[0] < dateline:
        actor_bounds = _past_opening(actor, dateline)
    if target_bounds is not None and target_bounds[0] < dateline:
        target_bounds = _past_opening(target, dateline)
    shared = _shared_thing(d)  # "X and Y postponed their meeting": X acts, Y is the target
    if shared is not None and target is not None and target.i == shared.i:
        target, target_bounds = None, None  # "renewed [diplomatic ties]": the thing, not a party
    reciprocal = (d.type in args.RECIPROCAL_TYPES and not _joint_promise(d, lexicon or load_lexicon())
                  or d.trigger.lemma_ in args.RECIPROCAL_LEMMAS or shared is not None or mutual)
    if target is None and (reciprocal or actor is None):
        # "X and Y met", "talks between X and Y", "was reached between X and Y": X is the
        # actor, Y the target; "a ceasefire between X and Y" too, for any type
        between = next((p for t in (d.noun, d.trigger, *d.path[:1], shared) if t is not None
                        for p in args.prep_objects(t, ("between",))), None)
        pair = actor if actor is not None else between
        split = spans.split_coordination(pair) if pair is not None else None
        if split is not None:
            actor_bounds, target_bounds = split
        elif between is not None and actor is not None and not any(
                t.i == actor.i for t in between.subtree):
            # a third party's act on a pair: "offered to host talks between [the warring
            # factions]", "mediated a truce between [X and Y]": the pair is the target
            target_bounds = spans.np_bounds(between)
    if lexicon is not None:
        actor_bounds, target_bounds = roles_by_position(d, actor_bounds, target_bounds, lexicon)
        if no_one or means and actor is None:
            actor_bounds = None  # nor anyone found by position: "[neither side] wanted war", "the
            # army chief says a [bomb] went off near his headquarters"
    if actor_bounds and target_bounds and _words(d.trigger.doc, actor_bounds) == _words(d.trigger.doc, target_bounds):
        actor_bounds = None  # "urging Gadhafi to step down" read as Gadhafi -> Gadhafi: no one acts on himself
    return Event(
        article_id=article_id,
        sentence_index=sentence.index,
        type=d.type,
        mode=d.mode,
        actor=_bounds_span(sentence, actor_bounds) if actor_bounds else None,
        target=_bounds_span(sentence, target_bounds) if target_bounds else None,
        trigger=sentence.token_span(d.trigger),
        date=date,
        date_source=source,
        date_granularity=granularity,
        negated=d.negated,
        hedged=d.hedged,
        score=goldstein(d.type, d.mode),
        quad=quad_class(d.type, d.mode),
    )
