"""What the words around an event do to it: negation, hedging, and governing verbs.

An event verb or noun rarely stands alone in news: "Russia *threatened to* impose sanctions",
"Mr Biden has *promised* severe sanctions", "Moscow *denies that it intends to* launch an
offensive", "an invasion *could* begin". :func:`climb` walks up the dependency tree from an
event's clause through the verbs (and nouns: "*no plans* to invade") that govern it, and each
governor's role (from the lexicon's ``gov`` rows) changes the event:

- INTENT (promise, pledge, plan...): cooperation becomes AGREE, a concession CONCEDE, force
  or restriction THREATEN (PLOVER: intentions to cooperate are AGREE; threats are THREATEN).
- THREAT (threaten, warn): THREATEN, with a mode from the threatened act.
- REQUEST / REFUSE: REQUEST / REJECT, with a mode (assist, change, yield, meet).
- ACCUSE (accused X *of* attacking): the act is an allegation; the event is ACCUSE.
- REVERSE (lift, halt, suspend): lifting sanctions is RETREAT, halting talks is SANCTION,
  withdrawing a complaint or lifting charges CONCEDE...
- UNDERGO (face, receive, come under): the subject is the target.
- DENY (deny, refrain, fail): the event is negated. HEDGE (expect, likely): hedged.
- CEASE (end, stop with the event noun as subject): "the fighting ended" is the end of the
  fighting (RETREAT), "the curfew ended" a concession, as REVERSE; other events
  ("the talks ended without a deal") happened, as under OCCUR.
- LIGHT, SPEECH, OCCUR, CAUSE and ATTEST verbs pass the event through unchanged, except that a DECLARE
  verb (declare, announce) makes a ceasefire or withdrawal it names a CONCEDE (PLOVER: the
  declaration of a ceasefire is a verbal concession, its implementation a RETREAT).

The mood of the event's own clause (not, could, will, if...) is read by :mod:`event_mood`; who
acts and who is addressed under a governor ("urged [X] to withdraw") by :mod:`event_parties`.

storyline's policy for negation: a negated event is still returned, with ``negated=True``
(so a timeline can show "Moscow denied planning an offensive"), and consumers that count
what happened must skip it; ``events.emit_negated=false`` drops such events instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import event_args as args
from .event_governors import governor_link, roles_of
from .event_match import in_class
from .event_mood import is_negated, is_unconfirmed, modality, no_longer, time_clause, told_as_past
from .event_parties import addressee_of, asked_of_another, demanded_by_no_one, governor_subject, own_truce, same_party

_MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts of force
# events whose own end is an event (PLOVER RETREAT: "ending active conflicts"; CONCEDE: curfews
# removed, protests suspended): "the fighting ended", "the strike ended"
_CEASING = _MATERIAL_CONFLICT | {"MOBILIZE"}
# Types a plan or a forecast does not change, only hedge: a pledge is already AGREE
_KEPT_WHEN_PLANNED = frozenset({"AGREE", "CONCEDE"})
# words that forecast an event rather than plan or threaten it
_FORECASTS = frozenset({"expect", "due", "set"})
_INTENT_TYPE = {
    "AID": "AGREE", "COOPERATE": "AGREE", "CONSULT": "AGREE", "SUPPORT": "AGREE",
    "AGREE": "AGREE", "RETREAT": "CONCEDE", "CONCEDE": "CONCEDE",
    "ASSAULT": "THREATEN", "COERCE": "THREATEN", "SANCTION": "THREATEN", "PROTEST": "THREATEN",
}
_REVERSED = {
    "SANCTION": ("RETREAT", ""), "COERCE": ("CONCEDE", ""), "ASSAULT": ("RETREAT", "ceasefire"),
    "MOBILIZE": ("RETREAT", "disarm"), "PROTEST": ("CONCEDE", ""),
    "CONSULT": ("SANCTION", "withdraw"), "AID": ("SANCTION", "discontinue"),
    "COOPERATE": ("SANCTION", "discontinue"), "SUPPORT": ("SANCTION", "withdraw"),
    "AGREE": ("SANCTION", "withdraw"), "THREATEN": ("CONCEDE", ""),
    "ACCUSE": ("CONCEDE", ""),  # "dropped the charges", "withdrew the complaint": a concession
}
# lexicon classes of harm that no one inflicts: dying in one of them is no assault
_MISHAPS = ("calamity", "sickness")
_PREVENTING_PREPS = frozenset({"against", "from"})  # "warned X against invading"
_COMMAND_VERBS = frozenset({"order", "authorize", "authorise"})
# verbs by which one commands forces to act ("told the troops to withdraw": the commander acts)
_ORDERS_TO_FORCES = _COMMAND_VERBS | {"tell", "instruct", "command", "direct"}
# verbs whose object act is the subject's own, called into being ("called a strike", "called a
# summit", "called a ceasefire"); asking for it is "call for", a preposition
_CONVENING_VERBS = frozenset({"call"})
# verbs of intent whose object act of force is one done, not promised ("committed a massacre",
# "committed abuses"; "committed aid" stays a pledge, "committed to attacking" an intent)
_PERPETRATING_VERBS = frozenset({"commit"})
# verbs by which support named as a noun is voiced, not promised: "offered its [support] for X",
# "pledged [solidarity] with X" (PLOVER SUPPORT); support in kind ("offered logistical support",
# the lexicon class material_support) stays a promise of aid (AGREE)
_VOICING_VERBS = frozenset({"offer", "pledge", "extend"})
# verbs whose subject is the one a deadline or ultimatum was given to, not who gave it
_THREAT_RECEIVED = frozenset({"ignore", "defy", "flout", "miss", "reject", "meet", "face", "receive"})
# PLOVER CONCEDE: announcing a truce or a pullout (the codebook keeps carrying it out apart);
# observing a ceasefire or pulling out stays RETREAT
_DECLARABLE = frozenset({"ceasefire", "withdraw"})
_HOPS = 10  # deepest governor chain followed; deeper chains in news are parse errors


@dataclass
class Draft:
    """An event being coded: tokens, not spans yet (see ``events._finish``)."""

    type: str
    mode: str
    trigger: object
    clause: object
    noun: object | None = None
    actor: object | None = None
    target: object | None = None
    negated: bool = False
    hedged: bool = False
    evidential: bool = False  # hedged only as a report of a past act ("reportedly killed")
    future: bool = False
    path: list = field(default_factory=list)
    own_actor_only: bool = False  # no actor by position: "condemned [attacks] that hit X"


def threat_mode(etype: str, mode: str) -> str:
    """The THREATEN mode for a threatened act (the CAMEO2PLOVER THREATEN modes)."""
    if etype in ("ASSAULT", "MOBILIZE"):
        return "violence"
    if etype == "COERCE":
        return {"arrest": "arrest", "ban": "ban", "deport": "expel", "seize": "territory",
                "censor": "rights"}.get(mode, "restrict")
    if etype == "SANCTION":
        return {"expel": "expel", "withdraw": "relations", "convict": ""}.get(mode, "restrict")
    if etype == "PROTEST":
        return "restrict"
    if etype in ("AID", "COOPERATE", "SUPPORT", "CONSULT", "AGREE"):
        return "relations"
    return mode if etype == "THREATEN" else ""


def ask_mode(etype: str, mode: str) -> str:
    """The REQUEST/REJECT mode (assist, change, yield, meet) for an act asked for or refused."""
    if etype == "RETREAT":
        return "change" if mode == "resign" else "yield"
    if etype == "CONCEDE":
        return "yield"
    if etype in ("CONSULT", "AGREE"):
        return "meet"
    if etype in ("AID", "COOPERATE", "SUPPORT"):
        return "assist"
    if etype in ("REQUEST", "REJECT"):
        return mode
    return ""


# words of a stretch of time: "under fire [for] hours", "under attack [over] the weekend" say how
# long, not what for
_DURATIONS = frozenset({"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
                        "time", "while", "period", "spell"})


def _blamed_for(gov, noun) -> bool:
    """Whether being under fire or under attack is blame, not force: it is "for" or "over"
    something done ("came under fire for its handling of the floods", "under attack over the
    tax"), not for a stretch of time ("under fire for hours"). PLOVER codes criticism as
    ACCUSE (disapprove), never ASSAULT."""
    for holder in (gov, noun):
        if holder is None:
            continue
        for reason in args.prep_objects(holder, ("for", "over")):
            if reason.ent_type_ not in ("DATE", "TIME") and reason.lemma_.lower() not in _DURATIONS:
                return True
    return False


def _apply(role: str, gov, link: str, prep: str, draft: Draft, lexicon) -> bool:
    """Change the draft for one governor role; False when the event disappears."""
    inner_negated = draft.negated
    converting = role in ("INTENT", "SEEK", "INVITE", "THREAT", "REQUEST", "REFUSE", "ACCUSE")
    if role == "SEEK":
        role = "REQUEST" if link == "obj" else "INTENT"
    if role == "REQUEST" and gov.lemma_ in _COMMAND_VERBS and (link == "obj" or link == "acl" and gov.pos_ == "NOUN"):
        role, converting = "LIGHT", False  # "ordered the withdrawal", "orders to release": the orderer's act
    if role == "REQUEST" and link == "obj" and gov.pos_ == "VERB" and gov.lemma_ in _CONVENING_VERBS:
        role, converting = "LIGHT", False  # "called a general strike": the caller's strike
    if role == "REQUEST" and gov.lemma_ in _ORDERS_TO_FORCES and args.object_of(gov) is not None \
            and lexicon.in_class(args.object_of(gov).lemma_.lower(), "", ("troops", "police")):
        role, converting = "LIGHT", False  # "ordered troops to withdraw": the orderer acts; "urged
        # the army to withdraw" stays a request
    if role == "INTENT" and link == "obj" and gov.lemma_ in _PERPETRATING_VERBS \
            and draft.type in _MATERIAL_CONFLICT:
        role, converting = "LIGHT", False  # "committed a massacre": the perpetrator's act
    if role == "INTENT" and link == "obj" and gov.lemma_ in _VOICING_VERBS and draft.type == "SUPPORT" \
            and draft.noun is not None and not in_class(lexicon, draft.noun, ("material_support",)):
        role, converting = "LIGHT", False  # "offered its support for X": support voiced, not promised
    if role == "THREAT" and link == "ccomp" and not same_party(gov, draft):
        role, converting = "HEDGE", False  # a warning about what someone else may do
    if converting:
        new_actor = governor_subject(gov)
        old_actor = draft.actor
        if new_actor is None and gov.dep_ == "acl" and gov.head.lemma_.lower() in lexicon.nouns:
            # "the protest [calling for] his resignation": voiced by the act, whose agent is its
            # own, or who held it ("students held a protest calling for ..."), not a name before
            act = gov.head
            new_actor = args.agent_modifier(act) or (
                governor_subject(act) if act.dep_ == "dobj"
                and "LIGHT" in lexicon.govs.get(act.head.lemma_.lower(), ()) else None)
            draft.own_actor_only = True
        if role in ("INTENT", "INVITE"):
            if role == "INVITE" or (inner_negated and draft.type in _MATERIAL_CONFLICT):
                new_type = "AGREE"  # "promised not to attack": intent to de-escalate
            elif draft.type == "REQUEST" and gov.lemma_ in ("agree", "accept", "accede"):
                new_type = "CONCEDE"  # "agreed to the protesters' demands": accede
            elif draft.type in _INTENT_TYPE:
                new_type = _INTENT_TYPE[draft.type]
            else:  # "plans to mobilize", "intends to demand": the act itself, not yet done
                new_type = draft.type
                draft.hedged = True
            if new_type == "THREATEN":
                draft.mode = threat_mode(draft.type, draft.mode)
            elif new_type != draft.type:
                draft.mode = ""
            if role == "INVITE":
                draft.target = addressee_of(gov, draft) or draft.target
        elif role == "THREAT":
            new_type, draft.mode = "THREATEN", threat_mode(draft.type, draft.mode)
            draft.target = addressee_of(gov, draft) or draft.target
            if gov.pos_ == "NOUN" and gov.dep_ == "dobj" and gov.head.lemma_ in _THREAT_RECEIVED:
                # "X ignored a deadline to pull its troops back": X is who was threatened
                draft.target, new_actor, old_actor, draft.own_actor_only = new_actor, None, None, True
        elif role == "REQUEST":
            truce = own_truce(draft, gov, new_actor, addressee_of(gov, draft), lexicon)
            new_type, draft.mode = "REQUEST", ask_mode(draft.type, draft.mode)
            if inner_negated:
                draft.mode = "yield"
            addressee = addressee_of(gov, draft)
            if addressee is None and old_actor is not None and args.usable_target(old_actor) and (
                    new_actor is None or old_actor.i != new_actor.i):  # not "[no state] could accept"
                addressee = old_actor
            draft.target = addressee or draft.target
            if new_actor is None and addressee is not None and addressee is old_actor:
                old_actor = None  # "X was urged to withdraw": the asker is not named, X is asked
            if truce:
                new_type, draft.mode = "AGREE", ""
        elif role == "REFUSE":
            new_type, draft.mode = "REJECT", ask_mode(draft.type, draft.mode)
            if old_actor is not None and (new_actor is None or old_actor.i != new_actor.i):
                draft.target = old_actor  # "rejected the rebels' demand": the rebels
                if draft.noun is not None and new_actor is None:
                    old_actor = None  # "[his] plea was rejected": he asked, he did not refuse
        else:  # ACCUSE: "accused X of attacking": the act is an allegation against X
            new_type, draft.mode = "ACCUSE", "allege"
            draft.target = args.object_of(gov) or old_actor or draft.target
            if gov.pos_ == "NOUN" and new_actor is None:  # "fled after [allegations] that he
                old_actor, draft.own_actor_only = None, True  # beat ...": alleged by no one named
        if new_type != draft.type or role != "INTENT":
            draft.hedged = draft.future = False  # the threat, promise or request was made
        draft.type = new_type
        draft.actor = new_actor if new_actor is not None else old_actor
        draft.trigger = gov
        draft.negated = is_negated(gov)
        return True
    if role == "REVERSE":
        reversed_ = _REVERSED.get(draft.type)
        if reversed_ is None:
            return False
        draft.type, draft.mode = reversed_
        draft.actor = governor_subject(gov) or draft.actor
        draft.trigger = gov
    elif role == "CEASE":
        if draft.type in _CEASING and not lexicon.in_class(draft.clause.lemma_.lower(), "", ("spell",)):
            # "has not ended": a negated end, by the check below; "a [day] of protests ended":
            # only the day did
            draft.type, draft.mode = _REVERSED[draft.type]
            draft.trigger = gov
    elif role == "UNDERGO":
        subj, passive = args.subject_of(gov)
        if gov.dep_ == "acl" and gov.tag_ == "VBG":  # "the governor, [facing] an indictment": who faces it
            passive = False
        if link == "prep" and prep == "in":  # "were injured in clashes": who suffered (not "came under fire")
            if draft.noun is not None and lexicon.in_class(draft.noun.lemma_.lower(), "", _MISHAPS):
                return False  # "died in a fire", "hurt in a crash": no act of force
            pair = args.prep_object(draft.noun, ("between",)) if draft.noun is not None else None
            draft.target = subj if pair is None else None  # "in clashes between X and Y": X -> Y
            draft.own_actor_only = True  # the act's own agent, never a victim or a place before it
        else:
            draft.target = subj if not passive else draft.target
        source = args.prep_object(gov, ("from", "by"))
        draft.actor = source or (args.agent_modifier(draft.noun) if draft.noun is not None
                                 else None)
        if prep == "under" and draft.type in FORCE_TYPES and _blamed_for(gov, draft.noun):
            draft.type, draft.mode = "ACCUSE", "disapprove"  # "came under fire for its handling of X"
        if gov.lemma_ in ("face", "risk"):
            draft.hedged = True
    elif role == "DENY":
        if link == "obj" and draft.type == "ACCUSE":
            return False  # "denied the accusations" is the REJECT of the verb itself
        draft.negated = not draft.negated
    elif role == "HEDGE":
        draft.hedged, draft.evidential = True, False
    elif role == "LIGHT":
        draft.actor = governor_subject(gov) or draft.actor
        if link == "obj" and draft.type == "RETREAT" and draft.mode in _DECLARABLE \
                and "DECLARE" in lexicon.govs.get(gov.lemma_.lower(), ()):
            draft.type, draft.mode = "CONCEDE", ""  # "declared a ceasefire": a verbal concession
    if is_negated(gov) and role not in ("SPEECH", "DENY", "HEDGE"):
        draft.negated = not draft.negated
    return True


def naming(verb, lexicon) -> bool:
    """Whether ``verb`` is a naming verb (lexicon role NAME) used to name something: with an
    object predicate ("called [the expulsions] a response", "called it an ultimatum"), or
    with a wh-word for the thing named ("what it called routine exercises", which the parser
    reads as two objects). Such a verb is no request, and what it governs is a label."""
    if "NAME" not in lexicon.govs.get(verb.lemma_.lower(), ()):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    return any(c.dep_ == "oprd" for c in objects) or (
        len(objects) > 1 and objects[0].tag_ in ("WP", "WDT"))


def climb(draft: Draft, lexicon, start, consumed: set[int]) -> bool:
    """Apply the governors above ``start`` to the draft; False when the event disappears.

    The indexes of governor tokens whose meaning was absorbed into the event are added to
    ``consumed``, so that "urged" in "urged Russia to withdraw" is not coded a second time."""
    node = start
    if no_longer(start) and draft.type in _REVERSED:
        # "will no longer target civilians", "no longer supplies arms": the act ends, as when lifted
        draft.type, draft.mode = _REVERSED[draft.type]
    for _ in range(_HOPS):
        mod = modality(node) or (modality(node.head) if node.dep_ == "conj" else "")
        if mod == "cond":
            return False  # "if Russia invaded": a condition, not an event
        link = governor_link(node)
        if mod in ("ought", "must") and asked_of_another(node, link, draft, lexicon):
            # "Hale said Ostara should withdraw": Hale asks it of Ostara (a REQUEST), not a hedged
            # act; who is asked is the clause's subject, not whom Hale told ("told Reuters")
            asked = draft.actor
            _apply("REQUEST", link[0], "ccomp", "", draft, lexicon)
            draft.target = asked
            consumed.add(link[0].i)
            draft.path.append(link[0])
            node = link[0]
            continue
        if mod in ("ought", "must") and demanded_by_no_one(node, lexicon):
            return False  # "the ruler must step down": a demand no one in the sentence makes, no act
        mod = {"ought": "hedge", "must": ""}.get(mod, mod)  # "Hale said she should resign": a hedge
        if mod == "would":  # "said it would send": reported future; elsewhere a hedge
            reported = link is not None and link[1] == "ccomp" and any(
                r in ("SPEECH", "THREAT", "INTENT") for r in roles_of(link[0], lexicon, "ccomp", ""))
            mod = "future" if reported else "hedge"
        if mod == "future" and node.dep_ == "xcomp" and node.head.lemma_ == "go" and is_negated(node.head):
            draft.negated = not draft.negated  # "is not going to be released"
        if mod == "hedge":
            draft.hedged, draft.evidential = True, False
        elif mod == "evidential":
            draft.hedged = draft.evidential = True
        elif mod == "future":
            draft.future = True
        if link is None:
            break
        gov, kind, prep = link
        draft.path.append(gov)
        if kind == "obj" and naming(gov, lexicon):
            return False  # "what it called an ultimatum": a label, not an event
        if kind == "cop":
            node = gov
            continue
        roles = roles_of(gov, lexicon, kind, prep, node)
        if kind == "subj" and _background(draft, roles, gov):
            return False  # "hurt [since the marches started]", "[since the war ended]": no new event
        if roles and roles[0] == "DENY" and kind == "ccomp" and _denial_appended(node, gov, lexicon):
            break  # "accused X of harassing them, a charge X denies": the charge was made
        if roles and roles[0] == "HEDGE" and told_as_past(node):
            # "are believed to have killed", "suspect the rebels killed": a belief about a past
            # act, evidential like "reportedly", not a possible act
            draft.evidential = draft.evidential or not draft.hedged
            draft.hedged = True
            node = gov
            continue
        unconfirmed = is_unconfirmed(gov, kind, lexicon)  # "could not confirm (reports) that X attacked"
        if not roles:
            if kind == "prep" and prep in _PREVENTING_PREPS and node.pos_ in ("VERB", "AUX"):
                draft.negated = True  # "warned Russia against invading", "barred from"
            draft.hedged = draft.hedged or unconfirmed
            draft.evidential = draft.evidential or unconfirmed
            break
        if roles[0] == "ATTEST" and modality(gov) not in ("", "evidential"):
            break  # "so no reporter would [document] the raids that took place": the telling may not be, the act was
        if not _apply(roles[0], gov, kind, prep, draft, lexicon):
            return False
        if unconfirmed:  # the hedge of "could" on the confirming verb is not the act's: stop here
            draft.hedged = draft.evidential = True
            break
        if roles[0] not in ("SPEECH", "HEDGE", "OCCUR", "CAUSE", "CEASE", "DENY", "ATTEST"):
            consumed.add(gov.i)
        node = gov
    return True


def _background(draft: Draft, roles, gov) -> bool:
    """Whether an event noun's own clause is a time clause that only dates the news: a protest
    or talks begun or going on ("dozens hurt [since the marches started]", "shops shut [as
    the protests continued]"), or any event ended ("refugees returned [after the war ended]").
    An act of force breaking out is often the news itself ("two dead [after fighting erupted
    in the hills]"), and a clause whose verb has an object tells what the act did ("after an
    attack killed 12"): both stay."""
    if not roles or not time_clause(gov) or args.object_of(gov) is not None:
        return False
    return roles[0] == "CEASE" or roles[0] == "OCCUR" and draft.type not in FORCE_TYPES


def _denial_appended(node, gov, lexicon) -> bool:
    """Whether a denial follows the clause it seems to govern as an aside on it: "X accused Y
    of harassing families, [a charge] Y denies", "..., [which] the ministry denies". The parser
    hangs the clause from the denial; the event was reported, only its truth is denied. The
    clause comes first, then a comma, then a charge-like noun (the lexicon's ``idea`` class)
    or "which" before the denial verb."""
    doc, end = node.doc, node.right_edge.i  # the comma may hang from the clause or not
    comma = end if doc[end].text == "," else end + 1
    if comma + 1 >= gov.i or doc[comma].text != ",":
        return False
    return any(t.lower_ == "which" or t.pos_ == "NOUN" and lexicon.in_class(t.lemma_.lower(), "", ("idea",))
               for t in doc[comma + 1:gov.i])


# Verbs of acceptance: "will not" or "never" on one of them is a refusal ("said it would not
# accept any deal", "will never agree to"), PLOVER REJECT. A plain "not" is often a denial
# ("says it does not back the militia") or still pending ("has not yet agreed").
_ACCEPTING = frozenset({"accept", "agree", "approve", "endorse", "recognize", "recognise",
                        "ratify", "support", "back"})
# "could not agree" / "cannot agree on a date" is a failure to agree, not a refusal
_REFUSING_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})


