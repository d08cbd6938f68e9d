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
   out") proposes an event, with an actor and target from the parse (:mod:`.event_args`);
   the lexicon rows are matched in :mod:`.event_match`, the target chosen in
   :mod:`.event_roles`.
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

from ..records import Event, TimeExpr
from ..settings import DEFAULTS, Settings
from . import event_args as args
from . import event_spans as spans
from .annotate import AnnotatedSentence
from .event_fallback import actor_like, model_draft
from .event_lexicon import Lexicon, load_lexicon, words_of
from .event_match import (RowContext, first_row, hyphen_keys, in_class, is_event_noun, match_row, noun_keys,
                          verb_keys)
from .event_air_shots import harmless_volley
from .event_mishaps import is_blaze, natural_harm
from .event_model import model_for
from .event_governors import governor_link, roles_of
from .event_modality import Draft, climb, finish_modality, naming
from .event_mood import is_negated, modality
from .event_pronouns import is_addressee, is_narrator
from .event_records import attached_dates, date_chains, event_date, event_record, may_lie_ahead
from .event_roles import agent_on_object, find_target, share_targets
from .event_scale import goldstein, quad_class

__all__ = ["find_events", "needs_parse", "quad_class", "goldstein", "event_date", "material_acts"]

log = logging.getLogger(__name__)

_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_OWN_CLAUSE_DEPS = frozenset({"relcl", "advcl"})  # a relative or adverbial clause
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # "the besieged city": not an event
_ACT_PREPS = frozenset({"in", "during"})  # "killed [in] a coup led by X": the act a passive happened in
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts whose agent harms those caught in them
# verbs that make a noun an act of their "by" phrase: "a coup [led] by X", "a raid [carried] out by Y"
_ACT_VERBS = frozenset({"lead", "carry", "launch", "stage", "mount", "conduct", "order", "organise", "organize"})
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos"})
# prepositions by which a stretch of time says when something else happened
_WHEN_PREPS = frozenset({"in", "during", "over", "within"})
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
            found = model_draft(doc, model, settings["events.model_min_prob"], lexicon)
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


# --- step 1: frames ---------------------------------------------------------------------------


# people who act: a present participle on one of them with an object is their act
_ACTING_GROUPS = ("person", "armed", "troops", "police", "crowd", "protesters")


