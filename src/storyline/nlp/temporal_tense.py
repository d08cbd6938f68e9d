"""Past or future? The tense that decides which Friday or which March a sentence means.

``on Friday`` in a story published on a Wednesday is two days ago in ``talks ended on
Friday`` and two days ahead in ``talks will resume on Friday``. HeidelTime decides with the
tense of the verbs near the expression; storyline does the same in two ways:

* with a dependency parse (when the enrich stage parsed the sentence): the verb that governs
  the expression, with its auxiliaries (``will``, ``had``, ``has ... -ed``, ``to``);
* without one: the nearest lexical cue to the expression (``will``, ``said``, ``-ed`` forms,
  ``plans to``...), cheap enough to run on every sentence.

Besides past and future, a plan told in the past (``planned to leave on Thursday``, ``had
been due to expire Friday``) is ``near``: ahead of a past moment, so the nearest such day.

:func:`needs_parse` tells the enrich stage when the cheap way is not enough: a weekday or
month name that needs a tense, in a sentence with no cue or with cues that disagree.
"""

from __future__ import annotations

import re

PAST, FUTURE = "past", "future"
# Future in the past ("planned to leave on Thursday", "had been due to expire Friday"): ahead
# of a past moment, which may be before or after publication, so the nearest day is meant.
NEAR = "near"

# Words that put what follows them in the future (or in a plan, which news dates forward).
# Present tense is no cue either way ("follows Tuesday's decision", "plays on Sunday"),
# except the progressive, which in news announces arrangements ("is meeting on Friday").
_FUTURE_WORDS = (
    r"will|wo\s*n'?t|'ll|shall|would|going\s+to|gonna|plans?\s+to|planning|intends?\s+to"
    r"|scheduled|schedule|slated|due|expected\s+to|expects?|set\s+to|aims?\s+to|hopes?\s+to"
    r"|wants?\s+to|supposed\s+to|to\s+be\s+[a-z]+|effective|upcoming|target|deadline|next|coming|until|could(?!\s*(?:not|n'?t)\b)"
    r"|might|should|must|can|tomorrow|ahead|later\s+this|(?:is|are|am)\s+(?!being\b)[a-z]+ing"
)
_PAST_WORDS = (
    r"was|were|had|did|did\s*n'?t|has\s+been|have\s+been|said|told|ago|last|earlier|yesterday"
    r"|could\s*(?:not|n'?t)|since"
    # irregular pasts, also with a prefix ("outsold", "underwent", "upheld", "misled", "repaid")
    r"|(?:out|over|under|with|up|mis|re)?(?:went|came|took|met|made|gave|held|began|left|fell|rose|won|lost|saw|found|got"
    r"|kept|sent|spent|spoke|brought|bought|thought|felt|stood|ran|wrote|struck|paid|led|broke"
    r"|chose|drove|flew|grew|knew|threw|became|agreed|freed|sold|hung|shot|fought|sought"
    r"|taught|caught|drew|rang|sang|swam|wore|tore|stole)"
)
# A plan told in the past ("planned to leave on Thursday", "was due to expire Friday").
_NEAR_WORDS = (
    r"(?:planned|intended|hoped|wanted|agreed|decided|promised|pledged|vowed|voted|offered|threatened"
    r"|(?:was|were|had\s+been)\s+(?:due|set|scheduled|slated|supposed|going|expected))\s+to\s+[a-z]+"
    # or a planned event ("planned a rally on Saturday", "called a strike for Monday")
    r"|(?:planned|scheduled|called)\s+(?:a|an|another|their|its|his|her)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:rally|rallies|demonstration|protest|march|strike|meeting|vote|election|referendum|hearing|summit|talks)"
)
_CUE = re.compile(
    r"\b(?:(?P<near>" + _NEAR_WORDS + r")|(?P<future>" + _FUTURE_WORDS + r")|(?P<past>" + _PAST_WORDS + r"))\b"
    r"|\b(?P<past_ed>[a-z]{2,}(?<!e)(?<!\bne)ed)\b",
)
# Bare weekday and month names, quarters and the weekend: expressions whose value depends
# on tense; also with a possessive "s" whose apostrophe a crawl stripped ("Decembers deadline").
_TENSE_SENSITIVE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)s?\b"
    r"|\b(?:first|second|third|fourth|final)[\s-]+quarters?\b|\bweekends?\b",
    re.IGNORECASE,
)


