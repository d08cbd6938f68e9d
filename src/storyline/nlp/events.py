"""Who did what to whom: PLOVER events coded from parsed sentences.

For one annotated sentence, :func:`find_events` returns zero or more :class:`Event` records:
the PLOVER type (16 types) and mode, the actor and target as written (spans of the original
text; canonical entity ids are filled in later by the entity stage), the trigger, the date
(the sentence's first calendar DATE expression, else the publication date, flagged as such),
negation, hedging, a Goldstein-like conflict/cooperation score and the quad class.

The coder is rule-based first: a verb-class lexicon written for storyline
(``data/event_lexicon.tsv``, loaded by :mod:`.event_lexicon`) read against spaCy's dependency
parse, with two fallbacks (:mod:`.event_fallback`) where the rules leave a gap. Four steps
per sentence:

1. *Frames*: every verb with a matching lexicon row ("attacked", "urged", "massed") and every
   event noun realised by a verb ("imposed *sanctions*", "held *talks*", "*fighting* broke
   out") proposes an event, with an actor and target from the parse (:mod:`.event_frames`,
   over :mod:`.event_args`); the lexicon rows are matched in :mod:`.event_match`, the target
   chosen in :mod:`.event_roles`.
2. *Governors*: the verbs above it change it (:mod:`.event_modality`): "threatened to
   impose sanctions" is one THREATEN event, "denies that it intends to launch an offensive"
   a negated one, "could begin" a hedged one.
3. *Fallback event*: a sentence the rules code nothing in, but which has a lexicon event word
   (:func:`needs_parse`), is scored by a small trained classifier (:mod:`.event_model`,
   ``events.model``); a confident type (``events.model_min_prob``) with a verb that speaks
   for it becomes an event, its governors applied as for rule events.
4. *Records* (:mod:`.event_records`): spans, date, score and quad class; an actor or target
   the parse left empty, or a target that names no actor, is filled by position
   (``events.role_fallback``); a passive's "by" phrase naming no actor ("rescued by boat")
   and a dateline are no actor. The date is that of a date expression hanging from the
   event's own words (``events.date_attached``), else the publication date.

:func:`needs_parse` is the cheap test the enrich stage asks before parsing a sentence at all.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from spacy.attrs import LOWER

from ..records import Event, TimeExpr
from ..settings import DEFAULTS, Settings
from . import event_args as args
from .annotate import AnnotatedSentence
from .event_fallback import model_draft
from .event_frames import MODIFIER_DEPS, blame_frame, frame_starts, gerund_agent, noun_frame, verb_frame
from .event_lexicon import Lexicon, load_lexicon, words_of
from .event_match import in_class
from .event_model import model_for
from .event_modality import Draft, climb, finish_modality, naming
from .event_mood import is_negated
from .event_pronouns import is_addressee, is_narrator
from .event_records import attached_dates, date_chains, event_date, event_record, may_lie_ahead
from .event_roles import share_targets
from .event_scale import goldstein, quad_class

__all__ = ["find_events", "needs_parse", "quad_class", "goldstein", "event_date", "material_acts"]

log = logging.getLogger(__name__)

# adverbs that make any act of two or more parties a cooperation ("X and Y [jointly] dismantled
# a trafficking network"); "together" is left out: "brought together", "put together"
_JOINT_ADVERBS = frozenset({"jointly"})


def needs_parse(text: str) -> bool:
    """Whether a sentence can hold an event at all: a lexicon verb or noun form is present.

    A set lookup over the sentence's words (microseconds), so the enrich stage parses only
    sentences that some module needs parsed. Never raises; "" and non-text give False."""
    if not isinstance(text, str) or not text:
        return False
    lexicon = load_lexicon()
    words = words_of(text)
    if not words.isdisjoint(lexicon.single_forms) or not words.isdisjoint(_JOINT_ADVERBS):
        return True
    needs_with = lexicon.needs_with
    return any(not words.isdisjoint(needed) for w in words for needed in needs_with.get(w, ()))


# PLOVER CONSULT is a meeting or talks between parties; one told by the text's own teller or
# put to its addressee ("we spoke with residents", "you met him in Cairo") is an interview,
# a broadcast's chat or a reader's visit
_TOLD_CHATS = frozenset({"CONSULT"})


def find_events(
    sentence: AnnotatedSentence,
    *,
    article_id: str = "",
    published: dt.date | None = None,
    timexes: Sequence[TimeExpr] = (),
    settings: Settings = DEFAULTS,
) -> list[Event]:
    """The PLOVER events of one parsed sentence, in trigger order (see the module docstring).

    Needs ``sentence.parsed`` (tags, lemmas, dependencies); an unparsed sentence, an empty
    one or one longer than ``events.max_tokens`` gives []. Never raises on odd input."""
    doc = getattr(sentence, "doc", None)
    if not getattr(sentence, "parsed", False) or doc is None or len(doc) == 0:
        return []
    if len(doc) > settings["events.max_tokens"]:
        return []
    lexicon = load_lexicon()
    try:
        declined: list[Draft] = []
        excepted: set[int] = set()
        drafts = _code(doc, lexicon, settings, declined, excepted)
        # the rules coded nothing: ask the classifier, if the sentence has an event word at
        # all (so that what is coded never depends on which other module asked for a parse),
        # unless the rules read an event word and removed it on purpose (a condition, a name)
        wanted = not drafts and not declined and needs_parse(sentence.doc_text)
        model = model_for(settings) if wanted else None
        if model is not None:
            found = model_draft(doc, model, settings["events.model_min_prob"], lexicon,
                                min_margin=settings["events.model_min_margin"])
            if found is not None and (naming(found.trigger, lexicon) or found.trigger.i in excepted):
                # "what she called a reckless build-up": no act of calling; "the virus killed
                # 20": a lexicon exception the classifier does not overrule
                found = None
            if found is not None:  # governors as for rule events: "denied that it was preparing..."
                if climb(found, lexicon, found.clause, set()):
                    finish_modality(found, settings["events.hedged_conflict_as_threaten"])
                else:
                    found = None
            if found is not None and not (found.negated and not settings["events.emit_negated"]):
                drafts.append(found)
    except (AttributeError, IndexError, KeyError, ValueError, RecursionError) as exc:
        log.debug("events: sentence %s skipped: %r", getattr(sentence, "index", "?"), exc)
        return []
    events: list[Event] = []
    seen: set[tuple] = set()
    by_position = settings["events.role_fallback"]
    chains = date_chains(sentence, timexes) if settings["events.date_attached"] and drafts else None
    for d in drafts:
        dating = attached_dates(d, chains, lexicon) if chains is not None else timexes
        date, source, granularity = event_date(sentence.index, published, dating)
        if source == "text" and published is not None and date > published and not may_lie_ahead(d, date, published):
            date, source, granularity = published, "published", "day"  # "In 06 I asked them ... for 20 years from now"
        event = event_record(d, sentence, article_id, date, source, lexicon if by_position else None, granularity)
        if event.actor is not None and (event.type in _TOLD_CHATS and is_narrator(event.actor.text, doc)
                                        or is_addressee(event.actor.text, doc)):
            continue  # "I spoke earlier with the ambassador": the reporter's interview, no meeting;
            # "you can see them burning tyres": the reader, no party
        key = (event.type, event.trigger, event.negated)  # "asked him to X and Y": one REQUEST
        if key not in seen:
            seen.add(key)
            events.append(event)
    return events[: settings["events.max_per_sentence"]]


def material_acts(doc, settings: Settings = DEFAULTS) -> frozenset[int]:
    """Token indexes of the words that carry a material event in a parsed Doc (the trigger
    and its clause's verb: "Northford [recalled] its ambassador", "[suspended] imports"):
    acts, which the quote finder does not read as speech. Rules only, no classifier."""
    if len(doc) == 0 or len(doc) > settings["events.max_tokens"]:
        return frozenset()
    out: set[int] = set()
    for d in _code(doc, load_lexicon(), settings):
        if quad_class(d.type).startswith("material"):
            out.update((d.trigger.i, d.clause.i))
    return frozenset(out)


def _joint_acts(doc, coded: list[Draft], consumed: set[int], lexicon: Lexicon, settings: Settings) -> list[Draft]:
    """COOPERATE for an active verb done "jointly" that carries no event of its own or below
    it ("Police in X and Y [jointly] dismantled a trafficking network", "jointly set up a
    working group"; "jointly [held] talks" stays the talks' CONSULT, "jointly attacked" an
    ASSAULT), its governors applied as for other events."""
    out = []
    strings = doc.vocab.strings
    joint = {strings[w] for w in _JOINT_ADVERBS}
    for i, lower in enumerate(doc.to_array([LOWER]).tolist()):
        if lower not in joint:
            continue  # most sentences have none: look for the adverb first
        adverb = doc[i]
        if adverb.dep_ != "advmod":
            continue
        tok = adverb.head
        if tok.pos_ != "VERB" or tok.dep_ in MODIFIER_DEPS or args.is_passive(tok) \
                or any(d.trigger.i == tok.i for d in out):
            continue
        if any(d.trigger.i == t.i or d.clause.i == t.i for d in coded for t in tok.subtree):
            continue
        draft = Draft("COOPERATE", "", trigger=tok, clause=tok, actor=args.subject_of(tok)[0],
                      negated=is_negated(tok))
        if climb(draft, lexicon, draft.clause, consumed):
            finish_modality(draft, settings["events.hedged_conflict_as_threaten"])
            out.append(draft)
    return out


def _lend_target(verb_draft: Draft, noun, coded: list[Draft]) -> None:
    """Give the event of ``noun`` (the subject of an event verb of the same type, which is
    the same act) the verb's target when it has none of its own."""
    if verb_draft.target is None:
        return
    for d in coded:
        if d.type == verb_draft.type and d.target is None and any(t.i == noun.i for t in (d.trigger, d.clause)):
            d.target = verb_draft.target
            return


# Disapproval and demands voiced by protesters: PLOVER codes them as the protest ("Protests,
# including protests making requests / expressing disapproval, are coded under PROTEST")
_VOICED_BY_CROWDS = frozenset({"REQUEST", "ACCUSE"})
_PROTESTERS = ("protesters",)
_CROWDS = ("crowd", "protesters")
# where a crowd's demand is a protest: "thousands took to the [streets] to demand ..."
_PROTEST_GROUND = frozenset({"street"})
# how a demand hangs on the crowd's being there: a purpose, a participle, a complement
_VOICING_DEPS = frozenset({"advcl", "xcomp", "acl"})


def _protests_by_protesters(drafts: list[Draft], lexicon: Lexicon) -> None:
    """Protesters demanding or denouncing something protest: their REQUEST or ACCUSE
    (disapproval) becomes PROTEST demo, or is dropped when the sentence already codes their
    protest ("demonstrators marched, [demanding] the mayor's resignation": one protest). So
    does a crowd's demand made out in the streets (:func:`_crowd_in_the_streets`)."""
    protests = {d.actor.i for d in drafts if d.type == "PROTEST" and d.actor is not None}
    protesting = {d.trigger.i for d in drafts if d.type == "PROTEST"}  # "thousands [took] to the streets"
    for d in list(drafts):
        if d.type not in _VOICED_BY_CROWDS or d.type == "ACCUSE" and d.mode != "disapprove" \
                or _legal_appeal(d, lexicon):
            continue
        crowd = d.actor if d.actor is not None and in_class(lexicon, d.actor, _PROTESTERS) \
            else _crowd_in_the_streets(d, lexicon)
        if crowd is None:
            continue
        d.actor = crowd
        if d.actor.i in protests or d.trigger.head.i in protesting:
            drafts.remove(d)  # "... [demanding] change": the demand the protest makes
        else:
            d.type, d.mode = "PROTEST", "demo"


def _crowd_in_the_streets(draft: Draft, lexicon: Lexicon):
    """The crowd that makes a demand by being out in the streets: "[thousands] took to the
    streets [to demand] his resignation", "[hundreds of farmers] stayed in the streets
    overnight [calling for] lower prices", "[crowds] poured into the streets [demanding] ...":
    a protest (PLOVER codes a protest making demands as PROTEST), though no word says
    "protester". The demand hangs on the streets or on a verb placed in them; who makes it
    (the demand's actor, else the subject of the verb placed in the streets) is a crowd word
    (thousands, people, supporters), not one person ("the mayor stood in the street calling
    for calm"). Else None."""
    tok = draft.trigger
    if tok.dep_ not in _VOICING_DEPS:
        return None
    ground = tok.head
    if ground.pos_ in ("NOUN", "PROPN"):
        while ground.dep_ == "pobj" and ground.head.lower_ == "of" and ground.head.head.i != ground.head.i:
            ground = ground.head.head  # "the streets of Kessling [demanding] ...": the streets
        placed = ground.lemma_.lower() in _PROTEST_GROUND
        while ground.dep_ in ("pobj", "prep") and ground.head.i != ground.i:
            ground = ground.head  # the verb that puts the crowd in the streets
    else:
        placed = any(place.lemma_.lower() in _PROTEST_GROUND for prep in args.children(ground, "prep")
                     for place in args.children(prep, "pobj"))
    crowd = draft.actor if draft.actor is not None else args.subject_of(ground)[0]
    return crowd if placed and crowd is not None and in_class(lexicon, crowd, _CROWDS) else None


def _legal_appeal(draft: Draft, lexicon: Lexicon) -> bool:
    """Whether a request is an appeal at law ("the jailed protesters appealed [against their
    sentences]", "appealed [to the supreme court]"): a plea to a court, not a protest, though
    protesters make it (the lexicon classes ``verdicts`` and ``courts``)."""
    word = draft.noun if draft.noun is not None else draft.trigger
    if word.lemma_.lower() != "appeal":
        return False
    return any(in_class(lexicon, o, ("verdicts",)) for o in args.prep_objects(word, ("against", "of"))) or any(
        in_class(lexicon, o, ("courts",)) for o in args.prep_objects(word, ("to", "in", "before")))


def _code(doc, lexicon: Lexicon, settings: Settings, declined: list | None = None,
          excepted: set[int] | None = None) -> list[Draft]:
    """Frames, governors and modality for every event of a parsed Doc. Drafts a governor
    removed (a condition, a name given: "if Russia invaded", "what it called an ultimatum")
    are appended to ``declined``, and the indexes of verbs a lexicon exception rules out ("the
    virus killed 20") added to ``excepted``, when given."""
    consumed: set[int] = set()
    coded: list[Draft] = []
    for i in frame_starts(doc):
        tok = doc[i]
        draft = verb_frame(tok, lexicon, excepted) or noun_frame(tok, lexicon, excepted) or blame_frame(tok, lexicon)
        if draft is None:
            continue
        if not climb(draft, lexicon, draft.clause, consumed):
            if declined is not None:
                declined.append(draft)
            continue
        finish_modality(draft, settings["events.hedged_conflict_as_threaten"])
        if draft.actor is None and draft.noun is None and draft.trigger.i == draft.clause.i:
            # a gerund's own "by" phrase, which a governor it undergoes ("wounded in") drops
            draft.actor = gerund_agent(draft.trigger, lexicon)
        coded.append(draft)
    coded += _joint_acts(doc, coded, consumed, lexicon, settings)
    # an event noun, or the container holding it ("three [days] of fighting killed 40")
    nouns = {(t.i, d.type) for d in coded if d.noun is not None for t in (d.trigger, d.clause)}
    share_targets(coded)
    # the "by" phrase of a passive event verb: "12 people were killed [by shelling]" (the
    # parser makes the gerund a verb) is one event, the killing's, not also a shelling done
    # by the 12 people
    means = {(m.i, d.type) for d in coded if d.noun is None and args.is_passive(d.trigger)
             for by in d.trigger.children if by.dep_ == "agent"
             for m in by.children if m.dep_ in ("pobj", "pcomp")}
    out = []
    for d in coded:
        if d.clause.i in consumed:
            continue  # a governor ("urged", "calls to") whose meaning is in the event it governs
        if (d.trigger.i, d.type) in means:
            continue
        subject = args.subject_of(d.trigger)[0] if d.noun is None else None
        if subject is not None and (subject.i, d.type) in nouns:
            # "[attacks] on X killed 10": one event, the noun's, which has its own target; one
            # without ("an air strike that killed [two guards] hit the compound") takes the verb's
            _lend_target(d, subject, coded)
            continue
        if d.negated and not settings["events.emit_negated"]:
            continue
        out.append(d)
    _protests_by_protesters(out, lexicon)
    return out
