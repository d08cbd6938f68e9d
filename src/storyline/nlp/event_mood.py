"""The mood of one event clause, read from its own words: negation, modals, tense, conditions.

:mod:`event_modality` climbs from an event to the verbs that govern it; before each hop it asks
how the clause at hand presents its event ("if Russia invaded", "could have been killed",
"was reportedly killed", "will send"), and whether it is negated ("not", "never", "no plans",
"[no one] was hurt"). Those questions look only at a token and its own children, so they live
here, apart from the governor roles; :func:`is_unconfirmed` also looks one step up, from a
report noun to the verb that does not confirm it.
"""

from __future__ import annotations

from . import event_args as args

_HEDGE_MODALS = frozenset({"could", "may", "might", "can", "ca"})
_FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# conjunctions that make a clause say when something else happened: "[since] the protests began"
_TIME_MARKS = frozenset({"since", "as", "after", "before", "until", "till", "when", "while", "once"})
_HEDGE_ADVERBS = frozenset({"possibly", "perhaps", "maybe", "potentially", "likely"})
# Evidential adverbs qualify the report, not the act: "was reportedly killed" is a killing the
# writer has not seen, not a possible one; PLOVER codes the act (ASSAULT), not a threat.
_EVIDENTIAL_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "apparently",
                                 "supposedly", "reputedly"})
# verbs whose negation leaves what they report unconfirmed, not denied ("could not confirm
# that", "did not verify reports that"): a hedge, as the news means it
_CONFIRMING = frozenset({"confirm", "verify", "corroborate"})
_PERFECT_AUX = frozenset({"have", "has", "had", "'ve"})
# with a perfect, these modals tell what did not happen ("could have been killed")
_COUNTERFACTUAL_MODALS = frozenset({"would", "'d", "could", "should"})


def is_negated(tok) -> bool:
    """A "not"/"never" on a verb, "no" on a noun ("no plans", "no talks"), or a subject that
    is no one ("[nobody] has claimed responsibility", "[no one] was hurt") or neither of two
    ("[neither Arnholt nor Vellmark] attacked")."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (args.is_no_one(c) or args.neither_nor(c)):
            return True
    return False


def no_longer(tok) -> bool:
    """Whether a verb's act has stopped or will stop: "no longer supplies arms", "will no longer
    target civilians" (not a negation: what was done is ended). "Not ... anymore" is left: on
    crawls it mostly tells a state ("are not threatened anymore"), not an act ended."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for c in tok.children)


def time_clause(verb) -> bool:
    """Whether a verb heads a clause that only says when the sentence's news happened: "dozens
    have been hurt [since] the marches started", "the governor urged calm [as] the protests
    went on", "shops stayed shut [after] the unrest erupted". Its event is background, told
    to date another, not a new event."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children)


def modality(tok) -> str:
    """How a clause presents its event.

    'cond' in an if/unless clause, 'hedge' for could/may/might and hedging adverbs, 'ought'
    for should and 'must' for must, "needs to" and "has to" (what someone ought to do: reported of another party, a call
    on it, see event_modality; "must have" is 'evidential'),
    'would' for would (future in reported speech, else a hedge), 'future' for will/shall/
    going to, 'evidential' for a reported past act ("reportedly killed", "may have been
    killed": uncertain, but no possible future act), else ''. A counterfactual ("could have
    been killed", "would have attacked") is 'cond': no event."""
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS
                                   for c in tok.children):
        return "cond"
    if tok.dep_ == "ccomp" and _open_question(tok):
        return "cond"  # "has not said when the exercises will end": asked, not told
    if _direct_question(tok):
        return "cond"  # "Did the army open fire on the marchers?": asked, not told
    perfect = any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in tok.children)
    evidential = False
    for c in tok.children:
        if c.dep_ == "aux":
            low = c.lower_
            if perfect and low in _COUNTERFACTUAL_MODALS:
                return "cond"  # "could have been killed", "would have attacked": it was not
            if low in ("would", "'d"):
                return "would"
            if low in ("should", "must"):
                return "evidential" if perfect else "ought" if low == "should" else "must"
            if low in _HEDGE_MODALS:
                return "evidential" if perfect else "hedge"  # "may have been killed"
            if low in _FUTURE_MODALS:
                return "future"
        if c.dep_ == "advmod" and c.lower_ in _HEDGE_ADVERBS:
            return "hedge"
        evidential = evidential or c.dep_ == "advmod" and c.lower_ in _EVIDENTIAL_ADVERBS
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "go" and tok.head.tag_ == "VBG":
        return "future"
    if _obliged(tok):
        return "must"
    return "evidential" if evidential else ""