def _verb_frame(tok, lexicon: Lexicon, excepted: set[int] | None = None) -> Draft | None:
    """An event proposed by a verb with a matching lexicon row, with its actor and target.
    A lexicon exception (a NONE row) that holds adds the verb's index to ``excepted``: "the
    virus killed 20", "struck a balance" are no event by a deliberate rule, which the
    classifier must not overrule."""
    if tok.tag_ not in _VERB_TAGS and not _verb_tagged_noun(tok) or tok.dep_ in _MODIFIER_DEPS:
        return None
    keys = verb_keys(tok, lexicon.verbs)
    if not any(k in lexicon.verbs for k in keys):
        return None  # most verbs: no row to test, so no context to compute
    ctx = RowContext(tok, noun=False)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and ctx.passive and args.object_of(tok) is not None \
            and (in_class(lexicon, tok.head, _ACTING_GROUPS) or _act_of_force(tok.head, lexicon)):
        # "insurgents [fighting] coalition forces": people doing it to someone, not a theme;
        # "a rebel attack [killing] twelve soldiers": the attack did it (its agent is the actor)
        ctx.passive, ctx.subject, ctx.theme = False, tok.head, args.object_of(tok)
    if ctx.passive and ctx.subject is None:
        ctx.subject = _agent_of_act(tok, lexicon)
    gerund = _gerund_agent(tok, lexicon)
    if gerund is not None:  # "killed in [shelling] by X": X shelled, not whoever was killed
        ctx.passive, ctx.subject = False, gerund
    rule = first_row(lexicon.verbs, keys, ctx, lexicon)
    if (rule is None or rule.type == "ASSAULT") and natural_harm(tok, ctx.subject, lexicon) and any(
            r.type == "ASSAULT" for k in keys for r in lexicon.verbs.get(k, ())):
        rule = None  # "the quake struck the coast", "injured in the earthquake": no one's act
        if excepted is not None:
            excepted.add(tok.i)  # nor the classifier's
    if rule is not None and rule.type != "NONE" and harmless_volley(tok, ctx.subject, lexicon):
        rule = None  # "fired into the air in celebration": no act of force, nor the classifier's
        if excepted is not None:
            excepted.add(tok.i)
    if rule is not None and rule.type == "NONE":
        if excepted is not None:
            excepted.add(tok.i)
        return None
    if rule is None:
        return None
    draft = Draft(rule.type, rule.mode, trigger=tok, clause=tok, actor=ctx.subject,
                  negated=is_negated(tok))
    # "freed a reporter [who was jailed] last year", "[after she was charged]": a passive
    # clause of its own that names no agent; the subject of the sentence did not do it
    draft.own_actor_only = ctx.subject is None and tok.dep_ in _OWN_CLAUSE_DEPS and args.is_passive(tok)
    actor = ctx.subject
    if actor is not None and is_event_noun(actor, lexicon):  # "an airstrike killed six"
        noun_rule = match_row(lexicon.nouns, noun_keys(actor, lexicon.nouns), RowContext(actor, True), lexicon)
        if noun_rule is not None and noun_rule.type == rule.type and not draft.mode:
            draft.mode = noun_rule.mode
        draft.actor = args.agent_modifier(actor) or _group_before(actor, lexicon)
        if noun_rule is None or noun_rule.type != rule.type:
            draft.actor = _name_before_relative(tok, actor) or draft.actor
    elif actor is not None and in_class(lexicon, actor, ("idea",)):
        draft.actor = args.agent_modifier(actor)  # "the measures freeze assets": whose measures, if said
    draft.target = find_target(rule.targets, draft, tok, ctx.theme, lexicon)
    return draft


# groups whose word before an act names who did it: "a [rebel] attack", "an [army] raid"
_ACTING_MODIFIERS = ("armed", "troops", "police", "govt")


def _group_before(noun, lexicon: Lexicon):
    """A group word modifying an act as its doer ("a [rebel] attack killing twelve"), else None."""
    return next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                 and in_class(lexicon, c, _ACTING_MODIFIERS)), None)


def _verb_tagged_noun(tok) -> bool:
    """Whether a word the tagger took for a noun heads a clause as its verb, with a subject
    and an object ("Ostara on Monday [cut] Internet service": cut/NN, put, set, hit...)."""
    return tok.tag_ == "NN" and tok.dep_ in ("ROOT", "ccomp", "conj") and \
        any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children)


def _name_before_relative(verb, noun):
    """The name right before the relative pronoun subject of ``verb`` when the parse hung
    the relative clause on an act of another kind: "talks with [Vellmark] which seized the
    hills" (talks seize nothing). An act of the same kind stays its own ("an attack on X
    which killed 12"). Else None."""
    pron = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")), None)
    if pron is None or pron.i == 0:
        return None
    name = verb.doc[pron.i - 1]
    if not (name.ent_type_ in args.AGENT_ENTS or name.pos_ == "PROPN") or name.i <= noun.i:
        return None
    return name if any(a.i == noun.i for a in name.ancestors) else None


