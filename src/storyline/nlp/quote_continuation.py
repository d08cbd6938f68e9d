"""Carrying a quote over neighbouring sentences when the input has no quote marks.

News quotes often run over several sentences: ``"A," she said. "B. C."`` Without the marks
the continuation has to be read from the text itself. Measured on PolNeAR train (ordered,
stripped; benchmarks/quotes_polnear.py ``--split train``): after a sentence that ends with
its attribution (``..., she said.``), the next sentence belongs to the same quote 88% of the
time when it speaks in the first person (I, we, my, our...) and has no cue word of its own,
and only 35% of the time when it has no first-person word; the sentence before the
attribution belongs to it 67% of the time under the same test. After ``X said:`` closing a
sentence, 87-97% of the following sentences carry on until another attribution starts.

So a quote is carried only in reading order, only into sentences that have no attribution of
their own, and (except after a colon) only while they speak in the first person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Span
from ..settings import Settings
from .annotate import AnnotatedSentence
from .speech_verbs import cue_words

# Case matters for "I", "us" and the stripped contractions ("US" is the country, "ID" a
# card); the other first-person words count in any case.
_CASED = re.compile(r"\b(?:I|us|Im|Ive|Id|Ill)\b")
_ANY_CASE = re.compile(r"\b(?:we|my|our|ours|me|myself|ourselves|weve)\b", re.I)


def first_person(text: str) -> bool:
    """Whether a sentence speaks in the first person."""
    return bool(_CASED.search(text) or _ANY_CASE.search(text))


def _whole(sentence: AnnotatedSentence) -> Span:
    return Span(sentence.index, 0, len(sentence.text), sentence.text)


def carry_unmarked(
    pos: int,
    content: list[Span],
    sentences: Sequence[AnnotatedSentence],
    taken: set[int],
    settings: Settings,
    after_colon: bool = False,
) -> list[Span]:
    """Extend ``content`` (found in sentence ``pos``) to neighbouring sentences.

    ``taken``: positions of sentences that have an attribution of their own (never joined).
    ``after_colon``: the sentence ended with ``X said:``; then the following sentences are
    taken while they have no attribution, whatever their person.
    """
    limit = settings["quotes.max_continuation_sentences"]
    out = list(content)
    first_in_quote = any(first_person(c.text) for c in content)
    for j in range(pos + 1, min(len(sentences), pos + 1 + limit)):
        if j in taken:
            break
        text = sentences[j].text
        if after_colon:
            ok = not cue_words(text) or j == pos + 1
        else:
            ok = first_person(text) and (not cue_words(text) or first_in_quote)
        if not ok:
            break
        out.append(_whole(sentences[j]))
    if after_colon:
        return out
    before: list[Span] = []
    for j in range(pos - 1, max(-1, pos - 1 - limit), -1):
        if j in taken:
            break
        text = sentences[j].text
        if not (first_person(text) and not cue_words(text)):
            break
        before.append(_whole(sentences[j]))
    return before[::-1] + out
