"""What kind of speaker a cue's subject is, and the frame's speaker fields from it
(:func:`fill_speaker`): a name (with the name part of its phrase), a description, a pronoun
to resolve later, a group (``those surveyed``, ``many in the party``: the phrase as written),
a relative ``who`` read through its antecedent (past a stripped double genitive, an
apposition, ``among those who``), or a pronoun and a name speaking together. Which token
speaks is :mod:`.quote_subjects`' and :mod:`.quote_inherited`'s question.
"""

from __future__ import annotations

from .quote_speaker_span import RELATIVE, name_range, speaker_phrase
from .quote_subjects import SUBJECTS, Frame, char_span, trim

PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them"})
# Pronouns for people left unnamed (``everyone but Lund``, ``someone in the crowd``).
INDEFINITE_PEOPLE = frozenset({
    "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "each", "either",
})
# Pronouns that stand for a group or a share of people ("those surveyed", "some of the
# teachers", "many in the party") or for people unnamed: no antecedent to resolve, so the
# phrase as written, with its modifiers, is the speaker's description.
GROUP_PRONOUNS = frozenset({
    "those", "these", "some", "many", "most", "others", "several", "few", "both", "all",
    "none", "half", "one",
}) | INDEFINITE_PEOPLE


def _double_genitive(antecedent):
    """The noun a relative clause is about when the parser hung it on the ``s`` a stripped
    apostrophe leaves of a double genitive: in ``a cousin of Lund s, who said ...`` (``of
    Lund's``) the cousin speaks, not ``Lund s``."""
    prep = antecedent.head
    if antecedent.lower_ == "s" and antecedent.dep_ == "pobj" and prep.lower_ == "of" \
            and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i < prep.i:
        return prep.head
    return antecedent


def _counted_among(antecedent):
    """The subject of ``Ada Roth is among those who say ...`` or ``is one of the voters who
    say ...``: the one the sentence is about says it, counted among the others; else
    ``antecedent``."""
    prep = antecedent.head
    if antecedent.dep_ != "pobj" or prep.lower_ not in ("among", "of"):
        return antecedent
    copula = prep.head
    if prep.lower_ == "of":
        if copula.lower_ != "one" or copula.dep_ != "attr":
            return antecedent
        copula = copula.head
    if copula.lemma_ != "be":
        return antecedent
    return next((c for c in copula.children if c.dep_ == "nsubj" and c.i < copula.i), antecedent)


def _apposed(antecedent):
    """The name a relative clause's noun is in apposition to: in ``Ines Ferro, a nurse who
    said ...`` the nurse is Ines Ferro, whom a reader knows by name."""
    head = antecedent.head
    if antecedent.dep_ == "appos" and head.pos_ == "PROPN" and head.i < antecedent.i:
        return head
    return antecedent


# What a stripped contraction leaves of its verb when the tokenizer splits it off the
# pronoun (``Id say``, ``Hed said``, ``Theyll say``: I'd, he'd, they'll with the apostrophe
# gone); the parser may make that remnant the subject.
_CONTRACTION_REMNANTS = frozenset({"d", "ll", "ve", "m", "re"})


def _contracted(doc, subj):
    """The pronoun a stripped contraction's remnant stands after (``[I]d say``), else ``subj``."""
    if subj.lower_ in _CONTRACTION_REMNANTS and subj.i > 0:
        before = doc[subj.i - 1]
        if before.pos_ == "PRON" and not before.whitespace_:
            return before
    return subj


def _joint_subject(subj) -> int | None:
    """The end (a token index) of ``he and Ada Roth``, a person's pronoun and someone named
    beside it, speaking together: the pronoun alone would give the words to one of them (or
    to whoever the pronoun was resolved to). None for any other subject."""
    if subj.lower_ not in ("he", "she") or subj.dep_ not in SUBJECTS:
        return None
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")), None)
    if conj is None or not any(c.dep_ == "cc" and c.lower_ == "and" for c in subj.children):
        return None
    named = name_range(subj.doc, conj)  # "he and the developer Ada Roth": the name in apposition too
    return max(speaker_phrase(conj)[1], named[1] if named is not None else 0)


def fill_speaker(doc, subj, frame: Frame) -> None:
    """Fill the speaker fields of ``frame`` from a subject token."""
    subj = _contracted(doc, subj)
    low = subj.lower_
    if low in RELATIVE and subj.head.dep_ == "relcl":
        frame.speaker = char_span([subj])
        frame.speaker_kind = "relative"
        antecedent = _counted_among(_apposed(_double_genitive(subj.head.head)))
        rng = name_range(doc, antecedent)
        if rng is None:
            frame.description = trim(doc, *speaker_phrase(antecedent))
        else:
            frame.name = char_span(doc[rng[0]:rng[1]])
        return
    if low in GROUP_PRONOUNS and subj.dep_ in SUBJECTS:
        frame.speaker = trim(doc, subj.left_edge.i, subj.right_edge.i + 1)
        frame.speaker_kind = "description"
        frame.description = frame.speaker
        return
    joint = _joint_subject(subj)
    if joint is not None:
        frame.speaker = frame.description = trim(doc, subj.i, joint)
        frame.speaker_kind = "description"
        frame.tags.add("joint")
        return
    if low in PERSONAL or subj.pos_ == "PRON":
        frame.speaker = char_span([subj])
        frame.speaker_kind = "pronoun"
        return
    start, end = speaker_phrase(subj)
    frame.speaker = trim(doc, start, end)
    rng = name_range(doc, subj)
    if rng is not None and frame.speaker is not None:
        frame.name = char_span(doc[rng[0]:rng[1]])
        frame.speaker_kind = "name"
    else:
        frame.speaker_kind = "description"
        frame.description = frame.speaker
