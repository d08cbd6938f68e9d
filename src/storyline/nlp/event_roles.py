"""Who an event is aimed at: the target of a coded event, and roles filled when the parse
leaves them empty.

:func:`find_target` takes the first usable target among the places a lexicon row (or the
type's default) names and reduces the phrase to the actor it names; :func:`share_targets`
lends an event with no target the target of an event in a clause continuing it ("blew
himself up at a checkpoint, killing four soldiers"); :func:`roles_by_position` fills an
empty actor or target by position (``events.role_fallback``). Used by :mod:`.events` and
:mod:`.event_records`.
"""

from __future__ import annotations

from ..capitals import capital_country, is_state
from . import event_args as args
from . import event_pronouns as pronouns
from . import event_spans as spans
from .event_fallback import actor_like, in_scope_phrase, off_bearing, role_by_position
from .event_lexicon import Lexicon
from .event_match import in_class, is_event_noun, noun_row
from .event_modality import Draft
from .event_scene import another_voice, sets_the_scene
from .event_scale import quad_class


# classes of groups whose name may also be an act (a patrol, a mission, a delegation)
_GROUPS_SENT = ("troops", "police", "diplomats")


def find_target(sources, draft: Draft, verb, theme, lexicon: Lexicon):
    """The first usable target among the places a lexicon row (or the type default) names."""
    noun = draft.noun
    theme = args.stands_for(theme)  # "armed groups [which] it blames": the groups
    for src in sources or args.DEFAULT_TARGETS.get(draft.type, ()):
        if src == "obj":
            # an act is no target ("launched [attacks]"), but a body sent out is ("ambushed a [patrol]")
            cand = theme if not _an_act(theme, lexicon) or in_class(lexicon, theme, _GROUPS_SENT) else None
        elif src == "dat":
            cand = args.dative_of(verb) if verb is not None else None
        elif src == "subj":
            cand = args.subject_of(verb)[0] if verb is not None else None
        elif src == "poss":  # whose demand was rejected; for an event noun, whose act
            owner = theme if theme is not None else noun
            cand = (args.agent_modifier(owner) or agent_on_object(owner, lexicon, verb) if is_event_noun(owner, lexicon)
                    else args.possessor(owner)) if owner is not None else None
            if cand is not None and not _agent_like(cand, lexicon):
                # "seized a cache [of weapons] from [the militia]": whose it was, not what it holds
                cand = next((p for p in args.prep_objects(owner, ("of", "by", "from"))
                             if _agent_like(p, lexicon)), cand)
        elif src == "objmod":
            cand = args.entity_modifier(theme)
        elif src == "border":
            cand = next((args.border_country(t) for t in (noun, verb, theme)
                         if t is not None and args.border_country(t) is not None), None)
        else:  # a preposition; "at:agent|diplomats": only an actor ("a sit-in at [the ministry]")
            prep, classes = args.prep_source(src)
            # also the participle that places a noun: "the sanctions imposed [on] X"
            holders = [t for t in (noun, verb, theme) if t is not None]
            holders += [c for t in (noun, theme) if t is not None for c in t.children
                        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in args.DOING_PARTICIPLES]
            cand = next((p for t in holders for p in args.prep_objects(t, (prep,))), None)
            if classes and cand is not None and not in_class(lexicon, cand, classes):
                cand = None
        cand = args.stands_for(cand)  # "the group [to which] it sent aid"
        if args.usable_target(cand, draft.actor) and not args.same(cand, noun):
            if draft.mode == "investigate":
                cand = _suspect_in(cand, lexicon) or cand
            return _actor_in(cand, lexicon, verb)
    return None


def agent_on_object(noun, lexicon: Lexicon, verb=None):
    """The "by" phrase of an act that the parser hung on the act's "of" object, or on the
    active ``verb`` whose object the act is (an active verb has no agent of its own), when it
    names an actor after the act: "the [arrest] of the opposition leader by police",
    "condemned the [shelling] of the port by rebel gunners" (whose act it is, so whom the
    condemnation is aimed at); else None."""
    holders = list(args.prep_objects(noun, ("of",)))
    if verb is not None and verb.i != noun.i and noun.dep_ == "dobj" and noun.head.i == verb.i \
            and not args.is_passive(verb):
        holders.append(verb)
    for held in holders:
        by = args.prep_object(held, ("by",))
        if by is not None and by.i > noun.i and by.pos_ in ("NOUN", "PROPN") \
                and actor_like(noun.doc, spans.np_bounds(by), lexicon):
            return by
    return None


