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
   out") proposes an event, with an actor and target from the parse (:mod:`.event_args`).
2. *Governors*: the verbs above it change it (:mod:`.event_modality`): "threatened to
   impose sanctions" is one THREATEN event, "denies that it intends to launch an offensive"
   a negated one, "could begin" a hedged one.
3. *Fallback event*: a sentence the rules code nothing in, but which has a lexicon event word
   (:func:`needs_parse`), is scored by a small trained classifier (:mod:`.event_model`,
   ``events.model``); a confident type (``events.model_min_prob``) with a verb that speaks
   for it becomes an event, its governors applied as for rule events.
4. *Records*: spans, date, score and quad class; an actor or target the parse left empty, or
   a target that names no actor, is filled by position (``events.role_fallback``); a
   passive's "by" phrase naming no actor ("rescued by boat") and a dateline are no actor.
   The date is that of a date expression hanging from the event's own words
   (``events.date_attached``), else the publication date.

:func:`needs_parse` is the cheap test the enrich stage asks before parsing a sentence at all.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from ..records import Event, TimeExpr
from ..settings import DEFAULTS, Settings
from . import event_args as args
from .annotate import AnnotatedSentence
from .event_fallback import actor_like, dateline_end, model_draft, role_by_position
from .event_lexicon import Lexicon, Rule, load_lexicon, words_of
from .event_model import model_for
from .event_modality import Draft, climb, finish_modality, governor_link, is_negated, naming, roles_of
from .event_scale import goldstein, quad_class

__all__ = ["find_events", "needs_parse", "quad_class", "goldstein", "event_date", "material_acts"]

log = logging.getLogger(__name__)

_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # "the besieged city": not an event


def needs_parse(text: str) -> bool:
    """Whether a sentence can hold an event at all: a lexicon verb or noun form is present.

    A set lookup over the sentence's words (microseconds), so the enrich stage parses only
    sentences that some module needs parsed. Never raises; "" and non-text give False."""
    if not isinstance(text, str) or not text:
        return False
    lexicon = load_lexicon()
    words = words_of(text)
    if not words.isdisjoint(lexicon.single_forms):
        return True
    needs_with = lexicon.needs_with
    return any(not words.isdisjoint(needed) for w in words for needed in needs_with.get(w, ()))


def event_date(sentence_index: int, published: dt.date | None,
               timexes: Sequence[TimeExpr]) -> tuple[dt.date | None, str]:
    """(date, source): the first of ``timexes`` that is a DATE/TIME expression of the
    sentence with a calendar day, else the publication date ("published"), else (None, "").
    :func:`find_events` passes only the expressions attached to each event
    (:func:`_dating`)."""
    found = [t for t in timexes
             if t.type in ("DATE", "TIME") and t.first_day is not None
             and t.span.sentence_index == sentence_index]
    if found:
        return min(found, key=lambda t: t.span.start).first_day, "text"
    if published is not None:
        return published, "published"
    return None, ""


# Prepositions that place an event relative to a date rather than on it.
_RELATIVE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "till", "by", "from", "ahead"})


# A date expression and the tokens its phrase hangs from: (token index, the chain stops there).
DateChain = tuple[TimeExpr, list[tuple[int, bool]]]


def _date_chains(sentence: AnnotatedSentence, timexes: Sequence[TimeExpr]) -> list[DateChain]:
    """Each date expression of the sentence with the tokens its phrase hangs from, in order
    up the parse: (token index, whether the chain stops there). It stops at a verb, at the
    root, or at a preposition that places an event relative to the date ("after the 2007
    floods", "since 2014", "by Friday": not its day); a date phrase hangs a few links below
    its verb, so at most 9 tokens are read. Computed once per sentence for all its events."""
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


