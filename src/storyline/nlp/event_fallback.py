"""Fallbacks of the event coder: roles by position, and events by the trained classifier.

The rules of :mod:`.events` find an actor and a target only where the parse says so ("X
attacked Y", "sanctions on Y"). News sentences often say it less directly, and a missing
role is a lost answer. Two fallbacks fill the gaps, each only where the rules left one:

- :func:`role_by_position`: the actor is the first agent phrase (a name, or a noun such as
  "police" or "rebels") before the trigger, the target the first name after it (skipping
  the actor's phrase). Most event sentences name the actor before the verb and the target
  after it. A target the parse found that names no actor ("imposed restrictions on [the
  movement] of goods") gives way to such a name as well (see ``event_roles.roles_by_position``).
- :func:`model_draft`: when the rules code no event at all, the classifier of
  :mod:`.event_model` proposes a type and the verb that speaks most for it; the actor and
  target come from that verb's parse, then by position. Conditions ("if Russia invaded")
  give no event; the verb's governors apply as for rule events ("denied that it was
  preparing an attack" is negated). No classifier event is proposed where the rules read an
  event word and removed it on purpose (a condition, a name: "what it called an ultimatum").

Positions skip a wire dateline ("KESSLING, March 2 (CPA) -"), and a target is never who
reports the sentence (", spokeswoman Petra Lindqvist told a briefing in Brannvik",
"according to the ministry").
"""

from __future__ import annotations

from . import event_args as args
from . import event_pronouns as pronouns
from . import event_spans as spans
from .datelines import own_words_start
from .event_lexicon import Lexicon
from .event_match import in_class, is_event_noun, noun_keys, noun_row
from .event_model import NONE, EventModel
from .event_modality import FORCE_TYPES, Draft
from .event_mood import is_negated, modality, time_clause
from .event_scene import another_voice, sets_the_scene

# Word classes of the lexicon whose nouns name actors (people, groups, forces, institutions).
_ACTOR_CLASSES = ("agent", "crowd", "protesters", "held", "person", "workforce", "troops", "police", "diplomats",
                  "govt", "press", "media")
_NOT_ACTORS = frozenset({"its", "their", "his", "her", "our", "my", "your", "itself",
                         "themselves", "himself", "herself", "ourselves", "one"})

# A classifier event needs a verb to stand for it: a noun the model keys on is often only
# mentioned ("the sanctions have hurt"); on the development sets verb triggers gave 2 false
# alarms fewer in 40 no-event sentences for 2 events fewer in 171.
_TRIGGER_POS = frozenset({"VERB"})

# Entity labels that can be an actor or target by position. LOC/FAC ("the Gaza Strip", "the
# airport") are places: targets of attacks, rarely actors.
_ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_TARGET_ENTS = _ACTOR_ENTS | {"LOC", "FAC"}
# A place after one of these prepositions is where an event happened, not who acted
# (actors by position only: as targets, "protested in Kessling" names whom it is aimed at
# more often than not, so the seventh session kept those)
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "across", "throughout", "through", "within",
                                  "around", "outside"})
# ... and after these, as a target too: "rallied [across] X", "strikes [throughout] X",
# "marched [through] X's streets" say how far an act spread or where it went, and "rather
# [than] X" names who did not do it or was not hit
_SCOPE_PREPOSITIONS = frozenset({"across", "throughout", "through", "than"})
# prepositions by which an event noun only says when: "statues broken [during] the protests"
_TIME_PREPOSITIONS = frozenset({"during", "since", "before", "after", "until", "till", "amid", "amidst"})
# prepositions by which an event noun names who took part in it: "protests [by] X", "talks [with] X"
_NAMING_PREPS = ("by", "with", "between")
# verbs of receiving: who gave is named by their "from" phrase ("received aid from X")
_RECEIVING = frozenset({"receive", "get", "obtain", "accept"})