def _refusal(draft: Draft) -> bool:
    """Whether a negated draft is a refusal: an active acceptance verb under "will not",
    "would not" or "never", or so a concession ("will not withdraw its troops", "would never
    release them": PLOVER REJECT, "refuse ... military withdrawals", "release persons")."""
    tok = draft.trigger
    if draft.negated and draft.type in ("RETREAT", "CONCEDE") and tok.pos_ in ("VERB", "AUX") \
            and is_negated(tok) and not args.is_passive(tok):
        return any(c.dep_ == "aux" and c.lower_ in _REFUSING_AUX or c.lower_ == "never" for c in tok.children)
    if not (draft.negated and draft.type in ("AGREE", "SUPPORT") and draft.noun is None
            and tok.lemma_.lower() in _ACCEPTING and is_negated(tok)) or args.is_passive(tok):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _REFUSING_AUX or c.lower_ == "never" for c in tok.children)


def _kept_when_planned(draft: Draft) -> bool:
    """Whether a plan or a forecast only hedges an event, not changes its type: a pledge is
    already AGREE; a demonstration forecast ("thousands are expected to join a protest") is
    PROTEST, hedged (PLOVER codes announced protests as protests). A strike still to come, or
    a protest weighed or promised on a condition, stays a threat: in a dispute it is the lever
    ("would go on strike if ...", "is weighing whether to stage a protest if no deal is
    reached"; so the leads' gold codes them)."""
    return draft.type in _KEPT_WHEN_PLANNED or draft.type == "PROTEST" and draft.mode == "demo" and any(
        t.lemma_.lower() in _FORECASTS for t in draft.path)


