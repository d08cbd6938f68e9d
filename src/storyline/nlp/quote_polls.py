"""Quote frames of a poll named in a prepositional phrase: ``Lund leads in the latest poll``.

A standing in a poll is the poll's finding, and PolNeAR annotates it so: the poll phrase is
the source, ``in`` the cue and the clause around it the content (``[Lund held a 12-point
edge] in [a Harbour Gazette poll]``, ``In [a new survey], [Varga leads Lund by five
points]``). No verb of saying is there, so neither the rules nor the model found these.
"""

from __future__ import annotations

from .quote_speaker_kinds import fill_speaker
from .quote_subjects import Frame, char_span, trim
from .speech_verbs import parse_cue_words

# Nouns of a poll (general English); "average" counts with "poll"/"polling" on it.
_POLLS = frozenset({"poll", "survey"})
_POLL_WORDS = frozenset({"poll", "polling"})


def poll_frames(doc) -> list[Frame]:
    """``CLAUSE in POLL`` and ``In POLL, CLAUSE``: the poll phrase speaks for the clause
    whose verb the ``in`` phrase hangs on (or the verb of the noun it hangs on: ``held an
    edge in the poll``)."""
    out = []
    for prep in doc:
        if prep.lower_ != "in" or prep.dep_ != "prep":
            continue
        poll = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if poll is None or not _is_poll(poll):
            continue
        verb = _clause_verb(prep.head)
        if verb is None or not _main_clause(verb):
            continue
        content = _content(doc, verb, prep)
        if not content or any(parse_cue_words(doc.text[a:b]) for a, b in content):
            continue  # "In a survey, 79 percent said ...": the clause has an attribution of its own
        frame = Frame(cue=char_span([prep]), content=content, lemma="in", cue_before=prep.i < verb.left_edge.i)
        fill_speaker(doc, poll, frame)
        frame.tags.add("poll")
        out.append(frame)
    return out


def _is_poll(tok) -> bool:
    """Whether a noun names a poll (``the polls``, ``a new survey``, ``the polling average``)."""
    lemma = tok.lemma_.lower()
    if lemma in _POLLS or tok.lower_ in ("polls", "surveys"):
        return True
    return lemma == "average" and any(c.lemma_.lower() in _POLL_WORDS for c in tok.children)


def _clause_verb(tok):
    """The verb of the clause a token belongs to (itself, or up its heads through nouns),
    or None when the parse reaches the root without one."""
    # "held [an edge] in": a noun or two between the verb and the phrase
    return next((t for t in [tok, *tok.ancestors][:4] if t.pos_ in ("VERB", "AUX")), None)


def _main_clause(verb) -> bool:
    """Whether a verb heads the sentence (or an infinitive of the verb that does: ``continues
    to lead``): a poll in a relative or adverbial clause (``who leads in the polls``, ``as
    Lund trails in the polls``) qualifies a word of another clause, not the sentence."""
    while verb.dep_ == "xcomp":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _content(doc, verb, prep) -> list[tuple[int, int]]:
    """The verb's clause without the poll phrase (and without the comma after a phrase
    that opens the sentence), as one or two character spans."""
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.i < verb.i:
        start = verb.head.left_edge.i  # "Varga continues to lead in the polls"
    cut_start, cut_end = prep.left_edge.i, prep.right_edge.i + 1
    if start <= cut_start < end:
        pieces = [(start, cut_start), (cut_end, end)]
    else:
        pieces = [(start, end)]
    spans = []
    for a, b in pieces:
        while a < b and (doc[a].is_punct or doc[a].is_space):
            a += 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        if b - a >= 2:
            span = trim(doc, a, b)
            if span is not None:
                spans.append(span)
    return spans