# verbs on which "to" makes a must ("needs to step down", "has to go")
OBLIGING = frozenset({"need", "have"})


def _obliged(tok) -> bool:
    """Whether a verb is what someone "needs to" or "has to" do, now or to come: "Kaldor [needs]
    to step down" says what he must do. Told in the past ("had to withdraw"), negated ("does
    not need to leave") or foretold ("will have to send troops"), it is not asked of anyone."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ in OBLIGING and head.tag_ in ("VBZ", "VBP", "VB") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not is_negated(head) \
        and not any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in head.children)


def is_unconfirmed(gov, kind: str, lexicon) -> bool:
    """Whether a governor leaves what it reports unconfirmed: a negated verb of confirmation
    ("could not confirm that troops had fired"), or a report, claim or rumour (a noun with the
    lexicon role SPEECH) that is the object of one ("did not confirm [reports] that ...")."""
    if kind == "acl" and gov.pos_ == "NOUN" and "SPEECH" in lexicon.govs.get(gov.lemma_.lower(), ()) \
            and gov.dep_ == "dobj":
        gov = gov.head
    elif kind != "ccomp":
        return False
    return gov.lemma_.lower() in _CONFIRMING and is_negated(gov)


def told_as_past(tok) -> bool:
    """Whether a verb tells a past act: a simple past ("killed") or a perfect ("to have
    killed", "to have been killed")."""
    return tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in tok.children)


def _open_question(tok) -> bool:
    """Whether a complement clause is an indirect question about whether or when its event
    will happen ("asked whether the talks would resume", "did not say when the troops will
    leave"): no event is told. A question about a past event ("when the attack happened")
    presupposes it, so only ``whether``/``if``, or ``when`` with a future or modal verb."""
    children = list(tok.children)
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in children):
        return True
    asked = any(c.dep_ == "advmod" and c.i < tok.i and _asks_when_or_how(c) for c in children) or any(
        _wh_argument(c) for c in children if c.i < tok.i)  # "deciding [which leader] should step down"
    return asked and any(
        c.dep_ == "aux" and (c.lower_ in _FUTURE_MODALS or c.lower_ in _HEDGE_MODALS
                             or c.lower_ in ("would", "'d", "should", "must")) for c in children)


def _direct_question(tok) -> bool:
    """Whether a clause is a yes/no question the sentence itself asks: an auxiliary before the
    subject ("[Will] they shoot", "[Did] the army withdraw") in a sentence ending with a
    question mark. Readers' comments and interviews on news pages ask many. A wh-question
    ("Why did the army withdraw?") presupposes its act and is left alone."""
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aux = next((c for c in tok.children if c.dep_ in ("aux", "auxpass")), None)
    if subject is None or aux is None or aux.i > subject.i or any(
            t.tag_ in ("WRB", "WP", "WDT") for t in tok.doc[tok.left_edge.i:aux.i]):
        return False
    sent = tok.sent
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == "?"


def _asks_when_or_how(adverb) -> bool:
    """Whether an adverb before its verb asks when or how: "when", "how", or a word "how"
    modifies ("asked [how soon] the army would withdraw", "how long the pullout would last"). Not
    "why": "that is why he will not accede" gives a reason, it asks nothing."""
    return adverb.lower_ in ("when", "how") or any(
        c.dep_ == "advmod" and c.lower_ == "how" for c in adverb.children)


def _wh_argument(tok) -> bool:
    """Whether a subject or object before its verb asks who or which: "who", "what", "which
    leader" ("deciding which leader should step down", "asked who would lead the talks")."""
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return tok.tag_ in ("WP", "WDT") or any(c.dep_ == "det" and c.tag_ == "WDT" for c in tok.children)