def actor_like(doc, bounds, lexicon: Lexicon) -> bool:
    """Whether the phrase in token ``bounds`` names an actor: it holds a name (a proper noun
    the entity tagger missed counts: "[Kaldor] was opposed by ..."), a pronoun
    that is not possessive or reflexive, or an actor noun ("police", "the government").
    PLOVER's target is who an act is aimed at; "the reforms" or "access" is what it is about.
    """
    if bounds is None:
        return False
    for tok in doc[bounds[0]:bounds[1]]:
        if tok.ent_type_ in _TARGET_ENTS or tok.pos_ == "PROPN" and not tok.ent_type_:
            return True
        if tok.lower_ in _NOT_ACTORS or tok.dep_ == "poss" and tok.pos_ == "PRON":
            continue
        if tok.pos_ == "PRON" and tok.lower_ not in ("it", "this", "that", "which", "what"):
            return True
        if tok.pos_ in ("NOUN", "PROPN") and lexicon.in_class(tok.lemma_.lower(), "", _ACTOR_CLASSES):
            return True
    return False


def _agent_heads(doc, lexicon: Lexicon, labels, nouns: bool) -> list:
    """Heads of the agent phrases of a sentence, in order: named entities with one of
    ``labels`` and, with ``nouns``, nouns of the actor classes ("police", "rebels")."""
    heads = {}
    for ent in doc.ents:
        if ent.label_ in labels:
            root = ent.root
            # "Russian troops": the phrase is headed by the noun the name modifies
            if root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ == "NOUN" \
                    and root.head.i == ent.end:
                root = root.head
            while root.dep_ in ("amod", "compound") and root.head.pos_ == "PROPN" and root.head.i > root.i \
                    and all(t.dep_ == "compound" and t.pos_ == "PROPN" for t in doc[root.i + 1:root.head.i]) \
                    and all(t.text[:1].isalpha() for t in doc[root.i:root.head.i + 1]):
                root = root.head  # "[Varenian] Prime Minister Tal Oren": headed by the name it titles
            heads[root.i] = root
    for tok in (doc if nouns else ()):
        if tok.pos_ == "NOUN" and tok.dep_ not in ("compound", "amod") and tok.i not in heads \
                and lexicon.in_class(tok.lemma_.lower(), "", _ACTOR_CLASSES):
            heads[tok.i] = tok
    return [heads[i] for i in sorted(heads)]


def _inside(tok, bounds) -> bool:
    return bounds is not None and bounds[0] <= tok.i < bounds[1]