# A state's mission abroad stands for the state, not for the city it is in
_MISSIONS = frozenset({"embassy", "consulate", "legation"})


def _mission_state(tok):
    """The state whose embassy or consulate a target is, when a name before it says so ("the
    [Ostaran] consulate in Bree", "the [Arnholt] embassy"; the tagger labels many states it
    does not know FAC or LOC); else None."""
    if tok.lemma_.lower() not in _MISSIONS:
        return None
    return next((c for c in tok.children if c.dep_ in ("compound", "amod", "poss") and c.i < tok.i
                 and (c.ent_type_ in ("GPE", "NORP", "LOC", "FAC", "ORG")
                      or c.pos_ == "PROPN" and not c.ent_type_)), None)


def _suspect_in(tok, lexicon: Lexicon):
    """Who a claim that an inquiry looks into says acted: "an inquiry into allegations that
    [soldiers] abused detainees", "a probe into reports that detainees were beaten by
    [guards]"; None when the claim names no actor or has no such clause. (Condemning or
    denying a claim is aimed at who made it, so only investigations read it.)"""
    for clause in tok.children:
        # the parser may take "that" for a relative pronoun beside the clause's own subject
        if clause.dep_ not in ("acl", "ccomp", "relcl") or not any(
                c.lower_ == "that" and c.dep_ in ("mark", "nsubj") for c in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ in args.SUBJECT_DEPS + args.PASSIVE_SUBJECT_DEPS
                     and c.lower_ != "that"), None)
        who = args.agent_of(clause) if args.is_passive(clause) else subj
        if who is not None and actor_like(tok.doc, spans.np_bounds(who), lexicon):
            return who
    return None


def _an_act(tok, lexicon: Lexicon) -> bool:
    """Whether a noun is an event by one of its lexicon rows whose conditions hold: "the
    closure of the border" is an act, "the closure of guest houses in [Bree]" is not one the
    lexicon codes, so its phrase can still name a target."""
    return is_event_noun(tok, lexicon) and noun_row(tok, lexicon) is not None


def _actor_in(tok, lexicon: Lexicon, verb=None):
    """The actor a target phrase names: itself when it is a name, pronoun or an actor noun;
    or a thing placed by a name ("a hospital in Mariupol"); else the first name inside it
    ("the closure of guest houses in [Bree]", "a resumption of ties with [Osgiliath]");
    else its owner or author when an actor ("the [president]'s resignation", "the bill
    passed by [parliament]"); else itself. A name before a group only says whose it is
    ("an attack on [a US military patrol]" is aimed at the patrol, not at the US), and a name
    of extent, comparison or bearing only places it ("the depot rather than [X]", "a bakery in
    a town east of [X]"). A way in stands for where it leads ("blocked
    access to [social media sites]"). The event's own ``verb`` is no part of the phrase:
    in "the convoy [attacked] by rebels" the rebels act, the convoy is the target."""
    way = _leads_to(tok) if in_class(lexicon, tok, ("way",)) else None
    if way is not None:  # "blocked [access] to social media sites": where the way leads
        return _actor_in(way, lexicon, verb)
    state = _mission_state(tok)
    if state is not None:  # "a protest outside the [Arnholt] embassy in Kessling": aimed at Arnholt
        return state
    if _agent_like(tok, lexicon) or spans.placed_by_name(tok) or (
            args.counted_group(tok) and actor_like(tok.doc, spans.np_bounds(tok), lexicon)):
        return tok  # "a hospital in Mariupol", "thousands of civilians" are reported whole
    if args.stripped_possessor(tok) is None and any(
            c.dep_ == "compound" and c.i < tok.i and c.pos_ == "NOUN" and not c.ent_type_
            and in_class(lexicon, c, ("agent",)) for c in tok.children):
        return tok  # "[rebel positions] near X": whose positions, not where they are
    group = in_class(lexicon, tok, _GROUPS)  # "a [US] military patrol": the patrol, not the US
    own = {t.i for t in verb.subtree} if verb is not None and verb.i != tok.i and verb.head.i == tok.i else set()
    people = in_class(lexicon, tok, _PEOPLE)
    for t in tok.subtree:
        if t.i != tok.i and t.i not in own and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ in args.AGENT_ENTS \
                and not t.is_punct and t.dep_ not in ("compound", "amod") \
                and not (people and _where_they_were(t, tok)) \
                and not (group and _premodifies(t, tok)) \
                and not args.inside_clause(t, tok) and not in_scope_phrase(t) and not off_bearing(t, lexicon, compass_only=True) \
                and not sets_the_scene(t, tok, lexicon) and not another_voice(t, tok, lexicon):
            return t
    if in_class(lexicon, tok, _PEOPLE):
        return tok  # "a [journalist] seized by gunmen was freed": the journalist, not the gunmen
    owners = [c for c in tok.children if c.dep_ == "poss" and not pronouns.is_pronoun(c)]
    owners += [args.stripped_possessor(tok)]  # "demanded the [presidents] resignation"
    owners += [args.agent_of(c) for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i not in own]
    return next((o for o in owners if o is not None and _agent_like(o, lexicon)), tok)


