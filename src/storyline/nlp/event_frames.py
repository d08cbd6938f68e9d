"""Step 1 of the events coder (:mod:`.events`): the frames. Every verb with a matching
lexicon row ("attacked", "urged", "massed": :func:`verb_frame`), every event noun a verb
realises ("imposed *sanctions*", "held *talks*", "*fighting* broke out": :func:`noun_frame`)
and every word holding someone responsible for an act (:func:`blame_frame`) proposes a
:class:`~.event_modality.Draft` with an actor and a target from the parse
(:mod:`.event_args`); the lexicon rows are matched in :mod:`.event_match`, the target chosen
in :mod:`.event_roles`. :func:`frame_starts` skips the tokens no frame can take.
"""

from __future__ import annotations

from spacy.attrs import ORTH, POS, TAG
from spacy.symbols import ADJ, NOUN, PROPN

from . import event_args as args
from . import event_spans as spans
from .event_air_shots import harmless_volley
from .event_fallback import actor_like
from .event_governors import governor_link, roles_of
from .event_lexicon import Lexicon
from .event_match import (RowContext, first_row, hyphen_keys, in_class, is_event_noun, may_be_listed, noun_row,
                          verb_keys)
from .event_mishaps import is_blaze, natural_harm
from .event_modality import FORCE_TYPES, Draft  # acts whose agent harms those caught in them
from .event_mood import is_negated, modality
from .event_roles import agent_on_object, find_target

_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_OWN_CLAUSE_DEPS = frozenset({"relcl", "advcl"})  # a relative or adverbial clause
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # "the besieged city": not an event
_ACT_PREPS = frozenset({"in", "during"})  # "killed [in] a coup led by X": the act a passive happened in
# verbs that make a noun an act of their "by" phrase: "a coup [led] by X", "a raid [carried] out by Y"
_ACT_VERBS = frozenset({"lead", "carry", "launch", "stage", "mount", "conduct", "order", "organise", "organize"})
_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos"})
# prepositions by which a stretch of time says when something else happened
_WHEN_PREPS = frozenset({"in", "during", "over", "within"})


# people who act: a present participle on one of them with an object is their act
_ACTING_GROUPS = ("person", "armed", "troops", "police", "crowd", "protesters")


def verb_frame(tok, lexicon: Lexicon, excepted: set[int] | None = None) -> Draft | None:
    """An event proposed by a verb with a matching lexicon row, with its actor and target.
    A lexicon exception (a NONE row) that holds adds the verb's index to ``excepted``: "the
    virus killed 20", "struck a balance" are no event by a deliberate rule, which the
    classifier must not overrule."""
    if tok.tag_ not in _VERB_TAGS and not _verb_tagged_noun(tok) or tok.dep_ in MODIFIER_DEPS:
        return None
    if not may_be_listed(tok, lexicon.verb_heads):
        return None  # most verbs: no row to test, so no context to compute
    keys = verb_keys(tok, lexicon.verbs)
    if not any(k in lexicon.verbs for k in keys):
        return None
    ctx = RowContext(tok, noun=False)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and ctx.passive and args.object_of(tok) is not None \
            and (in_class(lexicon, tok.head, _ACTING_GROUPS) or _act_of_force(tok.head, lexicon)):
        # "insurgents [fighting] coalition forces": people doing it to someone, not a theme;
        # "a rebel attack [killing] twelve soldiers": the attack did it (its agent is the actor)
        ctx.passive, ctx.subject, ctx.theme = False, tok.head, args.object_of(tok)
    if ctx.passive and ctx.subject is None:
        ctx.subject = _agent_of_act(tok, lexicon)
    gerund = gerund_agent(tok, lexicon)
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
        noun_rule = noun_row(actor, lexicon)
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
            agent = gerund_agent(act, lexicon)
            if agent is not None and any(r.type in FORCE_TYPES for k in verb_keys(act, lexicon.verbs)
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


def gerund_agent(verb, lexicon: Lexicon):
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
    rule = noun_row(noun, lexicon)
    return rule is not None and rule.type in FORCE_TYPES


def noun_frame(tok, lexicon: Lexicon, excepted: set[int] | None = None) -> Draft | None:
    """An event proposed by an event noun that a verb realises ("held talks"), else None.

    A noun only mentioned ("the sanctions hurt", "condemned the attack") is not an event of
    its own: it must be the object, subject or prepositional object of a governor verb. A
    blaze (``event_mishaps.is_blaze``) is none, and its verb is added to ``excepted``."""
    if tok.dep_ == "compound" or tok.pos_ not in ("NOUN", "PROPN") and not (
            tok.dep_ in _NOUN_DEPS and any(k in lexicon.nouns for k in hyphen_keys(tok))):
        return None  # the tagger may miss the last part of a hyphenated noun: "a sit-[in]"
    rule = noun_row(tok, lexicon)
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
    if roles[:1] == ("UNDERGO",) and link[1:] == ("prep", "in") and rule.type not in FORCE_TYPES:
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
        if rule_type not in FORCE_TYPES and args.object_of(verb) is not None:
            continue
        if any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children) \
                and {"OCCUR", "CAUSE"} & set(roles_of(verb, lexicon, "subj", "")):
            return verb, "subj", ""
    return None


def blame_frame(tok, lexicon: Lexicon) -> Draft | None:
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


# what the frame tests look at first: a verb's tag, an event noun's or a blame adjective's part
# of speech, and the dash before the last part of a hyphenated word the tagger missed
_FRAME_POS = frozenset({NOUN, PROPN, ADJ})


def frame_starts(doc) -> list[int]:
    """Indexes of the tokens a frame test can accept (:func:`verb_frame`, :func:`noun_frame`,
    :func:`blame_frame`): the rest (determiners, prepositions, punctuation...), about half a
    sentence, are skipped from integer arrays without making their Token objects."""
    strings = doc.vocab.strings
    verb_tags = {strings[t] for t in (*_VERB_TAGS, "NN")}  # NN: a verb the tagger took for a noun
    dash = strings["-"]
    rows = doc.to_array([POS, TAG, ORTH]).tolist()
    return [i for i, (pos, tag, _) in enumerate(rows)
            if pos in _FRAME_POS or tag in verb_tags or i and rows[i - 1][2] == dash]