def _reporter(tok, trigger, lexicon: Lexicon) -> bool:
    """Whether ``tok`` belongs to who reports the sentence rather than to its event: it
    hangs from another reporting verb before reaching the trigger (", spokeswoman Petra
    Lindqvist [told] a briefing in Brannvik") or is the object of "according to"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and tok.doc[head.i - 1].lower_ == "according":
        return True
    if _tells(tok, trigger):
        return True
    node = tok
    for _ in range(8):  # a few links up: deeper chains are parse noise
        if node.i == trigger.i or node.head.i == node.i:
            return False
        node = node.head
        if node.i != trigger.i and node.pos_ in ("VERB", "AUX"):
            return "SPEECH" in lexicon.govs.get(node.lemma_.lower(), ())
    return False


def _tells(tok, trigger) -> bool:
    """Whether ``tok`` tells the clause that holds the trigger, whatever its verb: it is the
    subject of a verb above the trigger's clausal complement ("the agency denied the port had
    been shelled and said two officers [were killed]"), or its phrase holds that verb's subject
    ("the Gazette spoke to a doctor in Kessling, who said 269 people [had been killed]")."""
    node, told = trigger, False
    for _ in range(32):  # the trigger's ancestors; deeper chains are parse noise
        if told and tok.dep_ in args.SUBJECT_DEPS and node.i == tok.head.i:
            return True
        if node.dep_ == "ccomp":  # "who said accounts suggested 269 people [had been killed]": each teller
            told = True
            teller = args.subject_of(node.head)[0]
            if teller is not None and tok.left_edge.i <= teller.i <= tok.right_edge.i:
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def role_by_position(doc, trigger, lexicon: Lexicon, *, before: bool, avoid=(), casualties: bool = False) -> object | None:
    """An actor (``before``): the first name or actor noun before ``trigger``; a target:
    the first name after it. Phrases inside the token bounds in ``avoid`` are skipped, and
    so are a wire dateline or a transcript's turn label, for an actor a name something is aimed against ("the revolt
    [against] Arab rulers ... as rallies spread"), and, for a target or the actor of an assault told in the passive
    without "by" (``casualties``), who reports the sentence (:func:`_reporter`; the reporter
    is often the actor otherwise: "the ministry said it had sent two battalions") and a
    name in another clause with a subject of its own (:func:`_other_clause`).

    Targets are names only: on the development sets a common noun after the trigger ("the
    diplomat said", "its troops") was more often wrong than right."""
    labels = _ACTOR_ENTS if before else _TARGET_ENTS
    start = own_words_start(doc)
    # a count of casualties in the passive with no "by" says who suffered, not who did it:
    # whoever reports it is no actor ("Haitian officials say 200,000 people have been
    # killed"); other acts reported so are mostly the reporter's own ("the ministry said two
    # battalions had been sent", "Northford announced that the sanctions had been suspended")
    no_reporter = not before or casualties and _told_without_agent(trigger, lexicon)
    heads = [h for h in _agent_heads(doc, lexicon, labels, nouns=before)
             if not any(_inside(h, b) for b in avoid) and h.i != trigger.i and h.i >= start
             and not _semicolon_between(doc, h, trigger)
             and args.usable_target(h) and not ((no_reporter or _observer(h, lexicon)) and _reporter(h, trigger, lexicon))]
    if before:
        found = [h for h in heads if h.i < trigger.i and not _where(h, lexicon) and not _in_condition(h, trigger)
                 and not _acted_on(h, lexicon) and not (h.dep_ == "pobj" and h.head.lower_ == "against")
                 and not _befallen(h, trigger) and not sets_the_scene(h, trigger, lexicon, partners=False)]
        return _doer_of(found[0], lexicon) if found else None
    found = [h for h in heads if h.i > trigger.i and not _other_clause(h, trigger) and not _by_someone(h, trigger)
             and not _describes_a_thing(h, trigger, lexicon) and not in_scope_phrase(h)
             and not off_bearing(h, lexicon, compass_only=True) and not sets_the_scene(h, trigger, lexicon)
             and not another_voice(h, trigger, lexicon)]
    return found[0] if found else None


def _semicolon_between(doc, tok, trigger) -> bool:
    """Whether a semicolon parts ``tok`` from the trigger: the two are in clauses told as
    sentences of their own ("Varenia gives Northford millions a year; we have kept its
    rulers from attacking Kessling": Varenia attacks no one). Semicolons after a colon
    part the items of a list ("the rebels have two aims: to hold the port; and to attack
    Kessling"), which the words before the colon govern."""
    lo, hi = sorted((tok.i, trigger.i))
    for t in doc[lo:hi]:
        if t.text == ":":
            return False
        if t.text == ";":
            return True
    return False


def _doer_of(tok, lexicon: Lexicon):
    """Who acts for an actor noun that is only what a verb of mobilising moves: "X has
    massed [an estimated 12,000 troops] ... since exercises began" names what X mobilised,
    and X (the verb's subject) holds the exercises. Other objects stay ("blames [militias]
    for the violence and says 250 policemen have been killed": the blamed are the doers),
    and so do names and objects with no subject to their verb."""
    verb = tok.head
    if tok.dep_ != "dobj" or tok.ent_type_ in _ACTOR_ENTS or not any(
            rule.type == "MOBILIZE" for rule in lexicon.verbs.get(verb.lemma_.lower(), ())):
        return tok
    subj = args.child(verb, *args.SUBJECT_DEPS)
    return subj if subj is not None and not pronouns.is_pronoun(subj) else tok


def _describes_a_thing(tok, trigger, lexicon: Lexicon) -> bool:
    """Whether ``tok`` sits in a relative clause on a noun that is neither the trigger nor an
    act: the clause describes that thing or person, not whom the event is aimed at ("fund the
    cuts by removing waste which had grown under [Labour]", "a delegation that arrived in
    [Kessling]", "the building where [the embassy] was to open"). A relative clause on an act
    tells what the act did ("an attack that killed [two guards]", "the sanctions it imposed on
    [Arnholt]"); an infinitive tells what a plan or measure is for ("measures to block [the
    ambassador]"); and the clause's own subject acts in it ("denounced the way [the
    government] responded"): those names stay."""
    node, below = tok, None
    for _ in range(32):  # the token's ancestors; deeper chains are parse noise
        if node.i == trigger.i or node.head.i == node.i:
            return False
        if node.dep_ == "relcl" and node.head.i != trigger.i and not is_event_noun(node.head, lexicon):
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                return False
            where = any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in node.children)
            own_subject = below is not None and below.dep_ in args.SUBJECT_DEPS + args.PASSIVE_SUBJECT_DEPS
            return where or not own_subject
        node, below = node.head, node
    return False