def _agent_of_act(verb, lexicon: Lexicon):
    """The actor of a passive verb with no "by" phrase, named by the act it happened in: "was
    killed in [a coup] led by Mora", "were wounded in [an attack] by rebels", "died during
    [Arnholt's] offensive". The act is an act of force (:func:`_act_of_force`), or any noun
    "led", "carried out" or "launched" by someone ("a coup led by X"); the actor must name
    an actor ("killed in [anti]-government protests" names none); else None."""
    for prep in args.children(verb, "prep"):
        if prep.lower_ not in _ACT_PREPS:
            continue
        for act in args.children(prep, "pcomp"):  # "wounded in [shelling] by X": a gerund of force
            agent = _gerund_agent(act, lexicon)
            if agent is not None and any(r.type in _FORCE_TYPES for k in verb_keys(act, lexicon.verbs)
                                         for r in lexicon.verbs.get(k, ())):
                return agent
        for act in args.children(prep, "pobj"):
            led = next((a for c in args.children(act, "acl") if c.tag_ == "VBN" and c.lemma_ in _ACT_VERBS
                        for a in (args.agent_of(c),) if a is not None), None)
            agent = led or (args.agent_modifier(act) if _act_of_force(act, lexicon) else None)
            if agent is not None and actor_like(verb.doc, spans.np_bounds(agent), lexicon):
                return agent
    return None


# where a gerund stands as a noun: "wounded in [shelling] by X", "[shelling] by X hit the port"
_NOMINAL_DEPS = frozenset({"pcomp", "pobj", "nsubj", "nsubjpass", "dobj", "ROOT"})


def _gerund_agent(verb, lexicon: Lexicon):
    """The doer of an act told by a gerund standing as a noun, with no subject or auxiliary
    of its own: its "by" phrase when that names an actor ("were wounded in [shelling] by
    [Varenian forces]", "Indiscriminate [shelling] by [X]."); a means stays no actor
    ("protested by [blocking] roads" has no "by" phrase of its own). Else None."""
    if verb.tag_ != "VBG" or verb.dep_ not in _NOMINAL_DEPS or any(
            c.dep_ in ("aux", "auxpass", *args.SUBJECT_DEPS, *args.PASSIVE_SUBJECT_DEPS) for c in verb.children):
        return None
    by = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i
               for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
    return by if by is not None and actor_like(verb.doc, spans.np_bounds(by), lexicon) else None


def _act_of_force(noun, lexicon: Lexicon) -> bool:
    """Whether an event noun is an act of force (an attack, a raid): its agent did what befell
    those in it; not a protest ("killed in [anti-government protests]": not by the protesters)."""
    rule = match_row(lexicon.nouns, noun_keys(noun, lexicon.nouns), RowContext(noun, True), lexicon)
    return rule is not None and rule.type in _FORCE_TYPES