def _may_lie_ahead(d: Draft, date: dt.date, published: dt.date) -> bool:
    """Can this event be dated after its article's publication? Only a plan, threat or hedge
    (will, could, THREATEN) or a schedule told in the present within about a year; a reported
    act in the past tense happened by the time it was reported."""
    if d.hedged or d.future or d.type == "THREATEN":
        return True
    verb = d.clause if d.clause is not None else d.trigger
    past = verb.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    return not past and (date - published).days <= _SCHEDULE_DAYS


def _dating(d: Draft, chains: list[DateChain], lexicon: Lexicon) -> list[TimeExpr]:
    """The date expressions that date this event: those whose phrase hangs from the event's
    own words (trigger, event noun, clause verb, governors, and the copulas and reporting
    verbs above them: "Hale is due to meet Berg, officials said [on Saturday]") before its
    chain stops (:func:`_date_chains`). "criticised the slow progress on a wall promised after
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
    chains = _date_chains(sentence, timexes) if settings["events.date_attached"] and drafts else None
    for d in drafts:
        dating = _dating(d, chains, lexicon) if chains is not None else timexes
        date, source = event_date(sentence.index, published, dating)
        if source == "text" and published is not None and date > published and not _may_lie_ahead(d, date, published):
            date, source = published, "published"  # "In 06 I asked them ... for 20 years from now"
        event = _record(d, sentence, article_id, date, source, lexicon if by_position else None)
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


class _Context:
    """What the conditions of a lexicon row look at, computed once per candidate token."""

    def __init__(self, tok, noun: bool):
        self.tok = tok
        if noun:
            self.subject, self.passive, self.theme = None, False, None
        else:
            subj, passive = args.subject_of(tok)
            self.passive = passive
            self.subject = args.agent_of(tok) if passive else subj
            self.theme = subj if passive else args.object_of(tok)


def _in(lexicon: Lexicon, tok, classes) -> bool:
    """Whether a token is in a class: by its lemma, text, label, part of speech, the base
    forms its inflection may hide, what a counted group or a measure counts, or, for a multi-word entry ("heart_attack", "riot_police"),
    with a compound or adjective modifier ("the heart [attack]": attack alone is no sickness)."""
    return tok is not None and (
        lexicon.in_class(tok.lemma_.lower(), tok.ent_type_, classes, tok.pos_)
        or lexicon.in_class(tok.lower_, tok.ent_type_, classes)
        or tok.pos_ in ("NOUN", "VERB") and any(lexicon.in_class(g, "", classes)
                                                 for g in args.stems(tok.lower_))
        or any(c.dep_ in ("compound", "amod") and lexicon.in_class(
            f"{c.lemma_.lower()}_{tok.lemma_.lower()}", "", classes) for c in tok.children)
        or (args.counted_group(tok) or lexicon.in_class(tok.lemma_.lower(), "", ("measure",))) and any(
            # "freed [hundreds] of prisoners", "sent 200 [tonnes] of supplies": what is counted
            _in(lexicon, p, classes) for p in args.prep_objects(tok, ("of",))))


def _holds(rule: Rule, ctx: _Context, lexicon: Lexicon) -> bool:
    """Whether every WHEN condition of a lexicon row holds for this token."""
    tok = ctx.tok
    for cond in rule.when:
        if cond.key == "obj":
            ok = ctx.theme is not None and (not cond.cls or _in(lexicon, ctx.theme, cond.cls))
        elif cond.key == "subj":  # any of coordinated subjects ("Lions, tigers and Gondor")
            ok = ctx.subject is not None and (not cond.cls or any(
                _in(lexicon, s, cond.cls) for s in args.conjuncts(ctx.subject)))
        elif cond.key == "prep":
            ok = any((not cond.cls or _in(lexicon, p, cond.cls))
                     for p in args.prep_objects(tok, cond.arg))
        elif cond.key == "mod":
            ok = any(c.dep_ in ("amod", "compound", "nmod", "poss") and _in(lexicon, c, cond.cls)
                     for c in tok.children)
        elif cond.key == "pred":
            ok = any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and _in(lexicon, c, cond.cls)
                     for c in tok.children)
        elif cond.key == "recip":
            ok = ctx.subject is not None and len(args.conjuncts(ctx.subject)) > 1
        elif cond.key == "xcomp":  # "promised [to hold] elections", not "agreed [that] it was flawed"
            ok = any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.lemma_ != "be"  # "promises to be close": a forecast
                     and (not cond.cls or _in(lexicon, c, cond.cls)) for c in tok.children)
        else:  # comp
            ok = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
        if ok == cond.negated:
            return False
    return True


def _verb_keys(tok, table: dict | None = None) -> list[str]:
    """Lexicon keys of a verb, particle forms first; with a ``table``, a lemma it does not
    know gives way to the base forms the word's inflection may hide ("fined", lemma fin)."""
    lemma = tok.lemma_.lower()
    lemmas = [lemma]
    if table is not None and lemma not in table:
        lemmas += [g for g in args.stems(tok.lower_) if g in table]
    keys = []
    for lemma in lemmas:
        keys += [f"{lemma}_{c.lower_}" for c in tok.children
                 if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == tok.i + 1)]
        keys.append(lemma)
    return keys