def in_scope_phrase(tok) -> bool:
    """Whether a name is the object of a preposition of extent or comparison (the
    ``_SCOPE_PREPOSITIONS``): "protested across [Ostara]", "the violence, rather than [the
    army]". An apposition, an owner or a modifier counts as its head ("across the region [X]",
    "marched through [X]'s streets")."""
    node = tok.head if tok.dep_ in ("appos", "poss", "compound") else tok
    return node.dep_ == "pobj" and node.head.lower_ in _SCOPE_PREPOSITIONS


def _observer(tok, lexicon: Lexicon) -> bool:
    """Whether a phrase names a news medium or a witness of events ("state media", "the
    official news agency", "activists", "witnesses", "rights groups": the lexicon classes
    ``media`` and ``reporters``): when it reports an act, it never did it, whatever the act."""
    return in_class(lexicon, tok, ("media", "reporters"))


def _told_without_agent(verb, lexicon: Lexicon) -> bool:
    """Whether an act is told in the passive with no one doing it: no "by" phrase, or one
    that names a means, not an actor ("had been hit [by mortars]"); a participle that runs on
    from such a verb shares it ("... hit by mortars on Saturday, [killing] 15 people"), and so
    does an act that is the means ("had been damaged by [shelling]")."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i \
            and not any(c.dep_ in args.SUBJECT_DEPS for c in verb.children):
        verb = verb.head
    elif verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "agent":
        verb = verb.head.head  # "the citadel had been damaged [by shelling]": the act is the means
    if not args.is_passive(verb):
        return False
    agent = args.agent_of(verb)
    return agent is None or not actor_like(agent.doc, spans.np_bounds(agent), lexicon)


def _befallen(tok, trigger) -> bool:
    """Whether ``tok`` is the subject of a passive verb, so what it names is whom that befell
    ("[Residents] were promised", "[600 villagers] have been killed and hundreds detained"),
    unless the event lies inside that verb's complement, whose actor it is ("the [US] was
    involved in smuggling arms", "[Kessling] was forced to withdraw")."""
    for _ in range(6):  # a name inside the subject's phrase: "part of [Aleppos] citadel was damaged",
        # "a request to visit [the embassy] was denied" (an object in a clause on the subject)
        if tok.dep_ not in _INSIDE_A_PHRASE or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.dep_ != "nsubjpass":
        return False
    verb, node = tok.head, trigger
    if verb.lemma_ in _GIVING:
        return True  # "[Tottenham] had been given an ultimatum": who receives it, not who issues it
    for _ in range(8):  # the trigger's chain of complements up to the verb; deeper is parse noise
        if node.i == verb.i:
            return node.i == trigger.i  # the verb's own event befell its subject
        if node.dep_ not in _COMPLEMENT_DEPS or node.head.i == node.i:
            return True
        node = node.head
    return True


# How a name hangs inside a noun phrase: "part of [the city]", "[Aleppos] citadel", "[X] and Y"
_INSIDE_A_PHRASE = frozenset({"poss", "pobj", "prep", "compound", "nmod", "appos", "conj", "acl", "dobj"})
# Verbs whose passive subject receives their object ("was given an ultimatum", "were offered aid")
_GIVING = frozenset({"give", "offer", "promise", "hand", "send", "show", "grant", "award", "deny"})
# How an event hangs from a verb whose subject may act it: "was forced [to withdraw]", "was
# involved [in] [smuggling]" (not a clause beside it: "were killed [when] troops opened fire")
_COMPLEMENT_DEPS = frozenset({"xcomp", "prep", "pcomp", "pobj", "dobj"})