def _noun_frame(tok, lexicon: Lexicon, excepted: set[int] | None = None) -> Draft | None:
    """An event proposed by an event noun that a verb realises ("held talks"), else None.

    A noun only mentioned ("the sanctions hurt", "condemned the attack") is not an event of
    its own: it must be the object, subject or prepositional object of a governor verb. A
    blaze (``event_mishaps.is_blaze``) is none, and its verb is added to ``excepted``."""
    if tok.dep_ == "compound" or tok.pos_ not in ("NOUN", "PROPN") and not (
            tok.dep_ in _NOUN_DEPS and any(k in lexicon.nouns for k in hyphen_keys(tok))):
        return None  # the tagger may miss the last part of a hyphenated noun: "a sit-[in]"
    rule = match_row(lexicon.nouns, noun_keys(tok, lexicon.nouns), RowContext(tok, noun=True), lexicon)
    if rule is not None and rule.type == "ASSAULT" and is_blaze(tok):
        link = governor_link(tok)  # "[a fire] at the depot killed two": a blaze, not gunfire,
        if link is not None and excepted is not None:  # and "died in [a fire]" no one's act
            excepted.add(link[0].i)
        return None
    if rule is None:
        return None
    node = clause = tok
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # "imposed sanctions and a [ban]": realised like the first conjunct
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN" \
            and in_class(lexicon, node.head.head, ("container", "spell")):
        node = clause = node.head.head  # "declared a state of [emergency]", "a round of [talks]"
    link = governor_link(node)
    roles = roles_of(link[0], lexicon, link[1], link[2], node) if link is not None else ()
    if roles[:1] == ("UNDERGO",) and link[1:] == ("prep", "in") and rule.type not in _FORCE_TYPES:
        roles = ()  # "six people died in [protests] over ...": only an act of force is what they died of
    if roles[:1] == ("CAUSE",) and modality(link[0]) not in ("", "evidential"):
        roles = ()  # "a [deal] could lead to a strike": a reaction told as possible, to an act not yet done
    attested = roles[:1] == ("ATTEST",) and modality(link[0]) in ("", "evidential") \
        and (_attested_agent(tok, link[0], lexicon) is not None
             or args.prep_object(tok, ("between",)) is not None)
    if roles[:1] == ("ATTEST",) and not attested:
        roles = ()  # "described the [attacks]" only names them; "described attacks by X" tells X's
        # act, "reported [clashes] between X and Y" the pair's (split into actor and target later)
    if clause.i != tok.i and in_class(lexicon, clause, ("spell",)) and (not roles or _spell_is_when(link, roles)):
        return None  # "took $5m in the opening [week] of its release": a stretch of time is when, not an act
    relative = not roles
    if relative:
        link = _relative_occurrence(node, rule.type, lexicon)
        if link is None:
            return None
    verb = link[0]
    draft = Draft(rule.type, rule.mode, trigger=tok, clause=clause, noun=tok,
                  actor=_attested_agent(tok, verb, lexicon) if attested
                  else args.agent_modifier(tok) or agent_on_object(tok, lexicon),
                  negated=is_negated(tok))
    undergoer = None
    if draft.actor is not None and draft.actor.dep_ == "poss" and in_class(lexicon, tok, ("undergone",)) \
            and next(args.prep_objects(tok, ("of",)), None) is None:
        undergoer, draft.actor = draft.actor, None  # "the journalist's [arrest]": whom it befell
    # "condemned [attacks] that hit X": who condemned is not who attacked; the noun's own
    # agent ("attacks by rebels that ...") is the only actor it has
    draft.own_actor_only = relative or attested  # who described it did not do it
    if relative:
        draft.path.append(verb)  # its words date the act: "the exercises, which began [on Saturday]"
    theme = args.theme_of(verb) if verb.pos_ in ("VERB", "AUX") and not attested else None
    if theme is not None and theme.i == clause.i != tok.i:
        theme = None  # "declared a [state] of emergency": the container is no target
    draft.target = find_target(rule.targets, draft, verb, theme, lexicon) if undergoer is None else undergoer
    if draft.target is None and link[1] == "subj" and theme is not None \
            and actor_like(tok.doc, spans.np_bounds(theme), lexicon):  # "[attacks] killed [40 people]"
        draft.target = find_target(("obj",), draft, verb, theme, lexicon)
    if attested and draft.target is not None and draft.target.i == node.i:
        draft.target = None  # "told of [treatment] and killing by X": what was told, not whom it hit
    return draft


def _spell_is_when(link, roles) -> bool:
    """Whether a stretch of time a light verb reaches through "in", "during" or "over" only says
    when ("took $5m [in] the opening week of its release"), not what was held or joined ("sat
    down [for] a second day of talks", "took part [in] three days of talks")."""
    verb, kind, prep = link
    return roles[:1] == ("LIGHT",) and kind == "prep" and prep in _WHEN_PREPS and not any(
        c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in verb.children)