def finish_modality(draft: Draft, hedged_conflict_as_threaten: bool) -> None:
    """Future tense and hedged force, after the climb (PLOVER: future cooperation is intent);
    a negated acceptance is a refusal (:func:`_refusal`)."""
    if _refusal(draft):  # the refusal is made now, whatever tense it speaks in
        yielding = draft.type in ("RETREAT", "CONCEDE")
        draft.type, draft.negated, draft.future = "REJECT", False, False
        draft.mode = "yield" if yielding else ""
    if draft.future and not draft.negated:
        draft.hedged = True
        if draft.type in _INTENT_TYPE and not _kept_when_planned(draft):
            new_type = _INTENT_TYPE[draft.type]
            if new_type == "THREATEN":
                draft.mode = threat_mode(draft.type, draft.mode)
            elif new_type != draft.type:
                draft.mode = ""
            draft.type = new_type
    if hedged_conflict_as_threaten and draft.hedged and draft.type in _MATERIAL_CONFLICT \
            and not _kept_when_planned(draft) and not (draft.evidential and not draft.future) \
            and not _unsure_description(draft):
        draft.mode = threat_mode(draft.type, draft.mode)
        draft.type = "THREATEN"


def _unsure_description(draft: Draft) -> bool:
    """A past participle with no auxiliary, hedged by an adverb: an unsure description of harm
    done ("six men, [possibly wounded], were carried away", "three men, [possibly kidnapped] by
    the militia"), not a threat of harm to come ("could be arrested" has its modal: a threat)."""
    verb = draft.trigger
    return draft.noun is None and not draft.future and verb.tag_ == "VBN" \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)