def needs_parse(text: str) -> bool:
    """Whether ``text`` needs POS tags and a parse to date its expressions well.

    True only for sentences with a tense-sensitive expression (a weekday, a month name, a
    quarter or the weekend) and either no lexical tense cue or cues that disagree. Costs two
    regex searches: microseconds, and most sentences stop at the first.
    """
    if not text or not _TENSE_SENSITIVE.search(text):
        return False
    kinds = {_cue_kind(m) for m in _CUE.finditer(text)}
    return len(kinds) != 1


def _cue_kind(m: re.Match) -> str:
    return NEAR if m["near"] else FUTURE if m["future"] else PAST


def lexical_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the lexical cue nearest to ``text[start:end]`` (None without any cue).

    Cues inside the expression itself do not count. Distance is in characters, and a cue
    before the expression wins a tie (``said Friday`` over ``Friday, when they will``).
    """
    best: tuple[int, str] | None = None
    for m in _CUE.finditer(text):
        if m.end() > start and m.start() < end:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end + 1
        if best is None or distance < best[0]:
            best = (distance, _cue_kind(m))
    return best[1] if best else None


_FUTURE_AUX = frozenset({"will", "'ll", "ll", "shall", "wo", "would", "'d", "could", "might",
                         "should", "must", "can", "may"})
_PLAN_LEMMAS = frozenset({"schedule", "slate", "set", "plan", "expect", "due", "intend",
                          "target", "aim"})


def parsed_tense(doc, start_char: int, end_char: int) -> str | None:
    """The tense of the verb governing the Doc span [start_char, end_char), from the parse.

    Walks up the dependency heads from the span's first token to the nearest verb, then
    reads its auxiliaries. None when there is no governing verb (a headline fragment) or the
    verb is in the simple present, which says nothing about past or future."""
    token = next((t for t in doc if t.idx >= start_char), None)  # type: ignore[attr-defined]
    if token is None or token.idx >= end_char:
        return None
    first = token
    for _ in range(8):  # dependency chains in news sentences are rarely deeper than this
        if token.pos_ in ("VERB", "AUX") and not (start_char <= token.idx < end_char):
            token = _speech_verb_before_clause(token, first) or token
            tense = _verb_tense(token)
            if tense is None and _bare_participle(token) or _bare_infinitive(token):
                # "idled for four weeks starting March 3", "saw shells explode on Thursday":
                # the idling's, the seeing's tense
                token = token.head
                continue
            if tense == FUTURE and token.tag_ in ("VBZ", "VBP") and _main_verb(token) and is_headline(doc.text):
                # Headlines tell past events in the present ("Stocks fall on Monday", "Hale
                # posts loss in second quarter") and plans with "to" ("Union to strike
                # Monday"): their main verb's simple present is no schedule. (A present in a
                # clause of condition or time still looks ahead: "unless troops pull back by
                # Friday".)
                return None
            return tense
        if token.head is token:
            return None
        token = token.head
    return None


def _bare_participle(verb) -> bool:
    """Whether ``verb`` is an -ing form without auxiliaries that modifies a word of its clause
    ("starting March 3", "the week ending Friday"): it has no tense of its own, so the verb
    it hangs from tells it."""
    return (verb.tag_ == "VBG" and verb.dep_ in ("prep", "acl", "advcl", "xcomp", "pcomp")
            and verb.head is not verb and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


# Verbs of seeing and of making that take a bare infinitive ("saw shells explode", "let them
# leave", "helped troops retake"): the complement's tense is theirs.
_BARE_INFINITIVE_HEADS = frozenset({"see", "watch", "hear", "feel", "notice", "witness", "make", "let", "help"})


def _bare_infinitive(verb) -> bool:
    """Whether ``verb`` is a bare infinitive after a verb of seeing or making (``had seen
    three shells explode on Thursday``): the parser often tags it a present (VBP), which
    would read the day as a schedule ahead."""
    return (verb.tag_ in ("VB", "VBP") and verb.dep_ in ("ccomp", "xcomp") and verb.head is not verb
            and verb.head.lemma_ in _BARE_INFINITIVE_HEADS
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children))


# Verbs that report speech or writing: a day between one of them and its clause's subject
# ("said on Monday it would close") dates the saying.
_SPEECH_LEMMAS = frozenset({"say", "tell", "announce", "report", "state", "confirm", "add", "warn", "claim",
                            "predict", "disclose", "reveal", "indicate", "insist", "argue", "admit",
                            "acknowledge", "deny", "note", "write", "forecast", "estimate", "caution"})


def _speech_verb_before_clause(verb, first):
    """The speech verb that ``first`` (an expression's first token) really belongs to, when the
    parser hung the expression from ``verb``, the verb of a reported clause, though it stands
    between the speech verb and the clause's subject: in "GM said on Monday it would close
    the plant" the day is the saying's, since an adverbial of the reported clause cannot come
    before its subject unless "that" opens the clause first ("said that on Monday it would").
    None otherwise."""
    head = verb.head
    if verb.dep_ != "ccomp" or head is verb or head.lemma_ not in _SPEECH_LEMMAS or not head.i < first.i < verb.i:
        return None
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or min(subjects) < first.i:
        return None
    doc = verb.doc
    if any(doc[i].lower_ in ("that", "whether", "if", "when", "because") for i in range(head.i + 1, first.i)):
        return None
    return head


def _verb_tense(verb, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if "could" in words and any(c.dep_ == "neg" for c in verb.children):
        return PAST  # "could not be reached for comment on Tuesday": a past inability
    if words & _FUTURE_AUX or "going" in words:
        return FUTURE
    if verb.tag_ == "VB" and "to" in words:
        # An infinitive is ahead of its governing verb: "is scheduled to expire Friday" and
        # "plans to leave Monday" are future; "planned to leave Thursday" and "had been due
        # to expire Friday" are ahead of a past moment: the nearest such day.
        head = verb.head
        if head.pos_ == "ADJ" and head.head is not head:
            head = head.head  # "due to expire": the verb "due" hangs from
        elif verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            noun, head = head, _clause_verb(head)  # "launched a bid to retake the town on Thursday"
            if noun.lemma_ in _PLAN_LEMMAS and not _simple_or_perfect_past(head):
                return FUTURE  # "has told Japan of its plans to withdraw in May": plans that still hold
        if depth < 3 and head is not verb and head.pos_ in ("VERB", "AUX"):  # chains of 3 at most
            if _verb_tense(head, depth + 1) in (PAST, NEAR):
                return NEAR
        return FUTURE
    if verb.lemma_ in _PLAN_LEMMAS and verb.tag_ in ("VB", "VBN", "VBZ", "VBP") and not any(
        a.tag_ == "VBD" for a in auxes
    ):
        return FUTURE
    if verb.lemma_ in ("plan", "schedule") and verb.tag_ == "VBD" and any(c.dep_ == "dobj" for c in verb.children):
        return NEAR  # "planned a rally on Saturday": the event lies ahead of the planning
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ in ("VBD", "VBN"):
        return PAST
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") and not auxes and verb.lemma_ not in _REPORTING_LEMMAS:
        # The simple present of an event verb with a date is a schedule ("the two leaders
        # meet Monday", "the phone goes on sale Friday"); reporting verbs and "be"/"have"
        # ("says", "is") say nothing about when.
        return FUTURE
    return None


def _simple_or_perfect_past(verb) -> bool:
    """Whether ``verb`` is told in the simple past or the past perfect (``announced``, ``had
    announced``), not the present perfect (``has announced``), which is told from now."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "VBD" for a in auxes) or (verb.tag_ == "VBD" and not auxes)


def _clause_verb(token):
    """The verb whose clause ``token`` (a noun) belongs to, a few heads up; ``token`` itself
    without one. An infinitive that qualifies a noun (``plans to meet``, ``operations to
    rescue the crew``) is ahead of that clause's time, as one after a verb is."""
    for _ in range(4):  # noun -> preposition -> verb, through a coordination or two
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _main_verb(token) -> bool:
    """Whether ``token`` is the sentence's main verb or one coordinated with it."""
    return token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")


# A sentence that ends without a full stop, question or exclamation mark (before any closing
# quote or bracket) is a headline or a caption, written in headlinese.
_SENTENCE_END = re.compile(r"[.!?][\s'\"\u2019\u201d)\]]*$")


def is_headline(text: str) -> bool:
    """Whether ``text`` reads as a headline: words without sentence-final punctuation."""
    text = text.strip()
    return bool(text) and " " in text and not _SENTENCE_END.search(text)


_REPORTING_LEMMAS = frozenset({"say", "tell", "report", "announce", "claim", "state", "confirm", "be", "have"})


def direction_of(tense: str | None) -> str | None:
    """The calendar direction a tense implies: past, future, near (the nearest either way,
    told so by the tense) or None (no cue)."""
    return {PAST: "past", FUTURE: "future", NEAR: "near"}.get(tense or "")
