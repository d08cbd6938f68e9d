"""Who and whom: the actor and target tokens of an event.

Works on spaCy tokens of a parsed Doc (dependency labels of the English ClearNLP scheme that
en_core_web_sm uses). Everything here is about noun phrases: finding the subject of a verb
(through passives, coordination, control verbs and relative clauses), the object or the
prepositional phrase that names a target, a possessor or nationality that names the agent of
an event noun ("Russia's invasion", "an Israeli airstrike"). The extent of the phrase that is
reported as the span "as written" is :mod:`storyline.nlp.event_spans`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

# Default places to look for a target, per type, when a lexicon row names none. From the
# PLOVER definitions: who is met, supported, aided, asked, accused, attacked...
DEFAULT_TARGETS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with", "obj"),
    "CONSULT": ("with", "obj", "to"),
    "SUPPORT": ("obj", "for"),
    "CONCEDE": ("to",),
    "COOPERATE": ("with", "obj"),
    "AID": ("dat", "to", "obj", "for"),
    "RETREAT": ("from", "obj"),
    "REQUEST": ("obj", "on", "upon", "to", "from"),
    "ACCUSE": ("obj", "on", "against"),
    "REJECT": ("poss", "obj", "from"),
    "THREATEN": ("obj", "against"),
    "PROTEST": ("against", "obj", "outside", "at:agent|diplomats"),  # "a sit-in at the ministry", not "at the stadium"
    "SANCTION": ("obj", "on", "against", "objmod"),
    "MOBILIZE": ("against", "border", "toward", "towards"),
    "COERCE": ("obj", "on", "against"),
    "ASSAULT": ("obj", "on", "against", "at"),
}


def prep_source(src: str) -> tuple[str, tuple[str, ...]]:
    """A target source that names a preposition (``"on"``; ``"at:agent|diplomats"``: its
    object only when in one of those classes) -> (preposition, classes; () for any)."""
    prep, _, need = src.partition(":")
    return prep, tuple(need.split("|")) if need else ()


# Types where "X and Y <verb>" with no partner named means X and Y did it with each other.
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
RECIPROCAL_LEMMAS = frozenset({"clash", "fight", "fighting", "sign"})

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "obj")
# Nouns whose "of" phrase is part of the name: "the foreign minister of Ruritania".
OF_HEADS = frozenset({
    "minister", "ministry", "president", "leader", "government", "head", "chief", "member",
    "army", "people", "forces", "force", "prime", "secretary", "king", "queen", "ambassador",
    "citizen", "resident", "mayor", "governor", "council", "department", "office", "union",
    "league", "republic", "kingdom", "state", "states", "party", "troops", "general",
    "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
    "group", "groups", "members", "tens", "scores",
    # titles of rulers and commanders: "the [emir of X]", "the [crown prince of X]"
    "prince", "princess", "emir", "sultan", "sheikh", "duke", "chancellor", "premier", "commander",
    "life", "lives",  # "claimed the lives of 11 civilians": whose lives
    # a part of a group or of things is of their kind: "evacuated [the last] of their bases",
    # "freed [some] of the prisoners"
    "last", "rest", "remainder", "all", "most", "some", "many", "several", "both", "each",
})
_NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                             "CARDINAL"})
AGENT_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow", "tonight", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "week", "month", "year",
    "day", "night", "morning", "evening", "weekend", "time", "hour",
})
_BORDER_WORDS = frozenset({"border", "frontier", "boundary", "borders"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "ourselves", "myself",
                         "yourself", "yourselves", "oneself"})


def children(tok, *deps: str) -> Iterator:
    return (c for c in tok.children if c.dep_ in deps)


def child(tok, *deps: str):
    return next(children(tok, *deps), None)


def is_passive(verb) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def agent_of(verb):
    """The object of the passive "by" phrase: "ordered ... by [the Pentagon]"; for passive
    verbs in a row, the phrase after the last one: "were detained, tortured or killed by
    [police]"."""
    for c in verb.children:
        if c.lower_ == "by" and (c.dep_ == "agent" or c.dep_ == "prep" and is_passive(verb)):
            pobj = child(c, "pobj")
            if pobj is not None:
                return pobj
    for c in verb.children:
        if c.dep_ in ("conj", "advcl") and c.tag_ == "VBN" and not any(
                g.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS for g in c.children):
            return agent_of(c)
    return None


