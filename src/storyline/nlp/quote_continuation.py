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

With the trained quote model (:mod:`.quote_model`), :func:`carry_learned` replaces that
first-person test: a logistic regression over :func:`step_features` (the attribution's
shape, the neighbour's person, cue words, opening word, names) gives the probability that
the next sentence in either direction still belongs to the quote, and the quote is carried
while it stays at least ``quotes.model_continue_prob``. On PolNeAR train, after
``CONTENT, X said.`` 63% of the next sentences that have no attribution of their own carry
on the quote, and the first-person test finds a third of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Span
from ..settings import Settings
from .annotate import AnnotatedSentence
from .quote_parse import Frame
from .speech_verbs import cue_words

# Case matters for "I", "us" and the stripped contractions ("US" is the country, "ID" a
# card); the other first-person words count in any case.
_CASED = re.compile(r"\b(?:I|us|Im|Ive|Id|Ill)\b")
_ANY_CASE = re.compile(r"\b(?:we|my|our|ours|me|myself|ourselves|weve)\b", re.I)


def first_person(text: str) -> bool:
    """Whether a sentence speaks in the first person."""
    return bool(_CASED.search(text) or _ANY_CASE.search(text))


def whole_sentence(sentence: AnnotatedSentence) -> Span:
    """The whole text of a sentence as a content span."""
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
        out.append(whole_sentence(sentences[j]))
    if after_colon:
        return out
    before: list[Span] = []
    for j in range(pos - 1, max(-1, pos - 1 - limit), -1):
        if j in taken:
            break
        text = sentences[j].text
        if not (first_person(text) and not cue_words(text)):
            break
        before.append(whole_sentence(sentences[j]))
    return before[::-1] + out


_THIRD = re.compile(r"\b(?:he|she|they|his|her|their|him|them|hes|shes|theyre)\b", re.I)
_SECOND = re.compile(r"\b(?:you|your|youre)\b", re.I)
# Opening words kept as themselves in the features; any other opening word counts by shape.
_OPENERS = frozenset("""
and but so or because if when then that this these it its there i we you he she they the
a an in on as for yes no now well not what why how still also
""".split())


def _shape(word: str) -> str:
    low = word.lower()
    if low in _OPENERS:
        return low
    if word[:1].isdigit():
        return "#"
    return "Cap" if word[:1].isupper() else "low"


def step_features(frame: Frame, text: str, next_text: str, next_doc, direction: int, step: int) -> list[str]:
    """Features of carrying the quote of ``frame`` (found in the sentence ``text``) over to
    ``next_text``, ``step`` sentences away in ``direction`` (1 forward, -1 backward).
    Words only, no parse: the neighbour may not have been parsed."""
    d = "f" if direction > 0 else "b"
    cat = "according" if frame.lemma == "according to" else ("pre" if frame.cue_before else "post")
    ends = bool(frame.content) and not text[frame.content[-1][1]:].strip(" .!?,;:")
    starts = bool(frame.content) and not text[:frame.content[0][0]].strip(" ")
    fp_next = first_person(next_text)
    cue_next = bool(cue_words(next_text))
    words = next_text.split()
    size = len(words)
    f = [f"ds={d}{step}", f"cat={cat}{d}", f"lem={frame.lemma}{d}", f"sk={frame.speaker_kind}{d}",
         f"end={ends}{d}", f"start={starts}{d}", f"fp={fp_next}{d}", f"cue={cue_next}{d}",
         f"mix={cat}{d}{min(step, 2)}_{fp_next}_{cue_next}_{ends}",
         f"w0={_shape(words[0]) if words else ''}{d}",
         f"len={'1' if size < 8 else '2' if size < 20 else '3'}{d}"]  # short, sentence-sized, long
    f += [f"tag={t}{d}" for t in sorted(frame.tags)]
    if first_person(" ".join(text[s:e] for s, e in frame.content)):
        f.append(f"content_fp{d}")
    if _THIRD.search(next_text):
        f.append(f"third{d}_{fp_next}")
    if _SECOND.search(next_text):
        f.append(f"second{d}")
    if next_text.rstrip().endswith("?"):
        f.append(f"question{d}")
    if any(e.label_ == "PERSON" for e in getattr(next_doc, "ents", ())):
        f.append(f"person{d}")
    return f


def names_speaker(text: str, speaker: str) -> bool:
    """Whether a sentence names the speaker by the last word of their name (``Now the search
    moves north, where Varga will open a new office`` after a quote of Ilona Varga): the
    writer's narration about them, since people seldom name themselves in the third person.
    Only for a proper name (a description or ``unknown`` names nobody)."""
    words = speaker.split()
    if not words or speaker == "unknown" or not words[-1][:1].isupper() or len(words[-1]) < 3:
        return False
    return re.search(rf"\b{re.escape(words[-1])}\b", text) is not None


# Tags of a frame whose content is a speaker's turn or words after a colon (``HALE: ...``,
# ``X said: ...``), where a question to the listener may be the speaker's own.
_TURN_TAGS = frozenset({"headline", "colon"})


def _reported(frame: Frame, text: str) -> bool:
    """Whether the frame reports words in the writer's voice: its cue comes first and its
    content speaks of others only (``They say the port would bring jobs``), not a turn, not
    words in the speaker's own person (``told X that you can never ...``)."""
    if not frame.cue_before or frame.tags & _TURN_TAGS or not frame.content:
        return False
    content = " ".join(text[s:e] for s, e in frame.content)
    return not first_person(content) and not _SECOND.search(content)


def asks_listener(text: str) -> bool:
    """Whether a sentence is a question put to the reader or to someone interviewed, not in
    the first person (``Would you trust them?``; ``Do you see what I mean?`` may be the
    speaker's own): a report in the writer's voice does not run on into it."""
    return text.rstrip().endswith("?") and _SECOND.search(text) is not None and not first_person(text)


def carry_learned(
    frame: Frame,
    pos: int,
    content: list[Span],
    sentences: Sequence[AnnotatedSentence],
    taken: set[int],
    settings: Settings,
    probability,
    speaker: str = "",
) -> list[Span]:
    """Extend ``content`` (of ``frame``, found in sentence ``pos``) forward and backward
    while ``probability(features)`` of the next sentence is at least
    ``quotes.model_continue_prob``, never into a sentence of ``taken`` (one with an
    attribution of its own), never into one that names the speaker (``speaker``, the name
    the quote gives: see :func:`names_speaker`), never from a report in the writer's voice into
    a question to the listener (:func:`asks_listener`) and at most
    ``quotes.max_continuation_sentences`` away."""
    limit = settings["quotes.max_continuation_sentences"]
    least = settings["quotes.model_continue_prob"]
    text = sentences[pos].doc_text  # frame offsets are Doc offsets
    reported = _reported(frame, text)
    after: list[Span] = []
    before: list[Span] = []
    for direction, out in ((1, after), (-1, before)):
        for step in range(1, limit + 1):
            j = pos + direction * step
            if j < 0 or j >= len(sentences) or j in taken or not sentences[j].text.strip():
                break
            nxt = sentences[j]
            if names_speaker(nxt.text, speaker) or reported and asks_listener(nxt.text):
                break
            if probability(step_features(frame, text, nxt.text, nxt.doc, direction, step)) < least:
                break
            out.append(whole_sentence(nxt))
    return before[::-1] + list(content) + after
