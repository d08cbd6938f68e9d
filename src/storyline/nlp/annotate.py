"""Sentences through spaCy: the contract every understanding module codes against.

An :class:`AnnotatedSentence` pairs the sentence as stored (original text, which every
output offset refers to) with a spaCy ``Doc`` of its *repaired* text (stripped apostrophes
restored and similar, see ``nlp.repair``). Modules read the Doc and report spans with
:meth:`AnnotatedSentence.span`, which maps Doc character offsets back to the original.

Every Doc has named entities. Tags, lemmas and the dependency parse are present only when
``parsed`` is True: parsing is the expensive part, so it runs only on sentences that some
module's ``needs_parse(text)`` asks for (see :func:`annotate`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..records import Span


def _identity(i: int) -> int:
    return i


@dataclass
class AnnotatedSentence:
    """One sentence of an article, annotated.

    ``index``: the sentence's index in its article (``Sentence.index``).
    ``text``: the sentence as stored; all reported offsets are into this string.
    ``doc``: spaCy Doc of the repaired text. ``parsed``: tags/lemmas/deps present.
    ``to_original``: maps a character offset in ``doc.text`` to one in ``text``.
    """

    index: int
    text: str
    doc: object
    parsed: bool
    to_original: Callable[[int], int] = field(default=_identity)

    @functools.cached_property
    def doc_text(self) -> str:
        """``doc.text``, read once: spaCy rebuilds it from every token on each access (it was
        6% of enrichment's CPU when every span asked for its length)."""
        return self.doc.text  # type: ignore[attr-defined]

    def span(self, start_char: int, end_char: int) -> Span:
        """A :class:`Span` of the original text for Doc character offsets [start, end).

        ``to_original`` maps an inserted character (a restored apostrophe) to the original
        character after it, so an exclusive end maps to an exclusive end."""
        n = len(self.doc_text)
        start = self.to_original(start_char) if start_char < n else len(self.text)
        end = self.to_original(end_char) if end_char < n else len(self.text)
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        return Span(self.index, start, end, self.text[start:end])

    def token_span(self, span: object) -> Span:
        """A :class:`Span` for a spaCy Span or Token."""
        start = span.idx if hasattr(span, "idx") else span.start_char  # type: ignore[attr-defined]
        end = start + len(span.text) if hasattr(span, "idx") else span.end_char  # type: ignore[attr-defined]
        return self.span(start, end)


def annotate(
    texts: Sequence[str],
    *,
    indexes: Sequence[int] | None = None,
    parse: Sequence[bool] | None = None,
    nlp: object | None = None,
) -> list[AnnotatedSentence]:
    """Annotate sentences: NER on all, tagger/parser on those with ``parse[i]`` True.

    A simple reference implementation (the full pipeline on every sentence when ``parse`` is
    None); the enrich stage replaces it with selective, batched, repaired processing.
    """
    from .engine import load_model

    nlp = nlp or load_model()
    indexes = list(indexes) if indexes is not None else list(range(len(texts)))
    docs = list(nlp.pipe(texts, batch_size=64))  # type: ignore[attr-defined]
    flags = list(parse) if parse is not None else [True] * len(texts)
    return [AnnotatedSentence(i, t, d, p) for i, t, d, p in zip(indexes, texts, docs, flags)]