def _acted_on(tok, lexicon: Lexicon) -> bool:
    """Whether a name is what an event noun is done to: "a pause in the bombardment [of
    Kessling], but shelling resumed" (Kessling was shelled, it shelled no one)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    noun = tok.head.head  # the lexicon says which nouns take their target with "of" ("the visit of X": X visits)
    return is_event_noun(noun, lexicon) and any(
        "of" in rule.targets for k in noun_keys(noun, lexicon.nouns) for rule in lexicon.nouns.get(k, ()))


def _where(tok, lexicon: Lexicon) -> bool:
    """Whether a name says where, not who: a name after a preposition of place ("the
    military are called in [in Haiti]", "[In the capital X], the agency began feeding..."),
    or the point a bearing or an edge is told from ("in a village north of [Damascus]", "on
    the outskirts of [Kessling]": the lexicon class ``bearing``).
    Any entity label: the tagger often calls a place it does not know an ORG."""
    node = tok
    if node.dep_ == "appos":  # "in the capital [X]": the place the apposition names
        node = node.head
    if not tok.ent_type_ or node.dep_ != "pobj":
        return False
    return node.head.lower_ in _PLACE_PREPOSITIONS or off_bearing(tok, lexicon)


def off_bearing(tok, lexicon: Lexicon, *, compass_only: bool = False) -> bool:
    """Whether a name is the point a bearing or an edge is told from ("a town north of
    [Kessling]", "on the outskirts of [X]"): a place to find the event by, never its actor.
    As a target only a compass bearing counts (``compass_only``: the lexicon class
    ``compass``): what happens "in the vicinity of [X]" or "on the outskirts of [X]" happens
    at X, which PLOVER coders take for the target, as they do a place after "near" (on the
    PETRARCH sentences one such target was right). The bearing may head "of" or stand just
    before it ("a town [east] of X" is parsed with "of" on "town")."""
    node = tok.head if tok.dep_ == "appos" else tok
    if not tok.ent_type_ or node.dep_ != "pobj" or node.head.lower_ != "of":
        return False
    prep, classes = node.head, ("compass",) if compass_only else ("bearing",)
    return prep.head.i != prep.i and in_class(lexicon, prep.head, classes) \
        or prep.i > 0 and in_class(lexicon, prep.doc[prep.i - 1], classes)


def _in_condition(tok, trigger) -> bool:
    """Whether ``tok`` sits in a condition ("if"/"unless" clause) that does not hold the
    trigger: "If [those troops] are not back by Friday, sanctions will follow" names who
    must act for the condition, not who acts."""
    node = tok
    for _ in range(32):  # the token's ancestors; deeper chains are parse noise
        if node.i == trigger.i:
            return False
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return not any(t.i == trigger.i for t in node.subtree)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _by_someone(tok, trigger) -> bool:
    """Whether ``tok`` sits in a passive's "by" phrase below the trigger's sentence node: who
    did something, never whom the event is aimed at ("protests, inspired by events in
    [Tunisia], erupted"; "attacks carried out by [the militia]")."""
    node = tok
    for _ in range(32):  # the token's ancestors; deeper chains are parse noise
        if node.i == trigger.i or node.head.i == node.i:
            return False
        if node.dep_ == "agent":
            return True
        node = node.head
    return False


def _other_clause(tok, trigger) -> bool:
    """Whether ``tok`` sits in a clause with a subject of its own that reports another event
    ("... after [Varnian crowds] set fire to its consulate", "... and said [Northford]
    would not respond"). A relative clause describes a party of the event ("the sanctions it
    imposed on [Arnholt]") and a clause the trigger governs is what it says ("warned that
    [Arnholt] would pay"): their names stay."""
    above = set()
    node = trigger
    for _ in range(32):  # the trigger's ancestors; deeper chains are parse noise
        above.add(node.i)
        if node.head.i == node.i:
            break
        node = node.head
    path = []
    node = tok
    for _ in range(32):
        if node.i in above:
            break
        path.append(node)
        if node.head.i == node.i:
            break
        node = node.head
    if path and node.i == trigger.i and path[-1].dep_ in ("ccomp", "xcomp"):
        return False
    return any(n.pos_ in ("VERB", "AUX") and n.dep_ not in ("relcl", "acl") and any(
        c.dep_ in args.SUBJECT_DEPS + args.PASSIVE_SUBJECT_DEPS for c in n.children) for n in path)


def _told_by(verb, lexicon: Lexicon):
    """The verb that speaks for the classifier's guess at ``verb``: itself, or for a word that
    only attributes or lists (the lexicon class ``aside``: "[according] to officials", "[including]
    20 jets") the verb of the clause it hangs on; None for a verb too general to speak for any
    event (class ``bland``: "the square [remains] calm", "may [involve] the company"), or an
    aside with no clause above it ("The marchers [included] students")."""
    if in_class(lexicon, verb, ("bland",)):
        return None
    if not in_class(lexicon, verb, ("aside",)):
        return verb
    head = next((a for a in verb.ancestors if a.pos_ == "VERB"), None)
    return None if head is None or in_class(lexicon, head, ("bland", "aside")) else head


def model_draft(doc, model: EventModel, min_prob: float,
                lexicon: Lexicon | None = None, min_margin: float = 0.0) -> Draft | None:
    """An event proposed by the classifier for a sentence the rules coded nothing in, or None
    (no type at ``min_prob``, NONE, no verb that speaks for the type, or only a condition; a
    type ahead of the second by less than ``min_margin`` only where the lexicon gives the type
    instead, of a reported act's noun).

    Nor is a guess made where the classifier's news features say little (:func:`_unfit_for_guess`):
    in a clause that asks a question, or of a verb whose actor is the speaker or the one spoken to.

    The actor is the verb's subject (a passive verb's "by" agent); the target the first of
    the type's default places (``event_args.DEFAULT_TARGETS``) the verb's parse fills. With a
    ``lexicon``, a reporting verb gives way to the clause it reports ("Hale will seek
    asylum in Arnholt, the agency [reported]": the event is the request, not the agency's report)."""
    pred = model.predict(doc, _TRIGGER_POS)
    if pred is None or pred.type == NONE or pred.probability < min_prob or pred.trigger is None:
        return None
    # a close call between two types: only a type the lexicon gives a told act's noun stands
    close = pred.margin < min_margin
    verb = doc[pred.trigger]
    if lexicon is not None:
        verb = _told_by(verb, lexicon)
        if verb is None:
            return None
    if lexicon is not None and _only_when(doc, verb, pred.type, lexicon):
        return None  # "statues broken during the protests": the protests date the news, no act of theirs
    if lexicon is not None and "SPEECH" in lexicon.govs.get(verb.lemma_.lower(), ()):
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), verb)
    mod = modality(verb)
    if mod == "cond":
        return None
    draft = Draft(pred.type, "", trigger=verb, clause=verb, negated=is_negated(verb),
                  hedged=mod in ("hedge", "would", "ought"))
    subj, passive = args.subject_of(verb)
    draft.actor = args.agent_of(verb) if passive else subj
    if lexicon is not None and draft.actor is not None and (
            is_event_noun(draft.actor, lexicon) or in_class(lexicon, draft.actor, ("idea",))):
        # an act or a plan does nothing of its own: "the exercises [began]", "the measures
        # [freeze] assets"; whose act or plan it is may be said ("Arnholt's exercises")
        draft.actor = args.agent_modifier(draft.actor)
    if _unfit_for_guess(verb, draft.actor, lexicon):
        return None
    if lexicon is not None and "UNDERGO" in lexicon.govs.get(verb.lemma_.lower(), ()):
        # "Residents fled after attacks by militants": who flees, faces or suffers the event is
        # its target, and the event noun's own agent (if any) its actor
        if close:
            return None
        noun = next((t for t in verb.subtree if t.i != verb.i and is_event_noun(t, lexicon)), None)
        draft.actor = args.agent_modifier(noun) if noun is not None else None
        if draft.actor is None and verb.lemma_.lower() in _RECEIVING:
            draft.actor = args.prep_object(verb, ("from",))  # "received $5m in aid [from] X": X gave it
        draft.target = None if passive else subj
        return draft
    told = args.object_of(verb) if lexicon is not None and not passive \
        and "ATTEST" in lexicon.govs.get(verb.lemma_.lower(), ()) else None
    if told is not None and not is_event_noun(told, lexicon):
        return None  # "the agency [reported] a rise in prices": the telling of no known act
    if told is not None:
        # "Officials [reported] an attack on a checkpoint": who tells of an act did not do it;
        # the act's own agent, if named, did ("reported attacks by the militia"), and the act
        # is of its noun's type ("confirmed the [arrest] of three activists": COERCE)
        rule = noun_row(told, lexicon)
        if rule is None or rule.type == NONE:
            return None
        draft.type, draft.mode = rule.type, rule.mode
        draft.actor = args.agent_modifier(told)
        draft.own_actor_only = True
        return draft
    if close:
        return None
    theme = subj if passive else args.object_of(verb)
    for src in args.DEFAULT_TARGETS.get(pred.type, ()):
        if src == "obj":
            cand = theme
        elif src in ("dat", "subj", "poss", "objmod", "border"):
            continue  # places only the lexicon's own rows ask for
        else:  # "at:agent|diplomats": an object of "at" in one of the classes
            prep, classes = args.prep_source(src)
            # the first usable one: "imposed on Friday on [14 officials]" has two
            cand = next((c for c in args.prep_objects(verb, (prep,)) if args.usable_target(c, draft.actor)), None)
            if classes and cand is not None and not (lexicon is not None and in_class(lexicon, cand, classes)):
                cand = None
        if args.usable_target(cand, draft.actor):
            draft.target = cand
            break
    return draft


# who speaks or is spoken to: as the actor of a guess, the voice of an interview or a reader's
# comment ("I agree", "we should cut that aid"), not a party to the news
_SPEAKER_PRONOUNS = frozenset({"i", "we", "you"})


def _unfit_for_guess(verb, actor, lexicon: Lexicon | None) -> bool:
    """Whether the classifier's guess at ``verb`` is no news: its clause asks a question (the
    first end of a sentence after the verb is a question mark: "why were the talks not
    [held]?", "how are the police [handling] the march?"; the rules leave a wh-question's act
    standing, but the classifier's features cannot tell what is presupposed), or its actor is
    the speaker or the one spoken to ("I [asked] him how it plays out", "we [heard] there was a
    curfew") and no one in the sentence is said to speak (", she [said]" makes "we" her
    party's). On the crawls 21 and 64 such guesses were nearly all wrong; the development
    leads had none."""
    if actor is not None and actor.lower_ in _SPEAKER_PRONOUNS and not _said_by_someone(verb, lexicon):
        return True
    node = verb
    while node.head.i != node.i:
        if node.dep_ in ("advcl", "pcomp", "prep", "npadvmod"):
            return False  # "[with] storms threatening the coast, how are farmers coping?": told, not asked
        node = node.head
    for tok in verb.doc[verb.i:]:
        if tok.text in (".", "!") or tok.text.endswith("..."):
            return False
        if "?" in tok.text:
            return True
    return False


def _said_by_someone(verb, lexicon: Lexicon | None) -> bool:
    """Whether a reporting verb governs ``verb``'s clause, or hangs on the top of its sentence
    ("we have stopped, she [said]" read either way)."""
    if lexicon is None:
        return False
    speaks = lambda tok: "SPEECH" in lexicon.govs.get(tok.lemma_.lower(), ())  # noqa: E731
    if any(speaks(a) for a in verb.ancestors):
        return True
    root = verb.sent.root
    return any(c.dep_ in ("parataxis", "ccomp") and speaks(c) for c in root.children)


def _only_when(doc, verb, etype: str, lexicon: Lexicon) -> bool:
    """Whether every event noun of type ``etype`` in a sentence only says when its news
    happened, with no one named as doing it: "statues broken [during] the protests", "shops
    shut [since] the uprising", "[as] the protests went on" (a time clause). The classifier
    keys on such a noun, but the sentence reports no act of that type ("after protests [by]
    dock workers" names who protested, "after talks [with] X" who met: both stay; so does a
    clause whose verb has an object, "as the embargo keeps ships away", which tells what the
    act does). Acts of force stay, as in time clauses (``event_modality._background``): "shops
    burned during the clashes" is their harm; and protesters doing something during a protest
    are protesting ("[protesters] hold a banner during the rally")."""
    if etype in FORCE_TYPES:
        return False
    subject = args.subject_of(verb)[0]
    if etype == "PROTEST" and subject is not None and in_class(lexicon, subject, ("protesters",)):
        return False
    found = False
    for tok in doc:
        if tok.pos_ != "NOUN" or not is_event_noun(tok, lexicon):
            continue
        rule = noun_row(tok, lexicon)
        if rule is None or rule.type != etype:
            continue
        when = tok.dep_ == "pobj" and tok.head.lower_ in _TIME_PREPOSITIONS or tok.dep_ == "nsubj" \
            and time_clause(tok.head) and args.object_of(tok.head) is None
        if not when or args.agent_modifier(tok) is not None or args.prep_object(tok, _NAMING_PREPS) is not None:
            return False
        found = True
    return found