def _first_row(table: dict, keys: list[str], ctx: _Context, lexicon: Lexicon) -> Rule | None:
    """The first row whose conditions hold, a NONE row (an exception) included."""
    for key in keys:
        for rule in table.get(key, ()):
            if _holds(rule, ctx, lexicon):
                return rule
    return None


def _match(table: dict, keys: list[str], ctx: _Context, lexicon: Lexicon) -> Rule | None:
    """The first row whose conditions hold; a NONE row that holds means no event."""
    rule = _first_row(table, keys, ctx, lexicon)
    return rule if rule is not None and rule.type != "NONE" else None


def _noun_keys(tok, table: dict | None = None) -> list[str]:
    keys = list(dict.fromkeys((tok.lower_, tok.lemma_.lower())))
    if table is not None and not any(k in table for k in keys):
        keys += [g for g in args.stems(tok.lower_) if g in table]
    return keys


def _is_event_noun(tok, lexicon: Lexicon) -> bool:
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and any(
        k in lexicon.nouns for k in _noun_keys(tok, lexicon.nouns))


def _find_target(sources, draft: Draft, verb, theme, lexicon: Lexicon):
    """The first usable target among the places a lexicon row (or the type default) names."""
    noun = draft.noun
    for src in sources or args.DEFAULT_TARGETS.get(draft.type, ()):
        if src == "obj":
            cand = theme if not _is_event_noun(theme, lexicon) else None
        elif src == "dat":
            cand = args.dative_of(verb) if verb is not None else None
        elif src == "subj":
            cand = args.subject_of(verb)[0] if verb is not None else None
        elif src == "poss":  # whose demand was rejected; for an event noun, whose act
            owner = theme if theme is not None else noun
            cand = (args.agent_modifier(owner) if _is_event_noun(owner, lexicon)
                    else args.possessor(owner)) if owner is not None else None
        elif src == "objmod":
            cand = args.entity_modifier(theme)
        elif src == "border":
            cand = next((args.border_country(t) for t in (noun, verb, theme)
                         if t is not None and args.border_country(t) is not None), None)
        else:
            cand = next((p for t in (noun, verb, theme) if t is not None
                         for p in args.prep_objects(t, (src,))), None)
        if args.usable_target(cand, draft.actor) and not args.same(cand, noun):
            return _actor_in(cand, lexicon)
    return None