def subject_of(verb):
    """The grammatical subject of a verb, following control, coordination and relatives.

    Returns (token or None, passive). For a passive verb the token is the passive subject
    (a target or theme, not the actor): use :func:`agent_of` for the actor."""
    seen = 0
    tok = verb
    raised = False  # reached through a complement: "[the rebels] are believed to have killed"
    while tok is not None and seen < 8:  # 8 hops: deeper chains are parse errors
        seen += 1
        passive = is_passive(tok)
        subj = child(tok, *(PASSIVE_SUBJECT_DEPS if passive else SUBJECT_DEPS))
        if subj is None and not passive:
            subj = child(tok, *PASSIVE_SUBJECT_DEPS)
            passive = subj is not None
        if subj is not None:
            if subj.pos_ == "SCONJ":  # "told X [that] talks would resume", misparsed: no one
                return None, passive
            if subj.tag_ in ("WDT", "WP"):
                return relative_antecedent(tok), passive
            # the governor's voice is not the event's: "are suspected of killing" is active,
            # "is expected to be released" passive; a passive verb sharing an active one's
            # subject keeps its own voice ("became head of state but [was killed]")
            return subj, (is_passive(verb) if raised else passive or is_passive(verb))
        dep = tok.dep_
        if dep in ("relcl", "acl") and _rank_of_subject(tok.head) is not None:
            return _rank_of_subject(tok.head), passive  # "[Oman] was the first to pull out its ambassador"
        if dep == "relcl":
            return tok.head, passive
        if dep == "acl":  # "troops [deployed] near the border": the noun is the theme
            return tok.head, True
        if dep == "xcomp":
            controller = object_of(tok.head) or prep_object(tok.head, ("on", "upon"))
            if controller is not None and tok.head.lemma_ in _OBJECT_CONTROL:
                return controller, False
            tok = tok.head
            raised = True
            continue
        if dep == "acomp":
            tok = tok.head
            continue
        if dep == "pcomp" and tok.head.dep_ == "agent":
            return None, passive  # "[the city] was destroyed by shelling": the subject is what was shelled
        if dep in ("conj", "advcl", "pcomp", "ccomp") or (dep == "prep" and tok.pos_ == "VERB"):
            tok = tok.head if dep != "pcomp" else tok.head.head
            if dep == "pcomp" and tok is not None and tok.lemma_ in _OBJECT_CONTROL:
                obj = object_of(tok)
                if obj is not None:
                    return obj, False
            raised = raised or dep == "pcomp"
            continue
        return None, passive
    return None, False


_RANKS = frozenset({"first", "second", "third", "last", "only", "latest", "next"})


def _rank_of_subject(head):
    """The subject ranked by a predicate "the first/last/only (one)" that an infinitive
    modifies: "[Qatar] was the first (country) to recall its envoy" (Qatar recalled it), else None."""
    ranked = head.lower_ in _RANKS or any(c.dep_ == "amod" and c.lower_ in _RANKS for c in head.children)
    if not ranked or head.dep_ != "attr" or head.head.lemma_ != "be":
        return None
    return child(head.head, *SUBJECT_DEPS)


def relative_antecedent(clause):
    """The noun a relative pronoun subject of ``clause`` stands for, or None.

    "gangs, [which] it said had attacked": the pronoun's clause may hang from a reporting verb
    inside the relative clause, so the chain of complements is climbed to the relative clause
    and its head. A pronoun with no relative clause above it asks a question or is a free
    relative ("would not say [who] was behind it", "[Who] opposes sanctions?"): no one."""
    node = clause
    for _ in range(4):  # 4 hops: "which [they said] [had] attacked" needs two; deeper is a parse error
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def stands_for(tok):
    """The noun a relative pronoun object or subject stands for ("the rebels, [whom] it
    blames"), else the token itself (None stays None)."""
    if tok is not None and tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return relative_antecedent(tok.head) or tok
    return tok


# Verbs whose object is the subject of their infinitive: "urged [Russia] to withdraw".
_OBJECT_CONTROL = frozenset({
    "urge", "ask", "order", "force", "persuade", "allow", "call", "tell", "press", "push",
    "encourage", "instruct", "invite", "warn", "implore", "compel", "pressure", "prompt",
    "lead", "permit", "enable", "help", "prevent", "stop", "bar", "block", "accuse", "blame",
})


def object_of(verb):
    """The direct object of an active verb (or None)."""
    return child(verb, *OBJECT_DEPS)