# prepositions by which a name says where people were: "fired on [crowds] of mourners [in] X"
_PLACING_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout"})


def _where_they_were(name, people) -> bool:
    """Whether a place name inside a phrase of people only says where they were: "shot at
    [crowds] of mourners in [X]", "dispersed [hundreds] of students outside [the Y hall]": an
    act of force on them is aimed at the people, not at the town or the square."""
    prep = name.head
    if name.dep_ != "pobj" or prep.lower_ not in _PLACING_PREPS or name.ent_type_ not in _PLACE_ENTS:
        return False
    holder = prep.head
    return holder.i == people.i or (holder.dep_ == "pobj" and holder.head.lower_ == "of"
                                    and holder.head.head.i == people.i)  # "crowds [of] mourners in X"


def _leads_to(way):
    """Where a way leads: "access [to] X", "the roads [leading into] X", "links running to X"."""
    found = args.prep_object(way, ("to", "into"))
    for c in way.children:
        if found is None and c.dep_ == "acl" and c.tag_ == "VBG":
            found = args.prep_object(c, ("to", "into"))
    return found


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# word classes of people (not of things or acts): a target in them is reported as it is
_PEOPLE = ("person", "held", "crowd", "protesters", "workforce", "press", "diplomats", "troops", "police")


# How a name hangs before a noun it only qualifies ("a [US] military patrol", "[US] and
# [Barbados] observers"). Before a thing, a name so parsed is often its owner with the
# apostrophe stripped ("an end to [Mubaraks] rule"), so only a group's premodifiers are skipped.
_PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_GROUPS = _PEOPLE + ("guests", "armed")


def _premodifies(tok, head) -> bool:
    """Whether ``tok`` premodifies ``head``, alone or in a coordination ("US and UK troops")."""
    if tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in _PREMODIFIER_DEPS and tok.head.i == head.i and tok.i < head.i


def _agent_like(tok, lexicon: Lexicon) -> bool:
    return tok.pos_ == "PRON" or tok.ent_type_ in args.AGENT_ENTS or in_class(lexicon, tok, ("agent",))


def _continues(verb, head) -> bool:
    """Whether ``verb`` continues the clause of ``head`` with the same actor: a participle
    ("set off a car bomb at a checkpoint, [killing] four soldiers") or a coordinated verb with
    no subject of its own ("stormed the town and [killed] the mayor"); not a clause with a
    subject or a conjunction of its own ("recalled its envoy a day after Arnholt [withdrew]
    its own"). A purpose the parser hangs on the verb as its complement continues it after an
    object ("used tear gas to [break up] the crowd"), not as what the verb is about ("agreed
    to [halt] the offensive")."""
    if verb.head.i == head.i and verb.dep_ == "xcomp" and _purpose(verb):
        return any(c.dep_ in args.OBJECT_DEPS for c in head.children)
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


