"""Split running text (JSONL ``text`` fields, extracted HTML) into sentences with offsets.

Paragraph breaks always end a sentence. Within a paragraph, spaCy's rule-based sentencizer
over its English tokenizer decides: the tokenizer already keeps abbreviations such as
``Mr.``, ``U.S.`` and ``Jan.`` in one token, so they do not end sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

_PARAGRAPH = re.compile(r"[^\n]+")
# spaCy's sentencizer keeps punctuation that follows a full stop with the sentence it ends,
# including an opening quote or bracket of the next sentence (`... parliament. “If ...`).
# Characters after the last space that can only open something belong to the next sentence.
_OPENERS_AT_END = re.compile(r"\s+([“‘«\"'(\[]+)\s*$")


@functools.lru_cache(maxsize=1)
def _splitter():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) character offsets of the sentences of ``text``."""
    nlp = _splitter()
    for para in _PARAGRAPH.finditer(text):
        chunk = para.group()
        if not chunk.strip():
            continue
        base = para.start()
        if len(chunk) < 40 or not any(c in chunk for c in ".!?"):
            yield base, para.end()
            continue
        doc = nlp(chunk)
        carry = None
        for sent in doc.sents:
            start = base + sent.start_char if carry is None else carry
            end = base + sent.end_char
            carry = None
            opener = _OPENERS_AT_END.search(text, start, end)
            if opener and opener.end() == end:
                carry = opener.start(1)
                end = opener.start()
            if text[start:end].strip():
                yield start, end