def _attested_agent(noun, verb, lexicon: Lexicon):
    """Who did an act whose telling is reported: the noun's own agent, or a "by" phrase after
    the noun that the parser hung on the noun's "of" object ("documented [arrests] of students
    by the police") or on the telling verb: right after the noun's phrase ("spoke of air
    [strikes] by jets"), or further on when it names an actor ("described [raids] in the past
    year by the militia"; not "reported [clashes] on Monday by phone")."""
    agent = args.agent_modifier(noun)
    if agent is not None:
        return agent
    for holder in (*args.prep_objects(noun, ("of",)), verb):
        by = args.prep_object(holder, ("by",))
        if by is None or holder.i == verb.i and by.i < noun.i:
            continue
        if holder.i != verb.i or by.head.i == noun.right_edge.i + 1 \
                or actor_like(noun.doc, spans.np_bounds(by), lexicon):
            return by
    return None


def _relative_occurrence(noun, rule_type: str, lexicon: Lexicon) -> tuple | None:
    """(verb, "subj", "") when an event noun is realised by a relative clause saying it
    happened ("watching the [protests] that have broken out in the capital", "the [fighting] which
    broke out on Monday"): the relative pronoun is the subject of a verb of occurrence (the
    lexicon role OCCUR), told as a fact (not "protests that could erupt", nor negated); else
    None. A verb with an object tells what the act did, which only an act of force does
    ("the [attacks] that killed 12"; not "any [deal] that leaves troops on its soil")."""
    for verb in noun.children:
        if verb.dep_ != "relcl" or verb.pos_ != "VERB" or is_negated(verb) \
                or modality(verb) not in ("", "evidential"):
            continue
        if rule_type not in _FORCE_TYPES and args.object_of(verb) is not None:
            continue
        if any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children) \
                and {"OCCUR", "CAUSE"} & set(roles_of(verb, lexicon, "subj", "")):
            return verb, "subj", ""
    return None


def _blame_frame(tok, lexicon: Lexicon) -> Draft | None:
    """An allegation made by calling someone responsible for an act: "officials said [the
    rebels] were *responsible* for the bombing" (ACCUSE allege; the one held responsible is
    the target, whoever says so the actor). The act must be an event word: "responsible for
    the safety of its citizens" is no allegation. Words: the lexicon class ``blame``."""
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or not in_class(lexicon, tok, ("blame",)):
        return None
    act = next(args.prep_objects(tok, ("for",)), None)
    if act is None or not (is_event_noun(act, lexicon) or act.pos_ == "VERB"
                           and any(k in lexicon.verbs for k in verb_keys(act, lexicon.verbs))):
        return None
    held, _ = args.subject_of(tok.head)
    if held is None:
        return None
    draft = Draft("ACCUSE", "allege", trigger=tok, clause=tok.head, negated=is_negated(tok.head))
    draft.target = held
    return draft


def _joint_acts(doc, coded: list[Draft], consumed: set[int], lexicon: Lexicon, settings: Settings) -> list[Draft]:
    """COOPERATE for an active verb done "jointly" that carries no event of its own or below
    it ("Police in X and Y [jointly] dismantled a trafficking network", "jointly set up a
    working group"; "jointly [held] talks" stays the talks' CONSULT, "jointly attacked" an
    ASSAULT), its governors applied as for other events."""
    out = []
    for adverb in doc:
        if adverb.lower_ not in _JOINT_ADVERBS or adverb.dep_ != "advmod":
            continue  # most sentences have none: look for the adverb first
        tok = adverb.head
        if tok.pos_ != "VERB" or tok.dep_ in _MODIFIER_DEPS or args.is_passive(tok) \
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
    for tok in doc:
        draft = _verb_frame(tok, lexicon, excepted) or _noun_frame(tok, lexicon, excepted) or _blame_frame(tok, lexicon)
        if draft is None:
            continue
        if not climb(draft, lexicon, draft.clause, consumed):
            if declined is not None:
                declined.append(draft)
            continue
        finish_modality(draft, settings["events.hedged_conflict_as_threaten"])
        if draft.actor is None and draft.noun is None and draft.trigger.i == draft.clause.i:
            # a gerund's own "by" phrase, which a governor it undergoes ("wounded in") drops
            draft.actor = _gerund_agent(draft.trigger, lexicon)
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