def share_targets(drafts: list[Draft]) -> None:
    """An event with no target takes the target of an event of the same quad class in a
    clause continuing it (:func:`_continues`: "a bomber set off a car bomb at a
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


# accords, meetings and how things go (lexicon classes), which an act is about but not aimed at; a policy or
# a bill stays a target ("defended [the new policy]", as the coder has read it since round 2)
_ABSTRACT_CLASSES = ("pact", "meeting", "course")


def roles_by_position(d: Draft, actor_bounds, target_bounds, lexicon: Lexicon):
    """Actor and target bounds with an empty role filled by position, if one is found; a
    target phrase that names no actor ("imposed [restrictions]") gives way to a name after
    the trigger (PLOVER's target is who an act is aimed at, not what it is about). With no
    name there, a target that is itself an event ("demanded an inquiry into [the shooting]",
    "retaliate against [the new sanctions]"), an accord or a meeting ("boycotted [the
    dialogue]") is dropped: the act is not who it was aimed at; so is a thing a protest acts
    on ("blocked [roads]", "picketed [the port]": the protest is against someone, often
    unnamed) or a request asks for ("demanded [an apology]"). Other nouns stay ("slammed [the budget]", "protested against [the new tax]",
    "stormed [the town]")."""
    doc = d.trigger.doc
    if actor_bounds is None and not d.own_actor_only:
        # nor inside the target's phrase: "Hundreds of villagers, among them [children], were held"
        whole = (d.target.left_edge.i, d.target.right_edge.i + 1) if d.target is not None else None
        found = role_by_position(doc, d.trigger, lexicon, before=True, avoid=(target_bounds, whole),
                                 casualties=d.type == "ASSAULT")
        actor_bounds = spans.np_bounds(found) if found is not None else None
    verbal = quad_class(d.type) in _VERBAL_QUADS and d.type not in _THREATS
    if verbal and d.target is not None and target_bounds is not None and _mere_place(d.target, lexicon) \
            and not (d.target.dep_ == "pobj" and d.target.head.lower_ in ("to", "for")):
        # "will visit [the town]": where it happens, not with whom ("aid to [the region]": its recipient)
        target_bounds = None
    if target_bounds is None and d.type in _CONDITIONED:
        party = _condition_party(d, lexicon)  # "would disarm if [the army] withdrew"
        target_bounds = spans.np_bounds(party) if party is not None else None
    if (target_bounds is None or not actor_like(doc, target_bounds, lexicon)) and not _suffered(d, lexicon):
        # a protest is aimed at a party too: the town it fills is where ("marched through
        # the town of [X]"); a place the parse makes its object stays ("picketed the port")
        found = role_by_position(doc, d.trigger, lexicon, before=False, avoid=(actor_bounds,))
        if found is not None and not ((verbal or d.type == "PROTEST") and _mere_place(found, lexicon)) \
                and not (d.type in _PLACED_TYPES and _city_named(found)):
            target_bounds = spans.np_bounds(found)
        elif d.target is not None and (is_event_noun(d.target, lexicon)
                                       or in_class(lexicon, d.target, _ABSTRACT_CLASSES)
                                       or _thing_acted_on(d)):
            # an act is no target: "retaliate against [the sanctions]"; nor is an accord or
            # a meeting: "endorsed [the declaration]", "boycotted [the dialogue]"; nor the thing
            # a protest blocks or a request asks for
            target_bounds = None
    return actor_bounds, target_bounds


# acts of force, whose target is who or what suffered them
_FORCE_TYPES = ("ASSAULT", "COERCE")


def _suffered(d: Draft, lexicon: Lexicon) -> bool:
    """Whether an act of force's target is, as the parse says, who or what suffered it: the
    subject of its passive verb ("[four others] were killed in X", "[their convoy] was ambushed
    near Y", "[two reporters] were arrested in Z") or the noun its participle describes ("[21
    villagers] killed in X"). Such a target stays even when no actor word names
    it: the name after the verb only says where it happened."""
    t, verb = d.target, d.trigger
    if d.type not in _FORCE_TYPES or t is None or d.noun is not None:
        return False
    suffered = t.dep_ == "nsubjpass" and t.head.i == verb.i or \
        verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i == t.i
    return suffered and not is_event_noun(t, lexicon) and not in_class(lexicon, t, _ABSTRACT_CLASSES)


# Words and gestures are aimed at parties; a place named with them only says where. Not a
# threat: most are of force, which a place can suffer ("could attack [the town]")
_VERBAL_QUADS = ("verbal_cooperation", "verbal_conflict")
_THREATS = ("THREATEN",)


def _mere_place(tok, lexicon: Lexicon) -> bool:
    """Whether a target is only a place, by its head word (the lexicon class ``locality``: a
    town, a street, a valley), which a verbal act happens in or is about but is not aimed
    at: "spoke to shopkeepers on [Church Street]", "rejected a demand to end drills near
    [the X valley]". A name modifying such a word counts as the place ("the [X] valley"); a
    name alone stays, whatever its label: a state's name stands for its government, and
    the tagger labels many states it does not know LOC or FAC."""
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" \
            and lexicon.in_class(tok.head.head.lemma_.lower(), "", ("locality", "place")):
        return True  # "the eastern city [of] X", "the town [of] X": the name is only the place's
        # (by the word alone: "the government [of] X" may be tagged a place as a whole)
    return in_class(lexicon, tok, ("locality",)) and tok.ent_type_ not in ("GPE", "ORG", "NORP", "PERSON")


# Offers and threats, which news often makes on a condition another party must meet
_CONDITIONED = ("THREATEN", "AGREE", "CONCEDE")
_CONDITION_MARKS = frozenset({"if", "unless"})


def _condition_party(d: Draft, lexicon: Lexicon):
    """Who must meet the condition of an offer or a threat that names no target: the
    subject of an "if" or "unless" clause on the event's verb or a verb above it ("said
    they would disarm if [the army] withdrew", "threatened to strike unless
    [the company] raised wages"): the offer or threat is made to that party. Only an actor
    (a name or an actor noun), never the offer's own actor, a pronoun, which may be it
    ("will fight back if [they] are attacked"), or a phrase a pronoun owns ("if [their
    government] agrees"); nor when the condition comes first and a
    pronoun then makes the offer, which is mostly that party ("if the leader cared for his
    country, [he] would step down")."""
    own = args.subject_of(d.clause)[0]
    echoed = own is not None and own.pos_ == "PRON"
    for tok in (d.clause, d.trigger, *d.path):
        for cond in tok.children:
            if cond.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS
                                               for c in cond.children):
                continue
            subj, passive = args.subject_of(cond)
            if subj is None or passive or subj.pos_ == "PRON" or not args.usable_target(subj, d.actor) \
                    or echoed and cond.i < d.trigger.i or _owned_by_pronoun(subj) \
                    or (d.actor is not None and subj.lower_ == d.actor.lower_):
                continue
            if actor_like(subj.doc, spans.np_bounds(subj), lexicon):
                return subj
    return None


def _owned_by_pronoun(tok) -> bool:
    """Whether a phrase is owned by a pronoun ("[their] government", "[your] country"): a
    party of the sentence already, often the actor's own side."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


# Acts whose place, when it is a state, stands for whom they are aimed at ("protests in
# Syria", "aid arrived in Haiti"), and a city's name only for where (verbal acts: _mere_place)
_PLACED_TYPES = ("PROTEST", "AID")
# Prepositions of place: "in X", "at X"; not of extent ("across X", event_fallback._SCOPE_PREPOSITIONS)
_AT_PLACE = frozenset({"in", "at", "inside", "near", "within", "around", "outside"})


def _city_named(tok) -> bool:
    """Whether a target found by position is a city, named after a preposition of place:
    "protested in [Cairo]", "aid arrived in [Port-au-Prince]" say where; "protested in
    [Egypt]" is aimed at the state, whose name stands for its government. A city is known
    here only as a state's capital (:mod:`storyline.capitals`); any other name may be a
    state's (the tagger labels states it does not know as places too), so it stays."""
    if tok.dep_ in ("compound", "appos") and tok.head.dep_ == "pobj":
        tok = tok.head  # "in the capital [X]"
    if tok.dep_ != "pobj" or tok.head.lower_ not in _AT_PLACE:
        return False
    lo, hi = spans.np_bounds(tok)
    places = [e for e in tok.doc.ents if e.start < hi and e.end > lo and e.label_ in ("GPE", "LOC", "FAC")]
    return bool(places) and all(capital_country(e.text) and not is_state(e.text) for e in places)


def _thing_acted_on(d: Draft) -> bool:
    """Whether the target is the object of a protest ("blocked [roads]") or the thing a
    request asks for ("demanded [an apology]"), not the one told to act: an object with a
    verb complement is an addressee ("urged [the club] to reject the deal")."""
    tok = d.target
    if d.type not in ("PROTEST", "REQUEST") or tok is None or tok.dep_ not in args.OBJECT_DEPS:
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") for c in tok.head.children)