def _actor_in(tok, lexicon: Lexicon):
    """The actor a target phrase names: itself when it is a name, pronoun or an actor noun;
    or a thing placed by a name ("a hospital in Mariupol"); else the first name inside it
    ("the closure of guest houses in [Bree]", "a resumption of ties with [Osgiliath]");
    else its owner or author when an actor ("the [president]'s resignation", "the bill
    passed by [parliament]"); else itself."""
    if _agent_like(tok, lexicon) or args.placed_by_name(tok) or (
            args.counted_group(tok) and actor_like(tok.doc, args.np_bounds(tok), lexicon)):
        return tok  # "a hospital in Mariupol", "thousands of civilians" are reported whole
    for t in tok.subtree:
        if t.i != tok.i and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ in args.AGENT_ENTS \
                and not t.is_punct and t.dep_ not in ("compound", "amod") \
                and not args.inside_clause(t, tok):
            return t
    owners = [c for c in tok.children if c.dep_ == "poss" and not args.is_pronoun(c)]
    owners += [args.stripped_possessor(tok)]  # "demanded the [presidents] resignation"
    owners += [args.agent_of(c) for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return next((o for o in owners if o is not None and _agent_like(o, lexicon)), tok)


def _agent_like(tok, lexicon: Lexicon) -> bool:
    return tok.pos_ == "PRON" or tok.ent_type_ in args.AGENT_ENTS or _in(lexicon, tok, ("agent",))


def _verb_frame(tok, lexicon: Lexicon, excepted: set[int] | None = None) -> Draft | None:
    """An event proposed by a verb with a matching lexicon row, with its actor and target.
    A lexicon exception (a NONE row) that holds adds the verb's index to ``excepted``: "the
    virus killed 20", "struck a balance" are no event by a deliberate rule, which the
    classifier must not overrule."""
    if tok.tag_ not in _VERB_TAGS or tok.dep_ in _MODIFIER_DEPS:
        return None
    ctx = _Context(tok, noun=False)
    rule = _first_row(lexicon.verbs, _verb_keys(tok, lexicon.verbs), ctx, lexicon)
    if rule is not None and rule.type == "NONE":
        if excepted is not None:
            excepted.add(tok.i)
        return None
    if rule is None:
        return None
    draft = Draft(rule.type, rule.mode, trigger=tok, clause=tok, actor=ctx.subject,
                  negated=is_negated(tok))
    actor = ctx.subject
    if actor is not None and _is_event_noun(actor, lexicon):  # "an airstrike killed six"
        noun_rule = _match(lexicon.nouns, _noun_keys(actor, lexicon.nouns), _Context(actor, True), lexicon)
        if noun_rule is not None and noun_rule.type == rule.type and not draft.mode:
            draft.mode = noun_rule.mode
        draft.actor = args.agent_modifier(actor)
    draft.target = _find_target(rule.targets, draft, tok, ctx.theme, lexicon)
    return draft


def _noun_frame(tok, lexicon: Lexicon) -> Draft | None:
    """An event proposed by an event noun that a verb realises ("held talks"), else None.

    A noun only mentioned ("the sanctions hurt", "condemned the attack") is not an event of
    its own: it must be the object, subject or prepositional object of a governor verb."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return None
    rule = _match(lexicon.nouns, _noun_keys(tok, lexicon.nouns), _Context(tok, noun=True), lexicon)
    if rule is None:
        return None
    node = clause = tok
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # "imposed sanctions and a [ban]": realised like the first conjunct
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN" \
            and _in(lexicon, node.head.head, ("container",)):
        node = clause = node.head.head  # "declared a state of [emergency]", "a round of [talks]"
    link = governor_link(node)
    if link is None or not roles_of(link[0], lexicon, link[1], link[2]):
        return None
    verb = link[0]
    draft = Draft(rule.type, rule.mode, trigger=tok, clause=clause, noun=tok,
                  actor=args.agent_modifier(tok), negated=is_negated(tok))
    theme = args.theme_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if theme is not None and theme.i == clause.i != tok.i:
        theme = None  # "declared a [state] of emergency": the container is no target
    draft.target = _find_target(rule.targets, draft, verb, theme, lexicon)
    if draft.target is None and link[1] == "subj" and theme is not None \
            and actor_like(tok.doc, args.np_bounds(theme), lexicon):  # "[attacks] killed [40 people]"
        draft.target = _find_target(("obj",), draft, verb, theme, lexicon)
    return draft


def _code(doc, lexicon: Lexicon, settings: Settings, declined: list | None = None,
          excepted: set[int] | None = None) -> list[Draft]:
    """Frames, governors and modality for every event of a parsed Doc. Drafts a governor
    removed (a condition, a name given: "if Russia invaded", "what it called an ultimatum")
    are appended to ``declined``, and the indexes of verbs a lexicon exception rules out ("the
    virus killed 20") added to ``excepted``, when given."""
    consumed: set[int] = set()
    coded: list[Draft] = []
    for tok in doc:
        draft = _verb_frame(tok, lexicon, excepted) or _noun_frame(tok, lexicon)
        if draft is None:
            continue
        if not climb(draft, lexicon, draft.clause, consumed):
            if declined is not None:
                declined.append(draft)
            continue
        finish_modality(draft, settings["events.hedged_conflict_as_threaten"])
        coded.append(draft)
    nouns = {(d.trigger.i, d.type) for d in coded if d.noun is not None}
    _share_targets(coded)
    out = []
    for d in coded:
        if d.clause.i in consumed:
            continue  # a governor ("urged", "calls to") whose meaning is in the event it governs
        subject = args.subject_of(d.trigger)[0] if d.noun is None else None
        if subject is not None and (subject.i, d.type) in nouns:
            continue  # "[attacks] on X killed 10": one event, the noun's, which has its own target
        if d.negated and not settings["events.emit_negated"]:
            continue
        out.append(d)
    return out


def _continues(verb, head) -> bool:
    """Whether ``verb`` continues the clause of ``head`` with the same actor: a participle
    ("blew himself up at a checkpoint, [killing] four soldiers") or a coordinated verb with
    no subject of its own ("stormed the town and [killed] the mayor"); not a clause with a
    subject or a conjunction of its own ("recalled its envoy a day after Arnholt [withdrew]
    its own")."""
    if verb.head.i != head.i or verb.dep_ not in ("advcl", "conj"):
        return False
    if verb.dep_ == "advcl" and verb.tag_ != "VBG" and not _purpose(verb):
        return False
    return not any(c.dep_ in ("mark", *args.SUBJECT_DEPS, *args.PASSIVE_SUBJECT_DEPS) for c in verb.children)


def _purpose(verb) -> bool:
    """A purpose clause: "marched through the capital [to demand] the minister's resignation"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _shares_with(d: Draft, other: Draft) -> bool:
    """Whether ``other`` may lend ``d`` its target: an event of the same quad class, or the
    demand a protest makes (its target is who the demand is made of)."""
    return quad_class(other.type) == quad_class(d.type) or (d.type == "PROTEST" and other.type == "REQUEST")


def _share_targets(drafts: list[Draft]) -> None:
    """An event with no target takes the target of an event of the same quad class in a
    clause continuing it (:func:`_continues`: "a suicide bomber blew himself up at a
    checkpoint, killing [four soldiers]": the bombing's target is who it killed)."""
    for d in drafts:
        if d.target is not None or d.negated:
            continue
        for other in drafts:
            if other is not d and other.target is not None and not other.negated \
                    and _shares_with(d, other) \
                    and any(_continues(v, h) for v in (other.trigger, other.clause) for h in (d.trigger, d.clause)) \
                    and (d.actor is None or other.target.i != d.actor.i):
                d.target = other.target
                break


# --- step 4: records ----------------------------------------------------------------------------


def _bounds_span(sentence: AnnotatedSentence, bounds):
    doc = sentence.doc
    start, end = bounds
    if end <= start:
        return None
    first, last = doc[start], doc[end - 1]
    return sentence.span(first.idx, last.idx + len(last.text))


def _by_position(d: Draft, actor_bounds, target_bounds, lexicon: Lexicon):
    """Actor and target bounds with an empty role filled by position, if one is found; a
    target phrase that names no actor ("imposed [restrictions]") gives way to a name after
    the trigger (PLOVER's target is who an act is aimed at, not what it is about). With no
    name there, a target that is itself an event ("demanded an inquiry into [the shooting]",
    "retaliate against [the new sanctions]") is dropped: the act is not who it was aimed at.
    Other nouns stay ("slammed [the budget]", "stormed [the town]")."""
    doc = d.trigger.doc
    if actor_bounds is None:
        # nor inside the target's phrase: "Thousands of civilians, including [children], were detained"
        whole = (d.target.left_edge.i, d.target.right_edge.i + 1) if d.target is not None else None
        found = role_by_position(doc, d.trigger, lexicon, before=True, avoid=(target_bounds, whole))
        actor_bounds = args.np_bounds(found) if found is not None else None
    if target_bounds is None or not actor_like(doc, target_bounds, lexicon):
        found = role_by_position(doc, d.trigger, lexicon, before=False, avoid=(actor_bounds,))
        if found is not None:
            target_bounds = args.np_bounds(found)
        elif d.target is not None and _is_event_noun(d.target, lexicon):
            target_bounds = None  # an act is no target: "retaliate against [the sanctions]"
    return actor_bounds, target_bounds


def _words(doc, bounds: tuple[int, int]) -> str:
    return doc[bounds[0]:bounds[1]].text.lower()


def _record(d: Draft, sentence: AnnotatedSentence, article_id: str,
            date: dt.date | None, source: str, lexicon: Lexicon | None = None) -> Event:
    """The Event record of a draft; with a ``lexicon``, a role the parse left empty is
    filled by position (:func:`.event_fallback.role_by_position`)."""
    actor = args.resolve_pronoun(d.actor, d.clause) if d.actor is not None else None
    if actor is not None and args.is_time(actor):  # "a bombing on [Wednesday], which killed 14":
        actor = None  # the parse hangs the clause on the date
    target = d.target
    actor_bounds = args.np_bounds(actor) if actor is not None else None
    if actor is not None and actor.dep_ == "pobj" and actor.head.dep_ == "agent" \
            and not actor_like(actor.doc, actor_bounds, lexicon or load_lexicon()):
        actor_bounds = None  # a passive's "by" phrase naming no actor is the means: "rescued by boat"
    target_bounds = args.np_bounds(target) if target is not None else None
    dateline = dateline_end(d.trigger.doc)  # "KESSLING, March 2 (CPA) - ...": the parser may
    if actor_bounds is not None and actor_bounds[0] < dateline:  # make the place a subject
        other = next((c for c in actor.head.children if c.dep_ == actor.dep_ and c.i >= dateline), None)
        actor_bounds = args.np_bounds(other) if other is not None else None
    if target_bounds is not None and target_bounds[0] < dateline:
        target_bounds = None
    reciprocal = d.type in args.RECIPROCAL_TYPES or d.trigger.lemma_ in args.RECIPROCAL_LEMMAS
    if target is None and (reciprocal or actor is None):
        # "X and Y met", "talks between X and Y", "was reached between X and Y": X is the
        # actor, Y the target; "a ceasefire between X and Y" too, for any type
        between = next((p for t in (d.noun, d.trigger, *d.path[:1]) if t is not None
                        for p in args.prep_objects(t, ("between",))), None)
        pair = actor if actor is not None else between
        split = args.split_coordination(pair) if pair is not None else None
        if split is not None:
            actor_bounds, target_bounds = split
    if lexicon is not None:
        actor_bounds, target_bounds = _by_position(d, actor_bounds, target_bounds, lexicon)
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
        negated=d.negated,
        hedged=d.hedged,
        score=goldstein(d.type, d.mode),
        quad=quad_class(d.type, d.mode),
    )
