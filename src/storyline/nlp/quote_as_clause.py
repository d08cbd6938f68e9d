"""``As X said, ...``: an attribution in a comparative ``as`` clause set off by commas.

News vouches for a statement by a source in a parenthetical ``as`` clause: ``As the Herald
reported last week, the mayor overspent``, ``The plan, as Lund said on Monday, is dead``,
``The vote is close, as Lund told local radio``. The cue has no content of its own there:
what the source said is the clause the ``as`` clause comments on, without the ``as`` clause.
Read as an ordinary cue, the parse gave the wrong content: the cue's time phrase and the
rest of the clause (``[on Monday, is dead]``), its addressee (``told [local radio]``), the
clause with the ``as`` in it (``[The plan is dead, as]``), or nothing when a time phrase
followed the cue.

Only the evidential ``as``: the clause opens with ``as``, is set off by a comma, a dash or the
sentence's edges, has a subject, no clause or object of its own (the one told aside), its cue
is neither a progressive nor a verb of the act of speaking (``as the minister was speaking``,
``as Lund spoke``: a time, not a source), and it is not the saying ``as they say``. Such a
quote is never carried into the next sentence: the writer vouches for one clause.
"""

from __future__ import annotations

from .quote_subjects import DASHES, trim
from .speech_verbs import ADDRESSEE

# Dependents that make the cue's own content: then the "as" clause is no parenthetical
# ("as he said he would", "as she promised to").
_OWN_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "dative", "attr", "oprd"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Subjects of an idiom ("as they say", "as you say"): nobody in particular.
_ANYONE = frozenset({"they", "you", "one", "people"})
# Cues of an act of speaking, not of a statement: "as Lund spoke, the crowd left" tells when.
_WHILE_SPEAKING = frozenset({"speak", "talk", "address", "testify", "chat", "lecture", "preach"})
_WORDS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM", "ADJ"})


def _set_off(doc, first: int, last: int) -> bool:
    """Whether tokens [first, last] stand apart: a comma or a dash (or the sentence's edge,
    perhaps after an opening ``And``/``But``) on each side."""
    before = first == 0 or doc[first - 1].text in (",", ";") or doc[first - 1].text in DASHES or (
        all(t.dep_ == "cc" or t.is_punct for t in doc[0:first]))
    after = last + 1 >= len(doc) or doc[last + 1].is_punct
    return before and after


def as_clause(verb, lemma: str) -> bool:
    """Whether the cue ``verb`` (of ``lemma``) heads a parenthetical ``as X said`` clause."""
    if lemma in _WHILE_SPEAKING:
        return False
    if verb.dep_ != "advcl" or verb.head.i == verb.i or verb.tag_ == "VBG":
        return False
    first = verb.left_edge
    if first.lower_ != "as" or first.dep_ != "mark" or first.head.i != verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects:
        return False
    if verb.lower_ in ("say", "says") and subjects[0].lower_ in _ANYONE:
        return False  # "as they say, ...": a saying, nobody's statement
    if any(c.dep_ in _OWN_CONTENT and not (lemma in ADDRESSEE and c.dep_ in ("dobj", "dative"))
           for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "VBG" for c in verb.children) or any(
            c.dep_ == "aux" and c.lower_ in ("is", "was", "were", "are") for c in verb.children):
        return False  # "as the minister was speaking": when, not who vouches
    last = verb.right_edge.i
    while last > verb.i and verb.doc[last].is_punct:
        last -= 1  # the parser may hang the closing comma on the cue
    return _set_off(verb.doc, first.i, last)


def as_content(doc, verb) -> list[tuple[int, int]]:
    """The clause an ``as`` clause comments on, without it, in character spans: one piece
    before the ``as`` clause, one after it, or both (``The plan, [as Lund said], is dead``).
    The clause is that of the nearest verb at or above the word the ``as`` clause hangs on
    (``plan`` in the last example: the subject of ``is``), past a relative clause the parser
    hung it on (``The way we farm, as Lund said, has made us ...``: the statement is what the
    way of farming did)."""
    node = verb.head
    while (node.pos_ not in ("VERB", "AUX") or node.dep_ in ("relcl", "acl")) and node.head.i != node.i:
        node = node.head  # past a relative clause: "The way we farm, [as Lund said], has made ..."
    start, end = node.left_edge.i, node.right_edge.i + 1
    first, last = verb.left_edge.i, verb.right_edge.i
    pieces = [(start, first), (last + 1, end)]
    # a piece of a conjunction or an adverb alone ("[And], as X reported, ...") is no content
    return [trim(doc, a, b) for a, b in pieces if trim(doc, a, b) is not None
            and any(t.pos_ in _WORDS for t in doc[a:b])]