def theme_of(verb):
    """What the verb acts on: the direct object, or the subject of a passive verb."""
    if is_passive(verb):
        subj, _ = subject_of(verb)
        return subj
    return object_of(verb)


def prep_objects(tok, words: Iterable[str]) -> Iterator:
    """Objects of prepositions headed by ``tok`` whose word is in ``words``."""
    wanted = set(words)
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in wanted:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield p
        elif c.dep_ == "prep" and c.lower_ == "out" and "from" in wanted:
            yield from prep_objects(c, ("of",))  # "pulled its troops [out of] the valley": from


def prep_object(tok, words: Iterable[str]):
    return next(prep_objects(tok, words), None)


def dative_of(verb):
    d = child(verb, "dative")
    if d is None:
        return None
    if d.pos_ == "ADP":  # "to" tagged as dative: its object is the recipient
        return child(d, "pobj")
    return d


def conjuncts(tok) -> list:
    """The token and the heads of the phrases coordinated with it, in order."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return sorted(out, key=lambda t: t.i)


def stripped_possessor(noun):
    """A possessive whose apostrophe a crawl stripped, as the parser reads it: a plural noun
    compound right after "the" ("the [presidents] resignation", "the [rebels] demands"), else
    None. A plural noun after "the" and before the head is nearly always an owner."""
    for c in noun.children:
        if c.dep_ == "compound" and c.tag_ == "NNS" and c.i == noun.i - 1 and c.i > 0 \
                and noun.doc[c.i - 1].lower_ == "the" and noun.doc[c.i - 1].head.i in (c.i, noun.i):
            return c
    return None


# participles of doing that hand an act to whoever did it: "the accusations [made] by X",
# "the attack [carried] out by X" (not "the attack, [condemned] by X", a reaction to it)
DOING_PARTICIPLES = frozenset({"make", "carry", "conduct", "launch", "stage", "issue", "level",
                                "lodge", "file", "mount", "commit", "perpetrate", "submit", "table",
                                "put", "voice", "impose", "plant", "detonate", "drop", "fire"})


def agent_modifier(noun):
    """Who did an event noun: "[Russia]'s invasion", "an [Israeli] airstrike", "attack by [X]",
    "the [rebels] offensive" (an apostrophe stripped), "the claims made by [X]"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    stripped = stripped_possessor(noun)
    if stripped is not None:
        return stripped
    by = prep_object(noun, ("by",))
    if by is not None:
        return by
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in DOING_PARTICIPLES:
            by = prep_object(c, ("by",))
            if by is not None:
                return by
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and c.ent_type_ in AGENT_ENTS:
            return c
    return shared_by(noun)


def shared_by(noun):
    """The "by" phrase right after the last of coordinated acts, which the parser hangs on the
    first: "the torture and [killing] by [police]" (both were done by the police); else None."""
    if noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((p for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "by"
                 and c.i == noun.right_edge.i + 1 for p in children(c, "pobj")), None)


def entity_modifier(noun):
    """An entity modifying a noun: "[Russian] diplomats", "[Moscow]'s assets", "[US] embassy"."""
    if noun is None:
        return None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
                                and c.ent_type_ in AGENT_ENTS):
            return c
    return None


def border_country(tok):
    """The country of a border phrase near ``tok``: "near the [Ukraine] border"."""
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        for p in children(c, "pobj"):
            if p.lemma_.lower() in _BORDER_WORDS:
                # "the border with X" is often attached to the verb, not to "border"
                mod = (entity_modifier(p) or prep_object(p, ("with", "of"))
                       or prep_object(tok, ("with",)))
                if mod is not None:
                    return mod
    return None


def possessor(noun):
    """Whose thing a noun is: "[Russia]'s demands", "the demands of [Russia]", "a plan by [X]",
    "the bill passed by [parliament]"."""
    if noun is None:
        return None
    poss = child(noun, "poss") or stripped_possessor(noun)
    if poss is not None:
        return poss
    owner = prep_object(noun, ("of", "by", "from"))
    if owner is not None:
        return owner
    return next((a for c in children(noun, "acl") if c.tag_ == "VBN"
                 for a in (agent_of(c),) if a is not None), None)


_NO_ONE = frozenset({"nobody", "none", "nothing", "noone", "neither"})


def is_no_one(tok) -> bool:
    """Whether a word names no one: "nobody", "none", "no one", "neither side" (it negates
    its verb instead)."""
    if tok is None:
        return False
    if tok.lower_ in _NO_ONE:
        return True
    if any(c.dep_ == "conj" for c in tok.children):
        return False  # "neither X nor Y" names both (and the parse may hang "neither" on X)
    return any(c.dep_ == "det" and (c.lower_ == "neither" or c.lower_ == "no" and tok.lower_ == "one")
               for c in tok.children)


def is_reciprocal(tok) -> bool:
    """Whether a target is "each other" or "one another": the actors act on one another."""
    if tok is None:
        return False
    if tok.lower_ == "other":
        return any(c.lower_ == "each" for c in tok.children) or tok.i > 0 and tok.doc[tok.i - 1].lower_ == "each"
    if tok.lower_ in ("one", "another"):
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return (tok.lower_ == "one" and nxt is not None and nxt.lower_ == "another") or \
            (tok.lower_ == "another" and prev is not None and prev.lower_ == "one")
    return False


def neither_nor(tok) -> bool:
    """Whether a subject is "neither X nor Y" (or "neither the army nor the rebels"): both are
    named, and the verb is denied of both, as "not" would deny it."""
    if tok is None or tok.left_edge.lower_ != "neither":
        return False
    return any(t.lower_ == "nor" and t.dep_ in ("cc", "preconj") for t in tok.subtree)


def usable_target(tok, actor=None) -> bool:
    """Whether a token can head a target phrase (not a date, amount or the actor itself)."""
    if tok is None or tok.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "SCONJ", "CCONJ", "DET"):
        return False
    if tok.ent_type_ in _NON_ACTOR_ENTS and not counted_group(tok):
        return False
    if tok.lower_ in ("it", "this", "that", "which", "what", "there") or tok.lower_ in _TIME_WORDS:
        return False
    if tok.tag_ in ("WP", "WDT"):
        return False  # "[who] were convicted": a relative pronoun stands for a noun elsewhere
    if tok.lower_ in _REFLEXIVES:
        return False  # "blew himself up at a checkpoint": no one acts on himself
    if tok.dep_ == "poss" and tok.lower_ == "its":
        return False  # "closed [its] embassy in Arnholt": the acting country's own ("her invitation" may be another's)
    if vocative(tok):
        return False
    if tok.lower_ == "place" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and not any(tok.children):
        return False  # "lifted the curfew put [in place] after the riots": an idiom, no place at all
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return False  # "an ultimatum [no sovereign state] could accept": a party it names none of
    return actor is None or tok.i != actor.i


def vocative(tok) -> bool:
    """Whether a name is said to whom the sentence is spoken, set off by a comma at its end
    ("it was time for him to step down, [Candy]."): a broadcast transcript's anchor, no party."""
    doc = tok.doc
    if tok.ent_type_ != "PERSON" or tok.dep_ not in ("npadvmod", "dep", "intj"):
        return False
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    return start > 0 and doc[start - 1].text == "," and (end == len(doc) or doc[end].is_punct and end + 1 >= len(doc))


# Inflections a word may carry, with what they replace: for a word the lemmatizer got wrong
# ("fined" -> fin, "doses" -> dos), the base forms it may have.
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
             ("es", ""), ("es", "e"), ("s", ""))


@lru_cache(maxsize=8192)
def stems(word: str) -> tuple[str, ...]:
    """The base forms an inflected word may have: "fined" -> fin, fine; "doses" -> dos, dose."""
    return tuple(word[:-len(s)] + r for s, r in _SUFFIXES
                 if word.endswith(s) and len(word) - len(s) >= 3)


def is_time(tok) -> bool:
    """Whether a token heads a date or time expression ("on [Wednesday], which killed 14",
    "for the fourth [time]"): no one acts."""
    return tok.ent_type_ in ("DATE", "TIME") and not counted_group(tok) or tok.lower_ in _TIME_WORDS


def counted_group(tok) -> bool:
    """A number that heads a group of people: "[dozens] of protesters", "[five] of them"."""
    return tok.lemma_.lower() in OF_HEADS or tok.lower_ in OF_HEADS or (  # "scores": lemma "score"
        tok.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children))


def inside_clause(tok, top) -> bool:
    """Whether ``tok`` sits in a clause (relative, participle, complement) below ``top``."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "ccomp", "xcomp", "advcl", "csubj"):
            return True
        node = node.head
    return False


def same(a, b) -> bool:
    """Whether two tokens are the same token (spaCy makes a new Token object per access)."""
    return a is not None and b is not None and a.i == b.i
